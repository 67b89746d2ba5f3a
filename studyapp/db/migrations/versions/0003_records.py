"""Study records: roster (person), groups, attendance, scores; session details.

Revision ID: 0003
Revises: 0002
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("post", sa.String(), nullable=False),
        sa.Column("sort_no", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
        sa.UniqueConstraint("name", "unit", name="uq_person_name"),
    )
    op.create_table(
        "person_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person_group"),
        sa.UniqueConstraint("name", name="uq_person_group_name"),
    )
    op.create_table(
        "group_member",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["person_group.id"],
            name="fk_group_member_group_id_person_group", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"],
            name="fk_group_member_person_id_person", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "person_id", name="pk_group_member"),
    )
    op.create_index("ix_group_member_person_id", "group_member", ["person_id"])

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('present', 'leave', 'absent', 'late')", name="ck_attendance_status"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["study_session.id"],
            name="fk_attendance_session_id_study_session", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_attendance_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attendance"),
        sa.UniqueConstraint("session_id", "person_id", name="uq_attendance_session_id"),
    )
    op.create_index("ix_attendance_person_id", "attendance", ["person_id"])

    op.create_table(
        "score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.Column("paper_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["study_session.id"],
            name="fk_score_session_id_study_session", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_score_person_id_person"),
        sa.PrimaryKeyConstraint("id", name="pk_score"),
        sa.UniqueConstraint("session_id", "person_id", name="uq_score_session_id"),
    )
    op.create_index("ix_score_person_id", "score", ["person_id"])

    with op.batch_alter_table("study_session") as batch:
        batch.add_column(sa.Column("hours", sa.Float(), nullable=True))
        batch.add_column(sa.Column("summary", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("test_summary", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("section_ids", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("full_marks", sa.Float(), nullable=False, server_default="100"))


def downgrade() -> None:
    with op.batch_alter_table("study_session") as batch:
        batch.drop_column("full_marks")
        batch.drop_column("section_ids")
        batch.drop_column("test_summary")
        batch.drop_column("summary")
        batch.drop_column("hours")
    op.drop_index("ix_score_person_id", table_name="score")
    op.drop_table("score")
    op.drop_index("ix_attendance_person_id", table_name="attendance")
    op.drop_table("attendance")
    op.drop_index("ix_group_member_person_id", table_name="group_member")
    op.drop_table("group_member")
    op.drop_table("person_group")
    op.drop_table("person")
