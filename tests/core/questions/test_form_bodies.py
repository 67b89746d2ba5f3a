"""Bodies (form_bodies.py): the organs of one system stand in for one another as rivals, never a body of another system."""

from __future__ import annotations

import random

from studyapp.core.outline import parse_text
from studyapp.core.questions.lexicon import Lexicon


def test_organs_of_one_system_stand_in_for_one_another() -> None:

    from studyapp.core.questions.forms import Forms

    text = ("第一条 人民检察院发现国家机关不依法履行保护未成年人职责的，应当向该机关提出建议。\n"
            "第二条 承包方应当维持土地的农业用途。\n第三条 发包方应当尊重承包方的生产经营自主权。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    unit = next(u for u in lex.units if "人民检察院" in u.text)
    qs = forms.actor_single(unit, random.Random(1))
    assert qs and set(qs[0].question.options) == {"人民法院", "人民检察院", "公安机关", "监察机关"}
    swaps = [new for _, _, new, why in forms._falsifications(unit) if why == "actor"]
    assert swaps and swaps[0] in ("人民法院", "公安机关", "监察机关")
    assert "国家安全机关" not in qs[0].question.options  # (not named by this text)
    court = Lexicon(parse_text("第一条 当事人协商不成的，可以向人民法院提起诉讼。\n"))
    assert not Forms(court)._peers("人民法院", "法院", court.units[0].text, 6)  # 诉讼 says who


def test_round_67_an_organ_named_by_its_people_is_not_asked() -> None:
    """Round 67: 「（　　）应当积极参与诉源治理，发挥法官联村制度作用……」 keyed 人民法院 — 法官 gives it
    away. Without the hint the court is asked among the organs."""
    from studyapp.core.questions.forms import Forms

    def asked(sentence: str) -> list[str]:
        lex = Lexicon(parse_text("法治乡村建设条例\n第三章 乡村平安和谐\n第一条 " + sentence + "\n"
                                 "第二条 人民检察院应当依法开展公益诉讼。\n第三条 公安机关应当加强农村治安防控。\n"))
        unit = next(u for u in lex.units if u.text.startswith("人民法院"))
        return [k for c in Forms(lex).actor_single(unit, random.Random(1)) for k in c.keys]

    assert asked("人民法院应当积极参与诉源治理，发挥法官联村制度作用，指导人民调解委员会调解民间纠纷。") == []
    assert asked("人民法院应当积极参与诉源治理，加强对人民调解委员会调解民间纠纷的业务指导。") == ["人民法院"]


def test_which_fund_pays_is_asked_among_funds_of_its_kind() -> None:
    """「……所需的有关支出，可按照规定从（　　）中列支」 (职工福利费) among the funds the document names
    and the funds of social insurance — never a fund said beside it (工会经费 pays too), nor where
    the stem names the insurance (「领取失业保险金人员……由（　　）缴纳」), nor 所需资金 or a source
    the document repeats under every measure."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "生育支持政策措施\n一、服务\n（一）保险。领取失业保险金人员参加生育保险的，由失业保险基金缴纳生育保险费。"
        "参加生育保险男职工的配偶符合规定生育的，从生育保险基金中支付一次性生育补助金。\n"
        "（二）托育。用人单位开展职工子女普惠托育服务所需的有关支出，可按照规定从职工福利费中列支，用人单位工会经费可适当补充。\n"
        "（三）就业。对稳定职工队伍的企业给予稳定岗位补贴，所需资金从财政资金中列支。\n"))
    forms = Forms(lex)
    made = [c for u in lex.units for c in forms.fund_single(u, random.Random(1))]
    assert [c.keys for c in made] == [["职工福利费"]], [c.question.stem for c in made]
    q = made[0].question
    assert "（　　）中列支" in q.stem and q.options[q.answer[0]] == "职工福利费"
    assert "工会经费" not in q.options and len(set(q.options)) == 4
    assert "失业保险基金" in q.options and "生育保险基金" not in q.options  # (said right before it)


def test_round_70_a_court_never_stands_in_for_the_police_at_field_work() -> None:
    """Round 70: 「（　　）负责保障……车辆的优先快速通行；……实施交通管制……参与抢险救灾工作」 with
    人民法院, 监察机关, 人民检察院 beside 公安机关, and 「人民法院负责……交通管制」 as a false item: absurd,
    no test. (Organs of one system still stand in for one another where they could.)"""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "暴雨灾害预警与响应条例\n第一章 总则\n第一条 公安机关负责保障各级防灾救灾指挥车辆、抢险车辆的优先快速通行；"
        "负责路面巡查和交通引导，实施交通管制并及时向社会公布管制信息。\n"
        "第二条 各级人民政府应当组建应急救援队伍，配备必要的救援装备。\n"))
    forms = Forms(lex)
    unit = lex.units[0]
    assert forms.actor_single(unit, random.Random(1)) == []
    assert not any(new in ("人民法院", "人民检察院", "监察机关") for _a, _b, new, _why in forms._find_falsifications(unit))


def test_round_77_the_other_name_of_a_body_in_brackets_is_never_asked_or_swapped() -> None:
    """Round 77 (青岛): 「海洋发展部门（（　　））负责监督水产养殖活动」 asked the bracketed other name of the
    body, and 「海洋发展部门（水务主管部门）负责……」 was a false item on it — the rule is true either way."""
    import random

    from studyapp.core.outline import parse_text
    from studyapp.core.questions.forms import Forms
    from studyapp.core.questions.lexicon import Lexicon

    text = ("某市饮用水水源保护条例\n第一条 海洋发展部门（渔业主管部门）负责监督水产养殖活动，监督管理水产养殖中兽药以及其他投入品的使用。\n"
            "第二条 水务主管部门应当会同生态环境、自然资源和规划等部门提出饮用水水源地名录方案，报本级人民政府核准后向社会公布。\n"
            "第三条 生态环境主管部门应当定期监测水质。农业农村主管部门应当指导农药使用。住房城乡建设部门应当加强供水设施建设。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    unit = next(u for u in lex.units if "海洋发展部门" in u.text)
    assert not [c for c in forms.actor_single(unit, random.Random(1)) if "（（" in c.question.stem]
    assert not [x for x in forms._falsifications(unit) if x[3] == "actor" and unit.text[x[0] - 1] == "（"]
