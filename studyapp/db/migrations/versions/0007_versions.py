"""Edit versions: a study session's record and a person in the roster carry a version number,
raised by every change, so an edit made from a copy read before someone else's change (another
PC on the shared database, or the command line) is detected instead of overwriting it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("study_session", "person"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in ("study_session", "person"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
