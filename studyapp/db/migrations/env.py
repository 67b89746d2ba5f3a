"""Alembic environment: used programmatically by studyapp.db.migrate (a connection is passed in
config.attributes["connection"]); `alembic -x url=sqlite:///path upgrade head` also works."""

from __future__ import annotations

import logging

from alembic import context
from sqlalchemy import Connection

from studyapp.db.engine import make_engine
from studyapp.db.models import Base

log = logging.getLogger("studyapp.db")

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("pass -x url=sqlite:///path/to/studyapp.sqlite3")
    engine = make_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("studyapp migrations run online only")
run_migrations_online()
