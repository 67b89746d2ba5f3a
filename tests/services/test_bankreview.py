"""审核 of a whole bank: the pending queue, approving/retiring by number, and the cadre's words.

The bank under review is the seed's shipped bank set back to 待审核, so these tests do not move
with the generator (another part of the code, rewritten on its own schedule).
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from studyapp.core.model import UserError
from studyapp.services import bank, bankreview, documents
from studyapp.services.context import NotFoundError
from studyapp.services.dto import BankCounts


@pytest.fixture
def drafts(seeded_ctx, seed_id: int) -> tuple:  # noqa: ANN001
    """The seed with its shipped bank, every question 待审核 (as a freshly generated bank)."""
    with seeded_ctx.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE question SET status = 'draft', reviewed_at = NULL")
    return seeded_ctx, seed_id


def _break_key(ctx, question_id: int) -> None:  # noqa: ANN001
    """A malformed key (as an old import might have left): it must never be approved."""
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE question SET answer = '[9]' WHERE id = :id"), {"id": question_id})


def test_the_pending_queue_is_the_drafts_in_reading_order(drafts) -> None:  # noqa: ANN001
    ctx, doc = drafts
    queue = bankreview.pending_questions(ctx, doc)
    assert queue and {q.status for q in queue} == {"draft"}
    assert [q.id for q in queue] == [q.id for q in bank.list_questions(ctx, doc, status="draft")]
    bank.approve(ctx, queue[0].id)
    assert queue[0].id not in [q.id for q in bankreview.pending_questions(ctx, doc)]


def test_questions_are_found_by_number_or_uid_within_their_document(drafts) -> None:  # noqa: ANN001
    ctx, doc = drafts
    a, b = bankreview.pending_questions(ctx, doc)[:2]
    assert bankreview.find_questions(ctx, doc, [str(a.id), b.uid.upper(), a.id]) == [a.id, b.id]
    with pytest.raises(NotFoundError) as unknown:
        bankreview.find_questions(ctx, doc, ["999999"])
    assert "没有编号为“999999”的试题" in unknown.value.message and "bank list" in unknown.value.message
    # a question of another document is not this document's
    other = documents.import_text(ctx, "另一份通知\n一、要求\n1.各村要建立台账。\n").document_id
    with pytest.raises(NotFoundError):
        bankreview.find_questions(ctx, other, [str(a.id)])
    with pytest.raises(NotFoundError) as gone:
        bankreview.find_questions(ctx, 424242, ["1"])
    assert "找不到编号为 424242 的文件" in gone.value.message


def test_approving_all_pending_approves_the_good_and_lists_the_broken(drafts) -> None:  # noqa: ANN001
    ctx, doc = drafts
    queue = bankreview.pending_questions(ctx, doc)
    broken = next(q for q in queue if q.type == "single")
    _break_key(ctx, broken.id)
    bank.retire(ctx, queue[-1].id)
    outcome = bankreview.approve_in_document(ctx, doc)
    assert outcome.changed == len(queue) - 2
    assert outcome.pending == 1 and outcome.retired == 1 and outcome.approved == outcome.changed
    assert len(outcome.refused) == 1 and f"编号 {broken.id}" in outcome.refused[0]
    assert bank.get_question(ctx, broken.id).status == "draft"
    assert bank.get_question(ctx, queue[-1].id).status == "retired"  # retired stays retired
    assert bankreview.outcome_text("approve", outcome) == f"已通过 {outcome.changed} 道，仍有 1 道待审核"


def test_named_questions_are_approved_or_retired_all_or_nothing(drafts) -> None:  # noqa: ANN001
    ctx, doc = drafts
    queue = bankreview.pending_questions(ctx, doc)
    before = bank.bank_counts(ctx, doc)
    outcome = bankreview.approve_in_document(ctx, doc, [str(queue[0].id), str(queue[1].id)])
    assert (outcome.changed, outcome.approved, outcome.pending) == (2, 2, before.draft - 2)
    # one unknown number: nothing changes
    with pytest.raises(NotFoundError):
        bankreview.retire_in_document(ctx, doc, [str(queue[2].id), "999999"])
    assert bank.get_question(ctx, queue[2].id).status == "draft"
    # one malformed key: nothing is approved
    broken = next(q.id for q in queue[3:] if q.type == "single")
    _break_key(ctx, broken)
    with pytest.raises(UserError):
        bankreview.approve_in_document(ctx, doc, [str(queue[2].id), str(broken)])
    assert bank.get_question(ctx, queue[2].id).status == "draft"
    # a named approved question can be retired
    retired = bankreview.retire_in_document(ctx, doc, [str(queue[0].id)])
    assert retired.changed == 1 and retired.retired == 1 and retired.approved == 1
    assert bankreview.outcome_text("retire", retired).startswith("已停用 1 道，仍有 ")


def test_retiring_all_clears_the_queue_but_keeps_approved_questions(drafts) -> None:  # noqa: ANN001
    ctx, doc = drafts
    queue = bankreview.pending_questions(ctx, doc)
    bank.approve(ctx, queue[0].id)
    outcome = bankreview.retire_in_document(ctx, doc)
    assert outcome.changed == len(queue) - 1 and outcome.pending == 0 and outcome.approved == 1
    assert bank.get_question(ctx, queue[0].id).status == "approved"
    assert bankreview.outcome_text("retire", outcome) == f"已停用 {len(queue) - 1} 道，待审核的试题已全部处理完"
    again = bankreview.retire_in_document(ctx, doc)
    assert again.changed == 0 and bankreview.outcome_text("retire", again) == "没有待审核的试题，未作改动"


def test_generation_is_reported_as_work_to_do_not_as_losses() -> None:
    assert bankreview.generated_headline(86, 86) == "已生成 86 道，待审核"
    assert bankreview.generated_headline(90, 86) == "已生成 90 道，86 道待审核"
    assert bankreview.generated_headline(12, 0) == "已生成 12 道，都已审核过"
    assert bankreview.generated_headline(0, 0) == "没有生成新的试题"
    for line in (bankreview.generated_headline(86, 86), bankreview.generated_headline(90, 86)):
        assert "舍弃" not in line and "校验" not in line


def test_why_a_document_cannot_be_quizzed_yet() -> None:
    assert bankreview.not_ready_message(BankCounts(draft=80, approved=1)) is None
    assert bankreview.not_ready_message(BankCounts(draft=86)) == (
        "本文件已生成 86 道题，尚未审核。审核通过后才能用于练习和考试。")
    assert "其中 80 道尚未审核" in bankreview.not_ready_message(BankCounts(draft=80, retired=6))
    assert "都已停用" in bankreview.not_ready_message(BankCounts(retired=6))
    assert "还没有试题" in bankreview.not_ready_message(BankCounts())
    assert bankreview.not_ready_message(BankCounts(draft=3), what="集体测验").endswith("才能用于集体测验。")


def test_approving_all_while_another_pc_edits_one_of_them_waits_and_approves_the_edit(drafts) -> None:  # noqa: ANN001
    """Questions carry an edit version: a bulk approval that had read a question before another
    PC's edit of it was committed would find its copy stale and fail. It takes the writer lock
    before reading, so it waits for the edit and then approves the question as edited."""
    import threading
    import time

    from studyapp.db.models import Question
    from studyapp.services.context import AppContext

    ctx, doc = drafts
    first = bankreview.pending_questions(ctx, doc)[0]
    other = AppContext(ctx.data_dir)
    outcome: list[object] = []
    approving = threading.Thread(target=lambda: outcome.append(_try(bankreview.approve_in_document, ctx, doc)))
    try:
        with other.begin(write=True) as session:  # another PC, in the middle of saving an edit
            session.get(Question, first.id).explanation = "另一台电脑改过的解析"
            session.flush()
            approving.start()
            time.sleep(0.5)  # (the approval has begun: it waits for this one)
        approving.join(30)
    finally:
        other.close()
    [result] = outcome
    assert isinstance(result, bankreview.ReviewOutcome), result
    stored = bank.get_question(ctx, first.id)
    assert (stored.status, stored.explanation) == ("approved", "另一台电脑改过的解析")


def _try(fn, *args):  # noqa: ANN001, ANN002, ANN202
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - the test shows what went wrong
        return exc
