"""Generating a bank in the background, with a small progress bar in the status bar.

After an import the reader opens at once; the questions are generated meanwhile on the task
runner's worker, so the cadre can start reading. A modal progress box would block exactly
that, hence the status-bar bar with its own 取消 button. When it is done the status bar says
what there is to do (「已生成 86 道，待审核」), with a 「去审核」 button for a while; what the
checker set aside is a detail for the log, not news for a cadre.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QWidget,
)

from studyapp.core.model import Cancelled
from studyapp.services.dto import BankCounts, GenerateResult
from studyapp.ui.bank import ops as bank_ops
from studyapp.ui.bank.hint import open_review
from studyapp.ui.tasks import Task, report_failure

log = logging.getLogger("studyapp.ui")

PROMPT_MS = 60_000  # how long 「去审核」 stays in the status bar


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


class ReviewPrompt(QPushButton):
    """「去审核」 at the right of the status bar after a generation, for a minute."""

    def __init__(self, status_bar: QStatusBar, document_id: int, pending: int) -> None:
        super().__init__("去审核", status_bar)
        self.setObjectName("reviewPrompt")
        self.setProperty("primary", True)
        self.setStyleSheet("padding: 1px 12px; min-height: 16px;")
        self.setToolTip(f"逐题审核这 {pending} 道试题：Y 通过，N 停用，E 修改。审核通过后才能用于练习和考试")
        self.status_bar = status_bar
        self.document_id = document_id
        self.clicked.connect(self.go)
        QTimer.singleShot(PROMPT_MS, self, self.dismiss)

    def go(self) -> None:
        open_review(self.status_bar.window(), self.document_id)
        self.dismiss()

    def dismiss(self) -> None:
        self.status_bar.removeWidget(self)
        self.deleteLater()


def generate_in_background(
    parent: QWidget,
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

    def succeeded(outcome: tuple[GenerateResult, BankCounts]) -> None:
        result, counts = outcome
        finish()
        headline = bank_ops.generated_headline(result.generated, counts.draft)
        if counts.draft:
            for old in status_bar.findChildren(ReviewPrompt):
                old.dismiss()
            status_bar.addPermanentWidget(ReviewPrompt(status_bar, document_id, counts.draft))
            headline += "。审核通过后才能用于练习和考试"
        status_bar.showMessage(headline, 20000)
        if result.dropped:
            log.info("document %d: the checker set aside %d candidate question(s): %s",
                     document_id, result.dropped_total, result.dropped)
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

    # (the status bar shows the progress: no modal box over the reader)
    task = bank_ops.generate(parent, document_id, seed=seed).success(succeeded).failure(failed) \
        .quietly().run(initiator=parent)
    task.progressed.connect(widget.update_progress)
    widget.cancel_button.clicked.connect(task.cancel)
    log.info("bank generation started for document %d", document_id)
    return task
