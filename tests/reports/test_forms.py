"""The printed forms: what an office checks on paper is in the PDF text, on the right pages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from studyapp.core.names import order_people
from studyapp.reports.forms import (
    RecordData,
    ScoreRow,
    ScoreSheetData,
    SigninData,
    SigninRow,
    build_annual_archive,
    build_personal_archive,
    build_score_sheet,
    build_signin_sheet,
    build_study_record,
)

from . import sample
from .conftest import pdf_pages, pdfminer_text


def _fonts(pdf: bytes) -> list[dict]:
    import io

    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            found.append(ref.get_object())
    return found


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


def test_font_is_embedded_cjk_truetype_subset():
    pdf = build_signin_sheet(sample.signin_data())
    fonts = _fonts(pdf)
    embedded = []
    for f in fonts:
        name = str(f.get("/BaseFont", ""))
        desc = f.get("/FontDescriptor")
        if desc is None and "/DescendantFonts" in f:
            desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        desc = desc.get_object() if desc is not None else {}
        if "/FontFile2" in desc:
            embedded.append(name)
    assert embedded, "no embedded TrueType font"
    # reportlab subsets are named with a 6-letter tag: ABCDEF+WenQuanYi…
    assert any("+" in n and "wenquanyi" in n.lower().replace(" ", "") for n in embedded), embedded


def test_blank_rows_and_expected_override():
    data = SigninData(unit="某单位", meeting="支部学习", rows=[SigninRow("张三")], blank_rows=3,
                      expected=6)
    text = "".join(pdf_pages(build_signin_sheet(data)))
    assert "张三" in text and "应到6人" in text
    assert "4" in text  # numbered blank lines for walk-ins


def test_study_record_has_every_field():
    text = "".join(pdf_pages(build_study_record(sample.record_data())))
    for needed in ("学习记录", "学习时间", "2015年4月15日", "学习方式", "集中学习", "学习地点",
                   "乡政府二楼会议室", "主持人", "陈志强", "领学人", "王德伦", "记录人", "吴海燕",
                   "应到25人，实到23人", "缺席人员", "郭晓峰（请假：参加县公安局集中轮训）",
                   "邓超（请假：下村开展扶贫走访）", "学习内容", "四、推进公正司法和全民守法",
                   "讨论发言摘要", "乡政府将梳理行政执法事项清单", "测试情况", "平均分84.3分",
                   "记录人签字", "主持人签字", "3学时"):
        assert needed in text, needed


def test_blank_study_record_is_a_fillable_form():
    pages = pdf_pages(build_study_record(RecordData(unit="某某村党支部")))
    assert len(pages) == 1
    for needed in ("学习时间", "讨论发言摘要", "测试情况", "记录人签字", "第1页共1页"):
        assert needed in pages[0]


def test_long_discussion_runs_onto_a_second_page():
    speech = "张三：" + "要把依法治市的要求落实到每一项具体工作中。" * 12
    data = replace(sample.record_data(), discussion="\n".join([speech] * 12))
    pages = pdf_pages(build_study_record(data))
    assert len(pages) >= 2
    assert "第2页共" in pages[1]
    assert "主持人签字" in pages[-1]


def test_score_sheet_statistics_ranks_and_items():
    data = ScoreSheetData(
        unit="某乡人民政府", subject="依法治市学习测试", date=date(2015, 4, 15),
        rows=[ScoreRow("王德伦", "乡党委", 95), ScoreRow("陈志强", "乡政府", 88),
              ScoreRow("李红梅", "乡党委", 88), ScoreRow("赵明", "乡纪委", 59),
              ScoreRow("郭晓峰", "派出所", None, "请假")],
    )
    text = "".join(pdf_pages(build_score_sheet(data)))
    for needed in ("成绩登记表", "序号姓名单位得分名次备注", "应考", "实考", "平均分", "最高分",
                   "最低分", "及格率", "优秀率", "分数段分布", "缺考"):
        assert needed in text, needed
    # ranks 1, 2, 2, 4 in print order
    assert "王德伦乡党委951" in text
    assert "陈志强乡政府882" in text and "李红梅乡党委882" in text
    assert "赵明乡纪委594" in text
    # 应考 5, 实考 4, 缺考 1, mean 82.5, max 95, min 59, 及格 75%, 优秀 (≥85) 75%
    assert "应考实考缺考平均分最高分最低分及格率优秀率54182.5955975%75%" in text


def test_score_sheet_item_analysis_flags_bad_item():
    text = "".join(pdf_pages(build_score_sheet(sample.score_data())))
    assert "试题分析" in text and "区分度" in text
    assert "第7题" in text and "负区分度，请复核" in text


def test_score_sheet_without_ranks():
    data = replace(sample.score_data(with_items=False), show_rank=False)
    text = "".join(pdf_pages(build_score_sheet(data)))
    assert "名次" not in text and "序号姓名单位得分备注" in text


def test_personal_archive_hours_against_target():
    text = "".join(pdf_pages(build_personal_archive(sample.personal_data())))
    for needed in ("个人学习档案", "2015年度", "王德伦", "党委书记", "2015年4月15日", "集中学习",
                   "学时", "成绩", "88", "合计", "共7次", "全年累计25学时，年度目标32学时，尚差7学时"):
        assert needed in text, needed


def test_annual_archive_cover_index_and_page_numbers():
    pdf = build_annual_archive(sample.archive_data())
    pages = pdf_pages(pdf)
    assert "2015年度" in pages[0] and "学习记录汇编" in pages[0] and "遵义县龙坑乡人民政府" in pages[0]
    assert "第1页" not in pages[0]  # no page furniture on the cover
    assert "目录" in pages[1]
    # Each index row's page numbers point at the pages that hold those forms.
    record_page = next(i for i, p in enumerate(pages) if p.count("学习时间") and "2015年4月15日" in p) + 1
    signin_page = next(i for i, p in enumerate(pages) if "单位/职务签到" in p) + 1
    score_page = next(i for i, p in enumerate(pages) if "序号姓名单位得分名次" in p) + 1
    assert "2015年4月15日集中学习" in pages[1]
    assert f"{record_page}{signin_page}{score_page}" in pages[1]
    second_record = next(i for i, p in enumerate(pages) if "2015年6月30日" in p and "学习时间" in p) + 1
    assert f"{second_record}——" in pages[1]
    total = len(pages)
    assert f"第{total}页共{total}页" in pages[-1]


def test_a_long_name_is_printed_whole_on_one_line() -> None:
    """Issue 10: 「阿依古丽买/买提」 — a long name wrapped inside its cell. It is set smaller to
    fit instead, with its middle dot."""
    from dataclasses import replace

    from studyapp.reports.forms.data import SigninRow
    from studyapp.reports.forms.signin import build_signin_sheet

    from . import sample
    from .conftest import pdf_pages

    data = sample.signin_data(5)
    long_name = "阿依古丽\u00b7买买提\u00b7艾尼瓦尔"
    data = replace(data, rows=[SigninRow(long_name, "司法所", "干事")] + list(data.rows))
    pages = pdf_pages(build_signin_sheet(data))
    assert "阿依古丽·" in pages[0] and "买买提·艾尼瓦尔" in pages[0]  # broken after a dot only
    short = replace(data, rows=[SigninRow("阿依古丽\u00b7买买提", "司法所", "干事")])
    assert "阿依古丽·买买提" in pdf_pages(build_signin_sheet(short))[0]  # smaller, on one line
