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


def test_a_count_is_a_figure_only_as_a_plans_goal() -> None:
    """「到2020年……发布50项标准；推动建立100家示范企业」: the counts a plan sets as its goals are its
    figures (the 工信部 再制造 plan of round 74 got no question at all without them); a count
    reported as a fact, written in words or below ten is not — 三项制度, 百家争鸣 are names."""
    goal = figures("到2020年，发布50项高端智能再制造标准；推动建立100家示范企业、建成20个服务平台。")
    assert [(f.text, f.unit) for f in goal] == [("50项", "项"), ("100家", "家"), ("20个", "个")]
    assert figures("力争每年新建基层老年学校100所。")[0].text == "100所"
    assert figures("全市现有120家企业参与试点。") == []
    assert figures("到2025年，深化三项制度改革，坚持百家争鸣。") == []
    assert figures("到2025年建成5个示范区。") == []
    assert [f.text for f in figures("应当在3个月内办结。")] == ["3个月"]  # (a time limit as before)


def test_a_goal_count_has_round_rivals_near_it() -> None:
    """A goal count's rivals are the round values a drafter picks among, within twice the key
    (50项 beside 40, 60, 80项 — never 5项 or 500项)."""
    from studyapp.core.questions.numbers import rivals

    [count] = figures("到2020年，发布50项标准。")
    wrong = rivals(count, {}, 3)
    assert len(wrong) == 3 and all(25 <= v <= 101 and v != 50 for v in wrong)
    assert all(v == int(v) and v % 5 == 0 for v in wrong)
    [fine] = figures("处2000元以上的罚款。")
    assert rivals(fine, {}, 3) == []  # (an amount of money draws on the document's own amounts)


def test_round_77_a_tally_of_tasks_is_no_goal_count() -> None:
    """Round 77 (武汉): 「重点推进151项年度目标任务落实落地」 became a false item with 150项 — a tally, not a
    goal (目标任务 is no target), and 150 beside 151 a quibble: counts are round."""
    assert figures("滚动实施三年行动方案，重点推进151项年度目标任务落实落地。") == []
    assert figures("到2025年，力争建成151个示范村。") == []
    assert [f.text for f in figures("到2025年，力争建成150个示范村。")] == ["150个"]


def test_round_77_a_whole_amount_has_no_rival_with_decimals() -> None:
    """Round 77 (济源): 「营业收入（　　）以上的企业」 keyed a whole 亿元 amount beside 42.1亿元 and 68亿元
    copied from figures elsewhere in the document — a tier is round, the decimal one an odd one out."""
    from studyapp.core.questions.numbers import rivals

    [key] = figures("对营业收入50亿元以上的企业给予奖励。")
    assert 42.1 not in rivals(key, {"亿元": {42.1, 33.5, 40.0, 60.0, 30.0}}, 3)


def test_round_81_no_figure_inside_a_word_a_written_out_year_or_a_five_year_plans_name() -> None:
    """Round 81 (湖北): 「统一名录」 gave 一名 (falsified to 「统两名录」), 「到二〇三五年」 was read as 五年
    (二 + 三十五 → 5) and asked with 四年…七年, and 「“十四五”时期是……极不平凡的五年」 falsified to 六年
    — the plan's name says five."""
    from studyapp.core.questions.numbers import figures, to_value

    assert figures("对纳入“妈妈岗”统一名录的用人单位，落实补贴政策。") == []
    assert figures("到二〇三五年，经济实力进入全国前列。") == [] and to_value("二〇三五") == 2035
    assert figures("“十四五”时期是湖北发展史上极不平凡的五年。") == []
    assert [f.text for f in figures("处二万元以上十万元以下罚款。")] == ["二万元", "十万元"]
    assert [f.text for f in figures("每一名干部每年学习不少于一次。")][:1] == ["一名"]


