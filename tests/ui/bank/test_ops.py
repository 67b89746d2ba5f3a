"""The 题库's operations (ui/bank/ops.py): each runs its service call on the window's worker,
hands back what the window shows, and — for a write — announces that the document's bank
changed (the windows that show the bank reload on that, and on nothing else)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from studyapp.core.model import UserError
from studyapp.services import bank
from studyapp.services.context import EditConflict
from studyapp.services.dto import QuestionDraft
from studyapp.ui.bank import ops as bank_ops
from studyapp.ui.ops import hub


@pytest.fixture
def announced():  # noqa: ANN201
    """The changes the hub announces during the test."""
    seen: list = []

    def note(changes, _initiator) -> None:  # noqa: ANN001
        seen.append(changes)

    hub().changed.connect(note)
    yield seen
    hub().changed.disconnect(note)


def _result(settle, op):  # noqa: ANN001, ANN202
    """Run a write and wait for what it hands back (or the error it failed with)."""
    got: list = []
    op.success(got.append).failure(got.append).run()
    settle()
    assert len(got) == 1
    return got[0]


def _read(settle, make):  # noqa: ANN001, ANN202
    got: list = []
    threads: list = []

    def success(value) -> None:  # noqa: ANN001
        threads.append(threading.current_thread())
        got.append(value)

    make(success).run()
    settle()
    assert len(got) == 1 and threads == [threading.main_thread()]  # (delivered on the GUI thread)
    return got[0]


def test_reads_hand_back_the_list_counts_and_a_question_and_announce_nothing(host, seeded_ctx, seed_id, settle,  # noqa: ANN001
                                                                            announced) -> None:
    listed = _read(settle, lambda ok: bank_ops.load_list(host, seed_id, {"type": "judge"}, ok,
                                                         arrange=lambda rows: [r.id for r in rows]))
    rows, counts = listed.rows, listed.counts
    assert rows and {r.type for r in rows} == {"judge"}
    assert counts == bank.bank_counts(seeded_ctx, seed_id) and counts.total > len(rows)
    assert listed.arranged == [r.id for r in rows]  # (what the window's tree is built from, on the worker)
    # the whole questions come along (a bank this small: all of them), each the light row's question
    assert len(rows) <= bank_ops.FULL_PAGE
    views = [listed.views[r.id] for r in rows]
    assert views == bank.list_questions(seeded_ctx, seed_id, type="judge")
    assert [bank_ops.row_of(v) for v in views] == rows
    assert _read(settle, lambda ok: bank_ops.counts(host, seed_id, ok)) == counts
    assert _read(settle, lambda ok: bank_ops.question(host, views[0].id, ok)) == views[0]
    pending = _read(settle, lambda ok: bank_ops.pending(host, seed_id, ok))
    assert len(pending) == counts.draft  # (every question of the seed's bank is a draft here)
    assert isinstance(_read(settle, lambda ok: bank_ops.verify_question(host, views[0].id, ok)), tuple)
    assert bank_ops.counts_now(seeded_ctx, seed_id) == counts
    assert bank_ops.document_now(seeded_ctx, seed_id).id == seed_id
    assert announced == []


def test_approving_what_the_list_showed_leaves_alone_what_changed_since(host, seeded_ctx, seed_id, settle,  # noqa: ANN001
                                                                      announced) -> None:
    a, b = bank.list_questions(seeded_ctx, seed_id)[:2]
    bank.update_question(seeded_ctx, b.id, replace(bank.draft_of(b), explanation="别处改过"), expected_version=b.version)
    outcome = _result(settle, bank_ops.set_status(host, "approve", {a.id: a.version, b.id: b.version}, seed_id))
    assert outcome.changed == 1 and outcome.stale == (b.id,)
    assert [bank.get_question(seeded_ctx, q).status for q in (a.id, b.id)] == ["approved", "draft"]
    assert f"编号 {b.id}" in bank_ops.stale_message(outcome.stale, "approve")
    assert len(announced) == 1 and announced[0].touches("bank", seed_id) and not announced[0].touches("bank", seed_id + 1)


def test_a_decision_returns_the_question_as_stored_and_a_stale_one_changes_nothing(host, seeded_ctx, seed_id,  # noqa: ANN001
                                                                                 settle, announced) -> None:
    q = bank.list_questions(seeded_ctx, seed_id)[0]
    after = _result(settle, bank_ops.decide(host, q.id, True, seed_id, expected_version=q.version))
    assert after.id == q.id and after.status == "approved" and after.version > q.version
    stale = _result(settle, bank_ops.decide(host, q.id, False, seed_id, expected_version=q.version))
    assert isinstance(stale, EditConflict)
    assert bank.get_question(seeded_ctx, q.id).status == "approved"
    assert len(announced) == 1  # (only the decision that was stored)
    retired = _result(settle, bank_ops.decide(host, q.id, False, seed_id))
    assert retired.status == "retired"


def test_saving_adds_a_manual_question_or_changes_one(host, seeded_ctx, seed_id, settle, announced) -> None:  # noqa: ANN001
    draft = QuestionDraft(type="judge", stem="依法治市要坚持党的领导。", answer=True, quote="")
    saved = _result(settle, bank_ops.save_question(host, seed_id, None, draft))
    added = saved.question
    assert added.origin == "manual" and added.stem == draft.stem and added.status == "draft"
    assert saved.warnings  # (no source sentence: allowed, with a word about it)
    changed = _result(settle, bank_ops.save_question(host, seed_id, added.id, replace(draft, stem="改过的题干。"),
                                                     expected_version=added.version))
    assert changed.question.id == added.id and bank.get_question(seeded_ctx, added.id).stem == "改过的题干。"
    refused = _result(settle, bank_ops.save_question(host, seed_id, added.id, replace(draft, stem="又一次"),
                                                     expected_version=added.version))
    assert isinstance(refused, EditConflict) and bank.get_question(seeded_ctx, added.id).stem == "改过的题干。"
    assert [c.touches("bank", seed_id) for c in announced] == [True, True]


def test_generating_reports_the_result_and_the_counts_after(host, seeded_ctx, seed_id, settle, announced) -> None:  # noqa: ANN001
    result, counts = _result(settle, bank_ops.generate(host, seed_id, seed=0))
    assert result.document_id == seed_id
    assert counts == bank.bank_counts(seeded_ctx, seed_id) and counts.total > 0
    assert announced and announced[-1].touches("bank", seed_id)


def test_an_import_announces_a_change_only_when_something_was_stored(host, seeded_ctx, seed_id, tmp_path: Path,  # noqa: ANN001
                                                                    settle, announced) -> None:
    from openpyxl import load_workbook

    sheet = tmp_path / "题库.xlsx"
    written = _result(settle, bank_ops.export_file(host, seed_id, sheet))
    assert written == bank.bank_counts(seeded_ctx, seed_id).total  # (no question retired here)
    assert sheet.is_file() and announced == []
    wb = load_workbook(sheet)
    wb.active.cell(row=3, column=9, value="H")  # 答案 out of the options: nothing is stored
    wb.save(sheet)
    report = _result(settle, bank_ops.import_file(host, seed_id, sheet))
    assert not report.ok and report.errors and announced == []
    wrong = _result(settle, bank_ops.import_file(host, seed_id, tmp_path / "题库.txt"))
    assert isinstance(wrong, UserError) and ".yaml" in wrong.message and announced == []
    # the bank file read back: stored (nothing new in it), and the bank's windows told
    bank_file = tmp_path / "题库.yaml"
    _result(settle, bank_ops.export_file(host, seed_id, bank_file))
    report = _result(settle, bank_ops.import_file(host, seed_id, bank_file))
    assert report.ok and report.added == 0
    assert len(announced) == 1 and announced[0].touches("bank", seed_id)


def test_regenerating_a_section_keeps_reviewed_work_and_announces_it(host, seeded_ctx, seed_id, settle,  # noqa: ANN001
                                                                    announced) -> None:
    q = bank.list_questions(seeded_ctx, seed_id)[0]
    bank.approve(seeded_ctx, q.id)
    _result(settle, bank_ops.regenerate_section(host, q.section_id, seed_id, q.section_heading))
    assert bank.get_question(seeded_ctx, q.id).status == "approved"
    assert len(announced) == 1 and announced[0].touches("bank", seed_id)
