"""练习 on the seed bank: answers checked at once with their source, empty scopes that say why,
only approved questions. (The 错题本 rule is tested in test_wrongbook.py, today's reviews in
test_review.py, the attempt rules shared with 模拟考试 in test_attempts.py.)"""

from __future__ import annotations

import pytest

from studyapp.core.grading import fold
from studyapp.core.model import UserError
from studyapp.services import bank, documents, practice
from studyapp.services.context import NotFoundError
from studyapp.services.dto_study import Scope


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


def test_a_learner_who_has_practised_is_deactivated_not_deleted(study) -> None:
    from studyapp.services import roster

    sid = _section(study, "3.")
    view = practice.start_practice(study.ctx, study.person, Scope("sections", study.doc, (sid,)),
                                   count=1, seed=1)
    practice.answer(study.ctx, view.id, 0, study.right(view.id, 0))
    assert roster.delete_person(study.ctx, study.person) is False
    assert practice.get_attempt(study.ctx, view.id).answered_count == 1
