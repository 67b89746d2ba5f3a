"""FSRS scheduling: ratings from graded answers, and due dates that move sensibly."""

from __future__ import annotations

import datetime as dt
import json

from fsrs import Rating

from studyapp.core import scheduling
from studyapp.core.scheduling import end_of_day, rating_for, review

T0 = dt.datetime(2025, 3, 3, 9, 0)  # local, naive: how the database stores times


def test_ratings_from_answers() -> None:
    assert rating_for(False, qtype="single") == Rating.Again
    assert rating_for(True, qtype="single", seconds=5) == Rating.Good
    assert rating_for(True, qtype="single", seconds=90) == Rating.Hard  # right but slow
    assert rating_for(True, qtype="fill", hinted=True) == Rating.Hard
    assert rating_for(False, qtype="multiple", partial=True) == Rating.Hard
    assert rating_for(None, qtype="short") is None  # not auto-graded: no review


def _days(r: scheduling.Reviewed) -> float:
    return (r.due - r.last_review).total_seconds() / 86400


def test_first_answer_right_comes_back_in_days_wrong_tomorrow() -> None:
    good = review(None, Rating.Good, card_id=1, when=T0, fuzz=False)
    again = review(None, Rating.Again, card_id=1, when=T0, fuzz=False)
    assert good.last_review == T0
    assert 1 <= _days(again) < _days(good)
    assert _days(again) >= 1  # never "in 10 minutes": today's review list stays honest


def test_intervals_grow_with_right_answers_and_shrink_after_a_lapse() -> None:
    r = review(None, Rating.Good, card_id=1, when=T0, fuzz=False)
    intervals = [_days(r)]
    for _ in range(3):
        r = review(r.state, Rating.Good, when=r.due, fuzz=False)
        intervals.append(_days(r))
    assert intervals == sorted(intervals) and intervals[-1] > 2 * intervals[0]
    lapse = review(r.state, Rating.Again, when=r.due, fuzz=False)
    assert _days(lapse) < intervals[-1]
    hard = review(r.state, Rating.Hard, when=r.due, fuzz=False)
    good = review(r.state, Rating.Good, when=r.due, fuzz=False)
    assert _days(lapse) <= _days(hard) <= _days(good)


def test_higher_retention_schedules_sooner() -> None:
    r = review(None, Rating.Good, card_id=1, when=T0, fuzz=False)
    r = review(r.state, Rating.Good, when=r.due, fuzz=False)
    low = review(r.state, Rating.Good, when=r.due, desired_retention=0.8, fuzz=False)
    high = review(r.state, Rating.Good, when=r.due, desired_retention=0.95, fuzz=False)
    assert _days(high) < _days(low)


def test_state_is_plain_json_and_round_trips() -> None:
    r = review(None, Rating.Good, card_id=42, when=T0, fuzz=False)
    again = json.loads(json.dumps(r.state))
    assert again["card_id"] == 42
    later = review(again, Rating.Good, when=r.due, fuzz=False)
    assert later.due > r.due


def test_retention_setting_is_clamped() -> None:
    assert scheduling.clamp_retention(0.5) == 0.7 and scheduling.clamp_retention(1.0) == 0.97


def test_end_of_day_is_local_midnight() -> None:
    assert end_of_day(T0) == dt.datetime(2025, 3, 4)
