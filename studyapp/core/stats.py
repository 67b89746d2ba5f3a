"""Score statistics for a session's 成绩登记表 and the 试题分析, as offices report them.

The figures follow what county and township offices print under a score list: 参考人数, 平均分,
最高分, 最低分, 及格率, 优秀率, and a distribution in five bands (<60, 60–69, 70–79, 80–89, 90–100
for a paper of 100 points, scaled for other full marks). Thresholds are parameters because offices
differ (及格 60%, 优秀 85% or 90%).

The item analysis uses the classical upper/lower 27% groups: an item that the strongest scorers
miss more often than the weakest (negative discrimination) is usually a badly generated question,
so it is flagged for review in the 题库. Pure Python, no Qt, no SQL.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "Band",
    "ItemStat",
    "ScoreStats",
    "band_edges",
    "distribution",
    "fmt_score",
    "item_analysis",
    "ranks",
    "score_stats",
]

Score = float | int | None  # None: 缺考 / not taken; such people do not count as 参考


@dataclass(frozen=True)
class Band:
    """One bar of the distribution: scores in [low, high) (the last band includes full marks)."""

    label: str
    low: float
    high: float
    count: int


@dataclass(frozen=True)
class ScoreStats:
    """The statistics block of a 成绩登记表. Rates are 0..1; mean/max/min None when nobody sat."""

    count: int  # 参考人数
    mean: float | None
    highest: float | None
    lowest: float | None
    pass_count: int
    excellent_count: int
    pass_rate: float  # 及格率
    excellent_rate: float  # 优秀率
    full_marks: float
    pass_line: float
    excellent_line: float
    bands: list[Band] = field(default_factory=list)


def fmt_score(value: float | None, digits: int = 1) -> str:
    """Scores as offices write them: 86, 86.5 (no trailing .0), '—' for none."""
    if value is None:
        return "—"
    # 四舍五入 as people do it by hand (86.25 -> 86.3), not banker's rounding of binary floats.
    quantum = Decimal(1).scaleb(-digits)
    rounded = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    text = format(rounded, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_percent(rate: float | None, digits: int = 1) -> str:
    """A share as every form and screen writes it: 0.478 -> 47.8%, 1.0 -> 100%, rounded half
    up like fmt_score (one rule throughout: a printed 及格率 and the screen never differ)."""
    if rate is None:
        return "—"
    return f"{fmt_score(rate * 100, digits)}%"


def band_edges(full_marks: float = 100) -> list[float]:
    """Band boundaries 60/70/80/90 % of full marks (0.6·full … full)."""
    return [full_marks * r for r in (0.6, 0.7, 0.8, 0.9)]


def _band_labels(full_marks: float) -> list[str]:
    edges = band_edges(full_marks)
    integral = all(float(e).is_integer() for e in edges) and float(full_marks).is_integer()
    labels = [f"{fmt_score(edges[0])}分以下"]
    bounds = edges + [full_marks]
    for low, high in zip(bounds, bounds[1:], strict=False):
        last = high == full_marks
        if integral and not last:
            labels.append(f"{fmt_score(low)}–{fmt_score(high - 1)}")
        else:
            labels.append(f"{fmt_score(low)}–{fmt_score(high)}")
    return labels


def distribution(scores: Sequence[Score], full_marks: float = 100) -> list[Band]:
    """Count scores into the five bands; absent scores (None) are left out."""
    edges = band_edges(full_marks)
    lows = [0.0] + edges
    highs = edges + [full_marks]
    counts = [0] * 5
    for s in scores:
        if s is None:
            continue
        i = sum(1 for e in edges if s >= e - 1e-9)
        counts[i] += 1
    labels = _band_labels(full_marks)
    return [Band(labels[i], lows[i], highs[i], counts[i]) for i in range(5)]


def score_stats(
    scores: Sequence[Score],
    full_marks: float = 100,
    pass_ratio: float = 0.6,
    excellent_ratio: float = 0.85,
) -> ScoreStats:
    """Statistics of the scores actually taken; rates are shares of 参考人数 (not of 应到)."""
    if full_marks <= 0:
        raise ValueError("满分必须大于 0")
    taken = [float(s) for s in scores if s is not None]
    pass_line = full_marks * pass_ratio
    excellent_line = full_marks * excellent_ratio
    n = len(taken)
    passed = sum(1 for s in taken if s >= pass_line - 1e-9)
    excellent = sum(1 for s in taken if s >= excellent_line - 1e-9)
    return ScoreStats(
        count=n,
        mean=(sum(taken) / n) if n else None,
        highest=max(taken) if n else None,
        lowest=min(taken) if n else None,
        pass_count=passed,
        excellent_count=excellent,
        pass_rate=passed / n if n else 0.0,
        excellent_rate=excellent / n if n else 0.0,
        full_marks=full_marks,
        pass_line=pass_line,
        excellent_line=excellent_line,
        bands=distribution(taken, full_marks),
    )


def ranks(scores: Sequence[Score]) -> list[int | None]:
    """Competition ranks, highest first, ties share a rank and leave a gap: 1, 2, 2, 4.

    Returned in the input order; None (缺考) gets no rank.
    """
    present = sorted((float(s) for s in scores if s is not None), reverse=True)
    first_index: dict[float, int] = {}
    for i, s in enumerate(present):
        first_index.setdefault(s, i + 1)
    return [None if s is None else first_index[float(s)] for s in scores]


@dataclass(frozen=True)
class ItemStat:
    """One question's line in the 试题分析.

    `discrimination` is upper-group minus lower-group correct rate (−1..1); None when too few
    people sat for the groups to mean anything. `flags` are short Chinese notes for the table.
    """

    index: int  # 0-based position in the paper
    label: str  # what the table shows: 第3题, or the caller's own label
    correct_rate: float
    upper_rate: float | None
    lower_rate: float | None
    discrimination: float | None
    flags: tuple[str, ...] = ()

    @property
    def needs_review(self) -> bool:
        return bool(self.flags)


def item_analysis(
    answers: Sequence[Sequence[float | bool | None]],
    totals: Sequence[float] | None = None,
    labels: Sequence[str] | None = None,
    *,
    group_ratio: float = 0.27,
    low_discrimination: float = 0.2,
    min_people: int = 10,
) -> list[ItemStat]:
    """Correct rate and discrimination per question.

    `answers[p][q]` is person p's result on question q: True/1 correct, False/0 wrong, a fraction
    for partial credit, None for unanswered (counted as wrong). `totals` are the people's total
    scores (defaults to the sum of their items). Groups are the top and bottom `group_ratio` of
    people by total (at least one each); with fewer than `min_people` the groups are too small
    to judge and discrimination is left None.
    """
    if not answers:
        return []
    n_items = max(len(row) for row in answers)
    matrix = [
        [_credit(row[q] if q < len(row) else None) for q in range(n_items)]
        for row in answers
    ]
    people = len(matrix)
    totals = list(totals) if totals is not None else [sum(row) for row in matrix]
    if len(totals) != people:
        raise ValueError("totals 与答题人数不一致")
    order = sorted(range(people), key=lambda p: (-totals[p], p))
    k = max(1, math.floor(people * group_ratio + 0.5))
    judge = people >= min_people
    upper, lower = order[:k], order[-k:]

    result = []
    for q in range(n_items):
        rate = sum(matrix[p][q] for p in range(people)) / people
        up = sum(matrix[p][q] for p in upper) / k if judge else None
        low = sum(matrix[p][q] for p in lower) / k if judge else None
        disc = (up - low) if up is not None and low is not None else None
        flags: list[str] = []
        if disc is not None:
            if disc < 0:
                flags.append("负区分度，请复核")
            elif disc < low_discrimination:
                flags.append("区分度低")
        label = labels[q] if labels and q < len(labels) else f"第{q + 1}题"
        result.append(ItemStat(q, label, rate, up, low, disc, tuple(flags)))
    return result


def _credit(value: float | bool | None) -> float:
    """A person's result on one item as a number: unanswered (None) is wrong."""
    return float(value) if value is not None else 0.0
