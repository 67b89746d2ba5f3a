"""我的学习: what one learner has read, practised and scored, and how far each section is.

Data comes from mystudy.my_study (≈150 ms) on the task runner; the page paints a simple line of
scores over time (percent of full marks, so papers of different size compare) and a table of
sections with the same coloured dots as the reader's tree.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.stats import fmt_percent
from studyapp.services.dto_study import MASTERY_NAMES, ScorePoint
from studyapp.ui import style
from studyapp.ui.reader.outline import MASTERY_COLORS, mastery_icon
from studyapp.ui.study.common import button, label, points_text
from studyapp.ui.study.ops import MyStudyData
from studyapp.ui.study.pages import StudyPage

log = logging.getLogger("studyapp.ui")


class ScoreChart(QWidget):
    """Scores over time as percent of full marks: a calm line with a dot and a value per test.

    Painting only draws what it was given: no service call ever happens in paintEvent.
    """

    def __init__(self, points: tuple[ScorePoint, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = points[-12:]  # the last dozen tests: readable, and what matters now
        self.setMinimumHeight(200)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(44, 14, -18, -34)
        small = QFont(self.font())
        small.setPointSize(10)
        p.setFont(small)
        grid = QPen(QColor(style.BORDER))
        for pct in (0, 60, 100):
            y = rect.bottom() - rect.height() * pct / 100
            p.setPen(grid)
            p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            p.setPen(QColor(style.MUTED))
            p.drawText(QRectF(0, y - 9, 38, 18), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{pct}%")
        if not self.points:
            p.setPen(QColor(style.MUTED))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "还没有模拟考试成绩")
            p.end()
            return
        n = len(self.points)
        step = rect.width() / max(1, n - 1) if n > 1 else 0
        coords = []
        for i, sp in enumerate(self.points):
            x = rect.left() + (step * i if n > 1 else rect.width() / 2)
            y = rect.bottom() - rect.height() * max(0.0, min(100.0, sp.percent)) / 100
            coords.append(QPointF(x, y))
        p.setPen(QPen(QColor(style.ACCENT), 2))
        for a, b in pairwise(coords):
            p.drawLine(a, b)
        p.setBrush(QBrush(QColor(style.ACCENT)))
        for sp, c in zip(self.points, coords, strict=True):
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(c, 4, 4)
            p.setPen(QColor(style.INK))
            p.drawText(QRectF(c.x() - 30, c.y() - 22, 60, 16), Qt.AlignmentFlag.AlignCenter,
                       f"{sp.percent:.0f}")
            p.setPen(QColor(style.MUTED))
            p.drawText(QRectF(c.x() - 34, rect.bottom() + 6, 68, 16), Qt.AlignmentFlag.AlignCenter,
                       sp.date[5:])
        p.end()


def _stat(parent: QWidget, value: str, name: str) -> QFrame:
    box = QFrame(parent)
    box.setObjectName("card")
    lay = QVBoxLayout(box)
    lay.setContentsMargins(14, 8, 14, 8)
    lay.setSpacing(0)
    lay.addWidget(label(value, "statValue", box, wrap=False))
    lay.addWidget(label(name, "statName", box, wrap=False))
    return box


class MyStudyPage(StudyPage):
    """我的学习 of one person (reading and mastery of the document open in the reader)."""

    wrongbookRequested = Signal()
    reviewRequested = Signal()
    sectionRequested = Signal(int)  # practise a section (double-click in the table)
    closeRequested = Signal()

    return_text = "返回我的学习"

    def __init__(self, data: MyStudyData, person_name: str, parent: QWidget | None = None) -> None:
        super().__init__(f"我的学习 · {person_name}", parent, card=False)
        self.data = data
        s = data.study
        self.scroll_area.hide()
        if data.document is not None:
            self.info_label.setText(f"《{data.document.title}》")

        stats = QHBoxLayout()
        stats.setSpacing(12)
        acc = fmt_percent(s.accuracy, 0)
        for value, name in ((f"{s.sections_read} / {s.section_count}", "已读章节"),
                            (f"{s.practice_count} 次", "练习"),
                            (f"{s.answered} 题", "答过的题"),
                            (acc, "正确率"),
                            (f"{s.exam_count} 次", "模拟考试"),
                            (f"{s.wrongbook_count} 题", "错题本"),
                            (f"{s.due_today} 题", "今日待复习")):
            stats.addWidget(_stat(self, value, name))
        stats.addStretch(1)
        cast(QVBoxLayout, self.layout()).insertLayout(1, stats)  # (the page's own column)

        # left: scores over time --------------------------------------------------------------
        left = QFrame(self)
        left.setObjectName("card")
        ll = QVBoxLayout(left)
        ll.setContentsMargins(18, 12, 18, 12)
        ll.addWidget(label("成绩变化（占满分的百分比）", "pageInfo", left, wrap=False))
        self.chart = ScoreChart(s.scores, left)
        ll.addWidget(self.chart, 1)
        self.scores = QTreeWidget(left)
        self.scores.setRootIsDecorated(False)
        self.scores.setHeaderLabels(["日期", "名称", "得分"])
        self.scores.setMaximumHeight(170)
        self.scores.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.scores.header().setStretchLastSection(False)
        self.scores.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.scores.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for sp in reversed(s.scores):
            QTreeWidgetItem(self.scores, [sp.date, sp.title,
                                          f"{points_text(sp.score)} / {points_text(sp.full_marks)}"])
        if not s.scores:
            self.scores.hide()
            ll.addWidget(label("做一次“模拟考试”后，成绩会出现在这里。", "qHint", left))
        ll.addWidget(self.scores)

        # right: mastery per section ------------------------------------------------------------
        right = QFrame(self)
        right.setObjectName("card")
        rl = QVBoxLayout(right)
        rl.setContentsMargins(18, 12, 18, 12)
        rl.addWidget(label("各章节掌握情况", "pageInfo", right, wrap=False))
        legend = QGridLayout()
        for i, state in enumerate(("unread", "read", "practised", "mastered")):
            dot = label("●" if state != "unread" else "○", "qHint", right, wrap=False)
            dot.setStyleSheet(f"color: {MASTERY_COLORS[state]}; font-size: 13pt;")
            legend.addWidget(dot, 0, 2 * i)
            legend.addWidget(label(MASTERY_NAMES[state], "qHint", right, wrap=False), 0, 2 * i + 1)
        legend.setColumnStretch(8, 1)
        rl.addLayout(legend)
        self.sections = QTreeWidget(right)
        self.sections.setObjectName("masteryTable")
        self.sections.setHeaderLabels(["章节", "状态", "答过", "答对"])
        self.sections.setRootIsDecorated(False)
        self.sections.setWordWrap(True)
        self.sections.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        head = self.sections.header()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        if data.document is not None:
            for sec in data.document.sections:
                m = s.mastery.get(sec.id)
                if m is None:
                    continue
                row = QTreeWidgetItem(self.sections, ["　" * sec.depth + sec.heading, m.state_name,
                                                      str(m.answered), str(m.right)])
                row.setIcon(1, mastery_icon(m.state))
                row.setData(0, Qt.ItemDataRole.UserRole + 1, sec.id)
                row.setToolTip(0, sec.heading)
                if sec.depth == 0:
                    f = QFont(self.sections.font())
                    f.setBold(True)
                    row.setFont(0, f)
        self.sections.itemDoubleClicked.connect(self._practise_section)
        rl.addWidget(self.sections, 1)
        rl.addWidget(label(s.mastery_rule + "　双击一节可练习该节。", "qHint", right))
        self.center.addWidget(left, 5)
        self.center.addWidget(right, 6)

        self.buttons.addStretch(1)
        wb = button(f"错题本（{s.wrongbook_count} 题）", self)
        wb.clicked.connect(self.wrongbookRequested.emit)
        rv = button(f"今日复习（{s.due_today} 题）", self)
        rv.setEnabled(s.due_today > 0)
        rv.clicked.connect(self.reviewRequested.emit)
        close = button("返回阅读", self, primary=True)
        close.clicked.connect(self.closeRequested.emit)
        self.close_button = close
        for b in (wb, rv, close):
            self.buttons.addWidget(b)

    def _practise_section(self, item: QTreeWidgetItem, _column: int) -> None:
        sid = item.data(0, Qt.ItemDataRole.UserRole + 1)
        if sid is not None:
            self.sectionRequested.emit(int(sid))

    def activate(self) -> None:
        self.sections.setFocus()
