"""The 成绩登记表: statistics, ranks and the item analysis."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from studyapp.reports.forms import (
    ScoreRow,
    ScoreSheetData,
    build_score_sheet,
)
from tests.reports import sample
from tests.reports.conftest import pdf_pages


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
