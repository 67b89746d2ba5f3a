"""错题本: the learner's wrong questions by section, the rule for leaving it, 练习错题.

The book is read on the task runner (it can be long for a diligent learner); the page only
arranges it: one group per section in reading order, the newest mistakes first inside it.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.grading import LETTERS
from studyapp.services.dto_study import WrongBookItem
from studyapp.ui import style
from studyapp.ui.study.common import button, label, when_text
from studyapp.ui.study.ops import WrongBookData
from studyapp.ui.study.pages import StudyPage

log = logging.getLogger("studyapp.ui")

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def short_stem(stem: str, limit: int = 24) -> str:
    """The telling part of a stem for the list: generated stems open with the document's
    title (“《…》中，…”), which says nothing when every question of the book shares it."""
    text = stem.replace("\n", " ").replace("____", "＿＿").strip()
    if "》" in text[:60] and ("《" in text[:4]):
        rest = text[text.index("》") + 1:].lstrip("中，,、：: ")
        text = rest or text
    return text[:limit] + ("…" if len(text) > limit else "")


def distinct_stems(stems: list[str], limit: int = 24) -> list[str]:
    """Short stems for one section's entries that tell them apart: where two would read the same
    (「下列关于依法治市的说法，正确的…」 twice), each shows its start and where it differs."""
    short = [short_stem(s, limit) for s in stems]
    labels = list(short)
    full = [short_stem(s, 10**6) for s in stems]
    for i, text in enumerate(short):
        same = [j for j, other in enumerate(short) if other == text and full[j] != full[i]]
        if not same:
            continue
        # the first character where this stem parts from each one it would be confused with
        cut = max(next((k for k, (a, b) in enumerate(zip(full[i], full[j], strict=False)) if a != b),
                       min(len(full[i]), len(full[j]))) for j in same)
        if cut < limit:
            continue
        tail = full[i][cut:cut + 14]
        labels[i] = full[i][:limit - 8] + "…" + tail + ("…" if cut + 14 < len(full[i]) else "")
    return labels


class WrongBookPage(StudyPage):
    """错题本 of one person."""

    practiceRequested = Signal()
    sourceRequested = Signal(object)  # WrongBookItem
    closeRequested = Signal()

    return_text = "返回错题本"

    def __init__(self, data: WrongBookData, person_name: str, parent: QWidget | None = None) -> None:
        super().__init__(f"错题本 · {person_name}", parent, card=False)
        self.data = data
        self.current: WrongBookItem | None = None
        book = data.book
        self.info_label.setText(f"共 {book.count} 题　·　已移出 {book.cleared_count} 题")
        self.scroll_area.hide()
        rule = label(f"规则：{book.rule_text}", "rule", self)
        cast(QVBoxLayout, self.layout()).insertWidget(1, rule)  # (the page's own column)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("wrongTree")
        self.tree.setHeaderLabels(["章节 / 试题", "答错"])
        self.tree.setColumnCount(2)
        self.tree.setFixedWidth(460)
        self.tree.setWordWrap(True)
        self.tree.setStyleSheet("QTreeWidget { font-size: 13pt; }")
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda cur, _prev: self.show_item(cur))
        groups: dict[int | None, list[WrongBookItem]] = {}
        for item in book.items:
            groups.setdefault(item.section_id, []).append(item)
        ordered = sorted(groups.items(), key=lambda kv: data.order.get(kv[0] or -1, 10**12))
        first: QTreeWidgetItem | None = None
        for _section_id, items in ordered:
            heading = items[0].section_heading or "（出处章节已不存在）"
            top = QTreeWidgetItem(self.tree, [f"{heading}（{len(items)} 题）", ""])
            font = QFont(self.tree.font())
            font.setBold(True)
            top.setFont(0, font)
            top.setToolTip(0, heading)
            for it, text in zip(items, distinct_stems([it.stem for it in items]), strict=False):
                child = QTreeWidgetItem(top, [f"{it.type_name}：{text}", f"{it.wrong_count} 次"])
                child.setData(0, ITEM_ROLE, it)
                child.setToolTip(0, it.stem)
                child.setForeground(1, QBrush(QColor(style.WRONG)))
                first = first or child
        self.tree.expandAll()

        detail_card = QFrame(self)
        detail_card.setObjectName("card")
        dl = QVBoxLayout(detail_card)
        dl.setContentsMargins(26, 18, 26, 18)
        dl.setSpacing(12)
        self.meta = label("", "qMeta", detail_card)
        self.stem = label("", "qStem", detail_card)
        self.options = label("", "feedbackText", detail_card)
        self.answers = label("", "feedbackText", detail_card)
        self.explanation = label("", "feedbackText", detail_card)
        self.source_button = button("在原文中查看", detail_card, tip="打开阅读区，跳到这道题出自的原文并标出来")
        self.source_button.clicked.connect(self._source)
        for w in (self.meta, self.stem, self.options, self.answers, self.explanation):
            dl.addWidget(w)
        dl.addWidget(self.source_button, 0, Qt.AlignmentFlag.AlignLeft)
        dl.addStretch(1)
        self.detail = QScrollArea(self)
        self.detail.setWidgetResizable(True)
        self.detail.setFrameShape(QFrame.Shape.NoFrame)
        self.detail.setWidget(detail_card)
        if book.count:
            self.center.addWidget(self.tree)
            self.center.addWidget(self.detail, 1)
        else:
            self.tree.hide()
            self.detail.hide()
            empty = label("错题本是空的。练习或考试中答错的题会出现在这里。", "pageInfo", self)
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.center.addWidget(empty, 1)

        self.buttons.addStretch(1)
        self.practice_button = button(f"练习错题（{book.count} 题）", self, primary=True,
                                      tip="用错题本里的题做一次练习；单独答对一次即移出错题本")
        self.practice_button.setEnabled(book.count > 0)
        self.practice_button.clicked.connect(self.practiceRequested.emit)
        close = button("返回阅读", self)
        close.clicked.connect(self.closeRequested.emit)
        self.buttons.addWidget(close)
        self.buttons.addWidget(self.practice_button)
        if first is not None:
            self.tree.setCurrentItem(first)

    def show_item(self, tree_item: QTreeWidgetItem | None) -> None:
        it = tree_item.data(0, ITEM_ROLE) if tree_item is not None else None
        if not isinstance(it, WrongBookItem):
            return
        self.current = it
        self.meta.setText(f"{it.type_name}　·　答错 {it.wrong_count} 次，最近一次：{when_text(it.last_wrong_at)}"
                          f"　·　出处：{it.section_heading}")
        self.stem.setText(it.stem.replace("____", "＿＿＿＿"))
        self.options.setText("\n".join(f"{LETTERS[i]}．{o}" for i, o in enumerate(it.options)))
        self.options.setVisible(bool(it.options))
        self.answers.setText(f"你上次的答案：{it.last_response_text}　　　正确答案：{it.answer_text}")
        self.answers.setStyleSheet(f"color: {style.INK};")
        self.explanation.setText(f"解析：{it.explanation}" if it.explanation else "")
        self.explanation.setVisible(bool(it.explanation))
        self.source_button.setEnabled(it.section_id is not None)

    def _source(self) -> None:
        if self.current is not None:
            self.sourceRequested.emit(self.current)

    def activate(self) -> None:
        self.tree.setFocus()
