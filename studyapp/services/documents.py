"""Documents: import, list, view, rename, delete, find."""

from __future__ import annotations

from pathlib import Path

from studyapp.services.context import AppContext
from studyapp.services.dto import (
    CancelToken,
    DocumentInfo,
    DocumentView,
    ImportResult,
    ProgressFn,
    SearchHit,
)


def import_file(
    ctx: AppContext,
    path: Path,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Load, parse and store a document file, and the study session of its header if any.

    Bad input raises core.model.DocumentError (Chinese message) and stores nothing.
    """
    raise NotImplementedError


def import_text(
    ctx: AppContext,
    text: str,
    *,
    source_name: str = "粘贴导入",
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ImportResult:
    """Parse and store pasted text (粘贴导入)."""
    raise NotImplementedError


def ensure_seed(ctx: AppContext) -> int | None:
    """On first start, import the bundled seed document; return its id (None if already done)."""
    raise NotImplementedError


def list_documents(ctx: AppContext) -> list[DocumentInfo]:
    raise NotImplementedError


def get_document(ctx: AppContext, document_id: int) -> DocumentView:
    """The whole document with sections flattened in reading order, with read/note marks."""
    raise NotImplementedError


def rename_document(ctx: AppContext, document_id: int, title: str) -> None:
    """Empty or whitespace-only title raises DocumentError."""
    raise NotImplementedError


def delete_document(ctx: AppContext, document_id: int) -> None:
    """Remove a document with its sections, marks and notes (sessions keep their record)."""
    raise NotImplementedError


def search(ctx: AppContext, document_id: int, query: str, *, limit: int = 500) -> list[SearchHit]:
    """Find `query` in the preamble, titles and texts, in reading order (case/width-insensitive)."""
    raise NotImplementedError
