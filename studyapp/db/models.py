"""SQLAlchemy 2.0 models of the studyapp database.

Only services/ touch these classes; they hand plain DTOs to ui/ and cli/. Every schema change
needs a hand-written Alembic migration in studyapp/db/migrations/versions (new tables add
Person, Attendance, ... there).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def now() -> dt.datetime:
    """Local wall-clock time without microseconds: offices read these stamps as local time."""
    return dt.datetime.now().replace(microsecond=0)


# Named constraints, so later batch migrations on SQLite can find and drop them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base; `Base.metadata` mirrors what the migrations create (a test checks)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    """An imported text with its structure (文件/学习材料)."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String, nullable=False)
    note: Mapped[str] = mapped_column(String, nullable=False, default="")
    adopted_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    truncated: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    preamble: Mapped[str] = mapped_column(Text, nullable=False, default="")
    source_name: Mapped[str] = mapped_column(String, nullable=False, default="")
    file_kind: Mapped[str] = mapped_column(String, nullable=False, default="txt")
    encoding: Mapped[str | None] = mapped_column(String, nullable=True)
    raw_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    # added by migration 0012: raised by every change of the row (a rename from a stale copy is caught)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}

    sections: Mapped[list[Section]] = relationship(
        back_populates="document",
        order_by="Section.ordinal",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Section(Base):
    """A node of the document tree (章节); `ordinal` is the position in reading order."""

    __tablename__ = "section"
    __table_args__ = (Index("ix_section_document_ordinal", "document_id", "ordinal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), nullable=False
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), nullable=True, index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer, nullable=False)
    depth: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    kind: Mapped[str] = mapped_column(String, nullable=False, default="")
    number: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    label: Mapped[str] = mapped_column(String, nullable=False, default="")
    title: Mapped[str] = mapped_column(Text, nullable=False, default="")
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    document: Mapped[Document] = relationship(back_populates="sections")


class ReadMark(Base):
    """A section marked read. `person_id` NULL is the local reader; self-study fills it with the learner."""

    __tablename__ = "read_mark"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    read_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)


class SectionNote(Base):
    """The personal note (笔记) of a section, one per section."""

    __tablename__ = "section_note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    # added by migration 0012: raised by every save, and the program that saved it last
    # (AppContext.writer): a save from a copy read before another program's save is caught,
    # the reader's own saves in flight while typing are not (services.reading.save_note)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    writer: Mapped[str] = mapped_column(String, nullable=False, default="", server_default="")
    __mapper_args__ = {"version_id_col": version}


class Setting(Base):
    """A stored setting declared in studyapp.config (JSON value).

    Names starting with "_state." are internal markers of the services (e.g. the seed import),
    never shown or settable as options.
    """

    __tablename__ = "setting"

    name: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class StudySession(Base):
    """A study session (学习会/学习记录); attendance and scores are in models_records."""

    __tablename__ = "study_session"
    # (added by migration 0009: a year's sessions are a range of dates, searched, not scanned)
    __table_args__ = (Index("ix_study_session_date", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    start_time: Mapped[str | None] = mapped_column(String, nullable=True)  # "HH:MM"
    end_time: Mapped[str | None] = mapped_column(String, nullable=True)
    mode: Mapped[str] = mapped_column(String, nullable=False, default="")
    place: Mapped[str] = mapped_column(String, nullable=False, default="")
    leader: Mapped[str] = mapped_column(String, nullable=False, default="")
    host: Mapped[str] = mapped_column(String, nullable=False, default="")
    recorder: Mapped[str] = mapped_column(String, nullable=False, default="")
    participants: Mapped[str] = mapped_column(Text, nullable=False, default="")
    content: Mapped[str] = mapped_column(Text, nullable=False, default="")
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), nullable=True, index=True
    )
    meta: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    # added by migration 0003 (records)
    hours: Mapped[float | None] = mapped_column(Float, nullable=True)  # 学时 credited
    summary: Mapped[str] = mapped_column(  # 讨论发言摘要, one speech per line
        Text, nullable=False, default="", server_default=""
    )
    test_summary: Mapped[str] = mapped_column(  # 测试情况; blank: from the scores
        Text, nullable=False, default="", server_default=""
    )
    section_ids: Mapped[list[int]] = mapped_column(  # 学习章节, in reading order
        JSON, nullable=False, default=list, server_default="[]"
    )
    full_marks: Mapped[float] = mapped_column(  # 满分 of the session's test
        Float, nullable=False, default=100.0, server_default="100"
    )
    # added by migration 0007: raised by every change of the row (SQLAlchemy's version counter),
    # so a save made from a copy read before another PC's change is caught (services.sessions)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


QUESTION_ORIGINS = ("generated", "edited", "manual", "imported")
QUESTION_STATUSES = ("draft", "approved", "retired")


class Question(Base):
    """A question of a document's bank (试题/题库).

    `uid` is core's `Question.id` (a hash of type, stem, section path and quote): regenerating a
    bank matches new questions to stored ones by it, so reviewed questions survive. An edited
    question keeps the uid of what it was generated from for the same reason.
    `section_path` (label path) is kept besides `section_id` so a question survives the loss of
    its section and can be re-attached when a bank file is loaded.
    """

    __tablename__ = "question"
    __table_args__ = (
        Index("ix_question_document_status", "document_id", "status"),
        CheckConstraint(
            "origin IN ('generated', 'edited', 'manual', 'imported')", name="origin"
        ),
        CheckConstraint("status IN ('draft', 'approved', 'retired')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), nullable=False
    )
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("section.id", ondelete="SET NULL"), nullable=True, index=True
    )
    uid: Mapped[str] = mapped_column(String, nullable=False)
    type: Mapped[str] = mapped_column(String, nullable=False)
    stem: Mapped[str] = mapped_column(Text, nullable=False)
    options: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    answer: Mapped[Any] = mapped_column(JSON, nullable=True)
    explanation: Mapped[str] = mapped_column(Text, nullable=False, default="")
    quote: Mapped[str] = mapped_column(Text, nullable=False, default="")
    section_path: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    difficulty: Mapped[int] = mapped_column(Integer, nullable=False, default=2)
    origin: Mapped[str] = mapped_column(String, nullable=False, default="generated")
    status: Mapped[str] = mapped_column(String, nullable=False, default="draft")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # added by migration 0008: raised by every change of the row (SQLAlchemy's version counter),
    # so an edit or a review decision made from a copy read before another PC's change is
    # caught (services.bank)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}


# The records tables live in their own module; importing it registers them on Base.
from studyapp.db import models_records as _models_records  # noqa: F401

# The meeting-room tables: room runs and their event log.
from studyapp.db import models_room as _models_room  # noqa: F401,E402

# The self-study tables: attempts, answers, 错题本, review cards.
from studyapp.db import models_study as _models_study  # noqa: F401,E402
