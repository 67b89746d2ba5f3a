"""Edit versions for a document and a section's note: a document's title and a note typed on
one PC over a change another PC (on the shared database, or the command line) made since it was
read are detected and the user asked, instead of the last save silently winning. A note also
keeps which program wrote it last (`writer`), so the reader's own saves, a few in flight while
typing, never count as someone else's change.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("document", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("section_note", sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.add_column("section_note", sa.Column("writer", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN, never a copied table: on SQLite dropping the old `document`
    # table would delete every section and question with it (ON DELETE CASCADE)
    op.drop_column("section_note", "writer")
    op.drop_column("section_note", "version")
    op.drop_column("document", "version")
