"""Grading of one answer (判分): pure Python, no Qt, no SQL.

Learners are cadres typing on office PCs with Chinese input methods: a fill answer typed with
full-width letters, an extra space, 「，」 instead of 「、」 or a trailing 「。」 is still the right
answer, so fill answers are compared after folding those differences away. Short answers
(简答) are never auto-graded: a machine that marks an essay wrong discourages more than it helps.

Responses (what the UI sends, what is stored in the attempt):
- single: an option index (int) or a one-item list;
- multiple: a list of option indexes;
- judge: True / False;
- fill: one string per blank (a single string is accepted for a one-blank question);
- short: free text.
`None` (or an empty list / blank text) is "not answered": wrong, no points.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

log = logging.getLogger("studyapp.study")

# ------------------------------------------------------------------------------- rules

MULTIPLE_ALL_OR_NOTHING = "all_or_nothing"
MULTIPLE_PARTIAL = "partial"
# What the settings screen shows for quiz.multiple_rule.
MULTIPLE_RULE_NAMES: dict[str, str] = {
    MULTIPLE_ALL_OR_NOTHING: "全部选对才得分",
    MULTIPLE_PARTIAL: "少选得部分分、错选不得分",
}

PARTIAL_HALF = "half"
PARTIAL_PROPORTIONAL = "proportional"
# What the settings screen shows for quiz.partial_mode (only used with the partial rule).
PARTIAL_MODE_NAMES: dict[str, str] = {
    PARTIAL_HALF: "少选得该题一半分",
    PARTIAL_PROPORTIONAL: "少选按选对的个数给分",
}


@dataclass(frozen=True)
class GradingRule:
    """How multiple-choice questions are scored.

    Default all-or-nothing, because that is how most offices' printed papers are marked; the
    common 少选得部分分、错选不得分 rule is an option, with half points (the usual exam
    convention, and the default of that option) or points in proportion to the keys chosen.
    """

    multiple: str = MULTIPLE_ALL_OR_NOTHING
    partial: str = PARTIAL_HALF

    def __post_init__(self) -> None:
        if self.multiple not in MULTIPLE_RULE_NAMES:
            raise ValueError(f"unknown multiple rule {self.multiple!r}")
        if self.partial not in PARTIAL_MODE_NAMES:
            raise ValueError(f"unknown partial mode {self.partial!r}")

    @property
    def description(self) -> str:
        """The rule in Chinese, for the quiz's start page and the score page."""
        if self.multiple == MULTIPLE_ALL_OR_NOTHING:
            return "多选题" + MULTIPLE_RULE_NAMES[self.multiple]
        return f"多选题{MULTIPLE_RULE_NAMES[self.multiple]}（{PARTIAL_MODE_NAMES[self.partial]}）"

    def to_json(self) -> dict[str, str]:
        return {"multiple": self.multiple, "partial": self.partial}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> GradingRule:
        data = data or {}
        return cls(str(data.get("multiple") or MULTIPLE_ALL_OR_NOTHING),
                   str(data.get("partial") or PARTIAL_HALF))


@dataclass(frozen=True)
class Grade:
    """The verdict on one response.

    `correct` None means "not auto-graded" (简答): the UI shows the reference points instead.
    A partly right multiple answer is `correct` False with points > 0 (`partial` True): it still
    counts as a mistake for the 错题本, but earns what the rule gives.
    """

    correct: bool | None
    points: float
    max_points: float
    answered: bool
    partial: bool = False

    @property
    def fraction(self) -> float | None:
        """Share of the points earned (0..1), None when not auto-graded (the 试题分析's "r")."""
        if self.correct is None:
            return None
        return self.points / self.max_points if self.max_points else float(bool(self.correct))


# ------------------------------------------------------------------------------- folding

# Separators people use interchangeably inside one blank (科学立法、严格执法 / 科学立法，严格执法).
_EXTRA_PUNCT = set("、，,；;·•…—－-～~")


def fold(text: str) -> str:
    """A fill answer reduced to what matters: NFKC (full/half width), case-folded, without
    whitespace and punctuation (so 「、」/「，」, quotes and a final 「。」 make no difference)."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", str(text)).casefold():
        if ch.isspace() or ch in _EXTRA_PUNCT:
            continue
        if unicodedata.category(ch).startswith("P"):
            continue
        out.append(ch)
    return "".join(out)


# ------------------------------------------------------------------------------- grading


def _field(question: Any, name: str) -> Any:
    if isinstance(question, Mapping):
        return question.get(name)
    return getattr(question, name, None)


def _indexes(value: Any) -> list[int] | None:
    """Option indexes from an int or a list; None when the value is not such a thing."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return [value]
    if isinstance(value, (list, tuple, set, frozenset)):
        try:
            return [int(v) for v in value if not isinstance(v, bool)]
        except (TypeError, ValueError):
            return None
    return None


