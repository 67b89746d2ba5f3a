"""Grading: every type and rule, and the folding a cadre's typing needs (width, punctuation)."""

from __future__ import annotations

import pytest

from studyapp.core.grading import (
    MULTIPLE_PARTIAL,
    MULTIPLE_RULE_NAMES,
    PARTIAL_MODE_NAMES,
    PARTIAL_PROPORTIONAL,
    GradingRule,
    answer_text,
    fold,
    grade,
)
from studyapp.core.questions.model import Question

PARTIAL_HALF_RULE = GradingRule(MULTIPLE_PARTIAL)
PARTIAL_PROP_RULE = GradingRule(MULTIPLE_PARTIAL, PARTIAL_PROPORTIONAL)

SINGLE = {"type": "single", "answer": [2]}
MULTI = {"type": "multiple", "answer": [0, 2, 3]}  # 4 points in the tables below
JUDGE_T = {"type": "judge", "answer": True}
JUDGE_F = {"type": "judge", "answer": False}
FILL1 = {"type": "fill", "answer": ["科学发展观"]}
FILL2 = {"type": "fill", "answer": ["科学立法、严格执法", "公正司法"]}
FILL_EN = {"type": "fill", "answer": ["GDP"]}


@pytest.mark.parametrize(
    ("question", "response", "correct", "points"),
    [
        (SINGLE, 2, True, 2),
        (SINGLE, [2], True, 2),
        (SINGLE, 1, False, 0),
        (SINGLE, [1, 2], False, 0),
        (SINGLE, None, False, 0),
        (SINGLE, [], False, 0),
        (JUDGE_T, True, True, 2),
        (JUDGE_T, False, False, 0),
        (JUDGE_F, False, True, 2),
        (JUDGE_F, "错", True, 2),
        (JUDGE_T, None, False, 0),
        (FILL1, ["科学发展观"], True, 2),
        (FILL1, "科学发展观", True, 2),
        (FILL1, [" 科学 发展观。"], True, 2),
        (FILL1, ["“科学发展观”"], True, 2),
        (FILL1, ["科学发展"], False, 0),
        (FILL1, [""], False, 0),
        (FILL2, ["科学立法，严格执法", "公正司法"], True, 2),  # 「，」 for 「、」
        (FILL2, ["科学立法,严格执法", "公正司法；"], True, 2),  # half-width comma, 「；」
        (FILL2, ["科学立法 严格执法", "公正司法"], True, 2),  # a space for 「、」
        (FILL2, ["科学立法、严格执法公正司法"], True, 2),  # all in one field
        (FILL2, ["公正司法", "科学立法、严格执法"], False, 0),  # blanks swapped
        (FILL2, ["科学立法、严格执法", ""], False, 0),
        (FILL_EN, ["ＧＤＰ"], True, 2),  # full-width letters
        (FILL_EN, ["gdp"], True, 2),  # case
    ],
)
def test_single_judge_fill(question, response, correct, points) -> None:
    g = grade(question, response, points=2)
    assert (g.correct, g.points) == (correct, points)


@pytest.mark.parametrize(
    ("rule", "response", "correct", "points", "partial"),
    [
        (GradingRule(), [0, 2, 3], True, 4, False),
        (GradingRule(), [3, 0, 2], True, 4, False),  # order does not matter
        (GradingRule(), [0, 2], False, 0, False),  # 少选: nothing by default
        (GradingRule(), [0, 1, 2, 3], False, 0, False),
        (PARTIAL_HALF_RULE, [0, 2, 3], True, 4, False),
        (PARTIAL_HALF_RULE, [0, 2], False, 2, True),  # 少选得一半分
        (PARTIAL_HALF_RULE, [0], False, 2, True),
        (PARTIAL_HALF_RULE, [0, 1], False, 0, False),  # 错选不得分
        (PARTIAL_HALF_RULE, [0, 1, 2, 3], False, 0, False),
        (PARTIAL_PROP_RULE, [0, 2], False, 2.67, True),  # 2 of 3 keys
        (PARTIAL_PROP_RULE, [3], False, 1.33, True),
        (PARTIAL_PROP_RULE, [1], False, 0, False),
        (PARTIAL_HALF_RULE, [], False, 0, False),
    ],
)
def test_multiple_rules(rule, response, correct, points, partial) -> None:
    g = grade(MULTI, response, rule, points=4)
    assert (g.correct, g.points, g.partial) == (correct, points, partial)


def test_short_answers_are_not_auto_graded() -> None:
    g = grade({"type": "short", "answer": ["要点一", "要点二"]}, "我的回答", points=10)
    assert g.correct is None and g.points == 0 and g.answered and g.fraction is None
    assert not grade({"type": "short", "answer": []}, "  ").answered


def test_core_question_objects_are_graded_too() -> None:
    q = Question(type="single", stem="题干", options=["甲", "乙"], answer=[1])
    assert grade(q, 1).correct and not grade(q, 0).correct


def test_fraction_is_what_the_item_analysis_stores() -> None:
    assert grade(MULTI, [0, 2], PARTIAL_HALF_RULE, points=4).fraction == 0.5
    assert grade(SINGLE, 2).fraction == 1.0 and grade(SINGLE, 0).fraction == 0.0


def test_fold_removes_width_space_punctuation_and_case() -> None:
    assert fold("　Ａｂ，c、 d。“e”") == "abcde"
    assert fold("科学立法、严格执法") == fold("科学立法，严格执法") == fold("科学立法,严格执法")


def test_rules_have_chinese_names_for_the_settings_screen() -> None:
    assert MULTIPLE_RULE_NAMES[MULTIPLE_PARTIAL] == "少选得部分分、错选不得分"
    assert set(PARTIAL_MODE_NAMES) == {"half", "proportional"}
    assert "少选得部分分" in PARTIAL_HALF_RULE.description
    assert GradingRule.from_json(PARTIAL_PROP_RULE.to_json()) == PARTIAL_PROP_RULE
    with pytest.raises(ValueError):
        GradingRule("lenient")


@pytest.mark.parametrize(
    ("qtype", "answer", "text"),
    [("single", [2], "C"), ("multiple", [3, 0], "AD"), ("judge", True, "正确"),
     ("judge", False, "错误"), ("fill", ["甲", "乙"], "甲；乙"), ("single", None, "（未作答）")],
)
def test_answer_text(qtype, answer, text) -> None:
    assert answer_text(qtype, answer) == text


def test_a_blank_on_a_figure_takes_chinese_or_arabic_numerals() -> None:
    from studyapp.core.grading import _fill_right

    assert _fill_right(["十五"], "15") and _fill_right(["15"], "十五") and _fill_right(["一百零五"], ["105"])
    assert not _fill_right(["二十"], "21")
    assert not _fill_right(["统一"], "统1")  # only a figure is folded
