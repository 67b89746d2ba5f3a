"""item_at: a cell of a table the code fills, made where it is missing — a cell read before it
was set is blank, never an AttributeError on None — for a QTableWidget and a RowTable alike."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget

from studyapp.ui.cells import ID_ROLE, item_at


def test_a_missing_cell_of_a_table_widget_is_made_blank_and_kept(qtbot) -> None:
    table = QTableWidget(2, 3)
    qtbot.addWidget(table)
    cell = item_at(table, 1, 2)
    assert cell.text() == "" and table.item(1, 2) is cell
    cell.setText("王德伦")
    cell.setData(ID_ROLE, 7)
    again = item_at(table, 1, 2)
    assert again is cell and again.text() == "王德伦" and again.data(ID_ROLE) == 7


def test_a_row_table_cell_outside_its_rows_is_blank(qtbot) -> None:
    from studyapp.ui.rowtable import RowTable

    table = RowTable(["姓名", "单位"])
    qtbot.addWidget(table)
    outside = item_at(table, 5, 1)
    assert outside.text() == ""
    outside.setText("不会写到任何地方")  # (goes nowhere, raises nothing)
    assert item_at(table, 5, 1).text() == ""
