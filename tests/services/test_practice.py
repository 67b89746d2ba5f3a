"""练习 end to end on the seed bank: answers checked at once with their source, the 错题本 rule,
practice from the 错题本 and from today's reviews, and finished practices that cannot change."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from studyapp.core.grading import fold
from studyapp.core.model import UserError
from studyapp.db.models_study import ReviewCard
from studyapp.services import bank, documents, practice, review, wrongbook
from studyapp.services.context import NotFoundError
from studyapp.services.dto_study import WRONGBOOK_RULE, Scope


def _section(study, label: str) -> int:
    view = documents.get_document(study.ctx, study.doc)
    return next(s.id for s in view.sections if s.label == label and s.depth == 1)


def test_practise_a_section_answers_are_checked_at_once_with_the_source(study) -> None:
    sid = _section(study, "3.")
    view = practice.start_practice(study.ctx, study.person, Scope("sections", study.doc, (sid,)),
                                   count=5, seed=3)
    assert view.kind == "practice" and view.status == "in_progress" and len(view.questions) == 5
    assert view.title.startswith("练习：3.") and view.remaining_s is None
    in_section = {q.id for q in bank.list_questions(study.ctx, study.doc, section_id=sid)}
    assert {q.question_id for q in view.questions} <= in_section

    result = practice.answer(study.ctx, view.id, 0, study.right(view.id, 0), seconds=4)
    assert result.correct is True and result.points == 1 and result.counted
    assert result.right_answer == study.right(view.id, 0) and result.right_answer_text
    assert result.quote and result.section_id == sid and result.section_heading.startswith("3.")
    loc = result.quote_location  # 「在原文中查看」: the quoted sentence in the section's text
    assert loc is not None and loc.section_id == sid
    text = next(s for s in documents.get_document(study.ctx, study.doc).sections if s.id == sid)
    assert fold(getattr(text, loc.field)[loc.start:loc.end]) == fold(result.quote)
    assert result.next_review is not None  # scheduled for review

    again = practice.get_attempt(study.ctx, view.id)
    assert again.questions[0].answered and again.questions[0].correct is True
    assert again.answered_count == 1


def test_wrong_book_rule_same_attempt_stays_later_attempt_clears(study) -> None:
    ctx = study.ctx
    sid = _section(study, "1.")
    first = practice.start_practice(ctx, study.person, Scope("sections", study.doc, (sid,)),
                                    count=3, types=["fill"], seed=1)
    wrong = practice.answer(ctx, first.id, 0, study.wrong(first.id, 0))
    qid = first.questions[0].question_id
    assert wrong.correct is False and wrong.in_wrongbook
    book = wrongbook.wrong_book(ctx, study.person)
    assert [i.question_id for i in book.items] == [qid]
    assert book.rule_text == WRONGBOOK_RULE == "答错的题进入错题本；之后单独再次答对一次即移出。"
    assert book.items[0].wrong_count == 1 and book.items[0].last_response_text == "不知道"

    # right straight after seeing the key, in the same attempt: checked, not counted, stays
    retry = practice.answer(ctx, first.id, 0, study.right(first.id, 0))
    assert retry.correct is True and not retry.counted and retry.in_wrongbook
    assert wrongbook.wrong_count(ctx, study.person) == 1
    summary = practice.finish(ctx, first.id)
    assert summary.items[0].result.correct is False  # the first try is what counts

    # right on its own in a later practice (from the 错题本): leaves the book
    later = practice.start_practice(ctx, study.person, Scope("wrongbook"), seed=2)
    assert [q.question_id for q in later.questions] == [qid]
    cleared = practice.answer(ctx, later.id, 0, study.right(later.id, 0))
    assert cleared.correct and not cleared.in_wrongbook
    book = wrongbook.wrong_book(ctx, study.person)
    assert book.count == 0 and book.cleared_count == 1

    # a new mistake brings it back, with its history
    third = practice.start_practice(ctx, study.person, Scope("sections", study.doc, (sid,)),
                                    count=3, types=["fill"], seed=1)
    pos = next(q.position for q in third.questions if q.question_id == qid)
    practice.answer(ctx, third.id, pos, study.wrong(third.id, pos))
    assert wrongbook.wrong_book(ctx, study.person).items[0].wrong_count == 2


def test_empty_scopes_say_why(study) -> None:
    with pytest.raises(UserError, match="错题本里没有题目"):
        practice.start_practice(study.ctx, study.person, Scope("wrongbook"))
    with pytest.raises(UserError, match="今天没有需要复习的题目"):
        practice.start_practice(study.ctx, study.person, Scope("review"))
    with pytest.raises(UserError, match="简答题"):
        practice.start_practice(study.ctx, study.person,
                                Scope("sections", study.doc, (_section(study, "4."),)),
                                types=["short"])
    with pytest.raises(NotFoundError):
        practice.start_practice(study.ctx, 9999, Scope("document", study.doc))


def test_only_approved_questions_are_practised(seeded_ctx, seed_id) -> None:
    from studyapp.services import roster
    from studyapp.services.dto_records import PersonDraft

    person = roster.add_person(seeded_ctx, PersonDraft(name="李明")).id
    bank.retire(seeded_ctx, [v.id for v in bank.list_questions(seeded_ctx, seed_id)])
    with pytest.raises(UserError, match="还没有审核通过"):
        practice.start_practice(seeded_ctx, person, Scope("document", seed_id))
    one = bank.list_questions(seeded_ctx, seed_id, type="judge")[0]
    bank.restore(seeded_ctx, one.id)
    bank.approve(seeded_ctx, one.id)
    view = practice.start_practice(seeded_ctx, person, Scope("document", seed_id), count=10)
    assert [q.question_id for q in view.questions] == [one.id]


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


def test_a_learner_who_has_practised_is_deactivated_not_deleted(study) -> None:
    from studyapp.services import roster

    sid = _section(study, "3.")
    view = practice.start_practice(study.ctx, study.person, Scope("sections", study.doc, (sid,)),
                                   count=1, seed=1)
    practice.answer(study.ctx, view.id, 0, study.right(view.id, 0))
    assert roster.delete_person(study.ctx, study.person) is False
    assert practice.get_attempt(study.ctx, view.id).answered_count == 1
