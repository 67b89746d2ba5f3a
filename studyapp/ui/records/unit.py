"""单位名称: the unit that heads every printed form, asked once before the first form is printed
and changeable from the 学习记录 window's 设置 menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.services.context import AppContext
from studyapp.ui.records import ops as records_ops


class UnitDialog(QDialog):
    """One field: the unit's name as it should head the forms (「某某乡党委」)."""

    def __init__(self, current: str, parent: QWidget | None = None, *, first: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("unitDialog")
        self.setWindowTitle("单位名称")
        intro = QLabel(
            ("打印表格之前，请先填写本单位的名称。" if first else "")
            + "单位名称印在签到表、学习记录、成绩登记表和试卷的标题上方，例如“某某乡党委”“某某乡人民政府”。",
            self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit(current, self)
        self.edit.setObjectName("unitEdit")
        self.edit.setPlaceholderText("某某乡党委")
        self.edit.setMaxLength(records_ops.UNIT_MAX)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton("确定", QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton("以后再说" if first else "取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    @property
    def value(self) -> str:
        return self.edit.text()


def edit_unit(parent: QWidget, ctx: AppContext, *, first: bool = False,
              stored: Callable[[str], Any] | None = None) -> bool:
    """Ask for the unit's name and store it (on the worker; `stored` gets the name as stored);
    False when the user put it off. The typed name is checked before the dialog closes."""
    dialog = UnitDialog(records_ops.unit_name_now(ctx), parent, first=first)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            clean = records_ops.clean_unit_name(dialog.value)
        except UserError as exc:
            QMessageBox.warning(parent, "单位名称", exc.message)
            continue
        records_ops.store_unit_name(parent, clean).success(stored).run()
        return bool(clean) or not first
    if first:
        records_ops.put_off_unit(parent).run()  # 以后再说: not asked again; 设置 → 单位名称… is still there
    return False
