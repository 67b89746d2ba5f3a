"""Generating a bank in the background, with a small progress bar in the status bar.

After an import the reader opens at once; the questions are generated meanwhile on the task
runner's worker, so the cadre can start reading. A modal progress box would block exactly
that, hence the status-bar bar with its own 取消 button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QWidget,
)

from studyapp.core.model import Cancelled
from studyapp.services import AppContext, bank
from studyapp.services.dto import GenerateResult
from studyapp.ui.tasks import Task, TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")


class StatusProgress(QWidget):
    """「正在生成试题… [=====     ] 取消」 at the right of a status bar, while a task runs."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusProgress")
        self.label = QLabel(label, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(14)
        self.cancel_button = QPushButton("取消", self)
        self.cancel_button.setStyleSheet("padding: 1px 10px; min-height: 16px;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

    def update_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        if message:
            self.label.setText(message)


def generate_in_background(
    ctx: AppContext,
    runner: TaskRunner,
    status_bar: QStatusBar,
    document_id: int,
    *,
    seed: int = 0,
    on_done: Callable[[GenerateResult | None], None] | None = None,
) -> Task:
    """Generate (or refresh) a document's bank off the GUI thread; report in the status bar."""
    widget = StatusProgress("正在生成试题…", status_bar)
    status_bar.addPermanentWidget(widget)

    def finish() -> None:
        status_bar.removeWidget(widget)
        widget.deleteLater()

    def succeeded(result: GenerateResult) -> None:
        finish()
        status_bar.showMessage(f"已生成 {result.added} 道试题（草稿），请在题库中审核", 20000)
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if isinstance(exc, Cancelled):
            status_bar.showMessage("已取消生成试题。可在菜单「题库 → 生成试题」中重新生成。", 10000)
        else:
            report_failure(status_bar.window(), "生成试题", exc)
        if on_done is not None:
            on_done(None)

    task = runner.run(
        lambda progress, cancel: bank.generate_for_document(
            ctx, document_id, seed=seed, progress=progress, cancel=cancel),
        title="生成试题",
        on_success=succeeded,
        on_failure=failed,
        show_progress=False,
    )
    task.progressed.connect(widget.update_progress)
    widget.cancel_button.clicked.connect(task.cancel)
    log.info("bank generation started for document %d", document_id)
    return task
