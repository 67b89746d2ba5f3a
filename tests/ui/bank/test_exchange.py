"""题库 → 导入/导出: the four export formats, and an Excel import with its row-by-row report."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.services import bank
from studyapp.ui.bank.exchange import EXPORT_KINDS, ImportReportDialog, safe_file_name


@pytest.mark.parametrize("kind", list(EXPORT_KINDS))
def test_export_from_the_bank_window(bank_window, qtbot, tmp_path: Path, kind: str) -> None:  # noqa: ANN001
    bw = bank_window
    target = tmp_path / "遵义题库"  # the suffix is added when missing
    with qtbot.waitSignal(bw.runner.idle, timeout=30000):
        bw.export(kind, target)
    written = target.with_name(target.name + EXPORT_KINDS[kind].suffix)
    assert written.is_file() and written.stat().st_size > 1000
    assert bw.statusBar().currentMessage().startswith("已导出 ")
    assert written.name in bw.statusBar().currentMessage()


def test_excel_round_trip_and_a_bad_sheet_reported_row_by_row(window, qtbot, tmp_path: Path, seed_id) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    sheet = tmp_path / "题库.xlsx"
    with qtbot.waitSignal(window.runner.idle, timeout=30000):
        window.export_bank("excel", sheet)
    with qtbot.waitSignal(window.runner.idle, timeout=30000):
        window.import_bank(sheet)
    dialog = window.import_report
    assert isinstance(dialog, ImportReportDialog) and dialog.isVisible()
    assert "新增 0 道" in dialog.lines()[0] and "未变" in dialog.lines()[0]
    dialog.close()

    wb = load_workbook(sheet)
    ws = wb.active
    ws.cell(row=3, column=9, value="H")  # 答案 out of the options
    ws.cell(row=5, column=2, value="")  # empty 题干
    wb.save(sheet)
    before = bank.bank_counts(window.ctx, seed_id)
    bw = window.open_bank()
    with qtbot.waitSignal(bw.runner.idle, timeout=30000):
        bw.import_file(sheet)
    report = bw.last_import_report
    assert report is not None and not report.ok
    lines = bw.report_dialog.lines()
    assert "没有导入任何试题" in lines[0]
    assert any("第 3 行" in line for line in lines[1:]) and any("第 5 行" in line for line in lines[1:])
    assert bank.bank_counts(window.ctx, seed_id) == before
    bw.report_dialog.close()


def test_a_title_becomes_a_safe_file_name() -> None:
    assert safe_file_name('关于"依法治市"的意见: 2014/11') == "关于_依法治市_的意见_ 2014_11"
    assert safe_file_name("...") == "题库"


def test_one_export_names_each_format_by_what_it_is_for(window, tmp_path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """题库 → 导出题库…: one dialog; Excel first; the file type chosen decides the format (no
    「GIFT」「Moodle XML」 menu entries for a cadre to puzzle over)."""
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []

    def fake(_parent, _title, start, filters):
        offered.extend(filters.split(";;"))
        return str(tmp_path / "题库.xml"), offered[2]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    with qtbot.waitSignal(window.runner.idle, timeout=30000):
        assert window.export_bank() is not None
    assert offered[0].startswith("Excel 表格") and any("网上学习平台" in f for f in offered)
    assert (tmp_path / "题库.xml").read_text(encoding="utf-8").lstrip().startswith("<?xml")
