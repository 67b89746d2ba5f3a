"""The index on each mark's session and status also carries the person and the hours, so a
year's 学时台账 is read from the index alone for that year's sessions. On PostgreSQL the ledger's
sum was a parallel scan of every attendance row of the county's history (200,000 rows to sum
40,000: 24 ms, growing with the years kept); with the covering index it is an index-only nested
loop over the year's sessions (14 ms, growing with the year's sessions only). On SQLite the
ledger's rows are looked up from the index too. The 学习会 list's counts (0011) keep using it:
(session_id, status) is its first half.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_attendance_session_status", table_name="attendance")
    op.create_index("ix_attendance_session_status", "attendance", ["session_id", "status", "person_id", "hours"])


def downgrade() -> None:
    op.drop_index("ix_attendance_session_status", table_name="attendance")
    op.create_index("ix_attendance_session_status", "attendance", ["session_id", "status"])
