"""「谁在学习？」: pick one's own name on a shared office PC (or add it), no password.

Several cadres use one PC, so every answer, 错题本 entry and review belongs to a person. The
people who studied here lately come first (usually the one wanted is at the top); the full
roster follows, with a filter box that takes a name or a unit as it is typed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.services import AppContext
from studyapp.services.dto_records import PersonDraft, PersonView
from studyapp.ui import style
from studyapp.ui.study import ops as study_ops
from studyapp.ui.study.common import STUDY_STYLE

log = logging.getLogger("studyapp.ui")

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


def person_text(p: PersonView) -> str:
    """王德伦　乡政府 · 党委书记 — the unit tells namesakes apart."""
    extra = " · ".join(x for x in (p.unit, p.post) if x)
    return f"{p.name}　{extra}" if extra else p.name


class AddPersonDialog(QDialog):
    """添加: a name and a unit are enough to start studying; the clerk can complete it later."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, name: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: PersonView | None = None
        self.setWindowTitle("添加学习者")
        self.setStyleSheet(STUDY_STYLE)
        form = QFormLayout(self)
        form.setContentsMargins(20, 18, 20, 14)
        form.setVerticalSpacing(10)
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText("例如：王德伦")
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText("例如：乡党委（同名的人靠单位区分）")
        self.name.setMinimumWidth(320)
        form.addRow("姓名：", self.name)
        form.addRow("单位：", self.unit)
        self.error = QLabel("", self)
        self.error.setStyleSheet(f"color: {style.WARN_INK};")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton("添加", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setProperty("primary", True)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """Store the person (on the worker); a duplicate is explained, nothing typed is lost."""
        def added(person: PersonView) -> None:
            self.person = person
            log.info("learner %d added from 谁在学习", person.id)
            QDialog.accept(self)

        def refused(exc: BaseException) -> None:
            self.error.setText(getattr(exc, "message", str(exc)))
            self.name.setFocus()

        study_ops.add_person(self, PersonDraft(name=self.name.text(), unit=self.unit.text())) \
            .success(added).failure(refused).run(initiator=self)


class _ArrowsToList(QObject):
    """↑/↓ in the filter box move in the list, so the keyboard never has to leave the box."""

    def __init__(self, target: QListWidget) -> None:
        super().__init__(target)
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.target.keyPressEvent(event)
            return True
        return False


class WhoDialog(QDialog):
    """「谁在学习？」: recent learners first, then everyone; Enter starts with the selected name."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 preselect: int | None = None, remember: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: PersonView | None = None
        self.setWindowTitle("谁在学习？")
        self.setStyleSheet(STUDY_STYLE)
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(10)
        title = QLabel("谁在学习？", self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        hint = QLabel("请选择您的姓名。答题记录、错题本和复习计划都记在这个人名下，不需要密码。", self)
        hint.setObjectName("pageInfo")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("输入姓名或单位查找")
        self.filter.setClearButtonEnabled(True)
        self.filter.setStyleSheet("font-size: 14pt;")
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.people = QListWidget(self)
        self.people.setObjectName("learners")
        self.people.setStyleSheet("QListWidget { font-size: 15pt; } QListWidget::item { padding: 6px 4px; }")
        self.people.itemDoubleClicked.connect(lambda _item: self.accept())
        self.people.currentItemChanged.connect(lambda *_: self._update_ok())
        self.filter.installEventFilter(_ArrowsToList(self.people))
        layout.addWidget(self.people, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("添加…", self)
        self.add_button.setToolTip("名单里没有自己的名字时，在这里添加（姓名和单位）")
        self.add_button.clicked.connect(self.add_person)
        row.addWidget(self.add_button)
        row.addStretch(1)
        cancel = QPushButton("取消", self)
        cancel.clicked.connect(self.reject)
        self.ok = QPushButton("开始学习", self)
        self.ok.setProperty("primary", True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(self.ok)
        self.remember_box = QCheckBox("这是我的个人电脑：以后打开软件时直接用这个名字", self)
        self.remember_box.setObjectName("rememberLearner")
        self.remember_box.setToolTip("多人共用的电脑请不要勾选：每次打开软件都会先问“谁在学习？”")
        self.remember_box.setChecked(remember)
        layout.addWidget(self.remember_box)
        layout.addLayout(row)
        self.add_dialog: AddPersonDialog | None = None
        self.reload(preselect)
        self.filter.setFocus()

    # the list --------------------------------------------------------------------------
    def _header(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setForeground(QBrush(QColor(style.MUTED)))
        font = item.font()
        font.setPointSize(12)
        item.setFont(font)
        self.people.addItem(item)

    def _person(self, p: PersonView) -> QListWidgetItem:
        item = QListWidgetItem(person_text(p))
        item.setData(PERSON_ROLE, p.id)
        item.setData(Qt.ItemDataRole.UserRole + 2, p)
        self.people.addItem(item)
        return item

    def reload(self, preselect: int | None = None) -> None:
        """Recent learners (most recent first), then the roster in the office's order (read on
        the worker)."""
        study_ops.learners(self, lambda lists: self._show_people(*lists, preselect)).run()

    def _show_people(self, recent: list[PersonView], everyone: list[PersonView], preselect: int | None) -> None:
        self.people.clear()
        first: QListWidgetItem | None = None
        chosen: QListWidgetItem | None = None
        if recent:
            self._header("最近在本机学习的人")
            for p in recent:
                item = self._person(p)
                first = first or item
                if p.id == preselect and chosen is None:
                    chosen = item
        self._header("全部人员" if everyone else "名单中还没有人员，请点“添加…”")
        for p in everyone:
            item = self._person(p)
            first = first or item
            if p.id == preselect and chosen is None:
                chosen = item
        target = chosen or first
        if target is not None:
            self.people.setCurrentItem(target)
        self._update_ok()

    def _filter(self, text: str) -> None:
        """Hide who does not match; keep the selection on a visible name."""
        words = text.strip()
        visible: list[QListWidgetItem] = []
        for i in range(self.people.count()):
            item = self.people.item(i)
            if not item.flags() & Qt.ItemFlag.ItemIsSelectable:
                item.setHidden(bool(words))  # headers only help without a filter
                continue
            hide = bool(words) and words not in item.text()
            item.setHidden(hide)
            if not hide:
                visible.append(item)
        current = self.people.currentItem()
        if visible and (current is None or current.isHidden()):
            self.people.setCurrentItem(visible[0])
        self._update_ok()

    def _update_ok(self) -> None:
        item = self.people.currentItem()
        self.ok.setEnabled(item is not None and not item.isHidden()
                           and bool(item.flags() & Qt.ItemFlag.ItemIsSelectable))

    def select_person(self, person_id: int) -> bool:
        for i in range(self.people.count()):
            item = self.people.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsSelectable and item.data(PERSON_ROLE) == person_id:
                item.setHidden(False)
                self.people.setCurrentItem(item)
                self._update_ok()
                return True
        return False

    # adding ------------------------------------------------------------------------------
    def add_person(self) -> AddPersonDialog:
        """Open 添加 (non-blocking); the new person is selected when it is added."""
        dialog = AddPersonDialog(self.ctx, self, name=self.filter.text().strip())

        def added(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and dialog.person is not None:
                self.filter.clear()
                self.reload(dialog.person.id)
                self.select_person(dialog.person.id)

        dialog.finished.connect(added)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def accept(self) -> None:
        item = self.people.currentItem()
        if item is None or item.isHidden() or not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            return
        self.person = item.data(Qt.ItemDataRole.UserRole + 2)
        super().accept()

    @property
    def remember(self) -> bool:
        return self.remember_box.isChecked()
