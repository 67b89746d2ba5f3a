"""「本文件已生成 86 道题，尚未审核。」 — the way from an empty quiz dialog to the review.

Quizzes, papers and the meeting room draw approved questions only. A freshly imported document
has none, and a dialog full of zeros with a greyed-out button tells a cadre nothing; this box
says why and leads to the 逐题审核 of that document with one click. Light on purpose: the
dialogs import it without pulling in the 题库 window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.services import AppContext
from studyapp.ui import style
from studyapp.ui.bank import ops as bank_ops

log = logging.getLogger("studyapp.ui")

# A wrapped label asks for a wide window; a dialog sized for that width and then narrowed to
# fit a small screen would squeeze its rows. Ask for no more than this, taller instead.
HINT_WIDTH = 460


def _host(anchor: QWidget | None) -> QWidget | None:
    """The main window, which owns the 题库 windows (`open_bank`): up from `anchor`, else any."""
    w = anchor
    while w is not None:
        if hasattr(w, "open_bank"):
            return w
        w = w.parentWidget()
    for top in QApplication.topLevelWidgets():
        if hasattr(top, "open_bank") and top.isVisible():
            return top
    return None


def open_review(anchor: QWidget | None, document_id: int) -> QWidget | None:
    """Open the document's 题库 window in 逐题审核 (its list, when nothing waits for review).

    Returns the 题库 window, or None when there is no main window to open it from.
    """
    host = _host(anchor)
    if host is None:
        log.warning("no main window to open the review of document %d from", document_id)
        return None
    window = host.open_bank(document_id)  # type: ignore[attr-defined]  # (the main window's own, which this module does not import)
    if window is not None:
        window.start_review()
    return window


class ReviewHint(QFrame):
    """A warning box with the reason and 「去审核」; hidden while the document has approved questions.

    In a dialog the button closes the dialog (nothing was started) and opens the review.
    `reviewRequested(document_id)` is emitted first, for whoever wants to know.
    """

    reviewRequested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 what: str = "练习和考试") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.what = what
        self.document_id: int | None = None
        self.setObjectName("reviewHint")
        self.setStyleSheet(
            f"QFrame#reviewHint {{ background: {style.WARN_BG}; border: 1px solid {style.WARN_BORDER};"
            f" border-radius: 6px; }}"
            f" QFrame#reviewHint QLabel {{ color: {style.WARN_INK}; font-size: 12pt;"
            f" background: transparent; border: none; }}")
        self.label = QLabel("", self)
        self.label.setObjectName("reviewHintText")
        self.label.setWordWrap(True)
        self.button = QPushButton("去审核", self)
        self.button.setObjectName("reviewHintButton")
        self.button.setProperty("primary", True)
        self.button.setAutoDefault(False)
        self.button.setDefault(False)
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.setSpacing(12)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        width = min(hint.width(), HINT_WIDTH)
        return QSize(width, max(hint.height(), self.heightForWidth(width)))

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def set_document(self, document_id: int | None) -> bool:
        """Check the document's bank (one short read); show the box when it has nothing approved.

        Returns whether the box is shown.
        """
        self.document_id = document_id
        message = None
        if document_id is not None:
            try:
                counts = bank_ops.counts_now(self.ctx, document_id)
            except UserError as exc:
                log.warning("bank counts of document %s unavailable: %s", document_id, exc)
                counts = None
            if counts is not None:
                message = bank_ops.not_ready_message(counts, what=self.what)
                self.button.setText("去审核" if counts.draft else "打开题库")
                self.button.setToolTip(
                    "打开本文件的题库，逐题审核（Y 通过，N 停用，E 修改）" if counts.draft
                    else "打开本文件的题库，生成、恢复或新增试题")
        self.label.setText(message or "")
        self.setVisible(message is not None)
        return message is not None

    def _clicked(self) -> None:
        if self.document_id is None:
            return
        doc = self.document_id
        self.reviewRequested.emit(doc)
        top = self.window()
        anchor: QWidget | None = self
        if isinstance(top, QDialog):
            anchor = top.parentWidget()
            top.reject()
        open_review(anchor, doc)
