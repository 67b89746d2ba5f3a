"""The level of government a rule sends a matter to, asked as a choice and falsified."""

from __future__ import annotations

import random

from studyapp.core.outline import parse_text
from studyapp.core.questions.forms import Forms
from studyapp.core.questions.levels import level_bodies, levels_named, rival_texts
from studyapp.core.questions.lexicon import Lexicon

LAW = ("第一条 为了规范药品生产，制定本条例。\n"
       "第二条 开办药品生产企业，应当向所在地省、自治区、直辖市人民政府药品监督管理部门提出申请。\n"
       "第三条 药品生产质量管理规范的具体实施办法由国务院药品监督管理部门制定。\n"
       "第四条 县级以上地方人民政府药品监督管理部门负责本行政区域内的药品监督管理工作。\n"
       "第五条 安置教育由省级人民政府组织实施。\n"
       "第六条 省、自治区、直辖市人民政府在必要的时候，经国务院批准，可以设立若干派出机关。\n"
       "第七条 中药材的种植规范由国务院或者其授权的部门制定。\n")


def _forms(text: str = LAW) -> tuple[Lexicon, Forms]:
    lex = Lexicon(parse_text(text))
    return lex, Forms(lex)


def _unit(lex: Lexicon, word: str):
    return next(u for u in lex.units if word in u.text)


def test_only_a_body_in_a_procedural_slot_counts() -> None:
    found = level_bodies("药品生产质量管理规范的具体实施办法由国务院药品监督管理部门制定。")
    assert [(b.level, b.dept) for b in found] == [("国", "药品监督管理部门")]
    # the subject of a sentence is no slot, and two bodies joined by 或者 are both right
    assert not level_bodies("县级以上地方人民政府药品监督管理部门负责本行政区域内的药品监督管理工作。")
    assert not level_bodies("中药材的种植规范由国务院或者其授权的部门制定。")
    assert not level_bodies("由国务院有关部门制定。")  # which department, the rule does not say


def test_rivals_never_hold_the_key_or_are_held_by_it() -> None:
    [prov] = level_bodies("应当报省、自治区、直辖市人民政府批准。")
    assert "县级以上地方人民政府" not in rival_texts(prov, set(), True)  # it holds the province
    [top] = level_bodies("应当报国务院批准。")
    assert rival_texts(top, set(), True) == ["省、自治区、直辖市人民政府", "设区的市级人民政府", "县级以上地方人民政府"]
    [local] = level_bodies("应当向所在地县级人民政府报告。")
    assert not any(r.startswith("国务院") for r in rival_texts(local, set(), True))  # 所在地国务院
    [county] = level_bodies("具体办法由县级人民政府制定。")
    assert "乡、镇人民政府" not in rival_texts(county, set(), True, act="制定")  # a township makes no rules


def test_a_level_choice_keeps_the_department_and_changes_the_level() -> None:
    lex, forms = _forms()
    [c] = forms.level_single(_unit(lex, "具体实施办法"), random.Random(1))
    q = c.question
    assert q.stem == "药品生产质量管理规范的具体实施办法由（　　）制定。"
    assert q.options[q.answer[0]] == "国务院药品监督管理部门"
    assert all(o.endswith("药品监督管理部门") for o in q.options) and len(set(q.options)) == 4


def test_no_rival_the_article_names_or_below_a_level_the_sentence_names() -> None:
    lex, forms = _forms()
    # the province is the actor: a city or a county approving what it does is absurd
    assert not forms.level_single(_unit(lex, "派出机关"), random.Random(1))
    assert not [x for x in forms._falsifications(_unit(lex, "派出机关")) if x[3] == "level"]
    assert levels_named("由省、自治区、直辖市人民政府审批，报国务院备案。") == {"省", "国"}


def test_a_department_the_document_has_only_in_the_state_council_gets_no_local_rivals() -> None:
    text = ("第一条 运输容器的设计，应当报国务院核安全监管部门审查批准。\n"
            "第二条 托运人应当遵守国家有关规定。\n")
    lex, forms = _forms(text)
    assert not forms.level_single(lex.units[0], random.Random(1))  # 县级以上地方人民政府核安全监管部门: invented


def test_the_level_is_falsified_to_its_neighbour() -> None:
    lex, forms = _forms()
    [change] = [x for x in forms._falsifications(_unit(lex, "安置教育")) if x[3] == "level"]
    a, b, new, _ = change
    text = _unit(lex, "安置教育").text
    assert text[a:b] == "省级人民政府" and new == "国务院"


def test_round_36_failures_stay_fixed() -> None:
    """Round 36's two rejections: a subject the sentence before introduced (whose fund, which
    registration) — neither asked nor falsified on its level."""
    text = ("第一条 工伤保险基金应当留有一定比例的储备金，用于统筹地区重大事故的工伤保险待遇支付。"
            "储备金占基金总额的具体比例和储备金的使用办法，由省、自治区、直辖市人民政府规定。\n"
            "第二条 设立出版单位的主办单位应当自收到批准决定之日起60日内，向所在地省、自治区、直辖市人民政府"
            "出版行政主管部门登记，领取出版许可证。登记事项由国务院出版行政主管部门规定。\n"
            "第三条 出版行政主管部门负责出版活动的监督管理工作。\n")
    lex, forms = _forms(text)
    for start in ("储备金占", "登记事项"):
        unit = next(u for u in lex.units if u.text.startswith(start))
        assert not forms.level_single(unit, random.Random(1))
        assert not [x for x in forms._falsifications(unit) if x[3] == "level"]


def test_a_level_asked_once_not_as_a_choice_and_a_false_item_both() -> None:
    """The false item on a level keys that level: beside the choice on the same sentence it
    gives the answer away (round 36 found both on one sentence)."""
    from studyapp.core.questions.bank import _leaks

    text = ("第一条 为了规范兽药管理，制定本条例。\n"
            "第二条 兽药生产许可证的格式由国务院兽医行政管理部门统一规定。\n"
            "第三条 省、自治区、直辖市人民政府兽医行政管理部门负责本行政区域内的兽药监督管理工作。\n")
    lex, forms = _forms(text)
    unit = _unit(lex, "格式")
    [choice] = forms.level_single(unit, random.Random(1))
    [false] = forms.judge(unit, random.Random(1), False)
    assert "国务院兽医行政管理部门" in false.keys
    assert _leaks(false, [choice])

