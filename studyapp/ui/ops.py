"""The op layer between the widgets and the services (after Anki's CollectionOp and QueryOp).

Widgets collect input and show results; they never call a service. Each feature folder has an
`ops.py` whose operations are a few lines: the service call to run, and — for a write — what it
changes. An operation runs on its window's task runner (the one worker thread that writes), so
the GUI thread never waits for the database; when it is done, its callbacks run on the GUI
thread, and a write announces its `Changes` on the one change hub, which every window that shows
that data listens to (instead of being told by hand, or reloading itself after the fact).

    CollectionOp(self, lambda ctx: bank.approve(ctx, ids), Changes.bank(doc)).success(done).run()
    QueryOp(self, lambda ctx: bank.list_questions(ctx, doc), self.show_rows).run()

An operation finds the context and the runner on its parent widget or the nearest window that
has them (`ctx` and `runner` attributes).
A failure goes to `failure`, or is shown as the runner shows it (a user error's own Chinese
message; anything else logged with its traceback). A window closed while its operation ran gets
no callback, but the change is announced all the same. `pending()` counts the operations not
finished yet.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, Self, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from studyapp.ui.tasks import report_failure

log = logging.getLogger("studyapp.ui")

T = TypeVar("T")

AREAS = ("documents", "bank", "reading", "study", "records", "people", "settings")


@dataclass(frozen=True)
class Changes:
    """What a write changed: areas of the data, and the documents it touched (bank, reading)."""

    areas: frozenset[str] = frozenset()
    documents: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        unknown = set(self.areas) - set(AREAS)
        if unknown:
            raise ValueError(f"unknown areas of change: {sorted(unknown)}")

    @classmethod
    def of(cls, *areas: str, documents: Iterable[int | None] = ()) -> Changes:
        return cls(frozenset(areas), frozenset(d for d in documents if d is not None))

    @classmethod
    def bank(cls, document_id: int | None) -> Changes:
        return cls.of("bank", documents=(document_id,))

    @classmethod
    def reading(cls, document_id: int | None = None) -> Changes:
        return cls.of("reading", documents=(document_id,))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.areas | other.areas, self.documents | other.documents)

    def touches(self, area: str, document_id: int | None = None) -> bool:
        """Whether the change concerns `area` (and, when given, that document: a change that
        names no document concerns every one)."""
        if area not in self.areas:
            return False
        return document_id is None or not self.documents or document_id in self.documents

    def __bool__(self) -> bool:
        return bool(self.areas)


class ChangeHub(QObject):
    """The one place writes announce what they changed: changed(Changes, initiator)."""

    changed = Signal(object, object)

    def announce(self, changes: Changes, initiator: object | None = None) -> None:
        if changes:
            self.changed.emit(changes, initiator)


_HUB: ChangeHub | None = None
_PENDING: set[int] = set()


def hub() -> ChangeHub:
    """The application's change hub (made on first use, owned by the application)."""
    global _HUB
    app = QApplication.instance()
    if _HUB is None or (app is not None and _HUB.parent() is not app):
        _HUB = ChangeHub(app)
    return _HUB


def pending() -> int:
    """Operations started and not finished yet (tests wait for 0)."""
    return len(_PENDING)


def _host_of(parent: QObject | None) -> QObject:
    w: QObject | None = parent
    while w is not None:
        if getattr(w, "ctx", None) is not None and getattr(w, "runner", None) is not None:
            return w
        w = w.parent()
    raise RuntimeError("no window with a context and a task runner for this operation")


class _Op(Generic[T]):
    def __init__(self, parent: QObject, op: Callable[..., T]) -> None:
        self._parent = parent
        self._op = op
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._title = "请稍候"
        self._label = "请稍候…"
        self._progress = False
        self._dialog = False

    def success(self, fn: Callable[[T], Any] | None) -> Self:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any] | None) -> Self:
        self._failure = fn
        return self

    def with_progress(self, title: str, label: str = "请稍候…") -> Self:
        """Report progress and allow cancelling: op is called as op(ctx, progress, cancel), and
        the runner's progress box shows (unless `quietly`: the caller shows it elsewhere)."""
        self._title, self._label, self._progress, self._dialog = title, label, True, True
        return self

    def quietly(self) -> Self:
        """No progress box (the status bar shows the progress, through the task's signal)."""
        self._dialog = False
        return self

    def titled(self, title: str) -> Self:
        self._title = title
        return self

    def _changes_of(self, result: T) -> Changes:
        return Changes()

    def run(self, *, initiator: object | None = None):  # noqa: ANN201 - the runner's Task
        if self._parent is not None and not shiboken6.isValid(self._parent):
            log.info("%s: its window was closed before it started: not run", self._title)
            return None
        host = _host_of(self._parent)
        ctx = host.ctx  # type: ignore[attr-defined]  # (the main window's, found by walking up the parents)
        op, with_progress = self._op, self._progress

        def work(progress, cancel):  # noqa: ANN001, ANN202 - worker thread
            return op(ctx, progress, cancel) if with_progress else op(ctx)

        key = object()
        _PENDING.add(id(key))

        parent = self._parent

        def alive() -> bool:
            return parent is None or shiboken6.isValid(parent)

        def done(result: T) -> None:
            _PENDING.discard(id(key))
            try:
                if self._success is not None and alive():
                    self._success(result)
            finally:
                # (announced even when the window that asked was closed meanwhile: the data changed)
                hub().announce(self._changes_of(result), initiator)

        def failed(exc: BaseException) -> None:
            _PENDING.discard(id(key))
            if not alive():
                return
            if self._failure is not None:
                self._failure(exc)
            else:
                report_failure(parent, self._title, exc)

        task = host.runner.run(work, title=self._title, label=self._label,  # type: ignore[attr-defined]  # (the main window's, found by walking up the parents)
                               on_success=done, on_failure=failed, show_progress=self._dialog)
        task.finished.connect(lambda _ok: _PENDING.discard(id(key)))  # (cancelled: no callback)
        # (a window closed — and its runner with it — before the work ran: it never will)
        task.destroyed.connect(lambda *_a: _PENDING.discard(id(key)))
        return task


class CollectionOp(_Op[T]):
    """A write: run it on the worker, then its callbacks, then announce what it changed.

    `changes` is a Changes, or a function of the result giving one (nothing changed: Changes())."""

    def __init__(self, parent: QObject, op: Callable[..., T], changes: Changes | Callable[[T], Changes]) -> None:
        super().__init__(parent, op)
        self._changes = changes

    def _changes_of(self, result: T) -> Changes:
        return self._changes(result) if callable(self._changes) else self._changes


class QueryOp(_Op[T]):
    """A read that feeds a screen: run it on the worker, hand the result to `success`."""

    def __init__(self, parent: QObject, op: Callable[..., T], success: Callable[[T], Any]) -> None:
        super().__init__(parent, op)
        self._success = success
