"""文件 → 数据库…: a data folder moves between its own SQLite file and a shared PostgreSQL server
without losing anything — checked before it points there, uploaded only into an empty server
database, downloaded back beside a kept copy of the old file. The tests that need a server run
when the suite runs on one (STUDYAPP_TEST_PG)."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest

from studyapp.db import shared
from studyapp.db.shared import SharedDatabase
from studyapp.services import attendance, database, documents, roster, sessions
from studyapp.services.context import AppContext, StorageError
from studyapp.services.dto_records import PersonDraft, SessionDraft
from tests.conftest import PG

needs_server = pytest.mark.skipif(not PG, reason="runs when the suite runs on a PostgreSQL server")


def _local_folder(tmp_path: Path) -> Path:
    """A data folder with its own SQLite file: the seed, two people, a session with attendance."""
    folder = tmp_path / "local"
    ctx = AppContext(folder)
    documents.ensure_seed(ctx)
    a = roster.add_person(ctx, PersonDraft("王德伦", "乡党委")).id
    b = roster.add_person(ctx, PersonDraft("李红梅", "乡政府")).id
    s = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习")).id
    attendance.set_expected(ctx, s, person_ids=[a, b])
    attendance.mark_all_present(ctx, s)
    ctx.close()
    return folder


def _empty_server_database() -> SharedDatabase:
    from tests.conftest import _pg, _pg_admin

    name = f"studyapp_empty_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    return _pg(name)


def _drop(config: SharedDatabase) -> None:
    from tests.conftest import _pg_admin

    _pg_admin(f'DROP DATABASE IF EXISTS "{config.database}" WITH (FORCE)')


def test_a_server_that_cannot_be_reached_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    AppContext(folder).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StorageError) as info:
        database.use_server(folder, SharedDatabase("127.0.0.1", "county", "zuzhibu", port, "pw"), upload=True)
    assert "无法连接数据库服务器" in info.value.message
    assert shared.read(folder) is None  # still its own file
    with pytest.raises(StorageError) as bad:
        database.use_server(folder, SharedDatabase("10.0.0.1", "my db", "u"))
    assert "数据库名" in bad.value.message
    ctx = AppContext(folder)
    assert database.location(ctx).startswith("本机数据库文件") and ctx.shared is None
    ctx.close()
    with pytest.raises(StorageError):
        database.use_local(folder, download=True)  # nothing to download from


@needs_server
def test_upload_copies_every_record_and_the_server_goes_on_numbering(tmp_path: Path) -> None:
    folder = _local_folder(tmp_path)
    server = _empty_server_database()
    try:
        check = database.check_server(server)
        assert check.empty and "空数据库" in check.summary()
        after = database.use_server(folder, server, upload=True)
        local_counts = {"文件": 1, "人员": 2, "学习会": 2}  # (the seed's own 2015-04-15 session, and ours)
        assert {k: v for k, v in after.counts if k != "试题"} == local_counts and dict(after.counts)["试题"] > 0
        assert shared.read(folder) == server
        ctx = AppContext(folder)  # the folder now opens on the server
        try:
            assert ctx.engine.dialect.name == "postgresql"
            assert [p.name for p in roster.list_people(ctx)] == ["王德伦", "李红梅"]
            assert sorted((i.expected, i.present) for i in sessions.list_sessions(ctx)) == [(0, 0), (2, 2)]
            new = roster.add_person(ctx, PersonDraft("张明", "乡党委"))  # ids go on past the copied ones
            assert new.id > max(p.id for p in roster.list_people(ctx) if p.name != "张明")
            assert database.location(ctx).startswith("PostgreSQL 服务器")
        finally:
            ctx.close()
        # a second PC cannot upload over it
        other = _local_folder(tmp_path / "second")
        with pytest.raises(StorageError) as info:
            database.use_server(other, server, upload=True)
        assert "只能上传到空数据库" in info.value.message and shared.read(other) is None
    finally:
        _drop(server)


@needs_server
def test_download_brings_the_records_home_beside_the_old_file(tmp_path: Path) -> None:
    folder = _local_folder(tmp_path)
    server = _empty_server_database()
    try:
        database.use_server(folder, server, upload=True)
        ctx = AppContext(folder)
        roster.add_person(ctx, PersonDraft("张明", "乡党委"))  # entered on the server
        ctx.close()
        kept = database.use_local(folder, download=True)
        assert kept is not None and kept.is_file() and kept.parent.name == "backups"
        assert shared.read(folder) is None
        ctx = AppContext(folder)
        try:
            assert ctx.engine.dialect.name == "sqlite"
            assert [p.name for p in roster.list_people(ctx)] == ["王德伦", "李红梅", "张明"]
            assert roster.add_person(ctx, PersonDraft("孙丽", "乡政府")).id == 4
        finally:
            ctx.close()
    finally:
        _drop(server)
