"""The start-up peek: saved window state read before (and without) the database layer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.services import settings
from studyapp.services.context import AppContext
from studyapp.services.startup import peek_settings


@pytest.mark.sqlite_only  # (peeks into the SQLite file before the database layer loads)
def test_peek_reads_what_the_settings_service_stored(ctx: AppContext) -> None:
    settings.set_setting(ctx, "window.geometry", "AdnQywADAAA=")
    settings.set_setting(ctx, "reader.font_size", 24)
    got = peek_settings(ctx.data_dir, ["window.geometry", "window.state", "reader.font_size"])
    assert got == {"window.geometry": "AdnQywADAAA=", "reader.font_size": 24}


def test_peek_on_a_missing_or_broken_database_is_empty(tmp_path: Path) -> None:
    assert peek_settings(tmp_path, ["window.geometry"]) == {}
    (tmp_path / "studyapp.sqlite3").write_bytes(b"not a database at all" * 50)
    assert peek_settings(tmp_path, ["window.geometry"]) == {}


def test_peek_and_the_dtos_do_not_load_sqlalchemy() -> None:
    code = ("import sys, studyapp.services.startup, studyapp.services.dto; "
            "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
