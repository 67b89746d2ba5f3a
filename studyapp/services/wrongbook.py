"""错题本: the questions a person got wrong and has not yet answered right on their own since.

The rule (WRONGBOOK_RULE, shown on the screen): 「答错的题进入错题本；之后单独再次答对一次即移出。」
— a right answer in the same attempt as the mistake (straight after seeing the key) does not
count; a right answer in a later practice or quiz does. Entries are never deleted: a cleared one
keeps its history (wrong_count) and comes back on the next mistake.

Opening the book is one indexed query on (person, cleared_at) joined to the questions, so its
cost follows the size of the book, not the number of attempts behind it.
"""

from __future__ import annotations

import logging

from sqlalchemy import func, select

from studyapp.core.grading import answer_text
from studyapp.core.model import section_heading
from studyapp.db.models import Question, Section
from studyapp.db.models_study import WrongBookEntry
from studyapp.services.context import AppContext
from studyapp.services.dto_study import WRONGBOOK_RULE, WrongBook, WrongBookItem

__all__ = ["WRONGBOOK_RULE", "wrong_book", "wrong_count"]

log = logging.getLogger("studyapp.study")


def wrong_book(ctx: AppContext, person_id: int, document_id: int | None = None) -> WrongBook:
    """A person's 错题本 (optionally of one document), most recent mistakes first.

    Retired questions are left out: they are no longer shown to learners anywhere.
    """
    with ctx.begin() as session:
        stmt = (
            select(WrongBookEntry, Question, Section.label, Section.title, Section.text)
            .join(Question, Question.id == WrongBookEntry.question_id)
            .outerjoin(Section, Section.id == Question.section_id)
            .where(WrongBookEntry.person_id == person_id, WrongBookEntry.cleared_at.is_(None),
                   Question.status != "retired")
            .order_by(WrongBookEntry.last_wrong_at.desc(), WrongBookEntry.id.desc())
        )
        cleared_stmt = select(func.count()).select_from(WrongBookEntry).where(
            WrongBookEntry.person_id == person_id, WrongBookEntry.cleared_at.is_not(None)
        )
        if document_id is not None:
            stmt = stmt.where(Question.document_id == document_id)
            cleared_stmt = cleared_stmt.join(
                Question, Question.id == WrongBookEntry.question_id
            ).where(Question.document_id == document_id)
        items = []
        for entry, q, label, title, text in session.execute(stmt):
            heading = section_heading(label, title, text) if label is not None else ""
            items.append(WrongBookItem(
                question_id=q.id, document_id=q.document_id, type=q.type, stem=q.stem,
                options=tuple(q.options or ()), answer_text=answer_text(q.type, q.answer),
                last_response_text=(answer_text(q.type, entry.last_response)
                                    if entry.last_response is not None else "（未作答）"),
                explanation=q.explanation, section_id=q.section_id, section_heading=heading,
                wrong_count=entry.wrong_count, first_wrong_at=entry.first_wrong_at.isoformat(),
                last_wrong_at=entry.last_wrong_at.isoformat(),
            ))
        cleared = session.scalar(cleared_stmt) or 0
    return WrongBook(person_id=person_id, items=tuple(items), cleared_count=int(cleared))


def wrong_count(ctx: AppContext, person_id: int, document_id: int | None = None) -> int:
    """How many questions are in the person's 错题本 (for a badge on the start screen)."""
    with ctx.begin() as session:
        stmt = (
            select(func.count())
            .select_from(WrongBookEntry)
            .join(Question, Question.id == WrongBookEntry.question_id)
            .where(WrongBookEntry.person_id == person_id, WrongBookEntry.cleared_at.is_(None),
                   Question.status != "retired")
        )
        if document_id is not None:
            stmt = stmt.where(Question.document_id == document_id)
        return int(session.scalar(stmt) or 0)
