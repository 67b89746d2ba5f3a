"""Long read-only lists (学习会, 人员名单, 学时台账) as a model and a view: only the rows on screen
are drawn.

A QTableWidget makes an item object per cell: a county's 2,000 sessions or 1,000 people were
12,000 items built on the GUI thread each time the list was read (40–60 ms, the longest stall of
the 学习记录 window). Here the rows stay plain Python values in a table model; setting them is
one model reset, and the view asks only for the cells it paints.

RowTable keeps the few QTableWidget calls the panels and their tests use (item(row, col) with
text(), data(), toolTip(), setText(); rowCount(); itemSelectionChanged), so a panel reads the
same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from studyapp.ui.cells import ID_ROLE

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DISPLAY = Qt.ItemDataRole.DisplayRole
_EDIT = Qt.ItemDataRole.EditRole
_TIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FORE = Qt.ItemDataRole.ForegroundRole
_BACK = Qt.ItemDataRole.BackgroundRole


@dataclass(slots=True)
class Cell:
    """One cell's value and looks (what records.common.cell gives a QTableWidgetItem)."""

    text: str
    data: Any = None
    right: bool = False
    center: bool = False
    tip: str = ""
    ink: str | None = None
    background: str | None = None


class CellsModel(QAbstractTableModel):
    """A table whose cells are Cell values: headers, what each role shows of a cell, one brush
    per colour. Subclasses say where the cells are (cell, rowCount) and what typing does."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._brushes: dict[str, QBrush] = {}  # (a colour is named by few rows: one brush each)

    def cell(self, row: int, column: int) -> Cell | None:
        raise NotImplementedError

    def set_text(self, row: int, column: int, text: str) -> None:
        raise NotImplementedError

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802 - Qt's name
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

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

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush


class LazyRows(Sequence[Sequence[Cell]]):
    """Rows made from their values only when the view asks for them: a year's 学时台账 of a
    county's 1,000 people is 7,000 cells, of which the screen shows some 150 (building them all
    on the GUI thread took 35–45 ms). Each row is made once and kept."""

    def __init__(self, values: Iterable[Any], make: Callable[[int, Any], Sequence[Cell]]) -> None:
        self._values = list(values)
        self._make = make  # make(position, value) -> the row's cells
        self._made: dict[int, Sequence[Cell]] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._values)))]
        if i < 0:
            i += len(self._values)
        row = self._made.get(i)
        if row is None:
            row = self._made[i] = self._make(i, self._values[i])  # (IndexError past the end, as a list)
        return row


class RowsModel(CellsModel):
    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(headers, parent)
        self._rows: list[Sequence[Cell]] | LazyRows = []
        self._total = 0
        self._fetching = False  # a page asked for and not arrived yet
        #: fetch(offset): read the rows from `offset` on (set by a list read a page at a time)
        self.fetch: Callable[[int], None] | None = None

    def set_rows(self, rows: Iterable[Sequence[Cell]], total: int | None = None) -> None:
        """The rows read so far; `total`: how many there are in all, when the rest are read a
        page at a time as the view scrolls down to them (see `fetch`)."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, LazyRows) else list(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self._fetching = False
        self.endResetModel()

    def append_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        """The next page, read after the view asked for more."""
        self._fetching = False
        if rows:
            if isinstance(self._rows, LazyRows):
                self._rows = list(self._rows)
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._total = max(self._total, len(self._rows))

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's name and default
        return not parent.isValid() and self.fetch is not None and not self._fetching \
            and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt's name and default
        """The view scrolled near the end of what is read: ask for the next page (read on the
        worker; it arrives through append_rows)."""
        if self.canFetchMore(parent) and self.fetch is not None:
            self._fetching = True
            self.fetch(len(self._rows))

    def cell(self, row: int, column: int) -> Cell | None:
        if 0 <= row < len(self._rows) and 0 <= column < len(self._rows[row]):
            return self._rows[row][column]
        return None

    def set_text(self, row: int, column: int, text: str) -> None:
        c = self.cell(row, column)
        if c is not None and c.text != text:
            c.text = text
            index = self.index(row, column)
            self.dataChanged.emit(index, index, [_DISPLAY])

    # the model's side of Qt ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS


class CellView:
    """A cell read like a QTableWidgetItem (text, data, toolTip, setText)."""

    __slots__ = ("_model", "_row", "_column")

    def __init__(self, model: CellsModel, row: int, column: int) -> None:
        self._model, self._row, self._column = model, row, column

    def _cell(self) -> Cell:
        c = self._model.cell(self._row, self._column)
        return c if c is not None else Cell("")

    def text(self) -> str:
        return self._cell().text

    def data(self, role: int) -> Any:
        return self._model.data(self._model.index(self._row, self._column), role)

    def toolTip(self) -> str:  # noqa: N802 - QTableWidgetItem's name
        return self._cell().tip

    def foreground(self) -> QBrush:
        c = self._cell()
        return QBrush(QColor(c.ink)) if c.ink else QBrush()

    def background(self) -> QBrush:
        c = self._cell()
        return QBrush(QColor(c.background)) if c.background else QBrush()

    def setText(self, text: str) -> None:  # noqa: N802 - QTableWidgetItem's name
        self._model.set_text(self._row, self._column, text)


class RowTable(QTableView):
    """A read-only list of rows (see the module's note); select rows, double-click to open."""

    itemSelectionChanged = Signal()  # (QTableWidget's name: the panels connect to it)

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None, *, stretch: Iterable[int] = ()) -> None:
        super().__init__(parent)
        self.rows = RowsModel(headers, self)
        self.setModel(self.rows)
        self.selectionModel().selectionChanged.connect(lambda *_: self.itemSelectionChanged.emit())
        self.rows.modelReset.connect(self.itemSelectionChanged.emit)
        plain_look(self, len(headers), stretch=stretch)

    def set_rows(self, rows: Iterable[Sequence[Cell]], total: int | None = None) -> None:
        self.rows.set_rows(rows, total)

    # QTableWidget's calls the panels use ---------------------------------------------------------
    def rowCount(self) -> int:  # noqa: N802 - QTableWidget's name
        return self.rows.rowCount()

    def columnCount(self) -> int:  # noqa: N802 - QTableWidget's name
        return self.rows.columnCount()

    def item(self, row: int, column: int) -> CellView | None:
        return CellView(self.rows, row, column) if self.rows.cell(row, column) is not None else None

    def currentRow(self) -> int:  # noqa: N802 - QTableWidget's name
        return self.currentIndex().row()


def plain_look(table: QTableView, columns: int, *, stretch: Iterable[int] = (), editable: bool = False) -> None:
    """The records' tables look: rows selected whole, one at a time, no grid noise, alternating
    rows, headers left-aligned; the `stretch` columns take the room, the others fit their text."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(34)
    table.setShowGrid(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    # columns fit to the rows on screen and a few more, not to every row: measuring all 500 rows
    # of a 成绩 or 考勤 sheet took longer than filling them
    header.setResizeContentsPrecision(60)
    header.setDefaultAlignment(_LEFT)
    header.setHighlightSections(False)
    wide = set(stretch)
    for col in range(columns):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col in wide
                                    else QHeaderView.ResizeMode.ResizeToContents)
