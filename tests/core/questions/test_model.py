"""A question's id is stable (the same text from the same place, the same id) and its JSON
round-trips, so a regenerated bank can be matched against the reviewed one."""

from __future__ import annotations

import json

from studyapp.core.questions.model import Question, make_id

SOURCE = {"section": ["一、总体要求", "1.指导思想"], "quote": "坚持党的领导。"}


def test_the_same_question_from_the_same_place_gets_the_same_id() -> None:
    a = Question("judge", "坚持党的领导。", answer=True, source=dict(SOURCE))
    b = Question("judge", "坚持党的领导。", answer=True, source=dict(SOURCE), explanation="另一个解析")
    assert a.id == b.id == make_id("judge", "坚持党的领导。", SOURCE["section"], SOURCE["quote"])
    assert len(a.id) == 12


def test_another_type_stem_section_or_quote_gets_another_id() -> None:
    base = make_id("judge", "题干", ["1.指导思想"], "原文。")
    assert len({base, make_id("single", "题干", ["1.指导思想"], "原文。"), make_id("judge", "题干二", ["1.指导思想"], "原文。"),
                make_id("judge", "题干", ["2.总体目标"], "原文。"), make_id("judge", "题干", ["1.指导思想"], "别的原文。")}) == 5


def test_json_round_trip_keeps_every_field() -> None:
    q = Question("single", "下列说法正确的是（　　）", ["甲", "乙", "丙", "丁"], [2], "原文为：丙。",
                 dict(SOURCE), ["原则"], 3)
    data = q.to_json()
    assert list(data) == ["id", "type", "stem", "options", "answer", "explanation", "source", "tags", "difficulty"]
    again = Question.from_json(json.dumps(data, ensure_ascii=False))
    assert again == q and again.quote == "坚持党的领导。" and again.section == SOURCE["section"]


def test_from_json_fills_missing_fields_with_defaults() -> None:
    q = Question.from_json({"type": "fill", "stem": "以____为指导。", "answer": ["科学发展观"]})
    assert q.options == [] and q.tags == [] and q.difficulty == 2 and q.quote == ""
    assert q.id == make_id("fill", "以____为指导。", [], "")
