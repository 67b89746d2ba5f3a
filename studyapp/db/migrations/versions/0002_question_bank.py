"""Question bank: one row per question of a document (题库).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=True),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("stem", sa.Text(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("answer", sa.JSON(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("section_path", sa.JSON(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "origin IN ('generated', 'edited', 'manual', 'imported')",
            name="ck_question_origin",
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'approved', 'retired')", name="ck_question_status"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"],
            name="fk_question_document_id_document", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["section_id"], ["section.id"],
            name="fk_question_section_id_section", ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_question"),
    )
    op.create_index("ix_question_document_status", "question", ["document_id", "status"])
    op.create_index("ix_question_section_id", "question", ["section_id"])


def downgrade() -> None:
    op.drop_index("ix_question_section_id", table_name="question")
    op.drop_index("ix_question_document_status", table_name="question")
    op.drop_table("question")
