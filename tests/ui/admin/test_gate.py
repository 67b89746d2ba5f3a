"""管理员密码 in the window: the first administrator's work asks to set one (and does nothing
until it is set); then 学习记录, 题库, the 文件库 and imports ask for it, a wrong one is refused,
the right one opens the gate until the PC is left alone."""

from __future__ import annotations

from unittest import mock

from PySide6.QtWidgets import QMessageBox

from studyapp.services import admin
from studyapp.ui import admin as admin_ui


def test_the_first_admin_work_sets_the_pin_then_it_is_asked_and_locks_when_idle(qtbot, make_window) -> None:
    window = make_window()
    gate = window.admin_gate
    asked: list[str] = []
    answers = ["2468", "2468"]

    def ask(_parent, _title, label):
        asked.append(label)
        return answers.pop(0), True

    gate.ask = ask
    clock = [100.0]
    gate.clock = lambda: clock[0]
    gate.lock()
    # the first administrator's work: nothing happens until a PIN is set
    answers[:] = ["2468", "1357"]
    with mock.patch.object(QMessageBox, "warning") as warned:
        assert window.open_records("sessions") is None  # typed twice, not the same: not set
    assert "两次输入的密码不一样" in warned.call_args[0][2] and not admin.has_pin(window.ctx)
    assert "第一次使用，请先设置管理员密码" in asked[0]
    gate.ask = lambda *_a: ("", False)
    assert not window._admin("打开题库") and not admin.has_pin(window.ctx)  # cancelled: not opened
    gate.ask = ask
    answers[:] = ["2468", "2468"]
    with mock.patch.object(QMessageBox, "information") as told:
        assert window._admin("打开学习记录")  # set, and the gate is open
    assert admin.has_pin(window.ctx) and "studyapp admin-pin --reset" in told.call_args[0][2]
    answers[:] = ["2468", "2468", "2468"]
    with mock.patch.object(QMessageBox, "information"):
        assert window.edit_admin_pin()  # old PIN, new PIN twice
    asked.clear()
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


def test_the_library_asks_for_the_pin_before_renaming_or_deleting(qtbot, make_window) -> None:
    """Renaming or deleting a document in the 文件库 changes records too: the same gate."""
    window = make_window()
    gate = window.admin_gate
    admin.set_pin(window.ctx, "2468")
    gate.lock()
    gate.ask = lambda *_a: ("", False)  # the learner at the PC does not know it
    dialog = window.make_library_dialog()
    qtbot.addWidget(dialog)
    before = [d.title for d in dialog_docs(window)]
    with mock.patch.object(QMessageBox, "question") as asked_to_delete:
        dialog.delete_selected()
    asked_to_delete.assert_not_called()
    assert [d.title for d in dialog_docs(window)] == before
    assert not admin_ui.require(dialog, "删除文件")
    gate.ask = lambda *_a: ("2468", True)
    assert admin_ui.require(dialog, "删除文件") and gate.unlocked


def dialog_docs(window):
    from studyapp.services import documents

    return documents.list_documents(window.ctx)


def test_a_forgotten_pin_is_reset_on_the_command_line(tmp_path, capsys) -> None:
    from studyapp.cli.main import main
    from studyapp.services import audit
    from studyapp.services.context import AppContext

    data = tmp_path / "data"
    ctx = AppContext(data)
    admin.set_pin(ctx, "2468")
    ctx.close()
    assert main(["--data", str(data), "admin-pin"]) == 0
    assert "已设置管理员密码" in capsys.readouterr().out
    assert main(["--data", str(data), "admin-pin", "--reset"]) == 0
    assert "已取消管理员密码" in capsys.readouterr().out
    ctx = AppContext(data)
    try:
        assert not admin.has_pin(ctx)
        assert any(e.action == "重置" and e.target == "管理员密码" and e.actor == "命令行"
                   for e in audit.entries(ctx))
    finally:
        ctx.close()
