"""Excel exports of the table forms: Chinese headers, the rows, print setup for A4."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from studyapp.reports.forms import score_sheet_xlsx, signin_sheet_xlsx

from . import sample


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_signin_xlsx():
    ws = _sheet(signin_sheet_xlsx(sample.signin_data()))
    assert ws["A1"].value == "签到表"
    assert [c.value for c in ws[5]] == ["序号", "姓名", "单位/职务", "签到", "备注"]
    assert ws["B6"].value == "王德伦" and ws["D6"].value in (None, "")
    assert ws.max_row >= 5 + 25
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("应到 25 人" in t for t in texts)
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)  # A4
    assert ws.print_title_rows == "$5:$5"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text


def test_score_xlsx_keeps_numbers_and_statistics():
    ws = _sheet(score_sheet_xlsx(sample.score_data()))
    assert [c.value for c in ws[4]] == ["序号", "姓名", "单位", "得分", "名次", "备注"]
    scores = [ws.cell(row=r, column=4).value for r in range(5, 30)]
    assert all(isinstance(v, (int, float)) or v == "缺考" for v in scores)
    values = [c.value for row in ws.iter_rows() for c in row]
    for label in ("参考人数", "平均分", "最高分", "最低分", "及格率", "优秀率", "60分以下"):
        assert label in values
    assert 23 in values  # 参考人数: 25 on the roster, 2 absent
