"""今日复习: cards written by answers come due by FSRS; "today" runs to local midnight; only
approved questions are due; most overdue first; the count of one document."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from studyapp.db.models_study import ReviewCard
from studyapp.services import bank, documents, practice, review
from studyapp.services.dto_study import Scope


def _answered_judges(study, count: int = 4) -> list[int]:
    """`count` 判断题 answered right in a practice: their review cards exist, due in days."""
    view = practice.start_practice(study.ctx, study.person, Scope("document", study.doc),
                                   count=count, types=["judge"], seed=5)
    for q in view.questions:
        practice.answer(study.ctx, view.id, q.position, study.right(view.id, q.position))
    return [q.question_id for q in view.questions]


def _due_at(ctx, question_id: int, when: dt.datetime) -> None:
    with ctx.begin() as session:
        session.execute(update(ReviewCard).where(ReviewCard.question_id == question_id).values(due=when))


def test_today_reviews_are_practised_most_overdue_first(study) -> None:
    ctx = study.ctx
    view = practice.start_practice(ctx, study.person, Scope("document", study.doc), count=4,
                                   types=["judge"], seed=5)
    for q in view.questions:
        practice.answer(ctx, view.id, q.position, study.right(view.id, q.position))
    assert review.due_count(ctx, study.person) == 0  # right today → comes back in days
    soon = dt.datetime.now() + dt.timedelta(days=30)
    assert review.due_count(ctx, study.person, when=soon) == 4
    # two of them fall due (as if days had passed)
    ids = [view.questions[2].question_id, view.questions[0].question_id]
    with ctx.begin() as session:
        for n, qid in enumerate(ids):
            session.execute(update(ReviewCard).where(ReviewCard.question_id == qid)
                            .values(due=dt.datetime.now() - dt.timedelta(days=2 - n)))
    assert review.due_count(ctx, study.person) == 2
    assert [d.question_id for d in review.due_questions(ctx, study.person)] == ids
    rev = practice.start_practice(ctx, study.person, Scope("review"), seed=1)
    assert [q.question_id for q in rev.questions] == ids and rev.title == "今日复习"
    practice.answer(ctx, rev.id, 0, study.right(rev.id, 0))
    assert review.due_count(ctx, study.person) == 1




def test_a_card_due_later_today_counts_this_morning(study) -> None:
    [qid] = _answered_judges(study, 1)
    morning = dt.datetime.now().replace(hour=8, minute=0, second=0, microsecond=0)
    _due_at(study.ctx, qid, morning.replace(hour=16))
    assert review.due_count(study.ctx, study.person, when=morning) == 1
    assert review.due_count(study.ctx, study.person, when=morning - dt.timedelta(days=1)) == 0


def test_a_retired_question_is_not_due(study) -> None:
    ids = _answered_judges(study, 2)
    for qid in ids:
        _due_at(study.ctx, qid, dt.datetime.now() - dt.timedelta(days=1))
    bank.retire(study.ctx, ids[0])
    assert review.due_count(study.ctx, study.person) == 1
    [due] = review.due_questions(study.ctx, study.person)
    assert due.question_id == ids[1] and due.type == "judge" and due.reps == 1 and due.lapses == 0
    assert due.section_heading and due.stem == bank.get_question(study.ctx, ids[1]).stem


def test_the_reviews_of_one_document_and_the_limit(study) -> None:
    ids = _answered_judges(study, 3)
    for n, qid in enumerate(ids):
        _due_at(study.ctx, qid, dt.datetime.now() - dt.timedelta(days=3 - n))
    other = documents.import_text(study.ctx, "关于读书的通知\n一、总体要求\n1. 每周读书一次。\n").document_id
    assert review.due_count(study.ctx, study.person, study.doc) == 3
    assert review.due_count(study.ctx, study.person, other) == 0
    assert review.due_questions(study.ctx, study.person, document_id=other) == []
    assert [d.question_id for d in review.due_questions(study.ctx, study.person, limit=2)] == ids[:2]
