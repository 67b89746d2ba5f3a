"""Excel versions of the table forms (签到表, 成绩登记表), for offices that edit before printing.

Same columns and statistics as the PDFs; A4 portrait, fit to one page wide, the header row
repeated on every printed page and 第 &P 页 共 &N 页 in the footer, so printing from Excel or WPS
gives the same paper.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from studyapp.core.stats import fmt_score, ranks, score_stats
from studyapp.reports.forms.data import ScoreSheetData, SigninData, cn_date

log = logging.getLogger("studyapp.reports")

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="E6E6E6")
_FONT = "宋体"
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def _setup(ws: Worksheet, unit: str, title: str, widths: Sequence[float], header_row: int) -> None:
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = 0.8
    ws.page_margins.bottom = 0.7
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddHeader.left.text = unit
    ws.oddHeader.right.text = title
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def put(ws: Worksheet, row: int, column: int, value):  # noqa: ANN001, ANN201 - a cell value
    """Write a value the way every exported sheet must: text stays text (a name such as
    「=HYPERLINK(…)」 or 「@SUM(1)」 is never a live formula — OWASP's CSV-injection advice for
    = + - @ tab and CR, carried out by storing the cell as a string), and characters no
    spreadsheet can hold (BEL, ESC, NUL…) are dropped instead of crashing the export."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    c = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        c.data_type = "s"
    return c


def _title(ws: Worksheet, row: int, text: str, ncols: int, size: int = 18) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    c = put(ws, row, 1, text)
    c.font = Font(name=_FONT, size=size, bold=True)
    c.alignment = _CENTER
    ws.row_dimensions[row].height = size * 1.8


def _line(ws: Worksheet, row: int, text: str, ncols: int, center: bool = False) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    c = put(ws, row, 1, text)
    c.font = Font(name=_FONT, size=11)
    c.alignment = _CENTER if center else _LEFT
    ws.row_dimensions[row].height = 20


def _table(ws: Worksheet, top: int, header: Sequence[str], rows: Sequence[Sequence], height: float,
           left_cols: Sequence[int] = ()) -> int:
    """Write a bordered grid from row `top`; returns the next free row."""
    for j, h in enumerate(header, start=1):
        c = ws.cell(row=top, column=j, value=h)
        c.font = Font(name=_FONT, size=11, bold=True)
        c.fill = _HEAD_FILL
        c.alignment = _CENTER
        c.border = _BORDER
    ws.row_dimensions[top].height = 22
    r = top
    for r, values in enumerate(rows, start=top + 1):
        for j, v in enumerate(values, start=1):
            c = put(ws, r, j, v)
            c.font = Font(name=_FONT, size=11)
            c.alignment = _LEFT if j in left_cols else _CENTER
            c.border = _BORDER
        ws.row_dimensions[r].height = height
    return r + 1


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def signin_sheet_xlsx(data: SigninData) -> bytes:
    """签到表 as an .xlsx workbook (one sheet), signature column blank, rows tall for handwriting."""
    wb = Workbook()
    ws = wb.active
    ws.title = "签到表"
    header = ["序号", "姓名", "单位", "职务", "签到", "备注"]  # 单位 and 职务 apart, to sort and filter
    _title(ws, 1, data.title, len(header))
    if data.meeting:
        _line(ws, 2, data.meeting, len(header), center=True)
    when = " ".join(p for p in (cn_date(data.date, ""), data.time) if p)
    _line(ws, 3, f"时间：{when}    地点：{data.place}", len(header))
    _line(ws, 4, f"主持人：{data.host}    领学人：{data.leader}", len(header))
    rows = [[i, p.name, p.unit, p.post, "", p.note if data.archived else ""]
            for i, p in enumerate(data.rows, start=1)]
    rows += [[len(rows) + k + 1, "", "", "", "", ""] for k in range(data.blank_rows)]
    nxt = _table(ws, 5, header, rows, height=30, left_cols=(3, 4, 6))
    from studyapp.reports.forms.signin import foot_line

    _line(ws, nxt + 1, foot_line(data), len(header))
    _setup(ws, data.unit, data.title, [7, 12, 24, 14, 20, 16], header_row=5)
    return _save(wb)


