"""Models of the study records: roster, groups, attendance, scores, session details.

Kept apart from models.py so the records and the question bank can grow in parallel; models.py
imports this module at its bottom, so `Base.metadata` (and Alembic) see every table.

The extra columns of `study_session` (学时, 讨论发言摘要, 测试情况, studied sections, full marks)
that migration 0003 adds are declared on `StudySession` in models.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from studyapp.db.models import Base, now

ATTENDANCE_STATUSES = ("present", "leave", "absent", "late")
# 实到: those who came, late or not.
PRESENT_STATUSES = ("present", "late")


class Person(Base):
    """A person of the roster (人员). Same name in two units is two people; (name, unit) is unique.

    People are deactivated (active False), not deleted, once they have records: an office must
    still print last year's sign-in sheets with the names of those who have since left.
    """

    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("name", "unit"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, nullable=False)
    unit: Mapped[str] = mapped_column(String, nullable=False, default="")
    post: Mapped[str] = mapped_column(String, nullable=False, default="")
    sort_no: Mapped[float] = mapped_column(Float, nullable=False, default=0)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    # added by migration 0007: raised by every change (an edit from a stale copy is caught)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class PersonGroup(Base):
    """A named group of people (分组: a branch, a team, 村干部 …) to draw expected attendees from."""

    __tablename__ = "person_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String, nullable=False, unique=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class GroupMember(Base):
    """Membership of a person in a group."""

    __tablename__ = "group_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("person_group.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Attendance(Base):
    """One expected attendee of a session (应到), with how they were marked.

    A row means "expected"; `status` None means not marked yet. `hours` overrides the session's
    学时 for this person (e.g. half credit for leaving early); None means the session's value
    for those present or late, nothing for those on leave or absent.
    """

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("session_id", "person_id"),
        CheckConstraint("status IN ('present', 'leave', 'absent', 'late')", name="status"),
        # (migration 0011: a session's 应到/实到 counted from the index alone; 0013: with the person
        # and the hours, a year's 学时 summed from it alone)
        Index("ix_attendance_session_status", "session_id", "status", "person_id", "hours"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("study_session.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False, index=True)
    status: Mapped[str | None] = mapped_column(String, nullable=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    # added by migration 0010: raised by every change of the row (SQLAlchemy's version counter),
    # so a mark typed over one another PC made since the sheet was read is caught (services.attendance)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


class Score(Base):
    """A person's score in a session's test; `score` None is 缺考.

    `answers` (optional) holds the per-question results for the 试题分析: a list of
    {"q": question id or label, "r": 1/0/fraction/None}. `paper_id` names the paper taken when
    the quiz engine recorded it (no foreign key: a paper lives in the paper tables).
    """

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("study_session.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False, index=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    answers: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True)
    paper_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    # added by migration 0010: raised by every change of the row (SQLAlchemy's version counter),
    # so a score typed over one another PC entered since the sheet was read is caught (services.scores)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}



class AuditEntry(Base):
    """One change to the records, the scores or the bank (操作记录): when, by whom, what, and
    the value before and after. Written in the same transaction as the change it describes,
    so the log and the data never disagree. No foreign keys: the log outlives what it names."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now, index=True)
    actor: Mapped[str] = mapped_column(String, nullable=False, default="")
    area: Mapped[str] = mapped_column(String, nullable=False)  # 成绩 / 考勤 / 名册 / 学习记录 / 题库
    action: Mapped[str] = mapped_column(String, nullable=False)  # 录入 / 修改 / 删除 / 导入 …
    target: Mapped[str] = mapped_column(Text, nullable=False, default="")
    old: Mapped[str] = mapped_column(Text, nullable=False, default="")
    new: Mapped[str] = mapped_column(Text, nullable=False, default="")
    session_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    person_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    question_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
