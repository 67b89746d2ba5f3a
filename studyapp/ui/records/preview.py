"""Print preview inside the app: the real PDF (QtPdf), then 打印…, 另存为 PDF…, 导出 Excel….

The preview shows exactly the PDF that will be filed — the same bytes the CLI writes — so
what a clerk sees is what the printer gets. The PDF is built on the task runner's worker
thread; the dialog opens at once with a short 「正在生成…」 and shows the first page as soon as
the bytes arrive (QPdfDocument loads from memory through a QBuffer, no temporary file).
打印… asks the printer for A4 at actual size and sends the job on the worker (printer.py):
the PDF itself to a CUPS queue, or each page drawn at the printer's resolution elsewhere, so a
PC without a PDF reader can still print.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.printjob import PrintError
from studyapp.ui import style
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.common import ORDER_LABELS, choose_save_path, primary
from studyapp.ui.records.printer import deliver, job_from_printer, prepare_printer, printers_installed
from studyapp.ui.tasks import Task, TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

#: build(order) -> bytes; order is a NameOrder value, or "" for forms without a name list
Builder = Callable[[str], bytes]

ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0)
class PdfPreviewDialog(QDialog):
    """One printed form: page view with navigation and zoom, print, save, Excel.

    `build(order)` runs on the worker; `xlsx(order)` (optional) gives the Excel file of the same
    table. With `orders`, a 名单顺序 choice rebuilds the form in the chosen order.
    """

    loaded = Signal(int)  # page count, each time a PDF is shown
    failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        title: str,
        build: Builder,
        *,
        file_stem: str,
        xlsx: Builder | None = None,
        orders: bool = False,
        order: str = "roster",
        parent: QWidget | None = None,
        ctx=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(f"打印预览 - {title}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.runner = runner
        self.ctx = ctx  # with it, a form without the unit's name offers to fill it in
        self.title = title
        self.file_stem = file_stem
        self._build = build
        self._xlsx = xlsx
        self.pdf_bytes: bytes = b""
        self._buffer: QBuffer | None = None
        self._task: Task | None = None
        self._printer: QPrinter | None = None
        self.last_directory = ""
        self.last_saved: Path | None = None
        self.resize(1100, 720)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(1.0)  # a sheet of A4 as it is, grey desk around it
        self.view.setPageSpacing(14)
        self.view.setStyleSheet(f"QPdfView {{ background: {style.PDF_BACKDROP}; border: none; }}")
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update_page_label())
        self.view.zoomFactorChanged.connect(lambda _z: self._update_zoom_label())

        self.busy = QLabel(f"正在生成{title}…", self)
        self.busy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy.setStyleSheet(f"font-size: 14pt; color: {style.MUTED}; background: {style.PAPER};")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.busy)
        self.stack.addWidget(self.view)

        # toolbar: pages | zoom | order ............................................ actions
        self.prev_button = QPushButton("上一页", self)
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button = QPushButton("下一页", self)
        self.next_button.clicked.connect(self.next_page)
        self.page_label = QLabel("", self)
        self.page_label.setMinimumWidth(130)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = QPushButton("缩小", self)
        self.zoom_out_button.clicked.connect(lambda: self.zoom(-1))
        self.zoom_in_button = QPushButton("放大", self)
        self.zoom_in_button.clicked.connect(lambda: self.zoom(+1))
        self.fit_width_button = QPushButton("适合宽度", self)
        self.fit_width_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button = QPushButton("整页", self)
        self.fit_page_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.zoom_label = QLabel("", self)
        self.zoom_label.setObjectName("muted")
        self.zoom_label.setMinimumWidth(56)

        self.order_combo: QComboBox | None = None
        if orders:
            self.order_combo = QComboBox(self)
            for code, text in ORDER_LABELS:
                self.order_combo.addItem(f"按{text}" if code != "pinyin" else "按姓氏拼音", code)
            index = next((i for i, (c, _t) in enumerate(ORDER_LABELS) if c == order), 0)
            self.order_combo.setCurrentIndex(index)
            self.order_combo.currentIndexChanged.connect(lambda _i: self.rebuild())
            self.order_combo.setToolTip("名单的排列顺序")

        self.print_button = primary(QPushButton("打印…", self))
        self.print_button.clicked.connect(self.print_dialog)
        self.save_button = QPushButton("另存为 PDF…", self)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.excel_button = QPushButton("导出 Excel…", self)
        self.excel_button.clicked.connect(lambda: self.export_excel())
        self.excel_button.setVisible(xlsx is not None)
        close_button = QPushButton("关闭", self)
        close_button.clicked.connect(self.close)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(16)
        for w in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_width_button,
                  self.fit_page_button):
            bar.addWidget(w)
        if self.order_combo is not None:
            bar.addSpacing(16)
            bar.addWidget(self.order_combo)
        bar.addStretch(1)
        # what to do with the form sits at the foot, as in any dialog: the top row alone then
        # fits a 1024-wide screen
        foot = QHBoxLayout()
        foot.setSpacing(6)

        # the unit that heads the form, asked where it shows: 「表头还没有单位名称」 [填写…]
        self.unit_bar = QWidget(self)
        self.unit_bar.setObjectName("unitBar")
        self.unit_bar.setStyleSheet(f"#unitBar {{ background: {style.WARN_BG}; border: 1px solid {style.WARN_BORDER}; }}"
                                    f" #unitBar QLabel {{ color: {style.INK}; }}")
        unit_row = QHBoxLayout(self.unit_bar)
        unit_row.setContentsMargins(10, 4, 6, 4)
        self.unit_label = QLabel("表头还没有填写单位名称（如“某某乡党委”），表格标题上方将空着。", self.unit_bar)
        self.unit_button = QPushButton("填写单位名称…", self.unit_bar)
        self.unit_button.clicked.connect(self.fill_unit)
        self.unit_later = QPushButton("不再提示", self.unit_bar)
        self.unit_later.clicked.connect(self._unit_later)
        self.unit_label.setWordWrap(True)
        unit_row.addWidget(self.unit_label, 1)
        unit_row.addWidget(self.unit_button)
        unit_row.addWidget(self.unit_later)
        self.unit_bar.setVisible(self._needs_unit())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.unit_bar)
        layout.addWidget(self.stack, 1)
        self.status = QLabel("", self)
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        foot.addWidget(self.status, 1)
        for w in (self.print_button, self.save_button, self.excel_button, close_button):
            foot.addWidget(w)
        layout.addLayout(foot)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_dialog)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, self.next_page)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, self.previous_page)
        QShortcut(QKeySequence("Ctrl+="), self, lambda: self.zoom(+1))
        QShortcut(QKeySequence("Ctrl+-"), self, lambda: self.zoom(-1))
        self._set_ready(False)
        self.rebuild()

    # building ----------------------------------------------------------------------------------
    @property
    def order(self) -> str:
        return str(self.order_combo.currentData()) if self.order_combo is not None else ""

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def rebuild(self) -> Task:
        """Build the PDF on the worker; the page view stays until the new bytes arrive."""
        order = self.order
        build = self._build
        if not self.pdf_bytes:
            self.stack.setCurrentWidget(self.busy)
        self._set_ready(False)
        self._task = self.runner.run(
            lambda _progress, _cancel: build(order),
            title=self.title,
            on_success=self._built,
            on_failure=self._failed,
            show_progress=False,
        )
        return self._task

    def _built(self, data: bytes) -> None:
        self._task = None
        self.show_pdf(bytes(data))

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.busy.setText(f"{self.title}未能生成。")
        report_failure(self, self.title, exc)
        self.failed.emit(str(exc))

    def show_pdf(self, data: bytes) -> None:
        """Load PDF bytes into the view (synchronously: a QBuffer is all there)."""
        page = self.view.pageNavigator().currentPage() if self.pdf_bytes else 0
        self.document.close()
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        self._buffer = buffer
        if old is not None:
            old.close()
            old.deleteLater()
        self.pdf_bytes = data
        if self.document.status() != QPdfDocument.Status.Ready:
            log.error("preview of %s: PDF not loadable (%s)", self.title, self.document.error())
            self.busy.setText(f"{self.title}无法显示。")
            self.stack.setCurrentWidget(self.busy)
            return
        self.stack.setCurrentWidget(self.view)
        self.view.pageNavigator().jump(min(page, self.page_count - 1), QPointF(), 0)
        self._set_ready(True)
        self._update_page_label()
        self._update_zoom_label()
        log.info("preview of %s: %d page(s)", self.title, self.page_count)
        self.loaded.emit(self.page_count)

    def _set_ready(self, ready: bool) -> None:
        for b in (self.print_button, self.save_button, self.excel_button, self.prev_button,
                  self.next_button, self.zoom_in_button, self.zoom_out_button,
                  self.fit_width_button, self.fit_page_button):
            b.setEnabled(ready)
        if self.order_combo is not None:
            self.order_combo.setEnabled(ready)

    # navigation and zoom -------------------------------------------------------------------------
    def current_page(self) -> int:
        """0-based page in view."""
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        if self.page_count:
            self.view.pageNavigator().jump(max(0, min(page, self.page_count - 1)), QPointF(), 0)
            self._update_page_label()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def zoom(self, step: int) -> None:
        current = self._effective_zoom()
        if step > 0:
            factor = next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1])
        else:
            factor = next((z for z in reversed(ZOOM_STEPS) if z < current - 0.01), ZOOM_STEPS[0])
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_zoom_label()

    def _effective_zoom(self) -> float:
        """The zoom a fit mode amounts to (page width in view ÷ page width at 100 %)."""
        if not self.page_count:
            return 1.0
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(0)
        at_100 = points.width() / 72 * self.logicalDpiX()
        width = self.view.viewport().width() - 2 * self.view.documentMargins().left()
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView:
            at_100_h = points.height() / 72 * self.logicalDpiY()
            return min(width / at_100, (self.view.viewport().height() - 20) / at_100_h)
        return width / at_100 if at_100 else 1.0

    def _update_page_label(self) -> None:
        total = self.page_count
        if not total:
            self.page_label.setText("")
            return
        page = self.current_page()
        self.page_label.setText(f"第 {page + 1} 页 / 共 {total} 页")
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < total - 1)

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self._effective_zoom() * 100)}%" if self.page_count else "")

    # output --------------------------------------------------------------------------------------
    def _needs_unit(self) -> bool:
        return self.ctx is not None and records_ops.unit_needs_asking_now(self.ctx)

    def fill_unit(self) -> bool:
        """填写单位名称…: store it, then rebuild the form with it in the heading."""
        from studyapp.ui.records.unit import edit_unit

        if self.ctx is None or not edit_unit(self, self.ctx, stored=lambda _name: self.rebuild()):
            return False
        self.unit_bar.hide()
        return True

    def _unit_later(self) -> None:
        if self.ctx is not None:
            records_ops.put_off_unit(self).run()
        self.unit_bar.hide()

    def landscape(self) -> bool:
        size = self.document.pagePointSize(0) if self.page_count else None
        return bool(size is not None and size.width() > size.height())

    def print_to(self, printer: QPrinter) -> Task | None:
        """Send the shown PDF to a configured printer (no dialog) on the worker: what 打印…
        does after the dialog. The status line says what was sent when it is done."""
        if not self.page_count or not self.pdf_bytes:
            return None
        job = job_from_printer(printer, self.page_count, self.file_stem, self.landscape())
        data = self.pdf_bytes
        self._printer = printer  # alive until the worker is done with it

        def work(progress, cancel) -> str:
            return deliver(printer, data, job, progress, cancel)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PrintError):
                self._notify("没有打印")
                QMessageBox.warning(self, "打印", str(exc))
            else:
                report_failure(self, "打印", exc)

        return self.runner.run(work, title="打印", label=f"正在打印{self.title}…",
                               on_success=self._notify, on_failure=failed)

    def print_dialog(self) -> Task | None:
        """Qt's print dialog (Chinese through qtbase_zh_CN) on A4, then print on the worker."""
        if not self.page_count:
            return None
        if not printers_installed():
            box = QMessageBox(QMessageBox.Icon.Information, "打印",
                              "这台电脑没有安装打印机。\n\n可以先“另存为 PDF…”，把文件带到装有打印机的电脑上打印；"
                              "或请技术人员安装打印机后再试。", parent=self)
            save = box.addButton("另存为 PDF…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is save:
                self.save_pdf()
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.page_count, self.file_stem, self.landscape())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"打印{self.title}")
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.print_to(printer)

    def _suggest(self, suffix: str) -> str:
        name = f"{self.file_stem}{suffix}"
        return str(Path(self.last_directory) / name) if self.last_directory else name

    def save_pdf(self, path: Path | None = None) -> Task | None:
        """Write the PDF bytes that are shown, on the worker (a slow network drive or a full disk
        never holds the window); asks for a file name unless one is given. `last_saved` is the
        file written once the task is done."""
        if not self.pdf_bytes:
            return None
        path = path or choose_save_path(self, "另存为 PDF", self._suggest(".pdf"), "PDF 文件 (*.pdf)")
        if path is None:
            return None
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(path.suffix + ".pdf") if path.suffix else path.with_suffix(".pdf")
        data = self.pdf_bytes

        def work(_progress, _cancel) -> Path:
            return records_ops.write_printout(path, data)

        def done(written: Path) -> None:
            self.last_directory = str(written.parent)
            self.last_saved = written
            self._notify(f"已保存：{written}")

        return self.runner.run(work, title="另存为 PDF", label="正在保存 PDF…", on_success=done)

    def export_excel(self, path: Path | None = None) -> Task | None:
        """Build the Excel file of the same table on the worker and write it."""
        if self._xlsx is None:
            return None
        path = path or choose_save_path(self, "导出 Excel", self._suggest(".xlsx"), "Excel 文件 (*.xlsx)")
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        xlsx, order = self._xlsx, self.order

        def work(_progress, _cancel) -> Path:
            return records_ops.write_printout(path, xlsx(order))

        def done(written: Path) -> None:
            self.last_directory = str(written.parent)
            self._notify(f"已导出：{written}")

        return self.runner.run(work, title="导出 Excel", label="正在导出 Excel…", on_success=done)

    def _notify(self, message: str) -> None:
        self.status.setText(message)
        log.info("preview %s: %s", self.title, message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        self.document.close()
        super().closeEvent(event)


def open_preview(
    parent: QWidget,
    runner: TaskRunner,
    title: str,
    build: Builder,
    *,
    file_stem: str,
    xlsx: Builder | None = None,
    orders: bool = False,
    order: str = "roster",
    ctx=None,
) -> PdfPreviewDialog:
    """Open a preview window (non-modal, so the clerk can keep the record open beside it).
    With `ctx`, a form printed before the unit's name is set offers to fill it in."""
    dialog = PdfPreviewDialog(runner, title, build, file_stem=file_stem, xlsx=xlsx, orders=orders,
                              order=order, parent=parent, ctx=ctx)
    top = parent.window()
    if top is not None and top.isVisible():
        geo = top.geometry()
        dialog.resize(min(1100, geo.width() - 40), min(740, geo.height() - 20))
    dialog.show()
    return dialog
