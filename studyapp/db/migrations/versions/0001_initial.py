"""Initial schema: documents, sections, read marks, notes, settings, study sessions.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=True),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("truncated", sa.Boolean(), nullable=False),
        sa.Column("preamble", sa.Text(), nullable=False),
        sa.Column("source_name", sa.String(), nullable=False),
        sa.Column("file_kind", sa.String(), nullable=False),
        sa.Column("encoding", sa.String(), nullable=True),
        sa.Column("raw_text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document"),
    )
    op.create_table(
        "section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"],
            name="fk_section_document_id_document", ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["section.id"],
            name="fk_section_parent_id_section", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_section"),
    )
    op.create_index("ix_section_document_ordinal", "section", ["document_id", "ordinal"])
    op.create_index("ix_section_parent_id", "section", ["parent_id"])

    op.create_table(
        "read_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["section_id"], ["section.id"],
            name="fk_read_mark_section_id_section", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_read_mark"),
    )
    op.create_index("ix_read_mark_section_id", "read_mark", ["section_id"])

    op.create_table(
        "section_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["section_id"], ["section.id"],
            name="fk_section_note_section_id_section", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_section_note"),
        sa.UniqueConstraint("section_id", name="uq_section_note_section_id"),
    )

    op.create_table(
        "setting",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_setting"),
    )

    op.create_table(
        "study_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("start_time", sa.String(), nullable=True),
        sa.Column("end_time", sa.String(), nullable=True),
        sa.Column("mode", sa.String(), nullable=False),
        sa.Column("place", sa.String(), nullable=False),
        sa.Column("leader", sa.String(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("recorder", sa.String(), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"],
            name="fk_study_session_document_id_document", ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_study_session"),
    )
    op.create_index("ix_study_session_document_id", "study_session", ["document_id"])


def downgrade() -> None:
    op.drop_table("study_session")
    op.drop_table("setting")
    op.drop_table("section_note")
    op.drop_table("read_mark")
    op.drop_index("ix_section_parent_id", table_name="section")
    op.drop_index("ix_section_document_ordinal", table_name="section")
    op.drop_table("section")
    op.drop_table("document")
