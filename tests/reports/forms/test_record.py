"""The 学习记录 form: every field, a blank fillable form, a long discussion onto a second page."""

from __future__ import annotations

from dataclasses import replace

from studyapp.reports.forms import (
    RecordData,
    build_study_record,
)
from tests.reports import sample
from tests.reports.conftest import pdf_pages


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
