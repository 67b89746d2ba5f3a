"""The self-study tables: an attempt, its answers, the 错题本 and the review cards go with their
person; a question deleted keeps the answers given to it (their key is frozen in the attempt's
paper) but leaves no 错题本 entry or card behind; a study session deleted leaves its quizzes;
kinds, statuses and one answer per position are enforced by the database itself."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, exc, func, select

from studyapp.db.models import Question, StudySession
from studyapp.db.models_records import Person
from studyapp.db.models_study import Attempt, AttemptAnswer, ReviewCard, WrongBookEntry
from studyapp.services import bank, roster, sessions
from studyapp.services.dto_records import PersonDraft, SessionDraft

WHEN = dt.datetime(2026, 3, 1, 9, 0)


def _study(ctx, document_id: int, **attempt) -> dict[str, int]:
    """A person with an attempt answering one question of the seed, wrong: in the book, carded."""
    person = roster.add_person(ctx, PersonDraft("王德伦", "乡党委")).id
    question = bank.list_questions(ctx, document_id)[0].id
    with ctx.begin() as session:
        att = Attempt(person_id=person, kind="practice", document_id=document_id,
                      paper=[{"type": "judge", "answer": True}], **attempt)
        session.add(att)
        session.flush()
        session.add_all([
            AttemptAnswer(attempt_id=att.id, position=0, question_id=question, response=False, correct=False),
            WrongBookEntry(person_id=person, question_id=question, last_response=False),
            ReviewCard(person_id=person, question_id=question, due=WHEN),
        ])
        return {"person": person, "question": question, "attempt": att.id}


def _count(ctx, model) -> int:  # noqa: ANN001
    with ctx.begin() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_everything_of_a_person_goes_with_the_person(seeded_ctx, seed_id) -> None:
    ids = _study(seeded_ctx, seed_id)
    with seeded_ctx.begin() as session:
        session.execute(delete(Person).where(Person.id == ids["person"]))
    assert [_count(seeded_ctx, m) for m in (Attempt, AttemptAnswer, WrongBookEntry, ReviewCard)] == [0, 0, 0, 0]


def test_a_deleted_question_keeps_its_answers_but_leaves_the_book_and_the_cards(seeded_ctx, seed_id) -> None:
    ids = _study(seeded_ctx, seed_id)
    with seeded_ctx.begin() as session:
        session.execute(delete(Question).where(Question.id == ids["question"]))
    with seeded_ctx.begin() as session:
        [answer] = session.scalars(select(AttemptAnswer)).all()
        assert answer.question_id is None and answer.response is False and answer.correct is False
        assert session.get(Attempt, ids["attempt"]).paper == [{"type": "judge", "answer": True}]
    assert (_count(seeded_ctx, WrongBookEntry), _count(seeded_ctx, ReviewCard)) == (0, 0)


def test_a_deleted_session_leaves_its_quizzes(seeded_ctx, seed_id) -> None:
    detail = sessions.create_session(seeded_ctx, SessionDraft(date="2026-03-01", content="依法治市"))
    ids = _study(seeded_ctx, seed_id, session_id=detail.id)
    with seeded_ctx.begin() as session:
        session.execute(delete(StudySession).where(StudySession.id == detail.id))
    with seeded_ctx.begin() as session:
        att = session.get(Attempt, ids["attempt"])
        assert att is not None and att.session_id is None and att.status == "in_progress"


@pytest.mark.parametrize("bad", [{"kind": "game"}, {"status": "paused"}])
def test_kinds_and_statuses_are_checked_by_the_database(seeded_ctx, seed_id, bad: dict) -> None:
    person = roster.add_person(seeded_ctx, PersonDraft("孙丽")).id
    with pytest.raises(exc.IntegrityError), seeded_ctx.begin() as session:
        session.add(Attempt(person_id=person, **{"kind": "exam", **bad}))


def test_one_answer_per_position_one_entry_and_one_card_per_question(seeded_ctx, seed_id) -> None:
    ids = _study(seeded_ctx, seed_id)
    for row in (AttemptAnswer(attempt_id=ids["attempt"], position=0),
                WrongBookEntry(person_id=ids["person"], question_id=ids["question"]),
                ReviewCard(person_id=ids["person"], question_id=ids["question"], due=WHEN)):
        with pytest.raises(exc.IntegrityError), seeded_ctx.begin() as session:
            session.add(row)
    assert [_count(seeded_ctx, m) for m in (AttemptAnswer, WrongBookEntry, ReviewCard)] == [1, 1, 1]
