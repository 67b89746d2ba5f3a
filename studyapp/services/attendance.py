"""考勤: who is expected at a session (应到) and how each was marked.

Built for a room of 50: set the expected people from the roster or a group, mark everyone
present in one step, then mark the few exceptions (请假/缺席/迟到 with a reason). Imported
attendance sheets are all-or-nothing: one unknown or ambiguous name and nothing is stored, so a
half-imported sheet never goes unnoticed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, Float, Text, bindparam, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from studyapp.core.model import UserError
from studyapp.core.names import NameOrder, order_people
from studyapp.core.roster import ATTENDANCE_COLUMNS, parse_attendance, status_of
from studyapp.core.tables import locate, read_rows
from studyapp.db.models import StudySession, now
from studyapp.db.models_records import (
    ATTENDANCE_STATUSES,
    Attendance,
    GroupMember,
    Person,
)
from studyapp.services import audit, roster
from studyapp.services.context import AppContext, NotFoundError, RecordConflict
from studyapp.services.dto_records import (
    STATUS_NAMES,
    AttendanceRow,
    FileImportResult,
    display_names,
)

log = logging.getLogger("studyapp.records")


class RowErrors(UserError):
    """A file had problems in some lines; nothing was stored. `errors`: one Chinese line each."""

    def __init__(self, errors: list[str], what: str = "数据") -> None:
        self.errors = list(errors)
        head = f"文件有 {len(self.errors)} 处问题，未保存任何{what}。请改正后重新导入："
        super().__init__("\n".join([head, *self.errors]))


def _session(session: Session, session_id: int, *, lock: bool = False) -> StudySession:
    """The session, or NotFoundError. `lock`: on the shared server, hold the session's row until
    the end of the transaction (SELECT … FOR UPDATE), so two PCs checking and writing the same
    session's marks or scores take turns — the check of a row's version and the write it allows
    are never split by another PC's write (SQLite's write transactions already take turns)."""
    row = session.get(StudySession, session_id, with_for_update=lock or None)
    if row is None:
        raise NotFoundError.of("学习记录", session_id)
    return row


def _status(status: str) -> str:
    code = status if status in ATTENDANCE_STATUSES else status_of(status)
    if code is None:
        raise UserError(f"考勤状态“{status}”无效，应为 出席、请假、缺席 或 迟到。")
    return code


def sheet(
    ctx: AppContext, session_id: int, order: NameOrder | str = NameOrder.ROSTER
) -> list[AttendanceRow]:
    """The expected attendees of a session with their marks, in the chosen order."""
    with ctx.begin() as session:
        _session(session, session_id)
        rows = session.execute(  # (plain columns: two objects a person cost more than the read)
            select(Person.id, Person.name, Person.unit, Person.post, Person.sort_no,
                   Attendance.status, Attendance.reason, Attendance.hours, Attendance.version)
            .select_from(Attendance)
            .join(Person, Person.id == Attendance.person_id)
            .where(Attendance.session_id == session_id)
        ).all()
    shown = display_names([(r.name, r.unit) for r in rows])
    out = [
        AttendanceRow(r.id, r.name, r.unit, r.post, r.sort_no, d, r.status, r.reason, r.hours, r.version)
        for r, d in zip(rows, shown, strict=False)
    ]
    return order_people(out, order)


def set_expected(
    ctx: AppContext,
    session_id: int,
    *,
    person_ids: Iterable[int] | None = None,
    group_id: int | None = None,
    replace: bool = False,
    seen: Mapping[int, int] | None = None,
) -> int:
    """Add expected attendees: given people, a group's members, or (neither) everyone active.

    Existing marks are kept; with `replace`, people not in the new set are dropped from the
    session (their marks too). Returns the number of expected attendees afterwards.

    `seen`: the session's rows as the caller read them (person id → AttendanceRow.version).
    Given, a row `replace` would drop that someone else changed (a mark made, a person added)
    since is a RecordConflict naming the person and nothing changes: a sheet read before
    another PC marked someone never drops that mark unseen. None drops whatever is there.
    """
    with ctx.begin(write=True) as session:
        _session(session, session_id, lock=seen is not None)
        if person_ids is not None:
            wanted = list(dict.fromkeys(int(i) for i in person_ids))
            known = set(session.scalars(select(Person.id).where(Person.id.in_(wanted))))
            missing = [i for i in wanted if i not in known]
            if missing:
                raise NotFoundError.of("人员", missing[0])
        elif group_id is not None:
            wanted = list(
                session.scalars(
                    select(Person.id)
                    .join(GroupMember, GroupMember.person_id == Person.id)
                    .where(GroupMember.group_id == group_id, Person.active.is_(True))
                    .order_by(Person.sort_no, Person.id)
                )
            )
        else:
            wanted = list(
                session.scalars(
                    select(Person.id).where(Person.active.is_(True)).order_by(Person.sort_no, Person.id)
                )
            )
        existing = {
            a.person_id: a
            for a in session.scalars(select(Attendance).where(Attendance.session_id == session_id))
        }
        if replace:
            keep = set(wanted)
            drop = [a for pid, a in existing.items() if pid not in keep]
            if seen is not None:
                _check_seen(session, {a.person_id: a for a in drop}, {a.person_id: seen.get(a.person_id, 0)
                                                                     for a in drop}, "应到名单没有更改")
            for a in drop:
                session.delete(a)
        for pid in wanted:
            if pid not in existing:
                session.add(Attendance(session_id=session_id, person_id=pid, status=None, reason=""))
        session.flush()
        total = len(set(wanted) | (set() if replace else set(existing)))
    log.info("session %d: %d expected", session_id, total)
    return total


def remove_expected(ctx: AppContext, session_id: int, person_ids: Iterable[int], *,
                    seen: Mapping[int, int] | None = None) -> None:
    """移出名单: take people off a session's expected list, their marks with them.

    `seen`: the versions of their rows the caller read (person id → AttendanceRow.version).
    Given, a row someone else changed since (another PC marked the person 请假, say) is a
    RecordConflict naming the person and the mark stored now, and nobody is removed; someone
    already taken off by someone else is simply gone. None removes whatever is there."""
    ids = list(dict.fromkeys(int(i) for i in person_ids))
    with ctx.begin(write=True) as session:
        _session(session, session_id, lock=seen is not None)
        rows = {a.person_id: a for a in session.scalars(
            select(Attendance).where(Attendance.session_id == session_id, Attendance.person_id.in_(ids)))}
        if seen is not None:
            _check_seen(session, rows, {pid: seen.get(pid, 0) for pid in rows}, "没有移出名单")
        for a in rows.values():
            session.delete(a)


def mark_all_present(ctx: AppContext, session_id: int, *, only_unmarked: bool = True,
                     seen: Mapping[int, int] | None = None) -> int:
    """Mark every expected attendee 出席 (by default only those not yet marked); returns how many.

    `seen`: the people the caller showed and means (person id → AttendanceRow.version, e.g.
    those its sheet showed unmarked). Given, only they are marked, and one whose row someone
    else changed or removed since is a RecordConflict naming them and what is stored now —
    nothing is marked, so two PCs' 全部出席 and 请假 never silently overwrite each other. None:
    every expected attendee (the command line, a sheet that showed nobody)."""
    with ctx.begin(write=True) as session:
        st = _session(session, session_id, lock=seen is not None)
        rows = list(session.scalars(select(Attendance).where(Attendance.session_id == session_id)))
        if seen is not None:
            by_person = {a.person_id: a for a in rows}
            _check_seen(session, by_person, seen, "全部出席没有保存")
            rows = [by_person[pid] for pid in seen if pid in by_person]
        rows = [a for a in rows if not (only_unmarked and a.status is not None)]
        return mark_present(session, ctx.actor, st, rows, "全部出席")


def _check_seen(session: Session, rows: Mapping[int, Attendance], seen: Mapping[int, int], undone: str) -> None:
    """RecordConflict when a row (person id → its Attendance, missing: not on the list) is not
    at the version the caller read (`seen`; 0: no row then); `undone` says what was not done."""
    changed = [pid for pid, version in seen.items()
               if (rows[pid].version if pid in rows else 0) != version]
    if not changed:
        return
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(changed)))}
    parts = []
    for pid in changed:
        name = people[pid].name if pid in people else f"编号 {pid} 的人员"
        a = rows.get(pid)
        if a is None:
            parts.append(f"{name}已被移出本次学习会的应到名单")
        elif not seen[pid] and not a.status:
            parts.append(f"{name}已被加入本次学习会的应到名单")
        else:
            parts.append(f"{name}的考勤已被改为“{_mark_text(a.status, a.reason)}”")
    first = rows.get(changed[0])
    current = _mark_text(first.status, first.reason) if first is not None else "不在应到名单中"
    shown = "、".join(parts[:5]) + (f"等 {len(parts)} 人" if len(parts) > 5 else "")
    log.info("attendance conflict: people %s changed since read (%s)", changed, undone)
    raise RecordConflict(f"{shown}（别人在另一台电脑或命令行上、在您打开之后改的），{undone}。"
                         "请看过别人的修改后再改。", changed[0], current)


def mark_present(session: Session, actor: str, st: StudySession, rows: Sequence[Attendance],
                 action: str | None = None) -> int:
    """Mark these attendance rows of `st` 出席 inside the caller's transaction, each change in the
    操作记录 (`action`, or 登记/修改 as mark() says): a fixed handful of statements for a room of
    any size — on a shared server a statement per person was a round trip per person."""
    people = {p.id: p for p in session.scalars(
        select(Person).where(Person.id.in_(sorted({a.person_id for a in rows}))))} if rows else {}
    log_batch = audit.Batch(session, actor)
    stamp = now()
    for a in rows:
        if a.status != "present":
            log_batch.record("考勤", action or ("登记" if not a.status else "修改"),
                             audit.target(st, people.get(a.person_id)),
                             _mark_text(a.status, a.reason) if a.status else "", _mark_text("present", ""),
                             session_id=st.id, person_id=a.person_id)
    if rows:  # (one statement for all: the ORM's version check would send one UPDATE per row)
        table = Attendance.metadata.tables[Attendance.__tablename__]
        done: CursorResult[Any] = session.execute(  # type: ignore[assignment]  # (an UPDATE's result)
            update(table).where(table.c.id == bindparam("_id"), table.c.version == bindparam("_seen"))
            .values(status="present", reason="", updated_at=stamp, version=table.c.version + 1),
            [{"_id": a.id, "_seen": a.version} for a in rows])
        if done.rowcount != len(rows):  # (a row changed since it was read: the ORM's own check, in bulk)
            raise StaleDataError(f"attendance of session {st.id}: {len(rows) - done.rowcount} rows changed since read")
        for a in rows:  # (the objects as now stored, without another write)
            for key, value in (("status", "present"), ("reason", ""), ("updated_at", stamp),
                               ("version", a.version + 1)):
                set_committed_value(a, key, value)
    log_batch.write()
    return len(rows)


def _mark_text(code: str | None, reason: str) -> str:
    return status_name(code) + (f"（{reason}）" if reason else "")


def mark(
    ctx: AppContext,
    session_id: int,
    person_id: int,
    status: str,
    reason: str = "",
    hours: float | None = None,
    *,
    expected_version: int | None = None,
) -> AttendanceRow:
    """Mark one person (adding them to the expected list if needed); the row as stored, with
    its new version.

    `status` is present/leave/absent/late or 出席/请假/缺席/迟到. `expected_version` is the
    version of the person's row the sheet read (AttendanceRow.version; 0: no row then): a row
    another PC (or the command line, an import, 全部出席) changed, added or removed since is a
    RecordConflict naming the person and the mark stored now, and nothing is written. None
    marks over whatever is there: the command line, the phones' sign-in, or a user who was
    shown the other mark and chose to put theirs over it.
    """
    code = _status(status)
    if hours is not None and hours < 0:
        raise UserError("学时不能为负数。")
    with ctx.begin(write=True) as session:
        st = _session(session, session_id, lock=expected_version is not None)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError.of("人员", person_id)
        a = session.scalar(
            select(Attendance).where(
                Attendance.session_id == session_id, Attendance.person_id == person_id
            )
        )
        if expected_version is not None and (a.version if a is not None else 0) != expected_version:
            raise _conflict(person, a, code, reason.strip())
        audit.record(session, ctx.actor, "考勤", "登记" if a is None or not a.status else "修改",
                     audit.target(st, person), _mark_text(a.status, a.reason) if a is not None and a.status else "",
                     _mark_text(code, reason.strip()), session_id=session_id, person_id=person_id)
        if a is None:
            a = Attendance(session_id=session_id, person_id=person_id)
            session.add(a)
        a.status, a.reason, a.hours, a.updated_at = code, reason.strip(), hours, now()
        session.flush()  # (the version counter is raised by the write)
        return AttendanceRow(person.id, person.name, person.unit, person.post, person.sort_no,
                             person.name, a.status, a.reason, a.hours, a.version)


def _conflict(person: Person, a: Attendance | None, code: str, reason: str) -> RecordConflict:
    """「王德伦的考勤已被别人……改为“请假（生病）”……」: what the other PC stored, and what was not."""
    mine = _mark_text(code, reason)
    if a is None:
        current = "不在应到名单中"
        what = f"{person.name}已被别人（另一台电脑或命令行）移出本次学习会的应到名单（在您打开之后）"
    else:
        current = _mark_text(a.status, a.reason)
        what = f"{person.name}的考勤已被别人（另一台电脑或命令行）改为“{current}”（在您打开之后）"
    log.info("attendance conflict: person %d, stored %s, version %d", person.id, current, a.version if a else 0)
    return RecordConflict(f"{what}，您记的“{mine}”没有保存。请看过别人的修改后再改。", person.id, current)


def import_attendance(ctx: AppContext, session_id: int, path: Path) -> FileImportResult:
    """Store an attendance sheet (.csv/.xlsx: 姓名, 状态, 原因, optional 单位/学时).

    All lines are checked first; any problem raises RowErrors listing every bad line and nothing
    is stored. People in the file who were not expected are added to the expected list.
    The names are matched before the writer lock is taken, and the marks are written in a few
    statements however many lines: one short transaction, all or nothing.

    An import is an explicit decision about the whole sheet: it writes over the marks stored
    now, whoever made them (no version is checked; each overwritten mark is in the 操作记录 with
    its old value), and raises their versions — a window that read a mark before the import and
    saves over it is refused (RecordConflict) and shown the imported mark.
    """
    path = Path(path)
    table = locate(read_rows(path), ATTENDANCE_COLUMNS, path.name)
    with ctx.begin() as session:  # (a read: another PC can write meanwhile)
        _session(session, session_id)
        lines, errors = parse_attendance(table, roster.candidates(session))
    if errors:
        raise RowErrors(errors, "考勤")
    if not lines:
        raise UserError(f"文件“{path.name}”只有表头，没有考勤记录。")
    with ctx.begin(write=True) as session:
        st = _session(session, session_id, lock=True)
        people = {p.id: p for p in session.scalars(select(Person).where(
            Person.id.in_([line.person_id for line in lines])))}
        if len(people) < len(lines):
            raise UserError(f"导入“{path.name}”时名册中有人员被删除，考勤没有导入。请重新导入。")
        existing = {
            a.person_id: a
            for a in session.scalars(select(Attendance).where(Attendance.session_id == session_id))
        }
        log_batch = audit.Batch(session, ctx.actor)
        new_rows: list[dict[str, object]] = []
        changed: list[dict[str, object]] = []
        stamp = now()
        for line in lines:
            a = existing.get(line.person_id)
            log_batch.record("考勤", f"导入（{path.name}）", audit.target(st, people.get(line.person_id)),
                             _mark_text(a.status, a.reason) if a is not None and a.status else "",
                             _mark_text(line.status, line.reason), session_id=session_id, person_id=line.person_id)
            if a is None:
                new_rows.append({"session_id": session_id, "person_id": line.person_id, "status": line.status,
                                 "reason": line.reason, "hours": line.hours, "updated_at": stamp})
                continue
            changed.append({"_id": a.id, "_status": line.status, "_reason": line.reason, "_hours": line.hours})
        if changed:  # (one statement, raising each version: a window holding the old mark is refused)
            marks = Attendance.metadata.tables[Attendance.__tablename__]
            session.execute(update(marks).where(marks.c.id == bindparam("_id")).values(
                status=bindparam("_status"), reason=bindparam("_reason", type_=Text()), updated_at=stamp,
                hours=func.coalesce(bindparam("_hours", type_=Float()), marks.c.hours),
                version=marks.c.version + 1), changed)
        if new_rows:
            session.execute(insert(Attendance), new_rows)
        log_batch.write()
        in_file = {line.person_id for line in lines}
        unmarked = [a.person_id for a in existing.values() if a.person_id not in in_file and not a.status]
        missing = _names(session, unmarked)
    log.info("attendance of session %d from %s: %d lines, %d expected not in it",
             session_id, path.name, len(lines), len(missing))
    return FileImportResult(len(lines), len(new_rows), missing)


def _names(session: Session, person_ids: list[int]) -> tuple[str, ...]:
    """People's names in roster order, with the unit where someone else has the same name."""
    if not person_ids:
        return ()
    people = list(session.scalars(select(Person).where(Person.id.in_(person_ids))))
    counts: dict[str, int] = {}
    for (name,) in session.execute(select(Person.name)):
        counts[name] = counts.get(name, 0) + 1
    people.sort(key=lambda p: (p.sort_no if p.sort_no is not None else 1e9, p.id))
    return tuple(f"{p.name}（{p.unit}）" if counts.get(p.name, 0) > 1 and p.unit else p.name for p in people)


def status_name(code: str | None) -> str:
    return STATUS_NAMES.get(code or "", "未登记")
