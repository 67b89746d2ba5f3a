"""Runs one room run (集体领学 / 集体测验 / 知识竞赛): windows, screens, keys, storage.

Screens: with a second screen the audience view goes full-screen on it and the console stays on
the laptop; with one screen the audience view fills it and the console is an overlay shown with
Tab or F1. Plugging the projector in (or out) mid-session re-places the windows at once
(QGuiApplication.screenAdded/screenRemoved).

Storage: every action is stored before the picture changes, through the room service, each in
one short transaction (a single row; milliseconds), so a crash loses nothing and the run
reopens where it was. That is why these calls are made on the GUI thread, in order, instead of
being queued on the task runner: a contest event must never be reordered behind a later one.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.contest import (
    BUZZ,
    COMPULSORY,
    RISK,
    ROUND_NAMES,
    ContestError,
    ContestEvent,
    describe,
)
from studyapp.core.model import UserError
from studyapp.services import AppContext, room
from studyapp.services import settings as settings_service
from studyapp.services.dto_room import RoomQuestion, RunView
from studyapp.ui import filedialogs, style
from studyapp.ui.admin import require
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.audience import ALERT, RIGHT, AudienceView
from studyapp.ui.room.console import PresenterConsole
from studyapp.ui.room.timer import Countdown
from studyapp.ui.tasks import TaskRunner

log = logging.getLogger("studyapp.room")

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_N}
PREV_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_P}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period, Qt.Key.Key_W}
OVERLAY_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_F1, Qt.Key.Key_Backtab}
TIMER_SAVE_MS = 5000


class AudienceWindow(QWidget):
    """The projector window: the audience view, and (one screen only) the console overlay."""

    closing = Signal()

    def __init__(self, view: AudienceView) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("学习测评 - 投影")
        self.setObjectName("audienceWindow")
        self.view = view
        view.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        self.overlay = QFrame(self)
        self.overlay.setObjectName("consoleOverlay")
        self.overlay.setStyleSheet(f"QFrame#consoleOverlay {{ background: {style.FRAME}; border-top: 3px solid {style.ACCENT}; }}")
        QVBoxLayout(self.overlay).setContentsMargins(0, 0, 0, 0)
        self.overlay.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_overlay()

    def place_overlay(self) -> None:
        # the lower part of the projection, but never less than the console needs (on a
        # 1024×768 screen the contest's scoring rows would otherwise pile on one another)
        console = next((w for w in self.overlay.findChildren(PresenterConsole)), None)
        if console is not None:
            console.set_compact(False)  # (what the whole console needs decides, every time)
            console.set_compact(self.overlay.minimumSizeHint().height() > self.height())
        need = self.overlay.minimumSizeHint().height()
        h = min(self.height(), max(360, int(self.height() * 0.62), need))
        self.overlay.setGeometry(0, self.height() - h, self.width(), h)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


class ConsoleWindow(QWidget):
    """The laptop window holding the console when a projector is connected."""

    closing = Signal()

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle("学习测评 - 领学人控制台")
        self.setObjectName("consoleWindow")
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)
        self.resize(1180, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


class RoomController(QObject):
    """One run on the projector; the console and the keys call these methods."""

    changed = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, run: RunView, family: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run = run
        self.run_id = run.info.id
        self.kind = run.info.kind
        self.kind_name = run.info.kind_name
        self.title = run.info.title
        self.family = family
        self.pages = room.reading_pages(ctx, run.info.document_id) if self.kind == "reading" else []
        self.questions: list[RoomQuestion] = room.run_questions(ctx, self.run_id) if self.kind != "reading" else []
        state = dict(run.state)
        self.index = int(state.get("page" if self.kind == "reading" else "question", 0) or 0)
        self.revealed = bool(state.get("revealed", False))
        self.board_shown = bool(state.get("board", False))
        self.seconds = int(run.setup.get("seconds") or settings_service.get_setting(ctx, "room.question_seconds"))
        self.autostart = bool(state.get("autostart", True))
        self.stake: float | None = state.get("stake")
        self.contest = room.contest_state(ctx, self.run_id) if self.kind == "contest" else None
        self.setup = self.contest.setup if self.contest is not None else None
        self.round: str = str(state.get("round") or (self.contest.round if self.contest and self.contest.round else COMPULSORY))
        if self.contest is not None and self.contest.question is not None:
            self.index = self.contest.question
        self.screen_mode = "single"
        self.closed_already = False
        self.record_delay_ms = 1000 * int(settings_service.get_setting(ctx, "room.section_record_seconds"))

        self.audience = AudienceView(family)
        self.audience_window = AudienceWindow(self.audience)
        self.console = PresenterConsole(self)
        self.console_window = ConsoleWindow()
        self.runner = TaskRunner(self.console_window)  # (long work: the ranking PDF)
        self.audience_window.closing.connect(self._window_closing)
        self.console_window.closing.connect(self._window_closing)

        self.countdown = Countdown(self.seconds, self)
        self.countdown.ticked.connect(self._ticked)
        self.countdown.changed.connect(self._timer_changed)
        self.countdown.expired.connect(self._expired)
        self._last_timer_save = 0
        self._record_timer = QTimer(self)
        self._record_timer.setSingleShot(True)
        self._record_timer.timeout.connect(self._record_section)

        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        self._filter_installed = False

        if self.kind == "contest":
            self.audience.set_scores(self.contest.scoreboard(), [t.id for t in self.setup.teams])
        self._show_current(restoring=True)
        if state.get("blanked"):
            self.audience.set_blanked(True)
        if self.kind != "reading":
            saved = state.get("timer_ms")
            self.countdown.reset(self.seconds, int(saved) if saved is not None else None)
        if self.board_shown and self.kind == "contest":
            self.audience.show_board()
        self.refresh()

    # windows and screens ---------------------------------------------------------------------
    def start(self) -> None:
        """Put the windows on the screens and listen to the clicker."""
        app = QApplication.instance()
        if app is not None and not self._filter_installed:
            app.installEventFilter(self)
            self._filter_installed = True
        self.place()

    def place(self, screens: Sequence[QScreen] | None = None) -> str:
        """Audience full-screen on the second screen with the console on the first; or one
        full-screen view with the console as an overlay. Returns "dual" or "single"."""
        screens = list(screens if screens is not None else QGuiApplication.screens())
        primary = QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not primary]
        if primary not in screens and screens:
            primary = screens[0]
            others = screens[1:]
        if others:
            self.screen_mode = "dual"
            target = others[0]
            self._console_into(self.console_window)
            self.audience_window.overlay.hide()
            self._full_screen(self.audience_window, target)
            self.console_window.setScreen(primary)
            avail = primary.availableGeometry()
            self.console_window.setGeometry(avail.adjusted(40, 40, -40, -40))
            self.console_window.show()
            self.console_window.raise_()
            self.console_window.activateWindow()
            log.info("room: audience on %s, console on %s", target.name(), primary.name())
        else:
            self.screen_mode = "single"
            self.console_window.hide()
            self._console_into(self.audience_window.overlay)
            self._full_screen(self.audience_window, primary)
            self.audience_window.activateWindow()
            self.audience.setFocus()
            log.info("room: one screen (%s), console behind Tab/F1", primary.name() if primary else "?")
        self.refresh()
        return self.screen_mode

    def _full_screen(self, window: QWidget, screen: QScreen | None) -> None:
        if screen is None:
            window.showFullScreen()
            return
        if window.isFullScreen():
            window.showNormal()
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        window.showFullScreen()
        window.setGeometry(screen.geometry())

    def _console_into(self, host: QWidget) -> None:
        if self.console.parent() is host:
            return
        layout = host.layout()
        self.console.setParent(host)
        if layout is not None:
            layout.addWidget(self.console)
        self.console.show()

    def _screens_changed(self, _screen: QScreen | None = None) -> None:
        # the screen list settles a moment after the signal; place once it has
        QTimer.singleShot(300, lambda: None if self.closed_already else self.place())

    def screen_text(self) -> str:
        if self.screen_mode == "dual":
            screen = self.audience_window.screen()
            size = screen.geometry() if screen else None
            where = f"（{size.width()}×{size.height()}）" if size else ""
            return f"投影：第二屏幕{where}"
        return "单屏：按 Tab 或 F1 显示/隐藏控制面板"

    @property
    def overlay_visible(self) -> bool:
        return self.audience_window.overlay.isVisible()

    def toggle_overlay(self) -> None:
        if self.screen_mode != "single":
            return
        ov = self.audience_window.overlay
        ov.setVisible(not ov.isVisible())
        if ov.isVisible():
            self.audience_window.place_overlay()
            ov.raise_()
        self.audience_window.activateWindow()

    # keys ------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(obj, QWidget):
            window = obj.window()
            if window is self.audience_window or window is self.console_window:
                if isinstance(obj, (QLineEdit, QAbstractSpinBox, QComboBox)):
                    return False  # typing a number of seconds or points
                if self.handle_key(event):  # type: ignore[arg-type]
                    return True
        # Not super().eventFilter(): this filter sees every event of the application, and
        # PySide6 6.12 leaks a reference to the bool it returns (Python 3.11 then aborts in
        # bool_dealloc). QObject.eventFilter returns False anyway.
        return False

    def handle_key(self, event: QKeyEvent) -> bool:
        """The keys a presentation clicker sends, and a few letters for the host."""
        key = Qt.Key(event.key())
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            if key == Qt.Key.Key_Z and self.kind == "contest":
                self.undo()
                return True
            return False
        if key in NEXT_KEYS:
            self.next()
        elif key in PREV_KEYS:
            self.previous()
        elif key in BLANK_KEYS:
            self.toggle_blank()
        elif key in OVERLAY_KEYS:
            self.toggle_overlay()
        elif key == Qt.Key.Key_Escape:
            if self.overlay_visible:
                self.toggle_overlay()
            elif self.screen_mode == "single":
                self.toggle_overlay()  # Esc shows the controls (with 退出放映) rather than quitting
        elif key == Qt.Key.Key_A and self.kind != "reading":
            self.toggle_reveal()
        elif key == Qt.Key.Key_T and self.kind != "reading":
            self.toggle_timer()
        elif key == Qt.Key.Key_R and self.kind != "reading":
            self.reset_timer()
        elif key == Qt.Key.Key_Z and self.kind == "contest":
            self.undo()
        elif key == Qt.Key.Key_S and self.kind == "contest":
            self.toggle_board()
        else:
            return False
        return True

    # showing -----------------------------------------------------------------------------------
    @property
    def count(self) -> int:
        return len(self.pages) if self.kind == "reading" else len(self.questions)

    def can_next(self) -> bool:
        if self.kind == "contest" and self.contest is not None and self.contest.finished:
            return False
        return self.index < self.count - 1 or (self.kind == "contest" and self.contest is not None
                                                and self.contest.question is None and self.count > 0)

    def can_previous(self) -> bool:
        return self.index > 0 and not (self.contest is not None and self.contest.finished)

    def _show_current(self, restoring: bool = False) -> None:
        if self.count == 0:
            self.audience.set_banner("没有可显示的内容")
            return
        self.index = max(0, min(self.index, self.count - 1))
        if self.kind == "reading":
            page = self.pages[self.index]
            self.audience.show_page(page, self.index, self.count)
            if page.section_id is not None:
                self._record_timer.start(max(0, self.record_delay_ms))
            return
        q = self.questions[self.index]
        if self.contest is not None and self.contest.question is None:
            self.audience.show_question(q, self.index, self.count, banner="知识竞赛　即将开始", revealed=False)
            self.audience.set_timer(self.countdown.remaining_ms, visible=False)
            return
        self.audience.show_question(q, self.index, self.count, banner=self._banner(), revealed=self.revealed)
        self.audience.set_timer(self.countdown.remaining_ms, visible=True)

    def _banner(self) -> str:
        if self.kind != "contest" or self.contest is None:
            # stems no longer name the document: the projector's banner does, once
            return self.title or "集体测验"
        state = self.contest
        r = state.round or self.round
        text = ROUND_NAMES.get(r, "")
        if state.team is not None and r != BUZZ:
            text += f"　{state.setup.team(state.team).name}作答"
        elif r == BUZZ and state.team is not None:
            text += f"　{state.setup.team(state.team).name}抢到"
        if r == RISK and self.stake:
            text += f"　{self.stake:g} 分"
        return text

    def current_html(self) -> str:
        if self.count == 0:
            return "没有内容。"
        if self.kind == "reading":
            p = self.pages[self.index]
            extra = ""
            if self.audience.page_count_in_section > 1:
                extra = f"（本节第 {self.audience.page_in_section + 1}/{self.audience.page_count_in_section} 屏）"
            return (f"<b>{self.index + 1}/{self.count}　{html.escape(p.heading)}</b>{extra}"
                    f"<br/>{html.escape(p.text[:300])}")
        q = self.questions[self.index]
        opts = "<br/>".join(f"{'ABCDEFGH'[i]}．{html.escape(o)}" for i, o in enumerate(q.options))
        return (f"<b>第 {self.index + 1}/{self.count} 题　{q.type_name}</b><br/>{html.escape(q.stem)}"
                + (f"<br/>{opts}" if opts else ""))

    def answer_html(self) -> str:
        if not self.questions:
            return ""
        q = self.questions[self.index]
        shown = "（已公布）" if self.revealed else "（未公布）"
        return (f"<b>答案：{html.escape(q.answer_text)}</b> {shown}<br/>"
                f"出处：{html.escape(q.source)}<br/>“{html.escape(q.quote)}”")

    def next_text(self) -> str:
        nxt = self.index + 1
        if self.kind == "contest" and self.contest is not None and self.contest.question is None:
            nxt = self.index
        if nxt >= self.count:
            return "（已是最后一项）"
        if self.kind == "reading":
            p = self.pages[nxt]
            return f"{nxt + 1}/{self.count}　{p.heading}"
        return f"第 {nxt + 1} 题：{self.questions[nxt].stem[:60]}"

    def refresh(self) -> None:
        self.console.refresh()
        self.console.set_clock(self.countdown.remaining_ms, self.countdown.running)
        self.changed.emit()

    def _save(self, **changes: object) -> None:
        try:
            room.save_state(self.ctx, self.run_id, changes)
        except UserError as e:
            self._error(e.message)

    def _error(self, text: str) -> None:
        """A message for the host only: on the console, never on the projection. On one screen
        with the console hidden the host hears a beep and finds the message under Tab."""
        log.info("room: %s", text)
        self.console.message(text)
        if self.screen_mode == "single" and not self.overlay_visible:
            QApplication.beep()

    # navigation --------------------------------------------------------------------------------
    def next(self) -> None:
        if self.audience.blanked:
            self.toggle_blank()  # a clicker press on a black screen brings the picture back
            return
        if self.kind == "reading":
            if self.audience.page_down():
                self.refresh()
                return
            if self.index >= self.count - 1:
                return
            self.index += 1
            self._save(page=self.index)
            self._show_current()
        elif self.kind == "quiz":
            if self.index >= self.count - 1:
                self.console.message("已是最后一题。")
                return
            self._go_question(self.index + 1)
        else:
            self._contest_show(self.index + 1 if self.contest and self.contest.question is not None else self.index)
        self.refresh()

    def previous(self) -> None:
        if self.audience.blanked:
            self.toggle_blank()
            return
        if self.kind == "reading":
            if self.audience.page_up():
                self.refresh()
                return
            if self.index == 0:
                return
            self.index -= 1
            self._save(page=self.index)
            self._show_current()
            self.audience.last_page_of_section()
        elif self.kind == "quiz":
            if self.index > 0:
                self._go_question(self.index - 1)
        elif self.index > 0:
            self._contest_show(self.index - 1)
        self.refresh()

    def _go_question(self, index: int) -> None:
        self.index = index
        self.revealed = False
        self.countdown.reset(self.seconds)
        self._save(question=index, revealed=False, timer_ms=self.countdown.remaining_ms)
        self.audience.clear_timeout()
        self._show_current()
        if self.autostart:
            self.countdown.start()

    def _record_section(self) -> None:
        if self.kind != "reading" or not self.pages:
            return
        page = self.pages[self.index]
        if page.section_id is None:
            return
        try:
            room.record_section(self.ctx, self.run_id, page.section_id)
        except UserError as e:
            self._error(e.message)

    def flush_section(self) -> None:
        """Record the section on screen now (closing before the delay still counts it)."""
        if self._record_timer.isActive():
            self._record_timer.stop()
            self._record_section()

    # contest -----------------------------------------------------------------------------------
    def _contest_event(self, event: ContestEvent) -> bool:
        try:
            self.contest = room.record_contest_event(self.ctx, self.run_id, event)
        except UserError as e:
            self._error(e.message)
            return False
        self.audience.set_scores(self.contest.scoreboard(), [t.id for t in self.setup.teams])
        return True

    def _contest_show(self, index: int) -> None:
        if self.contest is None or index >= self.count:
            self.console.message("题目已经用完。可以“结束并保存”。")
            return
        try:
            event = self.contest.show(self.round, index)
        except ContestError as e:
            self._error(e.message)
            return
        if not self._contest_event(event):
            return
        self.index = index
        self.revealed = False
        self.board_shown = False
        if self.round != RISK:
            self.stake = None
        self.countdown.reset(self.seconds)
        self._save(question=index, revealed=False, board=False, round=self.round, stake=self.stake,
                   timer_ms=self.countdown.remaining_ms)
        self.audience.clear_timeout()
        self._show_current()
        if self.autostart:
            self.countdown.start()

    def set_round(self, round_: str) -> None:
        """Takes effect with the next question shown (the current one keeps its round)."""
        self.round = round_
        self._save(round=round_)
        self.console.message(f"下一题起为{ROUND_NAMES[round_]}。")
        self.refresh()

    def set_stake(self, stake: float) -> None:
        self.stake = float(stake)
        self._save(stake=self.stake)
        self.audience.set_banner(self._banner())
        self.refresh()

    def judge(self, team: str, correct: bool) -> None:
        if self.contest is None:
            return
        try:
            stake = self.stake if self.contest.round == RISK else None
            event = self.contest.judge(correct, team, stake)
        except ContestError as e:
            self._error(e.message)
            self.refresh()
            return
        if self._contest_event(event):
            self.countdown.pause()
            self.audience.clear_timeout()
            self.audience.toast(describe(event, self.setup), RIGHT if correct else ALERT)
            self.audience.set_banner(self._banner())
            self.console.message(describe(event, self.setup))
        self.refresh()

    def adjust(self, team: str, points: float) -> None:
        if self.contest is None:
            return
        try:
            event = self.contest.adjust(team, points, "主持人调整")
        except ContestError as e:
            self._error(e.message)
            return
        if self._contest_event(event):
            self.console.message(describe(event, self.setup))
        self.refresh()

    def undo(self) -> None:
        if self.contest is None:
            return
        last = self.contest.last_scoring
        try:
            event = self.contest.undo()
        except ContestError as e:
            self._error(e.message)
            return
        if self._contest_event(event):
            self.console.message(f"已撤销：{describe(last, self.setup)}" if last else "已撤销")
            self.audience.set_banner(self._banner())
        self.refresh()

    def toggle_board(self) -> None:
        if self.kind != "contest":
            return
        self.board_shown = not self.board_shown
        if self.board_shown:
            self.audience.show_board()
        else:
            self._show_current()
        self._save(board=self.board_shown)
        self.refresh()

    # answer, timer, blank ----------------------------------------------------------------------
    def toggle_reveal(self) -> None:
        if self.kind == "reading" or not self.questions:
            return
        self.revealed = not self.revealed
        if self.revealed:
            self.countdown.pause()
        self.audience.reveal(self.revealed)
        self._save(revealed=self.revealed)
        self.refresh()

    def toggle_blank(self) -> None:
        on = not self.audience.blanked
        self.audience.set_blanked(on)
        self._save(blanked=on)
        self.refresh()

    def toggle_timer(self) -> None:
        if self.kind == "reading":
            return
        if self.audience.timed_out:
            self.audience.clear_timeout()
        self.countdown.toggle()

    def reset_timer(self) -> None:
        self.audience.clear_timeout()
        self.countdown.reset(self.seconds)

    def set_seconds(self, seconds: int) -> None:
        self.seconds = int(seconds)
        if not self.countdown.running:
            self.countdown.reset(self.seconds)
        self._save(seconds=self.seconds)

    def set_autostart(self, on: bool) -> None:
        self.autostart = bool(on)
        self._save(autostart=self.autostart)

    def _ticked(self, ms: int) -> None:
        self.audience.set_timer(ms, visible=self.kind != "reading" and self.audience.mode == "question")
        self.console.set_clock(ms, self.countdown.running)
        if self.countdown.running and abs(self._last_timer_save - ms) >= TIMER_SAVE_MS:
            self._last_timer_save = ms
            self._save(timer_ms=ms)

    def _timer_changed(self) -> None:
        ms = self.countdown.remaining_ms
        self._last_timer_save = ms
        self._save(timer_ms=ms)
        self.console.set_clock(ms, self.countdown.running)

    def _expired(self) -> None:
        self.audience.timeout()
        self.console.message("时间到。")

    # end ---------------------------------------------------------------------------------------
    def finish(self, confirm: bool = True) -> None:
        """End the run; a contest's ranking goes to the session (asks first)."""
        if confirm:
            text = ("结束竞赛，并把最终名次保存到学习会？结束后不能再计分。" if self.kind == "contest"
                    else f"结束本次{self.kind_name}？")
            answer = QMessageBox.question(self.console.window(), "结束", text)
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self.kind == "contest" and not require(self.console.window(), "把竞赛名次保存到学习会", self.ctx):
            return  # the ranking goes into the records: the administrator's work
        self.flush_section()
        self.countdown.pause()
        try:
            room.finish_run(self.ctx, self.run_id)
        except UserError as e:
            self._error(e.message)
            return
        if self.kind == "contest":
            self.contest = room.contest_state(self.ctx, self.run_id)
            self.audience.set_scores(self.contest.scoreboard(), [t.id for t in self.setup.teams])
            self.board_shown = True
            self.audience.show_board("最终名次")
            self.console.message("竞赛已结束，名次已保存到学习会。可“打印成绩…”。")
        else:
            self.console.message("已结束。")
        self.refresh()

    def save_ranking_pdf(self, path: Path) -> Path:
        return room_ops.write_ranking_pdf(self.ctx, self.run_id, path)

    def print_ranking(self):  # noqa: ANN201 - the runner's Task, or None when nothing was chosen
        """打印成绩: the ranking PDF is built on the worker (about a second: the projector and the
        console keep moving meanwhile)."""
        path = filedialogs.save_path(self.console.window(), "保存知识竞赛成绩", "知识竞赛成绩.pdf",
                                     "PDF 文件 (*.pdf)")
        if path is None:
            return None
        self.console.message("正在生成成绩单…")
        return room_ops.save_ranking_pdf(self, self.run_id, Path(path)) \
            .success(lambda _p: self.console.message(f"已保存：{path}")) \
            .failure(lambda e: QMessageBox.warning(self.console.window(), "打印成绩",
                                                   getattr(e, "message", str(e)))).run()

    def _window_closing(self) -> None:
        if not self.closed_already:
            QTimer.singleShot(0, self.close)

    def close(self) -> None:
        """Leave the projection; an unfinished run stays open for 「继续上次的…」."""
        if self.closed_already:
            return
        self.closed_already = True
        self.runner.shutdown()  # (a ranking PDF being written is finished first)
        self.flush_section()
        if self.countdown.running:
            self.countdown.pause()
        app = QApplication.instance()
        if app is not None and self._filter_installed:
            app.removeEventFilter(self)
        # The screen signals stay connected (the slot does nothing once closed): PySide6 6.12's
        # signal disconnect() drops a reference to the bool it returns, and enough of those
        # abort Python 3.11 (bool_dealloc).
        for w in (self.audience_window, self.console_window):
            w.hide()
            w.deleteLater()
        self.closed.emit()
