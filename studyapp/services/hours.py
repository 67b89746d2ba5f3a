"""学时台账: study hours per person per year, against a yearly target, and who is short.

A person earns a session's 学时 when marked 出席 or 迟到; an explicit per-person value (e.g. half
credit, or 补学 for someone on leave) overrides that. Targets are settings, not constants
(32 for party members is common, 56 for branch committee members, 90 for township cadres).
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import case, func, select

from studyapp.core.names import NameOrder, order_people
from studyapp.db.models import StudySession
from studyapp.db.models_records import PRESENT_STATUSES, Attendance, Person
from studyapp.services.context import AppContext
from studyapp.services.dto_records import HoursLedger, HoursRow, display_names
from studyapp.services.sessions import effective_hours
from studyapp.services.settings import get_setting

log = logging.getLogger("studyapp.records")


def default_target(ctx: AppContext) -> float:
    """hours.ledger_target if set (> 0), else the party members' target."""
    target = float(get_setting(ctx, "hours.ledger_target") or 0)
    return target if target > 0 else float(get_setting(ctx, "hours.target_party_member"))


def credited(status: str | None, override: float | None, session_hours: float) -> float:
    """The 学时 one attendance row earns."""
    if override is not None:
        return float(override)
    return session_hours if status in PRESENT_STATUSES else 0.0


def person_hours(ctx: AppContext, year: int, person_id: int | None = None) -> dict[int, tuple[float, int]]:
    """person id -> (学时, sessions attended) for the year's dated sessions (of one person only,
    for the 首页, when `person_id` is given)."""
    per_hour = float(get_setting(ctx, "hours.branch_study"))
    # the year's sessions once (a date range the planner can search, each session's 学时 worked
    # out once), then the sums per person in the database: a county's year is 40,000 attendance
    # rows, and reading them one by one cost more than everything else on the 学时台账
    first, after = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    out: dict[int, tuple[float, int]] = {}
    with ctx.begin() as session:
        session_hours = {
            sid: effective_hours(h, start, end, per_hour)
            for sid, h, start, end in session.execute(
                select(StudySession.id, StudySession.hours, StudySession.start_time, StudySession.end_time)
                .where(StudySession.date >= first, StudySession.date < after))
        }
        ids = list(session_hours)
        for k in range(0, len(ids), 500):  # (a few hundred sessions a statement: well under any bind limit)
            part = {sid: session_hours[sid] for sid in ids[k:k + 500]}
            present = Attendance.status.in_(PRESENT_STATUSES)
            credit = case((Attendance.hours.is_not(None), Attendance.hours),
                          (present, case(part, value=Attendance.session_id, else_=0.0)), else_=0.0)
            query = (select(Attendance.person_id, func.sum(credit), func.sum(case((present, 1), else_=0)))
                     .where(Attendance.session_id.in_(list(part)))
                     .group_by(Attendance.person_id))
            if person_id is not None:
                query = query.where(Attendance.person_id == person_id)
            for pid, got, count in session.execute(query):
                hours, n = out.get(pid, (0.0, 0))
                out[pid] = (hours + float(got or 0.0), n + int(count or 0))
    return out


def ledger(
    ctx: AppContext,
    year: int | None = None,
    target: float | None = None,
    order: NameOrder | str = NameOrder.ROSTER,
) -> HoursLedger:
    """The year's 学时台账: every active person plus anyone (inactive) who earned hours."""
    year = year or dt.date.today().year
    target = default_target(ctx) if target is None else float(target)
    earned = person_hours(ctx, year)
    with ctx.begin() as session:
        people = list(
            session.scalars(
                select(Person)
                .where(Person.active.is_(True) | Person.id.in_(list(earned)))
                .order_by(Person.sort_no, Person.id)
            )
        )
    shown = display_names([(p.name, p.unit) for p in people])
    rows = []
    for p, d in zip(people, shown, strict=False):
        hours, count = earned.get(p.id, (0.0, 0))
        rows.append(HoursRow(p.id, p.name, p.unit, p.post, d, hours, count, max(0.0, target - hours)))
    sort_no = {p.id: p.sort_no for p in people}
    ordered = order_people(rows, order, roster_key=lambda r: sort_no[r.person_id])
    log.info("hours ledger %d: %d people, %d short of %g", year, len(rows),
             sum(1 for r in rows if not r.reached), target)
    return HoursLedger(year, target, tuple(ordered))
