"""个人学习档案: one person's study sessions of a year, with 学时 counted against the target.

Offices check each cadre's yearly 学时 (e.g. 32 for party members); the form shows the sessions,
the total and how far it is from the target, so nobody has to add it up by hand.
"""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from studyapp.core.stats import fmt_score
from studyapp.reports.forms import base
from studyapp.reports.forms.data import PersonalArchiveData, cn_date

log = logging.getLogger("studyapp.reports")

# 序号 | 日期 | 学习方式 | 学习内容 | 学时 | 成绩 | 备注
COL_WIDTHS = [11 * mm, 30 * mm, 20 * mm, 60 * mm, 13 * mm, 16 * mm, 20 * mm]
HEADER = ["序号", "日期", "学习方式", "学习内容", "学时", "成绩", "备注"]


def hours_summary(data: PersonalArchiveData) -> str:
    """全年累计 25 学时，年度目标 32 学时，尚差 7 学时。"""
    total = data.total_hours
    text = f"全年累计 {fmt_score(total)} 学时"
    if data.target_hours:
        text += f"，年度目标 {fmt_score(data.target_hours)} 学时，"
        short = data.target_hours - total
        text += f"尚差 {fmt_score(short)} 学时。" if short > 0 else "已完成年度目标。"
    else:
        text += "。"
    return text


def personal_story(data: PersonalArchiveData) -> list:
    st = base.styles()
    story: list = [base.Title(data.title), Paragraph(f"（{data.year} 年度）", st.subtitle)]

    info = Table(
        [
            ["姓　名", data.name, "单　位", base.cell(data.person_unit, 50 * mm), "职　务", data.post],
            [
                "年　度",
                f"{data.year} 年",
                "学时目标",
                f"{fmt_score(data.target_hours)} 学时" if data.target_hours else "—",
                "累计学时",
                f"{fmt_score(data.total_hours)} 学时",
            ],
        ],
        colWidths=[20 * mm, 30 * mm, 20 * mm, 50 * mm, 20 * mm, 30 * mm],
        minRowHeights=[9 * mm, 9 * mm],
    )
    info.setStyle(
        base.grid_style(
            header_rows=0,
            extra=[
                ("BACKGROUND", (0, 0), (0, -1), base.HEADER_FILL),
                ("BACKGROUND", (2, 0), (2, -1), base.HEADER_FILL),
                ("BACKGROUND", (4, 0), (4, -1), base.HEADER_FILL),
            ],
        )
    )
    story += [Spacer(1, 2 * mm), info, Spacer(1, 5 * mm)]

    rows: list[list] = [list(HEADER)]
    for i, e in enumerate(sorted(data.entries, key=lambda e: (e.date is None, e.date)), start=1):
        rows.append(
            [
                str(i),
                cn_date(e.date, ""),
                base.cell(e.mode, COL_WIDTHS[2], st.cell_center),
                base.cell(e.content, COL_WIDTHS[3]),
                fmt_score(e.hours),
                e.score,
                base.cell(e.note, COL_WIDTHS[6], st.small),
            ]
        )
    rows.append(["合计", "", "", f"共 {len(data.entries)} 次", fmt_score(data.total_hours), "", ""])
    table = Table(rows, colWidths=COL_WIDTHS, repeatRows=1,
                  minRowHeights=[8 * mm] + [9 * mm] * (len(rows) - 1))
    table.setStyle(
        base.grid_style(
            extra=[
                ("ALIGN", (3, 1), (3, -2), "LEFT"),
                ("ALIGN", (6, 1), (6, -1), "LEFT"),
                ("SPAN", (0, -1), (2, -1)),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, base.GRID),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 4 * mm),
        Paragraph(base.esc(hours_summary(data)), st.field),
        Spacer(1, 10 * mm),
        base.signature_line(["本人签字", "审核人签字"]),
    ]
    return story


def build_personal_archive(data: PersonalArchiveData) -> bytes:
    """个人学习档案 as PDF bytes: the person's sessions of the year, 学时 total vs target."""
    pdf = base.render(personal_story(data), data.unit, data.title)
    log.debug("personal archive of %s: %d entries", data.name, len(data.entries))
    return pdf
