"""Drawing quizzes and practice sets: counts per type, shuffled options with remapped keys,
determinism per seed, and a Chinese message when the scope is short of a type."""

from __future__ import annotations

import pytest

from studyapp.core.blueprint import (
    Blueprint,
    BlueprintItem,
    PaperItem,
    draw_practice,
    draw_quiz,
)
from studyapp.core.grading import GradingRule, grade
from studyapp.core.model import UserError
from studyapp.core.paper import SourceQuestion


def _pool() -> list[SourceQuestion]:
    pool = []
    for i in range(12):
        pool.append(SourceQuestion("single", f"单选{i}", ("甲", "乙", "丙", "丁"), [i % 4],
                                   question_id=100 + i))
    for i in range(4):
        pool.append(SourceQuestion("multiple", f"多选{i}", ("甲", "乙", "丙", "丁", "以上都对"),
                                   [0, 1], question_id=200 + i))
    for i in range(6):
        pool.append(SourceQuestion("judge", f"判断{i}", (), i % 2 == 0, question_id=300 + i))
    return pool


BP = Blueprint(document_id=1, items=(BlueprintItem("judge", 3, 2), BlueprintItem("single", 5, 3),
                                     BlueprintItem("multiple", 2, 4)), time_limit_s=600)


def test_quiz_has_the_counts_and_points_grouped_by_type() -> None:
    items = draw_quiz(_pool(), BP, seed=7)
    assert [i.type for i in items] == ["single"] * 5 + ["multiple"] * 2 + ["judge"] * 3
    assert [i.position for i in items] == list(range(10))
    assert sum(i.points for i in items) == BP.full_marks == 5 * 3 + 2 * 4 + 3 * 2
    assert len({i.question_id for i in items}) == 10


def test_draw_is_deterministic_per_seed_and_survives_json() -> None:
    a = draw_quiz(_pool(), BP, seed=7)
    assert a == draw_quiz(_pool(), BP, seed=7)
    assert a != draw_quiz(_pool(), BP, seed=8)
    assert [PaperItem.from_json(i.to_json()) for i in a] == a
    assert Blueprint.from_json(BP.to_json()) == BP


def test_shuffled_options_keep_the_key_and_pin_catch_alls_last() -> None:
    pool = {q.question_id: q for q in _pool()}
    for seed in range(20):
        for item in draw_quiz(_pool(), BP, seed=seed):
            original = pool[item.question_id]
            if item.type == "judge":
                assert item.answer == original.answer
                continue
            # the remapped key points at the same option texts
            assert sorted(item.options[i] for i in item.answer) == sorted(
                original.options[i] for i in original.answer)
            assert [original.options[o] for o in item.order] == list(item.options)
            if item.type == "multiple":
                assert item.options[-1] == "以上都对"
            # the right response in the shown order is graded right
            assert grade(item, item.answer, GradingRule()).correct
            assert item.original_indexes(item.answer) == sorted(original.answer)


def test_options_are_actually_shuffled_for_some_seed() -> None:
    orders = {draw_quiz(_pool(), BP, seed=s)[0].order for s in range(10)}
    assert len(orders) > 1


def test_short_scope_says_how_many_there_are() -> None:
    bp = Blueprint(document_id=1, items=(BlueprintItem("multiple", 5, 4),
                                         BlueprintItem("fill", 2, 2)), time_limit_s=600)
    with pytest.raises(UserError) as err:
        draw_quiz(_pool(), bp, seed=1)
    msg = err.value.message
    assert "多选题只有 4 道，不够 5 道" in msg and "没有填空题（需要 2 道）" in msg


def test_blueprint_must_have_questions_and_time() -> None:
    with pytest.raises(UserError, match="没有试题"):
        draw_quiz(_pool(), Blueprint(1, (BlueprintItem("single", 0, 2),)), seed=1)
    with pytest.raises(UserError, match="考试时间"):
        draw_quiz(_pool(), Blueprint(1, (BlueprintItem("single", 1, 2),), time_limit_s=0), 1)


def test_practice_takes_what_there_is() -> None:
    items = draw_practice(_pool()[:3], 10, seed=1)
    assert len(items) == 3 and all(i.points == 1 for i in items)
    ordered = draw_practice(_pool(), 4, seed=1, keep_order=True)
    assert [i.question_id for i in ordered] == [100, 101, 102, 103]
