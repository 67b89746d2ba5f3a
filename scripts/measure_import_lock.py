"""How long the long imports hold the database's writer lock, and how long a short write on
another PC waits meanwhile — on SQLite and on PostgreSQL.

Imports a roster of N people (default 1,500), then an attendance sheet and a score sheet of all
of them for one session, then a large document (and saves its generated bank). For each it
prints the longest time one write transaction held the writer lock (from the moment it had it:
BEGIN IMMEDIATE on SQLite, the advisory writer lock on PostgreSQL, to the end of its commit),
how many write transactions it made, and its total time; and, measured by a second process that
keeps making one small write after another (as a learner answering on another PC), the longest
that small write waited.

    .venv/bin/python scripts/measure_import_lock.py [--people N] [--pg SERVER] [--skip-bank]

--pg SERVER  on a PostgreSQL server: a socket folder (/tmp/studyapp-pg.XXXX, as
             scripts/test-postgres.sh makes) or host[:port], user postgres; a database is made
             there for the run and dropped afterwards. Without it: a SQLite data folder.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

import tests.conftest as fixtures  # noqa: E402  (the server's name and admin helpers)
from studyapp.services import attendance, bank, documents, roster, scores, sessions  # noqa: E402
from studyapp.services.context import AppContext  # noqa: E402
from studyapp.services.dto_records import SessionDraft  # noqa: E402

DOCUMENT = ROOT.parent / "shared" / "documents" / "dangnei-zhengzhi-shenghuo-2016.txt"

# the other PC: one small write after another (waiting up to 2 minutes for the lock), each
# wait recorded, until the stop file appears; prints the waits as JSON
PROBE = r"""
import json, sys, time
from pathlib import Path
from studyapp.db.models import Setting
from studyapp.services.context import AppContext
ctx = AppContext(Path(sys.argv[1]))
stop = Path(sys.argv[2])
waits = []
i = 0
Path(sys.argv[3]).write_text("ready")
while not stop.exists():
    i += 1
    t0 = time.perf_counter()
    with ctx.begin(write=True, wait_ms=120000) as session:
        session.merge(Setting(name="probe.counter", value=i))
    waits.append(time.perf_counter() - t0)
    time.sleep(0.02)
ctx.close()
print(json.dumps(waits))
"""


class LockClock:
    """Times every write transaction of a context from the moment it holds the writer lock to
    the end of its commit (or rollback)."""

    def __init__(self, ctx: AppContext) -> None:
        self.held: list[float] = []
        self._start: dict[int, float] = {}
        factory = ctx.session_factory
        event.listen(factory, "after_begin", self._began)
        event.listen(factory, "after_commit", self._ended)
        event.listen(factory, "after_rollback", self._ended)

    def _began(self, session: Any, _transaction: Any, connection: Any) -> None:
        # (after the engine's begin listeners: the lock is held by now)
        if connection.get_execution_options().get("studyapp_write"):
            self._start[id(session)] = time.perf_counter()

    def _ended(self, session: Any, *_: Any) -> None:
        t0 = self._start.pop(id(session), None)
        if t0 is not None:
            self.held.append(time.perf_counter() - t0)

    def reset(self) -> None:
        self.held.clear()


def _csv(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _measure(label: str, ctx: AppContext, clock: LockClock, work: Callable[[], Any]) -> None:
    stop = ctx.data_dir.parent / f"stop-{uuid.uuid4().hex[:6]}"
    ready = ctx.data_dir.parent / f"ready-{uuid.uuid4().hex[:6]}"
    probe = subprocess.Popen([sys.executable, "-c", PROBE, str(ctx.data_dir), str(stop), str(ready)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    while not ready.exists():
        time.sleep(0.05)
    time.sleep(0.3)
    clock.reset()
    t0 = time.perf_counter()
    work()
    total = time.perf_counter() - t0
    time.sleep(0.3)
    stop.write_text("stop")
    out, err = probe.communicate(timeout=300)
    if probe.returncode != 0:
        raise SystemExit(f"probe failed: {err}")
    waits = json.loads(out.strip().splitlines()[-1])
    held = clock.held
    print(f"  {label}: longest lock held {max(held) * 1000:.0f} ms over {len(held)} write transaction(s); "
          f"total {total:.2f} s; the other PC's small write waited at most {max(waits) * 1000:.0f} ms "
          f"({len(waits)} writes)", flush=True)


def run(folder: Path, people: int, with_bank: bool) -> None:
    ctx = AppContext(folder)
    clock = LockClock(ctx)
    print(f"{ctx.engine.dialect.name}: {people} people", flush=True)
    work = folder.parent
    lines = "姓名,单位,职务,党小组\n" + "".join(
        f"人员{i:04d},单位{i % 9},干部,第{i % 5 + 1}党小组\n" for i in range(people))
    path = _csv(work, "名册.csv", lines)
    _measure("roster import", ctx, clock, lambda: roster.commit_import(ctx, roster.preview_import(ctx, path)))
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习")).id
    att = _csv(work, "考勤.csv", "姓名,单位,状态,原因\n" + "".join(
        f"人员{i:04d},单位{i % 9},{'请假' if i % 10 == 0 else '出席'},{'公出' if i % 10 == 0 else ''}\n"
        for i in range(people)))
    _measure("attendance import", ctx, clock, lambda: attendance.import_attendance(ctx, sid, att))
    sco = _csv(work, "成绩.csv", "姓名,单位,得分\n" + "".join(
        f"人员{i:04d},单位{i % 9},{60 + i % 41}\n" for i in range(people)))
    _measure("score import", ctx, clock, lambda: scores.import_scores(ctx, sid, sco))
    if with_bank and DOCUMENT.is_file():
        box: dict[str, int] = {}

        def import_doc() -> None:
            box["doc"] = documents.import_file(ctx, DOCUMENT).document_id

        _measure(f"document import ({DOCUMENT.name})", ctx, clock, import_doc)
        _measure("bank generation", ctx, clock, lambda: bank.generate_for_document(ctx, box["doc"]))
    ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--pg", help="a PostgreSQL server: socket folder or host[:port] (user postgres)")
    parser.add_argument("--skip-bank", action="store_true", help="only the roster, attendance and score imports")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="studyapp-lock-"))
    folder = base / "data"
    folder.mkdir()
    name = ""
    if args.pg:
        from studyapp.db import shared

        fixtures.PG = args.pg
        name = f"studyapp_lock_{uuid.uuid4().hex[:10]}"
        fixtures._pg_admin(f'CREATE DATABASE "{name}"')
        shared.write(folder, fixtures._pg(name))
    try:
        run(folder, args.people, not args.skip_bank)
    finally:
        if name:
            fixtures._pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
