"""Models of self-study: attempts and their answers, the 错题本, review cards.

Kept apart from models.py (like models_records) so parallel work does not collide; models.py
imports this module at its bottom so `Base.metadata` and Alembic see the tables.

Times are naive local wall-clock stamps like everywhere else, except `Attempt.ticked_at`, an
epoch float: the countdown needs sub-second precision, and a float survives a process restart.
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
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from studyapp.db.models import Base, now

ATTEMPT_KINDS = ("practice", "exam")
ATTEMPT_STATUSES = ("in_progress", "submitted", "expired")


class Attempt(Base):
    """One person answering one drawn set of questions (答题记录): a practice or a timed quiz.

    `paper` is the frozen draw (core.blueprint.PaperItem.to_json per question: shuffled options
    and the remapped key), so a resumed attempt is identical and a submitted one can be reviewed
    even after its questions are edited. The countdown lives in `remaining_s`, charged on every
    answer and heartbeat since `ticked_at`; time while the app is closed is not charged.
    `session_id` ties a quiz taken in a study session to its 成绩 (SET NULL: the attempt stays).
    """

    __tablename__ = "attempt"
    __table_args__ = (
        Index("ix_attempt_person_status", "person_id", "status"),
        Index("ix_attempt_person_started", "person_id", "started_at"),
        CheckConstraint("kind IN ('practice', 'exam')", name="kind"),
        CheckConstraint("status IN ('in_progress', 'submitted', 'expired')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String, nullable=False)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(String, nullable=False, default="")
    scope: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    blueprint: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    paper: Mapped[list[dict[str, Any]]] = mapped_column(JSON, nullable=False, default=list)
    seed: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    time_limit_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    remaining_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    ticked_at: Mapped[float | None] = mapped_column(Float, nullable=True)  # epoch seconds
    deadline: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    status: Mapped[str] = mapped_column(String, nullable=False, default="in_progress")
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    full_marks: Mapped[float] = mapped_column(Float, nullable=False, default=0)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("study_session.id", ondelete="SET NULL"), nullable=True, index=True
    )


class AttemptAnswer(Base):
    """The answer at one position of an attempt, stored (upserted) the moment it is given.

    In a practice the first answer counts (`correct`, `points`): the key is shown at once, so a
    second try (`tries`) is only checked, never recorded as a success. In a quiz the answer may
    change until submission; `correct`/`points` are filled in when it is graded.
    """

    __tablename__ = "attempt_answer"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempt.id", ondelete="CASCADE"), nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL"), nullable=True, index=True
    )
    response: Mapped[Any] = mapped_column(JSON, nullable=True)
    correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    points: Mapped[float | None] = mapped_column(Float, nullable=True)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    tries: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    seconds: Mapped[float | None] = mapped_column(Float, nullable=True)  # time to answer


class WrongBookEntry(Base):
    """A question a person got wrong (错题本). It leaves the book (`cleared_at` set) when answered
    right in a later attempt than its last mistake; a new mistake brings it back."""

    __tablename__ = "wrong_book"
    __table_args__ = (
        UniqueConstraint("person_id", "question_id"),
        Index("ix_wrong_book_person_cleared", "person_id", "cleared_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), nullable=False, index=True
    )
    wrong_count: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    first_wrong_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    last_wrong_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=now)
    last_wrong_attempt_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_response: Mapped[Any] = mapped_column(JSON, nullable=True)  # in the bank's option order
    cleared_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ReviewCard(Base):
    """A person's FSRS card for one question (复习): fsrs's Card.to_dict() in `state`.

    `due` (naive local) is copied out of the state so 「今日待复习 N 题」 is one indexed count.
    """

    __tablename__ = "review_card"
    __table_args__ = (
        UniqueConstraint("person_id", "question_id"),
        Index("ix_review_card_person_due", "person_id", "due"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), nullable=False, index=True
    )
    state: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    due: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False)
    last_review: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    reps: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    lapses: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
