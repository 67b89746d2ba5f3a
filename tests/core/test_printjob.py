"""Print jobs: which pages in which order, the lp command (A4, 1:1, named), and the PDF itself
handed to a CUPS queue — checked against a stand-in `lp` that records what it was given."""

from __future__ import annotations

import io
import stat
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from studyapp.core.printjob import PrintError, PrintJob, lp_command, select_pages, send_to_cups


def pdf_of(pages: int) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for i in range(1, pages + 1):
        c.drawString(72, 760, f"page {i}")
        c.showPage()
    c.save()
    return out.getvalue()


def texts(data: bytes) -> list[str]:
    return [p.extract_text().strip() for p in PdfReader(io.BytesIO(data)).pages]


def test_pages_follow_the_ranges_in_order_once_each() -> None:
    assert PrintJob(12).pages() == list(range(1, 13))
    job = PrintJob(12, ranges=((1, 3), (12, 12), (2, 2)))
    assert job.pages() == [1, 2, 3, 12]
    assert job.page_list() == "1-3,12"
    assert PrintJob(12, ranges=((10, 40),)).pages() == [10, 11, 12]  # never past the last page
    assert PrintJob(5, reverse=True).pages() == [5, 4, 3, 2, 1]
    assert PrintJob(12, ranges=((1, 1), (3, 3), (12, 12)), reverse=True).pages() == [12, 3, 1]


def test_summary_counts_the_pages_sent_not_the_last_page_number() -> None:
    job = PrintJob(12, printer="Office_A4", ranges=((1, 1), (3, 3), (12, 12)), copies=2)
    assert job.summary() == "已发送 3 页，共 2 份到打印机“Office_A4”"
    assert PrintJob(2).summary() == "已发送 2 页到打印机"


def test_lp_command_asks_for_a4_at_actual_size_under_the_forms_name() -> None:
    job = PrintJob(12, printer="Office_A4", doc_name="签到表_2015-04-15", copies=2,
                   ranges=((1, 3), (12, 12)), reverse=True, duplex="long", grayscale=True)
    cmd = lp_command(job, Path("/tmp/x.pdf"))
    assert cmd[:7] == ["lp", "-d", "Office_A4", "-n", "2", "-t", "签到表_2015-04-15"]
    options = {cmd[i + 1] for i, a in enumerate(cmd) if a == "-o"}
    assert {"media=A4", "print-scaling=none", "fit-to-page=false", "outputorder=reverse", "collate=true",
            "sides=two-sided-long-edge", "print-color-mode=monochrome", "orientation-requested=3"} <= options
    assert cmd[cmd.index("-P") + 1] == "1-3,12"
    assert cmd[-1] == "/tmp/x.pdf"
    plain = lp_command(PrintJob(2), Path("f.pdf"))
    assert "-P" not in plain and "-d" not in plain  # every page, on the default printer


@pytest.fixture
def fake_lp(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in `lp`: writes its arguments to args.txt and keeps a copy of the file it got."""
    got = tmp_path / "spool"
    got.mkdir()
    lp = tmp_path / "lp"
    lp.write_text("#!/bin/sh\n"
                  f'printf "%s\\n" "$@" > "{got}/args.txt"\n'
                  'for last in "$@"; do :; done\n'
                  f'cp "$last" "{got}/job.pdf"\n'
                  'if [ -n "$LP_FAIL" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi\n'
                  'echo "request id is Office_A4-7 (1 file(s))"\n', encoding="utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IEXEC)
    return lp, got


def test_the_pdf_itself_goes_to_the_queue(fake_lp) -> None:
    lp, got = fake_lp
    data = pdf_of(4)
    job = PrintJob(4, printer="Office_A4", doc_name="成绩登记表", ranges=((2, 3),))
    assert send_to_cups(job, data, lp=str(lp)) == 2
    assert (got / "job.pdf").read_bytes() == data  # byte for byte: nothing re-rendered
    args = (got / "args.txt").read_text(encoding="utf-8").split("\n")
    assert "media=A4" in args and "print-scaling=none" in args and "2-3" in args and "成绩登记表" in args


def test_a_refused_job_says_so_in_chinese(fake_lp, monkeypatch) -> None:
    lp, _ = fake_lp
    monkeypatch.setenv("LP_FAIL", "1")
    with pytest.raises(PrintError) as err:
        send_to_cups(PrintJob(1, printer="Gone"), pdf_of(1), lp=str(lp))
    assert "打印机没有接受" in str(err.value) and "does not exist" in str(err.value)
    with pytest.raises(PrintError, match="页码不在"):
        send_to_cups(PrintJob(3, ranges=((7, 9),)), pdf_of(3), lp=str(lp))


def test_no_cups_is_a_message_not_a_traceback(monkeypatch) -> None:
    monkeypatch.setattr("studyapp.core.printjob.cups_available", lambda: None)
    with pytest.raises(PrintError, match="没有可用的打印服务"):
        send_to_cups(PrintJob(1), pdf_of(1))


def test_selected_pages_are_copied_not_redrawn(tmp_path: Path) -> None:
    data = pdf_of(5)
    out = select_pages(data, [5, 2, 9])
    assert texts(out) == ["page 5", "page 2"]
    box = PdfReader(io.BytesIO(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    # pdftotext still finds the words: the pages are the PDF's own, not pictures of them
    path = tmp_path / "sel.pdf"
    path.write_bytes(out)
    shown = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "page 5" in shown
