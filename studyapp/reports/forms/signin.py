"""签到表: the sign-in sheet passed round the meeting room and filed with the session record."""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from studyapp.reports.forms import base
from studyapp.reports.forms.data import SigninData, cn_date

log = logging.getLogger("studyapp.reports")

# 序号 | 姓名 | 单位/职务 | 签到 | 备注 — the signature column is the widest free space on the row.
COL_WIDTHS = [12 * mm, 24 * mm, 64 * mm, 44 * mm, 26 * mm]
ROW_HEIGHT = 10 * mm  # room for a handwritten signature
HEADER = ["序号", "姓名", "单位/职务", "签到", "备注"]


def signin_story(data: SigninData) -> list:
    """The flowables of one 签到表 (also used inside the annual archive)."""
    st = base.styles()
    story: list = [base.Title(data.title)]
    if data.meeting:
        story.append(Paragraph(base.esc(data.meeting), st.subtitle))
    when = " ".join(p for p in (cn_date(data.date, ""), data.time) if p)
    story.append(
        base.info_table(
            [("时间", when), ("地点", data.place), ("主持人", data.host), ("领学人", data.leader)]
        )
    )
    story.append(Spacer(1, 3 * mm))

    rows: list[list] = [list(HEADER)]
    unit_w = COL_WIDTHS[2]
    for i, person in enumerate(data.rows, start=1):
        rows.append(
            [
                str(i),
                base.name_cell(person.name, COL_WIDTHS[1], st.cell_center),
                base.cell(person.unit_post, unit_w),
                "",
                base.cell(person.note if data.archived else "", COL_WIDTHS[4], st.small),
            ]
        )
    for j in range(data.blank_rows):
        rows.append([str(len(data.rows) + j + 1), "", "", "", ""])
    table = Table(
        rows,
        colWidths=COL_WIDTHS,
        minRowHeights=[8 * mm] + [ROW_HEIGHT] * (len(rows) - 1),
        repeatRows=1,
        hAlign="CENTER",
    )
    table.setStyle(
        base.grid_style(
            extra=[
                ("ALIGN", (2, 1), (2, -1), "LEFT"),
                ("ALIGN", (4, 1), (4, -1), "LEFT"),
                ("FONTSIZE", (4, 1), (4, -1), 9),
            ]
        )
    )
    story.append(table)
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(base.esc(foot_line(data)), st.field))
    return story


def foot_line(data: SigninData) -> str:
    """「应到 7 人，实到 ____ 人。」 to fill in; on the archived copy the count and who was not there."""
    if data.archived and data.present is not None:
        tally = f"（{data.tally}）" if data.tally else ""
        return f"应到 {data.expected_count} 人，实到 {data.present} 人{tally}。"
    return f"应到 {data.expected_count} 人，实到 ________ 人。"


def build_signin_sheet(data: SigninData) -> bytes:
    """签到表 as PDF bytes: title, meeting, 时间/地点/主持人/领学人, a grid with a blank 签到 column
    (tall rows, header repeated on every page) and 应到 N 人，实到 __ 人 at the foot."""
    pdf = base.render(signin_story(data), data.unit, data.title)
    log.debug("signin sheet: %d rows, %d bytes", len(data.rows), len(pdf))
    return pdf
