"""The page furniture every form shares: the CJK font embedded as a TrueType subset."""

from __future__ import annotations

from pypdf import PdfReader

from studyapp.reports.forms import (
    build_signin_sheet,
)
from tests.reports import sample


def _fonts(pdf: bytes) -> list[dict]:
    import io

    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            found.append(ref.get_object())
    return found


def test_font_is_embedded_cjk_truetype_subset():
    pdf = build_signin_sheet(sample.signin_data())
    fonts = _fonts(pdf)
    embedded = []
    for f in fonts:
        name = str(f.get("/BaseFont", ""))
        desc = f.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in f:
            desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        desc = desc.get_object() if desc is not None else {}
        if "/FontFile2" in desc:
            embedded.append(name)
    assert embedded, "no embedded TrueType font"
    # reportlab subsets are named with a 6-letter tag: ABCDEF+WenQuanYi…
    assert any("+" in n and "wenquanyi" in n.lower().replace(" ", "") for n in embedded), embedded


def test_names_with_markup_characters_are_escaped_for_a_paragraph() -> None:
    from studyapp.reports.forms.base import esc, multiline

    assert esc("A&B <公司>") == "A&amp;B &lt;公司&gt;"
    assert esc("") == "" and esc(None) == ""  # type: ignore[arg-type]
    assert multiline("第一行 <b>\n第二行 & 第三") == "第一行 &lt;b&gt;<br/>第二行 &amp; 第三"


def test_reportlab_formats_its_numbers_in_c() -> None:
    """rl_accel (reportlab[accel]) formats every coordinate of a form in C: the 500-person 成绩登记表
    builds 15 % faster with it (tests/perf/test_reports_perf.py). reportlab falls back to Python
    silently when it is missing — as it would from a bundle that left it out (build.spec names it)."""
    import reportlab.lib.rl_accel as accel

    assert accel.fp_str.__module__ == "_rl_accel"
