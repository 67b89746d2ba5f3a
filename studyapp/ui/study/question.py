"""One question on screen, in large type, and the verdict under it.

`QuestionView` shows an `AttemptQuestion` (never a key) and hands back the response in the
shape the services take: [i] for 单选, sorted [i, j] for 多选, True/False for 判断, one string
per blank for 填空, text for 简答. Options are big rows labelled A–D that a mouse can hit and
that keys 1–4 / A–D choose; 判断 is two rows, 1 对 / 2 错 (T/F too).

`FeedbackPanel` shows an `AnswerResult`: 回答正确/回答错误 in words and colour, your answer and
the right one, the explanation, the quoted source sentence and 「在原文中查看」.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.grading import LETTERS
from studyapp.core.questions.model import BLANK
from studyapp.services.dto import QUESTION_TYPE_NAMES
from studyapp.services.dto_study import AnswerResult, AttemptQuestion
from studyapp.ui import style
from studyapp.ui.study.common import RIGHT, WRONG, button, label, points_text, set_state

log = logging.getLogger("studyapp.ui")

# the same pair of words as the verdict and the key (正确答案：正确), never 对/错 beside them
JUDGE_TEXTS = ("正确", "错误")
HINTS: dict[str, str] = {
    "single": "单选题：按 1–{n} 或 A–{last} 选择，按 Enter 确定",
    "multiple": "多选题：可选多项，按 1–{n} 或 A–{last} 选上或取消，选好后按 Enter 确定",
    "judge": "判断题：按 1（或 T）选“正确”，按 2（或 F）选“错误”，按 Enter 确定",
    "fill": "填空题：在横线对应的空格里填写，按 Enter 确定",
    "short": "简答题：写下要点后点“确定”，再对照参考答案自查（不自动评分）",
}


class OptionRow(QFrame):
    """A whole row is the button: letter badge, wrapped option text, and a verdict tag later."""

    clicked = Signal(int)

    def __init__(self, index: int, badge: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setObjectName("optionRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setProperty("chosen", False)
        self.setProperty("verdict", "")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 7, 14, 7)
        row.setSpacing(14)
        self.badge = QLabel(badge, self)
        self.badge.setObjectName("optionBadge")
        self.badge.setFixedSize(34, 34)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.text = label(text, "optionText", self)
        row.addWidget(self.text, 1)
        self.tag = label("", "optionVerdict", self, wrap=False)
        row.addWidget(self.tag, 0, Qt.AlignmentFlag.AlignVCenter)
        self.locked = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.locked:
            self.clicked.emit(self.index)
        super().mousePressEvent(event)

    def set_chosen(self, chosen: bool) -> None:
        set_state(self, "chosen", chosen)
        set_state(self.badge, "rowChosen", chosen)  # repolish: the badge follows its row's look

    def set_verdict(self, verdict: str, tag: str = "") -> None:
        """"right" (the key), "wrong" (chosen, not the key) or "" — with a word, not colour alone."""
        set_state(self, "verdict", verdict)
        self.tag.setText(tag)
        color = RIGHT if verdict == "right" else WRONG if verdict == "wrong" else ""
        self.tag.setStyleSheet(f"color: {color};" if color else "")


class QuestionView(QWidget):
    """Shows one question and collects the response; `locked` once answered or handed in."""

    responseChanged = Signal(object)  # a choice, or a blank left (填空 after editing finished)
    confirmRequested = Signal()  # Enter in the last blank
    optionClicked = Signal(int)  # a row clicked with the mouse (after it was chosen)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: AttemptQuestion | None = None
        self.locked = False
        self._chosen: set[int] = set()
        self.rows: list[OptionRow] = []
        self.blanks: list[QLineEdit] = []
        self.short: QPlainTextEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.meta = label("", "qMeta", self, wrap=False)
        self.stem = label("", "qStem", self)
        self.stem.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.answers = QWidget(self)
        self.answers_layout = QVBoxLayout(self.answers)
        self.answers_layout.setContentsMargins(0, 4, 0, 0)
        self.answers_layout.setSpacing(10)
        self.hint = label("", "qHint", self)
        layout.addWidget(self.meta)
        layout.addWidget(self.stem)
        layout.addWidget(self.answers)
        layout.addWidget(self.hint)

    # showing -----------------------------------------------------------------------------
    def set_question(self, q: AttemptQuestion, total: int, *, show_points: bool = False) -> None:
        """Build the rows / blanks of `q` with its saved response (resume), unlocked."""
        self.question = q
        self.locked = False
        self._clear()
        kind = QUESTION_TYPE_NAMES.get(q.type, q.type)
        points = f"（{points_text(q.points)} 分）" if show_points else ""
        self.meta.setText(f"第 {q.position + 1} 题 / 共 {total} 题　·　{kind}{points}")
        stem = q.stem
        if q.type == "fill" and q.blanks > 1:
            parts = stem.split(BLANK)
            stem = parts[0] + "".join(f"＿＿（{i}）＿＿{rest}" for i, rest in enumerate(parts[1:], 1))
        else:
            stem = stem.replace(BLANK, "＿＿＿＿")
        self.stem.setText(stem)
        if q.type in ("single", "multiple"):
            for i, text in enumerate(q.options):
                self._add_row(i, LETTERS[i] if i < len(LETTERS) else str(i + 1), text)
        elif q.type == "judge":
            for i, text in enumerate(JUDGE_TEXTS):
                self._add_row(i, str(i + 1), text)
        elif q.type == "fill":
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(8)
            for i in range(max(1, q.blanks)):
                edit = QLineEdit(self.answers)
                edit.setObjectName("blank")
                edit.setPlaceholderText("在这里填写")
                edit.editingFinished.connect(self._blank_finished)
                edit.returnPressed.connect(lambda i=i: self._blank_return(i))
                grid.addWidget(label(f"第 {i + 1} 空：", "blankLabel", self.answers, wrap=False), i, 0)
                grid.addWidget(edit, i, 1)
                self.blanks.append(edit)
            holder = QWidget(self.answers)
            holder.setLayout(grid)
            self.answers_layout.addWidget(holder)
        else:
            self.short = QPlainTextEdit(self.answers)
            self.short.setObjectName("shortAnswer")
            self.short.setPlaceholderText("写下要点")
            self.short.setMinimumHeight(140)
            self.answers_layout.addWidget(self.short)
        n = max(len(q.options), 1)
        self.hint.setText(HINTS.get(q.type, "").format(n=n, last="ABCDEFGH"[min(n, 8) - 1]))
        if q.response is not None:
            self.set_response(q.response)

    def _clear(self) -> None:
        self._chosen = set()
        self.rows = []
        self.blanks = []
        self.short = None
        while self.answers_layout.count():
            item = self.answers_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()

    def _add_row(self, index: int, badge: str, text: str) -> None:
        row = OptionRow(index, badge, text, self.answers)
        row.clicked.connect(self._clicked)
        self.answers_layout.addWidget(row)
        self.rows.append(row)

    def focus_input(self) -> bool:
        """Put the cursor where typing goes (填空/简答); False for choices, keyed on the page."""
        if self.locked:
            return False
        empty = [e for e in self.blanks if not e.text().strip()]
        if self.blanks:
            (empty or self.blanks)[0].setFocus()
            return True
        if self.short is not None:
            self.short.setFocus()
            return True
        return False

    def _clicked(self, index: int) -> None:
        if self.choose(index):
            self.optionClicked.emit(index)

    # answering ---------------------------------------------------------------------------
    def choose(self, index: int) -> bool:
        """Key 1–4 / A–D or a click: pick (单选/判断) or toggle (多选) an option."""
        q = self.question
        if q is None or self.locked or not self.rows or not 0 <= index < len(self.rows):
            return False
        if q.type == "multiple":
            self._chosen ^= {index}
        else:
            self._chosen = {index}
        self._show_chosen()
        self.responseChanged.emit(self.response())
        return True

    def _show_chosen(self) -> None:
        for row in self.rows:
            row.set_chosen(row.index in self._chosen)

    def _blank_finished(self) -> None:
        if not self.locked:
            self.responseChanged.emit(self.response())

    def _blank_return(self, index: int) -> None:
        if index + 1 < len(self.blanks) and not self.blanks[index + 1].text().strip():
            self.blanks[index + 1].setFocus()  # Enter walks to the next empty blank first
            return
        self.confirmRequested.emit()

    def response(self) -> Any:
        """The response as the services take it; None when nothing is given yet."""
        q = self.question
        if q is None:
            return None
        if q.type in ("single", "multiple"):
            return sorted(self._chosen) or None
        if q.type == "judge":
            return (min(self._chosen) == 0) if self._chosen else None
        if q.type == "fill":
            values = [e.text().strip() for e in self.blanks]
            return values if any(values) else None
        text = self.short.toPlainText().strip() if self.short is not None else ""
        return text or None

    def set_response(self, response: Any) -> None:
        """Show a saved response (resume, review) without emitting a change."""
        q = self.question
        if q is None or response is None:
            return
        if q.type in ("single", "multiple"):
            values = response if isinstance(response, list | tuple) else [response]
            self._chosen = {int(v) for v in values if isinstance(v, int | float)}
            self._show_chosen()
        elif q.type == "judge":
            self._chosen = {0 if bool(response) else 1}
            self._show_chosen()
        elif q.type == "fill":
            values = response if isinstance(response, list | tuple) else [response]
            for edit, value in zip(self.blanks, values, strict=False):
                edit.blockSignals(True)
                edit.setText(str(value or ""))
                edit.blockSignals(False)
        elif self.short is not None:
            self.short.setPlainText(str(response))

    def set_locked(self, locked: bool) -> None:
        """A checked or handed-in question cannot change (the learner sees why in the verdict)."""
        self.locked = locked
        for row in self.rows:
            row.locked = locked
            row.setCursor(Qt.CursorShape.ArrowCursor if locked else Qt.CursorShape.PointingHandCursor)
        for edit in self.blanks:
            edit.setReadOnly(locked)
        if self.short is not None:
            self.short.setReadOnly(locked)
        self.hint.setVisible(not locked)

    def show_verdict(self, result: AnswerResult) -> None:
        """Mark the key green and a wrong choice red, each with a word."""
        q = self.question
        if q is None:
            return
        key = result.right_answer
        if q.type in ("single", "multiple"):
            right = set(key) if isinstance(key, list | tuple) else {key}
        elif q.type == "judge":
            right = {0 if bool(key) else 1}
        else:
            return
        for row in self.rows:
            if row.index in right:
                row.set_verdict("right", "✔ 正确答案")
            elif row.index in self._chosen:
                row.set_verdict("wrong", "✘ 你的选择")
            else:
                row.set_verdict("")


def explanation_beyond_quote(explanation: str, quote: str) -> str:
    """What a 解析 says besides the source sentence the panel already shows once: a generated
    explanation is 「原文：“…”」 (nothing more to say) or that plus a note (「题中把“A”和“B”说反了。」)."""
    text = (explanation or "").strip()
    q = (quote or "").strip().rstrip("。；;")
    if not text or not q:
        return text
    m = re.match(r"^原文[：:]\s*“(.*?)”\s*", text, re.S)
    if m and (q in m.group(1) or m.group(1).rstrip("。；;") in q):
        return text[m.end():].strip()
    return text


class FeedbackPanel(QFrame):
    """The verdict on one answer, with the source sentence and 「在原文中查看」."""

    sourceRequested = Signal(object)  # AnswerResult

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: AnswerResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setStyleSheet(f"color: {style.RULE};")
        layout.addWidget(rule)
        self.verdict = label("", "verdict", self, wrap=False)
        self.verdict.setProperty("verdict", "")
        self.answers = label("", "feedbackText", self)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.verdict)
        top.addWidget(self.answers, 1, Qt.AlignmentFlag.AlignVCenter)
        self.explanation = label("", "feedbackText", self)
        self.where = label("", "qMeta", self)
        self.quote = label("", "quote", self)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = label("", "qHint", self)
        self.source_button = button("在原文中查看", self,
                                    tip="打开阅读区，跳到这句原文并标出来（看完点“返回”回到这里）")
        self.source_button.clicked.connect(self._source)
        src_row = QHBoxLayout()
        src_row.addWidget(self.where, 1)
        src_row.addWidget(self.source_button)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addLayout(src_row)
        layout.addWidget(self.quote)
        layout.addWidget(self.note)
        self.hide()

    def _source(self) -> None:
        if self.result is not None and self.result.quote_location is not None:
            self.sourceRequested.emit(self.result)

    def show_result(self, result: AnswerResult, *, in_practice: bool = True) -> None:
        self.result = result
        if result.correct is None:
            verdict, text = "manual", "参考答案（简答题不自动评分，请对照要点自查）"
        elif result.correct:
            verdict, text = "right", "✔ 回答正确"
        elif result.partial:
            verdict, text = "partial", f"◐ 部分正确（得 {points_text(result.points)} 分）"
        elif result.response_text == "（未作答）":
            verdict, text = "wrong", "✘ 未作答"
        else:
            verdict, text = "wrong", "✘ 回答错误"
        self.verdict.setText(text)
        set_state(self.verdict, "verdict", verdict)
        if result.correct is None:
            self.answers.setText(f"参考要点：{result.right_answer_text}")
        else:
            self.answers.setText(f"你的答案：{result.response_text}　　　正确答案：{result.right_answer_text}")
        extra = explanation_beyond_quote(result.explanation, result.quote)
        self.explanation.setText(f"解析：{extra}" if extra else "")
        self.explanation.setVisible(bool(extra))
        heading = result.section_heading
        self.where.setText(f"出处：{heading}" if heading else "出处：")
        self.quote.setText(f"“{result.quote}”" if result.quote else "（这道题没有记录原文出处）")
        self.source_button.setEnabled(result.quote_location is not None)
        self.source_button.setToolTip(
            "打开阅读区，跳到这句原文并标出来" if result.quote_location is not None
            else "找不到这句原文所在的章节（文件可能已修改）")
        notes = []
        if in_practice and not result.counted:
            notes.append("这是再次作答，只检查对错，不计入成绩和错题本。")
        if result.in_wrongbook and result.correct is False:
            notes.append("这道题已记入错题本。")
        elif result.in_wrongbook:
            notes.append("这道题还在错题本里：以后单独再答对一次才会移出。")
        if result.next_review:
            notes.append(f"下次复习：{result.next_review}")
        self.note.setText("　".join(notes))
        self.note.setVisible(bool(notes))
        self.show()

    def clear(self) -> None:
        self.result = None
        self.hide()