def is_blank(response: Any) -> bool:
    """True when nothing was answered (None, empty list, only blank strings)."""
    if response is None:
        return True
    if isinstance(response, bool):
        return False
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, (list, tuple)):
        return all(is_blank(r) for r in response)
    return False


def _judge_value(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in {"true", "对", "正确", "√", "t", "1"}:
            return True
        if word in {"false", "错", "错误", "×", "f", "0"}:
            return False
    if isinstance(value, int):
        return bool(value)
    return None


_CN_NUMERAL = re.compile(r"[零〇一二三四五六七八九十百千两]+")


def fold_numerals(text: str) -> str:
    """A folded answer with Chinese numerals as digits: 十五 and 15 (and 一百零五 and 105) are one
    answer to a blank on a figure. Applied to the key and the response alike."""
    from studyapp.core.outline import cn_to_int

    def digits(m: re.Match[str]) -> str:
        try:
            return str(cn_to_int(m.group(0).replace("两", "二").replace("〇", "零")))
        except ValueError:
            return m.group(0)

    return _CN_NUMERAL.sub(digits, text)


def _fill_right(key: Sequence[Any], response: Any) -> bool:
    keys = [fold(k) for k in key]
    if isinstance(response, str):
        answers = [response]
    else:
        answers = [str(r) if r is not None else "" for r in (response or [])]
    if len(answers) == len(keys):
        return all(k == fold(a) or (_has_number(k) and fold_numerals(k) == fold_numerals(fold(a)))
                   for k, a in zip(keys, answers, strict=False))
    # All blanks typed in one field (or split differently): compare the whole.
    whole, typed = "".join(keys), "".join(fold(a) for a in answers)
    return whole == typed or (_has_number(whole) and fold_numerals(whole) == fold_numerals(typed))


def _has_number(key: str) -> bool:
    """Only a key that is a figure gets numerals folded (「统一」 typed 「统1」 is no answer)."""
    return bool(re.fullmatch(r"[0-9零〇一二三四五六七八九十百千两万.]+[^0-9零〇一二三四五六七八九十百千两万]{0,4}", key))


def grade(
    question: Any,
    response: Any,
    rule: GradingRule | None = None,
    points: float = 1.0,
) -> Grade:
    """Grade `response` against `question` (a mapping or object with `type` and `answer`).

    `points` is what the question is worth in this paper (blueprints give each type its own).
    """
    rule = rule or GradingRule()
    qtype = str(_field(question, "type"))
    key = _field(question, "answer")
    if qtype == "short":
        return Grade(None, 0.0, points, answered=not is_blank(response))
    if is_blank(response):
        return Grade(False, 0.0, points, answered=False)

    if qtype == "single":
        got = _indexes(response)
        want = _indexes(key)
        right = got is not None and want is not None and sorted(set(got)) == sorted(set(want))
        return Grade(right, points if right else 0.0, points, answered=True)

    if qtype == "judge":
        got_j = _judge_value(response)
        right = got_j is not None and got_j == bool(key)
        return Grade(right, points if right else 0.0, points, answered=True)

    if qtype == "multiple":
        got_set = set(_indexes(response) or [])
        want_set = set(_indexes(key) or [])
        if got_set == want_set:
            return Grade(True, points, points, answered=True)
        if rule.multiple == MULTIPLE_PARTIAL and got_set and got_set < want_set:
            if rule.partial == PARTIAL_PROPORTIONAL:
                earned = points * len(got_set) / len(want_set)
            else:
                earned = points / 2
            return Grade(False, round(earned, 2), points, answered=True, partial=True)
        return Grade(False, 0.0, points, answered=True)

    if qtype == "fill":
        keys = list(key) if isinstance(key, (list, tuple)) else [key]
        right = _fill_right([str(k) for k in keys], response)
        return Grade(right, points if right else 0.0, points, answered=True)

    log.warning("cannot grade a question of type %r", qtype)
    return Grade(None, 0.0, points, answered=True)


# ------------------------------------------------------------------------------- display

LETTERS = "ABCDEFGH"


def answer_text(qtype: str, answer: Any) -> str:
    """An answer (key or response) as the learner reads it: C / ABD / 正确 / 科学发展观；社会稳定."""
    if answer is None or (isinstance(answer, (list, tuple)) and not answer and qtype != "fill"):
        return "（未作答）"
    if qtype in ("single", "multiple"):
        idx = _indexes(answer) or []
        return "".join(LETTERS[i] for i in sorted(set(idx)) if 0 <= i < len(LETTERS))
    if qtype == "judge":
        value = _judge_value(answer)
        return "正确" if value else "错误"
    if isinstance(answer, (list, tuple)):
        return "；".join(str(a) for a in answer)
    return str(answer)
