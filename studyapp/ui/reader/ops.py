"""The reader's operations (ui/ops.py): reading marks, notes, the reader's own settings and
find. The widgets of ui/reader call these, never a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from studyapp.services import documents, reading
from studyapp.services import settings as settings_service
from studyapp.services.dto import DocumentView, NoteView, SearchHit
from studyapp.ui.ops import Changes, CollectionOp, QueryOp


# reads kept synchronous, each one short and needed before anything can be drawn --------------
def document_now(ctx, document_id: int) -> DocumentView:  # noqa: ANN001 - AppContext
    """The document to show: its outline and text, which the page is built from."""
    return documents.get_document(ctx, document_id)


def setting_now(ctx, key: str):  # noqa: ANN001, ANN201 - AppContext → the setting's value
    """One of the reader's settings (font size, how long until a section counts as read)."""
    return settings_service.get_setting(ctx, key)


# reads ----------------------------------------------------------------------------------------
def note(parent: QObject, section_id: int, success: Callable[[NoteView], Any]) -> QueryOp:
    """A section's note with its version (a save names it: services.reading.save_note)."""
    return QueryOp(parent, lambda ctx: reading.read_note(ctx, section_id), success).titled("笔记")


def search(parent: QObject, document_id: int, query: str, limit: int,
           success: Callable[[list[SearchHit]], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: documents.search(ctx, document_id, query, limit=limit), success) \
        .titled("查找")


# writes ---------------------------------------------------------------------------------------
def mark_read(parent: QObject, section_id: int, document_id: int | None) -> CollectionOp:
    return CollectionOp(parent, lambda ctx: reading.mark_read(ctx, section_id),
                        Changes.reading(document_id)).titled("阅读标记")


def save_note(parent: QObject, section_id: int, text: str, document_id: int | None,
              wait_ms: int | None = None, expected_version: int | None = None) -> CollectionOp:
    """The note's version once stored; an EditConflict for a note another program saved since
    `expected_version` was read (None: over whatever is there)."""
    return CollectionOp(parent, lambda ctx: reading.save_note(ctx, section_id, text, wait_ms=wait_ms,
                                                              expected_version=expected_version),
                        Changes.reading(document_id)).titled("保存笔记")


def remember(parent: QObject, key: str, value) -> CollectionOp:  # noqa: ANN001 - a setting's value
    """Where the reader is, its font size: remembered for the next start."""
    return CollectionOp(parent, lambda ctx: settings_service.remember(ctx, key, value),
                        Changes.of("settings")).titled("设置")
