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


def _pragmas(journal: str = "WAL", synchronous: str = "NORMAL"):  # noqa: ANN202 - a connect listener
    def set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # WAL lets the GUI read while a worker writes (DELETE/FULL on a USB stick or a network
        # share: db.storage); foreign keys make ON DELETE CASCADE work; busy_timeout waits for
        # a short lock instead of failing at once.
        # pysqlite's own transaction handling is switched off (SQLAlchemy's documented recipe):
        # _begin below emits BEGIN itself, so a write can take its lock at the start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA journal_mode={journal}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA synchronous={synchronous}")
        finally:
            cursor.close()
    return set_sqlite_pragmas




WRITE = {"studyapp_write": True}  # execution options of a transaction that reads, then writes
# (and {"studyapp_wait_ms": N}: wait at most N ms for another writer's lock, instead of BUSY_TIMEOUT_MS)


def _begin(conn: Any) -> None:
    """BEGIN, or BEGIN IMMEDIATE for a transaction that reads and then writes on what it read
    (a roster import looks up who exists, then inserts the rest): it takes the write lock at
    once, so a second import waits (busy_timeout) and then sees the first one's rows, instead
    of both inserting the same person and the second failing on the unique index."""
    options = conn.get_execution_options()
    # every transaction sets its own wait, before BEGIN (BEGIN IMMEDIATE itself is where a write
    # waits for another writer): a pooled connection never carries a short wait to the next user
    wait = options.get("studyapp_wait_ms")
    conn.exec_driver_sql(f"PRAGMA busy_timeout={int(wait) if wait is not None else BUSY_TIMEOUT_MS}")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("studyapp_write", False) else "BEGIN")


# the one writer at a time on a shared PostgreSQL database: a transaction that reads and then
# writes takes this transaction-level advisory lock first, as BEGIN IMMEDIATE takes SQLite's
# write lock (two PCs importing the same roster: the second waits, then sees the first's rows)
WRITER_LOCK = 0x5354_5544  # "STUD"


def _pg_begin(conn: Any) -> None:
    """PostgreSQL: a read-then-write transaction waits for the writer lock (at most its wait,
    then lock_timeout fails it: DatabaseBusy, as a busy SQLite file does)."""
    options = conn.get_execution_options()
    if not options.get("studyapp_write", False):
        return
    wait = options.get("studyapp_wait_ms")
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(wait) if wait is not None else BUSY_TIMEOUT_MS}")
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def make_engine(url: str, *, journal: tuple[str, str] = ("WAL", "NORMAL"), **kwargs: Any) -> Engine:
    """Create an engine; SQLite connections get the pragmas above (`journal`: journal_mode and
    synchronous, see db.storage); a PostgreSQL server's connections are checked before use (a
    server restarted overnight) and serialise their writers (_pg_begin)."""
    if url.startswith("postgresql"):
        kwargs.setdefault("pool_pre_ping", True)
        # a cable pulled or a switch gone quiet sends no reset: without these a statement would wait
        # for the operating system's TCP timeout (minutes). Unacknowledged data gives up after
        # 20 s (tcp_user_timeout), an idle pooled connection is probed (keepalives); both then
        # fail as a lost connection, which the user is told about (services.context.ConnectionLost)
        kwargs.setdefault("connect_args", {"connect_timeout": 10, "application_name": "studyapp",
                                           "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10,
                                           "keepalives_count": 3, "tcp_user_timeout": 20000})
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _pragmas(*journal))
        event.listen(engine, "begin", _begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _pg_begin)
    log.debug("engine for %s", engine.url.render_as_string(hide_password=True))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (services copy them into DTOs anyway)."""
    return sessionmaker(bind=engine, expire_on_commit=False)
