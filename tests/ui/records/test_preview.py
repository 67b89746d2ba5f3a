"""The print preview shows the generated PDF; save as PDF, order choice, the record and score sheets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.services import attendance, printing
from tests.ui.records.conftest import open_form, pdf_pages, pdf_text, saved_pdf


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
