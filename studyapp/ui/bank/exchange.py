"""题库 → 导入/导出: file dialogs around the bank's exchange operations (ui/bank/ops.py).

Offices pass banks around as Excel sheets; an import is all-or-nothing and its report lists
every problem by row, so the clerk can fix the sheet in one go — the report dialog shows
exactly that list, never a traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.services.dto import BankImportReport
from studyapp.ui import filedialogs, style
from studyapp.ui.bank import EXPORT_KINDS, ExportKind, export_kind_of  # noqa: F401 - re-exported for callers
from studyapp.ui.bank import ops as bank_ops
from studyapp.ui.tasks import Task

log = logging.getLogger("studyapp.ui")

Notify = Callable[[str], None]


IMPORT_FILTER = "Excel 题库或题库文件 (*.xlsx *.yaml *.yml);;Excel 题库模板 (*.xlsx);;题库文件 (*.yaml *.yml)"


def safe_file_name(title: str) -> str:
    """A document title as a file name Windows accepts (no \\ / : * ? " < > |)."""
    name = re.sub(r'[\\/:*?"<>|\r\n\t]+', "_", title).strip(" .")
    return name[:60] or "题库"


def export_bank(
    parent: QWidget,
    document_id: int,
    title: str,
    kind: str | None = None,
    *,
    path: Path | None = None,
    directory: str = "",
    notify: Notify | None = None,
) -> Task | None:
    """Ask where to save (unless `path` is given) and write the bank there in the background.
    Without `kind` the dialog offers every format by what it is for; the chosen one decides."""
    if path is None:
        first = EXPORT_KINDS[kind or "excel"]
        name = f"{safe_file_name(title)}-{first.name}{first.suffix}"
        start = str(Path(directory) / name) if directory else str(filedialogs.start_folder() / name)
        filters = [first.filter] if kind else [spec.filter for spec in EXPORT_KINDS.values()]
        chosen, chosen_filter = QFileDialog.getSaveFileName(parent, "导出题库", start, ";;".join(filters))
        if not chosen:
            return None
        filedialogs.remember(chosen)
        path = Path(chosen)
        if kind is None:
            by_suffix = export_kind_of(path.suffix)
            kind = by_suffix if path.suffix.lower() in {s.suffix for s in EXPORT_KINDS.values()} \
                else export_kind_of(chosen_filter)
    kind = kind or export_kind_of(path.suffix)
    spec = EXPORT_KINDS[kind]
    if path.suffix.lower() != spec.suffix:
        path = path.with_name(path.name + spec.suffix)
    target = path

    def done(count: int) -> None:
        log.info("bank of document %d exported to %s (%d questions)", document_id, target, count)
        if notify is not None:
            notify(f"已导出 {count} 道试题到“{target.name}”")

    return bank_ops.export_file(parent, document_id, target).success(done).run()


def import_bank(
    parent: QWidget,
    document_id: int,
    *,
    path: Path | None = None,
    directory: str = "",
    on_report: Callable[[BankImportReport, Path], None] | None = None,
) -> Task | None:
    """Import an Excel 题库 (or a bank file) in the background; the report comes to `on_report`."""
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(parent, "导入题库", directory or str(Path.home()),
                                                      IMPORT_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
    source = Path(path)
    return bank_ops.import_file(parent, document_id, source) \
        .success(lambda report: on_report(report, source) if on_report else None).run(initiator=parent)


class ImportReportDialog(QDialog):
    """The outcome of an import: a summary line and, row by row, what must be fixed."""

    def __init__(self, report: BankImportReport, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle("导入题库 - 结果")
        self.resize(760, 480)
        if report.errors:
            summary = (f"“{source.name}”中有 {len(report.errors)} 处错误，没有导入任何试题。"
                       "请按下面的提示修改表格后重新导入：")
            color = style.ERROR_INK
        else:
            summary = (f"已从“{source.name}”导入：新增 {report.added} 道，更新 {report.updated} 道，"
                       f"未变 {report.unchanged} 道。新增的试题是草稿，请在题库中审核。")
            color = style.READ_MARK
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("importProblems")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for text in report.errors:
            self.list.addItem(QListWidgetItem(f"✗ {text}"))
        for text in report.warnings:
            item = QListWidgetItem(f"提醒：{text}")
            item.setForeground(Qt.GlobalColor.darkYellow)
            self.list.addItem(item)
        self.list.setVisible(self.list.count() > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        if self.list.count() == 0:
            layout.addStretch(1)
            self.resize(560, 180)
        layout.addWidget(buttons)

    def lines(self) -> list[str]:
        return [self.summary.text()] + [self.list.item(i).text() for i in range(self.list.count())]
