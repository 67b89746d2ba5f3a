"""The selection of a document's set (bank.py): the type floors and the choices pooled from
true/false items the selection had no room for."""

from __future__ import annotations

import random

from studyapp.core.outline import parse_text
from studyapp.core.questions import DocIndex, Question, verify
from studyapp.core.questions.lexicon import Lexicon

LAW = ("第一条 为了规范药品生产，制定本条例。\n"
       "第二条 药品生产质量管理规范的具体实施办法由国务院药品监督管理部门制定。\n")


def test_a_regulation_without_a_multiple_choice_gets_one_from_its_statements() -> None:
    """True/false items the selection had no room for make 「下列说法符合规定的有」: three rules
    as the text states them (word for word, from the same chapter) and one falsified."""
    from collections import Counter
    from pathlib import Path

    from studyapp.core.loaders import load_file
    from studyapp.core.questions import generate_bank
    from studyapp.core.questions.text import norm

    path = Path(__file__).resolve().parents[2] / "quality" / "documents" / "beijing-hehu.txt"
    doc = parse_text(load_file(path).text, name=path.stem)
    bank = generate_bank(doc, seed=1)
    types = Counter(q.type for q in bank.questions)
    assert all(types[t] for t in ("single", "multiple", "judge", "fill"))
    [q] = [q for q in bank.questions if q.type == "multiple" and "说法符合规定的有" in q.stem]
    full = norm(load_file(path).text)
    right = [q.options[i] for i in q.answer]
    wrong = [o for i, o in enumerate(q.options) if i not in q.answer]
    assert len(right) == 3 and all(norm(o) in full for o in right)
    assert len(wrong) == 1 and norm(wrong[0]) not in full
    assert "有误，原文为" in q.explanation and "其余三项与原文相符" in q.explanation


def test_the_type_floor_asks_a_point_as_another_type_only_where_that_type_is_missing() -> None:
    from collections import Counter

    from studyapp.core.questions.bank import _type_floor
    from studyapp.core.questions.forms import Candidate
    from studyapp.core.questions.model import Question

    lex = Lexicon(parse_text(LAW))
    unit = lex.units[1]

    def cand(qtype: str, alt: str | None = None) -> Candidate:
        q = Question(type=qtype, stem=f"{qtype}{random.random()}", options=[], answer=None)
        a = cand(alt) if alt else None
        return Candidate(q, unit, 1.0, qtype, [], alt=a)

    chosen = [cand("single", "fill"), cand("single", "multiple"), cand("judge"), cand("judge")]
    out = _type_floor(chosen, 5000, Counter())
    # the multiple is missing: a single gives its point; the fill would take the last single
    assert sorted(c.type for c in out) == ["judge", "judge", "multiple", "single"]
    out = _type_floor([cand("single", "fill"), cand("single", "fill"), cand("single"), cand("judge")], 5000, Counter())
    assert sorted(c.type for c in out) == ["fill", "judge", "single", "single"]
    # nothing to give: the last single of a document stays a single
    assert [c.type for c in _type_floor([cand("single", "fill"), cand("judge")], 5000, Counter())] == ["single", "judge"]
    assert [c.type for c in _type_floor([cand("single", "fill"), cand("single")], 1500, Counter())] == ["single", "single"]


def test_a_true_statement_stands_beside_a_false_one_only_if_it_gives_nothing_away() -> None:
    """Beside 「……报国务院备案」 (原文 批准): no statement that names 批准 or 备案, none of another
    length class (an odd one out)."""
    from studyapp.core.questions.forms import Candidate, Forms
    from studyapp.core.questions.model import Question

    lex = Lexicon(parse_text(LAW))
    forms = Forms(lex)
    unit = lex.units[1]

    def judge(stem: str, answer: bool, note: str = "") -> Candidate:
        return Candidate(Question(type="judge", stem=stem, options=[], answer=answer, explanation=note), unit, 1.0,
                         "judge_false" if not answer else "judge_true")

    false = judge("省级人民政府编制的规划，应当报国务院备案。", False, "原文：“……”题中“备案”有误，原文为“批准”。")
    assert forms.fits_beside(false, judge("县级人民政府应当每年向本级人民代表大会报告工作。", True))
    assert not forms.fits_beside(false, judge("设区的市的规划由省级人民政府批准。", True))  # names 批准
    assert not forms.fits_beside(false, judge("国家实行河长制。", True))  # a third of its length


def test_a_choice_among_statements_may_take_its_true_sentences_from_another_chapter() -> None:
    doc = parse_text("第一章 总则\n第一条 县级以上人民政府应当加强对河湖保护工作的领导。\n"
                     "第二章 管理\n第二条 河道管理范围内禁止建设妨碍行洪的建筑物。\n")
    index = DocIndex(doc)
    q = Question(type="multiple", stem="下列说法符合规定的有（　　）。",
                 options=["县级以上人民政府应当加强对河湖保护工作的领导", "河道管理范围内禁止建设妨碍行洪的建筑物",
                          "河道管理范围内可以建设妨碍行洪的建筑物", "县级以上人民政府应当加强对河湖保护工作的领导和监督"],
                 answer=[0, 1], source={"section": ["第二章", "第二条"], "quote": "河道管理范围内禁止建设妨碍行洪的建筑物。"})
    assert "key_not_in_quote" not in verify(q, doc, index=index)
