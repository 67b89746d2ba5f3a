"""An index on the study session's date: the 学时台账 of a year, the year's 个人学习档案 and the
sessions list search a range of dates — at a county's size (2,000 sessions a year, ten years
kept) that was a scan of every session ever held.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_study_session_date", "study_session", ["date"])


def downgrade() -> None:
    op.drop_index("ix_study_session_date", table_name="study_session")
