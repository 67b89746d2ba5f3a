"""The task runner: work off the GUI thread, progress and results on it, cancel with 取消."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from studyapp.core.model import Cancelled, UserError
from studyapp.ui.tasks import TaskRunner


def test_work_runs_off_the_gui_thread_and_reports_on_it(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    main = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(progress, cancel):  # noqa: ANN001, ANN202
        seen["worker"] = threading.current_thread() is threading.main_thread()
        for i in range(3):
            progress(i + 1, 3, f"第 {i + 1} 步")
        return 42

    def done(value: int) -> None:
        seen["result"] = value
        seen["callback_on_main"] = QThread.currentThread() is main

    steps: list[tuple[int, int, str]] = []
    with qtbot.waitSignal(runner.idle, timeout=5000):
        task = runner.run(work, title="测试", on_success=done)
        task.progressed.connect(lambda d, t, m: steps.append((d, t, m)))
    assert seen == {"worker": False, "result": 42, "callback_on_main": True}
    assert steps == [(1, 3, "第 1 步"), (2, 3, "第 2 步"), (3, 3, "第 3 步")]
    runner.shutdown()


def test_cancel_stops_the_work_quietly(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    started = threading.Event()
    failures: list[BaseException] = []

    def work(progress, cancel):  # noqa: ANN001, ANN202
        started.set()
        while True:
            progress(0, 0, "处理中…")
            QThread.msleep(5)

    task = runner.run(work, title="测试", on_failure=failures.append)
    try:
        assert started.wait(5)
        [cancel_button] = task.dialog.findChildren(QPushButton)
        assert cancel_button.text() == "取消"
        with qtbot.waitSignal(task.finished, timeout=5000) as finished:
            qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
        assert finished.args == [False]
        assert len(failures) == 1 and isinstance(failures[0], Cancelled)
    finally:
        runner.shutdown()


def test_document_error_is_shown_as_its_message(qtbot, monkeypatch) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text)))

    def work(progress, cancel):  # noqa: ANN001, ANN202
        raise UserError("文件是空的，没有可导入的文字。")

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.run(work, title="导入文件")
    assert shown == ["文件是空的，没有可导入的文字。"]
    runner.shutdown()


def test_a_preview_closed_while_it_builds_is_never_called_back(qtbot) -> None:  # noqa: ANN001
    """Closing a print preview while it still shows 正在生成… deletes it; the build finishing
    afterwards must not call into the dead dialog (it raised RuntimeError: QPdfDocument already
    deleted, 10 of 10 tries)."""
    import time

    import shiboken6

    from studyapp.reports import forms  # noqa: F401 - the fonts the PDF builders register
    from studyapp.ui.records.preview import open_preview

    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host)
    release = threading.Event()

    def build(_order: str) -> bytes:
        release.wait(5)
        time.sleep(0.05)
        return b"%PDF-1.4 not a real pdf"

    errors: list[BaseException] = []
    import sys

    old_hook = sys.excepthook
    sys.excepthook = lambda t, e, tb: errors.append(e)
    try:
        dialog = open_preview(host, runner, "成绩登记表", build, file_stem="成绩登记表")
        dialog.close()  # the clerk closes it at once
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
        release.set()
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
        qtbot.wait(50)
    finally:
        sys.excepthook = old_hook
    assert errors == []
