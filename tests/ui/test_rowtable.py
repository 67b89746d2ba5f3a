"""RowTable: a long list held as values in a model; the QTableWidget calls the panels use
(item, rowCount, itemSelectionChanged) read the same."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from studyapp.ui.cells import ID_ROLE, item_at
from studyapp.ui.records.common import select_by_data, selected_data
from studyapp.ui.rowtable import Cell, LazyRows, RowTable


def _table(qtbot, n: int = 3) -> RowTable:
    table = RowTable(["序号", "姓名", "学时"], stretch=(1,))
    qtbot.addWidget(table)
    table.set_rows([(Cell(str(i + 1), 100 + i, right=True), Cell(f"人{i}", tip="提示" if i == 1 else ""),
                     Cell(f"{i}.5", right=True, ink="#aa0000" if i == 2 else None,
                          background="#ffeeee" if i == 2 else None)) for i in range(n)])
    return table


def test_rows_read_like_table_items(qtbot) -> None:
    table = _table(qtbot)
    assert table.rowCount() == 3 and table.columnCount() == 3
    assert table.item(1, 1).text() == "人1" and table.item(1, 1).toolTip() == "提示"
    assert table.item(0, 0).data(ID_ROLE) == 100 and table.item(0, 1).data(ID_ROLE) is None
    assert table.item(2, 2).background().color() == QColor("#ffeeee")
    assert table.item(2, 2).foreground().color() == QColor("#aa0000")
    assert table.item(3, 0) is None and table.item(0, 5) is None
    model = table.model()
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "姓名"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_set_text_changes_one_cell_and_blank_outside(qtbot) -> None:
    table = _table(qtbot)
    changed = []
    table.model().dataChanged.connect(lambda a, b, roles: changed.append((a.row(), a.column())))
    item_at(table, 1, 2).setText("9")
    assert table.item(1, 2).text() == "9" and changed == [(1, 2)]
    item_at(table, 1, 2).setText("9")  # (the same text: no signal)
    assert changed == [(1, 2)]
    assert item_at(table, 7, 0).text() == ""  # (outside the rows: blank, never None)


def test_selection_by_id_and_its_signal(qtbot) -> None:
    table = _table(qtbot, 50)
    table.resize(400, 200)
    table.show()
    seen = []
    table.itemSelectionChanged.connect(lambda: seen.append(selected_data(table)))
    assert select_by_data(table, 140)
    assert selected_data(table) == 140 and seen[-1] == 140 and table.currentRow() == 40
    assert not select_by_data(table, 999)
    table.set_rows([])  # (read again: nothing selected, and the panel is told)
    assert selected_data(table) is None and seen[-1] is None


def test_a_long_list_is_read_a_page_at_a_time(qtbot) -> None:
    """Given the total, the model asks for the rest only as the view scrolls down to it."""
    table = RowTable(["序号", "姓名"])
    qtbot.addWidget(table)
    asked: list[int] = []
    table.rows.fetch = asked.append

    def page(start: int, n: int) -> list[tuple[Cell, Cell]]:
        return [(Cell(str(i + 1), i), Cell(f"人{i}")) for i in range(start, start + n)]

    table.set_rows(page(0, 50), total=120)
    table.resize(400, 300)
    table.show()
    qtbot.waitExposed(table)
    assert table.rowCount() == 50 and asked == []  # (the first page fills the screen)
    table.scrollToBottom()
    qtbot.waitUntil(lambda: asked == [50])
    table.rows.fetchMore()
    assert asked == [50]  # not asked twice while the page is on its way
    table.rows.append_rows(page(50, 50))
    assert table.rowCount() == 100 and table.item(99, 1).text() == "人99"
    table.rows.fetchMore()
    table.rows.append_rows(page(100, 20))
    assert asked == [50, 100] and table.rowCount() == 120
    assert not table.rows.canFetchMore()


def test_lazy_rows_are_made_only_when_shown(qtbot) -> None:
    """A 1,000-person ledger: the view makes the cells of the rows it paints, once each."""
    made: list[int] = []

    def make(i: int, name: str) -> tuple[Cell, ...]:
        made.append(i)
        return Cell(str(i + 1), i, right=True), Cell(name), Cell("")

    table = RowTable(["序号", "姓名", "学时"], stretch=(1,))
    qtbot.addWidget(table)
    table.resize(400, 300)
    table.set_rows(LazyRows([f"人{i}" for i in range(1000)], make))
    table.show()
    qtbot.waitExposed(table)
    assert table.rowCount() == 1000
    assert 0 < len(made) < 200  # (the rows on screen and the few the header measures)
    assert len(made) == len(set(made))  # each made once, however often it is painted
    assert table.item(999, 1).text() == "人999" and table.item(999, 0).data(ID_ROLE) == 999
    table.item(999, 2).setText("2.5")
    assert table.item(999, 2).text() == "2.5"  # (a made row is kept: its cells can change)
    before = len(made)
    table.viewport().repaint()
    assert len(made) == before
