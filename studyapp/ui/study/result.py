"""The score page of a finished attempt (模拟考试 成绩 or 练习 小结): read-only, every question
reviewable with the learner's answer, the key, the explanation and the source sentence."""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studyapp.services.dto import QUESTION_TYPE_NAMES
from studyapp.services.dto_study import AttemptQuestion, ExamResult, QuestionReview
from studyapp.ui import style
from studyapp.ui.study.common import (
    AMBER,
    RIGHT,
    WRONG,
    button,
    label,
    mmss,
    points_text,
)
from studyapp.ui.study.pages import StudyPage
from studyapp.ui.study.question import FeedbackPanel, QuestionView

log = logging.getLogger("studyapp.ui")


def mark_of(review: QuestionReview) -> tuple[str, str]:
    """✔ / ✘ / ◐ / ○ and its colour, for the list of questions."""
    r = review.result
    if not review.answered:
        return "○ 未答", style.MUTED
    if r.correct is None:
        return "◇ 自查", AMBER
    if r.correct:
        return "✔ 正确", RIGHT
    if r.partial:
        return "◐ 部分", AMBER
    return "✘ 错误", WRONG


def per_type(result: ExamResult) -> list[tuple[str, int, int, float, float, int]]:
    """(题型, 题数, 答对, 得分, 满分, 作答) in paper order — how the score splits by type."""
    rows: OrderedDict[str, list[float]] = OrderedDict()
    for item in result.items:
        row = rows.setdefault(item.result.type, [0, 0, 0.0, 0.0, 0])
        row[0] += 1
        row[1] += 1 if item.result.correct else 0
        row[2] += item.result.points
        row[3] += item.result.max_points
        row[4] += 1 if item.answered else 0
    return [(QUESTION_TYPE_NAMES.get(t, t), int(n), int(ok), pts, full, int(done))
            for t, (n, ok, pts, full, done) in rows.items()]


def practice_title(title: str) -> str:
    """「练习小结：一、……」, not 「练习小结：练习：一、……」."""
    return title.removeprefix("练习：").removeprefix("练习:")


