"""The left-hand side of the 题库: questions grouped under the document's sections.

Sections are shown as in the reader's contents (一、 → 1.), each with the number of questions
listed below it, so a reviewer works through the bank in reading order. ↑/↓ step from question
to question (section rows are skipped), and A/R/E act on the current one — a reviewer keeps
both hands on the keyboard for a bank of a hundred and more questions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from studyapp.services.dto import DocumentView, QuestionView, SectionView
from studyapp.ui import style
from studyapp.ui.bank.names import STATUS_NAMES, TYPE_NAMES

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 10
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 11
STATUS_ROLE = Qt.ItemDataRole.UserRole + 20
COL_STEM, COL_TYPE, COL_STATUS = 0, 1, 2
HEADERS = ("试题", "题型", "状态")
_Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TIP = Qt.ItemDataRole.ToolTipRole
_FORE = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
NO_SECTION = -1  # the group of questions whose section is gone

STATUS_COLORS = {"draft": style.DRAFT, "approved": style.READ_MARK, "retired": style.RETIRED}
TYPE_COLORS = style.TYPE_COLORS



def list_text(stem: str, title: str = "") -> str:
    """The stem as a list row shows it: without the document's own name, on one line.

    「根据《…》“指导思想”部分填空：」 opens most generated stems; repeated on every row it hides
    what differs between them. Only the list shortens; the preview shows the stem as written.
    """
    text = stem
    if title:
        lead, lead_in, name = _title_patterns(title)
        text = lead.sub("", text, count=1)
        text = lead_in.sub("", text, count=1)
        text = name.sub("本文件", text)
    return " ".join((text.strip() or stem).split())


@lru_cache(maxsize=8)
def _title_patterns(title: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(compiled once per document: a bank of 5,000 rows asked for them 15,000 times)"""
    name = re.escape(f"《{title}》")
    return (re.compile(rf"^(?:根据)?{name}[^：:。？]{{0,40}}[：:]"), re.compile(rf"^{name}中[，,]"), re.compile(name))


@lru_cache(maxsize=64)
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


class TreeRow:
    """One row of the list — a section or a question — read like a QTreeWidgetItem (text,
    data, child, parent, setSelected); the rows stay plain Python values in the model, and the
    view asks only for the rows it paints (a bank of 5,000 questions built 15,000 cells)."""

    __slots__ = ("tree", "section_id", "question_id", "heading", "view", "parent_row", "children", "row",
                 "count", "_stem")

    def __init__(self, tree: QuestionTree, parent: TreeRow | None, *, section_id: int | None = None,
                 heading: str = "", view: QuestionView | None = None) -> None:
        self.tree = tree
        self.parent_row = parent
        self.section_id = section_id
        self.question_id = view.id if view is not None else None
        self.heading = heading
        self.view = view
        self.children: list[TreeRow] = []
        self.row = 0
        self.count = 0  # (a section's questions, its subsections' included)
        self._stem: str | None = None

    # QTreeWidgetItem's calls the window and its tests use ----------------------------------------------
    def text(self, column: int) -> str:
        view = self.view
        if view is None:
            return f"{self.heading}（{self.count}）" if column == COL_STEM else ""
        if column == COL_STEM:
            if self._stem is None:  # (made when first painted: most rows of a long bank never are)
                self._stem = list_text(view.stem, self.tree.title)
            return self._stem
        if column == COL_TYPE:
            return TYPE_NAMES.get(view.type, view.type)
        if column == COL_STATUS:
            return STATUS_NAMES.get(view.status, view.status)
        return ""

    def data(self, column: int, role: int) -> object:
        return self.tree.rows.data(self.tree.rows.index_of(self, column), role)

    def parent(self) -> TreeRow | None:
        return self.parent_row

    def childCount(self) -> int:  # noqa: N802 - QTreeWidgetItem's name
        return len(self.children)

    def child(self, index: int) -> TreeRow | None:
        return self.children[index] if 0 <= index < len(self.children) else None

    def setSelected(self, selected: bool) -> None:  # noqa: N802 - QTreeWidgetItem's name
        flag = QItemSelectionModel.SelectionFlag
        self.tree.selectionModel().select(self.tree.rows.index_of(self),
                                          (flag.Select if selected else flag.Deselect) | flag.Rows)

    def isSelected(self) -> bool:  # noqa: N802 - QTreeWidgetItem's name
        return self.tree.selectionModel().isSelected(self.tree.rows.index_of(self))

    def set_view(self, view: QuestionView) -> None:
        self.view = view
        self._stem = None


