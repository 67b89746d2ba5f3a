"""The command line as a whole: Chinese errors with exit status 2 and no traceback, usage and
version, the GUI without a subcommand, `python -m studyapp`, no Qt for the CLI, the seed on first use."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import types
from pathlib import Path

import pytest

from studyapp import __version__
from studyapp.cli.main import main
from studyapp.db.engine import DB_FILENAME
from studyapp.services.context import AppContext

from .conftest import assert_bad_input, run


@pytest.mark.parametrize("content", [None, b"", b"\x00\xff\x00\xfe" * 500], ids=["missing", "empty", "binary"])
def test_bad_input_exits_2_in_chinese(capsys, tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    for command in ("outline", "import"):
        code, out, err = run(capsys, "--data", str(tmp_path / "data"), command, str(path))
        assert_bad_input(code, out, err)
    if content is None:
        assert "找不到文件" in err


@pytest.mark.sqlite_only  # (writes the SQLite file's revision with sqlite3)
def test_newer_database_is_refused(capsys, seed_path: Path, tmp_path: Path, template_db: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(template_db, data / DB_FILENAME)
    con = sqlite3.connect(data / DB_FILENAME)
    con.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    con.commit()
    con.close()
    code, out, err = run(capsys, "--data", str(data), "import", str(seed_path))
    assert_bad_input(code, out, err)
    assert "较新版本" in err and "ffff9999" in err


def test_damaged_database_exits_2_without_log_noise(capsys, seed_path: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILENAME).write_bytes(b"not a database at all" * 100)
    code, out, err = run(capsys, "--data", str(data), "import", str(seed_path))
    assert_bad_input(code, out, err)
    assert "损坏" in err and "ERROR" not in err


def test_usage_errors_and_version(capsys) -> None:
    code, out, err = run(capsys, "frobnicate")
    assert_bad_input(code, out, err)
    code, out, err = run(capsys, "outline")
    assert_bad_input(code, out, err)
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_no_subcommand_starts_the_gui(monkeypatch, tmp_path: Path) -> None:
    calls = []
    fake = types.ModuleType("studyapp.ui.app")
    fake.run_gui = lambda data_dir, selftest=False: calls.append((data_dir, selftest)) or 0
    monkeypatch.setitem(sys.modules, "studyapp.ui.app", fake)
    assert main(["--data", str(tmp_path), "--selftest"]) == 0
    assert calls == [(tmp_path, True)]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STUDYAPP")}
    env.update(extra)
    return env


def test_python_m_studyapp_imports_and_writes_utf8(seed_copy: Path, tmp_path: Path) -> None:
    # An ASCII-only stdout (like a GBK Windows pipe) must still get UTF-8, not a crash.
    proc = subprocess.run(
        [sys.executable, "-m", "studyapp", "--data", str(tmp_path / "d"), "import", str(seed_copy)],
        capture_output=True, env=_env(PYTHONIOENCODING="ascii"), timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert "已导入文件" in proc.stdout.decode("utf-8")

    proc = subprocess.run(
        [sys.executable, "-m", "studyapp", "--data", str(tmp_path / "d"), "import",
         str(tmp_path / "missing.txt"), "--json"],
        capture_output=True, env=_env(PYTHONIOENCODING="ascii"), timeout=120,
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "找不到文件" in err and "Traceback" not in err
    assert proc.stdout == b""


def test_outline_and_import_never_load_qt(seed_copy: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from studyapp.cli.main import main;"
        f"assert main(['outline', {str(seed_copy)!r}, '--json']) == 0;"
        f"assert main(['--data', {str(tmp_path / 'd')!r}, 'import', {str(seed_copy)!r}]) == 0;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'studyapp.ui'))];"
        "assert not bad, bad"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, env=_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")


def test_first_use_from_the_cli_imports_the_seed_once(capsys, seed_path: Path, tmp_path: Path) -> None:
    """Issue 10: the CLI opens a data folder as the GUI does — the bundled document with its
    reviewed bank on first use, so a paper can be made at once; never a second copy."""
    data = str(tmp_path / "data")
    code, out, err = run(capsys, "--data", data, "sessions", "--json")
    assert code == 0, err
    [seed] = json.loads(out)
    assert seed["date"] == "2015-04-15"
    code, out, err = run(capsys, "--data", data, "paper", "1", "-o", str(tmp_path / "卷.pdf"))
    assert code == 0, err
    code, out, err = run(capsys, "--data", data, "import", str(seed_path))
    assert code == 2 and "已在文件库中" in err, err
    from studyapp.services import documents as documents_service

    with AppContext(Path(data)) as ctx:  # what the GUI does at start: nothing more to import
        assert documents_service.ensure_seed(ctx) is None
        assert len(documents_service.list_documents(ctx)) == 1
