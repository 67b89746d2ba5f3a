"""What nobody foresaw: in the log file of the data folder, and said in Chinese with its path."""

from __future__ import annotations

import logging
import threading

import pytest

from studyapp import logfile
from studyapp.ui import crash


@pytest.fixture(autouse=True)
def _no_log_left() -> None:
    yield
    logfile.uninstall()


def test_an_unexpected_error_is_logged_and_said_in_chinese_with_the_log_path(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    path = logfile.install(tmp_path / "data")
    reporter = crash.install(QApplication.instance())
    try:
        try:
            raise ValueError("坏的数据")
        except ValueError as exc:
            reporter.hook(type(exc), exc, exc.__traceback__)
        qtbot.waitUntil(lambda: bool(reporter.shown))
        text = reporter.shown[0]
        assert "程序出错了" in text and str(path) in text and "坏的数据" in text
        # an error on a worker thread reaches the GUI thread the same way (threading.excepthook
        # calls thread_hook; pytest holds that hook during a test, so the worker calls it here)
        def work() -> None:
            try:
                raise ZeroDivisionError("division by zero")
            except ZeroDivisionError as exc:
                reporter.thread_hook(threading.ExceptHookArgs((type(exc), exc, exc.__traceback__, None)))

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(reporter.shown) == 2)
        assert "ZeroDivisionError" in reporter.shown[1]
        for h in logging.getLogger().handlers:
            h.flush()
        assert "坏的数据" in path.read_text(encoding="utf-8")
    finally:
        reporter.uninstall()
        if getattr(reporter, "box", None) is not None:
            reporter.box.close()
