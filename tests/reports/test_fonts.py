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
