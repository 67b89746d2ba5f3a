"""The left-hand side of the 题库: questions grouped under the document's sections.

Sections are shown as in the reader's contents (一、 → 1.), each with the number of questions
listed below it, so a reviewer works through the bank in reading order. ↑/↓ step from question
to question (section rows are skipped), and A/R/E act on the current one — a reviewer keeps
both hands on the keyboard for a bank of a hundred and more questions.

A county's bank holds thousands of questions, and a tree view lays out every row it is shown
(a few Python calls each) on the GUI thread. So the rows are built apart from the view, on any
thread (build_listing: plain Python values, handed over in one piece), and the model shows them
a page at a time in reading order (canFetchMore/fetchMore): the rows in view and a page below
them; scrolling down, or selecting a row further on, shows the rest up to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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

from studyapp.services.dto import DocumentView, QuestionRow, QuestionView, SectionView
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
FIRST_PAGE = 200  # rows shown at once: a screenful and more (1024×768 shows about 25)
PAGE = 500  # rows added each time the view scrolls to the end of what it shows
_QUESTION_FLAGS = _FLAGS | Qt.ItemFlag.ItemNeverHasChildren  # (the view need not ask)

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
                 "count", "_stem", "pos", "shown")

    def __init__(self, tree: QuestionTree, parent: TreeRow | None, *, section_id: int | None = None,
                 heading: str = "", view: QuestionRow | QuestionView | None = None) -> None:
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
        self.pos = 0  # place in the display order (depth first)
        self.shown = 0  # how many of its children the model shows yet (a prefix of them)

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

    def set_view(self, view: QuestionRow | QuestionView) -> None:
        self.view = view
        self._stem = None


@dataclass
class Listing:
    """The list's rows, built apart from the view (build_listing) and handed to it whole."""

    title: str = ""
    top: list[TreeRow] = field(default_factory=list)
    order: list[TreeRow] = field(default_factory=list)  # every row in display order
    questions: dict[int, TreeRow] = field(default_factory=dict)
    sections: dict[int, TreeRow] = field(default_factory=dict)


def build_listing(tree: QuestionTree, document: DocumentView | None,
                  views: list[QuestionRow] | list[QuestionView]) -> Listing:
    """Every section holding a listed question, with its ancestors, above its questions.

    Plain Python, no Qt call: it runs on the worker with the list's read (`tree` is only kept
    on the rows, for their QTreeWidgetItem-like calls later, on the GUI thread)."""
    out = Listing(title=document.title if document else "")
    by_id: dict[int, SectionView] = {s.id: s for s in document.sections} if document else {}
    sections, top = out.sections, out.top

    def section_row(section_id: int) -> TreeRow:
        row = sections.get(section_id)
        if row is not None:
            return row
        s = by_id.get(section_id)
        if s is None:
            row = TreeRow(tree, None, section_id=section_id, heading="（出处章节已不在文件中）")
            top.append(row)
        elif s.parent_id is not None and s.parent_id in by_id:
            parent = section_row(s.parent_id)
            row = TreeRow(tree, parent, section_id=section_id, heading=s.heading)
            parent.children.append(row)
        else:
            row = TreeRow(tree, None, section_id=section_id, heading=s.heading)
            top.append(row)
        sections[section_id] = row
        return row

    for v in views:
        sid = v.section_id if v.section_id in by_id else NO_SECTION
        section = section_row(sid)
        row = TreeRow(tree, section, view=v)
        section.children.append(row)
        out.questions[v.id] = row
        chain: TreeRow | None = section
        while chain is not None:  # a part counts the questions of its items too
            chain.count += 1
            chain = chain.parent_row

    def number(rows: list[TreeRow]) -> None:  # each row's place under its parent, depth first
        for i, row in enumerate(rows):
            row.row = i
            row.pos = len(out.order)
            out.order.append(row)
            if row.children:
                number(row.children)

    number(top)
    return out


