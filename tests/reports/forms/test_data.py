"""The plain data the forms print: dates in Chinese or a blank to fill in, 应到 from the rows
unless given, 单位 and 职务 in one cell, total hours of a personal archive."""

from __future__ import annotations

from datetime import date

from studyapp.reports.forms.data import ArchiveEntry, PersonalArchiveData, SigninData, SigninRow, cn_date


def test_cn_date_or_a_blank_to_fill_in() -> None:
    assert cn_date(date(2015, 4, 15)) == "2015年4月15日"
    assert cn_date(None) == "    年    月    日"
    assert cn_date(None, blank="") == ""


def test_unit_and_post_share_a_cell_without_a_stray_separator() -> None:
    assert SigninRow("王德伦", "乡党委", "书记").unit_post == "乡党委　书记"
    assert SigninRow("王德伦", "乡党委").unit_post == "乡党委"
    assert SigninRow("王德伦", post="书记").unit_post == "书记"


def test_expected_defaults_to_the_rows_unless_given() -> None:
    rows = [SigninRow("王德伦"), SigninRow("李红梅")]
    assert SigninData("乡党委", "集中学习", rows=rows).expected_count == 2
    assert SigninData("乡党委", "集中学习", rows=rows, expected=5).expected_count == 5
    assert SigninData("乡党委", "集中学习", rows=rows, expected=0).expected_count == 0


def test_a_personal_archive_adds_up_its_hours() -> None:
    entries = [ArchiveEntry(date(2025, 3, 3), "集中学习", "依法治市", 2.5), ArchiveEntry(None, "自学", "条例", 1),
               ArchiveEntry(date(2025, 5, 6), "集中学习", "缺席的一次")]
    assert PersonalArchiveData("乡党委", 2025, "王德伦", entries=entries).total_hours == 3.5
    assert PersonalArchiveData("乡党委", 2025, "王德伦").total_hours == 0
