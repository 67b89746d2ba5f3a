"""Score statistics as printed under a 成绩登记表, and the item analysis."""

from __future__ import annotations

import pytest

from studyapp.core.stats import distribution, fmt_score, item_analysis, ranks, score_stats


def test_basic_statistics_skip_absent():
    s = score_stats([95, 88, 88, 59, None])
    assert s.count == 4
    assert s.mean == pytest.approx(82.5)
    assert (s.highest, s.lowest) == (95, 59)
    assert s.pass_count == 3 and s.pass_rate == pytest.approx(0.75)
    assert s.excellent_count == 3 and s.excellent_rate == pytest.approx(0.75)


def test_thresholds_are_parameters_and_scale_with_full_marks():
    s = score_stats([30, 45, 50], full_marks=50, pass_ratio=0.6, excellent_ratio=0.9)
    assert s.pass_line == 30 and s.excellent_line == 45
    assert s.pass_count == 3 and s.excellent_count == 2


def test_nobody_sat():
    s = score_stats([None, None])
    assert s.count == 0 and s.mean is None and s.pass_rate == 0
    assert fmt_score(s.mean) == "—"


def test_bands_at_their_edges():
    bands = distribution([59.5, 60, 69, 70, 89.9, 90, 100])
    assert [b.label for b in bands] == ["60分以下", "60–69", "70–79", "80–89", "90–100"]
    assert [b.count for b in bands] == [1, 2, 1, 1, 2]


def test_bands_scaled_for_other_full_marks():
    bands = distribution([29, 30, 44.5, 45, 50], full_marks=50)  # edges 30/35/40/45
    assert [b.count for b in bands] == [1, 1, 0, 1, 2]
    assert bands[0].label == "30分以下"


def test_ranks_with_ties():
    assert ranks([90, 85, 85, 70]) == [1, 2, 2, 4]
    assert ranks([70, None, 90, 90]) == [3, None, 1, 1]


def test_fmt_score():
    assert fmt_score(86.0) == "86" and fmt_score(86.25) == "86.3" and fmt_score(82.5) == "82.5"
    assert fmt_score(100) == "100" and fmt_score(0) == "0" and fmt_score(0.05) == "0.1"


def test_item_analysis_flags_negative_and_low_discrimination():
    # 10 people, strongest first; item 0 tracks ability, item 1 is answered by the weak only,
    # item 2 by everyone.
    answers = []
    for p in range(10):
        strong = p < 5
        answers.append([strong, not strong, True])
    totals = [100 - 5 * p for p in range(10)]
    stats = item_analysis(answers, totals)
    good, bad, easy = stats
    assert good.discrimination == pytest.approx(1.0) and not good.flags
    assert bad.discrimination == pytest.approx(-1.0) and "负区分度，请复核" in bad.flags
    assert easy.correct_rate == 1.0 and easy.discrimination == 0 and "区分度低" in easy.flags
    assert good.label == "第1题"


def test_item_analysis_groups_are_27_percent():
    answers = [[1]] * 7 + [[0]] * 93  # the top 7 of 100 got it right
    totals = list(range(100, 0, -1))
    [item] = item_analysis(answers, totals)
    assert item.upper_rate == pytest.approx(7 / 27)
    assert item.lower_rate == 0


def test_item_analysis_small_group_is_not_judged():
    [item] = item_analysis([[1], [0], [1]], [3, 1, 2])
    assert item.discrimination is None and not item.flags
    assert item.correct_rate == pytest.approx(2 / 3)


def test_percentages_are_rounded_one_way_everywhere() -> None:
    from studyapp.core.stats import fmt_percent

    # half up, as people round by hand — not Python's round-half-even (round(0.125*100) == 12)
    assert fmt_percent(0.125, 0) == "13%" and fmt_percent(0.0625) == "6.3%"
    assert fmt_percent(0.478) == "47.8%" and fmt_percent(1.0) == "100%" and fmt_percent(None) == "—"
    assert fmt_percent(2 / 3) == "66.7%" and fmt_percent(0.845, 0) == "85%"
