"""错题本: the rule (a right answer in the same attempt does not clear a mistake, one in a later
attempt does, a new mistake brings it back with its history), retired questions left out, and
the book of one document."""

from __future__ import annotations

from studyapp.services import bank, documents, practice, wrongbook
from studyapp.services.dto_study import WRONGBOOK_RULE, Scope


def _section(study, label: str) -> int:
    view = documents.get_document(study.ctx, study.doc)
    return next(s.id for s in view.sections if s.label == label and s.depth == 1)


def _one_mistake(study) -> int:
    """A 填空题 of part 1. answered wrong in a finished practice: the question's id."""
    view = practice.start_practice(study.ctx, study.person,
                                   Scope("sections", study.doc, (_section(study, "1."),)),
                                   count=1, types=["fill"], seed=1)
    practice.answer(study.ctx, view.id, 0, study.wrong(view.id, 0))
    practice.finish(study.ctx, view.id)
    return view.questions[0].question_id


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




def test_the_book_shows_the_mistake_with_its_key_and_source(study) -> None:
    qid = _one_mistake(study)
    [item] = wrongbook.wrong_book(study.ctx, study.person).items
    shown = bank.get_question(study.ctx, qid)
    assert (item.question_id, item.document_id, item.type_name) == (qid, study.doc, "填空题")
    assert item.stem == shown.stem and item.answer_text and item.answer_text != "不知道"
    assert item.section_id == shown.section_id and item.section_heading.startswith("1.")
    assert item.first_wrong_at == item.last_wrong_at


def test_a_retired_question_leaves_the_book_and_comes_back_when_restored(study) -> None:
    qid = _one_mistake(study)
    bank.retire(study.ctx, qid)
    assert wrongbook.wrong_book(study.ctx, study.person).count == 0
    assert wrongbook.wrong_count(study.ctx, study.person) == 0
    bank.restore(study.ctx, qid)  # (back as a draft: learners see drafts they got wrong before)
    assert [i.question_id for i in wrongbook.wrong_book(study.ctx, study.person).items] == [qid]
    assert wrongbook.wrong_count(study.ctx, study.person) == 1


def test_the_book_of_one_document_leaves_the_others_out(study) -> None:
    qid = _one_mistake(study)
    other = documents.import_text(study.ctx, "关于读书的通知\n一、总体要求\n1. 每周读书一次。\n").document_id
    assert [i.question_id for i in wrongbook.wrong_book(study.ctx, study.person, study.doc).items] == [qid]
    assert wrongbook.wrong_count(study.ctx, study.person, study.doc) == 1
    assert wrongbook.wrong_book(study.ctx, study.person, other).count == 0
    assert wrongbook.wrong_count(study.ctx, study.person, other) == 0


def test_each_person_has_their_own_book(study) -> None:
    from tests.services.conftest import add_learner

    _one_mistake(study)
    someone = add_learner(study.ctx, "陈志强")
    book = wrongbook.wrong_book(study.ctx, someone)
    assert (book.person_id, book.count, book.cleared_count) == (someone, 0, 0)
    assert wrongbook.wrong_count(study.ctx, someone) == 0
