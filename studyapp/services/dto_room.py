"""Plain data of the meeting-room mode that the services hand to ui/ (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studyapp.core.contest import ContestSetup, PaperItem

KIND_NAMES: dict[str, str] = {
    "reading": "集体领学",
    "quiz": "集体测验",
    "contest": "知识竞赛",
    "paper": "纸质测验",
}


@dataclass(frozen=True)
class RunInfo:
    """A room run as the 「继续上次的…」 list shows it."""

    id: int
    kind: str
    session_id: int | None
    document_id: int | None
    title: str
    status: str  # open | finished
    created_at: str  # ISO
    updated_at: str
    session_label: str = ""  # 「2015-04-15 集中学习 乡政府二楼会议室」
    event_count: int = 0

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def label(self) -> str:
        """「知识竞赛：《…》（2015-04-15 集中学习），上次操作 14:32」."""
        when = self.updated_at[11:16] if len(self.updated_at) >= 16 else self.updated_at
        day = self.updated_at[:10]
        parts = [f"{self.kind_name}：{self.title}" if self.title else self.kind_name]
        if self.session_label:
            parts.append(f"（{self.session_label}）")
        parts.append(f"，上次操作 {day} {when}")
        return "".join(parts)


@dataclass(frozen=True)
class RunView:
    """A run with everything needed to put the room back where it was."""

    info: RunInfo
    setup: dict[str, Any]
    state: dict[str, Any]
    events: tuple[dict[str, Any], ...] = ()

    @property
    def contest_setup(self) -> ContestSetup:
        return ContestSetup.from_json(self.setup.get("contest") or {})


@dataclass(frozen=True)
class RoomQuestion:
    """A question as the projector and the console show it."""

    index: int  # 0-based position in the run
    id: int
    type: str
    type_name: str  # 单选题 …
    stem: str
    options: tuple[str, ...]
    answer: Any
    answer_text: str  # B / ABD / 正确 / 依法治市；法治保障 / the reference points
    quote: str  # the source sentence (出处)
    source: str  # the section heading
    explanation: str = ""

    @property
    def correct_options(self) -> tuple[int, ...]:
        """Option indexes to mark green when the answer is shown."""
        if self.type in ("single", "multiple"):
            ans = self.answer if isinstance(self.answer, (list, tuple)) else [self.answer]
            return tuple(int(a) for a in ans if a is not None)
        return ()


@dataclass(frozen=True)
class RoomPage:
    """One page of 集体领学: a section (or the document's cover, section_id None)."""

    index: int
    section_id: int | None
    heading: str  # 「1.指导思想」 or the document title on the cover
    breadcrumb: str  # 「一、全面推进依法治市的总体要求」 (ancestors), "" at the top
    text: str
    note: str = ""  # cover only: the adoption note


@dataclass(frozen=True)
class Attendee:
    """Someone present at the session (出席 or 迟到), for teams and the score grid."""

    person_id: int
    name: str  # display name (with unit when two people share a name)
    unit: str = ""


@dataclass(frozen=True)
class PaperSheet:
    """The 纸质测验 score-entry grid: people × questions, with what was typed so far.

    `items` per variant (A/B have the same questions in another order); `cells` maps
    (person_id, column) → typed text; `variant_of` gives each person's paper (A by default).
    """

    run_id: int
    session_id: int | None
    title: str
    full_marks: float
    items: dict[str, tuple[PaperItem, ...]]
    people: tuple[Attendee, ...]
    cells: dict[tuple[int, int], str] = field(default_factory=dict)
    variant_of: dict[int, str] = field(default_factory=dict)
    saved: bool = False

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(self.items)

    def variant(self, person_id: int) -> str:
        return self.variant_of.get(person_id, self.variants[0] if self.items else "A")


@dataclass(frozen=True)
class RankingRow:
    rank: int
    name: str
    members: str
    score: float
    right: int
    wrong: int


@dataclass(frozen=True)
class ContestRanking:
    """The final ranking as saved to the session and printed."""

    run_id: int
    session_id: int | None
    title: str
    date: str | None
    place: str
    host: str
    rows: tuple[RankingRow, ...]
    base_score: float
    question_count: int
    individual: bool = False
