"""The 文件库's operations (ui/ops.py): importing a file or pasted text, the list of documents,
renaming and deleting one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from studyapp.services import documents
from studyapp.services.dto import DocumentInfo, ImportResult
from studyapp.ui.ops import Changes, CollectionOp, QueryOp


def document_list(parent: QObject, success: Callable[[list[DocumentInfo]], Any]) -> QueryOp:
    """The 文件库 with each document's figures (sections, reading progress)."""
    return QueryOp(parent, lambda ctx: documents.list_documents(ctx), success).titled("文件库")


def rename_document(parent: QObject, document_id: int, title: str,
                    expected_version: int | None = None) -> CollectionOp[None]:
    """A document's title (UserError for one no form can print, or an empty one; EditConflict
    for a document renamed since `expected_version` was read — None renames it whatever it is)."""
    return CollectionOp(parent, lambda ctx: documents.rename_document(ctx, document_id, title,
                                                                      expected_version=expected_version),
                        Changes.of("documents", documents=(document_id,)) | Changes.reading(document_id)) \
        .titled("重命名文件")


def delete_document(parent: QObject, document_id: int) -> CollectionOp[None]:
    """A document with its sections, reads and notes (the study records stay)."""
    return CollectionOp(parent, lambda ctx: documents.delete_document(ctx, document_id),
                        Changes.of("documents", "bank", "reading", documents=(document_id,))).titled("删除文件")


def import_file(parent: QObject, path: Path) -> CollectionOp[ImportResult]:
    """A file into the 文件库 (with progress; cancelling stores nothing)."""
    return CollectionOp(parent, lambda ctx, progress, cancel: documents.import_file(ctx, Path(path), progress=progress,
                                                                                   cancel=cancel),
                        lambda r: Changes.of("documents", documents=(r.document_id,))) \
        .with_progress("导入文件", f"正在导入“{Path(path).name}”…")


def import_text(parent: QObject, text: str) -> CollectionOp[ImportResult]:
    """Pasted text into the 文件库 (with progress; cancelling stores nothing)."""
    return CollectionOp(parent, lambda ctx, progress, cancel: documents.import_text(ctx, text, progress=progress,
                                                                                   cancel=cancel),
                        lambda r: Changes.of("documents", documents=(r.document_id,))) \
        .with_progress("粘贴导入", "正在导入粘贴的文字…")


def first_document_now(ctx) -> int | None:  # noqa: ANN001
    """The document the reader opens when the one it showed is gone (one short read)."""
    remaining = documents.list_documents(ctx)
    return remaining[0].id if remaining else None
