"""Shared page furniture for the printed forms: A4 page, header, 第 N 页 共 M 页, grids, styles.

Every form an office files looks the same at the edges (unit name at the top, page count at the
bottom), so that lives here once. The page total is only known after the last page, which is why
the canvas keeps every page's state and draws the footers in a second pass on save.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from studyapp.reports.fonts import register_fonts

log = logging.getLogger("studyapp.reports")

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X

BODY_SIZE = 10.5  # 五号, what office forms use for table text
GRID = colors.black
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
LIGHT_RULE = colors.Color(0.35, 0.35, 0.35)


class Styles:
    """Paragraph styles in the bundled CJK font; created after the font is registered."""

    def __init__(self, font: str) -> None:
        self.font = font
        common = dict(fontName=font, wordWrap="CJK")
        from studyapp.reports.fonts import BODY_FONT_NAME

        # running text (a session's content and speeches, notes) in 仿宋 where the PC has it
        self.body = ParagraphStyle("body", fontSize=BODY_SIZE, leading=16, fontName=BODY_FONT_NAME,
                                   wordWrap="CJK")
        self.cell = ParagraphStyle("cell", fontSize=BODY_SIZE, leading=13.5, **common)
        self.cell_center = ParagraphStyle("cellc", parent=self.cell, alignment=TA_CENTER)
        self.small = ParagraphStyle("small", fontSize=9, leading=12, **common)
        self.subtitle = ParagraphStyle(
            "subtitle", fontSize=12, leading=18, alignment=TA_CENTER, spaceAfter=2 * mm, **common
        )
        self.label = ParagraphStyle("label", parent=self.cell, alignment=TA_CENTER)
        self.field = ParagraphStyle("field", fontSize=11, leading=17, alignment=TA_LEFT, **common)


_styles: Styles | None = None


def styles() -> Styles:
    """The shared styles (registers the font on first use)."""
    global _styles
    font = register_fonts()
    if _styles is None or _styles.font != font:
        _styles = Styles(font)
    return _styles


def esc(text: str) -> str:
    """Escape text for a Paragraph (names like 'A&B 公司' must not break the markup)."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def multiline(text: str) -> str:
    """Paragraph markup keeping the user's line breaks."""
    return "<br/>".join(esc(line) for line in (text or "").splitlines())


def cell(text: str, width: float, style: ParagraphStyle | None = None, pad: float = 8):
    """A plain string when it fits the column, else a wrapping Paragraph.

    Paragraphs are what make long tables slow; most cells (names, numbers) fit on one line, so
    only the long ones pay for wrapping.
    """
    st = style or styles().cell
    text = text or ""
    # a plain string is drawn in the table's font (BODY_SIZE), not in `style`: measure it so,
    # and keep a smaller style's text a Paragraph (备注 in 9 pt ran past its cell's border)
    if "\n" not in text and st.fontSize == BODY_SIZE \
            and stringWidth(text, st.fontName, BODY_SIZE) <= width - pad:
        return text
    if not text:
        return ""
    return Paragraph(multiline(text), st)


def name_cell(name: str, width: float, style: ParagraphStyle | None = None, pad: float = 8):
    """A person's name in a column, never broken inside a part (「阿依古丽买/买提」): set smaller
    until it fits (down to 8 pt); a longer name breaks after its middle dots only, each line
    whole (阿依古丽·/买买提·艾尼瓦尔), as small as its longest line needs."""
    st = style or styles().cell_center
    name = name or ""
    room = width - pad

    def fitting(texts: list[str], floor: float) -> float:
        size = st.fontSize
        while size > floor and max(stringWidth(t, st.fontName, size) for t in texts) > room:
            size -= 0.5
        return size

    size = fitting([name], 8)
    if stringWidth(name, st.fontName, size) <= room:
        if size == st.fontSize:
            return cell(name, width, st, pad)
        lines = [name]
    else:
        parts = [p + "·" for p in name.split("·")]
        parts[-1] = parts[-1][:-1]
        lines = [""]
        for part in parts:  # greedy: as many whole parts on a line as fit at 8 pt
            if lines[-1] and stringWidth(lines[-1] + part, st.fontName, 8) > room:
                lines.append("")
            lines[-1] += part
        size = fitting(lines, 6.5)
    small = ParagraphStyle(f"{st.name}-fit", parent=st, fontSize=size, leading=max(size * 1.25, 8))
    return Paragraph("<br/>".join(esc(line) for line in lines), small)


