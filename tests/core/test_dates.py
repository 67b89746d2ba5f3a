"""Dates as Chinese documents write them: every office style gives the same day, an impossible
date is passed over for the next one, and text without a date gives None."""

from __future__ import annotations

from datetime import date

import pytest

from studyapp.core.dates import parse_date


@pytest.mark.parametrize("text", ["2015.4.15", "2015年4月15日", "2015-04-15", "2015/4/15", "2015．4．15",
                                  "二〇一五年四月十五日", "会议于2015.4.15上午召开"])
def test_every_office_style_gives_the_same_day(text: str) -> None:
    assert parse_date(text) == date(2015, 4, 15)


def test_chinese_tens_are_read_as_numbers() -> None:
    assert parse_date("二〇一五年十二月三十一日") == date(2015, 12, 31)
    assert parse_date("二〇一五年十月十日") == date(2015, 10, 10)
    assert parse_date("二〇一五年一月二十日") == date(2015, 1, 20)


def test_an_impossible_date_is_passed_over_for_the_next() -> None:
    assert parse_date("2015.2.30 改为 2015.3.1") == date(2015, 3, 1)


@pytest.mark.parametrize("text", ["", "没有日期", "2015年13月1日", "第15条", "二〇一五年二月三十日"])
def test_no_valid_date_is_none(text: str) -> None:
    assert parse_date(text) is None
