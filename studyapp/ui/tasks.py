"""A small task runner: service calls off the GUI thread, results back on it.

The idea is Anki's CollectionOp/QueryOp: long work (an import, later PDF building) runs on ONE
worker thread, so the database sees one writer at a time and the window never freezes. Progress
and the outcome are delivered by queued signals, so every callback runs on the main thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from studyapp.core.model import Cancelled, CancelToken, ProgressFn, UserError

log = logging.getLogger("studyapp.ui")

#: work(progress, cancel) -> result; runs on the worker thread and must not touch widgets.
Work = Callable[[ProgressFn, CancelToken], Any]


class _Signals(QObject):
    """Lives on the main thread; emitting from the worker queues the slot calls there."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, token: CancelToken, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._token = token
        self._signals = signals

    def run(self) -> None:  # worker thread
        def progress(done: int, total: int, message: str) -> None:
            if self._token.cancelled:
                raise Cancelled()
            self._signals.progressed.emit(int(done), int(total), str(message))

        WORKING.add(id(self))
        try:
            result = self._work(progress, self._token)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported on the main thread
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)
        finally:
            WORKING.discard(id(self))


#: the jobs running on a worker thread now (the garbage collector waits while there are any:
#: a collection on the GUI thread would walk everything the job has built so far)
WORKING: set[int] = set()


class Task(QObject):
    """One running piece of work with its progress dialog; `finished` fires after the callbacks."""

    progressed = Signal(int, int, str)
    finished = Signal(bool)  # True on success

    def __init__(
        self,
        parent: QWidget,
        title: str,
        label: str,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        show_progress: bool,
        owner: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self._parent_widget = parent
        self._owner = owner
        self._title = title
        self._on_success = on_success
        self._on_failure = on_failure
        self.signals = _Signals(self)
        self.signals.progressed.connect(self._progress, QtCore.Qt.ConnectionType.QueuedConnection)
        self.signals.succeeded.connect(self._succeeded, QtCore.Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, QtCore.Qt.ConnectionType.QueuedConnection)
        self.dialog: QProgressDialog | None = None
        if show_progress:
            dlg = QProgressDialog(label, "取消", 0, 0, parent)
            dlg.setWindowTitle(title)
            dlg.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(400)  # quick work finishes without a flashing dialog
            dlg.setAutoClose(False)
            dlg.setAutoReset(False)
            dlg.setMinimumWidth(420)
            dlg.canceled.connect(self.cancel)
            self.dialog = dlg

    def cancel(self) -> None:
        """Ask the work to stop; it raises Cancelled at its next progress report."""
        log.info("task %s: cancel requested", self._title)
        self.token.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText("正在取消…")

    def _progress(self, done: int, total: int, message: str) -> None:
        if self.dialog is not None and not self.token.cancelled:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)
            if message:
                self.dialog.setLabelText(message)
        self.progressed.emit(done, total, message)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _succeeded(self, result: Any) -> None:
        self._close_dialog()
        try:
            if self._on_success is not None and _alive(self._on_success, self._owner):
                self._on_success(result)
        finally:
            self.finished.emit(True)
            self.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        self._close_dialog()
        try:
            if self._on_failure is not None:
                if _alive(self._on_failure, self._owner):
                    self._on_failure(exc)
            elif shiboken6.isValid(self._parent_widget):
                report_failure(self._parent_widget, self._title, exc)
        finally:
            self.finished.emit(False)
            self.deleteLater()


def _alive(callback: Callable[..., Any], owner: QObject | None) -> bool:
    """Whether a callback may run: the widget it belongs to (a bound method's object, or the
    task's owner) still exists. A window closed while its work ran is deleted; the result of
    that work is dropped, never handed to the dead window."""
    obj = getattr(callback, "__self__", None)
    for o in (obj, owner):
        if isinstance(o, QObject) and not shiboken6.isValid(o):
            log.info("a task's window was closed before the task ended: result dropped")
            return False
    return True


def report_failure(parent: QObject | None, title: str, exc: BaseException) -> None:
    """Show a failure the way a user can act on it: our Chinese message, or a plain apology —
    over the nearest window of `parent` (an op's owner may be a controller, not a widget: a
    message box given one raised TypeError and the message was never shown)."""
    parent = _nearest_widget(parent)
    if isinstance(exc, Cancelled):
        log.info("%s: cancelled", title)
        return
    if isinstance(exc, UserError):
        log.info("%s: %s", title, exc.message)
        QMessageBox.warning(parent, title, exc.message)
        return
    log.error("%s failed", title, exc_info=(type(exc), exc, exc.__traceback__))
    QMessageBox.critical(
        parent,
        title,
        f"操作没有完成，发生了意外错误：\n{exc}\n\n已保存的内容不受影响。请重试，或把这条信息告诉技术人员。",
    )


def _nearest_widget(obj: QObject | None) -> QWidget | None:
    while obj is not None and not isinstance(obj, QWidget):
        obj = obj.parent()
    return obj


class TaskRunner(QObject):
    """Runs work one at a time on a private single-thread pool."""

    #: emitted (on the main thread) whenever a task ends, after its callbacks
    idle = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._widget = parent
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: list[Task] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Work,
        *,
        title: str,
        label: str = "请稍候…",
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        show_progress: bool = True,
        owner: QObject | None = None,
    ) -> Task:
        """Start `work` on the worker thread; callbacks run later on the main thread — unless the
        window they belong to (a bound method's object, or `owner` for a closure) was deleted
        meanwhile: then the result is dropped (and closing that window cancels the work)."""
        task = Task(self._widget, title, label, on_success, on_failure, show_progress, owner)
        for o in {id(x): x for x in (owner, getattr(on_success, "__self__", None),
                                     getattr(on_failure, "__self__", None)) if isinstance(x, QObject)}.values():
            if o is not self._widget:
                o.destroyed.connect(task.cancel)
        self._running.append(task)
        task.finished.connect(lambda _ok, t=task: self._done(t))
        self._pool.start(_Job(work, task.token, task.signals))
        return task

    def _done(self, task: Task) -> None:
        if task in self._running:
            self._running.remove(task)
        if not self._running:
            self.idle.emit()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Cancel what runs and wait for the worker, so the database can be closed safely."""
        for task in list(self._running):
            task.token.cancel()
        self._pool.waitForDone(timeout_ms)
