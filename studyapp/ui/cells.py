"""Cells of the tables the records and the meeting room fill themselves."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def item_at(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
    """The item at (row, col) of a table this code filled — made, empty, where it is missing
    (a cell read before it was set is then blank, never an AttributeError on None)."""
    item = table.item(row, col)
    if item is None:
        item = QTableWidgetItem()
        table.setItem(row, col, item)
    return item
