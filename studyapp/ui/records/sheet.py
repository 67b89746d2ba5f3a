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

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView, QWidget

from studyapp.ui.cells import ID_ROLE
from studyapp.ui.rowtable import Cell, plain_look

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_TIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FORE = Qt.ItemDataRole.ForegroundRole
_BACK = Qt.ItemDataRole.BackgroundRole
_CACHE_ROWS = 400  # rows' cells kept worked out (a few screenfuls; scrolling far works them out again)


class SheetModel(QAbstractTableModel):
    """`count` rows whose cells `cells_of(row)` works out from the panel's values, when drawn."""

    edited = Signal(int, int, str)  # row, column, the text typed (only when it differs from the cell's)

    def __init__(self, headers: Sequence[str], cells_of: Callable[[int], Sequence[Cell]],
                 editable: Iterable[int] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells_of = cells_of
        self._editable = frozenset(editable)
        self._count = 0
        self._cache: dict[int, Sequence[Cell]] = {}
        self._brushes: dict[str, QBrush] = {}  # (few colours: one brush each)

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

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802 - Qt's name
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _EDITABLE if index.column() in self._editable else _READ_ONLY

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        c = self.cell(index.row(), index.column())
        if c is None:
            return None
        if role == _DISPLAY or role == _EDIT:
            return c.text
        if role == ID_ROLE:
            return c.data
        if role == _ALIGN:
            return _RIGHT if c.right else _CENTER if c.center else _LEFT
        if role == _TIP:
            return c.tip or None
        if role == _FORE and c.ink:
            return self._brush(c.ink)
        if role == _BACK and c.background:
            return self._brush(c.background)
        return None

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

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush


class SheetCell:
    """A cell read like a QTableWidgetItem; setText is typing into it."""

    __slots__ = ("_model", "_row", "_column")

    def __init__(self, model: SheetModel, row: int, column: int) -> None:
        self._model, self._row, self._column = model, row, column

    def index(self) -> QModelIndex:
        return self._model.index(self._row, self._column)

    def _cell(self) -> Cell:
        c = self._model.cell(self._row, self._column)
        return c if c is not None else Cell("")

    def row(self) -> int:
        return self._row

    def column(self) -> int:
        return self._column

    def text(self) -> str:
        return self._cell().text

    def data(self, role: int) -> Any:
        return self._model.data(self.index(), role)

    def toolTip(self) -> str:  # noqa: N802 - QTableWidgetItem's name
        return self._cell().tip

    def foreground(self) -> QBrush:
        c = self._cell()
        return QBrush(QColor(c.ink)) if c.ink else QBrush()

    def background(self) -> QBrush:
        c = self._cell()
        return QBrush(QColor(c.background)) if c.background else QBrush()

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
