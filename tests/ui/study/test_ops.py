"""The learner's operations: the practice's answer path (checked without storing, stored at once,
kept answers stored on the worker, the summary after them), the quiz's (answers and flags stored
at once, the clock, kept answers stored before the score), an answer that cannot wait for a busy
database handed back at once, the learner remembered on a personal PC, the 练习 form's figures,
quizzes left with no time handed in, and the reader's dots after a read."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from studyapp.core.blueprint import Blueprint, BlueprintItem
from studyapp.db.engine import DB_FILENAME
from studyapp.services import practice, quiz, roster
from studyapp.services.dto_records import PersonDraft
from studyapp.services.dto_study import Scope
from studyapp.ui.ops import hub
from studyapp.ui.study import ops
from tests.services.conftest import approve_drafts


@pytest.fixture
def learner(seeded_ctx, seed_id) -> int:
    approve_drafts(seeded_ctx, seed_id)
    return roster.add_person(seeded_ctx, PersonDraft("王德伦", "乡党委")).id


@pytest.fixture
def run(settle) -> Callable[[Any], Any]:  # noqa: ANN001
    """Run an operation to its end; its result (or the error it failed with)."""
    def go(op) -> Any:  # noqa: ANN001
        out: list = []
        op.success(out.append).failure(out.append).run()
        settle()
        return out[0] if out else None
    return go


def _bp(doc: int) -> Blueprint:
    return Blueprint(document_id=doc, items=(BlueprintItem("single", 2, 5), BlueprintItem("judge", 2, 5)),
                     time_limit_s=600)


def test_the_practice_answer_path(window, seeded_ctx, seed_id, learner, attempt_key, run) -> None:
    view = run(ops.start_practice(window, learner, Scope("document", seed_id), 3, ["judge"]))
    a = view.id
    checked = ops.practice_check_now(seeded_ctx, a, 0, attempt_key.right(a, 0))
    assert checked.correct and practice.get_attempt(seeded_ctx, a).answered_count == 0  # a read only
    stored = ops.practice_answer_now(seeded_ctx, a, 0, attempt_key.right(a, 0), 3.0, wait_ms=80)
    assert stored.correct and ops.practice_feedback_now(seeded_ctx, a, 0).correct
    kept = run(ops.store_practice_answers(window, a, {1: (attempt_key.wrong(a, 1), 4.0)}))
    assert kept[1].correct is False and practice.get_attempt(seeded_ctx, a).answered_count == 2
    summary = run(ops.finish_practice(window, a, {2: (attempt_key.right(a, 2), 2.0)}))
    assert (summary.correct_count, summary.wrong_count, summary.unanswered_count) == (2, 1, 0)


def test_the_quiz_answer_path(window, seeded_ctx, seed_id, learner, attempt_key, run, monkeypatch) -> None:
    view = run(ops.start_exam(window, learner, _bp(seed_id)))
    a = view.id
    saved = ops.exam_answer_now(seeded_ctx, a, 0, attempt_key.right(a, 0), 5.0, wait_ms=80)
    assert saved.answered_count == 1 and saved.remaining_s is not None
    ops.flag_now(seeded_ctx, a, 3, True)
    assert quiz.get_attempt(seeded_ctx, a).questions[3].flagged
    assert ops.exam_heartbeat_now(seeded_ctx, a).answered_count == 1
    assert run(ops.exam_heartbeat(window, a)).attempt_id == a
    assert run(ops.store_exam_answers(window, a, {1: (attempt_key.right(a, 1), 3.0, 0.0)}, 0.0)) == [1]
    result = run(ops.submit_exam(window, a, {2: (attempt_key.right(a, 2), 3.0, 0.0)}, 0.0))
    assert result.status == "submitted" and result.correct_count == 3 and result.score == 15


@pytest.mark.sqlite_only  # (another program's lock on the SQLite file)
def test_an_answer_that_cannot_wait_is_handed_back_at_once(seeded_ctx, seed_id, learner, attempt_key) -> None:
    a = practice.start_practice(seeded_ctx, learner, Scope("document", seed_id), 2, ["judge"]).id
    blocker = sqlite3.connect(seeded_ctx.data_dir / DB_FILENAME, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another program's long import
        with pytest.raises(ops.DatabaseBusy):
            ops.practice_answer_now(seeded_ctx, a, 0, attempt_key.right(a, 0), 1.0, wait_ms=50)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert practice.get_attempt(seeded_ctx, a).answered_count == 0  # kept by the page, not half-stored


def test_the_learner_is_remembered_only_when_asked(window, seeded_ctx, learner, run) -> None:
    assert ops.last_learner_now(seeded_ctx) == (None, False)
    run(ops.remember_learner(window, learner, False))
    assert ops.last_learner_now(seeded_ctx) == (learner, False)
    assert run(ops.remembered_learner(window, lambda _p: None)) is None  # a shared PC asks each time
    run(ops.remember_learner(window, learner, True))
    assert run(ops.remembered_learner(window, lambda _p: None)).id == learner
    roster.delete_person(seeded_ctx, learner)
    assert run(ops.remembered_learner(window, lambda _p: None)) is None  # gone from the roster: ask


def test_the_practice_form_and_the_wrong_book(window, seeded_ctx, seed_id, learner, attempt_key, run) -> None:
    a = practice.start_practice(seeded_ctx, learner, Scope("document", seed_id), 2, ["judge"]).id
    practice.answer(seeded_ctx, a, 0, attempt_key.wrong(a, 0))
    count, wrong, due = ops.practice_form_now(seeded_ctx, learner)
    assert (count, wrong, due) == (10, 1, 0)
    data = run(ops.wrongbook_page(window, learner, lambda _d: None))
    [item] = data.book.items
    assert item.section_id in data.order
    study = run(ops.my_study_page(window, learner, seed_id, lambda _d: None))
    assert study.document is not None and study.study.wrongbook_count == 1


def test_quizzes_left_with_no_time_are_handed_in_and_announced(window, seeded_ctx, seed_id, learner, qtbot, run) -> None:
    from sqlalchemy import update

    from studyapp.db.models_study import Attempt

    left = quiz.start_exam(seeded_ctx, learner, _bp(seed_id)).id
    running = quiz.start_exam(seeded_ctx, learner, _bp(seed_id)).id
    with seeded_ctx.begin() as session:
        session.execute(update(Attempt).where(Attempt.id == left).values(remaining_s=0.0))
    # (the window may announce its own settings meanwhile: wait for the study's announcement)
    with qtbot.waitSignal(hub().changed, check_params_cb=lambda ch, *_: ch.touches("study")):
        expired, open_ones = run(ops.unfinished(window, learner, lambda _f: None))
    assert expired == [left] and [u.id for u in open_ones] == [running]


def test_the_dots_after_a_read(window, seeded_ctx, seed_id, learner, qtbot, run) -> None:
    section = next(s for s in ops.document_now(seeded_ctx, seed_id).sections if s.label == "1.")
    with qtbot.waitSignal(hub().changed, check_params_cb=lambda ch, *_: ch.touches("reading") and ch.touches("study")):
        marks, rule = run(ops.mastery(window, learner, seed_id, lambda _m: None, read_section=section.id))
    assert marks[section.id].read and marks[section.id].state == "read" and "已掌握" in rule
