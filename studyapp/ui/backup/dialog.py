"""「备份与恢复」: the data folder's backups (date, kind, what each holds), 立即备份, and restoring
one. Everything goes through ui/backup/ops.py on the worker: backups are made and listed there,
and a restore or a data package is checked there and carried out when the data folder is next
opened (the app closes and asks to be reopened), so the open database is never swapped under
the running app."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.services.context import AppContext
from studyapp.ui.backup import ops as backup_ops
from studyapp.ui.tasks import Task, TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

COLUMNS = ("时间", "类型", "内容", "大小")


class BackupDialog(QDialog):
    """Lists the backups; 立即备份 / 恢复所选… / 打开备份文件夹."""

    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle("备份与恢复")
        self.ctx, self.runner = ctx, runner
        self.infos: list[backup_ops.BackupInfo] = []
        self.restore_scheduled = False
        intro = QLabel("学习测评每天自动备份一次（保留最近 7 天、4 周、12 个月的备份），"
                       "也可以随时“立即备份”。恢复前，当前数据会先另存为一份“恢复前”备份。", self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel("", self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.backup_button = QPushButton("立即备份", self)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton("恢复所选…", self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton("打开备份文件夹", self)
        self.folder_button.clicked.connect(self.open_folder)
        self.export_button = QPushButton("导出数据包…", self)
        self.export_button.setToolTip("把全部数据存成一个 .zip 文件（带校验），用于换电脑、存 U 盘或交给上级")
        self.export_button.clicked.connect(lambda: self.export_archive())
        self.import_button = QPushButton("导入数据包…", self)
        self.import_button.setToolTip("用“导出数据包”生成的 .zip 文件取代当前数据（当前数据先另存为“恢复前”备份）")
        self.import_button.clicked.connect(lambda: self.import_archive())
        close = QPushButton("关闭", self)
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.export_button, self.import_button,
                  self.folder_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.resize(900, 420)
        self._update_buttons()
        if ctx.shared is not None:
            # the records live on the county's server: its administrator backs them up there
            intro.setText(f"本机使用共享数据库：{ctx.shared.describe()}。共享数据库由服务器管理员用数据库自己的"
                          "工具备份和恢复（如 pg_dump），这里不做本机备份。")
            for b in (self.backup_button, self.restore_button, self.export_button, self.import_button,
                      self.folder_button):
                b.setEnabled(False)
            self.table.setEnabled(False)
            return
        self.refresh()

    # --- the list -----------------------------------------------------------------------------
    def refresh(self) -> Task:
        return backup_ops.backups(self, self._show).failure(self._failed).run()

    def _show(self, infos: list[backup_ops.BackupInfo]) -> None:
        self.infos = infos
        self.table.setRowCount(len(infos))
        for r, b in enumerate(infos):
            cells = (f"{b.taken:%Y-%m-%d %H:%M}", b.kind_name, b.summary(), _size(b.size))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not b.ok:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        if not infos:
            self.status.setText("还没有备份。点“立即备份”备份一份。")
        self._update_buttons()

    def selected(self) -> backup_ops.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.infos[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        if self.ctx.shared is not None:
            return
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.ok and not self.restore_scheduled)

    # --- actions ------------------------------------------------------------------------------
    def backup_now(self) -> Task:
        self.backup_button.setEnabled(False)

        def done(info: backup_ops.BackupInfo) -> None:
            self.backup_button.setEnabled(True)
            self.status.setText(f"已备份并检查完好：{info.path}")
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self._failed(exc)

        return backup_ops.make_backup(self).success(done).failure(failed).run()

    def _admin(self, what: str) -> bool:
        from studyapp.ui.admin import require

        return require(self, what)

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None or not chosen.ok or not self._admin("恢复备份"):
            return False
        answer = QMessageBox.question(
            self, "恢复备份",
            f"要把数据恢复到 {chosen.taken:%Y-%m-%d %H:%M} 的{chosen.kind_name}备份吗？\n\n"
            f"备份中有：{chosen.summary()}。\n"
            "此后录入的数据将被这份备份取代；当前数据会先另存为一份“恢复前”备份，可以再恢复回来。\n\n"
            "恢复将在学习测评下次打开时进行：确定后请关闭学习测评，再重新打开。",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Ok:
            return False
        def scheduled(_none: None) -> None:
            self.restore_scheduled = True
            self.status.setText(f"已安排恢复 {chosen.taken:%Y-%m-%d %H:%M} 的备份：请关闭学习测评，再重新打开。")
            self._update_buttons()
            log.info("restore of %s scheduled", chosen.path)

        backup_ops.schedule_restore(self, chosen.path).success(scheduled).failure(
            lambda exc: QMessageBox.warning(self, "恢复备份", getattr(exc, "message", str(exc)))).run()
        return True

    def export_archive(self, path: str | None = None) -> Task | None:
        """导出数据包…: everything as one checked .zip (on the worker)."""
        import datetime as dt

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, "导出数据包", str(Path.home() / f"学习测评数据-{dt.date.today():%Y%m%d}.zip"), "数据包 (*.zip)")
            if not path:
                return None
        def done(info: backup_ops.BackupInfo) -> None:
            self.status.setText(f"已导出数据包：{info.path}（{info.summary()}）")

        return backup_ops.export_archive(self, Path(path)).success(done).failure(self._failed).run()

    def import_archive(self, path: str | None = None, *, confirm: bool = True) -> bool:
        """导入数据包…: check the archive now, restore it when the app is opened next."""
        if not self._admin("导入数据包"):
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "导入数据包", str(Path.home()), "数据包 (*.zip)")
            if not path:
                return False
        if confirm and QMessageBox.question(
                self, "导入数据包",
                f"要用数据包“{Path(path).name}”取代当前的全部数据吗？\n\n"
                "当前数据会先另存为一份“恢复前”备份，可以再恢复回来。导入将在学习测评下次打开时进行。",
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Ok:
            return False
        def staged(info: backup_ops.BackupInfo) -> None:
            self.restore_scheduled = True
            self.status.setText(f"数据包检查完好（{info.summary()}），已安排导入：请关闭学习测评，再重新打开。")
            self._update_buttons()
            self.refresh()

        backup_ops.stage_archive(self, Path(path)).success(staged).failure(self._failed).run()
        return True

    def open_folder(self) -> None:
        folder = backup_ops.folder_now(self.ctx)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.status.setText(exc.message)
            QMessageBox.warning(self, "备份与恢复", exc.message)
        else:
            report_failure(self, "备份与恢复", exc)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"
