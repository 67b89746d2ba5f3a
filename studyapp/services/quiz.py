"""模拟考试: a timed quiz drawn by a blueprint, answered against a countdown, then scored.

UI flow: default_blueprint (fill the form; available_counts caps the spin boxes) → start_exam →
save_answer / flag / heartbeat (every few seconds) → submit (after the UI's confirmation) or
expire (when the countdown reaches zero) → the ExamResult score page, every question reviewable.
At start-up call expire_overdue(); then unfinished_attempts(person) for 「继续上次的答题」 and
resume_attempt(id), which continues the countdown from the time that was left.

The key is never sent to the UI before the quiz is over. A quiz started with `session_id`
(in a study session) gives that session this person's 成绩 when it is handed in.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select

from studyapp.core.blueprint import (
    DEFAULT_QUIZ_ITEMS,
    Blueprint,
    BlueprintItem,
    check_blueprint,
    draw_quiz,
)
from studyapp.core.model import UserError
from studyapp.db.models import Document, Question, StudySession
from studyapp.db.models_study import Attempt
from studyapp.services import attempts, bank
from studyapp.services.attempts import (  # re-exported: the UI imports them from here
    AttemptClosedError,
    KeyHiddenError,
    TimeUpError,
    expire_overdue,
    feedback,
    get_attempt,
    heartbeat,
    result,
    resume_attempt,
    unfinished_attempts,
)
from studyapp.services.context import AppContext, DatabaseBusy, NotFoundError
from studyapp.services.dto_study import AttemptView, ExamResult, SavedAnswer, Scope

__all__ = [
    "AttemptClosedError", "DatabaseBusy", "KeyHiddenError", "TimeUpError", "available_counts",
    "default_blueprint", "expire", "expire_overdue", "feedback", "flag", "get_attempt",
    "heartbeat", "result", "resume_attempt", "save_answer", "start_exam", "submit",
    "unfinished_attempts",
]

log = logging.getLogger("studyapp.study")


def available_counts(
    ctx: AppContext, document_id: int, section_ids: Iterable[int] | None = None
) -> dict[str, int]:
    """Approved questions per type in the scope — the most a blueprint can ask for."""
    ids = list(section_ids) if section_ids else None
    views = bank.approved_questions(ctx, document_id, section_ids=ids)
    return dict(Counter(v.type for v in views))


def default_blueprint(
    ctx: AppContext, document_id: int, section_ids: Iterable[int] | None = None
) -> Blueprint:
    """The usual self-test (100 points, quiz.minutes), with the configured grading rule.

    Counts are capped to what the scope has, and the points of the remaining questions are left
    as they are: the form shows the resulting 满分 and the learner may change it.
    """
    have = available_counts(ctx, document_id, section_ids)
    with ctx.begin() as session:
        rule = attempts.grading_rule(session)
        minutes = int(attempts.setting(session, "quiz.minutes"))
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFoundError.of("文件", document_id)
        title = f"《{doc.title}》模拟考试"
    items = tuple(
        BlueprintItem(i.type, min(i.count, have.get(i.type, 0)), i.points) for i in DEFAULT_QUIZ_ITEMS
    )
    return Blueprint(document_id=document_id, items=items, time_limit_s=minutes * 60,
                     section_ids=tuple(section_ids or ()), title=title, rule=rule)


def start_exam(
    ctx: AppContext,
    person_id: int,
    blueprint: Blueprint,
    session_id: int | None = None,
    seed: int | None = None,
) -> AttemptView:
    """Draw the quiz and start its clock; UserError (Chinese, with the counts) when the scope
    lacks questions of a type. The draw is frozen into the attempt, so a resume is identical."""
    if blueprint.document_id is None:
        raise UserError("请先选择考试所用的文件。")
    check_blueprint(blueprint)
    with ctx.begin() as session:
        attempts.person(session, person_id)
        if session_id is not None and session.get(StudySession, session_id) is None:
            raise NotFoundError.of("学习记录", session_id)
        retention = float(attempts.setting(session, "review.desired_retention"))
        doc = session.get(Document, blueprint.document_id)
        if doc is None:
            raise NotFoundError.of("文件", blueprint.document_id)
        title = blueprint.title or f"《{doc.title}》模拟考试"
    types = [i.type for i in blueprint.items if i.count > 0]
    views = bank.approved_questions(ctx, blueprint.document_id, types=types,
                                    section_ids=list(blueprint.section_ids) or None)
    seed = attempts.new_seed() if seed is None else seed
    items = draw_quiz(attempts.source_questions(views), blueprint, seed)
    scope = Scope("sections" if blueprint.section_ids else "document", blueprint.document_id,
                  tuple(blueprint.section_ids))
    with ctx.begin() as session:
        now_ts = time.time()
        att = Attempt(
            person_id=person_id, kind="exam", document_id=blueprint.document_id, title=title,
            scope=scope.to_json(), blueprint={**blueprint.to_json(), "retention": retention},
            paper=[i.to_json() for i in items], seed=seed, full_marks=blueprint.full_marks,
            time_limit_s=blueprint.time_limit_s, remaining_s=float(blueprint.time_limit_s),
            ticked_at=now_ts, status="in_progress", session_id=session_id,
        )
        attempts.restart_clock(att, now_ts)
        session.add(att)
        session.flush()
        view = attempts.attempt_view(session, att)
    log.info("quiz %d for person %d: %d questions, %s points, %d s", view.id, person_id,
             len(items), blueprint.full_marks, blueprint.time_limit_s)
    return view


def save_answer(
    ctx: AppContext, attempt_id: int, position: int, response: Any, *,
    seconds: float | None = None, wait_ms: int | None = None, delayed_s: float = 0.0,
) -> SavedAnswer:
    """Store a quiz answer at once, without saying whether it is right.

    A blank response clears the answer. Changing an answer is allowed until the quiz is handed
    in; afterwards AttemptClosedError. An answer arriving after the time is up (beyond a few
    seconds' grace) hands the quiz in and raises TimeUpError. With `wait_ms` a busy database
    raises DatabaseBusy after that long (the screen keeps the answer and saves it again later;
    `delayed_s` then says how long ago it was given).
    """
    return attempts.save_exam_answer(ctx, attempt_id, position, response, seconds=seconds,
                                     wait_ms=wait_ms, delayed_s=delayed_s)


def flag(ctx: AppContext, attempt_id: int, position: int, flagged: bool = True) -> None:
    """Mark (or unmark) a question on the question map."""
    attempts.set_flag(ctx, attempt_id, position, flagged)


def submit(ctx: AppContext, attempt_id: int) -> ExamResult:
    """Hand in (交卷; the UI asks for confirmation first) and return the score page."""
    return attempts.finish(ctx, attempt_id, status="submitted")


def expire(ctx: AppContext, attempt_id: int) -> ExamResult:
    """The countdown reached zero: hand in automatically (status expired) and return the result.

    Harmless after a manual submit (returns that result).
    """
    return attempts.finish(ctx, attempt_id, status="expired")


def question_counts(ctx: AppContext, document_id: int) -> dict[str, int]:
    """Approved questions of a document per type (for the start screen's summary)."""
    with ctx.begin() as session:
        rows = session.execute(
            select(Question.type, func.count())
            .where(Question.document_id == document_id, Question.status == "approved")
            .group_by(Question.type)
        ).all()
    return {t: int(n) for t, n in rows}
