"""Printed forms: the preview shows the generated PDF; save, print (to a PDF printer), Excel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from studyapp.services import attendance, printing

from .conftest import pdf_pages, pdf_text, saved_pdf


def open_form(qtbot, records, form: str):
    panel = records.show_page("sessions")
    if panel.current_id is None:  # the page opens on a new session: print the sample's forms
        panel.select_session(panel.infos[0].id)
        qtbot.waitUntil(lambda: panel.current_id is not None, timeout=10000)  # (read on the worker)
    with qtbot.waitSignal(panel.previewOpened, timeout=5000) as opened:
        panel.print_form(form)
    dialog = opened.args[0]
    qtbot.addWidget(dialog)
    if not dialog.page_count:
        with qtbot.waitSignal(dialog.loaded, timeout=20000):
            pass
    return dialog


def test_signin_preview_has_the_pages_of_the_generated_sheet(qtbot, records, people, seed_session,
                                                             tmp_path) -> None:
    people(60)
    attendance.set_expected(records.ctx, seed_session)
    records.sessions.refresh(select_id=seed_session)
    dialog = open_form(qtbot, records, "signin")
    reference = tmp_path / "reference.pdf"
    reference.write_bytes(printing.signin_pdf(records.ctx, seed_session))
    assert dialog.page_count == pdf_pages(reference) >= 2
    assert dialog.page_label.text() == f"第 1 页 / 共 {dialog.page_count} 页"
    assert not dialog.prev_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.current_page() == 1
    assert dialog.page_label.text().startswith("第 2 页")
    assert dialog.excel_button.isVisible()  # a table is the content
    zoom = dialog.view.zoomFactor()
    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomFactor() > zoom


def test_save_as_pdf_holds_the_names(qtbot, records, people, seed_session, tmp_path) -> None:
    people()
    attendance.set_expected(records.ctx, seed_session)
    dialog = open_form(qtbot, records, "signin")
    out = saved_pdf(qtbot, dialog, tmp_path / "签到表")
    assert out == tmp_path / "签到表.pdf"
    text = pdf_text(out)
    for name in ("王德伦", "欧阳丽华", "李红梅", "丁一", "王伟"):
        assert name in text
    assert "签" in text and "乡政府二楼会议室" in text
    assert "已保存" in dialog.status.text()


def test_order_choice_rebuilds_the_sheet(qtbot, records, people, seed_session, tmp_path) -> None:
    people()
    attendance.set_expected(records.ctx, seed_session)
    dialog = open_form(qtbot, records, "signin")
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        dialog.order_combo.setCurrentIndex(dialog.order_combo.findData("strokes"))
    text = pdf_text(saved_pdf(qtbot, dialog, tmp_path / "笔画.pdf"))
    text = text[text.index("备注"):]  # the name rows (the header names the 领学人 too)
    assert text.index("丁一") < text.index("王德伦") < text.index("李红梅") < text.index("张国华")


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


def test_record_and_score_sheet_previews(qtbot, records, people, seed_session, tmp_path) -> None:
    from studyapp.services import scores

    ids = people()
    for pid, value in zip(ids, (95, 88, 72, 60, 45), strict=False):
        scores.set_score(records.ctx, seed_session, pid, value)
    dialog = open_form(qtbot, records, "record")
    assert dialog.page_count >= 1 and not dialog.excel_button.isVisible()
    assert "学习记录" in pdf_text(saved_pdf(qtbot, dialog, tmp_path / "记录.pdf")).replace(" ", "")
    dialog.close()
    dialog = open_form(qtbot, records, "scores")
    text = pdf_text(saved_pdf(qtbot, dialog, tmp_path / "成绩.pdf"))
    assert "王德伦" in text and "95" in text
    xlsx = tmp_path / "成绩登记表.xlsx"
    with qtbot.waitSignal(records.runner.idle, timeout=20000):
        dialog.export_excel(xlsx)
    from openpyxl import load_workbook

    cells = [str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value is not None]
    assert "王德伦" in cells and any("95" in c for c in cells)


def test_a_form_without_the_unit_offers_to_fill_it_in(qtbot, records, people, seed_session, monkeypatch) -> None:
    from studyapp.services import printing as printing_service
    from studyapp.ui.records import unit as unit_ui

    people()
    attendance.set_expected(records.ctx, seed_session)
    printing_service.set_unit_name(records.ctx, "")  # as a fresh office has it
    from studyapp.services.settings import set_setting

    set_setting(records.ctx, "org.unit_asked", False)
    dialog = open_form(qtbot, records, "signin")
    assert dialog.unit_bar.isVisible() and "单位名称" in dialog.unit_label.text()

    def fake_exec(box) -> int:
        box.edit.setText("  龙坑乡党委 ")
        return 1  # 确定

    monkeypatch.setattr(unit_ui.UnitDialog, "exec", fake_exec)
    with qtbot.waitSignal(dialog.loaded, timeout=20000):
        assert dialog.fill_unit()
    assert not dialog.unit_bar.isVisible()
    assert printing_service.unit_name(records.ctx) == "龙坑乡党委"
    assert pdf_text_of(dialog.pdf_bytes).replace(" ", "").startswith("龙坑乡党委")  # heads the form
    second = open_form(qtbot, records, "record")
    assert not second.unit_bar.isVisible()  # asked once


def test_put_off_means_not_asked_again(qtbot, records, people, seed_session, settle) -> None:
    from studyapp.services import printing as printing_service
    from studyapp.services.settings import set_setting

    people()
    set_setting(records.ctx, "org.unit_name", "")
    set_setting(records.ctx, "org.unit_asked", False)
    dialog = open_form(qtbot, records, "signin")
    assert dialog.unit_bar.isVisible()
    dialog.unit_later.click()
    settle()  # (stored on the worker)
    assert not dialog.unit_bar.isVisible() and not printing_service.unit_needs_asking(records.ctx)
    assert records.unit_action.text() == "单位名称…"  # still reachable from 设置


def test_unit_names_that_cannot_print_are_refused(records) -> None:
    import pytest

    from studyapp.core.model import UserError
    from studyapp.services import printing as printing_service

    with pytest.raises(UserError, match="控制字符"):
        printing_service.set_unit_name(records.ctx, "龙坑\x07乡")
    with pytest.raises(UserError, match="太长"):
        printing_service.set_unit_name(records.ctx, "乡" * 41)
    assert printing_service.set_unit_name(records.ctx, "  遵义县  龙坑乡 ") == "遵义县 龙坑乡"


def pdf_text_of(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data)).pages[0].extract_text()
