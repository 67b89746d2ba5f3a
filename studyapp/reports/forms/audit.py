"""操作记录: the log of changes to the records, printed to be signed and filed.

Same page furniture as the other forms (unit header, 第 N 页 共 M 页, the office grid, the header
row repeated on every page); one row per change: 时间、操作人、类别、操作、对象、改动.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table

from studyapp.reports.forms import base

log = logging.getLogger("studyapp.reports")

HEADER = ["时间", "操作人", "类别", "操作", "对象", "改动"]
COL_WIDTHS = [27 * mm, 13 * mm, 13 * mm, 20 * mm, 53 * mm, 44 * mm]


def build_audit_log(unit: str, rows: Sequence[Sequence[str]], scope: str = "") -> bytes:
    """操作记录 as PDF bytes: `rows` as the window shows them (newest first)."""
    st = base.styles()
    story: list = [base.Title("操作记录")]
    if scope:
        story.append(Paragraph(base.esc(scope), st.subtitle))
    story.append(Spacer(1, 3 * mm))
    table_rows: list[list] = [list(HEADER)]
    for row in rows:
        table_rows.append([base.cell(text, w, st.cell_center if i < 4 else None, pad=4)
                           for i, (text, w) in enumerate(zip(row, COL_WIDTHS, strict=False))])
    if len(table_rows) == 1:
        table_rows.append(["", "", "", "", "没有记录", ""])
    table = Table(table_rows, colWidths=COL_WIDTHS, repeatRows=1, hAlign="CENTER")
    table.setStyle(base.grid_style(extra=[("ALIGN", (4, 1), (5, -1), "LEFT")]))
    story.append(table)
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph(f"共 {len(rows)} 条。本表由学习测评按改动的先后自动记录，改动时写入，不能修改。", st.field))
    story.append(Spacer(1, 10 * mm))
    story.append(base.signature_line(["核对人签字"]))
    pdf = base.render(story, unit, "操作记录")
    log.debug("audit log: %d rows, %d bytes", len(rows), len(pdf))
    return pdf
