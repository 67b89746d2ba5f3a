"""成绩登记表: a session's scores with the statistics block, distribution chart and 试题分析.

Statistics and ranks are worked out here from the rows (core.stats), so the printed figures can
never disagree with the printed scores.
"""

from __future__ import annotations

import logging

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from studyapp.core.stats import ScoreStats, fmt_percent, fmt_score, ranks, score_stats
from studyapp.reports.forms import base
from studyapp.reports.forms.data import ScoreSheetData, cn_date

log = logging.getLogger("studyapp.reports")

# 序号 | 姓名 | 单位 | 得分 | 名次 | 备注
COL_WIDTHS = [12 * mm, 24 * mm, 62 * mm, 20 * mm, 18 * mm, 34 * mm]
HEADER = ["序号", "姓名", "单位", "得分", "名次", "备注"]
BAR_FILL = colors.Color(0.45, 0.45, 0.45)


def percent(rate: float) -> str:
    """0.478 -> 47.8%; whole numbers without decimals (100%)."""
    return fmt_percent(rate)


def _section_heading(text: str) -> Paragraph:
    st = base.styles()
    return Paragraph(f"<font size=12>{base.esc(text)}</font>", st.field)


def _stats_table(stats: ScoreStats, absent: int) -> Table:
    head = ["应考", "实考", "缺考", "平均分", "最高分", "最低分", "及格率", "优秀率"]
    values = [
        f"{stats.count + absent}",
        f"{stats.count}",
        f"{absent}",
        fmt_score(stats.mean),
        fmt_score(stats.highest),
        fmt_score(stats.lowest),
        percent(stats.pass_rate) if stats.count else "—",
        percent(stats.excellent_rate) if stats.count else "—",
    ]
    table = Table([head, values], colWidths=[base.CONTENT_W / 8] * 8, rowHeights=[8 * mm, 9 * mm])
    table.setStyle(base.grid_style())
    return table


def _distribution_chart(stats: ScoreStats, width: float, height: float) -> Drawing:
    """Bar chart of the five bands, drawn as vectors (prints sharp, no image)."""
    font = base.styles().font
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 10 * mm
    chart.width, chart.height = width - 16 * mm, height - 16 * mm
    counts = [b.count for b in stats.bands]
    chart.data = [counts]
    chart.bars[0].fillColor = BAR_FILL
    chart.bars[0].strokeColor = colors.black
    chart.bars[0].strokeWidth = 0.5
    chart.barSpacing = 2
    chart.groupSpacing = 10
    chart.categoryAxis.categoryNames = [b.label for b in stats.bands]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8.5
    chart.categoryAxis.labels.dy = -3
    top = max(counts + [1])
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * (-(-top // step) + (1 if top % step == 0 else 0))
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.8, 0.8, 0.8)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(2 * mm, height - 5 * mm, "人数", fontName=font, fontSize=8))
    return drawing


def _distribution_block(stats: ScoreStats) -> Table:
    """Counts per band on the left, the bar chart on the right."""
    rows = [["分数段", "人数", "占比"]]
    for band in stats.bands:
        share = percent(band.count / stats.count) if stats.count else "—"
        rows.append([band.label, str(band.count), share])
    left = Table(rows, colWidths=[26 * mm, 14 * mm, 18 * mm], rowHeights=[7.5 * mm] * len(rows))
    left.setStyle(base.grid_style())
    chart_w = base.CONTENT_W - 58 * mm - 6 * mm
    chart = _distribution_chart(stats, chart_w, 7.5 * mm * len(rows))
    outer = Table([[left, chart]], colWidths=[58 * mm + 6 * mm, chart_w])
    outer.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return outer


def _items_table(data: ScoreSheetData) -> Table:
    st = base.styles()
    rows = [["题号", "正确率", "高分组正确率", "低分组正确率", "区分度", "说明"]]
    flagged = []
    for item in data.items:
        rows.append(
            [
                item.label,
                percent(item.correct_rate),
                percent(item.upper_rate) if item.upper_rate is not None else "—",
                percent(item.lower_rate) if item.lower_rate is not None else "—",
                f"{item.discrimination:.2f}" if item.discrimination is not None else "—",
                base.cell("；".join(item.flags), 44 * mm, st.small),
            ]
        )
        if item.flags:
            flagged.append(len(rows) - 1)
    widths = [20 * mm, 22 * mm, 28 * mm, 28 * mm, 20 * mm]
    widths.append(base.CONTENT_W - sum(widths))
    table = Table(rows, colWidths=widths, repeatRows=1)
    extra: list[tuple] = [("ALIGN", (5, 1), (5, -1), "LEFT")]
    for r in flagged:
        extra.append(("BACKGROUND", (0, r), (-1, r), colors.Color(0.96, 0.96, 0.96)))
    table.setStyle(base.grid_style(extra=extra))
    return table


