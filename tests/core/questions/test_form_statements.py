"""Choices among statements (form_statements.py): three of the text's own rules, word for word,
and one of them falsified on its rule — as 「下列说法符合规定的有」 or 「不符合规定的是」."""

from __future__ import annotations

import random

from studyapp.core.outline import parse_text
from studyapp.core.questions.forms import Forms
from studyapp.core.questions.lexicon import Lexicon
from studyapp.core.questions.text import norm
from studyapp.core.questions.verify import DocIndex, verify

LAW = ("第一章 总则\n"
       "第一条 为了规范档案管理工作，制定本条例。\n"
       "第二章 管理\n"
       "第二条 国家档案馆的档案一般应当自形成之日起满二十五年向社会开放。"
       "机关档案室保管的档案一般应当在十年内向档案馆移交。"
       "档案工作人员不得擅自销毁档案。"
       "县级以上人民政府档案主管部门应当每年对本行政区域内的档案工作进行一次检查。"
       "档案馆对寄存的档案应当至少保管五年。"
       "档案馆应当对所保管的档案采取防火、防盗措施。\n"
       + "".join(f"第{n}条 第{n}类档案应当登记，可以委托档案馆保管。\n" for n in ("三", "四", "五", "六", "七")))


def test_three_rules_as_written_and_one_falsified() -> None:
    doc = parse_text(LAW, name="档案条例")
    forms = Forms(Lexicon(doc))
    group = [u for u in forms.lex.units if u.path[-1] == "第二条"]
    assert len(group) >= 4
    made = [c for seed in range(8) for c in forms.statements(group, random.Random(seed))]
    assert made, "an article of five rules gets a choice among its statements"
    full = norm(LAW)
    index = DocIndex(doc)
    for c in made:
        q = c.question
        assert q.type in ("single", "multiple") and len(q.options) == 4
        assert verify(q, doc, index=index) == []
        keyed = {q.options[i] for i in q.answer}
        if q.type == "multiple":  # 「下列说法符合规定的有」: the three true ones
            assert all(norm(o) in full for o in keyed) and len(keyed) == 3
            assert sum(norm(o) not in full for o in q.options) == 1
        else:  # 「不符合规定的是」: the falsified one
            (false,) = keyed
            assert norm(false) not in full
            assert all(norm(o) in full for o in q.options if o != false)


def test_round_80_a_run_in_heading_is_no_statement_to_choose() -> None:
    """Round 80 (the 浙江 高中课改方案): 「——完善学生成长记录与综合素质评价制度。」 stood as an option
    of 「关于改评价，下列说法正确的有」 — a run-in heading after a dash, no statement."""
    text = ("某方案\n一、改评价\n高中期间，学生参加同一科目考试次数最多2次，以最好成绩记入档案。\n"
            "——完善学生成长记录与综合素质评价制度。综合素质评价重在过程，重在导向。"
            "要坚持公开、公平、公正的原则，确保评价结果全面、客观、科学。要改进综合素质评价标准与程序，提高信息化程度，力求简洁、可操作。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    texts = [u.text for u in forms._statement_units(lex.units)]
    assert texts and not any(t.startswith("—") for t in texts), texts