class BankModel(QAbstractItemModel):
    """Sections above their questions, three columns (试题, 题型, 状态)."""

    def __init__(self, tree: QuestionTree) -> None:
        super().__init__(tree)
        self.tree = tree
        self.top: list[TreeRow] = []
        self.bold = QFont(tree.font())
        self.bold.setBold(True)

    def set_top(self, top: list[TreeRow]) -> None:
        self.beginResetModel()
        self.top = top
        self.endResetModel()

    def index_of(self, row: TreeRow, column: int = 0) -> QModelIndex:
        return self.createIndex(row.row, column, row)

    def row_of(self, index: _Index) -> TreeRow | None:
        if not index.isValid():
            return None
        row = index.internalPointer()
        return row if isinstance(row, TreeRow) else None

    def row_changed(self, row: TreeRow) -> None:
        self.dataChanged.emit(self.index_of(row, 0), self.index_of(row, 2))

    # the model's side of Qt ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's default
        # (asked for every row as the view lays the tree out: kept short)
        rows = parent.internalPointer().children if parent.isValid() else self.top
        if 0 <= row < len(rows) and 0 <= column < 3:
            return self.createIndex(row, column, rows[row])
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - (QObject.parent() too)
        row = self.row_of(index)
        if row is None or row.parent_row is None:
            return QModelIndex()
        return self.createIndex(row.parent_row.row, 0, row.parent_row)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        if not parent.isValid():
            return len(self.top)
        return len(parent.internalPointer().children) if parent.column() == 0 else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 3

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's name and default
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:  # noqa: N802 - Qt's name
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < 3:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        row = self.row_of(index)
        if row is None:
            return None
        column, view = index.column(), row.view
        if role == _DISPLAY:
            return row.text(column)
        if view is None:  # a section's row
            if column != COL_STEM:
                return None
            if role == _FONT:
                return self.bold
            if role == _TIP:
                return row.heading if row.section_id != NO_SECTION else None
            if role == SECTION_ID_ROLE:
                return row.section_id
            if role == Qt.ItemDataRole.UserRole:
                return row.heading
            return None
        if role == _FORE:
            if column == COL_TYPE:
                return _brush(TYPE_COLORS.get(view.type, style.INK))
            if column == COL_STATUS:
                return _brush(STATUS_COLORS.get(view.status, style.INK))
            return _brush(style.MUTED if view.status == "retired" else style.INK)
        if column != COL_STEM:
            return None
        if role == QUESTION_ID_ROLE:
            return view.id
        if role == _TIP:
            return view.stem
        if role == STATUS_ROLE:
            return view.status
        return None


