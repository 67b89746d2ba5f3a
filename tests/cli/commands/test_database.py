"""`studyapp database`: where the records are, a server checked, the folder moved to a server
(with an upload) and back (with a download); a server nobody answers is exit 2 in Chinese."""

from __future__ import annotations

import io
import socket
import uuid
from pathlib import Path

import pytest

from studyapp.db import shared
from tests.cli.conftest import assert_bad_input, run
from tests.conftest import PG

needs_server = pytest.mark.skipif(not PG, reason="runs when the suite runs on a PostgreSQL server")


def test_it_says_where_the_records_are_and_refuses_a_server_nobody_answers(capsys, tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, out, _err = run(capsys, "--data", str(data), "database")
    assert code == 0 and "本机数据库文件" in out and "studyapp.sqlite3" in out
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert_bad_input(*run(capsys, "--data", str(data), "database", "server", "127.0.0.1", "county", "zuzhibu",
                          "--port", str(port)))
    assert shared.read(data) is None
    assert_bad_input(*run(capsys, "--data", str(data), "database", "check", "10.0.0.1", "my db", "u"))


@needs_server
def test_the_folder_moves_to_the_server_and_back(capsys, tmp_path: Path, monkeypatch) -> None:
    from tests.conftest import _pg, _pg_admin

    data = tmp_path / "data"
    code, _out, err = run(capsys, "--data", str(data), "roster", "list")  # the folder's own file, with the seed
    assert code == 0, err
    name = f"studyapp_cli_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    server = _pg(name)
    where = [server.host, name, server.user, "--port", str(server.port)]
    try:
        code, out, err = run(capsys, "--data", str(data), "database", "check", *where)
        assert code == 0 and "空数据库" in out, err
        monkeypatch.setattr("sys.stdin", io.StringIO("\n"))  # (the test server needs no password)
        code, out, err = run(capsys, "--data", str(data), "database", "server", *where, "--upload",
                             "--password-stdin")
        assert code == 0 and "已上传本机数据" in out and "文件 1" in out, err
        code, out, _err = run(capsys, "--data", str(data), "database")
        assert "使用共享数据库" in out and name in out
        code, out, err = run(capsys, "--data", str(data), "sessions")
        assert code == 0 and "2015-04-15" in out, err  # read from the server
        code, out, err = run(capsys, "--data", str(data), "database", "local", "--download")
        assert code == 0 and "已把服务器上的数据下载到本机" in out, err
        assert shared.read(data) is None
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
