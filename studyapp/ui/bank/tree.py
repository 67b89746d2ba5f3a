"""The left-hand side of the 题库: questions grouped under the document's sections.

Sections are shown as in the reader's contents (一、 → 1.), each with the number of questions
listed below it, so a reviewer works through the bank in reading order. ↑/↓ step from question
to question (section rows are skipped), and A/R/E act on the current one — a reviewer keeps
both hands on the keyboard for a bank of a hundred and more questions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from studyapp.services.dto import DocumentView, QuestionView, SectionView
from studyapp.ui import style
from studyapp.ui.bank.names import STATUS_NAMES, TYPE_NAMES

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 10
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 11
COL_STEM, COL_TYPE, COL_STATUS = 0, 1, 2
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


class QuestionTree(QTreeWidget):
    """Section rows (bold, with counts) above their question rows (stem, 题型, 状态)."""

    approveKey = Signal()
    retireKey = Signal()
    editKey = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionTree")
        self.setColumnCount(3)
        self.setHeaderLabels(["试题", "题型", "状态"])
        self.setUniformRowHeights(True)
        self.setIndentation(16)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self._questions: dict[int, QTreeWidgetItem] = {}
        self._sections: dict[int, QTreeWidgetItem] = {}
        self.title = ""

    # building ---------------------------------------------------------------------------------
    def set_questions(self, document: DocumentView | None, views: list[QuestionView]) -> None:
        """Rebuild: every section holding a listed question appears with its ancestors.

        The items are made apart from the tree and handed to it in one go per parent (a bank of
        5,000 questions added row by row kept the window still for a sixth of a second)."""
        self.setUpdatesEnabled(False)
        try:
            self._rebuild(document, views)
        finally:
            self.setUpdatesEnabled(True)
        self.expandAll()
        self.scrollToTop()

    def _rebuild(self, document: DocumentView | None, views: list[QuestionView]) -> None:
        self.clear()
        self._questions.clear()
        self._sections.clear()
        self.title = document.title if document else ""
        by_id: dict[int, SectionView] = {s.id: s for s in document.sections} if document else {}
        counts: dict[int, int] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        top: list[QTreeWidgetItem] = []
        children: dict[int, list[QTreeWidgetItem]] = {}  # a section's rows, in the order they come

        def section_item(section_id: int) -> QTreeWidgetItem:
            if section_id in self._sections:
                return self._sections[section_id]
            s = by_id.get(section_id)
            item = QTreeWidgetItem()
            if s is None:
                item.setData(0, Qt.ItemDataRole.UserRole, "（出处章节已不在文件中）")
                top.append(item)
            else:
                if s.parent_id in by_id and s.parent_id is not None:
                    section_item(s.parent_id)
                    children.setdefault(s.parent_id, []).append(item)
                else:
                    top.append(item)
                item.setData(0, Qt.ItemDataRole.UserRole, s.heading)
                item.setToolTip(COL_STEM, s.heading)
            item.setData(0, SECTION_ID_ROLE, section_id)
            item.setFont(COL_STEM, bold)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsSelectable)
            self._sections[section_id] = item
            return item

        for v in views:
            sid = v.section_id if v.section_id in by_id else NO_SECTION
            section_item(sid)
            item = QTreeWidgetItem()
            item.setData(0, QUESTION_ID_ROLE, v.id)
            children.setdefault(sid, []).append(item)
            self._questions[v.id] = item
            self.update_question(v)
            chain: int | None = sid
            while chain is not None:  # a part counts the questions of its items too
                counts[chain] = counts.get(chain, 0) + 1
                chain = by_id[chain].parent_id if chain in by_id else None
        for sid, item in self._sections.items():
            item.setText(COL_STEM, f"{item.data(0, Qt.ItemDataRole.UserRole)}（{counts.get(sid, 0)}）")
            if sid in children:
                item.addChildren(children[sid])
        self.addTopLevelItems(top)
        for item in self._sections.values():
            item.setFirstColumnSpanned(True)  # (once in the tree: the span is the view's)

    def update_question(self, view: QuestionView) -> None:
        """Refresh one row in place (after approve/retire/edit) without rebuilding the tree."""
        item = self._questions.get(view.id)
        if item is None:
            return
        item.setText(COL_STEM, list_text(view.stem, self.title))
        item.setToolTip(COL_STEM, view.stem)
        item.setText(COL_TYPE, TYPE_NAMES.get(view.type, view.type))
        item.setForeground(COL_TYPE, _brush(TYPE_COLORS.get(view.type, style.INK)))
        item.setText(COL_STATUS, STATUS_NAMES.get(view.status, view.status))
        item.setForeground(COL_STATUS, _brush(STATUS_COLORS.get(view.status, style.INK)))
        muted = view.status == "retired"
        item.setForeground(COL_STEM, _brush(style.MUTED if muted else style.INK))
        item.setData(0, Qt.ItemDataRole.UserRole + 20, view.status)

    # queries ----------------------------------------------------------------------------------
    def question_ids(self) -> list[int]:
        """Listed questions in display order."""
        out: list[int] = []
        for item in self._walk():
            qid = item.data(0, QUESTION_ID_ROLE)
            if qid is not None:
                out.append(int(qid))
        return out

    def _walk(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []

        def visit(item: QTreeWidgetItem) -> None:
            out.append(item)
            for i in range(item.childCount()):
                child = item.child(i)
                if child is not None:
                    visit(child)

        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            if top is not None:
                visit(top)
        return out

    def current_question_id(self) -> int | None:
        item = self.currentItem()
        qid = item.data(0, QUESTION_ID_ROLE) if item is not None else None
        return int(qid) if qid is not None else None

    def current_section_id(self) -> int | None:
        """The section of the current row: a section row itself, or a question's section."""
        item = self.currentItem()
        while item is not None:
            sid = item.data(0, SECTION_ID_ROLE)
            if sid is not None:
                return int(sid) if int(sid) != NO_SECTION else None
            item = item.parent()
        return None

    def selected_question_ids(self) -> list[int]:
        ids = [item.data(0, QUESTION_ID_ROLE) for item in self.selectedItems()]
        return [int(i) for i in ids if i is not None]

    def question_item(self, question_id: int) -> QTreeWidgetItem | None:
        return self._questions.get(question_id)

    def section_item(self, section_id: int) -> QTreeWidgetItem | None:
        return self._sections.get(section_id)

    def select_question(self, question_id: int | None, *, scroll: bool = True) -> bool:
        item = self._questions.get(question_id) if question_id is not None else None
        if item is None:
            return False
        self.setCurrentItem(item)
        if scroll:
            self.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def select_section(self, section_id: int) -> bool:
        item = self._sections.get(section_id)
        if item is None:
            return False
        self.setCurrentItem(item)
        self.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
        return True

    def step(self, delta: int) -> bool:
        """Move to the next/previous question row, skipping section rows."""
        ids = self.question_ids()
        if not ids:
            return False
        current = self.current_question_id()
        if current is None:
            # from a section row: its first question going down, the one before it going up
            order = self._walk()
            here = self.currentItem()
            pos = order.index(here) if here in order else -1
            rows = order[pos + 1:] if delta > 0 else list(reversed(order[:max(pos, 0)]))
            target = next((it for it in rows if it.data(0, QUESTION_ID_ROLE) is not None), None)
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
