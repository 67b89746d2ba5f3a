"""Self-study: attempts (practice and timed quizzes), their answers, 错题本, review cards.

Revision ID: 0004
Revises: 0003
Create Date: 2025-02-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("scope", sa.JSON(), nullable=False),
        sa.Column("blueprint", sa.JSON(), nullable=False),
        sa.Column("paper", sa.JSON(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("time_limit_s", sa.Integer(), nullable=True),
        sa.Column("remaining_s", sa.Float(), nullable=True),
        sa.Column("ticked_at", sa.Float(), nullable=True),
        sa.Column("deadline", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("full_marks", sa.Float(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('practice', 'exam')", name="ck_attempt_kind"),
        sa.CheckConstraint(
            "status IN ('in_progress', 'submitted', 'expired')", name="ck_attempt_status"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_attempt_person_id_person", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"],
            name="fk_attempt_document_id_document", ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["study_session.id"],
            name="fk_attempt_session_id_study_session", ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attempt"),
    )
    op.create_index("ix_attempt_person_status", "attempt", ["person_id", "status"])
    op.create_index("ix_attempt_person_started", "attempt", ["person_id", "started_at"])
    op.create_index("ix_attempt_document_id", "attempt", ["document_id"])
    op.create_index("ix_attempt_session_id", "attempt", ["session_id"])

    op.create_table(
        "attempt_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("response", sa.JSON(), nullable=True),
        sa.Column("correct", sa.Boolean(), nullable=True),
        sa.Column("points", sa.Float(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempt.id"],
            name="fk_attempt_answer_attempt_id_attempt", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"],
            name="fk_attempt_answer_question_id_question", ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attempt_answer"),
        sa.UniqueConstraint("attempt_id", "position", name="uq_attempt_answer_attempt_id"),
    )
    op.create_index("ix_attempt_answer_question_id", "attempt_answer", ["question_id"])

    op.create_table(
        "wrong_book",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("wrong_count", sa.Integer(), nullable=False),
        sa.Column("first_wrong_at", sa.DateTime(), nullable=False),
        sa.Column("last_wrong_at", sa.DateTime(), nullable=False),
        sa.Column("last_wrong_attempt_id", sa.Integer(), nullable=True),
        sa.Column("last_response", sa.JSON(), nullable=True),
        sa.Column("cleared_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_wrong_book_person_id_person", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"],
            name="fk_wrong_book_question_id_question", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_wrong_book"),
        sa.UniqueConstraint("person_id", "question_id", name="uq_wrong_book_person_id"),
    )
    op.create_index("ix_wrong_book_person_cleared", "wrong_book", ["person_id", "cleared_at"])
    op.create_index("ix_wrong_book_question_id", "wrong_book", ["question_id"])

    op.create_table(
        "review_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("due", sa.DateTime(), nullable=False),
        sa.Column("last_review", sa.DateTime(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_review_card_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"],
            name="fk_review_card_question_id_question", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review_card"),
        sa.UniqueConstraint("person_id", "question_id", name="uq_review_card_person_id"),
    )
    op.create_index("ix_review_card_person_due", "review_card", ["person_id", "due"])
    op.create_index("ix_review_card_question_id", "review_card", ["question_id"])


def downgrade() -> None:
    op.drop_index("ix_review_card_question_id", table_name="review_card")
    op.drop_index("ix_review_card_person_due", table_name="review_card")
    op.drop_table("review_card")
    op.drop_index("ix_wrong_book_question_id", table_name="wrong_book")
    op.drop_index("ix_wrong_book_person_cleared", table_name="wrong_book")
    op.drop_table("wrong_book")
    op.drop_index("ix_attempt_answer_question_id", table_name="attempt_answer")
    op.drop_table("attempt_answer")
    op.drop_index("ix_attempt_session_id", table_name="attempt")
    op.drop_index("ix_attempt_document_id", table_name="attempt")
    op.drop_index("ix_attempt_person_started", table_name="attempt")
    op.drop_index("ix_attempt_person_status", table_name="attempt")
    op.drop_table("attempt")
