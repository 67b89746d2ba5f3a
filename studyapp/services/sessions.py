"""Study sessions (学习会): create, edit, delete, list with real 应到/实到 counts.

A session's 学时 is stored when the office sets it; otherwise it is worked out from the start
and end times and the hours.* settings (about 1 学时 per hour of branch study), so a session
imported from a document's study header still counts towards everyone's yearly hours.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from studyapp.core.dates import parse_date
from studyapp.core.model import UserError, section_heading
from studyapp.db.models import Document, Section, StudySession
from studyapp.db.models_records import PRESENT_STATUSES, Attendance
from studyapp.services import audit
from studyapp.services.context import AppContext, EditConflict, NotFoundError
from studyapp.services.dto import SessionInfo, SessionPage
from studyapp.services.dto_records import (
    STUDY_MODES,
    AttendanceCounts,
    SessionDetail,
    SessionDraft,
)

log = logging.getLogger("studyapp.records")

__all__ = [
    "STUDY_MODES",
    "create_session",
    "delete_session",
    "effective_hours",
    "get_session",
    "get_session_detail",
    "list_sessions",
    "parse_session_date",
    "session_page",
    "update_session",
]

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:：点时]\s*(\d{1,2})?\s*分?\s*$")


def parse_session_date(value: Any) -> dt.date | None:
    """A date from 2015.4.15 / 2015年4月15日 / 2015-04-15 / a date; None for blank.

    Raises UserError (Chinese) for text that is not a date, rather than storing nothing.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise UserError(
            f"无法识别日期“{text}”。请写成 2015-04-15、2015.4.15 或 2015年4月15日。"
        )
    return parsed


