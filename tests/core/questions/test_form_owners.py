"""Which office leads or carries out a measure: the bracket a policy text puts after it."""

from __future__ import annotations

import random

from studyapp.core.outline import parse_text
from studyapp.core.questions import generate_bank
from studyapp.core.questions.form_owners import parse_bracket
from studyapp.core.questions.forms import Forms
from studyapp.core.questions.lexicon import Lexicon
from studyapp.core.questions.verify import DocIndex, verify

MEASURES = """某区关于恢复和扩大消费的若干措施
一、稳定大宗消费
（一）扩大新能源汽车消费。支持新能源汽车企业在辖区新开设城市展厅，按经营面积给予资金支持，推动充电基础设施建设。
（责任单位：区发展改革局、区工业和信息化局）
（二）推动住房全屋智能应用。支持保障性住房和商品房推广应用全屋智能，做好保障性住房项目全屋智能试点。
（责任单位：区住房建设局）
（三）促进家电更新消费。落实商圈发展支持政策，支持家电企业开展以旧换新、新品促销等促消费活动。
（责任单位：区工业和信息化局）
二、扩大服务消费
（四）丰富文旅消费。出台支持文化创意产业发展的若干措施，提供展会分会场和配套服务，打造夜间消费场景。
（责任单位：区文化广电旅游体育局）
（五）提升健康服务消费。提升社区健康服务机构中医适宜技术服务能力，开展社区医院扩容提质项目。
（责任单位：区卫生健康局）
（六）发展壮大数字消费。加快传统消费数字化转型，推动商家应用数字化工具，培育一批数字消费新场景。
（责任单位：区科技创新局）
三、优化消费环境
（七）推广绿色消费。持续推广低碳超市，汇集一批绿色企业和先进产品，推动绿色低碳新产品应用。
（责任单位：区发展改革局）
（八）加强消费统计监测。建立健全限额以上零售企业统计调查和预警监测，开展消费动态监测分析。
（责任单位：区统计局、区金融工作局）
（九）营造放心消费环境。开展放心消费行动，持续打击假冒伪劣违法行为，联合区卫生健康局开展餐饮安全检查。
（区市场监管局牵头，区卫生健康局配合）
"""


def _owners(text: str) -> list:
    doc = parse_text(text)
    return Forms(Lexicon(doc)).owners(random.Random(1))


def test_brackets_are_read_for_the_lead_and_the_offices_that_carry_the_measure() -> None:
    assert parse_bracket("（责任单位：区住房建设局）", False) == ([], ["区住房建设局"])
    assert parse_bracket("（省商务厅牵头，省农业农村厅配合）", False) == (["省商务厅"], ["省商务厅"])
    assert parse_bracket("（市场监管总局负责）", False) == ([], ["市场监管总局"])
    assert parse_bracket("（交通运输部、财政部负责）", False) == ([], ["交通运输部", "财政部"])
    # the document says the first is the lead (「列第一位者为牵头单位，下同」)
    assert parse_bracket("（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）", True) == (
        ["人力资源社会保障部"], ["人力资源社会保障部", "财政部"])
    assert parse_bracket("（牵头单位：市科技局，责任单位：市工业和信息化局、市自然资源和规划局）", False) == (
        ["市科技局"], ["市科技局", "市工业和信息化局", "市自然资源和规划局"])
    # every district's government is every measure's: no office of this one
    assert parse_bracket("（责任单位：市科委，各区政府）", False) == ([], ["市科委"])
    # an open set, or no office at all, is no bracket of offices
    assert parse_bracket("（工业和信息化部、发展改革委、科技部等负责）", False) is None
    assert parse_bracket("（以下简称城市副中心）", False) is None
    assert parse_bracket("（含个体工商户）", False) is None


