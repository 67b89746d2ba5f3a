"""Assemble a printed test paper (试卷) from approved questions, with A/B variants.

Offices hand out two variants so neighbours cannot copy: the same questions, in another order,
with the options of choice questions in another order (answers remapped). Everything is
deterministic for a given seed, so the paper, its answer key and its answer sheet always agree
and can be printed again next week. Pure Python, no Qt, no SQL.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from studyapp.core.draw import Drawer

# Part order and headings as papers print them.
TYPE_ORDER: tuple[str, ...] = ("single", "multiple", "judge", "fill", "short")
TYPE_TITLES: dict[str, str] = {
    "single": "单选题", "multiple": "多选题", "judge": "判断题", "fill": "填空题", "short": "简答题",
}
PART_NUMERALS = "一二三四五六七八九十"
LETTERS = "ABCDEFGH"
# (type, how many, points each): 20 + 20 + 20 + 20 + 20 = 100 when the bank has enough.
DEFAULT_BLUEPRINT: tuple[tuple[str, int, float], ...] = (
    ("single", 10, 2),
    ("multiple", 5, 4),
    ("judge", 10, 2),
    ("fill", 10, 2),
    ("short", 2, 10),
)
# Options that must stay last whatever the shuffle (以上都对 …).
_PINNED = ("以上", "都不", "均不", "均是", "都是")


@dataclass(frozen=True)
class SourceQuestion:
    """A bank question as the paper needs it (the service converts its DTOs to these)."""

    type: str
    stem: str
    options: tuple[str, ...] = ()
    answer: Any = None
    quote: str = ""
    source: str = ""  # section heading, e.g. 2.总体目标
    explanation: str = ""
    question_id: int | None = None
    uid: str = ""


@dataclass(frozen=True)
class PaperQuestion:
    number: int  # 1-based, running through the paper
    type: str
    stem: str
    options: tuple[str, ...]
    answer: Any  # option indexes after the variant's shuffle; bool; fill strings; short points
    points: float
    quote: str
    source: str
    explanation: str
    question_id: int | None = None
    uid: str = ""

    @property
    def answer_text(self) -> str:
        """The key as printed: C / ABD / 正确 / 错误 / 填空 answers joined with ；."""
        if self.type in ("single", "multiple"):
            return "".join(LETTERS[i] for i in sorted(self.answer or []))
        if self.type == "judge":
            return "正确（√）" if self.answer else "错误（×）"
        if isinstance(self.answer, (list, tuple)):
            return "；".join(str(a) for a in self.answer)
        return str(self.answer or "")


@dataclass(frozen=True)
class PaperPart:
    numeral: str  # 一
    type: str
    points_each: float
    questions: tuple[PaperQuestion, ...]

    @property
    def title(self) -> str:
        return TYPE_TITLES.get(self.type, self.type)

    @property
    def total(self) -> float:
        return self.points_each * len(self.questions)


@dataclass(frozen=True)
class Paper:
    title: str  # e.g. 《……》学习测试
    variant: str  # "A" / "B"
    seed: int
    minutes: int
    parts: tuple[PaperPart, ...] = field(default_factory=tuple)

    @property
    def total(self) -> float:
        return sum(p.total for p in self.parts)

    @property
    def questions(self) -> list[PaperQuestion]:
        return [q for p in self.parts for q in p.questions]


def select_questions(
    pool: Sequence[SourceQuestion],
    blueprint: Sequence[tuple[str, int, float]] = DEFAULT_BLUEPRINT,
    seed: int = 0,
    target_total: float = 100,
) -> dict[str, list[SourceQuestion]]:
    """Pick each type's questions, spread over the document, same for every variant.

    `pool` is in reading order; a seeded sample keeps that order so the base paper follows the
    text. Types the bank lacks are left out; a type with fewer questions takes them all.
    """
    rng = random.Random(f"select:{seed}")
    drawer = Drawer()
    chosen: dict[str, list[SourceQuestion]] = {}
    for qtype, count, _ in blueprint:
        same = [q for q in pool if q.type == qtype]
        if not same or count <= 0:
            continue
        # no question prints another's answer, and one wording does not fill the part
        chosen[qtype] = drawer.take(same, count, rng)
    _top_up(pool, blueprint, chosen, rng, target_total, drawer)
    return chosen


def _top_up(
    pool: Sequence[SourceQuestion],
    blueprint: Sequence[tuple[str, int, float]],
    chosen: dict[str, list[SourceQuestion]],
    rng: random.Random,
    target_total: float,
    drawer: Drawer,
) -> None:
    """A bank short of one type (often 简答) still gives a paper of full marks: add questions of
    the types that have more, judge and single first, until the total reaches the target."""
    points = {t: p for t, _, p in blueprint}
    total = sum(points[t] * len(qs) for t, qs in chosen.items())
    for qtype in ("judge", "single", "fill", "multiple"):
        if qtype not in points or points[qtype] <= 0:
            continue
        spare = [q for q in pool if q.type == qtype and q not in chosen.get(qtype, [])]
        rng.shuffle(spare)
        while spare and total + points[qtype] <= target_total + 1e-9:
            q = spare.pop(0)
            if not drawer.fits(q):
                continue  # a top-up is optional: never one that prints another's answer
            drawer.add(q)
            chosen.setdefault(qtype, []).append(q)
            total += points[qtype]
    order = {id(q): i for i, q in enumerate(pool)}
    for items in chosen.values():
        items.sort(key=lambda q: order[id(q)])


def _shuffle_options(q: SourceQuestion, rng: random.Random) -> tuple[tuple[str, ...], Any]:
    if q.type not in ("single", "multiple") or len(q.options) < 2:
        return tuple(q.options), q.answer
    movable = [i for i, o in enumerate(q.options) if not any(p in o for p in _PINNED)]
    pinned = [i for i in range(len(q.options)) if i not in movable]
    shuffled = movable[:]
    rng.shuffle(shuffled)
    order = shuffled + pinned  # new position -> old index
    new_of_old = {old: new for new, old in enumerate(order)}
    answer = q.answer if isinstance(q.answer, (list, tuple)) else [q.answer]
    return tuple(q.options[i] for i in order), sorted(new_of_old[int(a)] for a in answer)


def shorten_stem(stem: str, title: str) -> str:
    """A stem without the document's name when the paper's header already states it.

    Bank stems must read on their own (「根据《…》“指导思想”部分填空：…」); on a paper about that
    one document, the name repeated in forty stems is only noise. `title` is the name as the
    paper prints it, 《…》; only a leading mention is shortened, and only in these forms.
    """
    if not title or not stem.startswith((title, "根据" + title)):
        return stem
    if stem.startswith("根据" + title + "“"):
        return "根据" + stem[len("根据" + title):]
    if stem.startswith(title + "中，"):
        return stem[len(title + "中，"):]
    if stem.startswith(title + "“"):
        return stem[len(title):]
    if stem.startswith(title + "提出的"):
        return "本文件" + stem[len(title):]
    return stem


def build_paper(
    chosen: dict[str, list[SourceQuestion]],
    *,
    title: str,
    variant: str = "A",
    seed: int = 0,
    minutes: int = 60,
    blueprint: Sequence[tuple[str, int, float]] = DEFAULT_BLUEPRINT,
) -> Paper:
    """One variant: parts in the usual order, questions and options shuffled by (seed, variant).

    Variant "A" of seed N is the same paper every time; "B" has the same questions, in another
    order, with options in another order.
    """
    rng = random.Random(f"paper:{seed}:{variant}")
    points = {t: p for t, _, p in blueprint}
    parts: list[PaperPart] = []
    number = 1
    for qtype in TYPE_ORDER:
        items = list(chosen.get(qtype, ()))
        if not items:
            continue
        rng.shuffle(items)
        questions = []
        for q in items:
            options, answer = _shuffle_options(q, rng)
            questions.append(
                PaperQuestion(number, q.type, shorten_stem(q.stem, title), options, answer,
                              float(points.get(qtype, 2)),
                              q.quote, q.source, q.explanation, q.question_id, q.uid)
            )
            number += 1
        parts.append(PaperPart(PART_NUMERALS[len(parts)], qtype, float(points.get(qtype, 2)),
                               tuple(questions)))
    return Paper(title, variant, seed, minutes, tuple(parts))


def build_variants(
    pool: Sequence[SourceQuestion],
    *,
    title: str,
    seed: int = 0,
    variants: Sequence[str] = ("A", "B"),
    minutes: int = 60,
    blueprint: Sequence[tuple[str, int, float]] = DEFAULT_BLUEPRINT,
    target_total: float = 100,
) -> list[Paper]:
    """The variants of one paper: the same selection, each shuffled its own way.

    `target_total` is the full marks a short bank is topped up to (the blueprint's own total
    when a clerk set the counts, so a 50-point quiz is not padded to 100).
    """
    chosen = select_questions(pool, blueprint, seed, target_total)
    return [
        build_paper(chosen, title=title, variant=v, seed=seed, minutes=minutes, blueprint=blueprint)
        for v in variants
    ]


def blueprint_total(blueprint: Sequence[tuple[str, int, float]]) -> float:
    """Full marks a blueprint plans (count × points summed): what a short bank is topped up to."""
    return float(sum(max(0, count) * points for _t, count, points in blueprint))
