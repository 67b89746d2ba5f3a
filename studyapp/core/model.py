"""Plain data of a parsed document: what the parser returns and the services store.

No Qt, no SQL. `ParsedDocument.to_json()` is the shape of `studyapp outline --json`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class UserError(Exception):
    """What a user can act on: the message is Chinese, says what is wrong and what to do, and is
    shown as-is (never a traceback). The base of every such error (StorageError, NotFoundError,
    AttemptClosedError …); the CLI exits 2 on it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DocumentError(UserError):
    """A document that cannot be read or understood: wrong encoding, empty, binary, broken."""


class AlreadyImported(DocumentError):
    """The same text is already in the 文件库: nothing was stored; `document_id` is the copy."""

    def __init__(self, message: str, document_id: int) -> None:
        super().__init__(message)
        self.document_id = document_id


class Cancelled(Exception):
    """Long work stopped because the user cancelled it."""


# progress(done, total, message_zh); total 0 means "unknown"
ProgressFn = Callable[[int, int, str], None]


class CancelToken:
    """Set by the GUI thread, polled by long work (which then raises Cancelled)."""

    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled


@dataclass
class ParsedSection:
    """One node of the document tree.

    `kind` names the numbering style ("bian", "zhang", "jie", "tiao", "cn", "paren_cn",
    "arabic", "paren_arabic", "circled", "para") so levels can be styled; `number` is its value.
    """

    label: str
    title: str
    text: str
    kind: str = ""
    number: int = 0
    children: list[ParsedSection] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "children": [c.to_json() for c in self.children],
        }

    def walk(self):
        """Yield this section and all descendants in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ParsedDocument:
    title: str
    note: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    truncated: bool = False
    preamble: str = ""
    sections: list[ParsedSection] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "note": self.note,
            "meta": dict(self.meta),
            "truncated": self.truncated,
            "preamble": self.preamble,
            "sections": [s.to_json() for s in self.sections],
        }

    def walk(self):
        for s in self.sections:
            yield from s.walk()


@dataclass
class LoadedText:
    """Text extracted from a file, before parsing.

    `text` uses "\n" line breaks. `encoding` is what was detected for plain text files.
    """

    text: str
    source_name: str
    file_kind: str  # "txt" | "docx" | "pdf" | "paste"
    encoding: str | None = None


def label_gap(label: str) -> str:
    """What sets a title off its label: a full-width space after a label that ends on its
    ordinal word (「第二条　适用范围」, as the printed text sets it); nothing after 「一、」「（一）」
    「附件：」, which carry their own punctuation."""
    return "　" if label[-1:] in "编章节条" or label.endswith("部分") else ""


def section_heading(label: str, title: str, text: str) -> str:
    """How every screen, form and list names a section: its label and title, or — untitled —
    its label and the start of its text (「（三）严格规范公正文明执法…」)."""
    if title:
        return f"{label}{label_gap(label)}{title}"
    excerpt = (text or "").strip().replace("\n", " ")[:18]
    return f"{label}{excerpt}…" if excerpt else label
