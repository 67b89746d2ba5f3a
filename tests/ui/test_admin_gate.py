"""管理员密码 in the window: nothing asks until one is set; then 学习记录, 题库 and imports ask for
it, a wrong one is refused, the right one opens the gate until the PC is left alone."""

from __future__ import annotations

from unittest import mock

from PySide6.QtWidgets import QMessageBox

from studyapp.services import admin
from studyapp.ui import admin as admin_ui


def test_the_gate_asks_only_once_a_pin_is_set_and_locks_when_idle(qtbot, make_window) -> None:
    window = make_window()
    gate = window.admin_gate
    asked: list[str] = []
    answers = ["2468", "2468"]

    def ask(_parent, _title, label):
        asked.append(label)
        return answers.pop(0), True

    gate.ask = ask
    assert window._admin("打开学习记录") and not asked  # no PIN yet: nothing asks
    with mock.patch.object(QMessageBox, "information"):
        assert window.edit_admin_pin()  # new PIN twice
    assert admin.has_pin(window.ctx) and len(asked) == 2
    clock = [100.0]
    gate.clock = lambda: clock[0]
    gate.lock()
    answers[:] = ["1111"]
    with mock.patch.object(QMessageBox, "warning") as warned:
        assert window.open_records("sessions") is None  # wrong PIN: not opened
    assert "密码不对" in warned.call_args[0][2]
    answers[:] = ["2468"]
    records = window.open_records("sessions")
    assert records is not None and "打开学习记录需要管理员密码" in asked[-1]
    n = len(asked)
    clock[0] += 60
    assert window._admin("打开题库") and len(asked) == n  # still open a minute later
    clock[0] += admin_ui.IDLE_S + 1
    answers[:] = [""]
    gate.ask = lambda *_a: ("", False)  # cancelled
    assert not window._admin("打开题库")  # locked again after being left alone
