"""Plain data of the study records (roster, sessions, attendance, scores, 学时) for ui/ and cli/.

A module of its own beside dto.py so the records and the question bank can change in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studyapp.core.stats import ItemStat, ScoreStats

STUDY_MODES: tuple[str, ...] = ("集中学习", "个人自学", "专题辅导", "研讨交流", "视频学习", "其他")
STATUS_NAMES: dict[str, str] = {"present": "出席", "leave": "请假", "absent": "缺席", "late": "迟到"}


def display_names(people: list[tuple[str, str]]) -> list[str]:
    """「王伟（乡党委）」 only where a name occurs more than once, so namesakes are told apart."""
    counts: dict[str, int] = {}
    for name, _ in people:
        counts[name] = counts.get(name, 0) + 1
    return [f"{n}（{u}）" if counts[n] > 1 and u else n for n, u in people]


@dataclass(frozen=True)
class PersonView:
    """A person of the roster. `display_name` is the name, with the unit when it is shared."""

    id: int
    name: str
    unit: str
    post: str
    sort_no: float
    note: str
    active: bool
    groups: tuple[str, ...] = ()
    display_name: str = ""
    version: int = 1  # raised by every change (services.roster: a stale save is an EditConflict)

    @property
    def sort_key(self) -> float:  # what core.names.order_people reads for roster order
        return self.sort_no


@dataclass(frozen=True)
class GroupView:
    id: int
    name: str
    note: str
    size: int


@dataclass(frozen=True)
class PersonDraft:
    """What a form types for a new or changed person."""

    name: str
    unit: str = ""
    post: str = ""
    sort_no: float | None = None  # None: after everyone else
    note: str = ""
    active: bool = True
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class RosterPreviewRow:
    """A line of the file and what committing it will do: 新增 (new), 更新 (update), 不变 (same)."""

    line: int
    name: str
    unit: str
    post: str
    sort_no: float | None
    groups: tuple[str, ...]
    note: str
    action: str  # new | update | same
    person_id: int | None = None

    @property
    def action_name(self) -> str:
        return {"new": "新增", "update": "更新", "same": "不变"}[self.action]


@dataclass(frozen=True)
class RosterPreview:
    """The parsed file before anything is stored; errors and warnings are Chinese, one per line."""

    source_name: str
    rows: tuple[RosterPreviewRow, ...] = ()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        out = {"new": 0, "update": 0, "same": 0}
        for r in self.rows:
            out[r.action] += 1
        return out


@dataclass(frozen=True)
class RosterImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    groups_created: int = 0
    skipped: int = 0  # lines with errors left out (only with skip_invalid)


@dataclass(frozen=True)
class SessionDraft:
    """Fields of a study session as a form or the CLI gives them.

    `date` accepts 2015.4.15, 2015年4月15日, 2015-04-15 (or a date). `hours` None: worked out
    from the times and the hours.* settings. `section_ids` are sections of `document_id`.
    """

    date: Any = None
    start_time: str | None = None
    end_time: str | None = None
    mode: str = "集中学习"
    place: str = ""
    leader: str = ""
    host: str = ""
    recorder: str = ""
    participants: str = ""
    content: str = ""
    document_id: int | None = None
    section_ids: tuple[int, ...] = ()
    summary: str = ""
    test_summary: str = ""
    hours: float | None = None
    full_marks: float = 100.0


@dataclass(frozen=True)
class AttendanceCounts:
    expected: int = 0  # 应到
    present: int = 0  # 出席 (on time)
    late: int = 0
    leave: int = 0
    absent: int = 0
    unmarked: int = 0

    @property
    def attended(self) -> int:
        """实到: present or late."""
        return self.present + self.late


@dataclass(frozen=True)
class SessionDetail:
    """Everything a 学习记录 shows about a session."""

    id: int
    date: str | None
    start_time: str | None
    end_time: str | None
    mode: str
    place: str
    leader: str
    host: str
    recorder: str
    participants: str
    content: str
    document_id: int | None
    document_title: str
    section_ids: tuple[int, ...]
    section_headings: tuple[str, ...]
    summary: str
    test_summary: str
    hours: float | None  # as stored
    effective_hours: float  # what each attendee is credited
    full_marks: float
    counts: AttendanceCounts = field(default_factory=AttendanceCounts)
    version: int = 1  # raised by every change (services.sessions: a stale save is an EditConflict)

    @property
    def time_text(self) -> str:
        if self.start_time and self.end_time:
            return f"{self.start_time}—{self.end_time}"
        return self.start_time or ""


@dataclass(frozen=True)
class AttendanceRow:
    person_id: int
    name: str
    unit: str
    post: str
    sort_no: float
    display_name: str
    status: str | None  # None: not marked yet
    reason: str
    hours: float | None  # override; None = the session's
    # the row's version as read (raised by every change; 0: no row): a mark saved with it is
    # refused when another PC changed the row since (services.attendance.mark, RecordConflict)
    version: int = 0

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status or "", "未登记")

    @property
    def sort_key(self) -> float:
        return self.sort_no


@dataclass(frozen=True)
class FileImportResult:
    """What importing an attendance or score file stored (all-or-nothing: nothing on error)."""

    stored: int
    added_expected: int = 0  # people in the file who were not yet expected
    # expected people the file does not mention and nobody has marked yet: they stay 应到 and
    # are named (「王芳（司法所）」 where two share a name), never silently dropped
    missing: tuple[str, ...] = ()

    def missing_message(self) -> str:
        if not self.missing:
            return ""
        return f"以下 {len(self.missing)} 人未登记考勤：" + "、".join(self.missing)


@dataclass(frozen=True)
class ScoreRowView:
    person_id: int
    name: str
    unit: str
    sort_no: float
    display_name: str
    score: float | None  # None: 缺考
    note: str
    rank: int | None
    # the score row's version as read (raised by every change): a score saved with it is refused
    # when another PC changed it since (services.scores.set_score, RecordConflict)
    version: int = 1

    @property
    def sort_key(self) -> float:
        return self.sort_no


@dataclass(frozen=True)
class ItemView:
    """A question's line of the 试题分析; `question_id` links to the 题库 when known."""

    stat: ItemStat
    question_id: int | None = None


@dataclass(frozen=True)
class SessionScores:
    session_id: int
    full_marks: float
    rows: tuple[ScoreRowView, ...]
    stats: ScoreStats
    items: tuple[ItemView, ...] = ()


@dataclass(frozen=True)
class HoursRow:
    person_id: int
    name: str
    unit: str
    post: str
    display_name: str
    hours: float
    sessions: int
    short: float  # how many 学时 are missing to the target (0 when reached)

    @property
    def reached(self) -> bool:
        return self.short <= 0


@dataclass(frozen=True)
class HoursLedger:
    """学时台账 of a year: every active person (and anyone with hours), against one target."""

    year: int
    target: float
    rows: tuple[HoursRow, ...] = ()

    @property
    def short(self) -> tuple[HoursRow, ...]:
        return tuple(r for r in self.rows if not r.reached)
