"""The 签到表: fields, names and count, page numbers with a repeated header, stroke order, blank
rows, long names on one line."""

from __future__ import annotations

from dataclasses import replace

from studyapp.core.names import order_people
from studyapp.reports.forms import (
    SigninData,
    SigninRow,
    build_signin_sheet,
)
from tests.reports import sample
from tests.reports.conftest import pdf_pages, pdfminer_text


def test_signin_sheet_fields_names_and_count():
    pdf = build_signin_sheet(sample.signin_data())
    pages = pdf_pages(pdf)
    text = "".join(pages)
    for needed in ("签到表", "遵义县龙坑乡人民政府", "中共遵义市委关于全面推进依法治市的实施意见",
                   "2015年4月15日", "乡政府二楼会议室", "主持人：陈志强", "领学人：王德伦",
                   "序号", "姓名", "单位/职务", "签到", "备注"):
        assert needed in text, needed
    for name, _, _ in sample.ROSTER:
        assert name in text, name
    mined = pdfminer_text(pdf)  # the text is real text (ToUnicode), not drawn glyphs
    assert "签到表" in mined and "欧阳丽华" in mined and "应到25人" in mined
    assert "应到25人，实到" in pages[-1]
    assert "应到" not in pages[0] or len(pages) == 1


def test_signin_sheet_page_numbers_and_repeated_header():
    pdf = build_signin_sheet(sample.signin_data())
    pages = pdf_pages(pdf)
    assert len(pages) == 2
    assert "第1页共2页" in pages[0]
    assert "第2页共2页" in pages[1]
    # The grid's header row is repeated on the second page, and the unit heads every page.
    for p in pages:
        assert "序号姓名单位/职务签到备注" in p
        assert "遵义县龙坑乡人民政府" in p


def test_signin_sheet_in_stroke_order():
    data = sample.signin_data()
    ordered = order_people(data.rows, "strokes", roster_key=lambda r: 0)
    pages = pdf_pages(build_signin_sheet(replace(data, rows=ordered)))
    text = "".join(pages)
    text = text[text.index("单位/职务签到备注"):]  # the list itself, not 领学人 above it
    positions = [text.index(r.name) for r in ordered]
    assert positions == sorted(positions)
    # 马 (3 strokes) heads the list, then 王 (4: 横 first); 曾 (12 strokes) comes last.
    assert [r.name for r in ordered[:2]] == ["马永福", "王德伦"]
    assert ordered[-1].name == "曾庆伟"


def test_blank_rows_and_expected_override():
    data = SigninData(unit="某单位", meeting="支部学习", rows=[SigninRow("张三")], blank_rows=3,
                      expected=6)
    text = "".join(pdf_pages(build_signin_sheet(data)))
    assert "张三" in text and "应到6人" in text
    assert "4" in text  # numbered blank lines for walk-ins


def test_a_long_name_is_printed_whole_on_one_line() -> None:
    """Issue 10: 「阿依古丽买/买提」 — a long name wrapped inside its cell. It is set smaller to
    fit instead, with its middle dot."""
    from dataclasses import replace

    from studyapp.reports.forms.data import SigninRow
    from studyapp.reports.forms.signin import build_signin_sheet
    from tests.reports import sample
    from tests.reports.conftest import pdf_pages

    data = sample.signin_data(5)
    long_name = "阿依古丽\u00b7买买提\u00b7艾尼瓦尔"
    data = replace(data, rows=[SigninRow(long_name, "司法所", "干事")] + list(data.rows))
    pages = pdf_pages(build_signin_sheet(data))
    assert "阿依古丽·" in pages[0] and "买买提·艾尼瓦尔" in pages[0]  # broken after a dot only
    short = replace(data, rows=[SigninRow("阿依古丽\u00b7买买提", "司法所", "干事")])
    assert "阿依古丽·买买提" in pdf_pages(build_signin_sheet(short))[0]  # smaller, on one line
