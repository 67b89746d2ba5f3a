"""组卷打印: choose a document, counts and points per type, time, A/B and seed; then preview.

The 试卷 (with its 答题卡) and the 参考答案 open in two preview windows of their own, because
they go to different people: the papers to the room, the key to whoever marks them. Both are
rendered from ONE selection made on the task runner's worker (services.papers.make_papers), so
the key always belongs to the paper beside it. The counts of approved questions are shown next
to the counts asked for: a clerk sees before printing that the bank holds one 简答题, rather
than finding a thin paper at the copier. Every question comes from the approved bank through
the services; this module holds no SQL.
"""

from __future__ import annotations

import logging
import random
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.core.paper import DEFAULT_BLUEPRINT, TYPE_ORDER, TYPE_TITLES, Paper, blueprint_total
from studyapp.core.stats import fmt_score
from studyapp.services.context import AppContext
from studyapp.ui import style
from studyapp.ui.bank.hint import ReviewHint
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.common import ERROR_INK, muted_label, primary, title_label
from studyapp.ui.records.preview import Builder, PdfPreviewDialog, open_preview
from studyapp.ui.tasks import Task, TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

TITLE = "组卷打印"
MAX_SEED = 999_999
_DEFAULTS: dict[str, tuple[int, float]] = {t: (n, p) for t, n, p in DEFAULT_BLUEPRINT}
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True)
class PaperRequest:
    """What the dialog asks the service for (plain data, so the worker never reads widgets)."""

    document_id: int
    blueprint: tuple[tuple[str, int, float], ...]
    minutes: int
    variants: tuple[str, ...]
    seed: int
    answer_sheets: bool = True

    @property
    def total(self) -> float:
        return blueprint_total(self.blueprint)


class _PointsSpin(QDoubleSpinBox):
    """Points as a paper prints them: 2 分, 2.5 分 (no 2.0 that reads like a version number)."""

    def textFromValue(self, value: float) -> str:
        return fmt_score(value)


class _TypeRow:
    """One line of the blueprint grid: 题型 | 可用 | 题数 | 每题分值 | 小计 | note."""

    def __init__(self, qtype: str, parent: QWidget) -> None:
        count, points = _DEFAULTS.get(qtype, (0, 2.0))
        self.type = qtype
        self.name = QLabel(TYPE_TITLES[qtype], parent)
        self.available = QLabel("", parent)
        self.available.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count = QSpinBox(parent)
        self.count.setRange(0, 200)
        self.count.setValue(count)
        self.count.setSuffix(" 题")
        self.count.setObjectName(f"count_{qtype}")
        self.points = _PointsSpin(parent)
        self.points.setRange(0.5, 100)
        self.points.setSingleStep(0.5)
        self.points.setDecimals(1)
        self.points.setValue(points)
        self.points.setSuffix(" 分")
        self.points.setObjectName(f"points_{qtype}")
        self.subtotal = QLabel("", parent)
        self.subtotal.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.subtotal.setMinimumWidth(56)
        self.note = QLabel("", parent)
        self.note.setMinimumWidth(190)

    def reset(self) -> None:
        count, points = _DEFAULTS.get(self.type, (0, 2.0))
        self.count.setValue(count)
        self.points.setValue(points)


