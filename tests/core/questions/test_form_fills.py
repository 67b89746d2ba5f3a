"""Blanks on the term that carries the rule (form_fills.py): what a rule places or hands over, each round's failures kept fixed."""

from __future__ import annotations

import random

from studyapp.core.outline import parse_text
from studyapp.core.questions.lexicon import Lexicon


def test_round_46_failures_stay_fixed() -> None:
    """Round 46 (eight new regulations, every proposed question rated): 65 / 67."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "第一条 外国人、外国组织因中外合作进行科学研究需要，方可将重点保护古生物化石运送出境。\n"
        "第二条 市场主体未发生债权债务，并由全体投资人书面承诺对上述情况的真实性承担法律责任的，可以按照简易程序办理注销登记。\n"
        "市场主体应当将承诺书及注销登记申请通过国家企业信用信息公示系统公示，公示期为20日。\n"))
    forms = Forms(lex)
    research = lex.units[0]
    assert not any(c.question.answer and c.question.answer[0].endswith("需要")
                   for c in forms.fill_term(research, random.Random(1)))
    pledge = next(u for u in lex.units if "承诺书" in u.text)
    assert pledge.context() is None  # whose pledge, the paragraph before says
    more = Lexicon(parse_text("第一条 证券公司应当自本条例施行之日起1年内，使客户的交易结算资金由指定商业银行存管。\n"))
    assert more.units[0].context() is None  # a transition long run out: trivia


def test_the_thing_a_rule_puts_somewhere_or_hands_over_is_blanked() -> None:
    """「……纳入____」「……出示____」: the thing the verb governs, named once in the document,
    whole words, no list, no pointer; not in a definition, not a plain 指标体系."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "第一条 各级人民政府应当将档案事业发展经费列入政府预算，确保档案事业发展。\n"
        "第二条 检查人员在履行监督检查职责时，应当向被检查单位出示执法证件。\n"
        "第三条 本条例所称船长，是指依照本条例的规定取得船长任职资格，负责管理和指挥船舶的人员。\n"
        "第四条 国家实行生态保护绩效评价考核制度，将环境质量提升、生态保护成效等纳入指标体系。\n"
        "第五条 县级以上人民政府应当制定相关规划，推进农田建设。\n"))
    forms = Forms(lex)
    keys = [[c.question.answer[0] for c in forms.fill_object(u, random.Random(1))] for u in lex.units]
    assert keys[0] == ["政府预算"] and keys[1] == ["执法证件"]
    assert keys[2] == [] and keys[3] == [] and keys[4] == []
