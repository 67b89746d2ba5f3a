"""Excel exports of the table forms: Chinese headers, the rows, print setup for A4."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from studyapp.reports.forms import score_sheet_xlsx, signin_sheet_xlsx
from tests.reports import sample


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_signin_xlsx():
    ws = _sheet(signin_sheet_xlsx(sample.signin_data()))
    assert ws["A1"].value == "签到表"
    assert [c.value for c in ws[5]] == ["序号", "姓名", "单位", "职务", "签到", "备注"]  # issue 10
    assert ws["B6"].value == "王德伦" and ws["E6"].value in (None, "")
    assert ws["C6"].value == "乡党委" and ws["D6"].value == "党委书记"
    assert ws.max_row >= 5 + 25
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("应到 25 人" in t for t in texts)
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)  # A4
    assert ws.print_title_rows == "$5:$5"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text


def test_score_xlsx_keeps_numbers_and_statistics():
    ws = _sheet(score_sheet_xlsx(sample.score_data()))
    assert [c.value for c in ws[4] if c.value is not None] == ["序号", "姓名", "单位", "得分", "名次", "备注"]
    scores = [ws.cell(row=r, column=4).value for r in range(5, 30)]
    assert all(isinstance(v, (int, float)) or v == "缺考" for v in scores)
    values = [c.value for row in ws.iter_rows() for c in row]
    for label in ("应考", "实考", "缺考", "平均分", "最高分", "最低分", "及格率", "优秀率", "60分以下"):
        assert label in values
    head = next(r for r in ws.iter_rows() if r[0].value == "应考")
    counts = [ws.cell(row=head[0].row + 1, column=c).value for c in (1, 2, 3)]
    assert counts == [25, 23, 2]  # 25 on the roster, 2 absent


def test_score_xlsx_rates_and_shares_are_numbers():
    """Issue 10: rates were text (「100%」) and the bands had no 占比; numbers, shown as %."""
    ws = _sheet(score_sheet_xlsx(sample.score_data()))
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    rate = ws.cell(row=cells["及格率"].row + 1, column=cells["及格率"].column)
    assert isinstance(rate.value, float) and 0 <= rate.value <= 1 and rate.number_format == "0.0%"
    share_head = cells["占比"]
    share = ws.cell(row=share_head.row + 1, column=share_head.column)
    assert isinstance(share.value, (int, float)) and share.number_format == "0.0%"


def test_a_formula_like_name_is_written_as_text():
    """A name or note like 「=HYPERLINK(…)」 never becomes a live formula in the workbook."""
    from dataclasses import replace

    from studyapp.reports.forms.data import SigninRow

    data = sample.signin_data(3)
    data = replace(data, rows=[SigninRow('=HYPERLINK("http://x","点")', "乡党委", "干事")] + list(data.rows))
    ws = _sheet(signin_sheet_xlsx(data))
    cell = ws["B6"]
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"

