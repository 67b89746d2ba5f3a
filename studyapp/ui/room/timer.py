"""The countdown of a question in the room, kept by the clock rather than by counting ticks.

QTimer ticks drift and stop while the window is busy; the remaining time is worked out from a
monotonic clock at each tick, so the count shown to the room is right even after a stall.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("studyapp.room")

TICK_MS = 100


class Countdown(QObject):
    """start/pause/reset; `ticked(ms)` while running, `expired()` once when it reaches zero."""

    ticked = Signal(int)
    expired = Signal()
    changed = Signal()  # started, paused or reset (the console updates its buttons)

    def __init__(self, seconds: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._total_ms = int(seconds * 1000)
        self._remaining_ms = self._total_ms
        self._deadline: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._deadline is not None

    @property
    def total_ms(self) -> int:
        return self._total_ms

    @property
    def remaining_ms(self) -> int:
        if self._deadline is None:
            return self._remaining_ms
        return max(0, int(round((self._deadline - time.monotonic()) * 1000)))

    @property
    def expired_now(self) -> bool:
        return self.remaining_ms <= 0

    def start(self) -> None:
        """Run from what remains (a fresh countdown if it had run out)."""
        if self.running:
            return
        if self._remaining_ms <= 0:
            self._remaining_ms = self._total_ms
        self._deadline = time.monotonic() + self._remaining_ms / 1000
        self._timer.start()
        self.ticked.emit(self.remaining_ms)
        self.changed.emit()

    def pause(self) -> None:
        if not self.running:
            return
        self._remaining_ms = self.remaining_ms
        self._deadline = None
        self._timer.stop()
        self.changed.emit()

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self, seconds: int | None = None, remaining_ms: int | None = None) -> None:
        """Stop and set the full time (or a saved remaining time when a run is reopened)."""
        if seconds is not None:
            self._total_ms = max(1000, int(seconds * 1000))
        self._deadline = None
        self._timer.stop()
        self._remaining_ms = self._total_ms if remaining_ms is None else max(0, int(remaining_ms))
        self.ticked.emit(self._remaining_ms)
        self.changed.emit()

    def _tick(self) -> None:
        left = self.remaining_ms
        self.ticked.emit(left)
        if left <= 0:
            self._remaining_ms = 0
            self._deadline = None
            self._timer.stop()
            log.info("countdown expired")
            self.changed.emit()
            self.expired.emit()


def clock_text(ms: int) -> str:
    """What the room reads: 25 under a minute, 1:05 above (rounded up: 0.2 s left shows 1)."""
    seconds = (max(0, ms) + 999) // 1000
    if seconds < 60:
        return str(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"
