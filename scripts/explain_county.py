"""The query plans behind the list screens at a county's size, on SQLite and on PostgreSQL.

Builds a whole county with the generator of tests/perf (tests/perf/county.py: 1,000 people,
2,000 sessions, 200,000 attendance rows, 500 scores a session for the last 50, 50 documents with
20,000 questions — the seed's bank the largest, 5,000 — and 200,000 answers of self-study, 50,000
of them the busiest learner's), then runs the services behind the 学习记录 and 题库 windows (the
pages they read: session_page, list_page), the whole 学习会 list the CLI prints, the 学时台账 of a
year, the busiest learner's 我的学习 and 错题本 and the whole 题库 list, records every SELECT they
send, and prints each one's plan: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, BUFFERS) on
PostgreSQL — with each screen's time (best of 3).

    .venv/bin/python scripts/explain_county.py [--data DIR] [--pg SERVER] [--out FILE]

--data DIR   keep the SQLite county folder there and reuse it on the next run (else a temp folder)
--pg SERVER  also on a PostgreSQL server: a socket folder (/tmp/studyapp-pg.XXXX, as
             scripts/test-postgres.sh makes) or host[:port], user postgres; a database is made
             there for the run and dropped afterwards
--out FILE   also write the output to FILE
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, func, select  # noqa: E402

import tests.conftest as fixtures  # noqa: E402  (the server's name and admin helpers)
from studyapp.db.models import Question  # noqa: E402
from studyapp.db.models_study import Attempt  # noqa: E402
from studyapp.services import bank, hours, mystudy, sessions, wrongbook  # noqa: E402
from studyapp.services.context import AppContext  # noqa: E402
from tests.perf.county import build_county, drop_server_database  # noqa: E402

YEAR = 2023


def _say(out: list[str], line: str = "") -> None:
    print(line, flush=True)
    out.append(line)


def _study_data(ctx: AppContext) -> tuple[int, int, int]:
    """The county's largest bank (the seed's), its size, and its busiest learner (also in a
    reused folder: found, not remembered)."""
    with ctx.begin() as s:
        largest = s.execute(select(Question.document_id, func.count()).group_by(Question.document_id)
                            .order_by(func.count().desc()).limit(1)).first()
        learner = s.scalar(select(Attempt.person_id).group_by(Attempt.person_id)
                           .order_by(func.count().desc()).limit(1))
    if largest is None or learner is None:
        raise SystemExit("explain_county: the folder holds no county (no bank or no answers): "
                         "delete it and run again to build one")
    return int(largest[0]), int(largest[1]), int(learner)


def _capture(ctx: AppContext, fn: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The distinct SELECTs `fn` sends, with the parameters of their first use."""
    seen: dict[str, Any] = {}

    def on_statement(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT") and statement not in seen:
            seen[statement] = parameters

    event.listen(ctx.engine, "before_cursor_execute", on_statement)
    try:
        fn()
    finally:
        event.remove(ctx.engine, "before_cursor_execute", on_statement)
    return list(seen.items())


def _plan(ctx: AppContext, statement: str, parameters: Any) -> list[str]:
    pg = ctx.engine.dialect.name == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if pg else "EXPLAIN QUERY PLAN "
    with ctx.engine.connect() as conn:
        rows = conn.exec_driver_sql(prefix + statement, parameters).all()
    if pg:
        return [r[0] for r in rows]
    depth: dict[int, int] = {0: 0}
    lines = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, 0) + 1
        lines.append("  " * (depth[node] - 1) + detail)
    return lines


def _best_ms(fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(3):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return min(times)


def explain(ctx: AppContext, out: list[str]) -> None:
    doc, bank_size, learner = _study_data(ctx)
    from studyapp.ui.bank.ops import FULL_PAGE, OPEN_PAGE  # (what the windows read: their page sizes)
    from studyapp.ui.records.ops import SESSION_PAGE

    filters: dict[str, str | None] = {"type": None, "tag": None, "status": None, "origin": None, "search": None}
    screens: dict[str, Callable[[], Any]] = {
        f"学习记录 window, first page (sessions.session_page, {SESSION_PAGE})":
            lambda: sessions.session_page(ctx, SESSION_PAGE),
        f"题库 window opening (bank.list_page, {OPEN_PAGE} whole questions)":
            lambda: bank.list_page(ctx, doc, filters, None, OPEN_PAGE, whole_up_to=FULL_PAGE),
        "学习会 list whole, as the CLI prints it (sessions.list_sessions)": lambda: sessions.list_sessions(ctx),
        f"学时台账 {YEAR} (hours.ledger)": lambda: hours.ledger(ctx, YEAR),
        "我的学习 of the busiest learner (mystudy.my_study)": lambda: mystudy.my_study(ctx, learner, doc),
        "错题本 of the busiest learner (wrongbook.wrong_book)": lambda: wrongbook.wrong_book(ctx, learner),
        f"题库 list, {bank_size} questions whole (bank.list_questions)": lambda: bank.list_questions(ctx, doc),
    }
    for name, fn in screens.items():
        ms = _best_ms(fn)
        statements = _capture(ctx, fn)
        _say(out, f"## {name}: {ms:.0f} ms (best of 3), {len(statements)} distinct SELECT(s)")
        for statement, parameters in statements:
            text = " ".join(statement.split())
            _say(out, f"  SQL: {text[:400]}{' …' if len(text) > 400 else ''}")
            for line in _plan(ctx, statement, parameters):
                _say(out, f"    {line}")
        _say(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the SQLite county folder to make or reuse")
    parser.add_argument("--pg", help="a PostgreSQL server: socket folder or host[:port] (user postgres)")
    parser.add_argument("--out", type=Path, help="also write the output here")
    args = parser.parse_args(argv)
    out: list[str] = []
    _say(out, f"county-size query plans, {dt.datetime.now():%Y-%m-%d %H:%M}")

    fixtures.PG = ""  # (the generator reads it: SQLite first)
    folder = args.data or Path(tempfile.mkdtemp(prefix="studyapp-county-"))
    reuse = (folder / "studyapp.sqlite3").is_file()
    if reuse:
        ctx = AppContext(folder)
        _say(out, f"# SQLite (reused {folder})")
    else:
        county = build_county(folder)
        ctx = county.ctx
        _say(out, f"# SQLite ({folder}: {county.describe()})")
    explain(ctx, out)
    ctx.close()

    if args.pg:
        fixtures.PG = args.pg
        county = build_county(Path(tempfile.mkdtemp(prefix="studyapp-county-pg-")))
        ctx = county.ctx
        _say(out, f"# PostgreSQL ({ctx.shared.describe() if ctx.shared else ''}: {county.describe()})")
        try:
            explain(ctx, out)
        finally:
            ctx.close()
            drop_server_database(ctx)
    if args.out:
        args.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
