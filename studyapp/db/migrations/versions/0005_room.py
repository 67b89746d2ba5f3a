"""Meeting-room mode: room runs and their event log.

Revision ID: 0005
Revises: 0004
Create Date: 2025-02-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "room_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("setup", sa.JSON(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('reading', 'quiz', 'contest', 'paper')", name="ck_room_run_kind"
        ),
        sa.CheckConstraint("status IN ('open', 'finished')", name="ck_room_run_status"),
        sa.ForeignKeyConstraint(
            ["session_id"], ["study_session.id"],
            name="fk_room_run_session_id_study_session", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"],
            name="fk_room_run_document_id_document", ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_room_run"),
    )
    op.create_index("ix_room_run_session_id", "room_run", ["session_id"])
    op.create_table(
        "room_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["room_run.id"], name="fk_room_event_run_id_room_run", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_room_event"),
        sa.UniqueConstraint("run_id", "seq", name="uq_room_event_run_id"),
    )


def downgrade() -> None:
    op.drop_table("room_event")
    op.drop_index("ix_room_run_session_id", table_name="room_run")
    op.drop_table("room_run")
