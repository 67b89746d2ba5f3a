"""The personal archive: hours against the target."""

from __future__ import annotations

from studyapp.reports.forms import (
    build_personal_archive,
)
from tests.reports import sample
from tests.reports.conftest import pdf_pages


def test_personal_archive_hours_against_target():
    text = "".join(pdf_pages(build_personal_archive(sample.personal_data())))
    for needed in ("个人学习档案", "2015年度", "王德伦", "党委书记", "2015年4月15日", "集中学习",
                   "学时", "成绩", "88", "合计", "共7次", "全年累计25学时，年度目标32学时，尚差7学时"):
        assert needed in text, needed
