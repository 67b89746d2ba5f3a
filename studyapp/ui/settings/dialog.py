"""设置: every declared setting a user may change, grouped by the feature that reads it.

The form is built from studyapp.config (what each setting means, its range, its choices in
words), so a setting declared there is on this screen without another line here. Values are
read and stored through the settings service; what is typed is checked there (range, choice)
and a refusal is said in Chinese beside the field's name. 恢复默认 puts a group's defaults back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.config import OPTIONS, Option
from studyapp.services.context import AppContext, EditConflict
from studyapp.ui.conflict import ask_edit_conflict
from studyapp.ui.settings import ops as settings_ops


def shown_options() -> dict[str, list[Option]]:
    """The options of the 设置 screen by group, in their declared order."""
    groups: dict[str, list[Option]] = {}
    for opt in OPTIONS.values():
        if opt.shown:
            groups.setdefault(opt.group, []).append(opt)
    return groups


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("设置")
        self.ctx = ctx
        self.conflict_box: QMessageBox | None = None  # (a save's open question, for tests)
        self.fields: dict[str, QWidget] = {}
        self.tabs = QTabWidget(self)
        for group, options in shown_options().items():
            page = QWidget(self.tabs)
            form = QFormLayout(page)
            form.setContentsMargins(16, 14, 16, 10)
            form.setVerticalSpacing(10)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            for opt in options:
                field = self._field(opt)
                self.fields[opt.name] = field
                form.addRow(QLabel(opt.description + "：", page), field)
            defaults = QPushButton("恢复本页默认值", page)
            defaults.clicked.connect(lambda _c=False, opts=options: self._defaults(opts))
            form.addRow("", defaults)
            self.tabs.addTab(page, group)
        note = QLabel("单位名称、学时、及格线等会影响打印的表格；修改后，新打印的表格按新设置。", self)
        note.setObjectName("muted")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.load()
        self.resize(720, 520)

    # fields ------------------------------------------------------------------------------------
    def _field(self, opt: Option) -> QWidget:
        if opt.choices:
            box = QComboBox(self)
            for value, text in opt.choices:
                box.addItem(text, value)
            return box
        if opt.type is bool:
            return QCheckBox(self)
        if opt.type is int:
            spin = QSpinBox(self)
            spin.setMinimumWidth(120)
            spin.setRange(int(opt.low if opt.low is not None else 0),
                          int(opt.high if opt.high is not None else 1_000_000))
            return spin
        if opt.type is float:
            dspin = QDoubleSpinBox(self)
            dspin.setMinimumWidth(120)
            dspin.setDecimals(2)
            dspin.setSingleStep(0.05 if (opt.high or 0) <= 1 else 1.0)
            dspin.setRange(float(opt.low if opt.low is not None else 0.0),
                           float(opt.high if opt.high is not None else 1_000_000.0))
            return dspin
        edit = QLineEdit(self)
        edit.setMinimumWidth(280)
        return edit

    def _show(self, opt: Option, value: Any) -> None:
        field = self.fields[opt.name]
        if isinstance(field, QComboBox):
            index = field.findData(value)
            field.setCurrentIndex(max(index, 0))
        elif isinstance(field, QCheckBox):
            field.setChecked(bool(value))
        elif isinstance(field, (QSpinBox, QDoubleSpinBox)):
            field.setValue(value)
        elif isinstance(field, QLineEdit):
            field.setText(str(value))

    def value(self, name: str) -> Any:
        field = self.fields[name]
        if isinstance(field, QComboBox):
            return field.currentData()
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, (QSpinBox, QDoubleSpinBox)):
            return field.value()
        return field.text().strip() if isinstance(field, QLineEdit) else None

    def load(self) -> None:
        names = [opt.name for options in shown_options().values() for opt in options]
        self.stored = settings_ops.values_now(self.ctx, names)
        for options in shown_options().values():
            for opt in options:
                self._show(opt, self.stored[opt.name])

    def _defaults(self, options: list[Option]) -> None:
        for opt in options:
            self._show(opt, opt.default)

    def save(self) -> bool:
        """Store what changed (on the worker; the dialog closes once it is stored); a refused
        value names its setting and nothing else is stored. False when a typed value is refused."""
        changed: list[tuple[Option, Any]] = []
        for options in shown_options().values():
            for opt in options:
                value = self.value(opt.name)
                try:
                    value = settings_ops.check(opt, value)
                except ValueError as exc:
                    self.tabs.setCurrentIndex(list(shown_options()).index(opt.group))
                    self.fields[opt.name].setFocus()
                    QMessageBox.warning(self, "设置", str(exc))
                    return False
                if value != self.stored.get(opt.name):
                    changed.append((opt, value))
        if not changed:
            self.accept()
            return True

        self._store(changed, dict(self.stored))
        return True

    def _store(self, changed: list[tuple[Option, Any]], read: dict[str, Any] | None) -> None:
        """On the worker; a setting another PC changed since the dialog opened is asked about:
        重新载入 shows what is stored now, 仍然保存 stores these values over it."""
        def refused(exc: BaseException) -> None:
            if isinstance(exc, EditConflict):
                self.conflict_box = ask_edit_conflict(self, "设置", exc.message, reload=self.load,
                                                      overwrite=lambda: self._store(changed, None))
                return
            QMessageBox.warning(self, "设置", getattr(exc, "message", str(exc)))

        settings_ops.store(self, changed, read).success(lambda _none: self.accept()).failure(refused).run()