def score_sheet_xlsx(data: ScoreSheetData) -> bytes:
    """成绩登记表 as .xlsx: the score grid with numeric 得分 (so offices can re-sort) and the
    statistics block below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "成绩登记表"
    header = ["序号", "姓名", "单位", "得分", "名次", "备注"]
    scores = [r.score for r in data.rows]
    rank = ranks(scores)
    stats = score_stats(scores, data.full_marks, data.pass_ratio, data.excellent_ratio)
    _title(ws, 1, data.title, len(header))
    _line(ws, 2, data.subject, len(header), center=True)
    _line(
        ws, 3,
        f"测试时间：{cn_date(data.date, '')}    满分：{fmt_score(data.full_marks)} 分    "
        f"及格线：{fmt_score(stats.pass_line)} 分    优秀线：{fmt_score(stats.excellent_line)} 分",
        len(header),
    )
    rows = []
    for i, (row, r) in enumerate(zip(data.rows, rank, strict=False), start=1):
        rows.append([
            i, row.name, row.unit,
            row.score if row.score is not None else "缺考",
            (r if r is not None else "") if data.show_rank else "",
            row.note,
        ])
    nxt = _table(ws, 4, header, rows, height=20, left_cols=(3, 6))
    stat_head = ["应考", "实考", "缺考", "平均分", "最高分", "最低分", "及格率", "优秀率"]
    absent = sum(1 for s in scores if s is None)
    stat_vals = [
        stats.count + absent,
        stats.count,
        absent,
        float(fmt_score(stats.mean)) if stats.mean is not None else "—",  # half up, as printed
        stats.highest if stats.highest is not None else "—",
        stats.lowest if stats.lowest is not None else "—",
        stats.pass_rate,  # numbers, shown as percentages: offices sum and chart them
        stats.excellent_rate,
    ]
    _line(ws, nxt + 1, "成绩统计", len(header))
    stat_row = nxt + 3
    nxt = _table(ws, nxt + 2, stat_head, [stat_vals], height=22)
    for col in (7, 8):
        ws.cell(row=stat_row, column=col).number_format = "0.0%"
    _line(ws, nxt + 1, "分数段分布", len(header))
    band_top = nxt + 2
    band_rows = [[b.label, b.count, (b.count / stats.count) if stats.count else 0] for b in stats.bands]
    _table(ws, band_top, ["分数段", "人数", "占比"], band_rows, height=20)
    for k in range(len(band_rows)):
        ws.cell(row=band_top + 1 + k, column=3).number_format = "0.0%"
    _setup(ws, data.unit, data.title, [7, 12, 30, 10, 9, 22], header_row=4)
    log.debug("score sheet xlsx: %d rows", len(rows))
    return _save(wb)


def audit_xlsx(unit: str, rows: Sequence[Sequence[str]]) -> bytes:
    """操作记录 as a printable sheet: 时间、操作人、类别、操作、对象、改动 (A4 landscape, one page
    wide, the header repeated on every page)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "操作记录"
    heads = ("时间", "操作人", "类别", "操作", "对象", "改动")
    _setup(ws, unit, "操作记录", (18, 8, 8, 14, 40, 30), 3)
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    _title(ws, 1, "操作记录", len(heads))
    _line(ws, 2, f"{unit}　共 {len(rows)} 条" if unit else f"共 {len(rows)} 条", len(heads))
    for c, text in enumerate(heads, 1):
        cell = put(ws, 3, c, text)
        cell.font, cell.fill, cell.border, cell.alignment = Font(name=_FONT, size=11, bold=True), _HEAD_FILL, \
            _BORDER, _CENTER
    for r, row in enumerate(rows, 4):
        for c, text in enumerate(row, 1):
            cell = put(ws, r, c, text)
            cell.font, cell.border, cell.alignment = Font(name=_FONT, size=10), _BORDER, _LEFT
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
