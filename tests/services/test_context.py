"""Database failures reach the user as Chinese messages saying what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from studyapp.core.model import DocumentError
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
    """Everything that shows a DocumentError's message shows storage failures too."""
    with pytest.raises(DocumentError) as info:
        with ctx.begin() as session:
            session.execute(text("INSERT INTO no_such_table VALUES (1)"))
    assert isinstance(info.value, StorageError)


def test_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="无法创建数据文件夹"):
        AppContext(blocker / "data")
