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
