"""练习: one question at a time, checked at once, with the source sentence behind the answer.

Keys: 1–4 / A–D (判断 1/2 or T/F) choose, Enter confirms and then goes on, ←/→ move between
questions (answered ones show their verdict again). Each answer is stored by the service the
moment it is confirmed (a couple of milliseconds), so a crash loses nothing already answered.
While another program holds the database (a long import on another PC of the unit, a backup),
the page waits at most SAVE_WAIT_MS: the verdict is shown at once (checking is a read), the
answer is kept and the worker stores it as soon as the database is free.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from studyapp.core.model import UserError
from studyapp.services import AppContext
from studyapp.services.dto_study import AnswerResult, AttemptQuestion, AttemptView
from studyapp.ui.study import ops as study_ops
from studyapp.ui.study.common import ask, button, label
from studyapp.ui.study.pages import RETRY_MS, SAVE_WAIT_MS, StudyPage
from studyapp.ui.study.question import FeedbackPanel, QuestionView
from studyapp.ui.tasks import TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

CONFIRM = "确定（Enter）"
NEXT = "下一题（Enter）"
SUMMARY = "查看小结（Enter）"
PLEASE_ANSWER = "请先作答：按数字键或字母键选择，填空题在空格里填写。"


def install_answer_keys(page: StudyPage, view: QuestionView, confirm, previous, following) -> None:
    """1–6 / A–F choose, T/F for 判断, Enter confirms, ←/→ move — shared by 练习 and 模拟考试."""
    for i in range(6):
        page.key(str(i + 1), partial(view.choose, i))
    for i, letter in enumerate("ABCDE"):
        page.key(letter, partial(view.choose, i))

    def letter_f() -> None:  # 判断: F is 错 (False); otherwise the sixth option
        q = view.question
        view.choose(1 if q is not None and q.type == "judge" else 5)

    def letter_t() -> None:
        q = view.question
        if q is not None and q.type == "judge":
            view.choose(0)

    page.key("F", letter_f)
    page.key("T", letter_t)
    page.key(Qt.Key.Key_Return, confirm)
    page.key(Qt.Key.Key_Enter, confirm)
    page.key(Qt.Key.Key_Left, previous)
    page.key(Qt.Key.Key_Right, following)


class PracticePage(StudyPage):
    """A practice in progress; `finished` carries the summary (an ExamResult)."""

    finished = Signal(object)  # ExamResult
    sourceRequested = Signal(object)  # AnswerResult
    answered = Signal(object)  # AnswerResult, after it was stored

    return_text = "返回练习"

    def __init__(self, ctx: AppContext, runner: TaskRunner, view: AttemptView,
                 parent: QWidget | None = None) -> None:
        super().__init__(view.title, parent)
        self.ctx = ctx
        self.runner = runner
        self.attempt = view
        self.questions: list[AttemptQuestion] = list(view.questions)
        self.results: dict[int, AnswerResult] = {}
        self.position = 0
        self.closed = False
        self._shown_at = time.monotonic()
        # answers checked but not yet stored (the database was busy): position -> (response, seconds)
        self._pending: dict[int, tuple[Any, float]] = {}
        self._retrying = False
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self._retry_pending)

        self.question_view = QuestionView(self.card)
        self.question_view.confirmRequested.connect(self.confirm)
        # practice by mouse: a click on an option of a 单选/判断 answers it at once (two clicks from
        # the 首页 to a checked answer); 多选 still waits for 确定, the keys for Enter
        self.question_view.optionClicked.connect(self._clicked_option)
        self.feedback = FeedbackPanel(self.card)
        self.feedback.sourceRequested.connect(self.sourceRequested.emit)
        self.body.addWidget(self.question_view)
        self.body.addWidget(self.feedback)
        self.body.addStretch(1)

        self.prev_button = button("‹ 上一题", self, tip="上一题（←）")
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button = button("下一题 ›", self, tip="跳到下一题（→）")
        self.next_button.clicked.connect(self.go_next)
        self.message = label("", "qHint", self)
        # 「请先作答」 goes as soon as there is an answer
        self.question_view.responseChanged.connect(
            lambda _r: self.message.setText("") if self.message.text() == PLEASE_ANSWER else None)
        self.end_button = button("结束练习", self, tip="结束并查看小结；没做的题不计对错")
        self.end_button.clicked.connect(self.end)
        self.confirm_button = button(CONFIRM, self, primary=True)
        self.confirm_button.clicked.connect(self.confirm)
        for w in (self.prev_button, self.next_button):
            self.buttons.addWidget(w)
        self.buttons.addWidget(self.message, 1)
        self.buttons.addWidget(self.end_button)
        self.buttons.addWidget(self.confirm_button)
        install_answer_keys(self, self.question_view, self.confirm, self.go_previous, self.go_next)

        unanswered = [q.position for q in self.questions if not q.answered]
        self.show_question(unanswered[0] if unanswered else len(self.questions) - 1)

    # state ------------------------------------------------------------------------------------
    def is_answered(self, position: int) -> bool:
        return position in self.results or self.questions[position].answered

    def in_progress(self) -> bool:
        return not self.closed

    def leave_text(self) -> str:
        return f"练习：第 {self.position + 1} 题 / 共 {len(self.questions)} 题"

    def _update_info(self) -> None:
        done = sum(1 for i in range(len(self.questions)) if self.is_answered(i))
        right = sum(1 for i, q in enumerate(self.questions)
                    if (self.results[i].correct if i in self.results else q.correct))
        self.info_label.setText(f"已做 {done} / {len(self.questions)} 题　·　答对 {right} 题")

    # showing ----------------------------------------------------------------------------------
    def show_question(self, position: int) -> None:
        """Show a question; an answered one comes back locked, with its verdict and source."""
        position = max(0, min(position, len(self.questions) - 1))
        self.position = position
        q = self.questions[position]
        self.question_view.set_question(q, len(self.questions))
        self.message.setText("")
        result = self.results.get(position)
        if result is None and q.answered:
            try:  # answered before a resume: the service re-checks it (key shown after answering)
                result = study_ops.practice_feedback_now(self.ctx, self.attempt.id, position)
                self.results[position] = result
            except UserError as exc:
                log.warning("no feedback for practice %d #%d: %s", self.attempt.id, position, exc)
        if result is not None:
            self._show_result(result)
        else:
            self.feedback.clear()
            self.confirm_button.setText(CONFIRM)
            self.activate()
        self.prev_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(self.questions) - 1)
        self._update_info()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._shown_at = time.monotonic()

    def _show_result(self, result: AnswerResult) -> None:
        self.question_view.set_locked(True)
        self.question_view.show_verdict(result)
        self.feedback.show_result(result)
        last = self.position >= len(self.questions) - 1
        self.confirm_button.setText(SUMMARY if last else NEXT)
        self.setFocus()

    def _clicked_option(self, _index: int) -> None:
        q = self.question_view.question
        if q is not None and q.type in ("single", "judge") and not self.is_answered(self.position):
            self.confirm()

    # answering --------------------------------------------------------------------------------
    def confirm(self) -> None:
        """Enter: check the answer — or, once checked, go on to the next question."""
        if self.closed:
            return
        if self.is_answered(self.position):
            if self.position >= len(self.questions) - 1:
                self.end()
            else:
                self.show_question(self.position + 1)
            return
        response = self.question_view.response()
        if response is None:
            self.message.setText(PLEASE_ANSWER)
            return
        self.answer(response)

    def answer(self, response: Any) -> AnswerResult | None:
        """Store and check the answer now (one short transaction, on this thread: ~2 ms); with
        the database busy, check it (a read), keep it and let the worker store it."""
        seconds = round(time.monotonic() - self._shown_at, 1)
        try:
            if self._pending:
                result = self._keep(response, seconds)  # keep the order: after the ones waiting
            else:
                try:
                    result = study_ops.practice_answer_now(self.ctx, self.attempt.id, self.position, response,
                                                           seconds, SAVE_WAIT_MS)
                except study_ops.DatabaseBusy:
                    result = self._keep(response, seconds)
        except UserError as exc:
            report_failure(self, "练习", exc)
            return None
        self.results[self.position] = result
        self.question_view.set_response(response)
        self._show_result(result)
        self._update_info()
        self.answered.emit(result)
        # on a 768-pixel screen the verdict and the source sit below the options: bring them
        # into view once the panel has its size
        QTimer.singleShot(0, self, self._scroll_to_feedback)
        return result

    def _keep(self, response: Any, seconds: float) -> AnswerResult:
        """The verdict now (a read), the answer kept for the worker to store."""
        result = study_ops.practice_check_now(self.ctx, self.attempt.id, self.position, response)
        self._pending[self.position] = (response, seconds)
        self.message.setText("答案已记下。数据库正被其他程序占用，稍后自动保存。")
        if not self.retry_timer.isActive():
            self.retry_timer.start()
        return result

    def _retry_pending(self) -> None:
        """Store the kept answers on the worker (there the lock may be waited for)."""
        if self._retrying or not self._pending:
            return
        self._retrying = True
        items = dict(self._pending)
        attempt_id = self.attempt.id

        def done(stored: dict[int, AnswerResult]) -> None:
            self._retrying = False
            for pos, result in stored.items():
                self._pending.pop(pos, None)
                self.results[pos] = result  # (now with its review date)
            if not self._pending:
                self.retry_timer.stop()
                if self.message.text().startswith("答案已记下"):
                    self.message.setText("答案已全部保存。")

        def failed(exc: BaseException) -> None:
            self._retrying = False
            if not isinstance(exc, study_ops.DatabaseBusy):
                log.warning("kept answers of practice %d not stored: %s", attempt_id, exc)

        study_ops.store_practice_answers(self, attempt_id, items).success(done).failure(failed).run()

    def flush_pending(self) -> None:
        """Store the kept answers when the page is left (on this thread, waiting for the lock:
        the learner is leaving, nothing is being answered meanwhile)."""
        for pos, (response, seconds) in list(self._pending.items()):
            try:
                self.results[pos] = study_ops.practice_answer_now(self.ctx, self.attempt.id, pos, response, seconds,
                                                                  study_ops.LONG_WAIT_MS)
                del self._pending[pos]
            except UserError as exc:
                log.warning("kept answer %d of practice %d not stored: %s", pos, self.attempt.id, exc)
        if not self._pending:
            self.retry_timer.stop()

    def about_to_leave(self) -> None:
        self.flush_pending()

    def _scroll_to_feedback(self) -> None:
        if self.feedback.isVisible():
            bar = self.scroll_area.verticalScrollBar()
            inner = self.scroll_area.widget()
            if inner is None:
                return
            top = self.feedback.mapTo(inner, self.feedback.rect().topLeft()).y()
            bottom = top + self.feedback.height() + 30
            view = self.scroll_area.viewport().height()
            bar.setValue(max(bar.value(), min(top - 10, bottom - view)))

    def activate(self) -> None:
        """Keys to the page (choices) or the cursor into the first empty blank (填空)."""
        if not self.question_view.focus_input():
            self.setFocus()

    # moving -----------------------------------------------------------------------------------
    def go_previous(self) -> None:
        if self.position > 0:
            self.show_question(self.position - 1)

    def go_next(self) -> None:
        if self.position < len(self.questions) - 1:
            self.show_question(self.position + 1)

    def end(self) -> None:
        """结束练习: with questions left, ask first; then the summary (service on the worker)."""
        if self.closed:
            return
        left = sum(1 for i in range(len(self.questions)) if not self.is_answered(i))
        if left:
            ask(self, "结束练习", f"还有 {left} 道题没有做。现在结束练习吗？\n没做的题不计对错，也不进错题本。",
                "结束练习", "继续做题", self._finish)
        else:
            self._finish()

    def _finish(self) -> None:
        self.closed = True
        self.confirm_button.setEnabled(False)
        self.end_button.setEnabled(False)
        self.retry_timer.stop()
        pending = dict(self._pending)  # (kept while the database was busy: stored first)

        def succeeded(result) -> None:
            self._pending.clear()
            self.finished.emit(result)

        def failed(exc: BaseException) -> None:
            self.closed = False
            self.confirm_button.setEnabled(True)
            self.end_button.setEnabled(True)
            if self._pending:
                self.retry_timer.start()
            report_failure(self, "结束练习", exc)

        study_ops.finish_practice(self, self.attempt.id, pending).success(succeeded).failure(failed).run()
