"""学习记录: the bordered record form an office files for every study session.

One grid of label/value cells, like the pre-printed forms in a 学习记录本: the discussion and test
cells keep room for handwriting when they are empty, and split across pages when they are long.
"""

from __future__ import annotations

import logging

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from studyapp.core.stats import fmt_score
from studyapp.reports.forms import base
from studyapp.reports.forms.data import RecordData, cn_date

log = logging.getLogger("studyapp.reports")

LABEL_W = 26 * mm
VALUE_W = (base.CONTENT_W - 2 * LABEL_W) / 2
COL_WIDTHS = [LABEL_W, VALUE_W, LABEL_W, VALUE_W]
LABEL_FILL = base.colors.Color(0.95, 0.95, 0.95)
DISCUSSION_MIN = 95 * mm


def _estimate_height(paragraphs: list[str]) -> float:
    """Rough height of wrapped speeches (one CJK char ≈ one em), to size the blank space after."""
    per_line = max(1, int((VALUE_W + 2 * LABEL_W - 12) // base.BODY_SIZE))
    lines = sum(max(1, -(-len(p) // per_line)) for p in paragraphs)
    return lines * base.styles().cell.leading + len(paragraphs) * 2


def _absences_text(data: RecordData) -> str:
    if not data.absences:
        return "无" if data.expected and data.present >= data.expected else ""
    parts = []
    for a in data.absences:
        detail = "：".join(p for p in (a.status, a.reason) if p)
        parts.append(f"{a.name}（{detail}）" if detail else a.name)
    return "；".join(parts)


def _content_markup(data: RecordData) -> str:
    lines = []
    if data.document:
        lines.append(f"学习文件：{base.esc(data.document)}")
    if data.sections:
        lines.append("学习章节：" + "<br/>".join(base.esc(s) for s in data.sections))
    if data.content_note:
        lines.append(base.multiline(data.content_note))
    return "<br/>".join(lines)


def record_story(data: RecordData) -> list:
    """The flowables of one 学习记录 (also used inside the annual archive)."""
    st = base.styles()
    label = st.label
    value = st.cell

    def lab(text: str) -> Paragraph:
        return Paragraph(base.esc(text).replace("|", "<br/>"), label)

    def val(text: str) -> Paragraph:
        return Paragraph(base.multiline(text), value)

    when = " ".join(p for p in (cn_date(data.date, ""), data.time) if p)
    hours = f"{fmt_score(data.hours)} 学时" if data.hours is not None else ""
    attendance = (
        f"应到 {data.expected} 人，实到 {data.present} 人" if data.expected else "应到\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0人，实到\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0人"
    )
    if data.late:  # present, but noted: 「（其中迟到 1 人：张三）」
        attendance += f"（其中迟到 {len(data.late)} 人：{'、'.join(data.late)}）"
    discussion = data.discussion
    rows = [
        [lab("学习时间"), val(when), lab("学习方式"), val(data.mode)],
        [lab("学习地点"), val(data.place), lab("学　　时"), val(hours)],
        [lab("主 持 人"), val(data.host), lab("领 学 人"), val(data.leader)],
        [lab("记 录 人"), val(data.recorder), lab("出席情况"), val(attendance)],
        [lab("缺席人员|及原因"), val(_absences_text(data)), "", ""],
        [lab("学习内容"), Paragraph(_content_markup(data), value), "", ""],
    ]
    # Long discussions are split paragraph by paragraph into rows so the form can run onto the
    # next page between speakers instead of failing on a cell taller than the page.
    speeches = [s for s in discussion.splitlines() if s.strip()] or [""]
    first_speech = len(rows)
    for s in speeches:
        rows.append([lab("讨论发言摘要") if len(rows) == first_speech else "", val(s), "", ""])
    last_speech = len(rows) - 1
    rows.append([lab("测试情况"), val(data.test_summary), "", ""])

    min_heights = [10 * mm] * 4 + [14 * mm, 30 * mm]
    min_heights += [0] * (last_speech - first_speech + 1)
    # Leave room to add by hand: the discussion block is at least DISCUSSION_MIN tall.
    # (the unit's line above the title takes its height from this block: one page still)
    room = DISCUSSION_MIN - (base.Title.UNIT_SIZE * 1.7 if data.unit else 0)
    min_heights[last_speech] = max(12 * mm, room - _estimate_height(speeches[:-1]))
    min_heights.append(24 * mm)

    n = len(rows)
    extra = [
        ("BOX", (0, 0), (-1, -1), 1.0, base.GRID),
        # close the frame where a long discussion breaks across pages
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 1.0, base.GRID),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 1.0, base.GRID),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, base.GRID),
        ("LINEAFTER", (1, 0), (2, 3), 0.5, base.GRID),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
        ("BACKGROUND", (2, 0), (2, 3), LABEL_FILL),
        ("ALIGN", (1, 0), (1, -1), "LEFT"),
        ("ALIGN", (3, 0), (3, -1), "LEFT"),
        ("LEFTPADDING", (1, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for r in range(4, len(rows)):
        extra.append(("SPAN", (1, r), (3, r)))
        extra.append(("VALIGN", (1, r), (3, r), "TOP"))
    # The speeches look like one cell: no rules between them, the label cell spans them.
    for r in range(n - 1):
        if not first_speech <= r < last_speech:
            extra.append(("LINEBELOW", (0, r), (-1, r), 0.5, base.GRID))
    if last_speech > first_speech:
        # A span cannot break across pages: only join the label cells when the speeches are
        # short enough to stay on one page; otherwise the label heads the first speech.
        if _estimate_height(speeches) < 120 * mm:
            extra.append(("SPAN", (0, first_speech), (0, last_speech)))
        else:
            extra.append(("VALIGN", (0, first_speech), (0, first_speech), "TOP"))
        for r in range(first_speech, last_speech):
            extra.append(("BOTTOMPADDING", (1, r), (3, r), 1))
            extra.append(("TOPPADDING", (1, r + 1), (3, r + 1), 1))
    table = Table(
        rows,
        colWidths=COL_WIDTHS,
        minRowHeights=min_heights,
        hAlign="CENTER",
        splitByRow=1,
    )
    table.setStyle(base.grid_style(header_rows=0, lines=False, extra=extra))
    return [
        base.Title(data.title),
        Spacer(1, 2 * mm),
        table,
        Spacer(1, 8 * mm),
        base.signature_line(["记录人签字", "主持人签字"]),
    ]


def build_study_record(data: RecordData) -> bytes:
    """学习记录 as PDF bytes: the bordered form with 学习时间 … 测试情况 and signature lines."""
    pdf = base.render(record_story(data), data.unit, data.title)
    log.debug("study record: %d bytes", len(pdf))
    return pdf
