"""文件 → 数据库…: where the data folder's records live.

本机数据库 (the default: the folder's own SQLite file) or 单位的共享数据库 (a PostgreSQL server
several PCs share): the server's address, port, database, user and password; 测试连接 says what
the server holds; 保存 points the folder at it — with 上传本机数据, this PC's records are copied
into the server's empty database first — or back at its own file, with 下载到本机 if wanted. The
change takes effect when studyapp is next opened. Everything runs on the worker (ui/database/ops.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.services.context import AppContext
from studyapp.ui import style
from studyapp.ui.database import ops as database_ops
from studyapp.ui.database.ops import DEFAULT_PORT, SharedDatabase


class DatabaseDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseDialog")
        self.setWindowTitle("数据库")
        self.ctx = ctx
        current = ctx.shared
        self.now = QLabel(f"现在使用：{database_ops.location_now(ctx)}", self)
        self.now.setWordWrap(True)
        self.local = QRadioButton("本机数据库（默认：数据保存在本机的数据文件夹中）", self)
        self.server = QRadioButton("单位的共享数据库（PostgreSQL 服务器，多台电脑共用一套记录）", self)
        (self.server if current is not None else self.local).setChecked(True)

        box = QGroupBox("服务器", self)
        form = QFormLayout(box)
        self.host = QLineEdit(current.host if current else "", box)
        self.host.setPlaceholderText("如 192.168.1.10")
        self.port = QSpinBox(box)
        self.port.setRange(1, 65535)
        self.port.setValue(current.port if current else DEFAULT_PORT)
        self.database = QLineEdit(current.database if current else "", box)
        self.database.setPlaceholderText("服务器管理员建立的数据库名，如 studyapp")
        self.user = QLineEdit(current.user if current else "", box)
        self.password = QLineEdit(current.password if current else "", box)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setToolTip("只保存在本机的数据文件夹中（仅本用户可读），不写入数据库")
        form.addRow("服务器地址：", self.host)
        form.addRow("端口：", self.port)
        form.addRow("数据库名：", self.database)
        form.addRow("用户名：", self.user)
        form.addRow("密码：", self.password)
        self.box = box
        self.upload = QCheckBox("把本机已有的数据上传到服务器（服务器上须是空数据库）", self)
        self.download = QCheckBox("先把服务器上的数据下载到本机（本机原有的数据库另存为备份）", self)
        self.upload.setVisible(current is None)
        self.download.setVisible(current is not None)
        self.test_button = QPushButton("测试连接", self)
        self.test_button.clicked.connect(self.test_connection)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.now)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addWidget(box)
        layout.addWidget(self.test_button)
        layout.addWidget(self.upload)
        layout.addWidget(self.download)
        layout.addWidget(self.status)
        layout.addWidget(QLabel("改动在重新打开学习测评后生效。共享数据库由服务器管理员负责备份。", self))
        layout.addWidget(buttons)
        self.local.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.resize(640, 0)

    def config(self) -> SharedDatabase:
        return SharedDatabase(self.host.text().strip(), self.database.text().strip(), self.user.text().strip(),
                              self.port.value(), self.password.text())

    def _mode_changed(self) -> None:
        on_server = self.server.isChecked()
        self.box.setEnabled(on_server)
        self.test_button.setEnabled(on_server)
        self.upload.setEnabled(on_server)
        self.download.setEnabled(not on_server)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(f"color: {style.WARN_INK if error else style.INK};")
        self.status.setText(text)

    def _busy(self, busy: bool) -> None:
        for w in (self.test_button, self.save_button):
            w.setEnabled(not busy)
        if not busy:
            self._mode_changed()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(getattr(exc, "message", None) or str(exc), error=True)

    def test_connection(self):  # noqa: ANN201 - the runner's Task
        self._busy(True)
        self._say("正在连接服务器…")

        def shown(check) -> None:  # noqa: ANN001 - ServerCheck
            self._busy(False)
            self._say(check.summary())

        return database_ops.check(self, self.config(), shown).failure(self._failed).run()

    def save(self):  # noqa: ANN201 - the runner's Task, or None when nothing changes
        data_dir = self.ctx.data_dir
        if self.local.isChecked():
            if self.ctx.shared is None:
                self.reject()  # (already the folder's own file)
                return None
            self._busy(True)
            return database_ops.use_local(self, data_dir, self.download.isChecked()) \
                .success(lambda kept: self._saved("已改回本机数据库。" + (f"本机原有的数据库另存为 {kept}。" if kept else ""))) \
                .failure(self._failed).run()
        upload = self.upload.isChecked() and self.ctx.shared is None
        self._busy(True)
        self._say("正在上传本机数据…" if upload else "正在连接服务器…")
        return database_ops.use_server(self, data_dir, self.config(), upload) \
            .success(lambda check: self._saved(("已上传本机数据。" if upload else "") + check.summary())) \
            .failure(self._failed).run()

    def _saved(self, text: str) -> None:
        self._busy(False)
        self._say(text)
        box = QMessageBox(QMessageBox.Icon.Information, "数据库", text + "\n\n请关闭并重新打开学习测评，改动即生效。",
                          QMessageBox.StandardButton.Ok, self)
        box.finished.connect(lambda _r: self.accept())
        self.saved_box = box
        box.open()
