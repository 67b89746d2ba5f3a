"""学时台账: study hours per person per year, against a yearly target, and who is short.

A person earns a session's 学时 when marked 出席 or 迟到; an explicit per-person value (e.g. half
credit, or 补学 for someone on leave) overrides that. Targets are settings, not constants
(32 for party members is common, 56 for branch committee members, 90 for township cadres).
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import ColumnElement, Float, case, func, literal, select

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
    # the year's sessions once (a date range the planner can search), grouped by the 学时 each
    # credits; then the sums per person in the database, one statement. A session's 学时 used to
    # be picked by a CASE over every session id of the year: evaluated for each of a county's
    # 40,000 attendance rows, that comparison list made the read grow faster than the data
    # (×2.5 from half to full size). Most sessions credit the same 学时, so that is the default
    # and only the others are named, in IN lists the database looks up rather than walks.
    first, after = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    in_year = (StudySession.date >= first, StudySession.date < after)
    out: dict[int, tuple[float, int]] = {}
    with ctx.begin() as session:
        by_credit: dict[float, list[int]] = {}
        for sid, h, start, end in session.execute(
                select(StudySession.id, StudySession.hours, StudySession.start_time, StudySession.end_time)
                .where(*in_year)):
            by_credit.setdefault(effective_hours(h, start, end, per_hour), []).append(sid)
        if not by_credit:
            return out
        [(common, _ids), *others] = sorted(by_credit.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        present = Attendance.status.in_(PRESENT_STATUSES)
        session_credit: ColumnElement[float] = (
            case(*[(Attendance.session_id.in_(ids), value) for value, ids in others], else_=common) if others
            else literal(common, Float))
        credit = case((Attendance.hours.is_not(None), Attendance.hours), (present, session_credit), else_=0.0)
        query = (select(Attendance.person_id, func.sum(credit), func.sum(case((present, 1), else_=0)))
                 .join(StudySession, StudySession.id == Attendance.session_id)
                 .where(*in_year)
                 .group_by(Attendance.person_id))
        if person_id is not None:
            query = query.where(Attendance.person_id == person_id)
        for pid, got, count in session.execute(query):
            out[pid] = (float(got or 0.0), int(count or 0))
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
            session.execute(  # (plain columns: building a thousand Person objects cost more than the read)
                select(Person.id, Person.name, Person.unit, Person.post, Person.sort_no)
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
