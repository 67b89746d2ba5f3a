"""模拟考试 end to end: blueprint, hidden key, submit, a study session's score, and resume after
the process was killed mid-quiz. (The countdown and time-out, shared with 练习's attempts, are
tested in test_attempts.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from studyapp.core.blueprint import Blueprint, BlueprintItem
from studyapp.core.grading import MULTIPLE_PARTIAL, GradingRule
from studyapp.core.model import UserError
from studyapp.services import quiz, scores, sessions, wrongbook
from studyapp.services.context import AppContext
from studyapp.services.dto_records import SessionDraft

REPO = Path(__file__).resolve().parents[2]


def _bp(doc: int, seconds: int = 600, **kw) -> Blueprint:
    items = (BlueprintItem("single", 3, 4), BlueprintItem("multiple", 2, 5),
             BlueprintItem("judge", 3, 2), BlueprintItem("fill", 2, 6))
    return Blueprint(document_id=doc, items=items, time_limit_s=seconds, **kw)


def test_default_blueprint_fits_the_bank(study) -> None:
    bp = quiz.default_blueprint(study.ctx, study.doc)
    have = quiz.available_counts(study.ctx, study.doc)
    assert bp.time_limit_s == 30 * 60 and bp.title.endswith("模拟考试")
    assert all(i.count <= have.get(i.type, 0) for i in bp.items)
    assert "short" not in {i.type for i in bp.items}
    view = quiz.start_exam(study.ctx, study.person, bp, seed=1)
    assert len(view.questions) == bp.question_count and view.full_marks == bp.full_marks


def test_exam_hides_the_key_until_submitted_then_scores_every_question(study) -> None:
    ctx = study.ctx
    view = quiz.start_exam(ctx, study.person, _bp(study.doc), seed=4)
    assert view.kind == "exam" and view.full_marks == 3 * 4 + 2 * 5 + 3 * 2 + 2 * 6 == 40
    assert view.remaining_s == pytest.approx(600, abs=1) and view.time_limit_s == 600
    assert [q.type for q in view.questions] == ["single"] * 3 + ["multiple"] * 2 + [
        "judge"] * 3 + ["fill"] * 2
    assert not hasattr(view.questions[0], "answer")  # nothing of the key on screen
    assert view.questions[8].blanks >= 1

    saved = quiz.save_answer(ctx, view.id, 0, study.right(view.id, 0))
    assert saved.answered_count == 1 and saved.remaining_s <= 600
    quiz.save_answer(ctx, view.id, 1, study.wrong(view.id, 1))
    quiz.save_answer(ctx, view.id, 1, study.right(view.id, 1))  # changed mind: allowed
    quiz.save_answer(ctx, view.id, 3, study.wrong(view.id, 3))
    quiz.save_answer(ctx, view.id, 5, study.right(view.id, 5))
    quiz.save_answer(ctx, view.id, 8, study.right(view.id, 8))
    quiz.save_answer(ctx, view.id, 9, ["x"])
    assert quiz.save_answer(ctx, view.id, 9, [""]).answered_count == 5  # blank clears
    quiz.flag(ctx, view.id, 6)
    with pytest.raises(quiz.KeyHiddenError):
        quiz.feedback(ctx, view.id, 0)
    with pytest.raises(quiz.KeyHiddenError):
        quiz.result(ctx, view.id)
    assert wrongbook.wrong_count(ctx, study.person) == 0  # nothing judged before 交卷

    res = quiz.submit(ctx, view.id)
    assert res.status == "submitted" and res.status_name == "已交卷"
    assert res.score == 4 + 4 + 2 + 6 == 16 and res.full_marks == 40
    assert (res.correct_count, res.wrong_count, res.unanswered_count) == (4, 1, 5)
    assert res.items[6].flagged and not res.items[6].answered
    assert res.items[3].result.correct is False and res.items[3].result.right_answer_text
    assert res.items[3].result.quote and res.items[3].result.in_wrongbook
    assert res.duration_s is not None and res.duration_s < 60
    # only the tried-and-wrong question enters the 错题本, not the unanswered ones
    assert [i.question_id for i in wrongbook.wrong_book(ctx, study.person).items] == [
        view.questions[3].question_id]
    assert quiz.submit(ctx, view.id) == res  # a second 交卷 (or the countdown) changes nothing
    assert quiz.result(ctx, view.id) == res

    with pytest.raises(quiz.AttemptClosedError, match="已经交卷"):
        quiz.save_answer(ctx, view.id, 2, study.right(view.id, 2))
    with pytest.raises(quiz.AttemptClosedError):
        quiz.flag(ctx, view.id, 2)
    with pytest.raises(quiz.AttemptClosedError):
        quiz.resume_attempt(ctx, view.id)
    assert quiz.get_attempt(ctx, view.id).questions[2].response is None


def test_partial_rule_is_frozen_into_the_quiz(study) -> None:
    bp = Blueprint(study.doc, (BlueprintItem("multiple", 1, 4),), 600,
                   rule=GradingRule(MULTIPLE_PARTIAL))
    view = quiz.start_exam(study.ctx, study.person, bp, seed=2)
    key = study.right(view.id, 0)
    quiz.save_answer(study.ctx, view.id, 0, key[:1])  # 少选
    res = quiz.submit(study.ctx, view.id)
    assert res.score == 2 and res.items[0].result.partial
    assert "少选得部分分" in view.rule_text


def test_scope_too_small_says_how_many_there_are(study) -> None:
    bp = Blueprint(study.doc, (BlueprintItem("multiple", 500, 2),), 600)
    have = quiz.available_counts(study.ctx, study.doc)["multiple"]
    with pytest.raises(UserError, match=f"多选题只有 {have} 道，不够 500 道"):
        quiz.start_exam(study.ctx, study.person, bp)


def test_quiz_in_a_study_session_gives_the_session_its_score(study) -> None:
    ctx = study.ctx
    detail = sessions.create_session(ctx, SessionDraft(date="2025-03-03", content="依法治市",
                                                       document_id=study.doc))
    view = quiz.start_exam(ctx, study.person, _bp(study.doc), session_id=detail.id, seed=5)
    assert view.session_id == detail.id
    for pos in range(10):
        quiz.save_answer(ctx, view.id, pos, study.right(view.id, pos))
    res = quiz.submit(ctx, view.id)
    assert res.score == 40 and res.session_id == detail.id
    table = scores.session_scores(ctx, detail.id)
    [row] = [r for r in table.rows if r.person_id == study.person]
    assert row.score == 100.0  # 40/40 on the session's 满分 100
    assert "已计入学习记录" in res.session_note


def test_a_quiz_never_overwrites_a_recorded_score_without_being_asked(study) -> None:
    """The paper test gave 王某 86; taking the quiz again on the PC keeps 86 in the records
    (the result page says so), until the administrator changes it in 成绩登记."""
    ctx = study.ctx
    detail = sessions.create_session(ctx, SessionDraft(date="2025-03-04", content="依法治市",
                                                       document_id=study.doc))
    scores.set_score(ctx, detail.id, study.person, 86)
    view = quiz.start_exam(ctx, study.person, _bp(study.doc), session_id=detail.id, seed=5)
    for pos in range(10):
        quiz.save_answer(ctx, view.id, pos, study.right(view.id, pos))
    res = quiz.submit(ctx, view.id)
    [row] = [r for r in scores.session_scores(ctx, detail.id).rows if r.person_id == study.person]
    assert row.score == 86.0
    assert "已有成绩 86 分" in res.session_note and "没有覆盖" in res.session_note
    assert "没有覆盖" in quiz.result(ctx, view.id).session_note  # (the history says it too)


SCRIPT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from studyapp.services import quiz
    from studyapp.services.context import AppContext

    data, attempt_id, response = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    ctx = AppContext(data)
    [u] = quiz.unfinished_attempts(ctx, int(sys.argv[4]))
    view = quiz.resume_attempt(ctx, u.id)
    saved = quiz.save_answer(ctx, attempt_id, 2, eval(response))
    print(f"saved {saved.answered_count} {saved.remaining_s!r}", flush=True)
    time.sleep(60)  # still "answering" when the PC dies
""")


