"""文件 → 数据库…: the folder's own file or a shared server — 测试连接 says what the server holds
or why it cannot be reached, in Chinese; 保存 with 上传本机数据 moves the records to an empty
server database and tells the user to reopen studyapp."""

from __future__ import annotations

import socket
import uuid

import pytest

from studyapp.db import shared
from tests.conftest import PG

needs_server = pytest.mark.skipif(not PG, reason="runs when the suite runs on a PostgreSQL server")


def test_a_server_nobody_answers_is_said_in_the_dialog(window, qtbot, settle) -> None:  # noqa: ANN001
    dialog = window.show_database()
    qtbot.addWidget(dialog)
    local_now = window.ctx.shared is None
    assert "现在使用" in dialog.now.text()
    if local_now:
        assert dialog.local.isChecked() and not dialog.box.isEnabled() and dialog.upload.isVisible()
    dialog.server.setChecked(True)
    assert dialog.box.isEnabled() and dialog.test_button.isEnabled()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(port)
    dialog.database.setText("county")
    dialog.user.setText("zuzhibu")
    dialog.password.setText("secret")
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    dialog.test_connection()
    settle()
    assert "无法连接数据库服务器" in dialog.status.text() and dialog.test_button.isEnabled()
    dialog.database.setText("my db")  # not a database's name: refused before anything is written
    dialog.save()
    settle()
    assert "数据库名" in dialog.status.text()
    assert shared.read(window.ctx.data_dir) == window.ctx.shared  # unchanged


@needs_server
def test_upload_moves_the_records_and_says_to_reopen(make_window, qtbot, settle, tmp_path) -> None:  # noqa: ANN001
    from studyapp.services.context import AppContext
    from tests.conftest import _pg, _pg_admin

    # a PC whose folder has its own file (the suite's folders are on the server: this one is not)
    folder = tmp_path / "local"
    AppContext(folder).close()
    local_ctx = AppContext(folder)
    name = f"studyapp_ui_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    server = _pg(name)
    try:
        from studyapp.ui.database.dialog import DatabaseDialog

        window = make_window()
        dialog = DatabaseDialog(local_ctx, window)
        qtbot.addWidget(dialog)
        dialog.server.setChecked(True)
        dialog.host.setText(server.host)
        dialog.port.setValue(server.port)
        dialog.database.setText(name)
        dialog.user.setText(server.user)
        dialog.test_connection()
        settle()
        assert "空数据库" in dialog.status.text()
        dialog.upload.setChecked(True)
        dialog.save()
        settle()
        qtbot.waitUntil(lambda: getattr(dialog, "saved_box", None) is not None, timeout=10000)
        assert "已上传本机数据" in dialog.saved_box.text() and "重新打开" in dialog.saved_box.text()
        assert shared.read(folder) == server
    finally:
        local_ctx.close()
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
