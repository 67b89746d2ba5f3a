"""人员名单: the roster table, a person form, and importing a sheet with a preview first.

Offices' sheets are messy, so an import never stores anything before the clerk has seen what
the file holds and what is wrong with it, line by line; 确认导入 stores it in one go.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.services.context import AppContext, EditConflict
from studyapp.services.dto_records import (
    PersonDraft,
    PersonView,
    RosterImportResult,
    RosterPreview,
)
from studyapp.ui import style
from studyapp.ui.cells import item_at
from studyapp.ui.conflict import ask_edit_conflict
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.common import (
    ERROR_INK,
    Notify,
    OrderSwitch,
    cell,
    choose_table_file,
    make_row_table,
    make_table,
    muted_label,
    number,
    primary,
    select_by_data,
    selected_data,
    title_label,
)
from studyapp.ui.rowtable import Cell
from studyapp.ui.tasks import Task, TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

COLUMNS = ("序号", "姓名", "单位", "职务", "排序号", "分组")
PREVIEW_COLUMNS = ("行号", "姓名", "单位", "职务", "排序号", "分组", "导入后")


def split_groups(text: str) -> tuple[str, ...]:
    """「第一党小组、机关支部」 → both groups; clerks separate with 、，, ; or spaces."""
    for sep in "、，,;；":
        text = text.replace(sep, " ")
    return tuple(dict.fromkeys(t for t in text.split() if t))


class PersonDialog(QDialog):
    """Add or change one person; problems are shown in the dialog, nothing typed is lost."""

    saved = Signal(object)  # PersonView

    def __init__(self, ctx: AppContext, person: PersonView | None = None,
                 groups: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.conflict_box: QMessageBox | None = None  # the last 「已被修改」 question asked
        self.setWindowTitle("修改人员" if person else "添加人员")
        self.setMinimumWidth(480)
        self.name = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText("单位或部门；同名的人靠它区分")
        self.post = QLineEdit(self)
        self.sort_no = QLineEdit(self)
        self.sort_no.setPlaceholderText("留空：排在最后")
        self.groups = QLineEdit(self)
        self.groups.setPlaceholderText("如：第一党小组（多个分组用顿号隔开）")
        if groups:
            completer = QCompleter(groups, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.groups.setCompleter(completer)
        self.note = QLineEdit(self)
        self.active = QCheckBox("在册（取消勾选即停用，历史记录仍保留）", self)
        self.active.setVisible(person is not None)
        self.show_person(person)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_INK};")
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow("姓名：", self.name)
        form.addRow("单位：", self.unit)
        form.addRow("职务：", self.post)
        form.addRow("排序号：", self.sort_no)
        form.addRow("分组：", self.groups)
        form.addRow("备注：", self.note)
        form.addRow("", self.active)
        ok = primary(QPushButton("保存", self))
        ok.setDefault(True)
        ok.clicked.connect(self.save)
        cancel = QPushButton("取消", self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_person(self, person: PersonView | None) -> None:
        """Fill the card with `person` as stored (or empty, for a new one); a later save is
        checked against this version."""
        self.person = person
        self.name.setText(person.name if person else "")
        self.unit.setText(person.unit if person else "")
        self.post.setText(person.post if person else "")
        self.sort_no.setText(number(person.sort_no) if person else "")
        self.groups.setText("、".join(person.groups) if person else "")
        self.note.setText(person.note if person else "")
        self.active.setChecked(person.active if person else True)

    def reload(self) -> None:
        """重新载入: the card as stored now (someone else changed it); the typing is dropped."""
        if self.person is None:
            return
        records_ops.person(self, self.person.id, self._reloaded) \
            .failure(lambda exc: self.error.setText(getattr(exc, "message", str(exc)))).run()

    def _reloaded(self, person: PersonView) -> None:
        self.show_person(person)
        self.error.setText("已重新载入别人修改后的内容。")

    def draft(self) -> PersonDraft:
        text = self.sort_no.text().strip()
        try:
            sort_no = float(text) if text else None
        except ValueError:
            raise UserError(f"排序号“{text}”不是数字，请填写数字或留空。") from None
        return PersonDraft(
            name=self.name.text(), unit=self.unit.text(), post=self.post.text(), sort_no=sort_no,
            note=self.note.text(), active=self.active.isChecked(), groups=split_groups(self.groups.text()),
        )

    def save(self, *, overwrite: bool = False) -> bool:
        """Store (on the worker); a refusal shows its Chinese message here, nothing typed is lost.
        A card someone else changed since it was read is not overwritten unless the user says so
        (asked as the 学习记录 form asks: ui/conflict.py). Returns whether the form was
        well-formed and its save started."""
        try:
            draft = self.draft()
        except UserError as exc:
            self.error.setText(exc.message)
            return False

        def stored(view: PersonView) -> None:
            self.saved.emit(view)
            self.accept()

        def failed(exc: BaseException) -> None:
            message = getattr(exc, "message", str(exc))
            self.error.setText(message)
            if isinstance(exc, EditConflict):
                self.conflict_box = ask_edit_conflict(self, "人员已被修改", message, reload=self.reload,
                                                      overwrite=lambda: self.save(overwrite=True))

        version = self.person.version if self.person is not None and not overwrite else None
        records_ops.save_person(self, self.person.id if self.person is not None else None, draft, version) \
            .success(stored).failure(failed).run(initiator=self)
        return True


class ImportPreviewDialog(QDialog):
    """What a roster file holds and what 确认导入 will do; messages one per line of the file."""

    def __init__(self, preview: RosterPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("rosterImportPreview")
        self.setWindowTitle(f"导入人员名单 - {preview.source_name}")
        self.resize(1000, 620)
        counts = preview.counts
        summary = (f"文件“{preview.source_name}”共 {len(preview.rows)} 人可导入："
                   f"新增 {counts['new']} 人，更新 {counts['update']} 人，不变 {counts['same']} 人。")
        if preview.errors:
            summary += f"\n另有 {len(preview.errors)} 处问题（见下方），请改正文件后重新导入，或勾选“跳过有问题的行”。"
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"font-size: 12pt; color: {style.INK};")

        self.table = make_table(self, PREVIEW_COLUMNS, stretch=(2,))
        self.table.setRowCount(len(preview.rows))
        action_bg = {"new": style.NEW_BG, "update": style.ACCENT_LIGHT, "same": None}
        for r, row in enumerate(preview.rows):
            values = (str(row.line), row.name, row.unit, row.post, number(row.sort_no),
                      "、".join(row.groups), row.action_name)
            for c, value in enumerate(values):
                self.table.setItem(r, c, cell(value, right=c in (0, 4),
                                              background=action_bg[row.action] if c == 6 else None))

        self.messages = QListWidget(self)
        self.messages.setObjectName("importMessages")
        for text in preview.errors:
            item = QListWidgetItem(f"✗ {text}")
            item.setForeground(Qt.GlobalColor.darkRed)
            self.messages.addItem(item)
        for text in preview.warnings:
            self.messages.addItem(QListWidgetItem(f"提示：{text}"))
        if not preview.errors and not preview.warnings:
            self.messages.addItem(QListWidgetItem("✓ 没有发现问题。"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 6, 0, 0)
        box_layout.addWidget(muted_label("逐行检查结果：", box))
        box_layout.addWidget(self.messages)
        splitter.addWidget(box)
        splitter.setSizes([400, 160])

        self.skip = QCheckBox(f"跳过有问题的行（{len(preview.errors)} 处），只导入上面的人员", self)
        self.skip.setVisible(bool(preview.errors))
        self.skip.toggled.connect(lambda _on: self._update())
        self.confirm = primary(QPushButton("确认导入", self))
        self.confirm.clicked.connect(self.accept)
        cancel = QPushButton("取消", self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._update()

    @property
    def skip_invalid(self) -> bool:
        return self.skip.isChecked()

    def _update(self) -> None:
        self.confirm.setEnabled(bool(self.preview.rows) and (not self.preview.errors or self.skip.isChecked()))


class RosterPanel(QWidget):
    """The roster in the office's chosen order; add, change, remove, import."""

    changed = Signal()  # the roster changed (other screens re-read it)
    previewShown = Signal(object)  # ImportPreviewDialog, for tests and the window
    imported = Signal(object)  # RosterImportResult

    def __init__(self, ctx: AppContext, runner: TaskRunner, notify: Notify,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.last_deleted: bool | None = None  # the last 删除: deleted (True) or deactivated (False)
        self.notify = notify
        self.people: list[PersonView] = []
        self._last_dir = ""
        self.preview_dialog: ImportPreviewDialog | None = None

        self.count_label = muted_label("", self)
        self.order = OrderSwitch(self)
        self.order.changed.connect(lambda _o: self.refresh())
        self.show_inactive = QCheckBox("显示已停用人员", self)
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        self.add_button = primary(QPushButton("添加人员…", self))
        self.add_button.clicked.connect(self.add_person)
        self.edit_button = QPushButton("修改…", self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("删除…", self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton("导入…", self)
        self.import_button.setToolTip("从 Excel（.xlsx）或 CSV 文件导入名单，列：姓名、单位、职务、排序号、分组")
        self.import_button.clicked.connect(lambda: self.import_file())

        self.table = make_row_table(self, COLUMNS, stretch=(5,))
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        head = QHBoxLayout()
        head.addWidget(title_label("人员名单", self))
        head.addSpacing(12)
        head.addWidget(self.count_label)
        head.addStretch(1)
        head.addWidget(self.show_inactive)
        head.addSpacing(16)
        head.addWidget(self.order)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addSpacing(20)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        hint = muted_label("同名的人以单位区分；名册中已停用的人不再列入新的学习会。", self)
        buttons.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    # data --------------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None):  # noqa: ANN201 - the runner's Task
        """Read the roster on the worker (the newest request wins) and show it."""
        keep = select_id if select_id is not None else selected_data(self.table)
        self._seq = getattr(self, "_seq", 0) + 1
        seq = self._seq

        def show(people: list[PersonView]) -> None:
            if seq == self._seq:
                self._show(people, keep)

        return records_ops.people(self, self.order.value(), self.show_inactive.isChecked(), show).run()

    def _show(self, people: list[PersonView], keep: int | None) -> None:
        self.people = people
        names: dict[str, int] = {}
        for p in self.people:
            names[p.name] = names.get(p.name, 0) + 1
        rows = []
        for r, p in enumerate(self.people):
            shown = p.display_name or p.name
            tip = ""
            ink = None
            if not p.active:
                shown += "（已停用）"
                ink = style.MUTED
                tip = "已停用：保留在历史记录中，不再列入新的学习会"
            elif names[p.name] > 1:
                tip = f"名册中有 {names[p.name]} 位“{p.name}”，以单位区分"
            rows.append((Cell(str(r + 1), p.id, right=True, ink=ink), Cell(shown, tip=tip, ink=ink),
                         Cell(p.unit, ink=ink), Cell(p.post, ink=ink), Cell(number(p.sort_no), right=True, ink=ink),
                         Cell("、".join(p.groups), ink=ink)))
        self.table.set_rows(rows)
        active = sum(1 for p in self.people if p.active)
        self.count_label.setText(f"共 {active} 人" + (f"，另有 {len(self.people) - active} 人已停用"
                                                     if len(self.people) > active else ""))
        if keep is not None:
            select_by_data(self.table, keep)
        self._update_buttons()

    def names(self) -> list[str]:
        """The names as shown, top to bottom (what a user reads; tests compare orders with it)."""
        return [item_at(self.table, r, 1).text() for r in range(self.table.rowCount())]

    def selected(self) -> PersonView | None:
        pid = selected_data(self.table)
        return next((p for p in self.people if p.id == pid), None)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # add / edit / delete ------------------------------------------------------------------------
    def _group_names(self) -> list[str]:
        try:
            return records_ops.group_names_now(self.ctx)
        except UserError:
            return []

    def make_person_dialog(self, person: PersonView | None = None) -> PersonDialog:
        dialog = PersonDialog(self.ctx, person, self._group_names(), self)
        dialog.saved.connect(self._saved)
        return dialog

    def _saved(self, view: PersonView) -> None:
        self.refresh(select_id=view.id)
        self.notify(f"已保存：{view.display_name or view.name}")
        self.changed.emit()

    def add_person(self) -> None:
        self.make_person_dialog().exec()

    def edit_selected(self) -> None:
        person = self.selected()
        if person is not None:
            self.make_person_dialog(person).exec()

    def delete_selected(self):  # noqa: ANN201 - the runner's Task, or None when nothing was done
        """Delete, or — for someone already on a sign-in sheet or score sheet — deactivate."""
        person = self.selected()
        if person is None:
            return None
        who = person.display_name or person.name
        answer = QMessageBox.question(
            self, "删除人员",
            f"确定要从名册中删除“{who}”吗？\n\n如果此人已有考勤或成绩记录，将改为“停用”："
            "历史记录和已打印的表格仍保留其姓名，新的学习会不再列入。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def done(deleted: bool) -> None:
            self.last_deleted = deleted
            if deleted:
                self.notify(f"已删除：{who}")
            else:
                QMessageBox.information(
                    self, "删除人员",
                    f"“{who}”已有考勤或成绩记录，不能删除，已改为停用。\n"
                    "历史记录中仍保留其姓名；需要时可勾选“显示已停用人员”后重新启用。")
                self.notify(f"已停用：{who}（有历史记录）")
            self.refresh()
            self.changed.emit()

        return records_ops.delete_person(self, person.id).success(done) \
            .failure(lambda exc: report_failure(self, "删除人员", exc)).run(initiator=self)

    # import -------------------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> Task | None:
        """Read and check the file on the worker, then show the preview (nothing stored yet)."""
        path = path or choose_table_file(self, "导入人员名单", self._last_dir)
        if path is None:
            return None
        path = Path(path)
        self._last_dir = str(path.parent)
        return records_ops.preview_import(self, path, self._show_preview).run()

    def _show_preview(self, preview: RosterPreview) -> None:
        dialog = ImportPreviewDialog(preview, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self.commit(preview, skip_invalid=dialog.skip_invalid))
        self.preview_dialog = dialog
        dialog.destroyed.connect(lambda _o=None: setattr(self, "preview_dialog", None))
        dialog.open()
        self.previewShown.emit(dialog)

    def commit(self, preview: RosterPreview, *, skip_invalid: bool = False) -> Task:
        return records_ops.commit_import(self, preview, skip_invalid).success(self._committed).run(initiator=self)

    def _committed(self, result: RosterImportResult) -> None:
        parts = [f"新增 {result.added} 人", f"更新 {result.updated} 人", f"不变 {result.unchanged} 人"]
        if result.groups_created:
            parts.append(f"新建分组 {result.groups_created} 个")
        if result.skipped:
            parts.append(f"跳过有问题的行 {result.skipped} 处")
        self.notify("名单已导入：" + "，".join(parts))
        self.refresh()
        self.changed.emit()
        self.imported.emit(result)
