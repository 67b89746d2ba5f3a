"""Database failures reach the user as Chinese messages saying what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from studyapp.core.model import UserError
from studyapp.services.context import AppContext, StorageError, storage_message


@pytest.mark.parametrize(
    "sqlite_text, expected",
    [
        ("database or disk is full", "磁盘空间不足"),
        ("database is locked", "占用"),
        ("attempt to write a readonly database", "权限"),
        ("file is not a database", "损坏"),
        ("something else entirely", "数据库出错"),
    ],
)
def test_storage_messages(sqlite_text: str, expected: str) -> None:
    error = OperationalError("INSERT ...", {}, sqlite3.OperationalError(sqlite_text))
    assert expected in storage_message(error)


def test_storage_errors_are_document_errors(ctx: AppContext) -> None:
    """Everything that shows a UserError's message shows storage failures too."""
    with pytest.raises(UserError) as info:
        with ctx.begin() as session:
            session.execute(text("INSERT INTO no_such_table VALUES (1)"))
    assert isinstance(info.value, StorageError)


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="无法创建数据文件夹"):
        AppContext(blocker / "data")


def _hold_write_lock(ctx: AppContext) -> sqlite3.Connection:
    from studyapp.db.engine import DB_FILENAME

    blocker = sqlite3.connect(str(ctx.data_dir / DB_FILENAME), timeout=0.1)
    blocker.isolation_level = None
    blocker.execute("BEGIN IMMEDIATE")  # another program's long import
    return blocker


@pytest.mark.sqlite_only  # (holds the SQLite file's lock with sqlite3; the server's writer lock: tests/db/test_shared.py)
def test_the_window_thread_waits_a_moment_for_another_writer_and_a_worker_waits_longer(ctx: AppContext) -> None:
    """On the interactive thread a write waits at most INTERACTIVE_WAIT_MS (BEGIN IMMEDIATE
    included: the wait is set before BEGIN), then DatabaseBusy; any other thread keeps the usual
    busy timeout and gets the lock once the other writer is done."""
    import threading
    import time

    from studyapp.db.models import Setting
    from studyapp.services.context import INTERACTIVE_WAIT_MS, DatabaseBusy

    ctx.interactive_thread = threading.get_ident()
    blocker = _hold_write_lock(ctx)
    try:
        for write in (False, True):
            t0 = time.monotonic()
            with pytest.raises(DatabaseBusy) as caught:
                with ctx.begin(write=write) as session:
                    session.merge(Setting(name="t.x", value=1))
            waited = time.monotonic() - t0
            assert waited < 1.0, (write, waited)  # not the usual 5 s
            if write:  # (a deferred one that read first fails at once: SQLite's rule against deadlock)
                assert waited >= INTERACTIVE_WAIT_MS / 1000 * 0.8
            assert "其他程序占用" in caught.value.message
        done: list[object] = []

        def worker() -> None:
            try:
                with ctx.begin(write=True) as session:
                    session.merge(Setting(name="t.y", value=2))
                done.append("ok")
            except Exception as exc:  # noqa: BLE001
                done.append(exc)

        t = threading.Thread(target=worker)
        t.start()
        time.sleep(0.4)  # the worker waits for the lock …
        assert not done
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    t.join(10)
    assert done == ["ok"]  # … and gets it once the other program is done
    with ctx.begin() as session:
        assert session.get(Setting, "t.y").value == 2 and session.get(Setting, "t.x") is None