class ResultPage(StudyPage):
    """成绩 / 小结. Nothing here can change an answer: the attempt is finished."""

    sourceRequested = Signal(object)  # AnswerResult
    againRequested = Signal()  # 再练一次 / 再考一次
    wrongbookRequested = Signal()
    closeRequested = Signal()

    return_text = "返回成绩"

    def __init__(self, result: ExamResult, parent: QWidget | None = None, *, banner: str = "") -> None:
        exam = result.kind == "exam"
        super().__init__(("成绩：" + result.title) if exam else ("练习小结：" + practice_title(result.title)),
                         parent, card=False)
        self.result = result
        self.scroll_area.hide()
        when = result.submitted_at[:16].replace("T", " ")
        self.info_label.setText(f"{result.status_name} · {when}" if exam else when)

        # summary card ---------------------------------------------------------------------
        top = QFrame(self)
        top.setObjectName("card")
        tl = QHBoxLayout(top)
        tl.setContentsMargins(24, 14, 24, 14)
        tl.setSpacing(28)
        score = QVBoxLayout()
        if exam:
            big = f"{points_text(result.score)} 分"
            small = f"满分 {points_text(result.full_marks)} 分"
            if result.passed is not None and result.pass_line is not None:
                # against the pass line the records use (设置: 及格线, 60 % of the full marks)
                small += f"，及格线 {points_text(result.pass_line)} 分：{'及格' if result.passed else '未及格'}"
            elif result.pass_line is not None:
                small += f"，及格线 {points_text(result.pass_line)} 分（简答题评分后才能判定是否及格）"
        else:
            answered = result.correct_count + result.wrong_count + result.pending_manual
            big = f"答对 {result.correct_count} 题"
            small = f"共 {len(result.items)} 题，做了 {answered} 题"
        self.score_label = label(big, "scoreBig", top, wrap=False)
        score.addWidget(self.score_label)
        score.addWidget(label(small, "pageInfo", top, wrap=False))
        tl.addLayout(score)
        facts = [f"答对 {result.correct_count} 题", f"答错 {result.wrong_count} 题",
                 f"未答 {result.unanswered_count} 题"]
        if result.pending_manual:
            facts.append(f"简答 {result.pending_manual} 题（不自动评分）")
        if result.duration_s is not None:
            facts.append(f"用时 {mmss(result.duration_s)}")
        fl = QVBoxLayout()
        fl.addStretch(1)
        fl.addWidget(label("　".join(facts[:3]), "feedbackText", top, wrap=False))
        if facts[3:]:
            fl.addWidget(label("　".join(facts[3:]), "feedbackText", top, wrap=False))
        if result.wrong_count:
            fl.addWidget(label("答错的题已记入错题本，之后单独再答对一次即移出。", "qHint", top, wrap=False))
        fl.addStretch(1)
        tl.addLayout(fl)
        tl.addStretch(1)
        types = QGridLayout()
        types.setHorizontalSpacing(18)
        types.setVerticalSpacing(2)
        for c, head in enumerate(("题型", "题数", "答对", "得分" if exam else "正确率")):
            types.addWidget(label(head, "qHint", top, wrap=False), 0, c)
        for r, (name, n, ok, pts, full, done) in enumerate(per_type(result), 1):
            # a practice's rate is of the questions answered: one left alone is not a wrong one
            last = (f"{points_text(pts)} / {points_text(full)}" if exam
                    else f"{round(100 * ok / done)}%" if done else "未答")
            for c, text in enumerate((name, str(n), str(ok), last)):
                cell = label(text, "feedbackText", top, wrap=False)
                if c:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                types.addWidget(cell, r, c)
        tl.addLayout(types)
        lay = cast(QVBoxLayout, self.layout())  # (the page's own column)
        lay.insertWidget(1, top)
        if banner:
            b = label(banner, "banner", self)
            lay.insertWidget(1, b)
            self.banner = b

        # every question ---------------------------------------------------------------------
        self.list = QListWidget(self)
        self.list.setObjectName("reviewList")
        self.list.setFixedWidth(220)
        self.list.setStyleSheet("QListWidget { font-size: 13pt; } QListWidget::item { padding: 5px 4px; }")
        for item in result.items:
            mark, color = mark_of(item)
            n = item.result.position + 1
            row = QListWidgetItem(f"{n:>2}. {mark}{'  ⚑' if item.flagged else ''}")
            row.setForeground(QBrush(QColor(color)))
            row.setToolTip(item.stem)
            self.list.addItem(row)
        self.list.currentRowChanged.connect(self.show_item)
        detail_card = QFrame(self)
        detail_card.setObjectName("card")
        dl = QVBoxLayout(detail_card)
        dl.setContentsMargins(26, 18, 26, 18)
        self.question_view = QuestionView(detail_card)
        self.feedback = FeedbackPanel(detail_card)
        self.feedback.sourceRequested.connect(self.sourceRequested.emit)
        dl.addWidget(self.question_view)
        dl.addWidget(self.feedback)
        dl.addStretch(1)
        self.detail = QScrollArea(self)
        self.detail.setWidgetResizable(True)
        self.detail.setFrameShape(QFrame.Shape.NoFrame)
        self.detail.setWidget(detail_card)
        self.center.addWidget(self.list)
        self.center.addWidget(self.detail, 1)

        self.buttons.addWidget(label("按 ↑/↓ 逐题查看；成绩已保存，答案不能再修改。", "qHint", self), 1)
        if result.wrong_count:
            wb = button("错题本", self)
            wb.clicked.connect(self.wrongbookRequested.emit)
            self.buttons.addWidget(wb)
        again = button("再考一次" if exam else "再练一次", self)
        again.clicked.connect(self.againRequested.emit)
        close = button("返回阅读", self, primary=True)
        close.clicked.connect(self.closeRequested.emit)
        self.buttons.addWidget(again)
        self.buttons.addWidget(close)
        self.key(Qt.Key.Key_Down, lambda: self.list.setCurrentRow(min(self.list.currentRow() + 1, self.list.count() - 1)))
        self.key(Qt.Key.Key_Up, lambda: self.list.setCurrentRow(max(self.list.currentRow() - 1, 0)))
        if result.items:
            first_wrong = next((i for i, it in enumerate(result.items)
                                if it.answered and it.result.correct is False), 0)
            self.list.setCurrentRow(first_wrong)

    def show_item(self, row: int) -> None:
        if not 0 <= row < len(self.result.items):
            return
        item = self.result.items[row]
        r = item.result
        self.question_view.set_question(
            AttemptQuestion(r.position, r.question_id, r.type, item.stem, item.options, r.max_points,
                            len(r.right_answer) if r.type == "fill" and isinstance(r.right_answer, list) else 1,
                            r.response if item.answered else None, item.answered, item.flagged, r.correct),
            len(self.result.items), show_points=self.result.kind == "exam")
        self.question_view.set_locked(True)
        self.question_view.show_verdict(r)
        self.feedback.show_result(r, in_practice=False)
        self.detail.verticalScrollBar().setValue(0)

    def activate(self) -> None:
        self.list.setFocus()
