"""模拟考试: the timed quiz — a big countdown, a question map, 标记, 交卷, and time-out.

The countdown on screen runs on a monotonic clock from the remaining time the service gave;
every few seconds a heartbeat (on the task runner) stores the clock and brings the service's
figure back, so what is shown and what is stored never drift apart. Each answer is stored the
moment it is chosen (a blank as soon as its field is left), so a crash loses nothing; the
service never sends the key until the quiz is handed in.

When the time is up the quiz is handed in automatically (quiz.expire) and the score page says so.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.services import AppContext
from studyapp.services.dto_study import (
    AttemptQuestion,
    AttemptView,
    ExamResult,
    SavedAnswer,
)
from studyapp.ui import style
from studyapp.ui.study import ops as study_ops
from studyapp.ui.study.common import AMBER, ask, button, label, mmss, set_state
from studyapp.ui.study.pages import RETRY_MS, SAVE_WAIT_MS, StudyPage
from studyapp.ui.study.practice import install_answer_keys
from studyapp.ui.study.question import QuestionView
from studyapp.ui.tasks import TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

HEARTBEAT_MS = 5000
TICK_MS = 200
WARN_S = 5 * 60  # the countdown turns amber
DANGER_S = 60  # and red
MAP_COLUMNS = 5


class QuestionMap(QWidget):
    """答题卡: numbered buttons — filled when answered, amber frame when flagged, bold when current."""

    jumpRequested = Signal(int)

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        self.buttons: list[QPushButton] = []
        for i in range(count):
            b = QPushButton(str(i + 1), self)
            b.setObjectName("mapButton")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setProperty("answered", False)
            b.setProperty("flagged", False)
            b.setProperty("current", False)
            b.clicked.connect(lambda _c=False, i=i: self.jumpRequested.emit(i))
            grid.addWidget(b, i // MAP_COLUMNS, i % MAP_COLUMNS)
            self.buttons.append(b)

    def update_state(self, position: int, *, answered: bool, flagged: bool, current: bool) -> None:
        b = self.buttons[position]
        set_state(b, "answered", answered)
        set_state(b, "flagged", flagged)
        set_state(b, "current", current)
        words = ["已答" if answered else "未答"] + (["已标记"] if flagged else [])
        b.setText(f"{position + 1}⚑" if flagged else str(position + 1))
        b.setToolTip(f"第 {position + 1} 题：{'，'.join(words)}")


class ExamPage(StudyPage):
    """A timed quiz in progress. `finished` carries the ExamResult (submitted or expired)."""

    finished = Signal(object)  # ExamResult
    expired = Signal(object)  # ExamResult, when the time ran out (after `finished`)

    return_text = "返回考试"
    is_exam = True

    def __init__(self, ctx: AppContext, runner: TaskRunner, view: AttemptView,
                 parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(view.title, parent)
        self.ctx = ctx
        self.runner = runner
        self.attempt = view
        self.clock = clock
        self.questions: list[AttemptQuestion] = list(view.questions)
        self.responses: dict[int, Any] = {q.position: q.response for q in view.questions if q.answered}
        self.flags: set[int] = {q.position for q in view.questions if q.flagged}
        self.position = 0
        self.closed = False
        self._expiring = False
        self._heartbeat_busy = False
        # answers the learner gave while another program held the database: kept here (and
        # shown as answered) until the worker stores them — never lost, the window never waits
        self._pending: dict[int, tuple[Any, float, float]] = {}  # position → response, seconds, given at
        self._retrying = False
        self._shown_at = clock()
        self._deadline = clock() + float(view.remaining_s or 0.0)

        self.info_label.hide()
        self.countdown = QLabel("", self)
        self.countdown.setObjectName("countdown")
        self.countdown.setProperty("level", "")
        self.countdown.setToolTip("剩余时间。还剩 5 分钟时变成橙色，还剩 1 分钟时变成红色；时间到自动交卷。")
        clock_box = QVBoxLayout()
        clock_box.setSpacing(0)
        caption = label("剩余时间", "qHint", self, wrap=False)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        clock_box.addWidget(caption)
        clock_box.addWidget(self.countdown, 0, Qt.AlignmentFlag.AlignRight)
        self.head.addLayout(clock_box)

        self.question_view = QuestionView(self.card)
        self.question_view.responseChanged.connect(self._response_changed)
        self.question_view.confirmRequested.connect(self.go_next)
        self.body.addWidget(self.question_view)
        self.body.addStretch(1)

        # right: 答题卡 --------------------------------------------------------------------------
        side = QFrame(self)
        side.setObjectName("card")
        side.setFixedWidth(300)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(16, 14, 16, 14)
        sl.setSpacing(10)
        sl.addWidget(label("答题卡", "pageInfo", side, wrap=False))
        self.map = QuestionMap(len(self.questions), side)
        self.map.jumpRequested.connect(self.show_question)
        sl.addWidget(self.map)
        legend = QLabel(side)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)
        legend.setText(
            f"<span style='color:{style.ACCENT}'>■</span> 已答　"
            f"<span style='color:{style.MUTED}'>□</span> 未答　"
            f"<span style='color:{AMBER}'>⚑</span> 已标记　<b>粗框</b> 当前题")
        legend.setObjectName("qHint")
        sl.addWidget(legend)
        self.progress = label("", "pageInfo", side)
        sl.addWidget(self.progress)
        sl.addStretch(1)
        self.rule = label(view.rule_text, "qHint", side)
        sl.addWidget(self.rule)
        # (the clock states plainly whether time away counts)
        self.clock_rule = label("计时说明：停留在本页时一直计时（切到其他程序也照常计时）；离开本页或关闭学习测评时"
                                "计时暂停，之后在“继续上次的答题”中接着计时。", "qHint", side)
        sl.addWidget(self.clock_rule)
        self.center.addWidget(side)

        self.prev_button = button("‹ 上一题", self, tip="上一题（←）")
        self.prev_button.clicked.connect(self.go_previous)
        self.next_button = button("下一题 ›", self, tip="下一题（→ 或 Enter）")
        self.next_button.clicked.connect(self.go_next)
        self.flag_button = button("⚑ 标记", self, tip="标记这道题，稍后再看（M）")
        self.flag_button.clicked.connect(self.toggle_flag)
        self.message = label("", "qHint", self)
        self.submit_button = button("交卷", self, primary=True, tip="交卷后不能再修改答案")
        self.submit_button.clicked.connect(self.request_submit)
        for w in (self.prev_button, self.next_button, self.flag_button):
            self.buttons.addWidget(w)
        self.buttons.addWidget(self.message, 1)
        self.buttons.addWidget(self.submit_button)
        install_answer_keys(self, self.question_view, self.go_next, self.go_previous, self.go_next)
        self.key("M", self.toggle_flag)

        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._tick)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(HEARTBEAT_MS)
        self.heartbeat_timer.timeout.connect(self.heartbeat)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self._retry_pending)

        unanswered = [q.position for q in self.questions if q.position not in self.responses]
        self.show_question(unanswered[0] if unanswered else 0)
        self._tick()
        self.ticker.start()
        self.heartbeat_timer.start()

    # clock ------------------------------------------------------------------------------------
    def remaining(self) -> float:
        return max(0.0, self._deadline - self.clock())

    def _tick(self) -> None:
        """Only paints the countdown; the time-out hands in through the runner, never here."""
        if self.closed:
            return
        left = self.remaining()
        self.countdown.setText(mmss(left))
        level = "danger" if left <= DANGER_S else "warn" if left <= WARN_S else ""
        set_state(self.countdown, "level", level)
        if left <= 0 and not self._expiring:
            self.time_up()

    def heartbeat(self) -> None:
        """Store the clock (on the worker) and take the service's remaining time back."""
        if self.closed or self._heartbeat_busy:
            return
        self._heartbeat_busy = True
        attempt_id = self.attempt.id

        def done(saved: SavedAnswer) -> None:
            self._heartbeat_busy = False
            self._sync(saved)

        def failed(exc: BaseException) -> None:
            self._heartbeat_busy = False
            if isinstance(exc, study_ops.TimeUpError):
                self.time_up()
            elif isinstance(exc, study_ops.AttemptClosedError):
                self.closed = True
            else:
                log.warning("heartbeat of quiz %d failed: %s", attempt_id, exc)

        study_ops.exam_heartbeat(self, attempt_id).success(done).failure(failed).run()

    def _sync(self, saved: SavedAnswer) -> None:
        if saved.remaining_s is not None and not self.closed:
            self._deadline = self.clock() + float(saved.remaining_s)

    # state ------------------------------------------------------------------------------------
    def in_progress(self) -> bool:
        return not self.closed

    def leave_text(self) -> str:
        return f"模拟考试：第 {self.position + 1} 题，剩余 {mmss(self.remaining())}"

    def answered_positions(self) -> list[int]:
        return sorted(p for p, r in self.responses.items() if r is not None)

    def unanswered_positions(self) -> list[int]:
        done = set(self.answered_positions())
        return [q.position for q in self.questions if q.position not in done]

    def _refresh_map(self) -> None:
        for q in self.questions:
            p = q.position
            self.map.update_state(p, answered=self.responses.get(p) is not None,
                                  flagged=p in self.flags, current=p == self.position)
        self.progress.setText(f"已答 {len(self.answered_positions())} / {len(self.questions)} 题")
        self.flag_button.setText("⚑ 取消标记" if self.position in self.flags else "⚑ 标记")

    # showing ----------------------------------------------------------------------------------
    def show_question(self, position: int) -> None:
        """Jump (map, arrows, Enter): what was typed in a blank is stored before leaving it."""
        if not 0 <= position < len(self.questions):
            return
        self._save_current()
        self.position = position
        q = self.questions[position]
        self.question_view.set_question(
            AttemptQuestion(q.position, q.question_id, q.type, q.stem, q.options, q.points, q.blanks,
                            self.responses.get(position), position in self.responses,
                            position in self.flags),
            len(self.questions), show_points=True)
        self.question_view.set_locked(self.closed)
        self.message.setText("")
        self.prev_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(self.questions) - 1)
        self._refresh_map()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._shown_at = self.clock()
        self.activate()

    def activate(self) -> None:
        """Keys to the page (choices) or the cursor into the first empty blank (填空)."""
        if not self.question_view.focus_input():
            self.setFocus()

    def go_previous(self) -> None:
        self.show_question(self.position - 1)

    def go_next(self) -> None:
        if self.position < len(self.questions) - 1:
            self.show_question(self.position + 1)
        else:
            self._save_current()
            self.message.setText("已是最后一题。检查完毕后点“交卷”。")

    # answering --------------------------------------------------------------------------------
    def _response_changed(self, response: Any) -> None:
        self.save(self.position, response)

    def _save_current(self) -> None:
        if self.closed or self.question_view.question is None:
            return
        pos = self.question_view.question.position
        response = self.question_view.response()
        if response != self.responses.get(pos):
            self.save(pos, response)

    def save(self, position: int, response: Any) -> bool:
        """Store the answer now (one short transaction on this thread, ~2 ms). When another
        program holds the database (a long import), wait at most SAVE_WAIT_MS: the answer is
        kept, shown as answered, and stored by the worker as soon as the database is free."""
        if self.closed:
            return False
        seconds = round(max(0.0, self.clock() - self._shown_at), 1)
        self._shown_at = self.clock()
        if self._pending:
            self._keep(position, response, seconds)  # keep the order: after the ones waiting
            return True
        try:
            saved = study_ops.exam_answer_now(self.ctx, self.attempt.id, position, response, seconds, SAVE_WAIT_MS)
        except study_ops.TimeUpError:
            self.time_up()
            return False
        except study_ops.DatabaseBusy:
            self._keep(position, response, seconds)
            return True
        except UserError as exc:
            report_failure(self, "模拟考试", exc)
            return False
        self.responses[position] = response
        self._sync(saved)
        self._refresh_map()
        return True

    def _keep(self, position: int, response: Any, seconds: float) -> None:
        old = self._pending.get(position)
        self._pending[position] = (response, seconds + (old[1] if old else 0.0), self.clock())
        self.responses[position] = response
        self._refresh_map()
        self.message.setText("答案已记下。数据库正被其他程序占用，稍后自动保存。")
        if not self.retry_timer.isActive():
            self.retry_timer.start()

    def _retry_pending(self) -> None:
        """Store the kept answers on the worker (there a lock may be waited for)."""
        if self._retrying or not self._pending:
            return
        self._retrying = True
        items = dict(self._pending)
        attempt_id, now = self.attempt.id, self.clock()

        def done(stored: list[int]) -> None:
            self._retrying = False
            for pos in stored:
                if self._pending.get(pos) == items[pos]:
                    del self._pending[pos]
            if not self._pending:
                self.retry_timer.stop()
                if self.message.text().startswith("答案已记下"):
                    self.message.setText("答案已全部保存。")

        def failed(exc: BaseException) -> None:
            self._retrying = False
            if isinstance(exc, study_ops.TimeUpError):
                self.time_up()
            elif not isinstance(exc, study_ops.DatabaseBusy):
                log.warning("kept answers of quiz %d not stored: %s", attempt_id, exc)

        study_ops.store_exam_answers(self, attempt_id, items, now).success(done).failure(failed).run()

    def flush_pending(self) -> None:
        """Store the kept answers when the page is left (on this thread, waiting for the lock like
        the clock's heartbeat beside it: the learner is leaving, nothing is typed meanwhile)."""
        for pos, (response, seconds, given) in list(self._pending.items()):
            try:
                study_ops.exam_answer_now(self.ctx, self.attempt.id, pos, response, seconds, study_ops.LONG_WAIT_MS,
                                          delayed_s=self.clock() - given)
                del self._pending[pos]
            except UserError as exc:
                log.warning("kept answer %d of quiz %d not stored: %s", pos, self.attempt.id, exc)
        if not self._pending:
            self.retry_timer.stop()

    def toggle_flag(self) -> None:
        """标记 / 取消标记 (M): stored like an answer, so it survives a crash."""
        if self.closed:
            return
        flagged = self.position not in self.flags
        try:
            study_ops.flag_now(self.ctx, self.attempt.id, self.position, flagged)
        except UserError as exc:
            report_failure(self, "模拟考试", exc)
            return
        (self.flags.add if flagged else self.flags.discard)(self.position)
        self._refresh_map()

    # handing in -------------------------------------------------------------------------------
    def submit_text(self) -> str:
        left = self.unanswered_positions()
        flagged = sorted(self.flags)
        lines = []
        if left:
            shown = "、".join(str(p + 1) for p in left[:10])
            lines.append(f"还有 {len(left)} 道题没有作答：")
            lines.append(f"第 {shown} 题{'等' if len(left) > 10 else ''}。")
        else:
            lines.append(f"全部 {len(self.questions)} 道题都已作答。")
        if flagged:
            lines.append(f"标记过的题：第 {'、'.join(str(p + 1) for p in flagged)} 题。")
        lines.append("交卷后不能再修改答案。确定交卷吗？")
        return "\n".join(lines)

    def request_submit(self) -> None:
        """交卷: confirm, naming the unanswered questions; the clock keeps running meanwhile."""
        if self.closed:
            return
        self._save_current()
        ask(self, "交卷", self.submit_text(), "交卷", "继续答题", self.submit)

    def submit(self) -> None:
        if self.closed:
            return
        self._save_current()
        self._close_quiz()
        pending, now = dict(self._pending), self.clock()  # (kept while the database was busy: stored first)
        self._pending.clear()
        study_ops.submit_exam(self, self.attempt.id, pending, now).success(self.finished.emit).run()

    def time_up(self) -> None:
        """Time is over: hand in automatically (quiz.expire), then the score page says so."""
        if self._expiring:
            return
        self._expiring = True
        if not self.closed:
            self._save_current()
        self._close_quiz()
        self.countdown.setText("00:00")
        set_state(self.countdown, "level", "danger")
        self.message.setText("考试时间到，正在自动交卷…")
        def done(result: ExamResult) -> None:
            self.finished.emit(result)
            self.expired.emit(result)

        pending, now = dict(self._pending), self.clock()
        self._pending.clear()
        study_ops.submit_exam(self, self.attempt.id, pending, now, expired=True).success(done).run()

    def _close_quiz(self) -> None:
        self.closed = True
        self.ticker.stop()
        self.heartbeat_timer.stop()
        self.retry_timer.stop()
        self.question_view.set_locked(True)
        for b in (self.submit_button, self.flag_button):
            b.setEnabled(False)

    def about_to_leave(self) -> None:
        """Leaving the page (another study screen, closing the app): store the answer and clock."""
        if self.closed:
            return
        self._save_current()
        self.flush_pending()
        try:
            self._sync(study_ops.exam_heartbeat_now(self.ctx, self.attempt.id))
        except study_ops.TimeUpError:
            self.time_up()
        except UserError as exc:
            log.warning("could not store the clock of quiz %d: %s", self.attempt.id, exc)

    def stop(self) -> None:
        """The page is thrown away with the quiz open (it can be continued later)."""
        self.about_to_leave()
        self.closed = True
        self.ticker.stop()
        self.heartbeat_timer.stop()