def test_round_83_a_round_percentage_has_no_rival_with_decimals() -> None:
    """Round 83: 「覆盖率达到（　　）以上」 keyed 80% had 93.5% (the enrolment rate elsewhere) beside
    70% and 90% — the only decimal, ruled out at a glance."""
    from studyapp.core.questions.numbers import rivals

    [f] = [g for g in figures("到2025年志愿服务站点在社区综合服务设施中的覆盖率达到80%以上。") if g.unit == "%"]
    wrong = rivals(f, {"%": {70.0, 80.0, 90.0, 93.5}}, 3)
    assert 93.5 not in wrong and len(wrong) == 3, wrong


def test_round_83_no_figure_inside_a_fraction() -> None:
    """Round 83: 「按该层水平投影面积的倍数（建筑层高的1/（　　））计算」 with 3倍 among the options."""
    text = "当层高大于3.6米时，按该层水平投影面积的倍数（建筑层高的1/3倍）计算建筑面积和容积率。"
    assert "3倍" not in [f.text for f in figures(text)]


def test_round_85_a_reports_span_is_no_figure_and_decimal_rivals_stand_apart() -> None:
    """Round 85 (government work reports): 「过去的（　　）」 and 「今后（　　）」 keyed 一年 and 五年; options 39% and 39.1%,
    19.1% / 19.2% / 19.7%, 3.9% beside 4%."""
    from studyapp.core.questions.numbers import rivals

    for text in ("过去的一年，市人民政府认真贯彻落实中央精神。", "今后五年，是全面建设社会主义现代化国家开局起步的关键时期。",
                 "五年来，我们矢志艰苦奋斗、自立自强。"):
        assert not [f for f in figures(text) if f.unit == "年"], text
    [key] = [f for f in figures("科技型中小企业增长39%、高新技术企业增长19.7%。") if f.value == 39]
    wrong = rivals(key, {"%": {37.4, 39.1, 40.0, 19.7, 19.2, 45.0, 30.0}}, 3)
    assert 39.1 not in wrong and 40.0 not in wrong, wrong
    [key] = figures("招商引资实际到位资金增长19.2%。")
    wrong = rivals(key, {"%": {19.1, 19.7, 20.0, 15.0, 25.0, 12.5}}, 3)
    assert not {19.1, 19.7} & set(wrong), wrong


def test_round_86_a_thousands_comma_joins_one_figure() -> None:
    """Round 86 (七五计划): 「五年合计4，376亿元」 blanked as 「4，（　　）」 — the blank split the number."""
    assert not [f for f in figures("五年合计4，376亿元，比六五时期增长一倍。") if f.unit == "亿元"]
    assert [f.text for f in figures("财政收入达到376亿元。")] == ["376亿元"]


def test_round_87_the_base_of_a_rate_a_years_name_and_a_size_band_are_no_figures() -> None:
    """Round 87: 「每____人口托位数4.5个」 keyed 千; 「承上启下的关键（　　）」 keyed 一年 beside 两年, 三年;
    「（　　）企业突破2户」 keyed 100亿元 beside 85亿元 (百亿企业 is a size band)."""
    assert not [f for f in figures("普惠托育达到每千人口托位数4.5个。") if f.value == 1000]
    assert [f.value for f in figures("每千人口执业医师不少于3人，全市新增1000人。")] == [3, 1000]
    assert not figures("今年是实施“十三五”规划承上启下的关键一年。")
    assert not [f for f in figures("新入规工业企业80户，100亿元企业突破2户。") if f.unit == "亿元"]
    assert [f.text for f in figures("全年投资达到100亿元以上。")] == ["100亿元"]


def test_round_88_the_new_year_is_no_figure() -> None:
    """Round 88 (西安 2025): 「新的（　　），政府工作要坚持……」 keyed 一年 beside 两年, 三年, 四年."""
    assert not figures("新的一年，政府工作要坚持以习近平新时代中国特色社会主义思想为指导。")
