"""A session's 考勤 and 成绩 tables for the largest session a county holds (everyone expected and
scored: 500 people at half county size, 1,000 at full), and the 学时台账 of a year, each opened
as a user opens it (offscreen, a 1024×768 panel): from the first call to the data on screen,
the best of five after a first, with the longest gap of a 10 ms heartbeat on the GUI thread
meanwhile; the ledger's read alone (hours.ledger) beside it. The data folder holds the whole
county (tests/perf/county.py), its last two sessions made 全县 meetings.

Targets (issue 16): each ≤ 150 ms at county size and ≤ ×2.1 from half to full size (asserted;
the sizes measured by turns, the least kept, so load on a shared machine falls on both alike),
nothing of it on the GUI thread. Run with
`QT_QPA_PLATFORM=offscreen pytest -m perf -s -p no:randomly tests/perf/test_records_tables_perf.py`
(`bash scripts/test-postgres.sh -m perf -s -p no:randomly tests/perf/test_records_tables_perf.py`
on PostgreSQL).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.services import hours
from studyapp.services.context import AppContext

from .conftest import WindowFigures, growth, window_report, window_turns
from .county import County, build_county, everyone_at
from .test_views_perf import _Clock, dispose

pytestmark = pytest.mark.perf

YEAR = 2023  # (the generated sessions run from 2020 to 2024: a full year in the middle)


def _ledger_plan(ctx: AppContext) -> list[str]:
    """The plan of the 学时台账's sum (the last statement person_hours runs): the year's sessions by
    the date index, their attendance by the (session, person) index."""
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def catch(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        seen.append((statement, parameters))

    event.listen(ctx.engine, "before_cursor_execute", catch)
    try:
        hours.person_hours(ctx, YEAR)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", catch)
    statement, parameters = seen[-1]
    with ctx.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            return [str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
        return [str(row[0]) for row in conn.exec_driver_sql("EXPLAIN " + statement, parameters)]


def _screens(ctx: AppContext, sids: list[int], size: int, clock: _Clock) -> dict[str, tuple[float, float]]:
    from PySide6.QtWidgets import QWidget

    from studyapp.ui import ops
    from studyapp.ui.records.attendance import AttendancePanel
    from studyapp.ui.records.hours import HoursPanel
    from studyapp.ui.records.scores import ScoresPanel
    from studyapp.ui.tasks import TaskRunner

    host = QWidget()
    runner = TaskRunner(host)
    idle = lambda: ops.pending() == 0  # noqa: E731
    out: dict[str, tuple[float, float]] = {}
    notes: list[str] = []

    def panel_of(kind: type) -> QWidget:
        args = (ctx, runner, notes.append)
        panel = kind(*args)
        panel.resize(1024, 768)
        panel.show()
        return panel

    def best(name: str, panel, ready) -> None:  # noqa: ANN001
        runs = []
        for sid in (sids[0], sids[1]) * 3:
            took, gap, _ = clock.open(lambda sid=sid: panel.set_session(sid), lambda _s, sid=sid: ready(sid))
            runs.append((took, gap))
        out[name] = min(runs[1:])  # (the first opening builds the panel's fonts and caches: left out)

    att = panel_of(AttendancePanel)
    best(f"考勤 of a {size}-person session", att,
         lambda sid: idle() and att.session_id == sid and att.table.rowCount() == size and att.expected == size)
    sc = panel_of(ScoresPanel)
    best(f"成绩 of a {size}-person session", sc,
         lambda sid: idle() and sc.session_id == sid and sc.table.rowCount() == size
         and sc.stat_values["count"].text() != "0")

    hp = panel_of(HoursPanel)
    runs = []
    for year in (YEAR, YEAR - 1) * 3:
        hp.ledger = None
        took, gap, _ = clock.open(lambda year=year: hp.year.setValue(year),
                                  lambda _y, year=year: idle() and hp.ledger is not None
                                  and hp.ledger.year == year and hp.table.rowCount() > 0)
        runs.append((took, gap))
    out["学时台账 (a year, on screen)"] = min(runs[1:])
    dispose(att, sc, hp)
    runner.shutdown()
    dispose(host)
    return out


def test_records_tables_at_county_size(qapp, tmp_path: Path, report) -> None:  # noqa: ANN001
    clock = _Clock(qapp)
    counties: dict[float, County] = {}
    sizes: dict[float, int] = {}
    try:
        for scale in (0.5, 1.0):
            county = counties[scale] = build_county(tmp_path / f"x{scale}", scale)
            sizes[scale] = everyone_at(county.ctx, county.sessions[-2:])
            report(county.describe())
            report(f"scale {scale}: the last two sessions with all {sizes[scale]} people expected and scored")
        read = growth("学时台账 (a year, the read alone)", lambda: hours.ledger(counties[0.5].ctx, YEAR),
                      lambda: hours.ledger(counties[1.0].ctx, YEAR), repeat=5)
        figures: WindowFigures = {read.name: {0.5: (read.half, 0.0), 1.0: (read.full, 0.0)}}

        def screens(scale: float) -> dict[str, tuple[float, float]]:
            county = counties[scale]
            return {name.replace(str(sizes[scale]), "N"): figure
                    for name, figure in _screens(county.ctx, county.sessions[-2:], sizes[scale], clock).items()}

        # by turns, half and full size, the least of each kept (conftest.window_turns)
        turns = window_turns(screens, list(counties), figures)
        report("学时台账's sum, planned:\n  " + "\n  ".join(_ledger_plan(counties[1.0].ctx)))
    finally:
        for county in counties.values():
            county.close()
    over = window_report(figures, report, "")
    report(f"(screens: best of {5 * turns} openings, {turns} turns by size)")
    assert not over, "grew faster than the county:\n" + "\n".join(over)
