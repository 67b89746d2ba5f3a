"""The attempt engine shared by 练习 and 模拟考试: a finished attempt cannot change, a resumed one
shows the same questions and answers, the key stays hidden until it may be shown, the countdown
charged on each heartbeat and answer, the grace of an answer in flight, time-out, and quizzes
left with no time handed in at start."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import update

from studyapp.core.blueprint import Blueprint, BlueprintItem
from studyapp.db.models_study import Attempt
from studyapp.services import attempts, practice, quiz
from studyapp.services.dto_study import Scope


def _bp(doc: int, seconds: int = 600) -> Blueprint:
    items = (BlueprintItem("single", 3, 4), BlueprintItem("multiple", 2, 5),
             BlueprintItem("judge", 3, 2), BlueprintItem("fill", 2, 6))
    return Blueprint(document_id=doc, items=items, time_limit_s=seconds)


def _sat_for(ctx, attempt_id: int, seconds: float) -> None:
    """The learner sat there `seconds` since the clock was last charged."""
    with ctx.begin() as session:
        session.execute(update(Attempt).where(Attempt.id == attempt_id)
                        .values(ticked_at=time.time() - seconds))


def test_a_finished_practice_cannot_be_changed(study) -> None:
    view = practice.start_practice(study.ctx, study.person, Scope("document", study.doc),
                                   count=2, seed=1)
    practice.answer(study.ctx, view.id, 0, study.wrong(view.id, 0))
    summary = practice.finish(study.ctx, view.id)
    assert (summary.wrong_count, summary.unanswered_count, summary.score) == (1, 1, 0)
    with pytest.raises(practice.AttemptClosedError, match="已经交卷"):
        practice.answer(study.ctx, view.id, 1, study.right(view.id, 1))
    with pytest.raises(practice.AttemptClosedError):
        practice.flag(study.ctx, view.id, 1)
    assert practice.get_attempt(study.ctx, view.id).status == "submitted"




def test_resumed_practice_shows_the_same_questions_and_answers(study) -> None:
    view = practice.start_practice(study.ctx, study.person, Scope("document", study.doc),
                                   count=6, seed=11)
    practice.answer(study.ctx, view.id, 1, study.right(view.id, 1))
    practice.flag(study.ctx, view.id, 4)
    [open_one] = practice.unfinished_attempts(study.ctx, study.person)
    assert (open_one.id, open_one.answered, open_one.total) == (view.id, 1, 6)
    again = practice.resume_attempt(study.ctx, view.id)
    assert [(q.stem, q.options) for q in again.questions] == [
        (q.stem, q.options) for q in view.questions]
    assert again.questions[1].response == study.right(view.id, 1)
    assert again.questions[4].flagged and not again.questions[4].answered
    fb = practice.feedback(study.ctx, view.id, 1)
    assert fb.correct and fb.explanation is not None
    with pytest.raises(practice.attempts.KeyHiddenError):
        practice.feedback(study.ctx, view.id, 2)  # not answered yet: no key




def test_time_up_hands_the_quiz_in(study) -> None:
    ctx = study.ctx
    view = quiz.start_exam(ctx, study.person, _bp(study.doc, seconds=60), seed=1)
    quiz.save_answer(ctx, view.id, 0, study.right(view.id, 0))
    with ctx.begin() as session:  # the learner sat there for 70 s
        session.execute(update(Attempt).where(Attempt.id == view.id)
                        .values(ticked_at=time.time() - 70))
    with pytest.raises(quiz.TimeUpError, match="考试时间已到"):
        quiz.save_answer(ctx, view.id, 1, study.right(view.id, 1))
    res = quiz.result(ctx, view.id)
    assert res.status == "expired" and res.score == 4 and res.unanswered_count == 9
    assert quiz.expire(ctx, view.id) == res  # the countdown's own call is harmless




def test_countdown_expiry_and_overdue_quizzes_at_start(study) -> None:
    ctx = study.ctx
    a = quiz.start_exam(ctx, study.person, _bp(study.doc), seed=1)
    res = quiz.expire(ctx, a.id)  # the UI's countdown reached zero
    assert res.status == "expired" and res.status_name == "超时交卷"
    b = quiz.start_exam(ctx, study.person, _bp(study.doc), seed=2)
    c = quiz.start_exam(ctx, study.person, _bp(study.doc), seed=3)
    with ctx.begin() as session:  # b was killed with no time left on its clock
        session.execute(update(Attempt).where(Attempt.id == b.id).values(remaining_s=0.0))
    assert quiz.expire_overdue(ctx) == [b.id]
    assert [u.id for u in quiz.unfinished_attempts(ctx, study.person)] == [c.id]
    assert quiz.get_attempt(ctx, b.id).status == "expired"




def test_a_heartbeat_charges_the_time_since_the_last_one(study) -> None:
    ctx = study.ctx
    view = quiz.start_exam(ctx, study.person, _bp(study.doc, seconds=600), seed=1)
    quiz.save_answer(ctx, view.id, 0, study.right(view.id, 0))
    _sat_for(ctx, view.id, 100)
    beat = attempts.heartbeat(ctx, view.id)
    assert (beat.attempt_id, beat.answered_count) == (view.id, 1)
    assert 450 <= beat.remaining_s <= 500  # 600 less the 100 s sat (and the moments the test took)
    assert quiz.resume_attempt(ctx, view.id).remaining_s == pytest.approx(beat.remaining_s, abs=5)


def test_an_answer_in_flight_when_the_clock_hit_zero_is_still_taken(study) -> None:
    ctx = study.ctx
    view = quiz.start_exam(ctx, study.person, _bp(study.doc, seconds=60), seed=1)
    _sat_for(ctx, view.id, 60 + attempts.GRACE_S / 2)
    saved = quiz.save_answer(ctx, view.id, 0, study.right(view.id, 0))
    assert saved.remaining_s == 0 and saved.answered_count == 1
    with pytest.raises(attempts.TimeUpError, match="考试时间已到"):
        _sat_for(ctx, view.id, attempts.GRACE_S * 2)
        attempts.heartbeat(ctx, view.id)
    res = quiz.result(ctx, view.id)
    assert res.status == "expired" and res.correct_count == 1


def test_a_practice_has_no_clock_and_a_quiz_key_stays_hidden_until_handed_in(study) -> None:
    ctx = study.ctx
    drill = practice.start_practice(ctx, study.person, Scope("document", study.doc), count=1, seed=1)
    assert attempts.heartbeat(ctx, drill.id).remaining_s is None
    exam = quiz.start_exam(ctx, study.person, _bp(study.doc), seed=2)
    quiz.save_answer(ctx, exam.id, 0, study.right(exam.id, 0))
    with pytest.raises(attempts.KeyHiddenError, match="尚未交卷"):
        attempts.feedback(ctx, exam.id, 0)  # answered, but the quiz is still running
    with pytest.raises(attempts.KeyHiddenError, match="还没有交卷"):
        attempts.result(ctx, exam.id)
    quiz.submit(ctx, exam.id)
    shown = attempts.feedback(ctx, exam.id, 0)
    assert shown.correct and shown.right_answer == study.right(exam.id, 0)
    unanswered = attempts.feedback(ctx, exam.id, 1)  # after 交卷 every key is shown
    assert unanswered.correct is False and unanswered.right_answer == study.right(exam.id, 1)


def test_expire_overdue_hands_in_only_that_persons_quizzes(study) -> None:
    from tests.services.conftest import add_learner

    ctx = study.ctx
    other = add_learner(ctx, "陈志强")
    mine = quiz.start_exam(ctx, study.person, _bp(study.doc), seed=1)
    theirs = quiz.start_exam(ctx, other, _bp(study.doc), seed=1)
    with ctx.begin() as session:
        session.execute(update(Attempt).where(Attempt.id.in_([mine.id, theirs.id])).values(remaining_s=0.0))
    assert attempts.expire_overdue(ctx, other) == [theirs.id]
    assert quiz.get_attempt(ctx, mine.id).status == "in_progress"
    assert attempts.expire_overdue(ctx) == [mine.id]
    assert attempts.expire_overdue(ctx) == []
