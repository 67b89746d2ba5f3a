"""逐题审核: one pending question at a time, its source beside it, a key for each decision.

A freshly generated bank of eighty questions must be reviewed before it counts, and a cadre
does that in one sitting: read the question with its key marked on the options, glance at the
highlighted sentence it came from, press Y (通过), N (停用) or E (修改), and the next one is
there. The queue is the document's pending questions in reading order when the review starts;
上一题 goes back to change one's mind. A decision shows at once and is written by an operation
of ui/bank/ops.py on the worker (taken back, with a message, if the write fails); the window
around this panel opens the editor and follows the change hub for its counts.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyapp.services.context import EditConflict
from studyapp.services.dto import QuestionView
from studyapp.ui import style
from studyapp.ui.bank import ops as bank_ops
from studyapp.ui.bank.preview import SourceView, review_done_html, review_html, source_html

log = logging.getLogger("studyapp.ui")

REVIEW_KEYS = "快捷键：Y 或 Enter 通过　N 或 Delete 停用　E 修改　← → 上一题/下一题　Esc 返回列表"
APPROVE_KEYS = (Qt.Key.Key_Y, Qt.Key.Key_Return, Qt.Key.Key_Enter)
RETIRE_KEYS = (Qt.Key.Key_N, Qt.Key.Key_Delete)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Up)
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Down)


def _browser(name: str, parent: QWidget) -> QTextBrowser:
    view = QTextBrowser(parent)
    view.setObjectName(name)
    view.setOpenLinks(False)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the panel
    view.document().setDocumentMargin(12)
    view.setStyleSheet(
        f"QTextBrowser#{name} {{ background: {style.PAPER}; border: 1px solid {style.BORDER};"
        f" color: {style.INK}; padding: 4px 8px; }}")
    return view


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(f"color: {style.MUTED}; font-weight: bold;")
    return label


class ReviewPanel(QWidget):
    """The review of one document's pending questions (the 题库 window shows it instead of its list).

    Signals: `editRequested(question_id)` (the window opens the editor and calls
    `question_saved` after a save), `sourceRequested(question_id)` (查看原文 in the reader),
    `closeRequested()` (返回列表). A decision announces its change on the change hub.
    """

    editRequested = Signal(int)
    sourceRequested = Signal(int)
    closeRequested = Signal()

    def __init__(
        self,
        document_id: int,
        source_of: Callable[[QuestionView], SourceView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.document_id = document_id
        self.source_of = source_of
        self.queue: list[QuestionView] = []
        self.index = 0
        self.done = False

        # top: where we are ---------------------------------------------------------------------
        self.progress_label = QLabel("", self)
        self.progress_label.setObjectName("reviewProgress")
        self.progress_label.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {style.INK};")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(8)
        self.progress_bar.setMaximumWidth(260)
        self.back_button = QPushButton("返回列表", self)
        self.back_button.setToolTip("回到题库的试题列表（Esc）")
        self.back_button.clicked.connect(self.closeRequested)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(12)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress_bar, 1)
        top.addStretch(0)
        top.addWidget(self.back_button)

        # middle: the question | its source ----------------------------------------------------------
        self.question_view = _browser("reviewQuestion", self)
        self.source_view = _browser("reviewSource", self)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(4)
        ll.addWidget(_heading("试题（绿色为正确答案）", left))
        ll.addWidget(self.question_view, 1)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(4)
        rl.addWidget(_heading("原文出处（蓝色为出题的原句）", right))
        rl.addWidget(self.source_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 6)
        self.splitter.setStretchFactor(1, 5)
        left.setMinimumWidth(360)
        right.setMinimumWidth(300)

        # bottom: the decisions --------------------------------------------------------------------------
        self.previous_button = QPushButton("← 上一题", self)
        self.previous_button.setToolTip("回到上一道题（←），可以改变主意")
        self.previous_button.clicked.connect(self.previous)
        self.approve_button = QPushButton("通过（Y）", self)
        self.approve_button.setObjectName("reviewApprove")
        self.approve_button.setProperty("primary", True)
        self.approve_button.setToolTip("审核通过（Y 或 Enter）：这道题可以用于练习、考试和会议室，然后到下一题")
        self.approve_button.clicked.connect(self.approve)
        self.retire_button = QPushButton("停用（N）", self)
        self.retire_button.setToolTip("停用（N 或 Delete）：保留在题库中，但不再出现在测试里，然后到下一题")
        self.retire_button.clicked.connect(self.retire)
        self.edit_button = QPushButton("修改（E）", self)
        self.edit_button.setToolTip("修改题干、选项、答案、解析（E），保存后再决定通过或停用")
        self.edit_button.clicked.connect(self.edit)
        self.source_button = QPushButton("查看原文", self)
        self.source_button.setToolTip("在阅读窗口中打开这道题的出处，看上下文")
        self.source_button.clicked.connect(self.view_source)
        self.next_button = QPushButton("下一题 →", self)
        self.next_button.setToolTip("先不决定，看下一道题（→）")
        self.next_button.clicked.connect(self.next)
        self.restart_button = QPushButton("继续审核剩下的", self)
        self.restart_button.setProperty("primary", True)
        self.restart_button.setToolTip("把还没有审核的试题再过一遍")
        self.restart_button.clicked.connect(self.restart)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(8)
        buttons.addWidget(self.previous_button)
        buttons.addStretch(1)
        for b in (self.approve_button, self.retire_button, self.edit_button):
            b.setMinimumHeight(34)
            b.setStyleSheet("font-size: 13pt; padding: 4px 18px;")
            buttons.addWidget(b)
        buttons.addWidget(self.restart_button)
        buttons.addStretch(1)
        buttons.addWidget(self.source_button)
        buttons.addWidget(self.next_button)
        for b in (self.previous_button, self.approve_button, self.retire_button, self.edit_button,
                  self.source_button, self.next_button, self.restart_button, self.back_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves Y/N/E with the panel
        keys = QLabel(REVIEW_KEYS, self)
        keys.setObjectName("muted")
        keys.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(keys)

    # the queue ---------------------------------------------------------------------------------------
    def start(self, questions: list[QuestionView] | None = None, *, at: int | None = None) -> int:
        """Review these questions (default: the document's pending ones, read on the worker);
        returns how many (0 while they are being read). `at` (a question id) starts there."""
        if questions is None:
            bank_ops.pending(self, self.document_id, lambda qs: self.start(qs, at=at)).run()
            return 0
        self.queue = list(questions)
        ids = [q.id for q in self.queue]
        self.index = ids.index(at) if at in ids else 0
        self.done = not self.queue
        self._show()
        return len(self.queue)

    def restart(self) -> int:
        return self.start()

    def current(self) -> QuestionView | None:
        if self.done or not self.queue:
            return None
        return self.queue[self.index]

    def counts(self) -> tuple[int, int, int]:
        """(approved, retired, pending) among the questions of this review."""
        statuses = [q.status for q in self.queue]
        return statuses.count("approved"), statuses.count("retired"), statuses.count("draft")

    def progress_text(self) -> str:
        approved, retired, pending = self.counts()
        total = len(self.queue)
        if self.done:
            return f"审核完成：共 {total} 道，已通过 {approved}，已停用 {retired}"
        return f"第 {self.index + 1} / {total} 道，已通过 {approved}，已停用 {retired}"

    def question_text(self) -> str:
        return self.question_view.toPlainText()

    def source_text(self) -> str:
        return self.source_view.toPlainText()

    def _show(self) -> None:
        approved, retired, pending = self.counts()
        total = len(self.queue)
        self.progress_label.setText(self.progress_text())
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(approved + retired)
        view = self.current()
        if view is None:
            self._show_done(pending)  # (what is left in the whole bank follows from the worker)
            bank_ops.counts(self, self.document_id,
                            lambda c: self._show_done(c.draft) if self.current() is None else None).run()
        else:
            self.question_view.setHtml(review_html(view))
            self.source_view.setHtml(source_html(view, self.source_of(view)))
            self.restart_button.setVisible(False)
        for b in (self.approve_button, self.retire_button, self.edit_button):
            b.setVisible(view is not None)
        self.approve_button.setEnabled(view is not None and view.status != "approved")
        self.retire_button.setEnabled(view is not None and view.status != "retired")
        self.source_button.setEnabled(view is not None and bool(view.quote.strip()))
        self.previous_button.setEnabled(bool(self.queue) and (self.done or self.index > 0))
        self.next_button.setEnabled(view is not None)

    def _show_done(self, left: int) -> None:
        approved, retired, pending = self.counts()
        self.question_view.setHtml(review_done_html(approved, retired, pending, left))
        self.source_view.setHtml("")
        self.restart_button.setVisible(left > 0)

    def _go(self, index: int) -> None:
        self.done = False
        self.index = max(0, min(index, len(self.queue) - 1))
        self._show()

    def next(self) -> None:
        """下一题; after the last one, the first question still pending, else the summary."""
        if self.current() is None:
            return
        after = self.index + 1
        if after < len(self.queue):
            self._go(after)
            return
        waiting = [i for i, q in enumerate(self.queue) if q.status == "draft"]
        if waiting and waiting[0] != self.index:
            self._go(waiting[0])
        else:
            self.done = True
            self._show()

    def previous(self) -> None:
        if not self.queue:
            return
        if self.done:
            self._go(len(self.queue) - 1)
        elif self.index > 0:
            self._go(self.index - 1)

    # decisions ---------------------------------------------------------------------------------------
    def _put(self, view: QuestionView, *, stored: bool = False) -> None:
        """Show `view` for its question. A decision's write answers with the question as stored,
        which may come after a later decision on it was already shown (← and another key): an
        older version than the one shown is dropped then, unless it is what is `stored` now."""
        for i, q in enumerate(self.queue):
            if q.id == view.id and (stored or view.version >= q.version):
                self.queue[i] = view

    def _decide(self, action: str) -> bool:
        """The decision shows at once (the next question comes at keyboard speed); the write
        follows on the worker, and a refusal takes the decision back with its message.

        The decision is made on the question as shown: one someone else changed meanwhile
        (another PC on the shared database, the command line) is refused (EditConflict), and the
        review goes back to it as it is stored now, to be read and decided again."""
        view = self.current()
        if view is None:
            return False
        target = "approved" if action == "approve" else "retired"
        if view.status != target:
            # the version this write will give it: a second decision on it (← and another key
            # before the first is stored) is checked against this one's, not refused by it
            self._put(dataclasses.replace(view, status=target, version=view.version + 1))

            def refused(exc: BaseException, before: QuestionView = view) -> None:
                self._put(before, stored=True)
                self._show()
                if isinstance(exc, EditConflict):
                    self.reload_question(before.id)  # (read while the message is read)
                QMessageBox.warning(self, "审核", getattr(exc, "message", str(exc)))

            bank_ops.decide(self, view.id, action == "approve", self.document_id, view.version) \
                .success(self._put).failure(refused).run(initiator=self)
        self.next()
        return True

    def reload_question(self, question_id: int) -> None:
        """Read a question of this review again (changed elsewhere) and go back to it."""
        def show(view: QuestionView) -> None:
            self._put(view, stored=True)
            ids = [q.id for q in self.queue]
            if view.id in ids:
                self._go(ids.index(view.id))

        bank_ops.question(self, question_id, show).run()

    def approve(self) -> bool:
        """通过, then the next question."""
        return self._decide("approve")

    def retire(self) -> bool:
        """停用, then the next question."""
        return self._decide("retire")

    def edit(self) -> None:
        view = self.current()
        if view is not None:
            self.editRequested.emit(view.id)

    def view_source(self) -> None:
        view = self.current()
        if view is not None:
            self.sourceRequested.emit(view.id)

    def question_saved(self, view: QuestionView) -> None:
        """The editor saved a question of this review: show what it says now."""
        for i, q in enumerate(self.queue):
            if q.id == view.id:
                self.queue[i] = view
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                          | Qt.KeyboardModifier.AltModifier))
        if plain and key in APPROVE_KEYS:
            self.approve()
        elif plain and key in RETIRE_KEYS:
            self.retire()
        elif plain and key == Qt.Key.Key_E:
            self.edit()
        elif plain and key in PREVIOUS_KEYS:
            self.previous()
        elif plain and key in NEXT_KEYS:
            self.next()
        elif key == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


__all__ = ["REVIEW_KEYS", "ReviewPanel"]
