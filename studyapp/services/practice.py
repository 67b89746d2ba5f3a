"""练习: practise the whole document, a part, a section, the 错题本 or today's reviews.

Each answer is checked the moment it is given and the learner sees at once whether it was
right, the key, the explanation and the source sentence (with where it is, for 「在原文中查看」).
The answer, the 错题本 and the review card are stored in that same short transaction.

UI flow: start_practice → answer (per question; a second answer to the same question is a
"try again", checked but not counted) → finish (the summary page). An unfinished practice is
offered again by attempts.unfinished_attempts / resumed with attempts.resume_attempt.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from studyapp.core import scheduling
from studyapp.core.blueprint import draw_practice
from studyapp.core.model import UserError, section_heading
from studyapp.core.questions.model import TYPE_NAMES
from studyapp.db.models import Document, Question, Section
from studyapp.db.models_study import Attempt, ReviewCard, WrongBookEntry
from studyapp.services import attempts, bank
from studyapp.services.attempts import (  # re-exported: the UI imports them from here
    AttemptClosedError,
    feedback,
    get_attempt,
    resume_attempt,
    set_flag,
    unfinished_attempts,
)
from studyapp.services.context import AppContext, DatabaseBusy, NotFoundError
from studyapp.services.dto_study import (
    SCOPE_DOCUMENT,
    SCOPE_REVIEW,
    SCOPE_SECTIONS,
    SCOPE_WRONGBOOK,
    AnswerResult,
    AttemptView,
    ExamResult,
    Scope,
)

__all__ = [
    "AttemptClosedError", "DatabaseBusy", "answer", "check", "feedback", "finish", "flag", "get_attempt",
    "resume_attempt", "start_practice", "unfinished_attempts",
]

log = logging.getLogger("studyapp.study")


def _title(ctx: AppContext, scope: Scope) -> str:
    with ctx.begin() as session:
        doc = session.get(Document, scope.document_id) if scope.document_id else None
        if scope.kind == SCOPE_WRONGBOOK:
            return f"错题本练习（《{doc.title}》）" if doc else "错题本练习"
        if scope.kind == SCOPE_REVIEW:
            return "今日复习"
        if doc is None:
            raise NotFoundError.of("文件", scope.document_id)
        if scope.kind == SCOPE_SECTIONS and scope.section_ids:
            heads = []
            for sid in scope.section_ids[:2]:
                sec = session.get(Section, sid)
                if sec is not None:
                    heads.append(section_heading(sec.label, sec.title, sec.text))
            more = "等" if len(scope.section_ids) > 2 else ""
            return f"练习：{'、'.join(heads)}{more}" if heads else f"《{doc.title}》练习"
        return f"《{doc.title}》练习"


def _pool(ctx: AppContext, person_id: int, scope: Scope, types: list[str] | None) -> list[Any]:
    """Approved questions of the scope (reading order; reviews most overdue first)."""
    if scope.kind in (SCOPE_DOCUMENT, SCOPE_SECTIONS):
        if scope.document_id is None:
            raise UserError("请先选择要练习的文件。")
        if scope.kind == SCOPE_SECTIONS and not scope.section_ids:
            raise UserError("请先选择要练习的章节。")
        return bank.approved_questions(
            ctx, scope.document_id, types=types,
            section_ids=scope.section_ids if scope.kind == SCOPE_SECTIONS else None,
        )
    with ctx.begin() as session:
        if scope.kind == SCOPE_WRONGBOOK:
            stmt = (
                select(Question)
                .join(WrongBookEntry, WrongBookEntry.question_id == Question.id)
                .where(WrongBookEntry.person_id == person_id,
                       WrongBookEntry.cleared_at.is_(None), Question.status == "approved")
                .order_by(WrongBookEntry.last_wrong_at.desc(), Question.id)
            )
        elif scope.kind == SCOPE_REVIEW:
            stmt = (
                select(Question)
                .join(ReviewCard, ReviewCard.question_id == Question.id)
                .where(ReviewCard.person_id == person_id,
                       ReviewCard.due < scheduling.end_of_day(), Question.status == "approved")
                .order_by(ReviewCard.due, Question.id)
            )
        else:
            raise UserError(f"练习范围“{scope.kind}”无效。")
        if scope.document_id is not None:
            stmt = stmt.where(Question.document_id == scope.document_id)
        if types is not None:
            stmt = stmt.where(Question.type.in_(types))
        return list(session.scalars(stmt))


def _empty_message(scope: Scope, types: list[str] | None) -> str:
    if scope.kind == SCOPE_WRONGBOOK:
        return "错题本里没有题目，不需要练习。继续保持！"
    if scope.kind == SCOPE_REVIEW:
        return "今天没有需要复习的题目。"
    what = "、".join(TYPE_NAMES.get(t, t) + "题" for t in types) if types else "试题"
    return (f"所选范围内还没有审核通过的{what}。"
            "请换一个范围或题型，或先在题库中审核试题。")


def start_practice(
    ctx: AppContext,
    person_id: int,
    scope: Scope,
    count: int | None = None,
    types: Iterable[str] | None = None,
    seed: int | None = None,
) -> AttemptView:
    """Draw up to `count` approved questions of `scope` (types filtered) and start a practice.

    Fewer questions than asked is fine for practice (a section may have only three); none is a
    UserError saying why. Options are shuffled; `seed` makes the draw repeatable (tests).
    """
    type_list = list(types) if types is not None else None
    with ctx.begin() as session:
        attempts.person(session, person_id)
        if count is None:
            count = int(attempts.setting(session, "practice.count"))
        rule = attempts.grading_rule(session)
        retention = float(attempts.setting(session, "review.desired_retention"))
    if count <= 0:
        raise UserError("练习题数应大于 0。")
    title = _title(ctx, scope)
    pool = attempts.source_questions(_pool(ctx, person_id, scope, type_list))
    if not pool:
        raise UserError(_empty_message(scope, type_list))
    seed = attempts.new_seed() if seed is None else seed
    items = draw_practice(pool, count, seed, keep_order=scope.kind == SCOPE_REVIEW)
    with ctx.begin() as session:
        att = Attempt(
            person_id=person_id, kind="practice", document_id=scope.document_id, title=title,
            scope=scope.to_json(),
            blueprint={"count": count, "types": type_list, "rule": rule.to_json(),
                       "retention": retention},
            paper=[i.to_json() for i in items], seed=seed, full_marks=float(len(items)),
            status="in_progress",
        )
        session.add(att)
        session.flush()
        view = attempts.attempt_view(session, att)
    log.info("practice %d for person %d: %s, %d questions", view.id, person_id, scope.kind,
             len(items))
    return view


def answer(
    ctx: AppContext,
    attempt_id: int,
    position: int,
    response: Any,
    *,
    seconds: float | None = None,
    hinted: bool = False,
    wait_ms: int | None = None,
) -> AnswerResult:
    """Check a practice answer and store it at once (with the 错题本 and the review card).

    `response`: option index(es) in the order shown, True/False, one string per blank, or text.
    `seconds` (time on the question) and `hinted` (the learner looked at the source first) make a
    right answer count as "Hard" for the review schedule. Raises AttemptClosedError (Chinese)
    once the practice is finished. With `wait_ms` a busy database (another program writing)
    raises DatabaseBusy after that long: the page then shows `check` and stores it later.
    """
    return attempts.record_practice_answer(ctx, attempt_id, position, response,
                                           seconds=seconds, hinted=hinted, wait_ms=wait_ms)


def check(ctx: AppContext, attempt_id: int, position: int, response: Any) -> AnswerResult:
    """The verdict on an answer without storing it (a read: it never waits for a writer)."""
    return attempts.check_practice_answer(ctx, attempt_id, position, response)


def flag(ctx: AppContext, attempt_id: int, position: int, flagged: bool = True) -> None:
    """Mark (or unmark) a question to come back to."""
    set_flag(ctx, attempt_id, position, flagged)


def finish(ctx: AppContext, attempt_id: int) -> ExamResult:
    """End the practice (「结束练习」) and return its summary; unanswered questions stay unanswered."""
    return attempts.finish(ctx, attempt_id, status="submitted")
