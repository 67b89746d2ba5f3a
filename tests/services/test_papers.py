"""试卷 from a document's approved questions: the counts the 组卷 dialog shows, only approved
questions on paper, the same seed giving the same paper, A/B variants of one selection, the
types asked for, the Chinese refusals, and the paper and key as PDF."""

from __future__ import annotations

import pytest

from studyapp.core.paper import TYPE_ORDER
from studyapp.services import bank, papers
from studyapp.services.context import NotFoundError
from tests.reports.conftest import pdf_pages
from tests.services.conftest import approve_drafts

SMALL = (("single", 3, 2), ("judge", 4, 2), ("fill", 2, 3))


def test_available_counts_are_the_approved_questions_per_type(seeded_ctx, seed_id) -> None:
    approve_drafts(seeded_ctx, seed_id)
    counts = papers.available_counts(seeded_ctx, seed_id)
    assert list(counts) == list(TYPE_ORDER)
    approved = bank.approved_questions(seeded_ctx, seed_id)
    assert sum(counts.values()) == len(approved) > 0
    judge = next(q.id for q in approved if q.type == "judge")
    bank.retire(seeded_ctx, judge)
    assert papers.available_counts(seeded_ctx, seed_id)["judge"] == counts["judge"] - 1
    with pytest.raises(NotFoundError):
        papers.available_counts(seeded_ctx, 9999)


def test_only_approved_questions_go_on_paper(seeded_ctx, seed_id) -> None:
    approve_drafts(seeded_ctx, seed_id)
    approved = {q.id for q in bank.approved_questions(seeded_ctx, seed_id)}
    [a] = papers.make_papers(seeded_ctx, seed_id, variants=("A",), blueprint=SMALL)
    assert {q.question_id for q in a.questions} <= approved
    assert [(p.title, len(p.questions)) for p in a.parts] == [("单选题", 3), ("判断题", 4), ("填空题", 2)]
    assert a.total == 3 * 2 + 4 * 2 + 2 * 3 and a.title.startswith("《")


def test_the_same_seed_gives_the_same_paper_and_the_variants_share_one_selection(seeded_ctx, seed_id) -> None:
    approve_drafts(seeded_ctx, seed_id)
    a, b = papers.make_papers(seeded_ctx, seed_id, seed=7, blueprint=SMALL, minutes=45)
    again_a, _again_b = papers.make_papers(seeded_ctx, seed_id, seed=7, blueprint=SMALL, minutes=45)
    assert (a.variant, b.variant, a.minutes) == ("A", "B", 45)
    assert [q.question_id for q in a.questions] == [q.question_id for q in again_a.questions]
    assert sorted(q.question_id for q in a.questions) == sorted(q.question_id for q in b.questions)
    other = papers.make_papers(seeded_ctx, seed_id, seed=8, blueprint=SMALL)[0]
    assert [(q.question_id, q.options) for q in other.questions] != [(q.question_id, q.options) for q in a.questions]


def test_the_types_asked_for_and_the_setting_for_minutes(seeded_ctx, seed_id) -> None:
    from studyapp.services.settings import get_setting

    approve_drafts(seeded_ctx, seed_id)
    [a] = papers.make_papers(seeded_ctx, seed_id, variants=("A",), blueprint=SMALL, types=["judge"])
    assert {q.type for q in a.questions} == {"judge"}
    assert a.minutes == int(get_setting(seeded_ctx, "paper.minutes"))


def test_refusals_say_what_is_missing_and_what_to_do(seeded_ctx, seed_id) -> None:
    with pytest.raises(papers.NoApprovedQuestions, match="请至少为一种题型设置题数"):
        papers.make_papers(seeded_ctx, seed_id, blueprint=(("single", 0, 2),))
    bank.retire(seeded_ctx, [q.id for q in bank.list_questions(seeded_ctx, seed_id)])
    with pytest.raises(papers.NoApprovedQuestions, match="还没有审核通过的试题，无法组卷"):
        papers.make_papers(seeded_ctx, seed_id)
    one = bank.list_questions(seeded_ctx, seed_id, type="judge")[0]
    bank.restore(seeded_ctx, one.id)
    bank.approve(seeded_ctx, one.id)
    with pytest.raises(papers.NoApprovedQuestions, match="没有审核通过的单选题，无法按所选题型组卷"):
        papers.make_papers(seeded_ctx, seed_id, blueprint=(("single", 3, 2),))
    with pytest.raises(NotFoundError):
        papers.make_papers(seeded_ctx, 9999)


def test_the_paper_and_its_key_as_pdf(seeded_ctx, seed_id) -> None:
    approve_drafts(seeded_ctx, seed_id)
    paper, key = papers.paper_pdfs(seeded_ctx, seed_id, seed=3, blueprint=SMALL)
    assert paper.startswith(b"%PDF") and key.startswith(b"%PDF")
    [a, _b] = papers.make_papers(seeded_ctx, seed_id, seed=3, blueprint=SMALL)
    paper_text, key_text = "".join(pdf_pages(paper)), "".join(pdf_pages(key))
    assert "判断题" in paper_text and "答题卡" in paper_text and "参考答案" in key_text
    first = a.questions[0]
    assert "".join(first.stem.split())[:10] in paper_text
    without_sheets = papers.paper_pdfs(seeded_ctx, seed_id, seed=3, blueprint=SMALL, answer_sheets=False)[0]
    assert "答题卡" not in "".join(pdf_pages(without_sheets))
