"""The 文件库's operations (ui/ops.py): the list of documents, renaming and deleting one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from studyapp.services import documents
from studyapp.services.dto import DocumentInfo
from studyapp.ui.ops import Changes, CollectionOp, QueryOp


def document_list(parent: QWidget, success: Callable[[list[DocumentInfo]], Any]) -> QueryOp:
    """The 文件库 with each document's figures (sections, reading progress)."""
    return QueryOp(parent, lambda ctx: documents.list_documents(ctx), success).titled("文件库")


def rename_document(parent: QWidget, document_id: int, title: str) -> CollectionOp[None]:
    """A document's title (UserError for one no form can print, or an empty one)."""
    return CollectionOp(parent, lambda ctx: documents.rename_document(ctx, document_id, title),
                        Changes.of("documents", documents=(document_id,)) | Changes.reading(document_id)) \
        .titled("重命名文件")


def delete_document(parent: QWidget, document_id: int) -> CollectionOp[None]:
    """A document with its sections, reads and notes (the study records stay)."""
    return CollectionOp(parent, lambda ctx: documents.delete_document(ctx, document_id),
                        Changes.of("documents", "bank", "reading", documents=(document_id,))).titled("删除文件")
