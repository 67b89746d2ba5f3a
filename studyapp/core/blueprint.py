"""Drawing a practice set or a timed quiz (模拟考试) from approved questions: pure Python.

A blueprint says how many questions of each type, worth how many points, on which part of the
document, in how much time. The draw is deterministic for a seed and is frozen into the attempt
(`PaperItem.to_json`) when it starts, so an attempt resumed after a crash shows exactly the same
questions with the options in the same order — the learner's saved answers (option indexes in
the shuffled order) keep meaning what they meant.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from studyapp.core.draw import Drawer
from studyapp.core.grading import GradingRule
from studyapp.core.model import UserError
from studyapp.core.paper import _PINNED, TYPE_ORDER, SourceQuestion
from studyapp.core.questions.model import TYPE_NAMES

log = logging.getLogger("studyapp.study")


@dataclass(frozen=True)
class BlueprintItem:
    """`count` questions of `type`, `points` each."""

    type: str
    count: int
    points: float


# A self-test of 100 points in 30 minutes; no 简答 (it cannot be graded automatically).
DEFAULT_QUIZ_ITEMS: tuple[BlueprintItem, ...] = (
    BlueprintItem("single", 10, 3),
    BlueprintItem("multiple", 5, 4),
    BlueprintItem("judge", 10, 2),
    BlueprintItem("fill", 10, 3),
)
DEFAULT_QUIZ_SECONDS = 30 * 60


@dataclass(frozen=True)
class Blueprint:
    """What a timed quiz is made of. `section_ids` empty means the whole document.

    `rule` is frozen with the quiz: changing the setting later does not re-mark old attempts.
    """

    document_id: int | None
    items: tuple[BlueprintItem, ...] = DEFAULT_QUIZ_ITEMS
    time_limit_s: int = DEFAULT_QUIZ_SECONDS
    section_ids: tuple[int, ...] = ()
    title: str = ""
    rule: GradingRule = field(default_factory=GradingRule)

    @property
    def full_marks(self) -> float:
        return float(sum(i.count * i.points for i in self.items))

    @property
    def question_count(self) -> int:
        return sum(i.count for i in self.items)

    def to_json(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "items": [{"type": i.type, "count": i.count, "points": i.points} for i in self.items],
            "time_limit_s": self.time_limit_s,
            "section_ids": list(self.section_ids),
            "title": self.title,
            "rule": self.rule.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Blueprint:
        return cls(
            document_id=data.get("document_id"),
            items=tuple(BlueprintItem(str(i["type"]), int(i["count"]), float(i["points"]))
                        for i in data.get("items") or []),
            time_limit_s=int(data.get("time_limit_s") or 0),
            section_ids=tuple(int(s) for s in data.get("section_ids") or []),
            title=str(data.get("title") or ""),
            rule=GradingRule.from_json(data.get("rule")),
        )


def check_blueprint(blueprint: Blueprint) -> None:
    """Refuse a blueprint a learner could not take (Chinese UserError)."""
    if not any(i.count > 0 for i in blueprint.items):
        raise UserError("试卷中没有试题。请至少为一种题型设置题数。")
    for item in blueprint.items:
        if item.type not in TYPE_NAMES:
            raise UserError(f"题型“{item.type}”无效。")
        if item.count < 0 or item.points < 0:
            raise UserError(f"{TYPE_NAMES[item.type]}题的题数和分值不能为负数。")
    if blueprint.time_limit_s <= 0:
        raise UserError("考试时间应大于 0 分钟。")


@dataclass(frozen=True)
class PaperItem:
    """One question as the learner sees it in this attempt.

    `options` are in the shuffled order, `order[new] = original index`, and `answer` is the key
    remapped to the shuffled order: grading compares the response with `answer` directly.
    """

    position: int  # 0-based
    question_id: int | None
    type: str
    stem: str
    options: tuple[str, ...]
    answer: Any
    points: float
    order: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        answer = list(self.answer) if isinstance(self.answer, (list, tuple)) else self.answer
        return {
            "pos": self.position, "qid": self.question_id, "type": self.type,
            "stem": self.stem, "options": list(self.options), "answer": answer,
            "points": self.points, "order": list(self.order),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PaperItem:
        return cls(
            position=int(data["pos"]), question_id=data.get("qid"), type=str(data["type"]),
            stem=str(data["stem"]), options=tuple(data.get("options") or ()),
            answer=data.get("answer"), points=float(data.get("points") or 0),
            order=tuple(int(i) for i in data.get("order") or ()),
        )

    def original_indexes(self, response: Any) -> Any:
        """A choice response mapped back to the bank's option order (for statistics)."""
        if self.type not in ("single", "multiple") or not self.order:
            return response
        idx = response if isinstance(response, (list, tuple)) else [response]
        return sorted(self.order[int(i)] for i in idx if 0 <= int(i) < len(self.order))


