"""Study sessions (学习会). The records issue extends this module."""

from __future__ import annotations

from sqlalchemy import select

from studyapp.db.models import StudySession
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto import SessionInfo


def _info(row: StudySession) -> SessionInfo:
    # expected/present come from attendance, which the records issue adds; 0 until then.
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
        expected=0,
        present=0,
    )


def list_sessions(ctx: AppContext) -> list[SessionInfo]:
    """Newest first; sessions without a date last."""
    with ctx.begin() as session:
        rows = session.scalars(
            select(StudySession).order_by(
                StudySession.date.is_(None), StudySession.date.desc(), StudySession.id.desc()
            )
        ).all()
        return [_info(r) for r in rows]


def get_session(ctx: AppContext, session_id: int) -> SessionInfo:
    with ctx.begin() as session:
        row = session.get(StudySession, session_id)
        if row is None:
            raise NotFoundError(f"找不到编号为 {session_id} 的学习记录，它可能已被删除。")
        return _info(row)
