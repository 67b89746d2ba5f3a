"""Plain data returned by services to the UI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from studyapp.core.model import CancelToken, ProgressFn, section_heading  # noqa: F401 - part of this API


@dataclass(frozen=True)
class ImportResult:
    document_id: int
    session_id: int | None
    title: str
    section_count: int
    truncated: bool
    title_guessed: bool = False  # no heading read as a title: named after the file, to be confirmed


@dataclass(frozen=True)
class DocumentInfo:
    """A row of the 文件库."""

    id: int
    title: str
    note: str
    adopted_on: str | None  # "YYYY-MM-DD" taken from the adoption note, if any
    section_count: int
    read_count: int  # sections marked read (leaf and inner sections alike)
    progress: float  # read_count / section_count, 0..1
    imported_at: str  # ISO timestamp
    source_name: str
    version: int = 1  # raised by every rename: a rename from a stale list is caught


@dataclass(frozen=True)
class NoteView:
    """A section's note as read: its text and its version (0: none stored yet), which a save
    names so a note someone else saved since is not overwritten unasked."""

    text: str
    version: int


@dataclass(frozen=True)
class SectionView:
    """One section, flattened in reading order; parent_id None for top level."""

    id: int
    parent_id: int | None
    depth: int  # 0 for top level
    ordinal: int  # position in reading order, 0-based
    label: str
    title: str
    text: str
    kind: str
    path: tuple[str, ...]  # labels from the top: ("一、", "1.")
    is_read: bool = False
    has_note: bool = False

    @property
    def heading(self) -> str:
        """What the tree shows: label and title, or the start of the text when untitled."""
        return section_heading(self.label, self.title, self.text)


@dataclass(frozen=True)
class DocumentView:
    id: int
    title: str
    note: str
    meta: dict[str, str]
    truncated: bool
    preamble: str
    sections: list[SectionView] = field(default_factory=list)


@dataclass(frozen=True)
class SearchHit:
    """A find result. section_id None means the hit is in the preamble.

    `start`/`end` index into the field's text (title or text), `snippet` has ±20 chars around.
    """

    section_id: int | None
    field: str  # "title" | "text" | "preamble"
    start: int
    end: int
    snippet: str
    heading: str  # heading of the section (or "导语")


@dataclass(frozen=True)
class SessionInfo:
    """A study session (学习会/学习记录)."""

    id: int
    date: str | None  # YYYY-MM-DD
    mode: str
    place: str
    leader: str
    host: str
    recorder: str
    participants: str
    document_id: int | None
    expected: int
    present: int


@dataclass(frozen=True)
class SessionPage:
    """A stretch of the 学习会 list (newest first) as a screen asks for it: the rows from
    `offset`, how many there are in all, and the latest session someone worked on (the one
    with attendance, which the list opens on) wherever it is in the list."""

    infos: list[SessionInfo]
    offset: int
    total: int
    latest_worked: int | None = None


# ---------------------------------------------------------------------------------- question bank


class QuestionRow(NamedTuple):
    """One question as the 题库's list shows it: what a row, the filters and the decisions need
    (its section, type, status, stem, version), read without the JSON columns (options, answer,
    tags, source path) that a county's bank of 5,000 questions spent most of its list read
    decoding. The whole question (QuestionView) is read only for the one previewed or edited.
    A named tuple, made straight from the database's row: 5,000 of them cost a quarter of what
    frozen dataclasses did."""

    id: int
    section_id: int | None
    section_ordinal: int  # reading order; -1 when the question has no section (any more)
    type: str
    status: str
    origin: str
    stem: str
    version: int
    has_quote: bool  # (查看原文 has something to find)


@dataclass(frozen=True)
class QuestionView:
    """One stored question of a bank, with where it comes from (for the 题库 screen and quizzes).

    `answer`: option indexes (single, multiple), a bool (judge), one string per "____" (fill)
    or the reference points (short) — the shape of `studyapp questions --json`.
    `section_id` None means the question's section no longer exists (or it has none);
    `section_ordinal` orders questions by reading order (-1 when there is no section).
    """

    id: int
    uid: str
    document_id: int
    section_id: int | None
    section_ordinal: int
    section_heading: str  # "一、坚持…" / "1.健全…"; "" when there is no section
    section_path: tuple[str, ...]  # label path, as in the source of the CLI's JSON
    type: str  # single | multiple | judge | fill | short
    stem: str
    options: tuple[str, ...]
    answer: Any
    explanation: str
    quote: str
    tags: tuple[str, ...]
    difficulty: int  # 1 易, 2 中, 3 难
    origin: str  # generated | edited | manual | imported
    status: str  # draft | approved | retired
    created_at: str  # ISO timestamps
    updated_at: str
    reviewed_at: str | None
    version: int = 1  # raised by every change (services.bank: a stale edit or decision is an EditConflict)

    @property
    def type_name(self) -> str:
        """单选/多选/判断/填空/简答."""
        return QUESTION_TYPE_NAMES.get(self.type, self.type)

    @property
    def status_name(self) -> str:
        return QUESTION_STATUS_NAMES.get(self.status, self.status)

    @property
    def origin_name(self) -> str:
        return QUESTION_ORIGIN_NAMES.get(self.origin, self.origin)

    def to_json(self) -> dict[str, Any]:
        """The CLI contract's dict (id is the uid), plus difficulty, origin and status."""
        answer = list(self.answer) if isinstance(self.answer, (list, tuple)) else self.answer
        return {
            "id": self.uid,
            "type": self.type,
            "stem": self.stem,
            "options": list(self.options),
            "answer": answer,
            "explanation": self.explanation,
            "source": {"section": list(self.section_path), "quote": self.quote},
            "tags": list(self.tags),
            "difficulty": self.difficulty,
            "origin": self.origin,
            "status": self.status,
        }


