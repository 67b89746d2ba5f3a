"""Two PCs entering the same session's attendance and scores at once (two processes on one set
of records: the SQLite file, or the shared server when the suite runs on one): nothing either of
them entered is lost, and neither gets an error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from studyapp.services import attendance, roster, scores, sessions
from studyapp.services.dto_records import PersonDraft, SessionDraft

ENTRY_CLERK = r"""
import json, sys
from pathlib import Path
from studyapp.services import attendance, scores
from studyapp.services.context import AppContext
data, session_id, people, base = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3]), float(sys.argv[4])
ctx = AppContext(data)
errors = []
for round_ in range(3):  # marked, changed, marked again: many small writes, as a clerk types
    for i, pid in enumerate(people):
        try:
            attendance.mark(ctx, session_id, pid, ("present", "late", "present")[round_])
            scores.set_score(ctx, session_id, pid, base + i + round_)
        except Exception as e:  # noqa: BLE001 - the test reports any
            errors.append(f"{type(e).__name__}: {e}")
ctx.close()
print(json.dumps(errors))
"""


def test_two_clerks_enter_one_session_at_once_and_nothing_is_lost(ctx, tmp_path: Path) -> None:
    ids = [roster.add_person(ctx, PersonDraft(f"干部{i:02d}", "乡党委")).id for i in range(40)]
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习")).id
    attendance.set_expected(ctx, sid, person_ids=ids)
    halves = (ids[:20], ids[20:])
    procs = [subprocess.Popen([sys.executable, "-c", ENTRY_CLERK, str(ctx.data_dir), str(sid), json.dumps(h), str(b)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for h, b in zip(halves, (50.0, 70.0), strict=True)]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert json.loads(out.strip().splitlines()[-1]) == [], out
    sheet = {r.person_id: r.status for r in attendance.sheet(ctx, sid)}
    assert all(sheet[pid] == "present" for pid in ids)
    got = {r.person_id: r.score for r in scores.session_scores(ctx, sid).rows}
    assert [got[pid] for pid in halves[0]] == [50.0 + i + 2 for i in range(20)]
    assert [got[pid] for pid in halves[1]] == [70.0 + i + 2 for i in range(20)]


def test_a_learner_answers_while_another_pc_imports_a_large_roster(study, tmp_path: Path) -> None:  # noqa: ANN001
    """A practice on one PC while another imports a county's roster of 1,500 people: each answer
    is stored as it is given, while the import is under way (the import writes in short chunks,
    so the answer waits a chunk at most, never its 5 s), and the import ends whole."""
    import threading
    import time

    from studyapp.services import attempts, practice
    from studyapp.services.context import AppContext
    from studyapp.services.dto_study import Scope

    ctx = study.ctx
    people = 1500
    lines = "姓名,单位,党小组\n" + "".join(f"人员{i:04d},单位{i % 9},第{i % 5 + 1}党小组\n" for i in range(people))
    path = tmp_path / "名册.csv"
    path.write_text(lines, encoding="utf-8")
    other = AppContext(ctx.data_dir)  # the second PC
    errors: list[BaseException] = []
    under_way = threading.Event()  # the import has stored its first chunk and goes on
    answered_some = threading.Event()
    finished = threading.Event()

    def progress(done: int, total: int, _text: str) -> None:
        if 0 < done < total and not under_way.is_set():
            under_way.set()
            # (the import waits here until the learner has answered: the two surely overlap)
            assert answered_some.wait(60), "the learner never answered"

    def import_roster() -> None:
        try:
            roster.commit_import(other, roster.preview_import(other, path), progress=progress)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
        finally:
            finished.set()

    view = practice.start_practice(ctx, study.person, Scope("document", study.doc), count=10, seed=3)
    assert len(view.questions) >= 4
    t = threading.Thread(target=import_roster)
    t.start()
    assert under_way.wait(60), errors
    during: list[bool] = []  # for each answer: was the import still running when it was stored?
    start = time.perf_counter()
    try:
        for position in range(len(view.questions)):
            practice.answer(ctx, view.id, position, study.right(view.id, position))
            during.append(not finished.is_set())
            if position == 0:  # (the half-done import shows nothing yet: it appears whole, at once)
                assert len(roster.list_people(ctx)) == 1
            stored = attempts.get_attempt(ctx, view.id).questions[position]
            assert stored.answered and stored.response is not None  # saved, as the learner goes on
            if position == 1:
                answered_some.set()  # the rest are answered while the import writes its chunks
    finally:
        answered_some.set()
        t.join(120)
        other.close()
    assert not errors, errors
    assert during[:2] == [True, True]  # (answered with the import half done: nothing of it shown yet)
    assert len(roster.list_people(ctx)) == people + 1  # the whole roster (and the learner)
    result = practice.finish(ctx, view.id)
    assert result.correct_count == len(view.questions) and time.perf_counter() - start < 60


ROSTER_CLERK = r"""
import sys
from pathlib import Path
from studyapp.services import roster
from studyapp.services.context import AppContext
data, path, started, done = (Path(a) for a in sys.argv[1:5])
ctx = AppContext(data)

def progress(n, total, _text):
    if 0 < n < total and not started.exists():
        started.write_text("1")  # the first chunk is stored: the import is under way

roster.commit_import(ctx, roster.preview_import(ctx, path), progress=progress)
ctx.close()
done.write_text("1")
"""


def test_a_quiz_is_answered_while_another_pc_process_imports_a_large_roster(study, tmp_path: Path) -> None:  # noqa: ANN001
    """The issue's concurrency case with two processes, as two PCs are: a 模拟考试 on one while
    the other imports a county's roster — each answer is stored as it is given, the quiz hands
    in, and the import ends whole."""
    import time

    from studyapp.core.blueprint import Blueprint, BlueprintItem
    from studyapp.services import attempts, quiz

    ctx = study.ctx
    people = 3000
    path = tmp_path / "名册.csv"
    path.write_text("姓名,单位,党小组\n" + "".join(f"人员{i:04d},单位{i % 9},第{i % 5 + 1}党小组\n" for i in range(people)),
                    encoding="utf-8")
    started, done = tmp_path / "started", tmp_path / "done"
    blueprint = Blueprint(document_id=study.doc, items=(BlueprintItem("single", 3, 4), BlueprintItem("judge", 3, 2)),
                          time_limit_s=600)
    view = quiz.start_exam(ctx, study.person, blueprint, seed=1)
    clerk = subprocess.Popen([sys.executable, "-c", ROSTER_CLERK, str(ctx.data_dir), str(path), str(started), str(done)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not started.exists() and clerk.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        during = []
        for position in range(len(view.questions)):
            quiz.save_answer(ctx, view.id, position, study.right(view.id, position))
            during.append(not done.exists())
            assert attempts.get_attempt(ctx, view.id).questions[position].answered  # stored as given
        result = quiz.submit(ctx, view.id)
    finally:
        out, err = clerk.communicate(timeout=180)
    assert clerk.returncode == 0, err
    assert during[0], "the import had ended before the first answer: no overlap to test"
    assert result.score == result.full_marks
    assert len(roster.list_people(ctx)) == people + 1  # the whole roster (and the learner)
