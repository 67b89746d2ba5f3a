"""The engine: every SQLite connection gets WAL (or the journal a USB stick needs), foreign keys
and a busy timeout; a transaction that reads and then writes takes the write lock at its start
(so a second one waits and then sees the first one's rows), and its shorter wait is not carried
to the next transaction on the pooled connection; sessions keep their values after commit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import exc, text

from studyapp.db.engine import (
    BUSY_TIMEOUT_MS,
    DB_FILENAME,
    WRITE,
    make_engine,
    make_session_factory,
    sqlite_url,
)
from studyapp.services.context import AppContext

pytestmark = pytest.mark.sqlite_only  # (SQLite's pragmas and locks; PostgreSQL: tests/db/test_shared.py)


def test_the_url_is_the_file_in_the_data_folder(tmp_path: Path) -> None:
    assert sqlite_url(tmp_path) == f"sqlite:///{(tmp_path / DB_FILENAME).as_posix()}"


def test_every_connection_uses_wal_foreign_keys_and_a_busy_timeout(ctx: AppContext) -> None:
    conns = [ctx.engine.connect() for _ in range(3)]  # several pooled connections
    try:
        for conn in conns:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    finally:
        for conn in conns:
            conn.close()


def test_a_stick_gets_the_journal_it_needs(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path), journal=("DELETE", "FULL"))
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def _table(tmp_path: Path):  # noqa: ANN202 - an Engine
    engine = make_engine(sqlite_url(tmp_path))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE person (name TEXT UNIQUE)")
    return engine


def test_a_read_then_write_transaction_takes_the_lock_at_its_start(tmp_path: Path) -> None:
    engine = _table(tmp_path)
    other = sqlite3.connect(tmp_path / DB_FILENAME, timeout=0.1, isolation_level=None)
    try:
        with engine.connect().execution_options(**WRITE) as conn, conn.begin():
            conn.execute(text("SELECT count(*) FROM person"))  # it has only read so far …
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")  # … and already holds the write lock
            assert other.execute("SELECT count(*) FROM person").fetchone() == (0,)  # (WAL: readers go on)
            conn.execute(text("INSERT INTO person VALUES ('王德伦')"))
        other.execute("BEGIN IMMEDIATE")  # released at commit
        other.execute("ROLLBACK")
    finally:
        other.close()
        engine.dispose()


def test_a_short_wait_is_for_its_own_transaction_only(tmp_path: Path) -> None:
    engine = _table(tmp_path)
    blocker = sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another program's long import
        short = engine.connect().execution_options(**WRITE, studyapp_wait_ms=50)
        with pytest.raises(exc.OperationalError, match="locked"):
            short.begin()
        short.close()
        blocker.execute("ROLLBACK")
        with engine.connect() as conn, conn.begin():  # the same pooled connection, a plain read
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
    finally:
        blocker.close()
        engine.dispose()


def test_values_stay_readable_after_commit(ctx: AppContext) -> None:
    from studyapp.db.models_records import Person

    factory = make_session_factory(ctx.engine)
    with factory() as session, session.begin():
        person = Person(name="孙丽", unit="财政所")
        session.add(person)
    assert (person.name, person.unit) == ("孙丽", "财政所") and person.id  # no reload after commit