def shuffle_options(q: SourceQuestion, rng: random.Random) -> tuple[tuple[str, ...], Any, tuple[int, ...]]:
    """(options, remapped key, order) — the same pinning as printed papers (以上都对 … stay last)."""
    if q.type not in ("single", "multiple") or len(q.options) < 2:
        return tuple(q.options), q.answer, tuple(range(len(q.options)))
    movable = [i for i, o in enumerate(q.options) if not any(p in o for p in _PINNED)]
    pinned = [i for i in range(len(q.options)) if i not in movable]
    shuffled = movable[:]
    rng.shuffle(shuffled)
    order = shuffled + pinned  # new position -> old index
    new_of_old = {old: new for new, old in enumerate(order)}
    answer = q.answer if isinstance(q.answer, (list, tuple)) else [q.answer]
    return tuple(q.options[i] for i in order), sorted(new_of_old[int(a)] for a in answer), tuple(order)


def _item(position: int, q: SourceQuestion, points: float, rng: random.Random) -> PaperItem:
    options, answer, order = shuffle_options(q, rng)
    return PaperItem(position, q.question_id, q.type, q.stem, options, answer, float(points), order)


def shortage_message(shortages: Sequence[tuple[str, int, int]]) -> str:
    """「所选范围内审核通过的多选题只有 3 道，不够 5 道。」 for each short type, and what to do."""
    parts = [
        f"{TYPE_NAMES.get(t, t)}题只有 {have} 道，不够 {want} 道" if have else
        f"没有{TYPE_NAMES.get(t, t)}题（需要 {want} 道）"
        for t, want, have in shortages
    ]
    return ("所选范围内审核通过的" + "；".join(parts) +
            "。请减少这些题型的题数、扩大出题范围，或先在题库中审核更多试题。")


def draw_quiz(pool: Sequence[SourceQuestion], blueprint: Blueprint, seed: int) -> list[PaperItem]:
    """The questions of a timed quiz, grouped by type in the usual order, shuffled within each.

    Raises UserError (Chinese, with the counts) when the scope lacks questions of a type:
    a quiz quietly shorter than announced would mislead the learner about their score.
    """
    check_blueprint(blueprint)
    rng = random.Random(f"quiz:{seed}")
    by_type: dict[str, list[SourceQuestion]] = {}
    for q in pool:
        by_type.setdefault(q.type, []).append(q)
    shortages = [
        (i.type, i.count, len(by_type.get(i.type, [])))
        for i in blueprint.items
        if i.count > len(by_type.get(i.type, []))
    ]
    if shortages:
        raise UserError(shortage_message(shortages))
    wanted = {i.type: i for i in blueprint.items if i.count > 0}
    order = [t for t in TYPE_ORDER if t in wanted] + [t for t in wanted if t not in TYPE_ORDER]
    items: list[PaperItem] = []
    drawer = Drawer()  # no question gives another away; wordings spread
    for qtype in order:
        spec = wanted[qtype]
        picked = drawer.take(by_type[qtype], spec.count, rng)
        for q in picked:
            items.append(_item(len(items), q, spec.points, rng))
    return items


def draw_practice(
    pool: Sequence[SourceQuestion], count: int, seed: int, *, keep_order: bool = False
) -> list[PaperItem]:
    """Up to `count` questions, 1 point each, options shuffled.

    Practice takes what there is (fewer than asked is fine); `keep_order` keeps the pool's order
    (today's reviews come most-overdue first), otherwise the draw is shuffled.
    """
    rng = random.Random(f"practice:{seed}")
    chosen = list(pool[:count]) if keep_order else Drawer().take(list(pool), min(count, len(pool)), rng)
    return [_item(i, q, 1.0, rng) for i, q in enumerate(chosen)]
