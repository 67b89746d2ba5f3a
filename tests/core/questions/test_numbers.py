"""Figures in a sentence: Chinese numerals as official texts write them, values read back, and a
rival value written the way the sentence writes its figure."""

from __future__ import annotations

import pytest

from studyapp.core.questions.numbers import figures, int_to_cn, to_value, write


@pytest.mark.parametrize("n,text", [(0, "零"), (7, "七"), (10, "十"), (15, "十五"), (24, "二十四"), (105, "一百零五"),
                                    (110, "一百一十"), (1000, "一千"), (2005, "两千零五"), (20000, "两万")])
def test_int_to_cn_writes_numbers_as_official_texts_do(n: int, text: str) -> None:
    assert int_to_cn(n) == text


@pytest.mark.parametrize("n", [1, 9, 11, 20, 99, 101, 119, 360, 999, 1001, 3050, 9999])
def test_int_to_cn_reads_back_as_the_same_number(n: int) -> None:
    """(Below 万: 万 is read as part of the unit, 五万元 → 5 of 万元.)"""
    assert to_value(int_to_cn(n)) == n


def test_to_value_reads_digits_chinese_and_liang() -> None:
    assert to_value("15") == 15.0 and to_value("2.5") == 2.5
    assert to_value("二十四") == 24.0 and to_value("两") == 2.0
    assert to_value("若干") is None


def test_figures_give_place_value_unit_and_script() -> None:
    sentence = "应当在十五日内作出决定，期限为30日。"
    first, second = figures(sentence)
    assert (first.text, first.value, first.unit, first.chinese) == ("十五日", 15.0, "日", True)
    assert sentence[first.start:first.end] == "十五日"
    assert (second.text, second.value, second.chinese) == ("30日", 30.0, False)
    assert figures("没有数字的句子。") == []


def test_a_rival_is_written_like_the_figure_it_replaces() -> None:
    [days] = figures("应当在两个工作日内答复。")
    assert write(3, days) == "三个工作日"
    assert write(2, days) == "两个工作日"  # 两, not 二, before a measure word
    [digits] = figures("期限为30日。")
    assert write(45, digits) == "45日"
