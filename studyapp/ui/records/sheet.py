"""A session's editable sheets (考勤, 成绩) as a model and a view: the rows stay the panel's plain
values, and a cell is worked out only when the view paints it.

A QTableWidget made an item per cell, and every item set into a shown table whose columns fit
their contents laid the header out again: a 1,000-person session took 16 s to open, all of it on
the GUI thread. Here showing a session is one model reset; what the view draws is asked for row
by row (the rows on screen); a cell typed into is `edited` (the panel checks and stores it),
and the panel says which row it changed with `row_changed`.

SheetView keeps the QTableWidget calls the panels and their tests use — rowCount(), item(row,
column) with text(), toolTip(), data() and setText() (which is typing, as it was: it stores),
setCurrentCell(), currentRow(), currentColumn(), closePersistentEditor(item) — so the keyboard
flow and the tests read the same as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QTableView, QWidget

from studyapp.ui.rowtable import Cell, CellsModel, CellView, plain_look

_Index = QModelIndex | QPersistentModelIndex
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_EDIT = Qt.ItemDataRole.EditRole
_CACHE_ROWS = 400  # rows' cells kept worked out (a few screenfuls; scrolling far works them out again)


class SheetModel(CellsModel):
    """`count` rows whose cells `cells_of(row)` works out from the panel's values, when drawn."""

    edited = Signal(int, int, str)  # row, column, the text typed (only when it differs from the cell's)

    def __init__(self, headers: Sequence[str], cells_of: Callable[[int], Sequence[Cell]],
                 editable: Iterable[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(headers, parent)
        self._cells_of = cells_of
        self._editable = frozenset(editable)
        self._count = 0
        self._cache: dict[int, Sequence[Cell]] = {}

    def reset(self, count: int) -> None:
        """The panel's rows were replaced: `count` of them now."""
        self.beginResetModel()
        self._count = count
        self._cache.clear()
        self.endResetModel()

    def row_changed(self, row: int) -> None:
        """The panel changed the values of one row: draw it again."""
        if 0 <= row < self._count:
            self._cache.pop(row, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def column_changed(self, column: int) -> None:
        """The panel changed one column of every row (the 名次 after a score was stored)."""
        self._cache.clear()
        if self._count:
            self.dataChanged.emit(self.index(0, column), self.index(self._count - 1, column))

    def cell(self, row: int, column: int) -> Cell | None:
        if not (0 <= row < self._count and 0 <= column < len(self._headers)):
            return None
        cells = self._cache.get(row)
        if cells is None:
            if len(self._cache) >= _CACHE_ROWS:
                self._cache.clear()
            cells = self._cache[row] = tuple(self._cells_of(row))
        return cells[column]

    def editable(self, column: int) -> bool:
        return column in self._editable

    # the model's side of Qt ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else self._count

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _EDITABLE if index.column() in self._editable else _READ_ONLY

    def setData(self, index: _Index, value: Any, role: int = _EDIT) -> bool:  # noqa: N802 - Qt's name
        """Typing into a cell: the panel is told (`edited`) and shows what it makes of it. Text
        that does not change the cell is no edit (as a QTableWidget's itemChanged was)."""
        c = self.cell(index.row(), index.column())
        if role != _EDIT or c is None or index.column() not in self._editable:
            return False
        text = "" if value is None else str(value)
        if text != c.text:
            self.edited.emit(index.row(), index.column(), text)
        return True


class SheetCell(CellView):
    """A cell read like a QTableWidgetItem (CellView); setText is typing into it."""

    __slots__ = ()

    def index(self) -> QModelIndex:
        return self._model.index(self._row, self._column)

    def row(self) -> int:
        return self._row

    def column(self) -> int:
        return self._column

    def flags(self) -> Qt.ItemFlag:
        return self._model.flags(self.index())

    def setText(self, text: str) -> None:  # noqa: N802 - QTableWidgetItem's name
        self._model.setData(self.index(), text)


class SheetView(QTableView):
    """The view of a SheetModel, with the records' plain look."""

    def __init__(self, model: SheetModel, parent: QWidget | None = None, *, stretch: Iterable[int] = ()) -> None:
        super().__init__(parent)
        self.sheet = model
        self.setModel(model)
        plain_look(self, model.columnCount(), stretch=stretch, editable=True)

    # QTableWidget's calls the panels use ---------------------------------------------------------
    def rowCount(self) -> int:  # noqa: N802 - QTableWidget's name
        return self.sheet.rowCount()

    def columnCount(self) -> int:  # noqa: N802 - QTableWidget's name
        return self.sheet.columnCount()

    def item(self, row: int, column: int) -> SheetCell | None:
        return SheetCell(self.sheet, row, column) if self.sheet.cell(row, column) is not None else None

    def currentItem(self) -> SheetCell | None:  # noqa: N802 - QTableWidget's name
        index = self.currentIndex()
        return self.item(index.row(), index.column()) if index.isValid() else None

    def currentRow(self) -> int:  # noqa: N802 - QTableWidget's name
        return self.currentIndex().row()

    def currentColumn(self) -> int:  # noqa: N802 - QTableWidget's name
        return self.currentIndex().column()

    def setCurrentCell(self, row: int, column: int) -> None:  # noqa: N802 - QTableWidget's name
        self.setCurrentIndex(self.sheet.index(row, column))

    def closePersistentEditor(self, where: SheetCell | _Index) -> None:  # noqa: N802 - an item, as QTableWidget takes
        super().closePersistentEditor(where.index() if isinstance(where, SheetCell) else where)
