"""A county's data (1,000 people, 2,000 sessions, 200,000 attendance rows, 500 scores a session
for the last 50 sessions) made by bulk inserts, and the records' reads timed at half and full
size. Issue 16's target: every list ≤ 150 ms at county size, and ≤ 2.1 × from half to full
size (the assertion guards only against a return to quadratic reads: ≤ 3 ×)."""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from studyapp.db.models import StudySession
from studyapp.db.models_records import Attendance, Person, Score
from studyapp.services import attendance, hours, roster, scores, sessions
from studyapp.services.context import AppContext

from .conftest import best_of

pytestmark = pytest.mark.perf


def _folder_on_server(folder: Path) -> None:
    """With STUDYAPP_TEST_PG (scripts/test-postgres.sh tests/perf/test_county_perf.py): the
    county's records on the PostgreSQL server instead of the folder's SQLite file."""
    from studyapp.db import shared
    from tests.conftest import PG, _pg, _pg_admin

    if not PG:
        return
    name = f"studyapp_county_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    shared.write(folder, _pg(name))


def _drop_server_database(ctx: AppContext) -> None:
    from tests.conftest import _pg_admin

    if ctx.shared is not None:
        _pg_admin(f'DROP DATABASE IF EXISTS "{ctx.shared.database}" WITH (FORCE)')


def build(folder: Path, people: int, n_sessions: int, per_session: int, scored: int) -> tuple[AppContext, list[int]]:
    folder.mkdir(parents=True, exist_ok=True)
    _folder_on_server(folder)
    ctx = AppContext(folder)
    rng = random.Random(1)
    stamp = dt.datetime(2024, 1, 1)
    with ctx.begin(write=True) as s:
        s.execute(insert(Person), [dict(name=f"干部{i:04d}", unit=f"单位{i % 40}", post="干部", sort_no=i, note="",
                                        active=True, created_at=stamp) for i in range(people)])
        s.execute(insert(StudySession), [dict(
            date=dt.date(2020, 1, 1) + dt.timedelta(days=i * 1800 // n_sessions), mode="集中学习", place="会议室",
            leader="王德伦", host="", recorder="", participants="", content="", meta={}, created_at=stamp, summary="",
            test_summary="", section_ids=[], full_marks=100) for i in range(n_sessions)])
    with ctx.begin() as s:
        pids = list(s.scalars(select(Person.id)))
        sids = list(s.scalars(select(StudySession.id)))
    statuses = ["present", "present", "present", "late", "leave", "absent", None]
    rows = [dict(session_id=sid, person_id=pid, status=rng.choice(statuses), reason="", hours=None, updated_at=stamp)
            for sid in sids for pid in rng.sample(pids, per_session)]
    marks = [dict(session_id=sid, person_id=pid, score=float(rng.randint(40, 100)), note="", answers=None,
                  paper_id=None, updated_at=stamp) for sid in sids[-scored:] for pid in pids[:500]]
    with ctx.begin(write=True) as s:
        for k in range(0, len(rows), 20000):
            s.execute(insert(Attendance), rows[k:k + 20000])
        s.execute(insert(Score), marks)
    if ctx.engine.dialect.name == "postgresql":
        with ctx.engine.begin() as conn:  # (what the server's autovacuum does after a big load)
            conn.exec_driver_sql("ANALYZE")
    return ctx, sids


def test_records_reads_at_county_size(tmp_path: Path, report) -> None:  # noqa: ANN001
    timings: dict[str, list[float]] = {}
    for scale in (0.5, 1.0):
        t = time.perf_counter()
        ctx, sids = build(tmp_path / f"x{scale}", int(1000 * scale), int(2000 * scale), 100, int(50 * scale))
        built = time.perf_counter() - t
        reads = {
            "学习会 list, whole": lambda ctx=ctx: sessions.list_sessions(ctx),
            "学习会 list, a page (what the window reads)": lambda ctx=ctx: sessions.session_page(ctx, 100),
            "学时台账 (one year)": lambda ctx=ctx: hours.ledger(ctx, 2023),
            "人员名单": lambda ctx=ctx: roster.list_people(ctx),
            "考勤 of a session": lambda ctx=ctx, sid=sids[0]: attendance.sheet(ctx, sid),
            "成绩 of a session (500 people)": lambda ctx=ctx, sid=sids[-1]: scores.session_scores(ctx, sid),
            "学习会 detail": lambda ctx=ctx, sid=sids[0]: sessions.get_session_detail(ctx, sid),
        }
        for name, fn in reads.items():
            timings.setdefault(name, []).append(best_of(fn, repeat=3))
        report(f"scale {scale} on {ctx.engine.dialect.name}: built in {built:.1f} s")
        ctx.close()
        _drop_server_database(ctx)
    worst = 0.0
    for name, (half, full) in timings.items():
        ratio = full / half if half > 0 else 1.0
        worst = max(worst, ratio if full > 0.03 else 1.0)  # (a few ms on a shared machine are noise)
        report(f"{name}: {half * 1000:.0f} ms at half size, {full * 1000:.0f} ms at county size (×{ratio:.2f}; "
               f"targets ≤ 150 ms, ≤ ×2.1)")
    assert worst <= 3.0
