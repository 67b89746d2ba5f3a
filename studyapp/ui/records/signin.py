"""手机签到: the people of any study session sign in on their phones over the office LAN — the
QR code on this dialog (shown on the projector or passed round), a name tapped, 出席 marked at
once. The server is studyapp.lan's (the same as 手机答题's, without questions)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.lan.server import PhoneQuiz, PhoneQuizError, lan_addresses
from studyapp.services.context import AppContext
from studyapp.ui.records import ops as records_ops
from studyapp.ui.room.phones import DEFAULT_PORT, qr_pixmap


class PhoneSigninDialog(QDialog):
    """Start signing in, watch who has, close to stop (what was marked stays marked)."""

    def __init__(self, ctx: AppContext, session_id: int, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("手机签到")
        self.ctx, self.session_id = ctx, session_id
        self.quiz: PhoneQuiz | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{html.escape(title)}</b>"))
        row = QHBoxLayout()
        self.address = QComboBox(self)
        self.address.addItems(lan_addresses())
        self.address.setToolTip("手机连接的网络地址：选本机在单位无线网络中的地址（127.0.0.1 只供本机测试）")
        self.start_button = QPushButton("开始签到", self)
        self.start_button.clicked.connect(self.toggle)
        row.addWidget(self.address, 1)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(260, 260)
        layout.addWidget(self.qr, 1)
        self.url = QLabel("手机扫码后点选自己的姓名即签到（需连接同一无线网络，不需要互联网）", self)
        self.url.setWordWrap(True)
        self.url.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.url)
        self.status = QLabel("未开始", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._poll = QTimer(self)
        self._poll.setInterval(500)
        self._poll.timeout.connect(self._tally)

    def toggle(self) -> None:
        if self.quiz is not None:
            self.stop()
            return
        try:
            people = records_ops.signin_people_now(self.ctx, self.session_id)
            if not people:
                raise UserError("这次学习会还没有应到人员：请先“加入应到名单”。")
            store = records_ops.SigninStore(self.ctx, self.session_id)
            quiz = PhoneQuiz(people, store, host=self.address.currentText(), port=DEFAULT_PORT, signin=True)
            quiz.start(or_any_port=True)
        except (UserError, PhoneQuizError) as e:
            QMessageBox.warning(self, "手机签到", e.message if isinstance(e, UserError) else str(e))
            return
        self.quiz = quiz
        self.qr.setPixmap(qr_pixmap(quiz.url, 260))
        self.url.setText(f"手机扫码签到：{html.escape(quiz.url)}<br>Windows 防火墙询问时请选“允许”")
        self.start_button.setText("停止签到")
        self.address.setEnabled(False)
        self._poll.start()
        self._tally()

    def stop(self) -> None:
        self._poll.stop()
        if self.quiz is not None:
            self.quiz.stop()
            self.quiz = None
        self.qr.clear()
        self.start_button.setText("开始签到")
        self.address.setEnabled(True)
        self.status.setText("已停止（已签到的人保留出席）")

    def _tally(self) -> None:
        if self.quiz is None:
            return
        snap = self.quiz.snapshot()
        names = [snap.people.get(pid, "") for pid in snap.joined]
        self.status.setText(f"已签到 <b>{len(names)}</b> / {snap.expected} 人"
                            + (f"：{html.escape('、'.join(names[:30]))}" + ("等" if len(names) > 30 else "") if names else ""))

    def done(self, result: int) -> None:  # noqa: D401 - Qt's name
        self.stop()
        super().done(result)