class HeaderMark(Flowable):
    """Zero-size marker: from here on, the page header names `title` (used in the archive)."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._form_title = self.title


class Title(Flowable):
    """The centred form title, in a heavier weight than the body.

    The bundled font has no bold face, so the glyphs are filled and stroked; short titles are
    spaced out (签 到 表) as printed forms do.
    """

    UNIT_SIZE = 15  # 小三: the issuing unit above the form's name, as offices head their forms

    def __init__(self, text: str, size: float = 20, space_after: float = 3 * mm) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.spaceAfter = space_after
        self.char_space = size * 0.6 if len(text) <= 5 else size * 0.08
        self.unit = ""  # set by render() from the 单位 setting

    def _unit_height(self) -> float:
        return self.UNIT_SIZE * 1.7 if self.unit else 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.size * 1.5 + self._unit_height()

    def draw(self) -> None:
        font = styles().font
        c = self.canv
        if self.unit:
            c.saveState()
            c.setFont(font, self.UNIT_SIZE)
            c.setFillColor(colors.black)
            c.drawCentredString(self.width / 2, self.size * 1.5 + self.UNIT_SIZE * 0.45, self.unit)
            c.restoreState()
        c.saveState()  # the text render mode is graphics state: keep it from leaking to the grid
        width = stringWidth(self.text, font, self.size) + self.char_space * (len(self.text) - 1)
        t = c.beginText()
        t.setFont(font, self.size)
        t.setCharSpace(self.char_space)
        t.setTextRenderMode(2)  # fill + stroke: a pseudo-bold
        c.setLineWidth(self.size * 0.03)
        t.setTextOrigin((self.width - width) / 2, self.size * 0.35)
        t.textOut(self.text)
        c.drawText(t)
        c.restoreState()


class _NumberedCanvas(Canvas):
    """Keeps each page's state and draws 第 N 页 共 M 页 once the total is known."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = True

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()
        self._footer = True

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._footer:
                self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        self.saveState()
        self.setFont(styles().font, 9)
        self.setFillColor(LIGHT_RULE)
        self.drawCentredString(PAGE_W / 2, 11 * mm, f"第 {self._pageNumber} 页 共 {total} 页")
        self.restoreState()


def _draw_header(canv: Canvas, doc: BaseDocTemplate) -> None:
    unit = getattr(doc, "unit", "")
    title = getattr(canv, "_form_title", "") or getattr(doc, "form_title", "")
    font = styles().font
    y = PAGE_H - 15 * mm
    canv.saveState()
    canv.setFont(font, 9)
    canv.setFillColor(LIGHT_RULE)
    canv.drawString(MARGIN_X, y, unit)
    canv.drawRightString(PAGE_W - MARGIN_X, y, title)
    canv.setStrokeColor(LIGHT_RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN_X, y - 2 * mm, PAGE_W - MARGIN_X, y - 2 * mm)
    canv.restoreState()


def _no_furniture(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv._footer = False


def make_doc(buffer: io.BytesIO, unit: str, form_title: str, cover: bool = False):
    """An A4 document whose pages carry the unit header and the page-count footer.

    With `cover`, a first template "cover" without header/footer is available (the archive).
    """
    register_fonts()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=form_title,
        author=unit,
        creator="studyapp 学习测评",
        subject=form_title,
    )
    doc.unit = unit
    doc.form_title = form_title
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = []
    if cover:
        templates.append(PageTemplate("cover", [frame], onPageEnd=_no_furniture))
    templates.append(PageTemplate("form", [frame], onPageEnd=_draw_header))
    doc.addPageTemplates(templates)
    return doc


def render(story: list, unit: str, form_title: str, cover: bool = False, doc_hook=None) -> bytes:
    """Lay out `story` and return the PDF bytes."""
    buffer = io.BytesIO()
    doc = make_doc(buffer, unit, form_title, cover=cover)
    if unit:
        for flowable in story:  # every form's title is headed by the unit that issues it
            if isinstance(flowable, Title) and flowable.text not in ("目 录",):
                flowable.unit = unit
    if doc_hook is not None:
        doc_hook(doc)
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def grid_style(
    header_rows: int = 1, extra: Sequence[tuple] = (), lines: bool = True
) -> TableStyle:
    """The office grid: thin inner lines, heavier outer box, shaded header row(s).

    `lines=False` leaves the rules to `extra` (forms whose cells merge visually).
    """
    font = styles().font
    commands: list[tuple] = [("FONT", (0, 0), (-1, -1), font, BODY_SIZE)]
    if lines:
        commands += [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BOX", (0, 0), (-1, -1), 1.0, GRID)]
    commands += [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 1.0, GRID),
        ]
    commands += list(extra)
    return TableStyle(commands)


def info_table(
    pairs: Sequence[tuple[str, str]], columns: int = 2, widths: Sequence[float] | None = None
) -> Table:
    """Borderless 'label：value' lines under a title (时间、地点、主持人 …), `columns` per row."""
    st = styles()
    cells = [Paragraph(f"{esc(k)}：{esc(v) if v else '&nbsp;' * 12}", st.field) for k, v in pairs]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    if rows and len(rows[-1]) < columns:
        rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=list(widths or [CONTENT_W / columns] * columns), hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def signature_line(labels: Sequence[str], with_date: bool = True) -> Table:
    """记录人签字：______  主持人签字：______  with an optional 日期 line below."""
    st = styles()
    blank = "_" * 14
    cells = [Paragraph(f"{esc(label)}：{blank}", st.field) for label in labels]
    rows = [cells]
    if with_date:
        rows.append([""] * (len(labels) - 1) + [Paragraph("日期：" + "&nbsp;" * 10 + "年" + "&nbsp;" * 6 + "月" + "&nbsp;" * 6 + "日", st.field)])
    table = Table(rows, colWidths=[CONTENT_W / len(labels)] * len(labels))
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                # the signatures and their date are signed together: never split over two pages
                ("NOSPLIT", (0, 0), (-1, -1)),
            ]
        )
    )
    return table
