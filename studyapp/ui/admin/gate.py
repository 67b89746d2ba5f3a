"""The gate in front of the administrator's work: opening 学习记录, the 题库, the 文件库, an import
or a restore asks for the 管理员密码 — the first time, to set it; after it was given, the gate
stays open until the PC has been left alone for IDLE_S (then it locks again by itself)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from studyapp.core.model import UserError
from studyapp.services.context import AppContext
from studyapp.ui.admin import ops as admin_ops

IDLE_S = 10 * 60


def _ask(parent: QWidget | None, title: str, label: str) -> tuple[str, bool]:
    return QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)


class AdminGate:
    def __init__(self, ctx: AppContext, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.ctx = ctx
        self.clock = clock
        self.ask = _ask  # (parent, title, label) -> (text, ok); replaced in tests
        self._until = 0.0

    @property
    def unlocked(self) -> bool:
        return self.clock() < self._until

    def touch(self) -> None:
        """The administrator is still at work: keep the gate open a while longer."""
        if self.unlocked:
            self._until = self.clock() + IDLE_S

    def lock(self) -> None:
        self._until = 0.0

    def ensure(self, parent: QWidget | None, what: str) -> bool:
        """True when the work may go on: the gate is open, or the right PIN given — or, the first
        time, a new PIN set."""
        if self.unlocked:
            self.touch()
            return True
        if not admin_ops.has_pin_now(self.ctx):
            return self._first_use(parent, what)
        pin, ok = self.ask(parent, "管理员密码", f"{what}需要管理员密码：")
        if not ok:
            return False
        try:
            good = admin_ops.verify_now(self.ctx, pin)
        except UserError as exc:
            QMessageBox.warning(parent, "管理员密码", exc.message)
            return False
        if not good:
            QMessageBox.warning(parent, "管理员密码", "密码不对。学员可以阅读、练习和考试，不需要密码。")
            return False
        self._until = self.clock() + IDLE_S
        return True


    def _first_use(self, parent: QWidget | None, what: str) -> bool:
        """The first administrator's work on this data folder: set the PIN now (nothing happens
        until it is set)."""
        new, ok = self.ask(parent, "设置管理员密码",
                           f"{what}是管理员的工作。第一次使用，请先设置管理员密码（{admin_ops.MIN_LENGTH}～"
                           f"{admin_ops.MAX_LENGTH} 位）。\n以后打开学习记录、题库、文件库，导入文件和恢复备份时"
                           "都要输入它；学员阅读、练习和考试不需要密码。")
        if not ok:
            return False
        again, ok = self.ask(parent, "设置管理员密码", "请再输入一遍管理员密码：")
        if not ok:
            return False
        if again != new:
            QMessageBox.warning(parent, "设置管理员密码", "两次输入的密码不一样，没有设置。请再试一次。")
            return False
        try:
            admin_ops.set_pin_now(self.ctx, new)
        except UserError as exc:
            QMessageBox.warning(parent, "设置管理员密码", exc.message)
            return False
        QMessageBox.information(parent, "设置管理员密码", FORGOTTEN)
        self._until = self.clock() + IDLE_S
        return True


def require(widget: QWidget | None, what: str, ctx: AppContext | None = None) -> bool:
    """The gate of the main window `widget` belongs to (a dialog, the room's score grid): True
    when the work may go on. The room's windows have no parent (the projector and the score
    grid live beside the main window, not in it): given their `ctx`, they use the gate of the
    main window on the same data. Only a widget shown with no main window at all (a test of
    one widget) has no gate."""
    w = widget
    while w is not None:
        gate = getattr(w, "admin_gate", None)
        if isinstance(gate, AdminGate):
            return gate.ensure(widget, what)
        w = w.parentWidget()
    for top in QApplication.topLevelWidgets() if ctx is not None else ():
        gate = getattr(top, "admin_gate", None)
        if isinstance(gate, AdminGate) and gate.ctx is ctx:
            return gate.ensure(widget, what)
    return True


FORGOTTEN = ("已设置管理员密码。请记住它：离开电脑 10 分钟后自动锁定。\n"
             "忘记密码时，请在命令行运行 studyapp admin-pin --reset 取消它，再重新设置。")


def edit_pin(parent: QWidget | None, ctx: AppContext, ask=_ask) -> bool:  # noqa: ANN001
    """文件 → 管理员密码…: set one, or change / cancel the one there is (the old one first)."""
    try:
        old = None
        if admin_ops.has_pin_now(ctx):
            old, ok = ask(parent, "管理员密码", "请输入现在的管理员密码：")
            if not ok:
                return False
            if not admin_ops.verify_now(ctx, old):
                QMessageBox.warning(parent, "管理员密码", "密码不对，没有修改。")
                return False
        new, ok = ask(parent, "管理员密码", f"新的管理员密码（{admin_ops.MIN_LENGTH}～{admin_ops.MAX_LENGTH} 位）：")
        if not ok or not new.strip():
            return False
        again, ok = ask(parent, "管理员密码", "请再输入一遍新的管理员密码：")
        if not ok:
            return False
        if again != new:
            QMessageBox.warning(parent, "管理员密码", "两次输入的密码不一样，没有修改。")
            return False
        admin_ops.set_pin_now(ctx, new, old=old)
    except UserError as exc:
        QMessageBox.warning(parent, "管理员密码", exc.message)
        return False
    QMessageBox.information(parent, "管理员密码", FORGOTTEN)
    return True
