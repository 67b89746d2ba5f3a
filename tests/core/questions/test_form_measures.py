"""简答 on a titled measure of a policy text (form_measures.py)."""

from __future__ import annotations

from studyapp.core.outline import parse_text
from studyapp.core.questions import generate_bank
from studyapp.core.questions.form_measures import _acts, _point
from studyapp.core.questions.forms import Forms
from studyapp.core.questions.lexicon import Lexicon
from studyapp.core.questions.verify import DocIndex, verify

POLICY = """某市关于促进消费的若干措施
一、稳定大宗消费
（一）扩大汽车消费。一是稳住汽车消费。支持新能源汽车企业在辖区新开设城市展厅，按经营面积给予资金支持。二是构建高质量充电基础设施体系。加快充电桩建设，推动充电基础设施向镇区延伸。
（责任单位：市发展改革局）
（二）推动住房全屋智能应用。支持保障性住房和商品房推广应用全屋智能，做好保障性住房项目全屋智能试点。鼓励房地产企业开展智能家居展示活动，对参加活动的企业给予补贴。
（三）强化科技企业用地保障。对综合保税区内企业进口的医疗器械用于研发、展示的，可不办理相关注册或备案手续。围绕工程建设、教育、医疗等领域，集中清理不合理的准入条件。优化工业用地供应方式，推行弹性年期出让。
二、指导思想
坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，推动消费持续恢复。
"""


def test_a_titled_measure_is_asked_what_it_sets_out_to_do_with_its_heads_or_its_acts_as_points() -> None:
    lex = Lexicon(parse_text(POLICY))
    forms = Forms(lex)
    made = {c.question.stem: c.question for c in forms.measure_shorts(set(), 10)}
    car = made["关于“扩大汽车消费”，文件提出了哪些措施？"]
    assert car.type == "short" and car.answer == ["稳住汽车消费", "构建高质量充电基础设施体系"]  # its 一是/二是 heads
    home = made["关于“推动住房全屋智能应用”，文件提出了哪些措施？"]
    assert home.answer[0] == "支持保障性住房和商品房推广应用全屋智能，做好保障性住房项目全屋智能试点"
    land = made["关于“强化科技企业用地保障”，文件提出了哪些措施？"]
    # every sentence whole: its case and its frame stay with the act (round 84)
    assert land.answer == ["对综合保税区内企业进口的医疗器械用于研发、展示的，可不办理相关注册或备案手续",
                           "围绕工程建设、教育、医疗等领域，集中清理不合理的准入条件", "优化工业用地供应方式，推行弹性年期出让"]
    assert not any("指导思想" in s for s in made)  # the frame's parts set no measure
    index = DocIndex(lex.document)
    for q in made.values():
        assert verify(q, lex.document, index=index) == [], q.stem


def test_only_sections_no_other_form_asks_and_at_most_the_cap() -> None:
    lex = Lexicon(parse_text(POLICY))
    forms = Forms(lex)
    every = forms.measure_shorts(set(), 10)
    assert len(forms.measure_shorts(set(), 1)) == 1
    busy = {tuple(every[0].unit.path)}
    assert all(tuple(c.unit.path) not in busy for c in forms.measure_shorts(busy, 10))
    law = "某条例\n第一条 为了规范管理，制定本条例。\n" + "\n".join(
        f"第{n}条 有关部门应当依法履行职责，可以采取必要措施。" for n in "二三四五六七八")
    assert Forms(Lexicon(parse_text(law))).measure_shorts(set(), 10) == []


def test_a_heading_must_name_something_to_do_and_a_point_must_act() -> None:
    assert _acts("强化科技企业用地保障") and _acts("进一步降低市场准入门槛")
    assert not _acts("发展草牧业是推进农业供给侧结构性改革的重要切入点")
    assert _point("药学服务是医疗服务的组成部分") == ""
    assert _point("“1”为国家基本药物目录") == ""
    assert _point("各地要落实属地管理责任") == "各地要落实属地管理责任"
    assert _point("各地要参照这一做法") == ""


