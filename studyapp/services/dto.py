"""Plain data returned by services to the UI and the CLI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

# progress(done, total, message_zh); total 0 means "unknown"
ProgressFn = Callable[[int, int, str], None]


class CancelToken:
    """Set by the GUI thread, polled by long work (which then raises core.model.Cancelled)."""

    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled


@dataclass(frozen=True)
class ImportResult:
    document_id: int
    session_id: int | None
    title: str
    section_count: int
    truncated: bool


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
        if self.title:
            return f"{self.label}{self.title}"
        excerpt = self.text.strip().replace("\n", " ")[:18]
        return f"{self.label}{excerpt}…" if excerpt else self.label


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
