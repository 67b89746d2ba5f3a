"""The learner's operations (ui/ops.py) for the pages and forms of ui/study that go through it:
who is studying, my study, the wrong book, the exam form's defaults.

(The practice and exam pages and their controller still call their services themselves: an
answer is stored within SAVE_WAIT_MS on the page's own thread, by design, so the verdict shows at
keyboard speed and a crash loses nothing answered; they move here next.)"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QWidget

from studyapp.core.blueprint import Blueprint
from studyapp.core.model import UserError
from studyapp.services import documents, mystudy, quiz, roster, wrongbook
from studyapp.services.dto import DocumentView
from studyapp.services.dto_records import PersonDraft, PersonView
from studyapp.services.dto_study import MyStudy, WrongBook
from studyapp.ui.ops import Changes, CollectionOp, QueryOp

log = logging.getLogger("studyapp.ui")


@dataclass(frozen=True)
class MyStudyData:
    study: MyStudy
    document: DocumentView | None


@dataclass(frozen=True)
class WrongBookData:
    book: WrongBook
    order: dict[int, int]  # section id → reading position


# worker-thread reads (run by the controller's runner) -------------------------------------
def load_my_study(ctx, person_id: int, document_id: int | None) -> MyStudyData:  # noqa: ANN001
    """Everything 我的学习 shows."""
    doc = documents.get_document(ctx, document_id) if document_id else None
    return MyStudyData(mystudy.my_study(ctx, person_id, document_id), doc)


def load_wrongbook(ctx, person_id: int) -> WrongBookData:  # noqa: ANN001
    """The wrong book and the reading order of the documents it touches."""
    book = wrongbook.wrong_book(ctx, person_id)
    order: dict[int, int] = {}
    for doc_id in sorted({i.document_id for i in book.items}):
        try:
            view: DocumentView = documents.get_document(ctx, doc_id)
        except UserError as exc:  # a deleted document only loses its ordering
            log.info("wrong book: no section order for document %d: %s", doc_id, exc)
            continue
        for s in view.sections:
            order[s.id] = s.ordinal + doc_id * 1_000_000
    return WrongBookData(book, order)


# reads ------------------------------------------------------------------------------------------
def learners(parent: QWidget, success: Callable[[tuple[list[PersonView], list[PersonView]]], Any]) -> QueryOp:
    """「谁在学习？」: recent learners on this PC, and everyone."""
    return QueryOp(parent, lambda ctx: (mystudy.recent_learners(ctx), roster.list_people(ctx)), success) \
        .titled("谁在学习")


def document_now(ctx, document_id: int | None) -> DocumentView | None:  # noqa: ANN001
    """The document's sections for a setup form, read before the form is shown."""
    return documents.get_document(ctx, document_id) if document_id else None


def exam_defaults_now(ctx, document_id: int, section_ids: tuple[int, ...]) -> tuple[Blueprint, dict[str, int]]:  # noqa: ANN001
    """The usual paper for a scope and the approved questions it has, per type: read as the form
    changes scope (two indexed counts; the form's fields follow at once)."""
    return (quiz.default_blueprint(ctx, document_id, section_ids or None),
            quiz.available_counts(ctx, document_id, section_ids or None))


# writes ------------------------------------------------------------------------------------------
def add_person(parent: QWidget, draft: PersonDraft) -> CollectionOp[PersonView]:
    return CollectionOp(parent, lambda ctx: roster.add_person(ctx, draft), Changes.of("people")).titled("添加人员")
