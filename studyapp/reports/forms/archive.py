"""年度学习记录汇编: a year's sessions in one PDF, bound and filed as the office's archive.

Cover, then an index giving the page of each session's forms, then every session's 学习记录,
签到表 and 成绩登记表. Page numbers in the index are only known after layout, so the document is
laid out twice: the first pass records where each form starts, the second prints those pages.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Table

from studyapp.reports.forms import base
from studyapp.reports.forms.data import AnnualArchiveData, cn_date
from studyapp.reports.forms.record import record_story
from studyapp.reports.forms.scores import score_story
from studyapp.reports.forms.signin import signin_story

log = logging.getLogger("studyapp.reports")

# 序号 | 日期 | 学习方式 | 学习内容 | 学习记录 | 签到表 | 成绩登记表 (page numbers)
INDEX_WIDTHS = [11 * mm, 27 * mm, 20 * mm, 60 * mm, 17 * mm, 17 * mm, 18 * mm]
FORMS = ("学习记录", "签到表", "成绩登记表")


class _PageMark(Flowable):
    """Zero-size marker that notes the page it lands on."""

    def __init__(self, key: tuple[int, str], sink: dict[tuple[int, str], int]) -> None:
        super().__init__()
        self.key = key
        self.sink = sink

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.sink[self.key] = self.canv.getPageNumber()


class _Cover(Flowable):
    """The cover: unit, year and title centred on the page inside a double frame."""

    def __init__(self, data: AnnualArchiveData, sessions: int) -> None:
        super().__init__()
        self.data = data
        self.sessions = sessions

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        font = base.styles().font
        w, h = self.width, self.height
        c.setLineWidth(1.6)
        c.rect(0, 0, w, h)
        c.setLineWidth(0.5)
        c.rect(3 * mm, 3 * mm, w - 6 * mm, h - 6 * mm)

        def centred(text: str, y: float, size: float, bold: bool = False, space: float = 0) -> None:
            c.saveState()
            t = c.beginText()
            t.setFont(font, size)
            t.setCharSpace(space)
            t.setTextRenderMode(2 if bold else 0)
            c.setLineWidth(size * 0.03)
            width = stringWidth(text, font, size) + space * (len(text) - 1)
            t.setTextOrigin((w - width) / 2, y)
            t.textOut(text)
            c.drawText(t)
            c.restoreState()

        centred(self.data.unit, h * 0.72, 20, space=2)
        centred(f"{self.data.year} 年度", h * 0.60, 22, bold=True, space=4)
        centred(self.data.title, h * 0.52, 30, bold=True, space=8)
        centred(f"共 {self.sessions} 次学习", h * 0.30, 14)
        compiled = self.data.compiled_on or date.today()
        centred(f"编制日期：{cn_date(compiled)}", h * 0.25, 14)


def _index(data: AnnualArchiveData, pages: dict[tuple[int, str], int]) -> list:
    st = base.styles()
    rows: list[list] = [["序号", "日期", "学习方式", "学习内容", *FORMS]]
    for i, session in enumerate(data.sessions):
        rec = session.record
        content = rec.document or "；".join(rec.sections) or rec.content_note
        page_cells = []
        for form, present in zip(FORMS, (True, session.signin is not None, session.scores is not None), strict=False):
            page_cells.append(str(pages.get((i, form), "")) if present else "—")
        rows.append(
            [
                str(i + 1),
                cn_date(rec.date, ""),
                base.cell(rec.mode, INDEX_WIDTHS[2], st.cell_center),
                base.cell(content, INDEX_WIDTHS[3], st.small),
                *page_cells,
            ]
        )
    table = Table(rows, colWidths=INDEX_WIDTHS, repeatRows=1,
                  minRowHeights=[8 * mm] + [9 * mm] * (len(rows) - 1))
    table.setStyle(base.grid_style(extra=[("ALIGN", (3, 1), (3, -1), "LEFT"),
                                          ("FONTSIZE", (4, 0), (-1, 0), 9.5)]))
    return [
        base.HeaderMark("目录"),
        base.Title("目 录"),
        Paragraph(f"（{data.year} 年度，共 {len(data.sessions)} 次学习，表中数字为页码）", st.subtitle),
        table,
    ]


def _story(data: AnnualArchiveData, pages: dict[tuple[int, str], int], sink: dict) -> list:
    story: list = [_Cover(data, len(data.sessions)), NextPageTemplate("form"), PageBreak()]
    story += _index(data, pages)
    for i, session in enumerate(data.sessions):
        when = cn_date(session.record.date, "")
        parts: list[tuple[str, Any, Any]] = [("学习记录", record_story, session.record),
                 ("签到表", signin_story, session.signin),
                 ("成绩登记表", score_story, session.scores)]
        for form, make, item in parts:
            if item is None:
                continue
            story += [PageBreak(), base.HeaderMark(f"{form}　{when}".strip()),
                      _PageMark((i, form), sink), *make(item)]
    return story


def build_annual_archive(data: AnnualArchiveData) -> bytes:
    """年度学习记录汇编 as PDF bytes: cover, index with page numbers, each session's forms."""
    first: dict[tuple[int, str], int] = {}
    base.render(_story(data, {}, first), data.unit, data.title, cover=True)
    final: dict[tuple[int, str], int] = {}
    pdf = base.render(_story(data, first, final), data.unit, data.title, cover=True)
    if final != first:  # cannot happen with fixed-height index rows; say so if it ever does
        log.warning("archive index page numbers moved between passes: %s -> %s", first, final)
    log.debug("annual archive %s: %d sessions, %d bytes", data.year, len(data.sessions), len(pdf))
    return pdf
