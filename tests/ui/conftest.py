"""GUI test fixtures: offscreen Qt, the app's font and translations, a main window on a seeded DB."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Callable, Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from studyapp.services import settings as settings_service  # noqa: E402
from studyapp.ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _configured_app(qapp):  # noqa: ANN001, ANN202
    """The same application setup as the real start (bundled font, zh_CN, style)."""
    from studyapp.ui.app import configure_application

    configure_application(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _no_unclicked_message_boxes(monkeypatch):  # noqa: ANN001, ANN202
    """A message box nobody clicks would hold the run until CI's time runs out (seen: 「数据库正忙」
    over a title prompt): the test fails at once instead, naming the box. A test that expects one
    replaces it with its own."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(kind: str):  # noqa: ANN202
        def box(_parent, title, text, *_a, **_k):  # noqa: ANN001, ANN202
            raise AssertionError(f"QMessageBox.{kind} nobody clicks: {title}: {text}")
        return staticmethod(box)

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, refuse(kind))


@pytest.fixture
def make_window(qtbot, seeded_ctx) -> Iterator[Callable[..., object]]:  # noqa: ANN001
    """Open a main window on the seeded database where a real start would open it.

    Reading marks wait an hour unless a test says otherwise, so they never fire by accident.
    """
    from studyapp.services import documents
    from studyapp.ui.mainwindow import MainWindow
    from studyapp.ui.start.ops import choose_start

    windows: list[MainWindow] = []

    def make(*, read_after: int | None = 3600, size: tuple[int, int] | None = (1366, 768)) -> MainWindow:
        if read_after is not None:
            settings_service.set_setting(seeded_ctx, "reader.read_after_seconds", read_after)
        window = MainWindow(seeded_ctx)
        qtbot.addWidget(window)
        # the administrator is at work (gave the PIN): tests of the gate itself lock it first
        window.admin_gate.clock = lambda: 0.0
        window.admin_gate._until = 1.0
        if size is not None and not settings_service.get_setting(seeded_ctx, "window.geometry"):
            window.resize(*size)
        seed = documents.ensure_seed(seeded_ctx)
        window.open_document(*choose_start(seeded_ctx, seed))
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitActive(window):  # window shortcuts (Alt+→, Ctrl+F…) need an active window
            window.activateWindow()
        windows.append(window)
        return window

    yield make
    for w in windows:
        if w.isVisible():
            w.close()


@pytest.fixture
def window(make_window):  # noqa: ANN001, ANN201
    return make_window()


@pytest.fixture
def settle(qtbot) -> Callable[[], None]:  # noqa: ANN001
    """Wait until every operation of the op layer (ui/ops.py) has finished and delivered."""
    from studyapp.ui import ops

    def wait(timeout: int = 10000) -> None:
        qtbot.waitUntil(lambda: ops.pending() == 0, timeout=timeout)
        qtbot.wait(1)  # (the change hub's listeners may start reads of their own)
        qtbot.waitUntil(lambda: ops.pending() == 0, timeout=timeout)

    return wait


@pytest.fixture
def type_text() -> Callable[[object, str], None]:
    """Type Chinese the way an input method delivers it (QTest only knows ASCII keys)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def type_(widget, text: str) -> None:  # noqa: ANN001
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                )

    return type_


class _OpHost(QWidget):
    """What an operation looks for up its parents: a context and a task runner — a window with
    nothing else, for the tests of the ops modules."""

    def __init__(self, ctx) -> None:  # noqa: ANN001
        super().__init__()
        self.ctx = ctx
        self.runner = TaskRunner(self)


@pytest.fixture
def host(qtbot, seeded_ctx):  # noqa: ANN001, ANN201
    window = _OpHost(seeded_ctx)
    qtbot.addWidget(window)
    yield window
    window.runner.shutdown()
