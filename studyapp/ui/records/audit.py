"""操作记录: every change to the records, the scores and the bank, newest first, with a filter by
kind and an Excel export to print and file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.services.context import AppContext
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.ops import AuditView
from studyapp.ui.tasks import Task, TaskRunner, report_failure

COLUMNS = ("时间", "操作人", "类别", "操作", "对象", "改动")
LIMIT = 2000


class AuditDialog(QDialog):
    def __init__(self, ctx: AppContext, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle("操作记录")
        self.ctx, self.runner = ctx, runner
        self.rows: list[AuditView] = []
        intro = QLabel("成绩、考勤、名册、学习记录和题库的每一次改动：何时、由谁（本机窗口、命令行或测验）、"
                       "改动前后的内容。改过的成绩在成绩登记表中把鼠标停在分数上即可看到历次记录。", self)
        intro.setWordWrap(True)
        self.area = QComboBox(self)
        self.area.addItem("全部", None)
        for a in records_ops.AUDIT_AREAS:
            self.area.addItem(a, a)
        self.area.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for c in (0, 1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel("", self)
        self.status.setObjectName("muted")
        self.pdf_button = QPushButton("另存为 PDF（打印存档）…", self)
        self.pdf_button.clicked.connect(lambda: self.export(pdf=True))
        self.export_button = QPushButton("导出 Excel…", self)
        self.export_button.clicked.connect(lambda: self.export())
        close = QPushButton("关闭", self)
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("类别：", self))
        top.addWidget(self.area)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.pdf_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(960, 560)
        self.refresh()

    def refresh(self) -> Task:
        area = self.area.currentData()
        # (one more than is listed: whether older entries were left out, said only when they were)
        return records_ops.audit_entries(self, area, LIMIT + 1, self._show) \
            .failure(lambda e: report_failure(self, "操作记录", e)).run()

    def _show(self, rows: list[AuditView]) -> None:
        more = len(rows) > LIMIT
        rows = rows[:LIMIT]
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            for c, text in enumerate(_cells(e)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.status.setText((f"列出最新的 {LIMIT} 条（更早的未列出）" if more else f"共 {len(rows)} 条")
                            if rows else "还没有操作记录。")
        self.export_button.setEnabled(bool(rows))
        self.pdf_button.setEnabled(bool(rows))

    def export(self, path: str | None = None, *, pdf: bool = False) -> Task | None:
        suffix, kind = (".pdf", "PDF 文件 (*.pdf)") if pdf else (".xlsx", "Excel 工作簿 (*.xlsx)")
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "导出操作记录", str(Path.home() / f"操作记录{suffix}"), kind)
            if not path:
                return None
        rows = [_cells(e) for e in self.rows]
        scope = "" if self.area.currentData() is None else f"类别：{self.area.currentText()}"
        return records_ops.export_audit(self, rows, Path(path), scope, pdf) \
            .success(lambda p: self.status.setText(f"已导出：{p}")) \
            .failure(lambda e: report_failure(self, "导出操作记录", e)).run()


def _cells(e: AuditView) -> tuple[str, ...]:
    return (f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.area, e.action, e.target, e.change())
