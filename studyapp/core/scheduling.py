"""Spaced review (复习) with the FSRS scheduler (the `fsrs` package): pure Python, no Qt/SQL.

Every auto-graded answer is one review of that question's card for that person. The card's
state travels as fsrs's own `Card.to_dict()` (JSON), so a later fsrs can read it back.

Choices made for cadres who study once a day or less, not for flash-card enthusiasts:
- no (re)learning steps measured in minutes: a question practised today is never "due again in
  10 minutes" — it comes back tomorrow at the earliest, so 「今日待复习」 counts real work;
  immediate re-practice of mistakes is what the 错题本 is for;
- fuzzing on (the default), so forty questions practised on one afternoon do not all fall due
  on the same morning; tests turn it off for exact dates.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from fsrs import Card, Rating, Scheduler, State

log = logging.getLogger("studyapp.study")

DEFAULT_RETENTION = 0.9
# desired retention outside this range makes FSRS schedule absurdly often or rarely
MIN_RETENTION, MAX_RETENTION = 0.7, 0.97

# A right answer slower than this (seconds) is rated Hard: known, but not yet fluently.
SLOW_SECONDS: dict[str, float] = {"single": 30, "judge": 20, "multiple": 60, "fill": 45, "short": 120}

RATING_NAMES: dict[Rating, str] = {
    Rating.Again: "答错", Rating.Hard: "答对但较吃力", Rating.Good: "答对", Rating.Easy: "很熟练",
}
STATE_NAMES: dict[int, str] = {
    State.Learning.value: "学习中", State.Review.value: "复习中", State.Relearning.value: "重新学习",
}


def rating_for(
    correct: bool | None,
    *,
    qtype: str = "",
    seconds: float | None = None,
    hinted: bool = False,
    partial: bool = False,
) -> Rating | None:
    """Map a graded answer to an FSRS rating; None (no review) for answers not auto-graded.

    wrong → Again; right but slow, hinted or only partly right → Hard; right → Good. Easy is
    never given automatically: a quick right answer may still be a lucky guess on a choice.
    """
    if correct is None:
        return None
    if not correct:
        return Rating.Hard if partial else Rating.Again
    if hinted:
        return Rating.Hard
    if seconds is not None and seconds > SLOW_SECONDS.get(qtype, 45):
        return Rating.Hard
    return Rating.Good


def clamp_retention(value: float) -> float:
    return min(MAX_RETENTION, max(MIN_RETENTION, float(value)))


@lru_cache(maxsize=8)
def scheduler(desired_retention: float = DEFAULT_RETENTION, fuzz: bool = True) -> Scheduler:
    """A shared Scheduler per setting (building one validates 21 parameters: keep it cheap)."""
    return Scheduler(
        desired_retention=clamp_retention(desired_retention),
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=fuzz,
    )


def _utc(when: dt.datetime | None) -> dt.datetime:
    if when is None:
        return dt.datetime.now(dt.UTC)
    if when.tzinfo is None:  # local wall-clock time, as the database stores it
        when = when.astimezone()
    return when.astimezone(dt.UTC)


def to_local(when: dt.datetime) -> dt.datetime:
    """A timezone-aware time as naive local wall-clock time (how the database stores stamps)."""
    return when.astimezone().replace(tzinfo=None, microsecond=0)


@dataclass(frozen=True)
class Reviewed:
    """A card after one review: its fsrs state (JSON-ready) and the next due time (naive local)."""

    state: dict[str, Any]
    due: dt.datetime
    last_review: dt.datetime
    rating: Rating

    @property
    def interval_days(self) -> float:
        return (self.due - self.last_review).total_seconds() / 86400


def review(
    state: dict[str, Any] | None,
    rating: Rating,
    *,
    card_id: int = 0,
    when: dt.datetime | None = None,
    desired_retention: float = DEFAULT_RETENTION,
    fuzz: bool = True,
) -> Reviewed:
    """One review: `state` None starts a new card. `when` naive means local time."""
    card = Card.from_dict(state) if state else Card(card_id=card_id)  # type: ignore[arg-type]  # (fsrs types its card dicts loosely)
    moment = _utc(when)
    card, _log = scheduler(desired_retention, fuzz).review_card(card, rating, moment)
    return Reviewed(card.to_dict(), to_local(card.due), to_local(moment), rating)  # type: ignore[arg-type]  # (fsrs types its card dicts loosely)


def retrievability(state: dict[str, Any], when: dt.datetime | None = None,
                   desired_retention: float = DEFAULT_RETENTION) -> float:
    """Predicted chance (0..1) of recalling the answer now — for "mastery" hints."""
    card = Card.from_dict(state)  # type: ignore[arg-type]  # (fsrs types its card dicts loosely)
    return float(scheduler(desired_retention).get_card_retrievability(card, _utc(when)))


def end_of_day(when: dt.datetime | None = None) -> dt.datetime:
    """Local midnight after `when`: everything due before it is 「今日待复习」."""
    now = when or dt.datetime.now()
    return dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
