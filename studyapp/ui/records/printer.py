"""Printing a form on a real printer: A4, actual size, sharp, off the GUI thread.

The print dialog decides the printer, copies and pages; `job_from_printer` turns that into a
plain PrintJob (core/printjob.py) and `deliver` sends it on the task runner's worker:

- on a CUPS system (Linux, macOS) the PDF itself goes to the queue with `lp` — A4 requested,
  no scaling, the chosen pages, reversed when asked, under the form's name;
- printed to a file, the file is the same PDF cut to the chosen pages (nothing redrawn);
- elsewhere (Windows' GDI printers) each page is drawn at the printer's own resolution,
  1:1 from the paper's corner, in bands so that a 600-dpi page never needs 140 MB, and
  composited on white so that no page carries a transparency mask.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from studyapp.core.model import Cancelled
from studyapp.core.printjob import PrintError, PrintJob, cups_available, select_pages, send_to_cups

log = logging.getLogger("studyapp.ui")

MAX_DPI = 600    # a finer printer gets 600 dpi pages: sharper than the toner, and 4× less data
BAND_ROWS = 512  # rows of a page drawn at once


def printers_installed() -> list[str]:
    """The names of the printers this PC has (empty: none installed)."""
    return list(QPrinterInfo.availablePrinterNames())


def prepare_printer(printer: QPrinter, page_count: int, doc_name: str, landscape: bool = False) -> None:
    """Before the dialog: A4 asked of the printer, no margins of Qt's own (the form has its
    margins), every page offered (「1 到 N」), and the job named after the form."""
    printer.setDocName(doc_name)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setFromTo(1, max(1, page_count))


def job_from_printer(printer: QPrinter, page_count: int, doc_name: str, landscape: bool = False) -> PrintJob:
    """What the dialog decided, as a plain job."""
    ranges: tuple[tuple[int, int], ...] = ()
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        listed = printer.pageRanges().toRangeList()
        if listed:
            ranges = tuple((r.from_, r.to) for r in listed)
        elif printer.fromPage() > 0:
            ranges = ((printer.fromPage(), printer.toPage() or page_count),)
    duplex = {QPrinter.DuplexMode.DuplexLongSide: "long", QPrinter.DuplexMode.DuplexShortSide: "short"}.get(
        printer.duplex(), "")
    return PrintJob(
        page_count=page_count,
        printer=printer.printerName() if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat else "",
        doc_name=doc_name,
        copies=max(1, printer.copyCount()),
        ranges=ranges,
        reverse=printer.pageOrder() == QPrinter.PageOrder.LastPageFirst,
        collate=printer.collateCopies(),
        duplex=duplex,
        grayscale=printer.colorMode() == QPrinter.ColorMode.GrayScale,
        landscape=landscape,
    )


def deliver(printer: QPrinter, pdf: bytes, job: PrintJob, progress=None, cancel=None) -> str:
    """Send the job (on the worker thread); returns the status line for the user.

    Raises PrintError with a Chinese message when nothing could be sent."""
    pages = job.pages()
    if not pages:
        raise PrintError("所选的页码不在这份表格之内，没有打印任何内容。")
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        path = Path(printer.outputFileName())
        data = pdf if pages == list(range(1, job.page_count + 1)) else select_pages(pdf, pages)
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise PrintError(f"无法写入“{path}”：{exc.strerror or exc}。") from None
        return f"已打印到文件：{path}（{len(pages)} 页）"
    if job.printer and cups_available():
        send_to_cups(job, pdf)
        return job.summary()
    sent = raster_print(printer, pdf, pages, progress, cancel)
    if sent == 0:
        raise PrintError("打印机无法启动，没有打印任何内容。请检查打印机是否已连接并开机。")
    return job.summary()


def raster_print(printer: QPrinter, pdf: bytes, pages: list[int], progress=None, cancel=None) -> int:
    """Draw `pages` (1-based, in that order) on the printer at its resolution, actual size."""
    with tempfile.TemporaryDirectory(prefix="studyapp-print-") as tmp:
        path = Path(tmp) / "form.pdf"
        path.write_bytes(pdf)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise PrintError("这份表格无法读入打印程序，没有打印任何内容。")
        try:
            return _paint(printer, document, pages, progress, cancel)
        finally:
            document.close()


def _paint(printer: QPrinter, document: QPdfDocument, pages: list[int], progress, cancel) -> int:
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        log.error("cannot start printing on %s", printer.printerName() or printer.outputFileName())
        return 0
    sent = 0
    try:
        dpi = min(MAX_DPI, max(72, printer.resolution()))
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        scale_device = printer.resolution() / dpi  # device pixels per rendered pixel
        for number in pages:
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            if progress is not None:
                progress(sent, len(pages), f"正在打印第 {number} 页…")
            if sent:
                printer.newPage()
            points = document.pagePointSize(number - 1)
            width, height = round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)
            # actual size; a page larger than the paper (A4 on Letter) is shrunk to fit, never cut
            fit = min(1.0, paper.width() / (width * scale_device), paper.height() / (height * scale_device))
            painter.save()
            painter.scale(scale_device * fit, scale_device * fit)
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(QSize(width, height))
            for top in range(0, height, BAND_ROWS):
                rows = min(BAND_ROWS, height - top)
                options.setScaledClipRect(QRect(0, top, width, rows))
                band = document.render(number - 1, QSize(width, rows), options)
                painter.drawImage(QPoint(0, top), _on_white(band))
            painter.restore()
            sent += 1
    finally:
        painter.end()
    log.info("printed %d page(s) at %d dpi", sent, min(MAX_DPI, printer.resolution()))
    return sent


def _on_white(image: QImage) -> QImage:
    """The rendered band on white paper, without an alpha channel (no mask in the job)."""
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.fill(QColor(Qt.GlobalColor.white))
    p = QPainter(out)
    p.drawImage(0, 0, image)
    p.end()
    return out
