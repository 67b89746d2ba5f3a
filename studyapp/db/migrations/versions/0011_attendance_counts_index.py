"""An index on each mark's session and status: the 学习会 list counts 应到/实到 per session, and
at a county's size (2,000 sessions, 200,000 marks) that read every attendance row of the table
by the one-mark-per-person index, then looked each row's status up. With (session_id, status) the
counts are read from the index alone (SQLite: 190 → 100 ms for the whole history).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_attendance_session_status", "attendance", ["session_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_attendance_session_status", table_name="attendance")