class PaperDialog(QDialog):
    """组卷 settings; 「生成并预览」 makes the selection on the worker and opens the previews.

    `built` carries the two previews (试卷 with 答题卡, 参考答案) once they are open; the dialog
    then closes, since a new paper is a new choice of settings.
    """

    built = Signal(object, object)  # paper preview, key preview
    failed = Signal(str)
    countsShown = Signal()  # the approved counts of the chosen document are shown

    def __init__(
        self,
        ctx: AppContext,
        runner: TaskRunner,
        document_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperDialog")
        self.setWindowTitle(TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.ctx = ctx
        self.runner = runner
        self.available: dict[str, int] = {}
        self.papers: list[Paper] = []
        self.paper_preview: PdfPreviewDialog | None = None
        self.key_preview: PdfPreviewDialog | None = None
        self._task: Task | None = None
        self._counting: object | None = None  # the counts read asked for last, while it is read

        heading = title_label("组卷打印：试卷、答题卡和参考答案", self)
        intro = muted_label("只从已审核通过的试题中抽题。试卷和参考答案分别预览，可打印或另存为 PDF。", self)
        intro.setWordWrap(True)

        self.document_combo = QComboBox(self)
        self.document_combo.setObjectName("paperDocument")
        self.document_combo.setMinimumWidth(420)
        self.document_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.document_combo.setMinimumContentsLength(28)
        for info in records_ops.documents_now(ctx):
            self.document_combo.addItem(f"《{info.title}》", info.id)
            self.document_combo.setItemData(self.document_combo.count() - 1, info.title,
                                            Qt.ItemDataRole.ToolTipRole)
        doc_row = QHBoxLayout()
        doc_row.addWidget(QLabel("文件：", self))
        doc_row.addWidget(self.document_combo, 1)

        # blueprint grid ------------------------------------------------------------------------
        grid_frame = QFrame(self)
        grid_frame.setObjectName("blueprint")
        grid_frame.setStyleSheet(f"QFrame#blueprint {{ background: {style.PAPER}; border: 1px solid {style.BORDER};"
                                 " border-radius: 4px; }")
        grid = QGridLayout(grid_frame)
        grid.setContentsMargins(14, 10, 14, 10)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for col, text in enumerate(("题型", "已审核可用", "题数", "每题分值", "小计", "")):
            label = QLabel(text, grid_frame)
            label.setStyleSheet(f"color: {style.MUTED};")
            if col in (1, 4):
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, 0, col)
        self.rows: dict[str, _TypeRow] = {}
        for i, qtype in enumerate(TYPE_ORDER, start=1):
            row = _TypeRow(qtype, grid_frame)
            for col, widget in enumerate((row.name, row.available, row.count, row.points, row.subtotal,
                                          row.note)):
                grid.addWidget(widget, i, col)
            row.count.valueChanged.connect(lambda _v: self._update_totals())
            row.points.valueChanged.connect(lambda _v: self._update_totals())
            self.rows[qtype] = row
        line = QFrame(grid_frame)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {style.BORDER};")
        grid.addWidget(line, len(TYPE_ORDER) + 1, 0, 1, 6)
        self.total_label = QLabel("", grid_frame)
        self.total_label.setObjectName("paperTotal")
        self.total_label.setStyleSheet(f"font-weight: bold; color: {style.INK};")
        grid.addWidget(self.total_label, len(TYPE_ORDER) + 2, 0, 1, 6)
        grid.setColumnStretch(5, 1)

        self.shortage_label = QLabel("", self)
        self.shortage_label.setWordWrap(True)
        self.shortage_label.setStyleSheet(
            f"background: {style.WARN_BG}; border: 1px solid {style.WARN_BORDER}; border-radius: 4px;"
            f" color: {style.WARN_INK}; padding: 6px 10px;")
        self.shortage_label.hide()

        # time, variants, answer sheet, seed -------------------------------------------------------
        self.minutes = QSpinBox(self)
        self.minutes.setRange(10, 300)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" 分钟")
        self.minutes.setValue(records_ops.paper_minutes_now(ctx))
        self.only_a = QRadioButton("只出 A 卷", self)
        self.a_and_b = QRadioButton("A 卷和 B 卷", self)
        self.a_and_b.setToolTip("题目相同，题序和选项顺序不同，相邻座位发不同的卷子，防止抄袭")
        self.variant_group = QButtonGroup(self)
        self.variant_group.addButton(self.only_a)
        self.variant_group.addButton(self.a_and_b)
        self.a_and_b.setChecked(True)
        self.answer_sheets = QCheckBox("每卷后附答题卡", self)
        self.answer_sheets.setChecked(True)
        self.answer_sheets.setToolTip("答题卡单独成页，可与试卷分开复印、收卷后集中阅卷")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, MAX_SEED)
        self.seed.setValue(random.randint(1, MAX_SEED))
        self.seed.setToolTip("同一个编号总是组出同一份试卷，记下它，以后可以原样重印")
        self.reseed_button = QPushButton("换一套题", self)
        self.reseed_button.setToolTip("换一个编号，重新抽题")
        self.reseed_button.clicked.connect(lambda: self.seed.setValue(random.randint(1, MAX_SEED)))

        options = QGridLayout()
        options.setHorizontalSpacing(10)
        options.setVerticalSpacing(8)
        options.addWidget(QLabel("答题时间：", self), 0, 0)
        options.addWidget(self.minutes, 0, 1)
        options.addWidget(QLabel("试卷：", self), 1, 0)
        variants = QHBoxLayout()
        variants.addWidget(self.only_a)
        variants.addSpacing(12)
        variants.addWidget(self.a_and_b)
        variants.addSpacing(24)
        variants.addWidget(self.answer_sheets)
        variants.addStretch(1)
        options.addLayout(variants, 1, 1, 1, 3)
        options.addWidget(QLabel("试卷编号：", self), 2, 0)
        options.addWidget(self.seed, 2, 1)
        options.addWidget(self.reseed_button, 2, 2)
        options.addWidget(muted_label("同一编号总能重印出同一份试卷和答案", self), 2, 3)
        options.setColumnStretch(3, 1)

        self.error_label = QLabel("", self)
        self.error_label.setObjectName("paperError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_INK};")
        self.error_label.hide()

        self.defaults_button = QPushButton("恢复默认题量", self)
        self.defaults_button.clicked.connect(self.reset_blueprint)
        self.cancel_button = QPushButton("取消", self)
        self.cancel_button.clicked.connect(self.reject)
        self.build_button = primary(QPushButton("生成并预览", self))
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(lambda: self.build())
        buttons = QHBoxLayout()
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.build_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(doc_row)
        # a document with nothing approved: say why the grid is empty and lead to the review
        self.hint = ReviewHint(ctx, self, what="组卷")
        layout.addWidget(self.hint)
        layout.addWidget(grid_frame)
        layout.addWidget(self.shortage_label)
        layout.addLayout(options)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.document_combo.currentIndexChanged.connect(lambda _i: self._load_available())
        if document_id is not None:
            index = self.document_combo.findData(document_id)
            if index >= 0:
                self.document_combo.setCurrentIndex(index)
        self._load_available()
        self.resize(720, 600)

    # state -------------------------------------------------------------------------------------
    @property
    def document_id(self) -> int | None:
        data = self.document_combo.currentData()
        return int(data) if data is not None else None

    def blueprint(self) -> tuple[tuple[str, int, float], ...]:
        """(type, count, points) in the paper's part order, as the service takes it."""
        return tuple((t, r.count.value(), float(r.points.value())) for t, r in self.rows.items())

    def request(self) -> PaperRequest | None:
        doc = self.document_id
        if doc is None:
            return None
        variants = ("A",) if self.only_a.isChecked() else ("A", "B")
        return PaperRequest(doc, self.blueprint(), self.minutes.value(), variants, self.seed.value(),
                            self.answer_sheets.isChecked())

    def reset_blueprint(self) -> None:
        for row in self.rows.values():
            row.reset()

    def _load_available(self) -> None:
        """Approved counts of the chosen document, read on the worker (组卷 waits for them:
        the newest request wins)."""
        self._show_error("")
        doc = self.document_id
        self.hint.set_document(doc)
        if doc is None:
            self._counting = None
            self._show_available({})
            self._show_error("文件库中还没有文件。请先导入一份文件，并在题库中审核试题。")
            return
        token = self._counting = object()

        def arrived(counts: dict[str, int]) -> None:
            if token is self._counting:
                self._counting = None
                self._show_available(counts)

        def refused(exc: BaseException) -> None:
            if token is self._counting:
                self._counting = None
                self._show_available({})
                self._show_error(getattr(exc, "message", str(exc)))

        self._update_totals()  # (组卷 waits while the counts are read)
        records_ops.available_counts(self, doc, arrived).failure(refused).run()

    def _show_available(self, counts: dict[str, int]) -> None:
        self.available = counts
        for qtype, row in self.rows.items():
            n = self.available.get(qtype, 0)
            row.available.setText(f"{n} 道")
            row.available.setStyleSheet("" if n else f"color: {style.MUTED};")
        self._update_totals()
        self.countsShown.emit()

    def _update_totals(self) -> None:
        """Subtotals, the planned total and what a short bank will do to it."""
        count, total, short = 0, 0.0, []
        for qtype, row in self.rows.items():
            n, points = row.count.value(), row.points.value()
            have = self.available.get(qtype, 0)
            count += n
            total += n * points
            row.subtotal.setText(f"{fmt_score(n * points)} 分" if n else "—")
            row.points.setEnabled(n > 0)
            if n and have < n:
                row.note.setText("没有可用试题" if have == 0 else f"只有 {have} 道，全部选用")
                row.note.setStyleSheet(f"color: {ERROR_INK};")
                short.append(TYPE_TITLES[qtype])
            else:
                row.note.setText("")
        self.total_label.setText(f"合计 {count} 题，满分 {fmt_score(total)} 分")
        usable = sum(self.available.get(t, 0) for t, r in self.rows.items() if r.count.value())
        if short and usable:
            self.shortage_label.setText(
                f"{'、'.join(short)}的已审核试题不够。差的分数由判断题、单选题等其他题型补足到 "
                f"{fmt_score(total)} 分；也可以在题库中多审核一些试题后再组卷。")
            self.shortage_label.show()
        else:
            self.shortage_label.hide()
        self.build_button.setEnabled(count > 0 and self.document_id is not None and self._task is None
                                     and self._counting is None)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # building ------------------------------------------------------------------------------------
    def build(self) -> Task | None:
        """Make the selection on the worker; the previews then render the two PDFs from it."""
        request = self.request()
        if request is None or self._task is not None:
            return None
        self._show_error("")
        self.build_button.setEnabled(False)
        self.build_button.setText("正在组卷…")
        self._task = records_ops.make_papers(
            self, request.document_id, request.seed, request.variants, request.minutes, request.blueprint,
            lambda made: self._made(request, made)).failure(self._build_failed).run()
        return self._task

    def _build_failed(self, exc: BaseException) -> None:
        self._task = None
        self.build_button.setText("生成并预览")
        self._update_totals()
        if isinstance(exc, UserError):
            self._show_error(exc.message)
        report_failure(self, TITLE, exc)
        self.failed.emit(getattr(exc, "message", str(exc)))

    def _made(self, request: PaperRequest, made: list[Paper]) -> None:
        """Open the 试卷 and 参考答案 previews beside the window the dialog came from."""
        self._task = None
        self.build_button.setText("生成并预览")
        self.papers = list(made)
        sheets = request.answer_sheets
        title = self.document_combo.currentData(Qt.ItemDataRole.ToolTipRole) or ""
        stem = _file_stem(str(title), request)
        paper_title = "试卷和答题卡" if sheets else "试卷"
        paper_pdf, key_pdf = records_ops.paper_builders(self.ctx, made, sheets)
        self.paper_preview = self._preview(paper_title, paper_pdf, f"试卷-{stem}")
        self.key_preview = self._preview("参考答案", key_pdf, f"参考答案-{stem}")
        first = made[0]
        summary = (f"已组卷：{len(first.questions)} 题，满分 {fmt_score(first.total)} 分，"
                   f"{'、'.join(p.variant + '卷' for p in made)}，试卷编号 {request.seed}")
        for preview in (self.paper_preview, self.key_preview):
            preview.status.setText(summary)
        self._offset_key_preview()
        log.info("paper dialog: %s", summary)
        self.built.emit(self.paper_preview, self.key_preview)
        self.accept()

    def _preview(self, title: str, build: Builder, stem: str) -> PdfPreviewDialog:
        """A preview owned by the window the dialog came from (the dialog itself is about to go)."""
        host = self.parentWidget()
        if host is not None:
            return open_preview(host, self.runner, title, build, file_stem=stem, ctx=self.ctx)
        dialog = PdfPreviewDialog(self.runner, title, build, file_stem=stem)
        dialog.show()
        return dialog

    def _offset_key_preview(self) -> None:
        """The key opens a little down and right of the paper, so both windows can be seen."""
        if self.paper_preview is None or self.key_preview is None:
            return
        geo = self.paper_preview.geometry()
        self.key_preview.move(geo.x() + 40, geo.y() + 40)

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
        super().reject()


def _file_stem(title: str, request: PaperRequest) -> str:
    """A file name a clerk recognises: short title, variants and the seed to reprint it."""
    short = _UNSAFE.sub("", title)[:24] or f"文件{request.document_id}"
    return f"{short}-{''.join(request.variants)}卷-{request.seed}"


def open_paper_dialog(
    parent: QWidget, ctx: AppContext, runner: TaskRunner, document_id: int | None = None
) -> PaperDialog:
    """Show the 组卷 dialog window-modal (open(), not exec(): the runner's callbacks keep flowing)."""
    dialog = PaperDialog(ctx, runner, document_id, parent)
    dialog.open()
    return dialog
