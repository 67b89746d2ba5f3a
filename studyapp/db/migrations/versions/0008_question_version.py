"""Edit versions for the question bank: a question carries a version number, raised by every
change, so an edit or a review decision made from a copy read before someone else's change
(another PC on the shared database, or the command line) is detected instead of overwriting it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("question") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("question") as batch:
        batch.drop_column("version")
