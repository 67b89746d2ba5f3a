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
    """A practice on one PC while another imports 600 people in one long write: every answer is
    stored (the answering PC waits its turn, never fails) and the import is whole. (The answer
    waits at most BUSY_TIMEOUT_MS for the writer's lock: 1,500 people took longer than that on
    a loaded CI machine's PostgreSQL, and the answer was refused as DatabaseBusy.)"""
    import threading
    import time

    from studyapp.services import practice
    from studyapp.services.context import AppContext
    from studyapp.services.dto_study import Scope

    ctx = study.ctx
    lines = "姓名,单位\n" + "".join(f"人员{i:04d},单位{i % 9}\n" for i in range(600))
    path = tmp_path / "名册.csv"
    path.write_text(lines, encoding="utf-8")
    other = AppContext(ctx.data_dir)  # the second PC
    errors: list[BaseException] = []

    def import_roster() -> None:
        try:
            roster.commit_import(other, roster.preview_import(other, path))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    view = practice.start_practice(ctx, study.person, Scope("document", study.doc), count=10, seed=3)
    t = threading.Thread(target=import_roster)
    t.start()
    answered = 0
    start = time.perf_counter()
    for position in range(len(view.questions)):
        practice.answer(ctx, view.id, position, study.right(view.id, position))
        answered += 1
    t.join(120)
    other.close()
    assert not errors, errors
    assert len(roster.list_people(ctx)) >= 600
    result = practice.finish(ctx, view.id)
    assert result.correct_count == answered > 0 and time.perf_counter() - start < 60