def test_a_measure_is_asked_who_carries_it_out_among_the_documents_own_offices() -> None:
    out = _owners(MEASURES)
    assert 1 <= len(out) <= 4  # a few of the document's measures, not every one (a formula)
    assert len({k for c in out for k in c.keys}) == sum(len(c.keys) for c in out)  # each office keys once
    for c in out:
        q = c.question
        assert q.stem.startswith("“") and "这项措施" in q.stem
        assert all(o.startswith("区") for o in q.options)  # offices of one level
        keys = [q.options[i] for i in q.answer]
        assert keys == [o for o in q.options if o in c.keys]
        bracket = c.unit.text
        assert all(k in bracket for k in keys)
        assert not any(o in bracket for o in q.options if o not in keys)
        assert len(q.options) == (4 if q.type == "single" else 5)
        assert bracket in q.quote  # the source shows the bracket that answers it


def test_the_lead_office_is_asked_as_the_lead_and_no_office_the_measure_names_is_a_rival() -> None:
    out = _owners(MEASURES)
    lead = [c for c in out if "牵头" in c.question.stem]
    if not lead:  # (the spread may pass over it: asked on its own)
        doc = parse_text(MEASURES)
        forms = Forms(Lexicon(doc))
        unit = next(u for u in forms.lex.units if u.text.startswith("（区市场监管局牵头"))
        pool = ["区发展改革局", "区工业和信息化局", "区住房建设局", "区文化广电旅游体育局", "区卫生健康局",
                "区科技创新局", "区统计局", "区金融工作局", "区市场监管局"]
        made = forms._owner_question(unit, ["区市场监管局"], ["区市场监管局"], "区", pool, random.Random(1))
        assert made is not None
        lead = [made]
    q = lead[0].question
    assert q.stem == "“营造放心消费环境”这项措施由（　　）牵头。"
    assert q.options[q.answer[0]] == "区市场监管局"
    assert "区卫生健康局" not in q.options  # the measure itself names it (it works with them)


def test_generated_questions_pass_the_verifier_and_cover_measures_no_other_form_asks() -> None:
    doc = parse_text(MEASURES)
    bank = generate_bank(doc, seed=1)
    owners = [q for q in bank.questions if "这项措施" in q.stem]
    assert owners
    index = DocIndex(doc)
    for q in owners:
        assert verify(q, doc, index=index) == []


def test_an_office_named_without_its_level_is_taken_whole_only_where_the_text_spells_it_so() -> None:
    text = MEASURES.replace("（责任单位：区统计局、区金融工作局）", "（责任单位：区统计局、金融工作局）")
    for c in _owners(text):
        assert "金融工作局" not in c.question.options  # (区金融工作局 is named nowhere else)
    text = text.replace("（七）推广绿色消费。", "（七）推广绿色消费。区金融工作局做好服务。")
    doc = parse_text(text)
    forms = Forms(Lexicon(doc))
    assert forms._full("金融工作局", "区") == "区金融工作局"
    assert forms._full("安徽银保监局", "省") is None


def test_laws_and_documents_with_few_brackets_get_none() -> None:
    few = "\n".join(MEASURES.splitlines()[:8])
    assert _owners(few) == []
    law = "某条例\n第一条 为了规范管理，制定本条例。\n" + "\n".join(
        f"第{n}条 有关部门应当依法履行职责，可以采取必要措施。（市场监管总局负责）" for n in "二三四五六七八")
    assert _owners(law) == []


def test_round_84_no_office_the_stem_names_and_no_set_of_offices_two_measures_share() -> None:
    """Round 84: 「“进一步加大住房公积金支持力度”这项措施的责任单位是」 keyed 市住房公积金中心 (the stem says
    公积金), and a multiple choice keyed 市资规局、市发改委、市住建局 — the offices of another measure too."""
    from studyapp.core.questions.form_owners import _gives_away

    assert _gives_away("市住房公积金中心", "市", "进一步加大住房公积金支持力度")
    assert _gives_away("省税务局", "省", "深入落实税务优惠政策")
    assert not _gives_away("区卫生健康局", "区", "提升健康服务消费")
    text = MEASURES.replace("（责任单位：区统计局、区金融工作局）", "（责任单位：区发展改革局、区工业和信息化局）")
    for c in _owners(text):
        assert set(c.keys) != {"区发展改革局", "区工业和信息化局"}, c.question.stem
