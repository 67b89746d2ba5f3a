"""A crash in the middle of a contest loses nothing: a killed process, then a new start.

The child process records contest events and the room state, prints the board it saw, and
kills itself with SIGKILL (no atexit, no clean shutdown, the WAL not checkpointed). A new
context must offer the run as unfinished and replay it to the same scores and place.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from studyapp.services import room
from studyapp.services.context import AppContext

CHILD = textwrap.dedent(
    """
    import json, os, signal, sys
    from pathlib import Path
    from studyapp.core.contest import BUZZ, COMPULSORY, RISK, ContestSetup, Team
    from studyapp.services import room
    from studyapp.services.context import AppContext

    ctx = AppContext(Path(sys.argv[1]))
    doc = int(sys.argv[2])
    setup = ContestSetup((Team("t1", "第一组"), Team("t2", "第二组"), Team("t3", "第三组")))
    qids = room.pick_questions(ctx, doc, count=8)
    run = room.start_run(ctx, "contest", session_id=None, document_id=doc,
                         setup={"contest": setup.to_json(), "question_ids": qids}, title="竞赛")
    rid = run.info.id
    state = room.contest_state(ctx, rid)
    for make in (lambda s: s.show(COMPULSORY, 0), lambda s: s.judge(True),
                 lambda s: s.show(COMPULSORY, 1), lambda s: s.judge(False),
                 lambda s: s.show(BUZZ, 2), lambda s: s.judge(True, "t3"),
                 lambda s: s.show(RISK, 3, "t2"), lambda s: s.judge(True, None, 30),
                 lambda s: s.adjust("t1", -5, "犯规"), lambda s: s.undo(),
                 lambda s: s.show(BUZZ, 4)):
        state = room.record_contest_event(ctx, rid, make(state))
        room.save_state(ctx, rid, {"question": state.question, "timer_ms": 17000})
    print(json.dumps({"run": rid, "scores": state.scores}), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_contest_survives_a_killed_process(seeded_ctx: AppContext, seed_id: int, tmp_path: Path) -> None:
    data_dir = seeded_ctx.data_dir
    seeded_ctx.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run([sys.executable, str(script), str(data_dir), str(seed_id)], check=False,
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    seen = json.loads(proc.stdout.strip().splitlines()[-1])

    again = AppContext(data_dir)
    try:
        [run] = room.unfinished_runs(again)
        assert run.id == seen["run"] and run.kind_name == "知识竞赛"
        state = room.contest_state(again, run.id)
        assert state.scores == seen["scores"] == {"t1": 110, "t2": 130, "t3": 110}
        assert state.question == 4 and state.round == "buzz" and not state.judged
        assert room.get_run(again, run.id).state == {"question": 4, "timer_ms": 17000}
    finally:
        again.close()
