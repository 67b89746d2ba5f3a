"""宋体 for tables and 仿宋 for running text where the PC has them (every Chinese Windows), embedded;
the bundled font elsewhere. Tested with stand-in fonts in a folder STUDYAPP_FONT_DIRS points at."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

from studyapp import paths


def _pdf_fonts(tmp_path, env_dirs: str) -> str:
    code = textwrap.dedent("""
        import sys
        from reportlab.platypus import SimpleDocTemplate, Paragraph
        from studyapp.reports.forms import base
        from studyapp.reports import fonts
        st = base.styles()
        doc = SimpleDocTemplate(sys.argv[1])
        doc.build([Paragraph("签到表 王德伦", st.cell), Paragraph("学习内容：依法治市", st.body)])
        print({k: v.name for k, v in fonts.used_fonts().items()})
    """)
    import os

    env = dict(os.environ, STUDYAPP_FONT_DIRS=env_dirs, WINDIR="", SystemRoot="", LOCALAPPDATA="")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "form.pdf")], env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    return out.stdout


def test_office_fonts_are_used_where_the_pc_has_them(tmp_path) -> None:
    fonts = tmp_path / "Fonts"
    fonts.mkdir()
    shutil.copy(paths.font_path(), fonts / "simsun.ttc")  # stand-ins for 宋体 and 仿宋
    shutil.copy(paths.font_path(), fonts / "SIMFANG.TTF")
    used = _pdf_fonts(tmp_path, str(fonts))
    assert "'CJK': 'simsun.ttc'" in used and "'CJK-Body': 'SIMFANG.TTF'" in used
    pdf = (tmp_path / "form.pdf").read_bytes()
    assert b"/FontFile2" in pdf  # embedded


def test_elsewhere_the_bundled_font_is_used_for_both(tmp_path) -> None:
    used = _pdf_fonts(tmp_path, str(tmp_path / "nothing-here"))
    assert "'CJK': 'wqy-microhei.ttc'" in used and "'CJK-Body': 'wqy-microhei.ttc'" in used
