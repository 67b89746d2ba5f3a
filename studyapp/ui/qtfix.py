"""Work-arounds for PySide6 under CPython: leaked references to None/True/False (6.12 on 3.11),
and garbage collection on the worker thread.

PySide6 6.12 hands back None (QObject.parent(), QComboBox.currentData(), QTreeWidgetItem.data()
…) and True/False (signal disconnect() …) without taking a new reference, so every such call
drops one reference from the singleton. After some thousands of calls — minutes of ordinary use
of the 题库, the records or the reader — CPython aborts with "none_dealloc"/"bool_dealloc".
Python 3.12+ makes these objects immortal; on 3.11 each gets a huge reference count once, so
the leak can never reach zero. Imported by studyapp.ui's __init__, i.e. before any widget.
Remove when PySide6 is fixed or the bundle moves to Python 3.12+.
"""

from __future__ import annotations

import sys

_PINNED = False


def pin_immortals() -> None:
    """Give None, True and False a reference count no leak can exhaust (CPython < 3.12 only)."""
    global _PINNED
    if _PINNED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    _PINNED = True


class MainThreadGarbageCollector:
    """Run Python's cyclic garbage collector on the GUI thread only.

    With automatic collection, a collection can start on the worker thread (any allocation may
    trigger it) and free a dropped dialog or widget caught in a reference cycle there; Qt then
    destroys a widget outside the GUI thread and the process crashes (seen in the test suite as
    a segfault inside a service call on the worker). So automatic collection is turned off and a
    timer on the GUI thread collects with the usual generation thresholds.

    A collection walks every object of the generations it collects, and the GUI thread stands
    still meanwhile (a full one took 70–120 ms). Two things keep that short: what exists once
    the main window has opened its data (modules, classes, the window's widgets — about 120,000
    objects, there for the whole run) is frozen out of every later collection (`settle`), and no
    collection runs while a worker job is building its objects (the runner's WORKING): the
    lexicon of a large document is walked by nobody, then dropped by reference counting. A job
    that runs longer than MAX_DEFER_S still gets the young generation collected.
    """

    INTERVAL_MS = 250
    MAX_DEFER_S = 10.0

    def __init__(self, app) -> None:  # noqa: ANN001 - QApplication (Qt stays out of imports here)
        import gc
        import time

        from PySide6.QtCore import QTimer

        self._gc = gc
        self._clock = time.monotonic
        self._deferred_since: float | None = None
        self.settled = False
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(app)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def settle(self) -> None:
        """Collect once, then freeze what is left: it lives as long as the process."""
        if not self.settled:
            self._gc.collect()
            self._gc.freeze()
            self.settled = True

    def check(self) -> None:
        from studyapp.ui.tasks import WORKING

        gen0, gen1, gen2 = self._gc.get_count()
        if gen0 <= self.threshold[0]:
            return
        if WORKING:
            now = self._clock()
            if self._deferred_since is None:
                self._deferred_since = now
            if now - self._deferred_since < self.MAX_DEFER_S:
                return
            self._gc.collect(0)
            return
        self._deferred_since = None
        self._gc.collect(0)
        if gen1 > self.threshold[1]:
            self._gc.collect(1)
            if gen2 > self.threshold[2]:
                self._gc.collect(2)


def plain_text_message_boxes(app):  # noqa: ANN001, ANN201 - QApplication → its filter object
    """Make every message box show its text as plain text: a learner named 「<h1>…</h1>」 or a
    document titled 「<img src=x>」 in a message is shown as those characters, never rendered
    (Qt's AutoText takes anything with a tag before the first line break for rich text). A box
    whose text is our own markup sets the property "richText" (the 关于 box)."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QMessageBox

    class _Filter(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox) \
                    and not watched.property("richText"):
                watched.setTextFormat(Qt.TextFormat.PlainText)
            return False

    f = _Filter(app)
    app.installEventFilter(f)
    return f
