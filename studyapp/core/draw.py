"""Drawing questions that belong together on one paper or in one quiz: none gives another away,
and one wording does not fill a whole part.

Every assembler uses this — the printed paper, the timed exam, practice and the meeting room —
so the class of bug is gone everywhere at once: a fill's answer printed in another question's
stem, a choice whose key a True/False statement quotes, nine single-choice questions of ten that
all ask 「括号中应填入的是？」. Pure Python; deterministic for a seed.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

_WS = re.compile(r"\s+")
_BLANKS = re.compile(r"_{2,}|（[\s\u3000]*）|\([\s\u3000]*\)")
_NEGATIVE = re.compile(r"不属于|不包括|不是|错误|不正确|不符合")
_DIGITS = re.compile(r"[\d零〇一二三四五六七八九十百千两]+")


def _norm(s: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFKC", s or ""))


def answer_keys(qtype: str, stem: str, options: Sequence[str], answer: Any) -> list[str]:
    """What a question asks the learner to know: a fill's answers, a choice's right options
    (the odd one out of a 「不包括」 question gives nothing away), a short answer's points."""
    if qtype == "fill" or qtype == "short":
        items = answer if isinstance(answer, (list, tuple)) else [answer]
        return [str(a) for a in items if a]
    if qtype in ("single", "multiple") and isinstance(answer, (list, tuple)):
        if _NEGATIVE.search(stem.rsplit("”", 1)[-1]):
            return []
        return [options[i] for i in answer if isinstance(i, int) and 0 <= i < len(options)]
    return []


def shown_text(stem: str, options: Sequence[str]) -> str:
    """Everything a question prints: its stem and its options."""
    return _norm(stem + "".join(options))


def _printed(key: str, shown: str) -> bool:
    """Whether a key stands in a text: anywhere for three characters or more; a two-character
    key only on its own (「警告、记过」, not the 备案 of 备案审查)."""
    k = _norm(key)
    if len(k) < 2:
        return False
    if len(k) >= 3:
        return k in shown
    return re.search(rf"(?<![\u4e00-\u9fff]){re.escape(k)}(?![\u4e00-\u9fff])", shown) is not None


def leaks(keys_a: Sequence[str], shown_a: str, keys_b: Sequence[str], shown_b: str) -> bool:
    """Whether either question prints what the other asks."""
    return any(_printed(k, shown_b) for k in keys_a) or any(_printed(k, shown_a) for k in keys_b)


def wording(qtype: str, stem: str) -> str:
    """The fixed wording a stem is asked in (its frame without the text it quotes): stems that
    share it read as one question asked again. The last clause after the quoted text, with
    numbers and blanks masked, is what the generator and the reviewers vary."""
    s = _BLANKS.sub("□", _norm(stem))
    s = _DIGITS.sub("#", s)
    tail = re.split(r"[。；;”]", s.rstrip("。？?"))[-1]
    return f"{qtype}:{tail[-10:]}"


def _describe(q: Any) -> tuple[str, str, Sequence[str], Any]:
    """Bank views, ORM rows and the drawing code's SourceQuestion all carry these four."""
    return q.type, q.stem, tuple(q.options or ()), q.answer


class Drawer:
    """Picks questions so that no two of them leak into each other, the wordings of a type
    spread as evenly as the bank allows."""

    def __init__(self, describe: Callable[[Any], tuple[str, str, Sequence[str], Any]] = _describe) -> None:
        # describe(q) -> (type, stem, options, answer)
        self._describe = describe
        self.chosen: list[Any] = []
        self._keys: list[list[str]] = []
        self._shown: list[str] = []

    def _facts(self, q: Any) -> tuple[list[str], str]:
        qtype, stem, options, answer = self._describe(q)
        return answer_keys(qtype, stem, options, answer), shown_text(stem, options)

    def fits(self, q: Any) -> bool:
        keys, shown = self._facts(q)
        return not any(leaks(keys, shown, k, s) for k, s in zip(self._keys, self._shown, strict=False))

    def add(self, q: Any) -> None:
        keys, shown = self._facts(q)
        self.chosen.append(q)
        self._keys.append(keys)
        self._shown.append(shown)

    def take(self, candidates: Sequence[T], count: int, rng: random.Random) -> list[T]:
        """Up to `count` of `candidates` (a type's pool), leak-free against everything taken so
        far, one wording after another in turn; if the bank cannot give that many without a
        leak, the rest are the ones that leak least recently added (never a short paper)."""
        groups: dict[str, list[T]] = {}
        order = list(candidates)
        rng.shuffle(order)
        for q in order:
            qtype, stem, _, _ = self._describe(q)
            groups.setdefault(wording(qtype, stem), []).append(q)
        # round-robin over wordings: the largest group is not drawn from twice in a row
        queues = sorted(groups.values(), key=len, reverse=True)
        ordered: list[T] = []
        while any(queues):
            for qs in queues:
                if qs:
                    ordered.append(qs.pop(0))
        taken: list[T] = []
        held: list[T] = []
        for q in ordered:
            if len(taken) >= count:
                break
            if self.fits(q):
                self.add(q)
                taken.append(q)
            else:
                held.append(q)
        for q in held:  # a bank too small to avoid every leak still gives the paper it can
            if len(taken) >= count:
                break
            self.add(q)
            taken.append(q)
        return taken
