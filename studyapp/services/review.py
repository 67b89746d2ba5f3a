"""复习: questions scheduled for review by FSRS, and 「今日待复习 N 题」 for the start screen.

Cards are written by the answer services (attempts._after_grading), never here. "Today" runs
to local midnight: a card due at 16:00 counts in the morning too, so the learner can do the
day's review in one sitting. Practising the reviews is practice.start_practice with
Scope(kind="review").
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import func, select

from studyapp.core.model import section_heading
from studyapp.core.scheduling import end_of_day
from studyapp.db.models import Question, Section
from studyapp.db.models_study import ReviewCard
from studyapp.services.context import AppContext
from studyapp.services.dto_study import DueQuestion

__all__ = ["due_count", "due_questions"]

log = logging.getLogger("studyapp.study")


def due_count(
    ctx: AppContext, person_id: int, document_id: int | None = None,
    when: dt.datetime | None = None,
) -> int:
    """How many approved questions are due for this person by the end of today."""
    with ctx.begin() as session:
        stmt = (
            select(func.count())
            .select_from(ReviewCard)
            .join(Question, Question.id == ReviewCard.question_id)
            .where(ReviewCard.person_id == person_id, ReviewCard.due < end_of_day(when),
                   Question.status == "approved")
        )
        if document_id is not None:
            stmt = stmt.where(Question.document_id == document_id)
        return int(session.scalar(stmt) or 0)


def due_questions(
    ctx: AppContext, person_id: int, limit: int = 50, document_id: int | None = None,
    when: dt.datetime | None = None,
) -> list[DueQuestion]:
    """The questions due by the end of today, most overdue first."""
    with ctx.begin() as session:
        stmt = (
            select(ReviewCard, Question, Section.label, Section.title, Section.text)
            .join(Question, Question.id == ReviewCard.question_id)
            .outerjoin(Section, Section.id == Question.section_id)
            .where(ReviewCard.person_id == person_id, ReviewCard.due < end_of_day(when),
                   Question.status == "approved")
            .order_by(ReviewCard.due, ReviewCard.id)
            .limit(limit)
        )
        if document_id is not None:
            stmt = stmt.where(Question.document_id == document_id)
        return [
            DueQuestion(q.id, q.document_id, q.type, q.stem,
                        section_heading(label, title, text) if label is not None else "",
                        card.due.isoformat(), card.reps, card.lapses)
            for card, q, label, title, text in session.execute(stmt)
        ]
