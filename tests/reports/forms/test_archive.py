"""The annual archive: cover, index and page numbers."""

from __future__ import annotations

from studyapp.reports.forms import (
    build_annual_archive,
)
from tests.reports import sample
from tests.reports.conftest import pdf_pages


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