class QuestionTree(QTreeView):
    """Section rows (bold, with counts) above their question rows (stem, 题型, 状态).

    A view over BankModel; it keeps the QTreeWidget calls the window and its tests use
    (currentItem, topLevelItem, currentItemChanged, itemSelectionChanged …) with TreeRow for
    an item."""

    approveKey = Signal()
    retireKey = Signal()
    editKey = Signal()
    currentItemChanged = Signal(object, object)  # (TreeRow | None, TreeRow | None)
    itemSelectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionTree")
        self.rows = BankModel(self)
        self.setModel(self.rows)
        self.setUniformRowHeights(True)
        self.setIndentation(16)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAllColumnsShowFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_STEM, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_TYPE, 64), (COL_STATUS, 76)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        selection = self.selectionModel()
        selection.currentChanged.connect(
            lambda now, before: self.currentItemChanged.emit(self.rows.row_of(now), self.rows.row_of(before)))
        selection.selectionChanged.connect(lambda *_: self.itemSelectionChanged.emit())
        self._questions: dict[int, TreeRow] = {}
        self._sections: dict[int, TreeRow] = {}
        self._order: list[TreeRow] = []  # every row in display order
        self.title = ""

    # building ---------------------------------------------------------------------------------
    def set_questions(self, document: DocumentView | None, views: list[QuestionView]) -> None:
        """Rebuild: every section holding a listed question appears with its ancestors.

        The rows are plain values handed to the model in one reset; a row's text is made when
        the view first paints it (a bank of 5,000 questions made 15,000 items up front)."""
        self._questions.clear()
        self._sections.clear()
        self.title = document.title if document else ""
        by_id: dict[int, SectionView] = {s.id: s for s in document.sections} if document else {}
        top: list[TreeRow] = []

        def section_row(section_id: int) -> TreeRow:
            row = self._sections.get(section_id)
            if row is not None:
                return row
            s = by_id.get(section_id)
            if s is None:
                row = TreeRow(self, None, section_id=section_id, heading="（出处章节已不在文件中）")
                top.append(row)
            elif s.parent_id is not None and s.parent_id in by_id:
                parent = section_row(s.parent_id)
                row = TreeRow(self, parent, section_id=section_id, heading=s.heading)
                parent.children.append(row)
            else:
                row = TreeRow(self, None, section_id=section_id, heading=s.heading)
                top.append(row)
            self._sections[section_id] = row
            return row

        for v in views:
            sid = v.section_id if v.section_id in by_id else NO_SECTION
            section = section_row(sid)
            row = TreeRow(self, section, view=v)
            section.children.append(row)
            self._questions[v.id] = row
            chain: TreeRow | None = section
            while chain is not None:  # a part counts the questions of its items too
                chain.count += 1
                chain = chain.parent_row
        self._order = []
        self._number(top)
        self.rows.set_top(top)
        for row in self._sections.values():  # (each section open: its questions listed below it)
            index = self.rows.index_of(row)
            self.setFirstColumnSpanned(row.row, index.parent(), True)
            self.setExpanded(index, True)
        self.scrollToTop()

    def _number(self, rows: list[TreeRow]) -> None:
        """Each row's place under its parent, and the display order (depth first)."""
        for i, row in enumerate(rows):
            row.row = i
            self._order.append(row)
            if row.children:
                self._number(row.children)

    def update_question(self, view: QuestionView) -> None:
        """Refresh one row in place (after approve/retire/edit) without rebuilding the tree."""
        row = self._questions.get(view.id)
        if row is not None:
            row.set_view(view)
            self.rows.row_changed(row)

    # QTreeWidget's calls the window and its tests use -----------------------------------------------
    def topLevelItemCount(self) -> int:  # noqa: N802 - QTreeWidget's name
        return len(self.rows.top)

    def topLevelItem(self, index: int) -> TreeRow | None:  # noqa: N802 - QTreeWidget's name
        return self.rows.top[index] if 0 <= index < len(self.rows.top) else None

    def currentItem(self) -> TreeRow | None:  # noqa: N802 - QTreeWidget's name
        return self.rows.row_of(self.currentIndex())

    def setCurrentItem(self, row: TreeRow) -> None:  # noqa: N802 - QTreeWidget's name
        self.setCurrentIndex(self.rows.index_of(row))

    def scrollToItem(self, row: TreeRow,  # noqa: N802 - QTreeWidget's name
                     hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        self.scrollTo(self.rows.index_of(row), hint)

    def visualItemRect(self, row: TreeRow) -> QRect:  # noqa: N802 - QTreeWidget's name
        return self.visualRect(self.rows.index_of(row))

    def selectedItems(self) -> list[TreeRow]:  # noqa: N802 - QTreeWidget's name
        rows = (self.rows.row_of(i) for i in self.selectionModel().selectedRows())
        return [r for r in rows if r is not None]

    # queries ----------------------------------------------------------------------------------
    def question_ids(self) -> list[int]:
        """Listed questions in display order."""
        return [row.question_id for row in self._order if row.question_id is not None]

    def _walk(self) -> list[TreeRow]:
        return list(self._order)

    def current_question_id(self) -> int | None:
        row = self.currentItem()
        return row.question_id if row is not None else None

    def current_section_id(self) -> int | None:
        """The section of the current row: a section row itself, or a question's section."""
        row = self.currentItem()
        while row is not None:
            if row.section_id is not None:
                return row.section_id if row.section_id != NO_SECTION else None
            row = row.parent_row
        return None

    def selected_question_ids(self) -> list[int]:
        return [row.question_id for row in self.selectedItems() if row.question_id is not None]

    def question_item(self, question_id: int) -> TreeRow | None:
        return self._questions.get(question_id)

    def section_item(self, section_id: int) -> TreeRow | None:
        return self._sections.get(section_id)

    def select_question(self, question_id: int | None, *, scroll: bool = True) -> bool:
        row = self._questions.get(question_id) if question_id is not None else None
        if row is None:
            return False
        self.setCurrentItem(row)
        if scroll:
            self.scrollToItem(row, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def select_section(self, section_id: int) -> bool:
        row = self._sections.get(section_id)
        if row is None:
            return False
        self.setCurrentItem(row)
        self.scrollToItem(row, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def step(self, delta: int) -> bool:
        """Move to the next/previous question row, skipping section rows."""
        ids = self.question_ids()
        if not ids:
            return False
        current = self.current_question_id()
        if current is None:
            # from a section row: its first question going down, the one before it going up
            order = self._order
            here = self.currentItem()
            pos = order.index(here) if here in order else -1
            rows = order[pos + 1:] if delta > 0 else list(reversed(order[:max(pos, 0)]))
            target = next((r for r in rows if r.question_id is not None), None)
            if target is None:
                return False
            self.setCurrentItem(target)
            self.scrollToItem(target)
            return True
        index = ids.index(current) + delta
        if not 0 <= index < len(ids):
            return False
        return self.select_question(ids[index])

    # keyboard ---------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step(1 if key == Qt.Key.Key_Down else -1)
            event.accept()
            return
        if plain or mods == Qt.KeyboardModifier.ShiftModifier:
            signal = {Qt.Key.Key_A: self.approveKey, Qt.Key.Key_R: self.retireKey,
                      Qt.Key.Key_E: self.editKey}.get(Qt.Key(key))
            if signal is not None:
                signal.emit()
                event.accept()
                return
        super().keyPressEvent(event)
