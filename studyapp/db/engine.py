"""Engine and session factory, with the SQLite pragmas set on every connection."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("studyapp.db")

DB_FILENAME = "studyapp.sqlite3"
BUSY_TIMEOUT_MS = 5000


def sqlite_url(data_dir: Path) -> str:
    """The URL of the database file in a data folder."""
    return f"sqlite:///{(Path(data_dir) / DB_FILENAME).as_posix()}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the GUI read while a worker writes; foreign keys make ON DELETE CASCADE work;
    # busy_timeout waits for a short lock instead of failing at once.
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite connections get the pragmas above."""
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    log.debug("engine for %s", engine.url.render_as_string(hide_password=True))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (services copy them into DTOs anyway)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
