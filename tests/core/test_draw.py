"""Drawing a paper or a quiz: no question gives another away, one wording does not fill a part
(issue 10: 「一题的题干印着另一题的答案」, 「10 道单选题 9 道同一种问法」)."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from studyapp import paths
from studyapp.core.blueprint import Blueprint, BlueprintItem, draw_practice, draw_quiz
from studyapp.core.draw import Drawer, answer_keys, leaks, shown_text, wording
from studyapp.core.paper import SourceQuestion, select_questions
from studyapp.services import bankfile


def _q(qtype: str, stem: str, options=(), answer=None, uid: str = "") -> SourceQuestion:
    return SourceQuestion(type=qtype, stem=stem, options=tuple(options), answer=answer, uid=uid)


def _leaky_pairs(questions) -> list[tuple[str, str]]:
    facts = [(answer_keys(q.type, q.stem, q.options, q.answer), shown_text(q.stem, q.options), q.stem)
             for q in questions]
    return [(a[2], b[2]) for a, b in combinations(facts, 2) if leaks(a[0], a[1], b[0], b[1])]


def test_a_fill_whose_answer_another_stem_prints_is_not_drawn_with_it() -> None:
    fill = _q("fill", "坚持党领导立法、保证执法、____、带头守法。", answer=["支持司法"], uid="f")
    judge = _q("judge", "必须坚持党领导立法、保证执法、支持司法、带头守法。", answer=True, uid="j")
    other = _q("judge", "行政机关行使自由裁量权的，应当在行政决定中说明理由。", answer=True, uid="o")
    for seed in range(20):
        drawer = Drawer()
        drawer.take([fill], 1, random.Random(seed))
        judges = drawer.take([judge, other], 1, random.Random(seed))
        assert [q.uid for q in judges] == ["o"]


def test_a_bank_too_small_still_gives_the_paper_it_can() -> None:
    fill = _q("fill", "坚持党领导立法、保证执法、____、带头守法。", answer=["支持司法"])
    judge = _q("judge", "必须坚持党领导立法、保证执法、支持司法、带头守法。", answer=True)
    drawer = Drawer()
    drawer.take([fill], 1, random.Random(0))
    assert drawer.take([judge], 1, random.Random(0)) == [judge]


def test_a_negative_choice_gives_nothing_away() -> None:
    q = _q("single", "下列哪一项不属于对党组织的问责方式？", ["检查", "通报", "改组", "诫勉"], [3])
    assert answer_keys(q.type, q.stem, q.options, q.answer) == []
    assert answer_keys("single", "实行（　　）制度。", ["甲方案", "乙方案"], [1]) == ["乙方案"]


def test_wordings_are_spread_over_a_part() -> None:
    same = [_q("single", f"第{i}句的原文（　　）。括号中应填入的是？", ["甲", "乙", "丙", "丁"], [0], f"s{i}")
            for i in range(9)]
    others = [_q("single", f"下列哪一项不属于第{i}类？", ["甲", "乙", "丙", "丁"], [0], f"n{i}") for i in range(3)]
    assert wording("single", same[0].stem) == wording("single", same[5].stem)
    taken = Drawer().take(same + others, 6, random.Random(3))
    assert sum(1 for q in taken if q.uid.startswith("n")) == 3  # every other wording first


@pytest.fixture(scope="module")
def bundled_pool() -> list[SourceQuestion]:
    path = paths.bundled_bank_path(paths.seed_document_path().name)
    _title, items, errors = bankfile.read_bank(path.read_text(encoding="utf-8"))
    assert errors == []
    return [_q(it.question.type, it.question.stem, it.question.options, it.question.answer, it.question.id)
            for it in items if it.status == "approved"]


@pytest.mark.parametrize("seed", range(12))
def test_no_drawn_paper_or_quiz_prints_a_key(bundled_pool, seed: int) -> None:
    paper = [q for qs in select_questions(bundled_pool, seed=seed).values() for q in qs]
    assert len(paper) >= 30 and _leaky_pairs(paper) == []
    blueprint = Blueprint(document_id=1, items=(BlueprintItem("single", 5, 2), BlueprintItem("multiple", 4, 4),
                                                BlueprintItem("judge", 6, 2), BlueprintItem("fill", 6, 2)))
    quiz = draw_quiz(bundled_pool, blueprint, seed)
    assert _leaky_pairs(quiz) == []
    practice = draw_practice(bundled_pool, 15, seed)
    assert _leaky_pairs(practice) == []