def test_resume_after_the_process_was_killed(study, data_dir: Path, tmp_path: Path) -> None:
    ctx = study.ctx
    view = quiz.start_exam(ctx, study.person, _bp(study.doc), seed=9)
    r0, r1, r2 = (study.right(view.id, p) for p in range(3))
    quiz.save_answer(ctx, view.id, 0, r0)
    quiz.save_answer(ctx, view.id, 1, r1)
    quiz.flag(ctx, view.id, 7)
    ctx.close()  # this process "closes" the app; another one resumes and dies

    script = tmp_path / "answer_and_hang.py"
    script.write_text(SCRIPT, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(data_dir), str(view.id), repr(r2), str(study.person)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("saved 3 "), proc.stderr.read()
        remaining_at_death = float(line.split()[2])
    finally:
        proc.kill()  # SIGKILL: no cleanup, no commit of anything pending
        proc.wait(timeout=10)
    assert proc.returncode != 0

    time.sleep(0.3)  # time while the app is dead is not charged
    fresh = AppContext(data_dir)
    try:
        [offer] = quiz.unfinished_attempts(fresh, study.person)
        assert (offer.id, offer.kind_name, offer.answered, offer.total) == (view.id, "模拟考试", 3,
                                                                           10)
        assert offer.remaining_s == pytest.approx(remaining_at_death)
        again = quiz.resume_attempt(fresh, view.id)
        assert again.remaining_s == pytest.approx(remaining_at_death)
        assert [(q.question_id, q.stem, q.options) for q in again.questions] == [
            (q.question_id, q.stem, q.options) for q in view.questions]
        assert [q.response for q in again.questions[:3]] == [r0, r1, r2]
        assert again.questions[7].flagged and again.answered_count == 3
        res = quiz.submit(fresh, view.id)
        assert res.correct_count == 3 and res.score == 12
    finally:
        fresh.close()
