"""知识竞赛成绩: the final ranking of a contest, filed with the session's record.

Same page furniture as the other forms (unit header, 第 N 页 共 M 页, the office grid), so the
ranking sits in the session's folder like the 成绩登记表 beside it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from studyapp.core.stats import fmt_score
from studyapp.reports.forms import base
from studyapp.reports.forms.data import cn_date

log = logging.getLogger("studyapp.reports")

COL_WIDTHS = [16 * mm, 34 * mm, 70 * mm, 22 * mm, 14 * mm, 14 * mm]
HEADER = ["名次", "参赛队", "队员", "得分", "答对", "答错"]
HEADER_INDIVIDUAL = ["名次", "姓名", "单位", "得分", "答对", "答错"]


@dataclass(frozen=True)
class ContestRow:
    rank: int
    name: str
    members: str
    score: float
    right: int
    wrong: int


@dataclass(frozen=True)
class ContestSheetData:
    """Plain data of the printed ranking (the service fills it from the run's replayed events)."""

    unit: str
    title: str  # the contest's subject, e.g. 《……》知识竞赛
    date: dt.date | None = None
    place: str = ""
    host: str = ""
    base_score: float = 100.0
    question_count: int = 0
    individual: bool = False
    rows: tuple[ContestRow, ...] = field(default_factory=tuple)


def contest_story(data: ContestSheetData) -> list:
    st = base.styles()
    story: list = [base.Title("知识竞赛成绩")]
    if data.title:
        story.append(Paragraph(base.esc(data.title), st.subtitle))
    story.append(base.info_table([
        ("时间", cn_date(data.date, "")), ("地点", data.place),
        ("主持人", data.host), ("基础分", f"{fmt_score(data.base_score)} 分"),
    ]))
    story.append(Spacer(1, 3 * mm))
    rows: list[list] = [list(HEADER_INDIVIDUAL if data.individual else HEADER)]
    for r in data.rows:
        rows.append([
            f"第{r.rank}名", base.cell(r.name, COL_WIDTHS[1], st.cell_center),
            base.cell(r.members, COL_WIDTHS[2]), fmt_score(r.score), str(r.right), str(r.wrong),
        ])
    table = Table(rows, colWidths=COL_WIDTHS, minRowHeights=[8 * mm] + [9 * mm] * len(data.rows),
                  repeatRows=1, hAlign="CENTER")
    table.setStyle(base.grid_style(extra=[("ALIGN", (2, 1), (2, -1), "LEFT")]))
    story.append(table)
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(
        f"共 {len(data.rows)} {'人' if data.individual else '队'}参赛，出题 {data.question_count} 道；"
        "名次按得分排列，得分相同名次相同。", st.field))
    story.append(Spacer(1, 10 * mm))
    story.append(base.signature_line(["记分员签字", "主持人签字"]))
    return story


def build_contest_ranking(data: ContestSheetData) -> bytes:
    """知识竞赛成绩 as PDF bytes: title, subject, 时间/地点/主持人/基础分, the ranking grid, signatures."""
    pdf = base.render(contest_story(data), data.unit, "知识竞赛成绩")
    log.debug("contest ranking: %d rows, %d bytes", len(data.rows), len(pdf))
    return pdf