class BankModel(QAbstractItemModel):
    """Sections above their questions, three columns (试题, 题型, 状态)."""

    def __init__(self, tree: QuestionTree) -> None:
        super().__init__(tree)
        self.tree = tree
        self.top: list[TreeRow] = []
        self.order: list[TreeRow] = []
        self.limit = 0  # the rows shown: order[:limit]
        self.top_shown = 0
        self.bold = QFont(tree.font())
        self.bold.setBold(True)

    def set_top(self, top: list[TreeRow], order: list[TreeRow] | None = None, first: int = FIRST_PAGE) -> None:
        """New rows, the first `first` of them (in display order) shown."""
        self.beginResetModel()
        self.top = top
        self.order = order if order is not None else top
        self.top_shown = 0
        self.limit = min(first, len(self.order))
        for row in self.order[:self.limit]:
            if row.parent_row is None:
                self.top_shown += 1
            else:
                row.parent_row.shown += 1
        self.endResetModel()

    def show_more(self, upto: int) -> list[TreeRow]:
        """Show the rows of the display order up to `upto` (inserted under their parents as Qt
        asks); the newly shown section rows (for the view to open)."""
        upto = min(upto, len(self.order))
        new = self.order[self.limit:upto]
        i = 0
        while i < len(new):
            parent = new[i].parent_row
            j = i
            while j + 1 < len(new) and new[j + 1].parent_row is parent:
                j += 1
            first = new[i].row  # (== the parent's shown count: its shown children are a prefix)
            where = self.createIndex(parent.row, 0, parent) if parent is not None else QModelIndex()
            self.beginInsertRows(where, first, first + j - i)
            if parent is None:
                self.top_shown += j - i + 1
            else:
                parent.shown += j - i + 1
            self.limit = new[j].pos + 1
            self.endInsertRows()
            i = j + 1
        return [r for r in new if r.view is None]

    def index_of(self, row: TreeRow, column: int = 0) -> QModelIndex:
        if self.limit <= row.pos < len(self.order) and self.order[row.pos] is row:
            self.tree.show_rows(max(row.pos + 1, self.limit + PAGE))  # (asked for a row not shown yet)
        return self.createIndex(row.row, column, row)

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802 - Qt's name
        return not parent.isValid() and self.limit < len(self.order)

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802 - Qt's name
        # Qt asks when the last top-level row is in view (made for flat lists: here that is a
        # part's heading with its questions below it) or the list is scrolled to its end: more
        # rows only when the end of those shown is near
        if not parent.isValid() and self.tree.near_end():
            self.tree.show_rows(self.limit + PAGE)

    def row_of(self, index: _Index) -> TreeRow | None:
        if not index.isValid():
            return None
        row = index.internalPointer()
        return row if isinstance(row, TreeRow) else None

    def row_changed(self, row: TreeRow) -> None:
        if row.pos >= self.limit:
            return  # (not shown yet: it is painted as it is when it is)
        self.dataChanged.emit(self.index_of(row, 0), self.index_of(row, 2))

    # the model's side of Qt ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's default
        # (asked for every row as the view lays the tree out: kept short)
        if parent.isValid():
            owner = parent.internalPointer()
            rows, shown = owner.children, owner.shown
        else:
            rows, shown = self.top, self.top_shown
        if 0 <= row < shown and 0 <= column < 3:
            return self.createIndex(row, column, rows[row])
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 - (QObject.parent() too)
        row = self.row_of(index)
        if row is None or row.parent_row is None:
            return QModelIndex()
        return self.createIndex(row.parent_row.row, 0, row.parent_row)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        if not parent.isValid():
            return self.top_shown
        return parent.internalPointer().shown if parent.column() == 0 else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's name and default
        return 3

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's name and default
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS if index.internalPointer().view is None else _QUESTION_FLAGS

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
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # (near_end counts rows)
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
    def set_questions(self, document: DocumentView | None, views: list[QuestionRow] | list[QuestionView]) -> None:
        """Rebuild: every section holding a listed question appears with its ancestors."""
        self.set_listing(build_listing(self, document, views))

    def set_listing(self, listing: Listing) -> None:
        """Show rows built by build_listing (on the worker): one model reset, the first page
        of rows laid out, each section among them open with its heading across the row."""
        self._questions = listing.questions
        self._sections = listing.sections
        self._order = listing.order
        self.title = listing.title
        self.rows.set_top(listing.top, listing.order)
        self._open(self.rows.order[:self.rows.limit])
        self.scrollToTop()

    def show_rows(self, upto: int) -> None:
        """Show the rows up to `upto` in display order (scrolled or selected further on)."""
        self._open(self.rows.show_more(upto))

    def near_end(self) -> bool:
        """Scrolled to within two screenfuls of the last row shown. (Every row shown is open
        and scrolled per row: the scroll bar's value is the place of the top row; it is asked
        also before the bar knows the rows, so it does not count on the bar's maximum.)"""
        screen = max(1, self.viewport().height() // max(1, self.fontMetrics().height()))
        return self.rows.limit - self.verticalScrollBar().value() <= 3 * screen

    def _open(self, rows: list[TreeRow]) -> None:
        sections = [r for r in rows if r.view is None]
        # expanded first (while the view still owes its layout, each is only remembered), the
        # headings spanned after (the first span lays the rows out once)
        for row in sections:
            self.setExpanded(self.rows.createIndex(row.row, 0, row), True)
        for row in sections:
            parent = row.parent_row
            where = self.rows.createIndex(parent.row, 0, parent) if parent is not None else QModelIndex()
            self.setFirstColumnSpanned(row.row, where, True)

    def selectAll(self) -> None:  # noqa: N802 - Qt API
        """Ctrl+A: every listed question, those not shown yet too."""
        self.show_rows(len(self._order))
        super().selectAll()

    def update_question(self, view: QuestionRow | QuestionView) -> None:
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
            pos = here.pos if here is not None else -1
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