QUESTION_TYPE_NAMES: dict[str, str] = {
    "single": "单选题", "multiple": "多选题", "judge": "判断题", "fill": "填空题", "short": "简答题",
}
# the words every screen, file and command uses for a question's status and origin
QUESTION_STATUS_NAMES: dict[str, str] = {"draft": "草稿", "approved": "已审核", "retired": "已停用"}
QUESTION_ORIGIN_NAMES: dict[str, str] = {
    "generated": "生成", "edited": "修改", "manual": "手工", "imported": "导入",
}


@dataclass(frozen=True)
class QuestionDraft:
    """What an editor types for a new or changed question (add_manual_question/update_question).

    `section_id` None on update keeps the stored section; `quote` "" on a manual question means
    "no source sentence" (allowed, with a warning: it cannot be checked against the text).
    """

    type: str
    stem: str
    options: tuple[str, ...] | list[str] = ()
    answer: Any = None
    explanation: str = ""
    quote: str = ""
    tags: tuple[str, ...] | list[str] = ()
    difficulty: int = 2
    section_id: int | None = None


@dataclass(frozen=True)
class QuestionSaved:
    """A saved question and what the verifier says about it (warnings in Chinese, may be empty)."""

    question: QuestionView
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusOutcome:
    """What 审核通过 / 停用 / 恢复 of questions as the list showed them did: `changed` questions
    changed; `stale` (ids) were changed by someone else since the list was read and were left
    as they are (the reviewer has not seen what they say now); `refused` (Chinese messages)
    were malformed and not approved."""

    changed: int
    stale: tuple[int, ...] = ()
    refused: tuple[str, ...] = ()


@dataclass(frozen=True)
class GenerateResult:
    """What (re)generating a bank did. `dropped`: questions the verifier refused, per reason."""

    document_id: int
    generated: int  # questions the generator produced that passed the verifier
    added: int  # new drafts stored
    refreshed: int  # unreviewed drafts replaced by their new version
    kept: int  # reviewed questions (approved/edited/retired/manual/imported) left untouched
    removed: int  # unreviewed drafts the generator no longer produces
    dropped: dict[str, int] = field(default_factory=dict)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())


@dataclass(frozen=True)
class BankCounts:
    """Questions of a document per status, type and origin (all statuses in by_type/by_origin)."""

    draft: int = 0
    approved: int = 0
    retired: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_origin: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.draft + self.approved + self.retired


@dataclass(frozen=True)
class QuoteLocation:
    """Where a question's source sentence is, for 「查看原文」: offsets into the section's field."""

    section_id: int
    field: str  # "text" | "title"
    start: int
    end: int


@dataclass(frozen=True)
class BankImportReport:
    """What importing a bank file or an Excel sheet did (all-or-nothing: errors mean nothing stored).

    `errors` are Chinese, one per problem, e.g. 「第 5 行：答案“E”超出了选项范围」.
    """

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors
