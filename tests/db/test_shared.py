"""A data folder pointing at a shared PostgreSQL server: where the server is (never the
password) in database.json, the password apart and readable by this user only; a server that
cannot be reached or refuses the password is a Chinese message; on the server, writers take
their turn as they do on one SQLite file. The tests that need a server run when the suite runs
on one (STUDYAPP_TEST_PG, as .ci/run does the second time)."""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
import time
from pathlib import Path

import pytest

from studyapp.db import shared
from studyapp.db.shared import SharedConfigError, SharedDatabase
from studyapp.services import roster, settings
from studyapp.services.context import AppContext, DatabaseBusy, StorageError
from studyapp.services.dto_records import PersonDraft
from tests.conftest import PG

needs_server = pytest.mark.skipif(not PG, reason="runs when the suite runs on a PostgreSQL server")


def test_the_folder_keeps_where_the_server_is_and_the_password_apart(tmp_path: Path) -> None:
    config = SharedDatabase("192.168.1.10", "county_records", "zuzhibu", 5433, "p@ss:w/rd")
    shared.write(tmp_path, config)
    kept = json.loads((tmp_path / shared.CONFIG).read_text(encoding="utf-8"))
    assert kept == {"host": "192.168.1.10", "port": 5433, "database": "county_records", "user": "zuzhibu"}
    assert "p@ss" not in (tmp_path / shared.CONFIG).read_text(encoding="utf-8")
    secret = tmp_path / shared.SECRET
    if os.name == "posix":
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600  # readable by this user only
    back = shared.read(tmp_path)
    assert back == config
    # the URL quotes what a password may hold; the description never shows it
    assert back.url() == "postgresql+psycopg://zuzhibu:p%40ss%3Aw%2Frd@192.168.1.10:5433/county_records"
    assert "p@ss" not in back.describe() and "192.168.1.10:5433" in back.describe()
    shared.write(tmp_path, SharedDatabase("192.168.1.10", "county_records", "zuzhibu"))  # no password
    assert not secret.exists() and shared.read(tmp_path).password == ""
    shared.clear(tmp_path)
    assert shared.read(tmp_path) is None  # back to the folder's own SQLite file


@pytest.mark.parametrize("config, says", [
    (SharedDatabase("", "db", "u"), "地址"),
    (SharedDatabase("10.0.0.1; rm -rf", "db", "u"), "地址"),
    (SharedDatabase("10.0.0.1", "db", "u", 70000), "端口"),
    (SharedDatabase("10.0.0.1", "my db", "u"), "数据库名"),
    (SharedDatabase("10.0.0.1", "db", "u'--"), "用户名"),
])
def test_a_setting_that_cannot_be_a_servers_is_refused(tmp_path: Path, config: SharedDatabase, says: str) -> None:
    with pytest.raises(SharedConfigError) as info:
        shared.write(tmp_path, config)
    assert says in info.value.message
    assert not (tmp_path / shared.CONFIG).exists()


def test_an_unreadable_setting_is_a_message_never_an_empty_local_database(tmp_path: Path) -> None:
    (tmp_path / shared.CONFIG).write_text("{not json", encoding="utf-8")
    with pytest.raises(StorageError) as info:
        AppContext(tmp_path)
    assert "文件 → 数据库…" in info.value.message
    assert not (tmp_path / "studyapp.sqlite3").exists()


def test_a_server_nobody_answers_is_a_chinese_message(tmp_path: Path) -> None:
    with socket.socket() as s:  # a port on this machine where nothing listens
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    shared.write(tmp_path, SharedDatabase("127.0.0.1", "county", "zuzhibu", port, "secret"))
    t = time.perf_counter()
    with pytest.raises(StorageError) as info:
        AppContext(tmp_path)
    assert "无法连接数据库服务器" in info.value.message and "secret" not in info.value.message
    assert time.perf_counter() - t < 15  # (connect_timeout: never the OS's minutes)


@needs_server
def test_a_wrong_password_or_database_is_a_chinese_message(tmp_path: Path) -> None:
    from tests.conftest import _pg

    server = _pg("studyapp_no_such_database")
    shared.write(tmp_path, server)
    with pytest.raises(StorageError) as info:
        AppContext(tmp_path)
    assert "没有所填的数据库" in info.value.message


@needs_server
def test_the_window_and_the_command_line_open_the_folder_on_the_server(ctx: AppContext) -> None:
    assert ctx.shared is not None and ctx.engine.dialect.name == "postgresql"
    settings.set_setting(ctx, "org.unit_name", "某县委组织部")
    again = AppContext(ctx.data_dir)  # a second PC with the same settings: the same records
    try:
        assert again.shared == ctx.shared
        assert settings.get_setting(again, "org.unit_name") == "某县委组织部"
        assert not (ctx.data_dir / "studyapp.sqlite3").exists()  # no local file in between
    finally:
        again.close()


@needs_server
def test_writers_take_turns_on_the_server_and_the_window_waits_only_a_moment(ctx: AppContext) -> None:
    """A read-then-write transaction holds the server's writer lock: a second writer waits for
    it (and then sees the first one's rows); the window's wait is short (DatabaseBusy)."""
    other = AppContext(ctx.data_dir)
    held = threading.Event()
    release = threading.Event()

    def first_writer() -> None:
        with ctx.begin(write=True) as session:
            session.connection()
            held.set()
            release.wait(10)

    t = threading.Thread(target=first_writer)
    t.start()
    try:
        assert held.wait(10)
        start = time.perf_counter()
        with pytest.raises(DatabaseBusy) as info, other.begin(write=True, wait_ms=300) as session:
            session.connection()
        assert 0.25 < time.perf_counter() - start < 5
        assert "另一台电脑" in info.value.message
        with other.begin() as session:  # readers never wait
            session.connection()
    finally:
        release.set()
        t.join(10)
    roster.add_person(other, PersonDraft("王德伦", "乡党委"))  # the lock is free again
    assert [p.name for p in roster.list_people(ctx)] == ["王德伦"]
    other.close()
