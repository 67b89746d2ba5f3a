"""An error nobody foresaw: written to the log, and said in Chinese with where the log is.

sys.excepthook (the GUI thread's slots) and threading.excepthook (a worker) both come here; the
program keeps running — what was saved stays saved — and the user knows what to send.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from studyapp import logfile

log = logging.getLogger("studyapp.crash")


def message(exc: BaseException) -> str:
    where = logfile.current()
    text = "程序出错了。已保存的学习记录和成绩不受影响。"
    if where is not None:
        text += f"\n\n日志已保存在：{where}\n需要时请把这个文件发给技术人员。"
    return text + f"\n\n错误：{type(exc).__name__}：{exc}"


class _Bridge(QObject):
    report = Signal(str)


class CrashReporter:
    """Installed once by run_gui; `shown` keeps what was said (tests read it)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.shown: list[str] = []
        self.bridge = _Bridge()
        self.bridge.report.connect(self._show)
        self._busy = False
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.hook
        threading.excepthook = self.thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, exc, tb)
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        self.bridge.report.emit(message(exc))  # (queued when raised off the GUI thread)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, text: str) -> None:
        self.shown.append(text)
        if self._busy:
            return  # one box at a time: a loop of errors must not bury the screen
        self._busy = True
        box = QMessageBox(QMessageBox.Icon.Critical, "学习测评", text, QMessageBox.StandardButton.Ok)
        box.finished.connect(lambda _r: setattr(self, "_busy", False))
        QTimer.singleShot(0, box.open)
        self.box = box


def install(app: QApplication) -> CrashReporter:
    reporter = CrashReporter(app)
    app._studyapp_crash = reporter  # type: ignore[attr-defined]  # (kept alive on the application object)
    return reporter
