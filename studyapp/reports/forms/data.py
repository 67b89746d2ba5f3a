"""Plain data the printed forms are built from.

The services fill these from the database; the builders never see ORM objects or a session,
so a form can be built (and tested) from literals. Names are already in the office's chosen order
(see core.names.order_people) — the builders print rows in the order given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from studyapp.core.stats import ItemStat


def cn_date(value: date | None, blank: str = "    年    月    日") -> str:
    """2015年4月15日, or a blank to fill in by hand."""
    if value is None:
        return blank
    return f"{value.year}年{value.month}月{value.day}日"


@dataclass(frozen=True)
class SigninRow:
    """One line of a 签到表; the 签到 cell is always printed blank for a handwritten signature."""

    name: str
    unit: str = ""
    post: str = ""
    note: str = ""

    @property
    def unit_post(self) -> str:
        return "　".join(p for p in (self.unit, self.post) if p)


@dataclass(frozen=True)
class SigninData:
    """签到表 of one session.

    `expected` defaults to the number of rows (应到); `blank_rows` adds empty lines at the end
    for people who come without being on the list. Two variants: the sheet passed round before
    the meeting is blank for signing (no 请假/缺席 pre-printed, 实到 left to fill in); the
    archived copy (`archived`, 签到表（存档）) notes who was on leave, absent or late and the count.
    """

    unit: str
    meeting: str  # 会议名称, e.g. 《……》集中学习
    date: date | None = None
    time: str = ""  # e.g. 上午 9:00—11:30
    place: str = ""
    host: str = ""  # 主持人
    leader: str = ""  # 领学人
    rows: list[SigninRow] = field(default_factory=list)
    expected: int | None = None
    blank_rows: int = 0
    title: str = "签到表"
    archived: bool = False
    present: int | None = None  # 实到, printed on the archived copy
    tally: str = ""  # 请假 1 人，缺席 1 人，迟到 1 人 — on the archived copy

    @property
    def expected_count(self) -> int:
        return self.expected if self.expected is not None else len(self.rows)


@dataclass(frozen=True)
class Absence:
    """Someone who did not attend, and why (请假: 下村入户)."""

    name: str
    status: str = "请假"  # 请假 / 缺席 / 迟到
    reason: str = ""


@dataclass(frozen=True)
class RecordData:
    """学习记录 of one session: the bordered form every session is filed with."""

    unit: str
    date: date | None = None
    time: str = ""
    mode: str = "集中学习"
    place: str = ""
    host: str = ""
    leader: str = ""
    recorder: str = ""
    expected: int = 0
    present: int = 0
    absences: list[Absence] = field(default_factory=list)  # 请假 and 缺席 only
    late: list[str] = field(default_factory=list)  # 迟到: present, noted apart
    document: str = ""  # the document studied (title)
    sections: list[str] = field(default_factory=list)  # headings of the parts studied
    content_note: str = ""  # anything else about the content
    discussion: str = ""  # 讨论发言摘要; blank leaves room to write by hand
    test_summary: str = ""  # 测试情况; e.g. from core.stats
    hours: float | None = None  # 学时 credited to each attendee
    title: str = "学习记录"


@dataclass(frozen=True)
class ScoreRow:
    """A person's score; score None means 缺考 (no rank, not counted as 参考)."""

    name: str
    unit: str = ""
    score: float | None = None
    note: str = ""


@dataclass(frozen=True)
class ScoreSheetData:
    """成绩登记表: scores in print order, with statistics worked out by the builder."""

    unit: str
    subject: str  # what was tested, e.g. 《……》学习测试
    date: date | None = None
    rows: list[ScoreRow] = field(default_factory=list)
    full_marks: float = 100
    pass_ratio: float = 0.6
    excellent_ratio: float = 0.85
    show_rank: bool = True  # offices that do not publish ranks switch this off (减负)
    show_chart: bool = True
    items: list[ItemStat] = field(default_factory=list)  # optional 试题分析
    title: str = "成绩登记表"


@dataclass(frozen=True)
class ArchiveEntry:
    """One session in a person's year."""

    date: date | None
    mode: str
    content: str
    hours: float = 0
    score: str = ""  # already formatted: 86, 缺考, 合格 …
    note: str = ""


@dataclass(frozen=True)
class PersonalArchiveData:
    """个人学习档案: one person's sessions, 学时 and scores for a year, against the year's target."""

    unit: str
    year: int
    name: str
    person_unit: str = ""
    post: str = ""
    target_hours: float | None = None
    entries: list[ArchiveEntry] = field(default_factory=list)
    title: str = "个人学习档案"

    @property
    def total_hours(self) -> float:
        return sum(e.hours for e in self.entries)


@dataclass(frozen=True)
class SessionForms:
    """The forms of one session inside the annual archive; missing ones are skipped."""

    record: RecordData
    signin: SigninData | None = None
    scores: ScoreSheetData | None = None


@dataclass(frozen=True)
class AnnualArchiveData:
    """A year's sessions in one PDF: cover, index with page numbers, then each session's forms."""

    unit: str
    year: int
    sessions: list[SessionForms] = field(default_factory=list)
    compiled_on: date | None = None
    title: str = "学习记录汇编"
