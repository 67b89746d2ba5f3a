"""The 题库 window of one document: review, edit, add and regenerate its questions.

Left, the questions in reading order under their sections, with filters and a search box;
right, the question as the learner will see it, its key, and the sentence it answers to,
highlighted inside its paragraph. Every read and write is an operation of ui/bank/ops.py on the
main window's task runner (one database writer at a time); the window follows the change hub,
so a bank changed elsewhere (generated from the menu, imported) shows here by itself.
The window is a separate top-level window so that its single-key shortcuts (A/R/E) and the
list's ↑/↓ never collide with the reader's window-wide keys. 「逐题审核」 swaps the list for the
one-question-at-a-time review (ui/bank/review.py) in the same window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.questions.model import TAGS
from studyapp.services import AppContext
from studyapp.services.dto import (
    BankCounts,
    BankImportReport,
    DocumentView,
    GenerateResult,
    QuestionRow,
    QuestionView,
    SectionView,
    StatusOutcome,
)
from studyapp.ui import style
from studyapp.ui.bank import exchange as bank_exchange
from studyapp.ui.bank import ops as bank_ops
from studyapp.ui.bank.editor import QuestionEditor
from studyapp.ui.bank.generate import generate_in_background
from studyapp.ui.bank.names import ORIGIN_NAMES, STATUS_NAMES, TYPE_NAMES, counts_text
from studyapp.ui.bank.preview import SourceView, empty_html, question_html, reading_html, section_html
from studyapp.ui.bank.review import ReviewPanel
from studyapp.ui.bank.tree import QUESTION_ID_ROLE, Listing, QuestionTree, TreeRow, build_listing
from studyapp.ui.ops import Changes, hub
from studyapp.ui.tasks import Task, TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

SEARCH_DELAY_MS = 250
KEY_HINT = "快捷键：↑ ↓ 上一题/下一题　A 审核通过并到下一题　R 停用　E 编辑"


def bring_to_front(window: QWidget) -> None:
    """Raise and activate a window (查看原文 switches between the 题库 and the reader).

    Screenless platforms (offscreen tests, screenshots) cannot raise and would log a warning.
    """
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()
    window.activateWindow()


def _combo(all_text: str, items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.addItem(all_text, None)
    for code, name in items.items():
        combo.addItem(name, code)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class BankWindow(QMainWindow):
    """题库 of one document. `sourceRequested(section_id, start, end, field)` asks for 查看原文."""

    sourceRequested = Signal(int, int, int, str)

    def __init__(
        self, ctx: AppContext, document_id: int, runner: TaskRunner, parent: QWidget | None = None, *,
        document: DocumentView | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setObjectName("bankWindow")
        self.ctx = ctx
        self.runner = runner
        # its outline: the reader's, when it shows that document (no read on the GUI thread), else one read
        self.document: DocumentView = document if document is not None and document.id == document_id \
            else bank_ops.document_now(ctx, document_id)
        self.document_id = document_id
        self.sections: dict[int, SectionView] = {s.id: s for s in self.document.sections}
        self.listed: dict[int, QuestionRow] = {}  # the list's rows (light: no options, key, tags)
        self.views: dict[int, QuestionView] = {}  # whole questions read so far: those around the current one
        self._reading: set[int] = set()  # (asked for, not here yet)
        self.total = 0
        self.editor: QuestionEditor | None = None
        self.last_import_report: BankImportReport | None = None
        self._export_dir = ""
        self.setWindowTitle(f"题库 - {self.document.title}")

        # header: title, counts, import/export ------------------------------------------------
        title = QLabel(f"题库　《{self.document.title}》", self)
        title.setObjectName("bankTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)  # a title is never markup
        title.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {style.INK};")
        title.setToolTip(self.document.title)
        self.counts_label = QLabel("", self)
        self.counts_label.setObjectName("bankCounts")
        self.counts_label.setStyleSheet(f"color: {style.INK}; padding: 0 8px;")
        self.exchange_button = QPushButton("导入/导出", self)
        self.exchange_button.setToolTip("导入 Excel 题库；导出为 Excel 表格、题库文件或网上学习平台的格式")
        menu = QMenu(self.exchange_button)
        menu.addAction("导入 Excel 题库或题库文件…", self.import_file)
        menu.addSeparator()
        menu.addAction("导出题库…", lambda: self.export())
        self.exchange_button.setMenu(menu)
        self.review_button = QPushButton("逐题审核", self)
        self.review_button.setObjectName("startReview")
        self.review_button.setProperty("primary", True)
        self.review_button.setToolTip("一次一道，审核待审核的试题：Y 通过，N 停用，E 修改（Ctrl+R）")
        self.review_button.setShortcut("Ctrl+R")
        self.review_button.clicked.connect(lambda: self.start_review())
        # 刷新 (F5): read the bank again — on a shared database, what another PC generated or reviewed
        refresh = QShortcut(QKeySequence("F5"), self)
        refresh.activated.connect(self.refresh_now)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(title, 1)
        header.addWidget(self.counts_label)
        header.addWidget(self.review_button)
        header.addWidget(self.exchange_button)

        # filters ---------------------------------------------------------------------------------
        self.type_filter = _combo("全部题型", TYPE_NAMES)
        self.tag_filter = _combo("全部标签", {t: t for t in TAGS})
        self.status_filter = _combo("全部状态", STATUS_NAMES)
        self.origin_filter = _combo("全部来源", ORIGIN_NAMES)
        self.search = QLineEdit(self)
        self.search.setObjectName("bankSearch")
        self.search.setPlaceholderText("搜索题干、选项、解析或原文")
        self.search.setClearButtonEnabled(True)
        self.shown_label = QLabel("", self)
        self.shown_label.setObjectName("muted")
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(6)
        for name, combo in (("题型", self.type_filter), ("标签", self.tag_filter),
                            ("状态", self.status_filter), ("来源", self.origin_filter)):
            filters.addWidget(QLabel(name, self))
            filters.addWidget(combo)
            filters.addSpacing(8)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        filters.addWidget(self.search, 1)
        filters.addWidget(self.shown_label)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        # left: the list ------------------------------------------------------------------------
        self.tree = QuestionTree(self)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.approveKey.connect(lambda: self.approve_current(advance=True))
        self.tree.retireKey.connect(lambda: self.retire_current(advance=True))
        self.tree.editKey.connect(self.edit_current)
        self.bulk_button = QPushButton("全部审核通过…", self)
        self.bulk_button.setToolTip("把所选的试题（或当前筛选出的全部草稿）一次审核通过")
        self.bulk_button.clicked.connect(lambda: self.approve_bulk())
        self.add_button = QPushButton("新增试题…", self)
        self.add_button.setToolTip("手工写一道试题，放在当前选中的章节下")
        self.add_button.clicked.connect(self.add_question)
        self.regenerate_button = QPushButton("重新生成本节", self)
        self.regenerate_button.setToolTip("为选中的章节重新生成草稿；已审核、修改过和手工添加的试题不受影响")
        self.regenerate_button.clicked.connect(self.regenerate_section)
        self.generate_button = QPushButton("生成试题", self)
        self.generate_button.setProperty("primary", True)
        self.generate_button.setToolTip("根据原文为整份文件生成试题（草稿）")
        self.generate_button.clicked.connect(self.generate_all)
        left_buttons = QHBoxLayout()
        left_buttons.setContentsMargins(0, 0, 0, 0)
        left_buttons.addWidget(self.generate_button)
        left_buttons.addWidget(self.bulk_button)
        left_buttons.addWidget(self.add_button)
        left_buttons.addWidget(self.regenerate_button)
        left_buttons.addStretch(1)
        hint = QLabel(KEY_HINT, self)
        hint.setObjectName("muted")
        hint.setWordWrap(True)  # 1024 px wide: two lines rather than a cut-off key
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(6)
        ll.addWidget(self.tree, 1)
        ll.addLayout(left_buttons)
        ll.addWidget(hint)

        # right: preview and actions ---------------------------------------------------------------
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("bankPreview")
        self.preview.setOpenLinks(False)
        self.preview.document().setDocumentMargin(12)
        self.preview.setStyleSheet(
            f"QTextBrowser#bankPreview {{ background: {style.FRAME}; border: 1px solid {style.BORDER};"
            f" color: {style.INK}; padding: 6px 10px; }}")
        self.approve_button = QPushButton("审核通过", self)
        self.approve_button.setProperty("primary", True)
        self.approve_button.setToolTip("审核通过（A）：这道题可以用于测试")
        self.approve_button.clicked.connect(lambda: self.approve_current())
        self.retire_button = QPushButton("停用", self)
        self.retire_button.setToolTip("停用（R）：保留在题库中，但不再出现在测试里")
        self.retire_button.clicked.connect(lambda: self.retire_current())
        self.restore_button = QPushButton("恢复", self)
        self.restore_button.setToolTip("把停用的试题恢复为草稿，重新审核")
        self.restore_button.clicked.connect(self.restore_current)
        self.edit_button = QPushButton("编辑…", self)
        self.edit_button.setToolTip("修改题干、选项、答案、解析等（E）")
        self.edit_button.clicked.connect(self.edit_current)
        self.source_button = QPushButton("查看原文", self)
        self.source_button.setToolTip("在阅读窗口中打开这道题的出处，并标出原句")
        self.source_button.clicked.connect(self.view_source)
        right_buttons = QHBoxLayout()
        right_buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.approve_button, self.retire_button, self.restore_button, self.edit_button):
            right_buttons.addWidget(b)
        for b in (self.approve_button, self.retire_button, self.restore_button, self.source_button,
                  self.bulk_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves ↑/↓/A/R/E with the list
        right_buttons.addStretch(1)
        right_buttons.addWidget(self.source_button)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(6)
        rl.addWidget(self.preview, 1)
        rl.addLayout(right_buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("bankSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        left.setMinimumWidth(420)
        right.setMinimumWidth(420)

        list_page = QWidget(self)
        lp = QVBoxLayout(list_page)
        lp.setContentsMargins(0, 0, 0, 0)
        lp.setSpacing(8)
        lp.addLayout(filters)
        lp.addWidget(self.splitter, 1)
        self.review = ReviewPanel(document_id, self.source_of, self)
        self.review.closeRequested.connect(self.close_review)
        self.review.editRequested.connect(self._edit_in_review)
        self.review.sourceRequested.connect(self._source_of_review)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.review)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(12, 10, 12, 6)
        outer.setSpacing(8)
        outer.addLayout(header)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage("就绪")
        self.resize(1280, 720)
        self.splitter.setSizes([580, 700])
        self._refresh_seq = 0
        self._shown_seq = -1  # the refresh whose list is on screen
        self._pending_section: int | None = None  # show_section before the list was read
        hub().changed.connect(self._on_changes)
        self.refresh()

    def _on_changes(self, changes: Changes, initiator: object) -> None:
        """A bank changed elsewhere (generated from the menu, imported, edited in review)."""
        if initiator is not self and changes.touches("bank", self.document_id):
            if self.in_review():
                bank_ops.counts(self, self.document_id, self._show_counts).run()
            else:
                self.refresh()

    # data -------------------------------------------------------------------------------------------
    def filters(self) -> dict[str, str | None]:
        """The combo boxes' choices and the search words (searched by the database)."""
        return {
            "type": self.type_filter.currentData(),
            "tag": self.tag_filter.currentData(),
            "status": self.status_filter.currentData(),
            "origin": self.origin_filter.currentData(),
            "search": self.search.text().strip() or None,
        }

    def refresh_now(self) -> None:
        """F5: the list (or, while reviewing, the counts) read again."""
        if self.in_review():
            bank_ops.counts(self, self.document_id, self._show_counts).run()
        else:
            self.refresh()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.refresh()

    def refresh(self, select: int | None = None) -> Task:
        """Re-read the bank with the current filters (on the worker) and rebuild the list."""
        keep_q = select if select is not None else self.tree.current_question_id()
        keep_s = self.tree.current_section_id() if keep_q is None else None
        self._refresh_seq += 1
        seq = self._refresh_seq

        def show(result: bank_ops.BankList) -> None:
            if seq == self._refresh_seq:  # (a newer refresh is on its way: this one is stale)
                self._shown_seq = seq
                self._show_list(result, keep_q, keep_s)
                if self._pending_section is not None:
                    section, self._pending_section = self._pending_section, None
                    self.show_section(section)

        tree, document = self.tree, self.document
        return bank_ops.load_list(self, self.document_id, self.filters(), show, around=keep_q,
                                  arrange=lambda rows: build_listing(tree, document, rows)).run()

    def _show_list(self, result: bank_ops.BankList, keep_q: int | None, keep_s: int | None) -> None:
        """The list read on the worker, its tree built there too: handed to the view in one piece."""
        counts = result.counts
        self.listed = {r.id: r for r in result.rows}
        self.views = dict(result.views)
        self._reading = set()
        self.total = counts.total
        listing = result.arranged
        assert isinstance(listing, Listing)
        self.tree.blockSignals(True)
        try:
            self.tree.set_listing(listing)
        finally:
            self.tree.blockSignals(False)
        self._show_counts(counts)
        self.shown_label.setText(f"显示 {len(result.rows)} / {counts.total} 道")
        self.generate_button.setVisible(counts.total == 0)
        kept = (keep_q is not None and self.tree.select_question(keep_q)) or (
            keep_s is not None and self.tree.select_section(keep_s))
        ids = self.tree.question_ids()
        if not kept and ids:  # keep the first section's heading in view
            self.tree.select_question(ids[0], scroll=False)
        self._current_changed(self.tree.currentItem(), None)

    def _show_counts(self, counts: BankCounts) -> None:
        self.counts_label.setText(counts_text(counts.draft, counts.approved, counts.retired))
        self.review_button.setEnabled(counts.draft > 0)
        self.review_button.setToolTip(
            "一次一道，审核待审核的试题：Y 通过，N 停用，E 修改（Ctrl+R）" if counts.draft
            else "没有待审核的试题")

    def current(self) -> QuestionView | None:
        """The current question, whole — None also while it is still being read."""
        qid = self.tree.current_question_id()
        return self.views.get(qid) if qid is not None else None

    def current_row(self) -> QuestionRow | None:
        """The current question as the list holds it (status, version, stem)."""
        qid = self.tree.current_question_id()
        return self.listed.get(qid) if qid is not None else None

    def _reload_one(self, question_id: int) -> QuestionView | None:
        """The row of a question as it is now (its status after a change); the current
        question's preview follows."""
        def show(view: QuestionView) -> None:
            if question_id in self.listed:
                self.listed[question_id] = bank_ops.row_of(view)
                self.views[question_id] = view
                self.tree.update_question(self.listed[question_id])
                if self.tree.current_question_id() == question_id:
                    self._current_changed(self.tree.currentItem(), None)

        return bank_ops.question(self, question_id, show).failure(lambda _exc: None).run()

    def _read_around(self, question_id: int) -> Task | None:
        """Read the whole questions of the page of the list around `question_id` that are not
        here yet (the current one's preview shows when they are)."""
        ids = self.tree.question_ids()
        page = [i for i in bank_ops.page_around(ids, question_id) if i not in self.views and i not in self._reading]
        if not page:
            return None
        self._reading.update(page)
        seq = self._refresh_seq

        def got(views: dict[int, QuestionView]) -> None:
            if seq != self._refresh_seq:
                return  # (the list was read again meanwhile: so were its questions)
            self._reading.difference_update(page)
            self.views.update((i, v) for i, v in views.items() if i in self.listed)
            if self.tree.current_question_id() in views:
                self._current_changed(self.tree.currentItem(), None)

        return bank_ops.questions(self, page, got).run()

    def _read_ahead(self, question_id: int) -> None:
        """Stepping down the list: the next questions read before the reviewer gets to them."""
        ids = self.tree.question_ids()
        i = ids.index(question_id) if question_id in ids else -1
        ahead = next((q for q in ids[i + 1:i + 1 + bank_ops.FULL_PAGE // 5] if q not in self.views), None)
        if ahead is not None and ahead not in self._reading:
            self._read_around(ahead)

    def _with_question(self, question_id: int, then: Callable[[QuestionView], object]) -> None:
        """`then(question)` with the whole question: at once when it is here, else once read."""
        view = self.views.get(question_id)
        if view is not None:
            then(view)
            return

        def got(view: QuestionView) -> None:
            if question_id in self.listed:
                self.views[question_id] = view
            then(view)

        bank_ops.question(self, question_id, got).run()

    # preview ----------------------------------------------------------------------------------------
    def _path(self, section_id: int | None) -> str:
        chain: list[str] = []
        s = self.sections.get(section_id) if section_id is not None else None
        while s is not None:
            chain.append(s.heading)
            s = self.sections.get(s.parent_id) if s.parent_id is not None else None
        return " › ".join(reversed(chain))

    def source_of(self, view: QuestionView) -> SourceView:
        """The paragraph holding the quote and where the quote is in it (found in the document
        the window holds: no database read for a step through the list)."""
        loc = bank_ops.locate(self.document, view)
        if loc is None or loc.section_id not in self.sections:
            return SourceView(path=self._path(view.section_id) or "（未关联章节）")
        section = self.sections[loc.section_id]
        paragraph = section.title if loc.field == "title" else section.text
        return SourceView(path=self._path(loc.section_id), paragraph=paragraph, start=loc.start, end=loc.end)

    def _current_changed(self, current: TreeRow | None, _previous: TreeRow | None) -> None:
        view = self.current()
        row = self.current_row()
        if view is not None:
            self.preview.setHtml(question_html(view, self.source_of(view)))
            self._read_ahead(view.id)
        elif row is not None:  # (a long list's question not read yet: a moment)
            self.preview.setHtml(reading_html(row.stem))
            self._read_around(row.id)
        elif current is not None and self.tree.current_section_id() is not None:
            sid = self.tree.current_section_id()
            assert sid is not None  # (checked just above)
            s = self.sections[sid]
            section_row = self.tree.section_item(sid)
            count = section_row.count if section_row is not None else 0  # (its subsections' too)
            self.preview.setHtml(section_html(s.heading, self._path(sid), count, s.text))
        else:
            self.preview.setHtml(empty_html(self.total > 0))
        self._update_buttons()

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    def _update_buttons(self) -> None:
        row = self.current_row()
        view = self.current()
        status = row.status if row else None
        self.approve_button.setEnabled(status in ("draft", "retired"))
        self.retire_button.setEnabled(status in ("draft", "approved"))
        self.restore_button.setEnabled(status == "retired")
        self.edit_button.setEnabled(row is not None)
        self.source_button.setEnabled(bool(view.quote.strip()) if view is not None
                                      else row is not None and row.has_quote)
        self.regenerate_button.setEnabled(self.tree.current_section_id() is not None)
        selected = self.tree.selected_question_ids()
        if len(selected) > 1:
            self.bulk_button.setText(f"审核通过所选（{len(selected)}）")
        else:
            self.bulk_button.setText("全部审核通过…")
        self.bulk_button.setEnabled(any(r.status == "draft" for r in self.listed.values()) or len(selected) > 1)

    # review --------------------------------------------------------------------------------------------
    def _change_status(self, action: str, ids: list[int], *, advance: bool = False,
                       message: str = "") -> Task:
        """approve/retire/restore, then update the rows (or the list when the filter drops them)."""
        order = self.tree.question_ids()
        current = self.tree.current_question_id()
        next_id = current
        if advance and current in order and order.index(current) + 1 < len(order):
            next_id = order[order.index(current) + 1]
        if advance and next_id != current:
            self.tree.select_question(next_id)  # (at once: the next key press is for the next one)

        versions = {i: self.listed[i].version for i in ids if i in self.listed}

        def done(outcome: StatusOutcome) -> None:
            changed = outcome.changed
            if outcome.stale or outcome.refused:
                # someone else's change (or a malformed question): the list as it is now, and why
                self.refresh(select=self.tree.current_question_id())
                lines = ([bank_ops.stale_message(list(outcome.stale), action)] if outcome.stale else []) \
                    + list(outcome.refused[:10])
                QMessageBox.warning(self, "题库", "\n\n".join(lines))
                return
            if self.status_filter.currentData() is not None:
                # the changed rows may leave the list: go on with the next one that stays
                target = self.tree.current_question_id()
                if target in ids:
                    rest = [i for i in order[order.index(target) + 1:] if i not in ids] if target in order else []
                    target = rest[0] if rest else None
                self.refresh(select=target)
            else:
                for qid in ids:
                    self._reload_one(qid)
                bank_ops.counts(self, self.document_id, self._show_counts).run()
            if changed and message:
                self.statusBar().showMessage(message, 4000)

        return bank_ops.set_status(self, action, versions, self.document_id).success(done) \
            .failure(lambda exc: QMessageBox.warning(self, "题库", getattr(exc, "message", str(exc)))) \
            .run(initiator=self)

    def approve_current(self, *, advance: bool = False) -> int:
        view = self.current_row()
        if view is None:
            return 0
        if view.status == "approved":
            self.statusBar().showMessage("这道题已经审核通过", 3000)
            if advance:
                self.tree.step(1)
            return 0
        self._change_status("approve", [view.id], advance=advance, message="已审核通过 1 道试题")
        return 1

    def retire_current(self, *, advance: bool = False) -> int:
        view = self.current_row()
        if view is None or view.status == "retired":
            return 0
        self._change_status("retire", [view.id], advance=advance,
                            message="已停用 1 道试题：它不会再出现在测试中，可随时恢复")
        return 1

    def restore_current(self) -> int:
        view = self.current_row()
        if view is None or view.status != "retired":
            return 0
        self._change_status("restore", [view.id], message="已恢复为草稿，请重新审核")
        return 1

    def approve_bulk(self, *, confirm: bool = True) -> int:
        """Approve the selected questions, or (with one or none selected) every listed draft."""
        selected = self.tree.selected_question_ids()
        if len(selected) > 1:
            ids = [i for i in selected if self.listed[i].status != "approved"]
            what = f"所选的 {len(ids)} 道试题"
        else:
            ids = [i for i in self.tree.question_ids() if self.listed[i].status == "draft"]
            what = f"当前列表中的全部 {len(ids)} 道草稿"
        if not ids:
            self.statusBar().showMessage("没有需要审核通过的试题", 3000)
            return 0
        if confirm:
            answer = QMessageBox.question(
                self, "批量审核通过",
                f"确定把{what}审核通过吗？\n\n通过后它们会出现在测试中。请确认已逐题读过。",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0

        def done(outcome: StatusOutcome) -> None:
            self.refresh()
            message = f"已审核通过 {outcome.changed} 道试题"
            lines = []
            if outcome.stale:
                message += f"；{len(outcome.stale)} 道已被别人修改，未通过"
                lines.append(bank_ops.stale_message(list(outcome.stale), "approve"))
            if outcome.refused:
                message += f"；{len(outcome.refused)} 道格式有误，未通过，请先修改"
                lines += list(outcome.refused[:10])
            if lines:
                QMessageBox.warning(self, "批量审核通过", message + "。\n\n" + "\n".join(lines))
            self.statusBar().showMessage(message, 6000)

        versions = {i: self.listed[i].version for i in ids}
        bank_ops.set_status(self, "approve", versions, self.document_id).success(done).run(initiator=self)
        return len(ids)

    # 逐题审核 -----------------------------------------------------------------------------------------
    def in_review(self) -> bool:
        return self.pages.currentWidget() is self.review

    def start_review(self, question_id: int | None = None) -> Task:
        """Show the pending questions one at a time (from `question_id`, else the current one);
        with none, the list stays and the status bar says so."""
        at = question_id if question_id is not None else self.tree.current_question_id()

        def show(pending: list[QuestionView]) -> None:
            if not pending:
                self.close_review()
                self.statusBar().showMessage(
                    "没有待审核的试题。" + ("" if self.total else "请先点「生成试题」。"), 6000)
                return
            self.review.start(pending, at=at)
            self.pages.setCurrentWidget(self.review)
            self.review_button.hide()
            self.setWindowTitle(f"逐题审核 - {self.document.title}")
            self.review.setFocus()

        return bank_ops.pending(self, self.document_id, show).run()

    def close_review(self) -> None:
        """Back to the list, at the question the review was on."""
        if not self.in_review():
            return
        view = self.review.current()
        self.pages.setCurrentIndex(0)
        self.review_button.show()
        self.setWindowTitle(f"题库 - {self.document.title}")
        self.refresh(select=view.id if view is not None else None)
        self.tree.setFocus()

    def _edit_in_review(self, question_id: int) -> QuestionEditor | None:
        view = next((q for q in self.review.queue if q.id == question_id), None)
        if view is None:
            return None
        dialog = self.make_editor(view)
        dialog.saved.connect(self.review.question_saved)
        return dialog

    def _source_of_review(self, question_id: int) -> bool:
        return self._emit_source(question_id)

    # editing ----------------------------------------------------------------------------------------
    def make_editor(self, view: QuestionView | None, section_id: int | None = None) -> QuestionEditor:
        """The editor, opened window-modal without blocking (tests drive it directly)."""
        dialog = QuestionEditor(self.document, view, section_id=section_id, parent=self)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _r, d=dialog: self._editor_closed(d))
        self.editor = dialog
        dialog.open()
        return dialog

    def edit_current(self) -> QuestionEditor | None:
        """The editor on the current question (None: no question, or it opens once read)."""
        view = self.current()
        if view is None:
            row = self.current_row()
            if row is not None:
                self._with_question(row.id, lambda v: self.make_editor(v) if self.current_row() is row else None)
            return None
        return self.make_editor(view)

    def add_question(self) -> QuestionEditor:
        return self.make_editor(None, self.tree.current_section_id())

    def _saved(self, view: QuestionView) -> None:
        self.refresh(select=view.id)
        if self.tree.current_question_id() != view.id:
            self.statusBar().showMessage("试题已保存（不在当前筛选结果中）", 5000)
        else:
            self.statusBar().showMessage("试题已保存", 3000)

    def _editor_closed(self, dialog: QuestionEditor) -> None:
        if self.editor is dialog:
            self.editor = None
        dialog.deleteLater()

    # generation ------------------------------------------------------------------------------------------
    def regenerate_section(self) -> Task | None:
        sid = self.tree.current_section_id()
        if sid is None:
            self.statusBar().showMessage("请先在左侧选中一个章节或它的一道试题", 4000)
            return None
        heading = self.sections[sid].heading

        def done(result: GenerateResult) -> None:
            self.refresh().finished.connect(lambda _ok: self.tree.select_section(sid))
            self.statusBar().showMessage(
                f"「{heading}」已重新生成：新增 {result.added} 道，更新 {result.refreshed} 道，"
                f"删除过时草稿 {result.removed} 道；已审核或修改过的 {result.kept} 道保持不变", 10000)

        return bank_ops.regenerate_section(self, sid, self.document_id, heading).success(done) \
            .failure(lambda exc: report_failure(self, "重新生成本节", exc)).run(initiator=self)

    def generate_all(self) -> Task:
        def done(result: GenerateResult | None) -> None:
            if result is not None:
                self.refresh()

        return generate_in_background(self, self.statusBar(), self.document_id, on_done=done)

    # 查看原文 ----------------------------------------------------------------------------------------------
    def view_source(self) -> bool:
        row = self.current_row()
        if row is None:
            return False
        if row.id not in self.views:  # (read first, then shown)
            self._with_question(row.id, lambda _v: self._emit_source(row.id))
            return row.has_quote
        return self._emit_source(row.id)

    def _emit_source(self, question_id: int) -> bool:
        view = self.views.get(question_id) or next((q for q in self.review.queue if q.id == question_id), None)
        loc = bank_ops.locate(self.document, view) if view is not None else None
        if loc is None:
            self.statusBar().showMessage("这道题的出处原文在文件中找不到，无法定位", 5000)
            return False
        self.sourceRequested.emit(loc.section_id, loc.start, loc.end, loc.field)
        return True

    def show_section(self, section_id: int) -> bool:
        """Bring a section's questions into view (the reader's 「查看本节试题」); asked while the
        list is still being read, it happens once the list is there."""
        if self._shown_seq != self._refresh_seq:
            self._pending_section = section_id
            return True
        if self.tree.section_item(section_id) is None and any(self.filters().values()):
            for combo in (self.type_filter, self.tag_filter, self.status_filter, self.origin_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.refresh()
        found = self.tree.select_section(section_id)
        if not found:
            self.statusBar().showMessage("这一节还没有试题。可选中上级章节后点「重新生成本节」，或「新增试题…」", 6000)
        self.tree.setFocus()
        return found

    # exchange ----------------------------------------------------------------------------------------------
    def export(self, kind: str | None = None, path=None) -> Task | None:  # noqa: ANN001 - Path | None
        return bank_exchange.export_bank(
            self, self.document_id, self.document.title, kind, path=path,
            directory=self._export_dir, notify=lambda m: self.statusBar().showMessage(m, 8000))

    def import_file(self, path=None) -> Task | None:  # noqa: ANN001 - Path | None
        return bank_exchange.import_bank(self, self.document_id, path=path,
                                         directory=self._export_dir, on_report=self.show_import_report)

    def show_import_report(self, report: BankImportReport, source: Path) -> None:
        self.last_import_report = report
        if report.ok:
            self.refresh()
        dialog = bank_exchange.ImportReportDialog(report, source, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        self.report_dialog = dialog  # (tests and the next import look at it)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.editor is not None:
            self.editor.reject()
        super().closeEvent(event)


__all__ = ["QUESTION_ID_ROLE", "BankWindow", "bring_to_front"]
