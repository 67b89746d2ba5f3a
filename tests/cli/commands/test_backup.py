"""studyapp backup / backup --list / check / restore (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

from studyapp.db.engine import DB_FILENAME
from tests.cli.conftest import assert_bad_input, run


def test_backup_list_check_restore(capsys, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "--data", data, "backup")
    assert code == 0 and "已备份并检查完好" in out, err
    code, out, _ = run(capsys, "--data", data, "backup", "--list", "--json")
    [listed] = json.loads(out)
    assert listed["ok"] and listed["documents"] == 1 and listed["kind"] == "manual"
    usb = tmp_path / "U盘" / "学习测评备份"
    code, out, _ = run(capsys, "--data", data, "backup", "-o", str(usb))
    assert code == 0 and (usb.with_suffix(".sqlite3")).is_file()
    assert run(capsys, "--data", data, "check")[0] == 0

    db = Path(data) / DB_FILENAME
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(db, "r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xde\xad\xbe\xef" * 1024)
    code, out, err = run(capsys, "--data", data, "check")
    assert_bad_input(code, out, err)
    assert "有损坏" in err and "studyapp restore" in err
    code, out, err = run(capsys, "--data", data, "sessions")  # refused, not written
    assert_bad_input(code, out, err)
    assert "已损坏" in err
    code, out, err = run(capsys, "--data", data, "restore", listed["file"])
    assert code == 0 and "恢复前的数据已另存为" in out, err
    assert run(capsys, "--data", data, "check")[0] == 0
    code, out, _ = run(capsys, "--data", data, "sessions", "--json")
    assert code == 0 and json.loads(out)[0]["date"] == "2015-04-15"


def test_restore_of_a_bad_file_exits_2(capsys, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("不是数据库", encoding="utf-8")
    data = str(tmp_path / "data")
    run(capsys, "--data", data, "backup")
    assert_bad_input(*run(capsys, "--data", data, "restore", str(junk)))
    assert_bad_input(*run(capsys, "--data", data, "restore", str(tmp_path / "missing.sqlite3")))


def test_archive_export_and_import_from_the_command_line(capsys, tmp_path: Path) -> None:
    from tests.cli.conftest import run as run_cli

    src, dst = tmp_path / "乡政府", tmp_path / "县委组织部"
    code, out, err = run_cli(capsys, "--data", str(src), "sessions")  # seeds the folder
    assert code == 0, err
    archive = tmp_path / "U盘" / "学习测评数据.zip"
    code, out, err = run_cli(capsys, "--data", str(src), "backup", "--archive", "-o", str(archive))
    assert code == 0 and "已导出数据包" in out and archive.is_file(), err
    code, out, err = run_cli(capsys, "--data", str(dst), "restore", str(archive))
    assert code == 0 and "已从" in out, err
    code, out, err = run_cli(capsys, "--data", str(dst), "sessions")
    assert "王德伦" in out  # the seed's session came along


def test_check_of_a_folder_on_the_shared_server_checks_the_server(capsys, ctx) -> None:  # noqa: ANN001
    """`studyapp check` on a folder whose records are on the county's server reads every table
    there (no SQLite file to check); a missing table or an old schema is said, exit code 2."""
    import pytest
    from sqlalchemy import text

    if ctx.shared is None:
        pytest.skip("runs when the suite runs on a PostgreSQL server")
    data = str(ctx.data_dir)
    with ctx.engine.begin() as conn:  # (the throwaway cluster's user may: every B-tree is checked too)
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS amcheck"))
    code, out, err = run(capsys, "--data", data, "check")
    assert code == 0 and "共享数据库完好" in out and ctx.shared.describe() in out, err
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0011'"))
        conn.execute(text("DROP TABLE room_event"))
    code, out, err = run(capsys, "--data", data, "check")
    assert_bad_input(code, out, err)
    assert "数据库结构版本为 0011" in err and "缺少数据表 room_event" in err and "服务器管理员" in err