def test_round_84_the_key_holds_every_measure_and_nothing_else() -> None:
    """Round 84: keys cut to a first clause lost the case (「对……剩余不超过30%的尾盘房源，」) or the measure
    (「……允许依法依规进行分割、销售及登记」), a measure dropped left the key incomplete, 「相关优惠政策另行制定」
    counted as a measure, and the paragraph after the last measure (「上述措施自……起执行……」) was taken
    into its key."""
    text = ("某措施\n一、支持住房消费\n（一）支持房地产企业促销。组织房地产开发企业开展推介营销等活动，促进房地产市场销售。"
            "对新建商品住房项目剩余不超过30%的尾盘房源，房地产开发企业可按照不低于房屋备案价85折的优惠幅度进行销售。\n"
            "（责任单位：市住房城乡建设局）\n"
            "（二）鼓励开展商品房现房销售。鼓励引导房地产开发企业采取现房销售模式销售商品房，在土地供应、信贷支持等方面给予支持。"
            "相关优惠政策另行制定。\n"
            "（三）推进地下车位销售。将小区配套地下车位可对外销售的，纳入新建商品房销售管理范畴，统一实行网签备案。\n"
            "上述措施自2023年5月1日起执行。相关购房补贴、奖励、退税等政策措施可申请叠加享受。\n")
    forms = Forms(Lexicon(parse_text(text)))
    made = {c.question.stem: c.question.answer for c in forms.measure_shorts(set(), 10)}
    assert made["关于“支持房地产企业促销”，文件提出了哪些措施？"][1].startswith("对新建商品住房项目剩余不超过30%的尾盘房源")
    assert "相关优惠政策另行制定" not in made.get("关于“鼓励开展商品房现房销售”，文件提出了哪些措施？", [])
    assert "关于“推进地下车位销售”，文件提出了哪些措施？" not in made


def test_in_the_whole_run_they_cover_measures_no_other_form_asks_and_stay_a_minority() -> None:
    from pathlib import Path

    from studyapp.core.loaders import load_file

    path = Path(__file__).resolve().parents[2] / "quality" / "documents" / \
        "guoban-youhua-yingshang-huanjing-fuwu-shichang-zhuti-shishi-yijian-2020.txt"
    bank = generate_bank(parse_text(load_file(path).text, name=path.stem), seed=1)
    shorts = [q for q in bank.questions if q.type == "short" and q.stem.startswith("关于“")]
    assert shorts and len(shorts) * 3 <= len(bank.questions)
    others = {tuple(q.section) for q in bank.questions if q not in shorts}
    assert not any(tuple(q.section) in others for q in shorts)  # (a section's own questions come first)


def test_round_87_a_years_tally_of_counts_is_no_measure_to_recall() -> None:
    """Round 87 (鄂州's 十件民生实事): 「关于“交付安置房”，文件提出了哪些措施？」 keyed 「提供安置房6325套……筹集保障性
    住房1658套……改造老旧小区123个……」 — local figures, no measure a cadre recalls."""
    text = ("某市政府工作报告\n一、2025年重点工作\n（一）办好民生实事\n"
            "1.交付安置房。提供安置房6325套，安置房缺口动态清零。筹集保障性住房1658套。改造老旧小区123个，惠及居民2万户以上。"
            "推动既有住宅加装电梯工作。\n"
            "2.强化科技企业用地保障。对科技型企业新增工业用地实行优先供应，鼓励以长期租赁、先租后让方式供地。"
            "支持企业利用存量土地建设研发用房，按规定减免相关费用。\n")
    stems = [c.question.stem for c in Forms(Lexicon(parse_text(text))).measure_shorts(set(), 10)]
    assert not any("交付安置房" in s for s in stems), stems
    assert any("强化科技企业用地保障" in s for s in stems), stems
