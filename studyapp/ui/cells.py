"""Cells of the tables the records and the meeting room fill themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

if TYPE_CHECKING:
    from studyapp.ui.rowtable import CellView, RowTable

# the role under which a row's first cell keeps its record's id (a person's, a session's)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def item_at(table: QTableWidget | RowTable, row: int, col: int) -> Any:  # (QTableWidgetItem or CellView)
    """The item at (row, col) of a table this code filled — made, empty, where it is missing
    (a cell read before it was set is then blank, never an AttributeError on None)."""
    if not isinstance(table, QTableWidget):
        view: CellView | None = table.item(row, col)
        if view is None:
            from studyapp.ui.rowtable import CellView, RowsModel

            view = CellView(RowsModel([]), 0, 0)  # (outside the rows: blank, and setText goes nowhere)
        return view
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem()
        table.setItem(row, col, item)
    return item
