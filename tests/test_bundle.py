"""The built PyInstaller bundle works and stays small: its self-test (the window on the bundled
document, the 签到表 built and drawn as the print preview draws it), and through its command line
a .docx and a roster .xlsx imported, questions generated, a paper with its key and a sign-in
sheet printed to PDF (embedded font) and Excel, a PDF with an AES permissions password read.

Runs on a bundle already built (a build takes minutes):

    .venv/bin/pyinstaller build.spec --noconfirm --distpath /tmp/studyapp-dist --workpath /tmp/studyapp-build
    STUDYAPP_BUNDLE=/tmp/studyapp-dist/studyapp .venv/bin/pytest tests/test_bundle.py

Skipped when there is no bundle there (STUDYAPP_BUNDLE, default /tmp/studyapp-dist/studyapp).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BUNDLE = Path(os.environ.get("STUDYAPP_BUNDLE", "/tmp/studyapp-dist/studyapp"))
EXE = BUNDLE / ("studyapp-cli.exe" if sys.platform == "win32" else "studyapp")
SEED = Path(__file__).resolve().parents[1] / "resources" / "documents" / "zunyi-yifazhishi-2014.txt"
DOCS = Path(__file__).resolve().parent / "data" / "documents"
# the Linux one-folder bundle on disk (du); issue 12's target
LIMIT_MIB = 130

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXE.is_file(), reason=f"no built bundle at {BUNDLE} (STUDYAPP_BUNDLE)"),
]


def run(*args: str, data: Path | None = None) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    env.pop("STUDYAPP_DATA", None)
    cmd = [str(EXE), *(("--data", str(data)) if data else ()), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env, timeout=600)
    assert done.returncode == 0, f"{cmd}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def disk_mib(folder: Path) -> float:
    """What the folder takes on disk (as `du -s` counts: blocks, each hard link once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in folder.rglob("*"):
        st = path.lstat()
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        total += st.st_blocks * 512
    return total / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the figure is the Linux bundle's")
def test_the_linux_bundle_is_at_most_130_mib() -> None:
    size = disk_mib(BUNDLE)
    print(f"bundle {BUNDLE}: {size:.1f} MiB")
    assert size <= LIMIT_MIB


def test_the_selftest_opens_the_document_and_previews_a_printed_form() -> None:
    out = run("--selftest")
    assert "目录 4 个部分、13 个条目" in out and "打印预览可显示" in out, out


def test_documents_questions_papers_and_forms_through_the_bundle(tmp_path: Path) -> None:
    import docx
    from openpyxl import Workbook
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    data = tmp_path / "data"
    # a Word file (a real 准则: eight articles under two headings)
    word = tmp_path / "廉洁自律准则.docx"
    d = docx.Document()
    for line in (DOCS / "lianjie-zilv-zhunze-2015.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d.add_paragraph(line.strip())
    d.save(word)
    outline = json.loads(run("outline", str(word), "--json"))
    assert "廉洁自律准则" in outline["title"] and len(outline["sections"]) >= 2, outline
    doc = json.loads(run("import", str(word), "--json", data=data))["document"]

    # questions from the text (rjieba inside the bundle), of the seed and into the Word file's bank
    questions = json.loads(run("questions", str(SEED), "--json", "--seed", "1"))
    assert len(questions) >= 10
    run("bank", "generate", str(doc), data=data)
    assert json.loads(run("bank", "list", str(doc), "--json", data=data))

    # a paper and its key from the bundled document's reviewed bank (reportlab, the embedded font)
    paper, key = tmp_path / "试卷.pdf", tmp_path / "答案.pdf"
    run("paper", "1", "-o", str(paper), "--key", str(key), data=data)
    for pdf in (paper, key):
        raw = pdf.read_bytes()
        assert raw.startswith(b"%PDF") and b"/FontFile2" in raw

    # a roster from Excel, then the sign-in sheet as PDF and Excel
    roster = tmp_path / "名册.xlsx"
    wb = Workbook()
    wb.active.append(["姓名", "单位", "职务"])
    for i, name in enumerate(("王德伦", "李红梅", "张建国")):
        wb.active.append([name, "某某乡党委", "干部" if i else "书记"])
    wb.save(roster)
    run("roster", "import", str(roster), data=data)
    session = json.loads(run("sessions", "--json", data=data))[0]["id"]
    signin = tmp_path / "签到表.pdf"
    run("print", "signin", str(session), "-o", str(signin), data=data)
    text = "".join(page.extract_text() for page in PdfReader(signin).pages)
    assert "李红梅" in text
    run("print", "signin", str(session), "-o", str(tmp_path / "签到表.xlsx"), data=data)
    assert (tmp_path / "签到表.xlsx").read_bytes()[:2] == b"PK"

    # a PDF with an AES permissions password (pycryptodome inside the bundle)
    plain = tmp_path / "plain.pdf"
    c = Canvas(str(plain))
    c.drawString(72, 720, "Article 1. Chapter One. This text is read through AES.")
    c.save()
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="quanxian", algorithm="AES-128")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    assert "read through AES" in run("outline", str(locked), "--json")
