"""Models of meeting-room mode: a room run and its append-only event log.

A run (集体领学 / 集体测验 / 知识竞赛 / 纸质测验) keeps where the room is (`state`: the section
shown, the question index, the timer, the blanked screen) so the session reopens where it was
after a crash; `room_event` rows are appended one per action, each in its own short transaction,
so nothing that happened is lost. Kept apart from models.py (imported at its bottom) so the
features grow in parallel.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from studyapp.db.models import Base, now

ROOM_KINDS = ("reading", "quiz", "contest", "paper")
ROOM_STATUSES = ("open", "finished")


class RoomRun(Base):
    """One use of the meeting-room mode in a study session; `setup` is fixed when it starts."""

    __tablename__ = "room_run"
    __table_args__ = (
        CheckConstraint("kind IN ('reading', 'quiz', 'contest', 'paper')", name="kind"),
        CheckConstraint("status IN ('open', 'finished')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String, nullable=False)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("study_session.id", ondelete="CASCADE"), nullable=True, index=True
    )
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), nullable=True
    )
    title: Mapped[str] = mapped_column(String, nullable=False, default="")
    setup: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    state: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    status: Mapped[str] = mapped_column(String, nullable=False, default="open")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class RoomEvent(Base):
    """One action of a run, in order (`seq` from 1); never updated, never deleted singly."""

    __tablename__ = "room_event"
    __table_args__ = (UniqueConstraint("run_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("room_run.id", ondelete="CASCADE"), nullable=False
    )
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String, nullable=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