def _parse_time(value: str | None, label: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    m = _TIME.match(str(value))
    if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        raise UserError(f"{label}“{value}”无效，请写成 9:00 或 14:30。")
    return f"{int(m.group(1)):02d}:{int(m.group(2) or 0):02d}"


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def effective_hours(
    hours: float | None, start: str | None, end: str | None, per_hour: float = 1.0
) -> float:
    """学时 credited for a session: the stored value, else duration × per_hour in half steps
    (a 2.5-hour meeting at 1 学时/hour gives 2.5), else one hour's worth."""
    if hours is not None:
        return float(hours)
    if start and end:
        try:
            span = (_minutes(end) - _minutes(start)) / 60
        except ValueError:
            span = 0
        if span > 0:
            return max(0.5, round(span * per_hour * 2) / 2)
    return float(per_hour)


def _per_hour(ctx: AppContext) -> float:
    from studyapp.services.settings import get_setting

    return float(get_setting(ctx, "hours.branch_study"))


def _counts(session: Session, session_ids: list[int] | None = None) -> dict[int, AttendanceCounts]:
    present = func.sum(case((Attendance.status == "present", 1), else_=0))
    late = func.sum(case((Attendance.status == "late", 1), else_=0))
    leave = func.sum(case((Attendance.status == "leave", 1), else_=0))
    absent = func.sum(case((Attendance.status == "absent", 1), else_=0))
    unmarked = func.sum(case((Attendance.status.is_(None), 1), else_=0))
    stmt = select(
        Attendance.session_id, func.count(Attendance.id), present, late, leave, absent, unmarked
    ).group_by(Attendance.session_id)
    if session_ids is not None:
        stmt = stmt.where(Attendance.session_id.in_(session_ids))
    return {
        sid: AttendanceCounts(int(n), int(p or 0), int(la or 0), int(lv or 0), int(ab or 0), int(u or 0))
        for sid, n, p, la, lv, ab, u in session.execute(stmt)
    }


def _info(row: Any, counts: AttendanceCounts | None = None) -> SessionInfo:
    """(`row`: a StudySession, or a row of the same named columns)"""
    counts = counts or AttendanceCounts()
    return SessionInfo(
        id=row.id,
        date=row.date.isoformat() if row.date else None,
        mode=row.mode,
        place=row.place,
        leader=row.leader,
        host=row.host,
        recorder=row.recorder,
        participants=row.participants,
        document_id=row.document_id,
        expected=counts.expected,
        present=counts.attended,
    )


def list_sessions(ctx: AppContext) -> list[SessionInfo]:
    """Newest first; sessions without a date last. 应到/实到 from the attendance (实到 = 出席+迟到)."""
    with ctx.begin() as session:
        # (the listed columns, not whole records: a county's 2,000 sessions carry their minutes)
        rows = session.execute(select(*_INFO_COLUMNS).order_by(*_ORDER)).all()
        counts = _counts(session)
        return [_info(r, counts.get(r.id)) for r in rows]


_ORDER = (StudySession.date.is_(None), StudySession.date.desc(), StudySession.id.desc())
_INFO_COLUMNS = (StudySession.id, StudySession.date, StudySession.mode, StudySession.place, StudySession.leader,
                 StudySession.host, StudySession.recorder, StudySession.participants, StudySession.document_id)


def session_page(ctx: AppContext, limit: int, offset: int = 0, *, through: int | None = None) -> SessionPage:
    """`limit` sessions from `offset` in the list's order (newest first), with their 应到/实到.

    A screen shows a county's 2,000 sessions a page at a time: the counts are grouped over the
    page's sessions only, not over every attendance row of the history. `through`: a session
    the screen is about to select — the page reaches down to it (a kept selection is never
    lost below the first page); the session the list opens on is named too.
    """
    with ctx.begin() as session:
        ids = list(session.scalars(select(StudySession.id).order_by(*_ORDER)))
        end = offset + max(limit, 0)
        if through is not None and through in ids:
            end = max(end, ids.index(through) + 1)
        page = ids[offset:end]
        rows = {r.id: r for r in session.execute(select(*_INFO_COLUMNS).where(StudySession.id.in_(page)))} \
            if page else {}
        counts = _counts(session, page) if page else {}
        worked = select(Attendance.id).where(Attendance.session_id == StudySession.id).exists()
        latest = session.scalar(select(StudySession.id).where(worked).order_by(*_ORDER).limit(1))
        infos = [_info(rows[i], counts.get(i)) for i in page]
        return SessionPage(infos, offset, len(ids), latest)


def _row(session: Session, session_id: int) -> StudySession:
    row = session.get(StudySession, session_id)
    if row is None:
        raise NotFoundError.of("学习记录", session_id)
    return row


def get_session(ctx: AppContext, session_id: int) -> SessionInfo:
    with ctx.begin() as session:
        row = _row(session, session_id)
        return _info(row, _counts(session, [session_id]).get(session_id))


def _detail(session: Session, row: StudySession, per_hour: float) -> SessionDetail:
    title = ""
    headings: list[str] = []
    ids = tuple(int(i) for i in (row.section_ids or []))
    if row.document_id is not None:
        doc = session.get(Document, row.document_id)
        title = doc.title if doc else ""
        if ids:
            found = {
                s.id: s
                for s in session.scalars(select(Section).where(Section.id.in_(ids)))
            }
            ordered = sorted((found[i] for i in ids if i in found), key=lambda s: s.ordinal)
            headings = [section_heading(s.label, s.title, s.text) for s in ordered]
            ids = tuple(s.id for s in ordered)
    counts = _counts(session, [row.id]).get(row.id, AttendanceCounts())
    return SessionDetail(
        id=row.id,
        date=row.date.isoformat() if row.date else None,
        start_time=row.start_time,
        end_time=row.end_time,
        mode=row.mode,
        place=row.place,
        leader=row.leader,
        host=row.host,
        recorder=row.recorder,
        participants=row.participants,
        content=row.content,
        document_id=row.document_id,
        document_title=title,
        section_ids=ids,
        section_headings=tuple(headings),
        summary=row.summary or "",
        test_summary=row.test_summary or "",
        hours=row.hours,
        effective_hours=effective_hours(row.hours, row.start_time, row.end_time, per_hour),
        full_marks=float(row.full_marks or 100),
        counts=counts,
        version=int(row.version or 1),
    )


def get_session_detail(ctx: AppContext, session_id: int) -> SessionDetail:
    """All of a session, with its document title, studied sections and attendance counts."""
    per_hour = _per_hour(ctx)
    with ctx.begin() as session:
        return _detail(session, _row(session, session_id), per_hour)


def _apply(session: Session, row: StudySession, draft: SessionDraft) -> None:
    from studyapp.core.names import refuse_control

    for label, value in (("学习方式", draft.mode), ("地点", draft.place), ("领学人", draft.leader),
                         ("主持人", draft.host), ("记录人", draft.recorder), ("参加人员", draft.participants),
                         ("学习内容", draft.content), ("讨论发言摘要", draft.summary),
                         ("测试情况", draft.test_summary)):
        refuse_control(label, value)
    mode = (draft.mode or "").strip()
    if not mode:
        raise UserError(f"请选择学习方式：{'、'.join(STUDY_MODES)}。")
    if draft.hours is not None and not 0 <= draft.hours <= 24:
        raise UserError(f"学时“{draft.hours:g}”不合理，一次学习应在 0～24 学时之间。")
    if draft.full_marks <= 0:
        raise UserError("满分必须大于 0。")
    start = _parse_time(draft.start_time, "开始时间")
    end = _parse_time(draft.end_time, "结束时间")
    if start and end and _minutes(end) <= _minutes(start):
        raise UserError(f"结束时间 {end} 应晚于开始时间 {start}。")
    if draft.document_id is not None and session.get(Document, draft.document_id) is None:
        raise NotFoundError.of("文件", draft.document_id)
    section_ids = [int(i) for i in draft.section_ids]
    if section_ids:
        if draft.document_id is None:
            raise UserError("选择学习章节前，请先选择学习文件。")
        valid = set(
            session.scalars(
                select(Section.id).where(
                    Section.document_id == draft.document_id, Section.id.in_(section_ids)
                )
            )
        )
        missing = [i for i in section_ids if i not in valid]
        if missing:
            raise UserError("所选章节不属于该学习文件，请重新选择。")
    row.date = parse_session_date(draft.date)
    row.start_time, row.end_time = start, end
    row.mode = mode
    row.place = draft.place.strip()
    row.leader = draft.leader.strip()
    row.host = draft.host.strip()
    row.recorder = draft.recorder.strip()
    row.participants = draft.participants.strip()
    row.document_id = draft.document_id
    row.section_ids = section_ids
    row.summary = draft.summary.strip()
    row.test_summary = draft.test_summary.strip()
    row.hours = draft.hours
    row.full_marks = float(draft.full_marks)
    if draft.content.strip():
        row.content = draft.content.strip()
    elif draft.document_id is not None:
        doc = session.get(Document, draft.document_id)
        row.content = f"《{doc.title}》" if doc else ""
    else:
        row.content = ""


def create_session(ctx: AppContext, draft: SessionDraft) -> SessionDetail:
    """A new study session (one transaction); bad dates or times raise UserError."""
    per_hour = _per_hour(ctx)
    with ctx.begin() as session:
        row = StudySession(meta={})
        _apply(session, row, draft)
        session.add(row)
        session.flush()
        audit.record(session, ctx.actor, "学习记录", "新增", audit.target(row, None), "", _summary(row),
                     session_id=row.id)
        log.info("created session %d (%s, %s)", row.id, row.date, row.mode)
        return _detail(session, row, per_hour)


def update_session(ctx: AppContext, session_id: int, draft: SessionDraft, *,
                   expected_version: int | None = None) -> SessionDetail:
    """Replace a session's fields (attendance and scores stay). `expected_version` is the
    version the form read: a session changed since (another PC on the shared database, the
    command line) is an EditConflict and nothing is written; None overwrites whatever is there
    (the user chose to, having been asked)."""
    per_hour = _per_hour(ctx)
    with ctx.begin(write=True) as session:
        row = _row(session, session_id)
        if expected_version is not None and row.version != expected_version:
            raise EditConflict(f"这次学习会（{_summary(row) or '未填日期'}）在您打开之后已被别人（另一台电脑或命令行）"
                               "修改过，您的修改还没有保存。")
        before = _summary(row)
        _apply(session, row, draft)
        session.flush()
        audit.record(session, ctx.actor, "学习记录", "修改", audit.target(row, None), before, _summary(row),
                     session_id=row.id)
        return _detail(session, row, per_hour)


def _summary(row: StudySession) -> str:
    """What the 操作记录 keeps of a session: date, times, mode, place, leader, 学时, 满分."""
    parts = [f"{row.date:%Y-%m-%d}" if row.date else "", "-".join(x for x in (row.start_time, row.end_time) if x),
             row.mode, row.place, f"领学人 {row.leader}" if row.leader else "",
             f"{row.hours:g} 学时" if row.hours is not None else "", f"满分 {row.full_marks:g}" if row.full_marks else ""]
    return "，".join(p for p in parts if p)


def draft_of(detail: SessionDetail) -> SessionDraft:
    """The draft that reproduces a session (for editing one field with dataclasses.replace)."""
    return SessionDraft(
        date=detail.date, start_time=detail.start_time, end_time=detail.end_time,
        mode=detail.mode, place=detail.place, leader=detail.leader, host=detail.host,
        recorder=detail.recorder, participants=detail.participants, content=detail.content,
        document_id=detail.document_id, section_ids=detail.section_ids, summary=detail.summary,
        test_summary=detail.test_summary, hours=detail.hours, full_marks=detail.full_marks,
    )


def delete_session(ctx: AppContext, session_id: int) -> None:
    """Delete a session with its attendance and scores (ON DELETE CASCADE)."""
    with ctx.begin() as session:
        row = _row(session, session_id)
        audit.record(session, ctx.actor, "学习记录", "删除", audit.target(row, None), _summary(row), "",
                     session_id=session_id)
        session.delete(row)
    log.info("deleted session %d", session_id)


def present_statuses() -> tuple[str, ...]:
    return PRESENT_STATUSES
