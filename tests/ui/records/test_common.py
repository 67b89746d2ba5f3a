"""The pieces the records screens share (ui/records/common.py): the name-order switch, the
plain tables and their cells, numbers as a clerk writes them, the row chosen by its id, and the
file dialogs of the roster, attendance and score imports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QPushButton, QTableWidget, QWidget

from studyapp.ui import filedialogs
from studyapp.ui.cells import ID_ROLE
from studyapp.ui.records.common import (
    TABLE_FILTER,
    OrderSwitch,
    cell,
    choose_save_path,
    choose_table_file,
    make_row_table,
    make_table,
    muted_label,
    number,
    primary,
    select_by_data,
    selected_data,
    title_label,
)
from studyapp.ui.rowtable import Cell


def test_the_order_switch_is_three_joined_buttons_one_checked(qtbot) -> None:  # noqa: ANN001
    switch = OrderSwitch()
    qtbot.addWidget(switch)
    assert [b.text() for b in switch.buttons.values()] == ["名册顺序", "姓氏笔画", "拼音"]
    assert switch.value() == "roster" and switch.buttons["roster"].isChecked()
    with qtbot.waitSignal(switch.changed) as changed:
        qtbot.mouseClick(switch.buttons["strokes"], Qt.MouseButton.LeftButton)
    assert changed.args == ["strokes"] and switch.value() == "strokes"
    assert [b.isChecked() for b in switch.buttons.values()] == [False, True, False]  # (one at a time)
    # set from a setting: quietly, unless asked; an order it does not know falls back to the roster's
    with qtbot.assertNotEmitted(switch.changed):
        switch.set_value("pinyin")
    assert switch.value() == "pinyin"
    with qtbot.waitSignal(switch.changed) as changed:
        switch.set_value("nonsense", emit=True)
    assert changed.args == ["roster"] and switch.value() == "roster"
    started = OrderSwitch(value="pinyin")
    qtbot.addWidget(started)
    assert started.value() == "pinyin"


def test_a_table_is_read_only_selects_whole_rows_and_stretches_the_columns_asked(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    table = make_table(parent, ["序号", "姓名", "单位"], stretch=(2,))
    assert isinstance(table, QTableWidget) and table.parent() is parent
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["序号", "姓名", "单位"]
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    header = table.horizontalHeader()
    assert header.sectionResizeMode(2) == header.ResizeMode.Stretch
    assert header.sectionResizeMode(0) == header.ResizeMode.ResizeToContents
    typed = make_table(parent, ["姓名", "得分"], editable=True)
    assert typed.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers  # (the score sheet is typed in)
    rows = make_row_table(parent, ["日期", "方式"], stretch=(1,))
    rows.set_rows([(Cell("2015-04-15", 7), Cell("集中学习"))])
    assert rows.columnCount() == 2 and rows.item(0, 1).text() == "集中学习"


def test_a_cell_is_read_only_unless_typed_in_and_carries_its_id_and_looks() -> None:
    plain = cell("王德伦", data=12, tip="乡党委")
    assert plain.text() == "王德伦" and plain.data(ID_ROLE) == 12 and plain.toolTip() == "乡党委"
    assert not plain.flags() & Qt.ItemFlag.ItemIsEditable and plain.flags() & Qt.ItemFlag.ItemIsSelectable
    assert plain.data(ID_ROLE) is not None and cell("x").data(ID_ROLE) is None
    score = cell("90", right=True, editable=True, background="#fff4e0", ink="#b00020")
    assert score.flags() & Qt.ItemFlag.ItemIsEditable
    assert score.textAlignment() == int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert score.background().color() == QColor("#fff4e0") and score.foreground().color() == QColor("#b00020")
    assert cell("出席", center=True).textAlignment() == int(Qt.AlignmentFlag.AlignCenter)


def test_numbers_read_as_a_clerk_writes_them() -> None:
    assert [number(v) for v in (15, 15.0, 2.5, 0, 0.25, None)] == ["15", "15", "2.5", "0", "0.25", ""]


def test_labels_and_the_primary_button(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    title = title_label("学时台账", parent)
    assert title.text() == "学时台账" and title.objectName() == "recordsTitle" and "bold" in title.styleSheet()
    assert muted_label("（空）", parent).objectName() == "muted"  # (the style sheet greys it)
    button = QPushButton("保存", parent)
    assert primary(button) is button and button.property("primary") is True


def test_the_selected_row_is_read_and_chosen_by_its_id(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    table = make_table(parent, ["姓名", "单位"])
    table.setRowCount(3)
    for r, (name, pid) in enumerate((("王德伦", 7), ("李红梅", 9), ("丁一", 11))):
        table.setItem(r, 0, cell(name, data=pid))
        table.setItem(r, 1, cell("乡党委"))
    assert selected_data(table) is None  # nothing chosen yet
    assert select_by_data(table, 9) and selected_data(table) == 9 and table.currentRow() == 1
    assert selected_data(table, column=1) is None  # (that column carries no id)
    assert not select_by_data(table, 99) and selected_data(table) == 9  # (an id not listed changes nothing)
    table.clearSelection()
    assert selected_data(table) is None


def test_file_dialogs_ask_for_tables_and_remember_the_folder(monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    monkeypatch.setattr(filedialogs, "_last_folder", None)  # (restored after: other tests start afresh)
    sheet = tmp_path / "名册.xlsx"
    asked: list[tuple[str, str]] = []

    def open_one(_parent, title, _directory, filter_):  # noqa: ANN001, ANN202
        asked.append((title, filter_))
        return str(sheet), filter_

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_one))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _p, _t, start, _f: (str(Path(start).with_name("签到表.pdf")), _f)))
    assert choose_table_file(None, "导入人员名单") == sheet
    assert asked == [("导入人员名单", TABLE_FILTER)] and "*.xlsx" in TABLE_FILTER and "*.csv" in TABLE_FILTER
    assert filedialogs.start_folder() == tmp_path  # (the next dialog starts where this file was)
    assert choose_save_path(None, "保存签到表", "签到表.pdf", "PDF 文件 (*.pdf)") == tmp_path / "签到表.pdf"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: ("", "")))
    assert choose_table_file(None, "导入考勤") is None  # cancelled
