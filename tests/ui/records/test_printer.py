"""Printing on a real printer: the form itself, pages in the order asked, A4 at actual size, no
printer installed."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

from studyapp.services import attendance
from tests.ui.records.conftest import open_form


def file_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_print_to_a_file_is_the_form_itself(qtbot, records, people, seed_session, tmp_path) -> None:
    people(60)
    attendance.set_expected(records.ctx, seed_session)
    dialog = open_form(qtbot, records, "signin")
    out = tmp_path / "printed.pdf"
    with qtbot.waitSignal(records.runner.idle, timeout=20000):
        dialog.print_to(file_printer(out))
    assert out.read_bytes() == dialog.pdf_bytes  # every page: the very PDF, nothing redrawn
    assert "已打印到文件" in dialog.status.text() and f"{dialog.page_count} 页" in dialog.status.text()


def test_a_page_list_prints_those_pages_in_the_order_asked(qtbot, records, people, seed_session,
                                                          tmp_path) -> None:
    from PySide6.QtGui import QPageRanges

    people(60)
    attendance.set_expected(records.ctx, seed_session)
    dialog = open_form(qtbot, records, "signin")
    assert dialog.page_count >= 2
    printer = file_printer(tmp_path / "p.pdf")
    ranges = QPageRanges()
    ranges.addPage(1)
    ranges.addPage(dialog.page_count)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(ranges)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    with qtbot.waitSignal(records.runner.idle, timeout=20000):
        dialog.print_to(printer)
    import io

    from pypdf import PdfReader

    printed = [p.extract_text() for p in PdfReader(tmp_path / "p.pdf").pages]
    shown = [p.extract_text() for p in PdfReader(io.BytesIO(dialog.pdf_bytes)).pages]
    # the last page first, then the first; real text (copied pages, not pictures of them)
    assert printed == [shown[-1], shown[0]] and "签" in printed[1]
    assert "（2 页）" in dialog.status.text()


def test_the_printer_is_asked_for_a4_at_actual_size(qtbot, records, people, seed_session) -> None:
    from PySide6.QtGui import QPageSize

    from studyapp.ui.records.printer import job_from_printer, prepare_printer

    people()
    attendance.set_expected(records.ctx, seed_session)
    open_form(qtbot, records, "signin")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # a Letter-default printer
    prepare_printer(printer, 12, "签到表_2015-04-15")
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.fullPage() and printer.pageLayout().margins().isNull()
    assert (printer.fromPage(), printer.toPage()) == (1, 12)  # 「1 到 12」, not 「1 到 1」
    assert printer.docName() == "签到表_2015-04-15"  # named before the dialog opens
    job = job_from_printer(printer, 12, "签到表_2015-04-15")
    assert job.paper == "A4" and job.pages() == list(range(1, 13))


def test_drawn_pages_are_actual_size_and_carry_no_mask(qtbot, records, people, seed_session,
                                                      tmp_path) -> None:
    """The path for Windows' printers: each page drawn at the printer's resolution, 1:1."""
    import subprocess

    from studyapp.ui.records.printer import prepare_printer, raster_print

    people()
    attendance.set_expected(records.ctx, seed_session)
    dialog = open_form(qtbot, records, "signin")
    out = tmp_path / "drawn.pdf"
    printer = file_printer(out)
    prepare_printer(printer, dialog.page_count, "签到表")
    sent: list[int] = []
    with qtbot.waitSignal(records.runner.idle, timeout=30000):  # drawn on the worker thread
        records.runner.run(lambda progress, cancel: raster_print(printer, dialog.pdf_bytes, [1], progress, cancel),
                           title="打印", on_success=sent.append)
    assert sent == [1]
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    assert "595" in size and "841" in size or "842" in size  # A4, not shrunk to 95 %
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True).stdout
    kinds = [line.split()[2] for line in images.splitlines()[2:] if line.strip()]
    assert kinds and "smask" not in kinds  # no transparency mask around the text


def test_no_printer_installed_says_so_and_offers_the_pdf(qtbot, records, people, seed_session,
                                                         tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    people()
    attendance.set_expected(records.ctx, seed_session)
    dialog = open_form(qtbot, records, "signin")
    monkeypatch.setattr("studyapp.ui.records.preview.printers_installed", lambda: [])
    shown: list[str] = []
    saved: list[bool] = []

    def fake_exec(box) -> int:
        shown.append(box.text())
        box.setProperty("clicked", True)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.buttons()[0])
    monkeypatch.setattr(dialog, "save_pdf", lambda path=None: saved.append(True))
    assert dialog.print_dialog() is None
    assert shown and "没有安装打印机" in shown[0] and "另存为 PDF" in shown[0]
    assert saved == [True]
