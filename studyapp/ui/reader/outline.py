"""The document's table of contents: sections as a tree with read marks and progress per part.

With a learner chosen (自学), each heading also gets a coloured dot for how far that learner is
with it — read / practised / mastered — so the tree shows at a glance what is left to study.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
)

from studyapp.services.dto import DocumentView, SectionView
from studyapp.services.dto_study import MASTERY_NAMES, SectionMastery
from studyapp.ui import style

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MASTERY_ROLE = Qt.ItemDataRole.UserRole + 2  # the learner's mastery state of the section, or None
READ_MARK = "✓"
NOTE_MARK = "✎"

#: the dot in front of a heading: hollow grey = not yet read, then blue, amber, green
MASTERY_COLORS = style.MASTERY_COLORS
_DOT = 12
_ICONS: dict[str, QIcon] = {}


def mastery_icon(state: str) -> QIcon:
    """A small filled dot (a ring for 未读), drawn once per state — never while painting rows."""
    icon = _ICONS.get(state)
    if icon is None:
        pixmap = QPixmap(_DOT, _DOT)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = QColor(MASTERY_COLORS.get(state, MASTERY_COLORS["unread"]))
        if state == "unread":
            painter.setPen(color)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(1, 1, _DOT - 3, _DOT - 3)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawEllipse(0, 0, _DOT - 1, _DOT - 1)
        painter.end()
        icon = QIcon(pixmap)
        _ICONS[state] = icon
    return icon


def mastery_tip(m: SectionMastery) -> str:
    """What the dot means for this section, in words a learner can check."""
    name = MASTERY_NAMES.get(m.state, m.state)
    if m.answered:
        return f"{name}：答过 {m.answered} 次，答对 {m.right} 次（本节共 {m.questions} 道题）"
    if m.state == "read":
        return f"{name}：还没有练习本节（本节共 {m.questions} 道题）"
    return f"{name}（本节共 {m.questions} 道题）"


class _WrappingDelegate(QStyledItemDelegate):
    """Long Chinese headings wrap onto a second line instead of being cut off.

    QTreeView asks for row heights without telling the delegate the column width, so the
    height is computed here from the real width left for the text at the item's depth.
    """

    def __init__(self, tree: OutlineTree) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        if index.column() != 0:
            return base
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = self.tree.header().sectionSize(0) - self.tree.indentation() * (depth + 1) - 12
        if index.data(MASTERY_ROLE):  # the mastery dot takes room left of the text
            width -= self.tree.iconSize().width() + 8
        if width <= 40:
            return base
        font = index.data(Qt.ItemDataRole.FontRole) or self.tree.font()
        metrics = QFontMetrics(font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = metrics.boundingRect(QRect(0, 0, width, 10000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(base.width(), max(base.height(), rect.height() + 10))


class OutlineTree(QTreeWidget):
    """Column 0: heading (parts with 已读/总数); column 1: ✓ read, ✎ has a note."""

    sectionActivated = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setIndentation(18)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 44)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._shown: dict[int, tuple] = {}  # what each row shows now (heading, marks, read, dot, tip)
        self._mark_brush = QBrush(QColor(style.READ_MARK))
        self._sections: dict[int, SectionView] = {}
        self._read: set[int] = set()
        self._local_read: set[int] = set()
        self._just_read: set[int] = set()
        self._notes: set[int] = set()
        self._children: dict[int, list[int]] = {}
        self._mastery: dict[int, SectionMastery] = {}
        self.mastery_rule = ""
        self.setIconSize(QSize(_DOT, _DOT))
        self.currentItemChanged.connect(self._current_changed)
        self._silent = False
        self.setItemDelegate(_WrappingDelegate(self))
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._do_relayout)
        header.sectionResized.connect(lambda *_: self._relayout.start())

    def _do_relayout(self) -> None:
        self.doItemsLayout()
        current = self.currentItem()
        if current is not None:
            self.scrollToItem(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout.start()  # row heights depend on the width (wrapped headings)

    # building ------------------------------------------------------------------------
    def set_document(self, view: DocumentView | None) -> None:
        self._silent = True
        try:
            self.clear()
            self._items.clear()
            self._shown.clear()
            self._sections.clear()
            self._children.clear()
            self._mastery = {}  # another document: the learner's marks come again
            # ✓ and 已读/总数: what was read on this PC, until a learner is chosen; then the
            # learner's own reads (set_mastery) — the figures 我的学习 and the 首页 show
            self._local_read = {s.id for s in view.sections if s.is_read} if view else set()
            self._read = set(self._local_read)
            self._just_read = set()
            self._notes = {s.id for s in view.sections if s.has_note} if view else set()
            if view is None:
                return
            for s in view.sections:
                parent = self._items.get(s.parent_id) if s.parent_id is not None else None
                item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self)
                item.setData(0, SECTION_ID_ROLE, s.id)
                item.setToolTip(0, s.heading)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                item.setForeground(1, self._mark_brush)
                if s.depth == 0:
                    font = QFont(self.font())
                    font.setBold(True)
                    item.setFont(0, font)
                self._items[s.id] = item
                self._sections[s.id] = s
                if s.parent_id is not None:
                    self._children.setdefault(s.parent_id, []).append(s.id)
            for sid in self._items:
                self._refresh(sid)
            self.expandAll()
            self.scrollToTop()
        finally:
            self._silent = False

    def _leaves_below(self, section_id: int) -> list[int]:
        """Every section below a part (inner ones too), for its 已读/总数 count."""
        out: list[int] = []
        for child in self._children.get(section_id, []):
            out.append(child)
            out.extend(self._leaves_below(child))
        return out

    def progress(self, section_id: int) -> tuple[int, int]:
        below = self._leaves_below(section_id)
        return sum(1 for s in below if s in self._read), len(below)

    def _refresh(self, section_id: int) -> None:
        """Show a section's heading, marks and mastery dot — touching the item only where they
        changed (every setter makes the view measure the row again: a learner's dots on a
        thousand-article law took 160 ms on the GUI thread)."""
        s = self._sections[section_id]
        text = s.heading
        done = section_id in self._read
        if s.depth == 0 and self._children.get(section_id):
            read, total = self.progress(section_id)
            text = f"{text}（{read}/{total}）"
            done = done or read == total
        marks = []
        if section_id in self._notes:
            marks.append(NOTE_MARK)
        if done:
            marks.append(READ_MARK)
        m = self._mastery.get(section_id)
        if m is None:
            state, tip = None, s.heading
        else:
            state = m.state
            tip = f"{s.heading}\n{mastery_tip(m)}"
            tip = f"{tip}\n\n{self.mastery_rule}" if self.mastery_rule else tip
        shown = (text, " ".join(marks), done, state, tip)
        before = self._shown.get(section_id)
        if shown == before:
            return
        self._shown[section_id] = shown
        item = self._items[section_id]
        if before is None or before[0] != text:
            item.setText(0, text)
        if before is None or before[1:3] != shown[1:3]:
            item.setText(1, shown[1])
            item.setToolTip(1, "已读" if done else "")
        if before is None or before[3] != state:
            item.setIcon(0, QIcon() if state is None else mastery_icon(state))
            item.setData(0, MASTERY_ROLE, state)
        if before is None or before[4] != tip:
            item.setToolTip(0, tip)

    # the learner's mastery (自学) ------------------------------------------------------
    def set_mastery(self, mastery: Mapping[int, SectionMastery] | None, rule: str = "") -> None:
        """Show a learner's read / practised / mastered dots; None (no learner) removes them."""
        self._mastery = dict(mastery or {})
        self.mastery_rule = rule
        if mastery is None:
            self._just_read = set()
            self._read = set(self._local_read)
        else:
            self._read = {sid for sid, m in self._mastery.items() if m.read} | self._just_read
        # the rows are measured once, after all of them changed (not once per row and setter)
        model = self.model()
        model.blockSignals(True)
        try:
            for sid in self._items:
                self._refresh(sid)
        finally:
            model.blockSignals(False)
        self._do_relayout()  # the dot narrows the text: wrapped rows may grow
        self.viewport().update()

    def mastery_state(self, section_id: int) -> str | None:
        """The state shown for a section ("read", "practised", "mastered", "unread") or None."""
        m = self._mastery.get(section_id)
        return m.state if m is not None else None

    # updates -------------------------------------------------------------------------
    def set_read(self, section_id: int) -> None:
        if section_id not in self._items:
            return
        self._local_read.add(section_id)
        self._just_read.add(section_id)
        if section_id in self._read:
            return
        self._read.add(section_id)
        self._refresh(section_id)
        top = self._top_of(section_id)
        if top != section_id:
            self._refresh(top)

    def set_has_note(self, section_id: int, has_note: bool) -> None:
        if section_id not in self._items:
            return
        (self._notes.add if has_note else self._notes.discard)(section_id)
        self._refresh(section_id)

    def is_read(self, section_id: int) -> bool:
        return section_id in self._read

    def _top_of(self, section_id: int) -> int:
        s = self._sections[section_id]
        while s.parent_id is not None and s.parent_id in self._sections:
            s = self._sections[s.parent_id]
        return s.id

    def select_section(self, section_id: int | None) -> None:
        """Follow navigation without re-emitting it."""
        self._silent = True
        try:
            item = self._items.get(section_id) if section_id is not None else None
            if item is None:
                self.setCurrentIndex(QModelIndex())
                self.clearSelection()
                return
            self.setCurrentItem(item)
            if self.isVisible():  # before the first show the viewport is tiny; relayout scrolls
                self.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._silent = False

    def item_for(self, section_id: int) -> QTreeWidgetItem | None:
        return self._items.get(section_id)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if self._silent or current is None:
            return
        sid = current.data(0, SECTION_ID_ROLE)
        if sid is not None:
            self.sectionActivated.emit(int(sid))
