"""Plain data of self-study (练习, 模拟考试, 错题本, 复习, 我的学习) for the UI and the CLI.

Nothing here holds a live ORM object; everything is frozen. A quiz question on screen
(`AttemptQuestion`) never carries its key: the key reaches the UI only in an `AnswerResult`,
after a practice answer or once the quiz is over.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from studyapp.services.dto import QUESTION_TYPE_NAMES, QuoteLocation

# The wrong-book rule, shown to the learner on the 错题本 screen.
WRONGBOOK_RULE = "答错的题进入错题本；之后单独再次答对一次即移出。"

SCOPE_DOCUMENT = "document"  # the whole document
SCOPE_SECTIONS = "sections"  # some parts / sections (with their subsections)
SCOPE_WRONGBOOK = "wrongbook"  # the person's 错题本
SCOPE_REVIEW = "review"  # the person's questions due for review today
SCOPE_NAMES: dict[str, str] = {
    SCOPE_DOCUMENT: "全文", SCOPE_SECTIONS: "章节", SCOPE_WRONGBOOK: "错题本", SCOPE_REVIEW: "今日复习",
}

KIND_NAMES: dict[str, str] = {"practice": "练习", "exam": "模拟考试"}
STATUS_NAMES: dict[str, str] = {"in_progress": "进行中", "submitted": "已交卷", "expired": "超时交卷"}

MASTERY_NAMES: dict[str, str] = {
    "unread": "未读", "read": "已读", "practised": "已练习", "mastered": "已掌握",
}


@dataclass(frozen=True)
class Scope:
    """What to draw questions from.

    `document_id` is required for document/sections scopes and optional for the 错题本 and
    today's reviews (None: every document). `section_ids` include their subsections.
    """

    kind: str = SCOPE_DOCUMENT
    document_id: int | None = None
    section_ids: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        return SCOPE_NAMES.get(self.kind, self.kind)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "document_id": self.document_id,
                "section_ids": list(self.section_ids)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Scope:
        data = data or {}
        return cls(str(data.get("kind") or SCOPE_DOCUMENT), data.get("document_id"),
                   tuple(int(s) for s in data.get("section_ids") or ()))


@dataclass(frozen=True)
class AttemptQuestion:
    """One question of an attempt as shown: no key. `response` is what was saved (resume).

    In a practice `correct` is filled once answered (the UI asks `practice.feedback` for the
    full explanation when it re-shows an answered question after a resume).
    """

    position: int  # 0-based; the question map shows position + 1
    question_id: int | None
    type: str
    stem: str
    options: tuple[str, ...]
    points: float
    blanks: int  # fill: how many answer fields to show
    response: Any = None
    answered: bool = False
    flagged: bool = False
    correct: bool | None = None  # practice only, after answering

    @property
    def type_name(self) -> str:
        return QUESTION_TYPE_NAMES.get(self.type, self.type)


@dataclass(frozen=True)
class AttemptView:
    """An attempt to show or resume. `remaining_s` None means untimed (practice)."""

    id: int
    person_id: int
    kind: str  # practice | exam
    status: str  # in_progress | submitted | expired
    title: str
    document_id: int | None
    scope: Scope
    questions: tuple[AttemptQuestion, ...]
    started_at: str  # ISO
    time_limit_s: int | None
    remaining_s: float | None
    full_marks: float
    session_id: int | None
    rule_text: str  # how multiple-choice questions are marked, for the start page

    @property
    def answered_count(self) -> int:
        return sum(1 for q in self.questions if q.answered)

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class AnswerResult:
    """The verdict on one answer, with everything 「在原文中查看」 needs.

    `correct` None: not auto-graded (简答) — show `right_answer_text` as reference points.
    `counted` False: a second try in a practice (checked, not recorded as a success).
    `quote_location` None when the sentence cannot be found (the question lost its section).
    """

    attempt_id: int
    position: int
    question_id: int | None
    type: str
    correct: bool | None
    points: float
    max_points: float
    partial: bool
    response: Any
    response_text: str
    right_answer: Any  # in the attempt's (shuffled) option order
    right_answer_text: str  # C / ABD / 正确 / 科学发展观
    explanation: str
    quote: str
    section_id: int | None
    section_heading: str
    quote_location: QuoteLocation | None
    counted: bool = True
    in_wrongbook: bool = False
    next_review: str | None = None  # ISO date the question comes back for review


@dataclass(frozen=True)
class SavedAnswer:
    """What saving a quiz answer (or a heartbeat) returns: no verdict, just the clock."""

    attempt_id: int
    position: int
    remaining_s: float | None
    answered_count: int


@dataclass(frozen=True)
class QuestionReview:
    """One question on the score page: the question as shown, and its verdict."""

    stem: str
    options: tuple[str, ...]
    flagged: bool
    result: AnswerResult
    answered: bool


@dataclass(frozen=True)
class ExamResult:
    """The score page of a finished attempt (practice summary or quiz result).

    `pending_manual`: 简答 questions not auto-graded (their points are not in `score`).
    """

    attempt_id: int
    kind: str
    status: str  # submitted | expired
    title: str
    score: float
    full_marks: float
    correct_count: int
    wrong_count: int
    unanswered_count: int
    pending_manual: int
    started_at: str
    submitted_at: str
    duration_s: float | None  # time used (timed quizzes), None for practice
    items: tuple[QuestionReview, ...]
    session_id: int | None = None
    session_note: str = ""  # counted for the study session, or kept out of it (never overwritten)
    pass_line: float | None = None  # 及格线 in points (records.pass_ratio of the full marks), quizzes only

    @property
    def passed(self) -> bool | None:
        """及格 against the pass line (None: a practice, or a paper with 简答 still to be marked)."""
        if self.pass_line is None or self.pending_manual:
            return None
        return self.score + 1e-9 >= self.pass_line

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.full_marks if self.full_marks else 0.0


@dataclass(frozen=True)
class UnfinishedAttempt:
    """An attempt left open (app closed or crashed) for 「继续上次的答题」."""

    id: int
    kind: str
    title: str
    started_at: str
    answered: int
    total: int
    remaining_s: float | None

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind)


@dataclass(frozen=True)
class WrongBookItem:
    """A question in a person's 错题本; `last_response` in the bank's option order."""

    question_id: int
    document_id: int
    type: str
    stem: str
    options: tuple[str, ...]
    answer_text: str
    last_response_text: str
    explanation: str
    section_id: int | None
    section_heading: str
    wrong_count: int
    first_wrong_at: str
    last_wrong_at: str

    @property
    def type_name(self) -> str:
        return QUESTION_TYPE_NAMES.get(self.type, self.type)


@dataclass(frozen=True)
class WrongBook:
    """The 错题本 of a person, most recent mistakes first, with the rule text."""

    person_id: int
    items: tuple[WrongBookItem, ...]
    cleared_count: int  # questions that have left the book
    rule_text: str = WRONGBOOK_RULE

    @property
    def count(self) -> int:
        return len(self.items)


@dataclass(frozen=True)
class DueQuestion:
    """A question due for review."""

    question_id: int
    document_id: int
    type: str
    stem: str
    section_heading: str
    due: str  # ISO
    reps: int
    lapses: int


@dataclass(frozen=True)
class SectionMastery:
    """How far a person is with one section (node of the document tree).

    `state`: unread 未读 / read 已读 / practised 已练习 / mastered 已掌握 (see mystudy).
    Counts cover the section and its subsections.
    """

    section_id: int
    state: str
    read: bool
    answered: int
    right: int
    recent: int  # answers looked at for mastery (the last N)
    recent_right: int
    questions: int  # approved questions on the section

    @property
    def state_name(self) -> str:
        return MASTERY_NAMES.get(self.state, self.state)


@dataclass(frozen=True)
class ScorePoint:
    """One score over time: a timed quiz (source "exam") or a session's test ("session")."""

    date: str  # ISO date
    score: float
    full_marks: float
    title: str
    source: str
    attempt_id: int | None = None
    session_id: int | None = None

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.full_marks if self.full_marks else 0.0


@dataclass(frozen=True)
class MyStudy:
    """我的学习: one person's reading, practice, scores and mastery (for one document)."""

    person_id: int
    document_id: int | None
    sections_read: int
    section_count: int
    practice_count: int  # finished or not
    exam_count: int  # submitted timed quizzes
    answered: int  # auto-graded answers (first tries)
    right: int
    wrongbook_count: int
    due_today: int
    scores: tuple[ScorePoint, ...] = ()
    mastery: dict[int, SectionMastery] = field(default_factory=dict)
    mastery_rule: str = ""

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answered if self.answered else None


@dataclass(frozen=True)
class FrontPage:
    """首页 of one learner: what to do next and how far they are this year."""

    person_id: int
    person_name: str
    study: MyStudy  # reading, practice, wrong answers and due reviews (for the document open)
    year: int
    hours: float  # 学时 this year, from the sessions attended
    sessions: int  # study sessions attended this year
    target: float  # the year's 学时 target
    document_title: str = ""
    section_heading: str = ""  # where the reader stands (继续阅读)
