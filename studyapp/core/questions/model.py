"""Plain question data: what generators produce, the verifier checks and the CLI prints.

Kept free of Qt and SQL so that the bank file, the database layer and the command line
all share one JSON shape (`studyapp questions FILE --json`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

QUESTION_TYPES: tuple[str, ...] = ("single", "multiple", "judge", "fill", "short")
TYPE_NAMES: dict[str, str] = {
    "single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答",
}
BLANK = "____"
# tags a question may carry: what it asks about
TAGS: tuple[str, ...] = ("原则", "措施", "目标", "要求", "概念", "职责", "程序", "权限", "思想", "内容")

Answer = list[int] | bool | list[str]


def make_id(qtype: str, stem: str, section: list[str], quote: str) -> str:
    """Short stable id: the same question text from the same place always gets the same id,
    so a regenerated bank can be matched against the reviewed one."""
    raw = "\x1f".join([qtype, stem, "/".join(section), quote])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


@dataclass
class Question:
    """One question with its key and the sentence that proves it.

    `answer`: option indexes (single, multiple), a bool (judge), one string per "____"
    (fill) or the reference points (short). `source` = {"section": [label path],
    "quote": verbatim sentence}.
    """

    type: str
    stem: str
    options: list[str] = field(default_factory=list)
    answer: Any = None
    explanation: str = ""
    source: dict[str, Any] = field(default_factory=lambda: {"section": [], "quote": ""})
    tags: list[str] = field(default_factory=list)
    difficulty: int = 2
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = make_id(self.type, self.stem, list(self.source.get("section", [])),
                              self.source.get("quote", ""))

    @property
    def quote(self) -> str:
        return str(self.source.get("quote", ""))

    @property
    def section(self) -> list[str]:
        return list(self.source.get("section", []))

    def to_json(self) -> dict[str, Any]:
        """The CLI contract's dict (plus difficulty); key order fixed for diff-friendly files."""
        answer: Any = self.answer
        if isinstance(answer, list):
            answer = list(answer)
        return {
            "id": self.id,
            "type": self.type,
            "stem": self.stem,
            "options": list(self.options),
            "answer": answer,
            "explanation": self.explanation,
            "source": {"section": list(self.section), "quote": self.quote},
            "tags": list(self.tags),
            "difficulty": self.difficulty,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | str) -> Question:
        if isinstance(data, str):
            data = json.loads(data)
        assert isinstance(data, dict)
        src = data.get("source") or {}
        answer = data.get("answer")
        if isinstance(answer, list):
            answer = list(answer)
        return cls(
            type=str(data["type"]),
            stem=str(data["stem"]),
            options=[str(o) for o in data.get("options") or []],
            answer=answer,
            explanation=str(data.get("explanation") or ""),
            source={"section": [str(s) for s in src.get("section") or []],
                    "quote": str(src.get("quote") or "")},
            tags=[str(t) for t in data.get("tags") or []],
            difficulty=int(data.get("difficulty") or 2),
            id=str(data.get("id") or ""),
        )


@dataclass
class BankResult:
    """What generation returns: the accepted questions, the drop count per verifier reason,
    and counts for the closing note / progress display."""

    questions: list[Question]
    dropped: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> list[dict[str, Any]]:
        return [q.to_json() for q in self.questions]
