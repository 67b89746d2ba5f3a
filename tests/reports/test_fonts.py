"""The bundled CJK font is embedded in PDFs, so Chinese prints on PCs without any Chinese font."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from studyapp.reports.fonts import FONT_NAME, register_fonts

TEXT = "签到表 学习记录 成绩登记表：中共遵义市委关于全面推进依法治市的实施意见"


def _pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    name = register_fonts()
    style = ParagraphStyle("body", fontName=name, fontSize=14, leading=20)
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(TEXT, style), Paragraph(f"<b>加粗：{TEXT}</b>", style)])


def test_register_is_idempotent() -> None:
    from reportlab.pdfbase import pdfmetrics

    assert register_fonts() == FONT_NAME
    assert register_fonts() == FONT_NAME
    assert FONT_NAME in pdfmetrics.getRegisteredFontNames()


def test_pdf_embeds_font(tmp_path: Path) -> None:
    pdf = tmp_path / "fonts.pdf"
    _pdf(pdf)
    data = pdf.read_bytes()
    assert b"/FontFile2" in data  # embedded TrueType program
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = [ln for ln in out.splitlines()[2:] if "WenQuanYi" in ln]
        assert rows and all(ln.split()[-5] == "yes" for ln in rows), out  # embedded subset


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdftotext_reads_chinese_back(tmp_path: Path) -> None:
    pdf = tmp_path / "fonts.pdf"
    _pdf(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    text = "".join(out.stdout.decode("utf-8").split())
    assert "".join(TEXT.split()) in text
    assert "加粗" in text


def test_no_form_references_a_font_it_does_not_embed(tmp_path: Path) -> None:
    """Issue 10: every PDF listed Helvetica, unembedded (a canvas starts in it, a table cell
    without a FONT command falls back to it). pdffonts must list only embedded fonts."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    from studyapp.reports.forms.archive import build_annual_archive
    from studyapp.reports.forms.personal import build_personal_archive
    from studyapp.reports.forms.record import build_study_record
    from studyapp.reports.forms.scores import build_score_sheet
    from studyapp.reports.forms.signin import build_signin_sheet

    from . import sample

    forms = {
        "signin": build_signin_sheet(sample.signin_data()),
        "record": build_study_record(sample.record_data()),
        "scores": build_score_sheet(sample.score_data()),
        "personal": build_personal_archive(sample.personal_data()),
        "archive": build_annual_archive(sample.archive_data()),
    }
    for name, pdf in forms.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
        assert rows, name
        # columns: name type [type] encoding emb sub uni object ID — "emb" is the 4th from the end
        assert all(r[-5] == "yes" for r in rows), (name, out)
        assert not any("Helvetica" in r[0] for r in rows), (name, out)
