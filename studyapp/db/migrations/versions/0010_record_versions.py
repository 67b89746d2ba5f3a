"""Edit versions for the records of a session: an attendance mark and a score carry a version
number, raised by every change, so a mark or a score typed on one PC over a value another PC
(on the shared database, or the command line) changed since the sheet was read is detected and
the user asked, instead of the last save silently winning.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("attendance", "score"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in ("attendance", "score"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
