"""The log a user can send: written in the data folder (Chinese kept), faulthandler's crash.log
beside it, installed once per folder (nothing logged twice), moved with the data folder, and a
folder that cannot be written leaves the program running without a log."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp import logfile


@pytest.fixture(autouse=True)
def _no_log_left() -> Iterator[None]:
    yield
    logfile.uninstall()


def _flush() -> None:
    for h in logging.getLogger().handlers:
        h.flush()


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers
            if isinstance(h, logging.handlers.RotatingFileHandler) and h.baseFilename.endswith(logfile.LOG_NAME)]


def test_the_log_is_written_in_the_data_folder(tmp_path: Path) -> None:
    path = logfile.install(tmp_path / "data")
    assert path == tmp_path / "data" / "logs" / "studyapp.log" == logfile.current()
    logging.getLogger("studyapp.test").warning("一条中文日志")
    _flush()
    assert "一条中文日志" in path.read_text(encoding="utf-8")
    assert (tmp_path / "data" / "logs" / "crash.log").exists()  # faulthandler's, for hard crashes


def test_installed_once_and_moved_with_the_data_folder(tmp_path: Path) -> None:
    first = logfile.install(tmp_path / "a")
    assert logfile.install(tmp_path / "a") == first and len(_ours()) == 1
    second = logfile.install(tmp_path / "b")
    assert second == tmp_path / "b" / "logs" / "studyapp.log" and len(_ours()) == 1
    logging.getLogger("studyapp.test").warning("换了数据文件夹")
    _flush()
    assert "换了数据文件夹" in second.read_text(encoding="utf-8")
    assert "换了数据文件夹" not in first.read_text(encoding="utf-8")  # nothing written twice


def test_a_folder_that_cannot_be_written_runs_without_a_log(tmp_path: Path) -> None:
    blocked = tmp_path / "stick"
    blocked.write_text("这是一个文件，不是文件夹", encoding="utf-8")  # logs/ cannot be made under it
    assert logfile.install(blocked) is None and logfile.current() is None


def test_uninstall_stops_writing(tmp_path: Path) -> None:
    path = logfile.install(tmp_path / "data")
    logfile.uninstall()
    assert logfile.current() is None and _ours() == []
    logging.getLogger("studyapp.test").warning("关闭之后")
    assert "关闭之后" not in path.read_text(encoding="utf-8")
