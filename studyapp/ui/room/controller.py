"""Runs one room run: windows, screens, keys, the timer and where the run stands — what every
mode shares. Each mode is its own controller (reading_run.ReadingRun 集体领学,
quiz_run.QuizRun 集体测验, contest_run.ContestRun 知识竞赛); `open_run` picks it.

Screens: with a second screen the audience view goes full-screen on it and the console stays on
the laptop; with one screen the audience view fills it and the console is an overlay shown with
Tab or F1. Plugging the projector in (or out) mid-session re-places the windows at once
(QGuiApplication.screenAdded/screenRemoved).

Storage: every step is stored before the picture changes, through the room's operations
(ops.py, `*_now`: one short transaction on this thread, in order — see there why), so a crash
loses nothing and the run reopens where it was. Where the run stands (page, question, timer) is
kept when the database is busy and stored with the next step or a second later.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

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

from studyapp.core.model import UserError
from studyapp.services import AppContext
from studyapp.services.context import DatabaseBusy
from studyapp.services.dto_room import RoomPage, RoomQuestion, RunView
from studyapp.ui import style
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.audience import AudienceView
from studyapp.ui.room.console import PresenterConsole
from studyapp.ui.room.timer import Countdown
from studyapp.ui.tasks import TaskRunner

log = logging.getLogger("studyapp.room")

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_N}
PREV_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_P}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period, Qt.Key.Key_W}
OVERLAY_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_F1, Qt.Key.Key_Backtab}
TIMER_SAVE_MS = 5000
RETRY_SAVE_MS = 1000  # where the run stands, kept while the database was busy, is stored again after


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
    """One run on the projector; the console and the keys call these methods. The base of the
    three modes: what they share. `timed` modes (quiz, contest) have questions, an answer to
    reveal and a countdown."""

    changed = Signal()
    closed = Signal()
    timed = True
    state_key = "question"  # where the run stands, in its stored state

    def __init__(self, ctx: AppContext, run: RunView, family: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run = run
        self.run_id = run.info.id
        self.kind = run.info.kind
        self.kind_name = run.info.kind_name
        self.title = run.info.title
        self.family = family
        content = room_ops.run_content_now(ctx, run)
        self.pages: list[RoomPage] = content.pages
        self.questions: list[RoomQuestion] = content.questions
        state = dict(run.state)
        self.state = state
        self.index = int(state.get(self.state_key, 0) or 0)
        self.revealed = bool(state.get("revealed", False))
        self.seconds = int(content.seconds)
        self.autostart = bool(state.get("autostart", True))
        self.screen_mode = "single"
        self.closed_already = False
        self.record_delay_ms = content.record_delay_ms
        self._unsaved: dict[str, object] = {}
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(lambda: self._save())
        self._loaded(content)

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

        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        self._filter_installed = False

        self._restore(state)
        self.refresh()

    def _loaded(self, content: room_ops.RunContent) -> None:
        """What a mode keeps of the run's content beyond its pages or questions."""

    def _restore(self, state: dict) -> None:
        """The picture as the run was left (a mode adds its own: the board, the scores)."""
        self._show_current(restoring=True)
        if state.get("blanked"):
            self.audience.set_blanked(True)
        if self.timed:
            saved = state.get("timer_ms")
            self.countdown.reset(self.seconds, int(saved) if saved is not None else None)

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
                if self.handle_key(event):  # type: ignore[arg-type]  # (a key press: the event type was checked above)
                    return True
        # Not super().eventFilter(): this filter sees every event of the application, and
        # PySide6 6.12 leaks a reference to the bool it returns (Python 3.11 then aborts in
        # bool_dealloc). QObject.eventFilter returns False anyway.
        return False

    def handle_key(self, event: QKeyEvent) -> bool:
        """The keys a presentation clicker sends, and a few letters for the host."""
        key = Qt.Key(event.key())
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return self._mode_key(key, control=True)
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
        elif key == Qt.Key.Key_A and self.timed:
            self.toggle_reveal()
        elif key == Qt.Key.Key_T and self.timed:
            self.toggle_timer()
        elif key == Qt.Key.Key_R and self.timed:
            self.reset_timer()
        else:
            return self._mode_key(key, control=False)
        return True

    def _mode_key(self, key: Qt.Key, control: bool) -> bool:
        """A mode's own keys (the contest's Z and S)."""
        return False

    # showing -----------------------------------------------------------------------------------
    @property
    def count(self) -> int:
        return len(self.questions)

    def can_next(self) -> bool:
        return self.index < self.count - 1

    def can_previous(self) -> bool:
        return self.index > 0

    def _show_current(self, restoring: bool = False) -> None:
        if self.count == 0:
            self.audience.set_banner("没有可显示的内容")
            return
        self.index = max(0, min(self.index, self.count - 1))
        self._show_item(restoring)

    def _show_item(self, restoring: bool) -> None:
        q = self.questions[self.index]
        self.audience.show_question(q, self.index, self.count, banner=self._banner(), revealed=self.revealed)
        self.audience.set_timer(self.countdown.remaining_ms, visible=True)

    def _banner(self) -> str:
        # stems no longer name the document: the projector's banner does, once
        return self.title or "集体测验"

    def current_html(self) -> str:
        if self.count == 0:
            return "没有内容。"
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
        nxt = self._next_index()
        if nxt >= self.count:
            return "（已是最后一项）"
        return f"第 {nxt + 1} 题：{self.questions[nxt].stem[:60]}"

    def _next_index(self) -> int:
        return self.index + 1

    def refresh(self) -> None:
        self.console.refresh()
        self.console.set_clock(self.countdown.remaining_ms, self.countdown.running)
        self.changed.emit()

    def _save(self, **changes: object) -> None:
        """Where the run stands, stored now; kept and stored again a second later while the
        database is busy (an import on the worker) — the host is told only if it lasts."""
        self._unsaved.update(changes)
        if not self._unsaved:
            return
        try:
            room_ops.save_state_now(self.ctx, self.run_id, dict(self._unsaved))
        except DatabaseBusy:
            if not self._retry.isActive():
                self._retry.start(RETRY_SAVE_MS)
            return
        except UserError as e:
            self._error(e.message)
            return
        self._unsaved.clear()

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
        self._forward()
        self.refresh()

    def previous(self) -> None:
        if self.audience.blanked:
            self.toggle_blank()
            return
        self._back()
        self.refresh()

    def _forward(self) -> None:
        raise NotImplementedError

    def _back(self) -> None:
        raise NotImplementedError

    def _go_question(self, index: int) -> None:
        self.index = index
        self.revealed = False
        self.countdown.reset(self.seconds)
        self._save(question=index, revealed=False, timer_ms=self.countdown.remaining_ms)
        self.audience.clear_timeout()
        self._show_current()
        if self.autostart:
            self.countdown.start()

    def flush_section(self) -> None:
        """Record the section on screen now (reading: closing before the delay still counts it)."""

    def toggle_board(self) -> None:
        """The contest's scoreboard (the other modes have none)."""

    # answer, timer, blank ----------------------------------------------------------------------
    def toggle_reveal(self) -> None:
        if not self.timed or not self.questions:
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
        if not self.timed:
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
        self.audience.set_timer(ms, visible=self.timed and self.audience.mode == "question")
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
        """End the run (asks first)."""
        if confirm:
            answer = QMessageBox.question(self.console.window(), "结束", self._finish_question())
            if answer != QMessageBox.StandardButton.Yes:
                return
        if not self._may_finish():
            return
        self.flush_section()
        self.countdown.pause()
        self._save()  # (what a busy database kept, before the run closes)
        try:
            final = room_ops.finish_now(self.ctx, self.run_id)
        except UserError as e:  # (DatabaseBusy too: the host presses 结束 again)
            self._error(e.message)
            return
        self._finished(final)
        self.refresh()

    def _finish_question(self) -> str:
        return f"结束本次{self.kind_name}？"

    def _may_finish(self) -> bool:
        return True

    def _finished(self, final) -> None:  # noqa: ANN001 - a contest's board, None otherwise
        self.console.message("已结束。")

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
        self._save()  # (what a busy database kept)
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


def open_run(ctx: AppContext, run: RunView, family: str, parent: QObject | None = None) -> RoomController:
    """The controller of a run's mode: 集体领学, 集体测验 or 知识竞赛."""
    from studyapp.ui.room.contest_run import ContestRun
    from studyapp.ui.room.quiz_run import QuizRun
    from studyapp.ui.room.reading_run import ReadingRun

    kinds: dict[str, type[RoomController]] = {"reading": ReadingRun, "quiz": QuizRun, "contest": ContestRun}
    if run.info.kind not in kinds:
        raise UserError(f"不认识的会议室活动：{run.info.kind}")
    return kinds[run.info.kind](ctx, run, family, parent)
