"""The room's countdown: kept by the clock (a stall of the window does not stretch it), paused
and resumed where it was, reset to the full time or to a saved remaining time on reopening,
expiring once, starting afresh after it ran out; and the figure the room reads."""

from __future__ import annotations

import pytest

from studyapp.ui.room import timer
from studyapp.ui.room.timer import Countdown, clock_text


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:  # noqa: ANN001
    c = Clock()
    monkeypatch.setattr(timer.time, "monotonic", c)
    return c


def test_the_time_left_follows_the_clock_not_the_ticks(qtbot, clock: Clock) -> None:
    countdown = Countdown(30)
    with qtbot.waitSignal(countdown.ticked) as first:
        countdown.start()
    assert first.args == [30_000] and countdown.running
    clock.now += 12.5  # the window was busy: no tick came for 12.5 s
    assert countdown.remaining_ms == 17_500 and not countdown.expired_now
    countdown.pause()
    clock.now += 100  # paused: the time does not run
    assert countdown.remaining_ms == 17_500 and not countdown.running
    countdown.toggle()
    clock.now += 7.5
    assert countdown.remaining_ms == 10_000
    countdown.reset()
    assert countdown.remaining_ms == countdown.total_ms == 30_000 and not countdown.running


def test_a_reopened_run_goes_on_from_the_saved_time(qtbot, clock: Clock) -> None:
    countdown = Countdown(30)
    with qtbot.waitSignal(countdown.changed):
        countdown.reset(seconds=45, remaining_ms=8_000)
    assert (countdown.total_ms, countdown.remaining_ms) == (45_000, 8_000)
    countdown.reset(seconds=0)  # a countdown is at least a second
    assert countdown.total_ms == 1000
    countdown.reset(remaining_ms=-5)
    assert countdown.remaining_ms == 0 and countdown.expired_now


def test_it_expires_once_and_starts_afresh_after(qtbot) -> None:
    countdown = Countdown(0.3)
    expiries: list[bool] = []
    countdown.expired.connect(lambda: expiries.append(True))
    with qtbot.waitSignal(countdown.expired, timeout=5000):
        countdown.start()
    assert expiries == [True] and not countdown.running and countdown.remaining_ms == 0
    countdown.start()  # ran out: a fresh countdown of the full time
    assert countdown.running and countdown.remaining_ms > 0
    countdown.pause()


@pytest.mark.parametrize(("ms", "shown"), [
    (25_000, "25"), (24_200, "25"), (200, "1"), (0, "0"), (-300, "0"), (59_001, "1:00"), (65_000, "1:05"),
    (600_000, "10:00"),
])
def test_the_figure_the_room_reads(ms: int, shown: str) -> None:
    assert clock_text(ms) == shown