def score_story(data: ScoreSheetData) -> list:
    """The flowables of one 成绩登记表 (also used inside the annual archive)."""
    st = base.styles()
    scores = [r.score for r in data.rows]
    stats = score_stats(scores, data.full_marks, data.pass_ratio, data.excellent_ratio)
    rank = ranks(scores)
    absent = sum(1 for s in scores if s is None)

    story: list = [base.Title(data.title)]
    if data.subject:
        story.append(Paragraph(base.esc(data.subject), st.subtitle))
    story.append(
        base.info_table(
            [
                ("测试时间", cn_date(data.date, "")),
                ("满分", f"{fmt_score(data.full_marks)} 分"),
                ("及格线", f"{fmt_score(stats.pass_line)} 分"),
                ("优秀线", f"{fmt_score(stats.excellent_line)} 分"),
            ],
            columns=4,
            widths=[56 * mm, 36 * mm, 39 * mm, 39 * mm],
        )
    )
    story.append(Spacer(1, 3 * mm))

    rows: list[list] = [list(HEADER)]
    for i, (row, r) in enumerate(zip(data.rows, rank, strict=False), start=1):
        rows.append(
            [
                str(i),
                base.name_cell(row.name, COL_WIDTHS[1], st.cell_center),
                base.cell(row.unit, COL_WIDTHS[2]),
                fmt_score(row.score) if row.score is not None else "缺考",
                (str(r) if r is not None else "") if data.show_rank else "",
                base.cell(row.note, COL_WIDTHS[5], st.small),
            ]
        )
    widths = list(COL_WIDTHS)
    if not data.show_rank:  # give the 名次 column's room to 备注
        widths[5] += widths[4]
        widths[4] = 0.01
        rows = [r[:4] + r[5:] for r in rows]
        widths = widths[:4] + widths[5:]
    table = Table(rows, colWidths=widths, minRowHeights=[8 * mm] + [7.5 * mm] * (len(rows) - 1),
                  repeatRows=1, hAlign="CENTER")
    table.setStyle(
        base.grid_style(extra=[("ALIGN", (2, 1), (2, -1), "LEFT"), ("ALIGN", (-1, 1), (-1, -1), "LEFT")])
    )
    story.append(table)

    story.append(Spacer(1, 6 * mm))
    stats_block = [_section_heading("成绩统计"), Spacer(1, 2 * mm), _stats_table(stats, absent)]
    if absent:
        stats_block.append(
            Paragraph(f"注：缺考 {absent} 人，不计入实考人数及各项统计。", st.small)
        )
    story.append(KeepTogether(stats_block))
    if data.show_chart:
        story.append(Spacer(1, 5 * mm))
        story.append(
            KeepTogether([_section_heading("分数段分布"), Spacer(1, 2 * mm), _distribution_block(stats)])
        )
    if data.items:
        story.append(Spacer(1, 6 * mm))
        story.append(CondPageBreak(40 * mm))
        story.append(_section_heading("试题分析"))
        story.append(
            Paragraph(
                "高分组、低分组分别为总分前、后 27% 的人员；区分度 = 高分组正确率 − 低分组正确率，"
                "低于 0.2 或为负值的试题请在题库中复核。",
                st.small,
            )
        )
        story.append(Spacer(1, 2 * mm))
        story.append(_items_table(data))
    story.append(Spacer(1, 8 * mm))
    story.append(base.signature_line(["登记人签字", "审核人签字"]))
    return story


def build_score_sheet(data: ScoreSheetData) -> bytes:
    """成绩登记表 as PDF bytes: scores with ranks (ties 1,2,2,4), statistics, distribution chart
    and, when given, the per-question 试题分析."""
    pdf = base.render(score_story(data), data.unit, data.title)
    log.debug("score sheet: %d rows, %d bytes", len(data.rows), len(pdf))
    return pdf
