"""The 知识竞赛成绩 form: the title and subject, 时间/地点/主持人/基础分, the ranking grid (teams with
their members, or persons with their unit), ties sharing a place as given, the count line, and
the signature lines of the scorer and the host."""

from __future__ import annotations

import datetime as dt

from studyapp.reports.forms.contest import ContestRow, ContestSheetData, build_contest_ranking
from tests.reports.conftest import pdf_pages, pdfminer_text


def _data(**kw) -> ContestSheetData:
    fields = dict(unit="遵义县龙坑乡人民政府", title="《中共遵义市委关于全面推进依法治市的实施意见》知识竞赛",
                  date=dt.date(2015, 4, 15), place="乡政府二楼会议室", host="陈志强", base_score=100,
                  question_count=24,
                  rows=(ContestRow(1, "第一队", "王德伦、李红梅", 160, 7, 1),
                        ContestRow(2, "第二队", "陈志强、王伟", 135.5, 5, 2),
                        ContestRow(2, "第三队", "孙丽、王伟", 135.5, 5, 3)))
    fields.update(kw)
    return ContestSheetData(**fields)  # type: ignore[arg-type]  # (the test's keyword table)


def test_the_ranking_of_teams_with_its_fields_and_signatures() -> None:
    pdf = build_contest_ranking(_data())
    [page] = pdf_pages(pdf)
    for needed in ("知识竞赛成绩", "遵义县龙坑乡人民政府", "依法治市的实施意见》知识竞赛", "2015年4月15日",
                   "乡政府二楼会议室", "陈志强", "100分", "名次参赛队队员得分答对答错",
                   "第1名第一队王德伦、李红梅16071", "第2名第二队陈志强、王伟135.552",
                   "第2名第三队孙丽、王伟135.553", "共3队参赛，出题24道", "记分员签字", "主持人签字",
                   "第1页共1页"):
        assert needed in page, needed
    assert "第一队" in pdfminer_text(pdf)


def test_an_individual_contest_lists_persons_and_their_unit() -> None:
    rows = (ContestRow(1, "王德伦", "乡党委", 130, 3, 0), ContestRow(2, "孙丽", "财政所", 90, 1, 1))
    [page] = pdf_pages(build_contest_ranking(_data(individual=True, rows=rows, base_score=80)))
    assert "名次姓名单位得分答对答错" in page and "参赛队" not in page
    assert "第1名王德伦乡党委13030" in page and "共2人参赛" in page and "80分" in page


def test_a_ranking_without_date_or_rows_still_prints_its_frame() -> None:
    [page] = pdf_pages(build_contest_ranking(_data(date=None, place="", rows=(), question_count=0)))
    assert "知识竞赛成绩" in page and "名次参赛队队员得分答对答错" in page and "共0队参赛，出题0道" in page
