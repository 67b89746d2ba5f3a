"""Which part of a policy document a measure serves (form_headings.py): the key is the part the
text puts the measure in and the measure says a word of that part's title; no rival heading is
echoed by the measure, so none is also right; laws written in articles get none of it."""

from __future__ import annotations

import random
import re
from pathlib import Path

from studyapp.core.outline import parse_text
from studyapp.core.questions import generate_bank
from studyapp.core.questions.forms import Forms
from studyapp.core.questions.lexicon import Lexicon
from studyapp.core.questions.model import Question
from studyapp.core.questions.text import strip_end
from studyapp.core.questions.verify import DocIndex, verify

# a 意见 in titled parts, written for this test (each part's measures say its field's word)
OPINION = """关于加强基层治理的实施意见
一、总体要求
（一）指导思想。坚持以人民为中心的发展思想，推进基层治理体系和治理能力现代化。
二、主要任务
（二）健全依法决策机制。建立重大事项专家咨询库和论证制度。专家咨询库成员由各部门推荐，每年调整一次。重大事项出台前必须经过合法性审查。
（三）全面推进政务公开。建立信息发布监督员制度，坚决惩治虚假发布行为。各部门要按时向社会发布工作信息。推行服务事项清单管理。
（四）深化生态环境保护。建立损害赔偿制度，严格追究破坏红线的责任。各地要划定管控红线，严禁在红线内开发建设。
（五）加强人才队伍培养。实施基层骨干计划，每年选派骨干到上级机关跟班学习。各单位要建立骨干成长档案，跟踪成长情况。
（六）完善社会救助体系。建立困难对象动态管理机制，确保资金及时足额发放。各县要设立服务窗口，方便困难群众申请。
三、组织实施
（七）加强组织领导。各级党委要把基层治理摆上重要议程。
"""


def _forms(text: str) -> tuple[Forms, object]:
    doc = parse_text(text, name="意见")
    return Forms(Lexicon(doc)), doc


def _title_of(stem: str) -> str:
    m = re.search(r"“[^”]+”是“([^”]+)”方面", stem)
    return m.group(1) if m else ""


def test_a_measure_is_asked_with_its_own_part_as_key_and_sibling_parts_as_rivals() -> None:
    forms, doc = _forms(OPINION)
    cands = forms.heading_choices(random.Random(1))
    assert cands, "a titled 意见 gets questions on what its measures serve"
    index = DocIndex(doc)  # type: ignore[arg-type]
    titles = {"健全依法决策机制", "全面推进政务公开", "深化生态环境保护", "加强人才队伍培养", "完善社会救助体系"}
    assert {c.type for c in cands} == {"single", "multiple", "judge"}
    for c in cands:
        q: Question = c.question
        assert verify(q, doc, index=index) == []  # type: ignore[arg-type]
        own = c.unit.info.node.title.rstrip("。")
        assert own in titles  # the frame's parts (指导思想, 组织实施) are never asked
        if q.type == "single":
            assert set(q.options) <= titles and q.options[q.answer[0]] == own
            assert own in q.explanation  # the explanation names the part the text puts it in
        elif q.type == "judge":
            said = _title_of(q.stem)
            assert said in titles and (said == own) is q.answer
            measure = q.stem.split("”是“")[0]
            assert not any(w in measure for w in ("决策", "政务", "生态", "人才", "救助") if w in own)
        else:
            assert q.type == "multiple"
            assert f"“{own}”" in q.stem
            for i, opt in enumerate(q.options):
                assert (opt in (c.unit.info.node.text or "")) is (i in q.answer)


def test_no_rival_is_a_part_the_measure_itself_names() -> None:
    """A measure of 完善社会救助体系 that says 公开 (「……名单向社会公开」) fits 全面推进政务公开
    as well: wherever it is shown, that part is not among the parts offered or named."""
    text = OPINION.replace("确保资金及时足额发放。", "确保资金及时足额发放，困难对象名单向社会公开。")
    forms, _doc = _forms(text)
    shown_at_all = 0
    for seed in range(12):
        for c in forms.heading_choices(random.Random(seed)):
            q = c.question
            if "名单向社会公开" in q.stem and q.type != "multiple":
                shown_at_all += 1
                assert "政务公开" not in q.stem.replace("名单向社会公开", "") + "".join(q.options)
    assert shown_at_all


def test_a_measure_that_says_its_own_heading_is_not_asked() -> None:
    """「各单位要加强财务管理」 under 完善财务管理 gives its answer away: not asked."""
    text = OPINION.replace("各县要设立服务窗口，方便困难群众申请。", "各县要健全救助体系，方便困难群众申请。")
    forms, _doc = _forms(text)
    for seed in range(12):
        for c in forms.heading_choices(random.Random(seed)):
            assert "健全救助体系" not in c.question.stem + "".join(c.question.options)


def test_statements_of_fact_are_not_taken_for_measures() -> None:
    text = OPINION.replace("建立重大事项专家咨询库和论证制度。", "重大事项论证是依法行政的前提，咨询库质量关系发展全局。")
    forms, _doc = _forms(text)
    for seed in range(6):
        for c in forms.heading_choices(random.Random(seed)):
            assert "重大事项论证是依法行政的前提" not in c.question.stem + "".join(c.question.options)


def test_laws_written_in_articles_get_no_part_questions() -> None:
    law = ("第一章 总则\n" + "".join(f"第{n}条 公务员应当遵守宪法和法律，认真履行职责。\n" for n in "一二三") +
           "第二章 职务\n" + "".join(f"第{n}条 国家实行公务员职位分类制度，建立科学的考核制度。\n" for n in "四五六"))
    forms, _doc = _forms(law)
    assert forms.heading_choices(random.Random(1)) == []


def test_the_verifier_checks_the_part_a_judge_names() -> None:
    forms, doc = _forms(OPINION)
    index = DocIndex(doc)  # type: ignore[arg-type]
    judge = next(c for seed in range(9) for c in forms.heading_choices(random.Random(seed)) if c.type == "judge")
    q = judge.question
    wrong = Question(type="judge", stem=q.stem, options=[], answer=not q.answer, explanation=q.explanation,
                     source=q.source, tags=q.tags, difficulty=q.difficulty)
    assert verify(wrong, doc, index=index) == ["judge_answer"]  # type: ignore[arg-type]


def test_the_bundled_opinion_gets_every_objective_type_within_the_share() -> None:
    """The seed document (a 实施意见 in titled parts) was asked almost only blanks before; its set
    now holds choices and true/false items too, no type above half of it."""
    path = Path(__file__).resolve().parents[3] / "resources" / "documents" / "zunyi-yifazhishi-2014.txt"
    doc = parse_text(path.read_text(encoding="utf-8"), name=path.stem)
    qs = generate_bank(doc, seed=1).questions
    types = {q.type for q in qs}
    assert {"single", "judge", "fill"} <= types
    assert max(sum(q.type == t for q in qs) for t in types) <= len(qs) / 2


PILLARS = """关于推进农业现代化的实施意见
一、总体要求
（一）指导思想。坚持农业农村优先发展，加快推进农业现代化。
二、加快推动农机装备产业升级
（二）完善创新体系。瞄准农业生产需求，研发适合国情的各类机具。
（三）推进产业链协同。支持上下游企业协同攻克基础材料问题。
（四）优化结构布局。鼓励大型企业向成套集成转变。
三、积极发展社会化服务
（五）培育服务组织。培育壮大专业户和合作社等服务主体。
（六）创新服务机制。鼓励跨区作业和订单作业等多种形式。
四、切实加强人才培养
（七）健全培养体系。加强相关学科建设，扩大研究生培养规模。
（八）注重实用人才。遴选和培养一线实用人才，弘扬工匠精神。
五、强化组织领导
（九）加强组织领导。建立协调推进机制，统筹推进各项工作。
（十）强化督导检查。定期开展督导，及时通报进展。
"""


def test_which_tasks_a_part_sets_is_asked_among_tasks_of_its_sibling_parts() -> None:
    """「下列各项中，属于“……”部分内容的有」: the keys are the part's own titled tasks, the
    outsiders tasks of sibling parts; the routine of the last part (加强组织领导) and the frame
    (总体要求) give no option, and no option says a word of the part's title."""
    doc = parse_text(PILLARS)
    forms = Forms(Lexicon(doc))
    forms.heading_choices(random.Random(1))  # (sets up the parts the form reads)
    assert not any(c.form == "pillar_multiple" for c in forms.heading_choices(random.Random(1)))  # not proposed
    made = forms._pillar_multiples(random.Random(1))
    assert 1 <= len(made) <= 2
    parts = {s.title.rstrip("。"): [c.title.rstrip("。") for c in s.children] for s in doc.sections}
    for c in made:
        q = c.question
        part = re.search(r"属于“(.+)”部分内容的有", q.stem).group(1)
        assert part in parts and part not in ("总体要求", "强化组织领导")
        keys = {q.options[i] for i in q.answer}
        assert keys <= set(parts[part]) and len(keys) >= 2
        outsiders = set(q.options) - keys
        assert outsiders and not outsiders & set(parts[part])
        assert not set(q.options) & {"加强组织领导", "强化督导检查", "指导思想"}
        assert not verify(q, doc), verify(q, doc)
    # the verifier reads the keys against the part: an outsider marked right fails
    bad = made[0].question
    wrong = next(i for i in range(4) if i not in bad.answer)
    moved = Question(type="multiple", stem=bad.stem, options=bad.options, answer=sorted(bad.answer[1:] + [wrong]),
                     explanation=bad.explanation, source=bad.source, tags=bad.tags, difficulty=bad.difficulty)
    assert "key_not_in_quote" in verify(moved, doc)


def test_a_measure_of_a_routine_part_is_not_asked_which_part_it_serves() -> None:
    """Round 55: 「“……宣贯力度，做好政策解读和舆论引导”体现的是哪一方面的要求？」 — the measure's
    own words name 加强宣传推广: a routine part (宣传, 培训, 督导, 考核) is never the key."""
    text = OPINION.replace("（五）加强人才队伍培养。实施基层骨干计划，每年选派骨干到上级机关跟班学习。各单位要建立骨干成长档案，跟踪成长情况。",
                           "（五）加强宣传推广。加大对政策法规的宣贯力度，做好政策解读和舆论引导。各单位要建立典型案例库，及时推广好的做法。")
    forms, _doc = _forms(text)
    cands = forms.heading_choices(random.Random(1))
    assert cands
    assert not any(c.unit.info.node.title.startswith("加强宣传推广") for c in cands)


def test_a_goal_or_the_situation_is_no_part_to_choose() -> None:
    """Round 58: 「改革发展目标」 offered as the part a measure serves beside three fields of work (a
    goal, struck out at sight), and its check: 「环境保护工作取得积极进展」 (the situation). The frame's
    titles end as well as begin a part's title; a field of work is still a part."""
    from studyapp.core.questions.form_headings import _FRAME_TITLES

    for title in ("改革发展目标", "环境保护工作取得积极进展", "深化改革的重要性", "指导思想", "基本原则"):
        assert _FRAME_TITLES.match(title), title
    for title in ("完善医保目录动态调整机制", "巩固提高统筹层次", "加强党的领导", "推进目标管理责任制改革试点"):
        assert not _FRAME_TITLES.match(title), title


def test_round_65_a_bodys_measure_is_not_set_beside_the_part_on_duties() -> None:
    """Round 65: 「未履行资金退还义务的，市发展改革委……纳入公共信用信息平台」 asked which part it serves
    beside 「部门职责」 (what a body does is a duty too) and 「其他事项」 (no field at all)."""
    from studyapp.core.questions.form_headings import _FRAME_TITLES

    assert _FRAME_TITLES.match("其他事项")
    lex = Lexicon(parse_text("补贴实施细则\n一、部门职责\n市发展改革委负责补贴的组织实施，市财政局负责资金保障。\n二、咨询渠道\n"
                             "申请人可拨打热线咨询补贴政策。\n"))
    forms = Forms(lex)
    duties, advice = lex.units[0].info, lex.units[-1].info
    moved = Lexicon(parse_text("细则\n一、监督管理\n未履行资金退还义务的，市发展改革委依法依规将有关失信记录纳入公共信用信息平台。\n"
                               "二、申请流程\n个人用户应当在规定期限内提交补贴申请材料。\n"))
    forms._ties = {u.order: {"失信记录", "申请材料"} for u in moved.units}
    body_unit, plain_unit = moved.units
    assert not forms._fair(body_unit, duties)
    assert forms._fair(body_unit, advice)
    assert forms._fair(plain_unit, duties)


def test_round_69_closing_parts_are_no_rivals_to_a_measure_of_the_work() -> None:
    """Round 69: 「推行全省范围内……户籍准入年限累计互认」 offered beside 健全分析评价, 加强要素保障 and
    建立工作体系 (the closing part's headings, struck out at sight), and 「各地要强化思想认识，落实主体
    责任……」 asked which part it serves (said of any part of any plan)."""
    from studyapp.core.questions.form_headings import _ROUTINE_MEASURE, _in_routine

    assert _ROUTINE_MEASURE.search("各地要强化思想认识，落实主体责任，细化实化本地区落实举措")
    assert not _ROUTINE_MEASURE.search("推行全省范围内社保缴纳、居住时间等户籍准入年限累计互认")
    docs = Path(__file__).resolve().parents[2] / "quality" / "documents"
    doc = parse_text((docs / "zhejiang-nongye-zhuanyi-renkou-shiminhua-shishi-fangan-2023.txt").read_text(encoding="utf-8"))
    forms = Forms(Lexicon(doc))
    cands = forms.heading_choices(random.Random(1))
    closing = {"建立工作体系", "加强要素保障", "健全分析评价"}
    assert any(c.type == "single" and not _in_routine(c.unit.info) for c in cands)
    for c in cands:
        assert not _ROUTINE_MEASURE.search(c.unit.text), c.unit.text
        if c.type == "single" and not _in_routine(c.unit.info):
            assert len(closing & set(c.question.options)) <= 2, c.question.options


def test_round_70_parts_written_to_one_template_are_not_asked() -> None:
    """Round 70: an epidemic plan gives every setting (学校, 商场, 监管场所, 养老机构) the same parts —
    卫生管理要求, 疫情应对措施, 营业前准备 / 运行前准备 — and 13 of its 16 failures asked which of them a
    measure stands under (the layout; the titles fit any setting). A part whose title another
    parent repeats, or whose parent shares two title endings with another, is no key or rival."""
    docs = Path(__file__).resolve().parents[2] / "quality" / "documents"
    name = "jiangxi-liang-hao-tuijin-richangxing-xinguan-feiyan-yiqing-fangkong-shishi-yijian-2020.txt"
    doc = parse_text((docs / name).read_text(encoding="utf-8"))
    forms = Forms(Lexicon(doc))
    parts = {strip(i.node.title) for i in forms._parts()}
    for templated in ("疫情应对措施", "卫生管理要求", "预防性卫生措施", "营业前准备", "运行前准备", "运行中防控", "开学（园）后防控"):
        assert templated not in parts, templated
    assert "落实主体责任" in parts  # (城乡社区: a part of its own)
    for c in forms.heading_choices(random.Random(1)):
        assert strip(c.unit.info.node.title) in parts
        assert not set(c.question.options) - parts - {""}


def strip(title: str) -> str:
    return (title or "").rstrip("。：:")


def test_round_72_no_odd_heading_out_and_no_party_measure_beside_the_party_heading() -> None:
    """Round 72: 「“加快数字文化产业国际化人才培养”体现的是……」 with 发展沉浸式业态, 培育云演艺业态, 丰富云展览业态
    beside 强化要素支撑 (the odd one out), and 「鼓励流动党员……转入社区党组织……」 beside 「坚持和加强党对物业
    管理工作的领导」 (the one heading on the Party: the measure's word gives it)."""
    docs = Path(__file__).resolve().parents[2] / "quality" / "documents"
    for name in ("wenlvbu-tuidong-shuzi-wenhua-chanye-gaozhiliang-fazhan-yijian-2020.txt",
                 "zhujianbu-deng-jiaqiang-gaijin-zhuzhai-wuye-guanli-tongzhi-2020.txt"):
        asked = [q for q in generate_bank(parse_text((docs / name).read_text(encoding="utf-8")), 1).questions
                 if q.type == "single" and re.search(r"是下列哪一方面的|体现的是下列哪一方面的", q.stem)]
        assert asked
        for q in asked:
            key = q.options[q.answer[0]]
            wrong = [o for o in q.options if o != key]
            assert not all(w.endswith("业态") for w in wrong) or key.endswith("业态"), q.options
            assert not ("党" in key and "党" in q.quote), q.stem


def test_round_82_siblings_that_say_their_parents_theme_are_still_rivals() -> None:
    """Round 82 (福田 消费措施): every part under 扩大服务消费 says 消费 (扩大餐饮服务消费, 丰富文旅消费 …), so
    none was a rival of 提升健康服务消费 and its measure stood beside headings of housing and 帮扶 —
    struck out at sight. The parent's word every sibling says again ties none of them."""
    doc = Path(__file__).resolve().parents[2] / "quality" / "documents" / "futian-huifu-he-kuoda-xiaofei-ruogan-cuoshi-2023.txt"
    forms, _doc = _forms(doc.read_text(encoding="utf-8"))
    singles = [c.question for c in forms.heading_choices(random.Random(1)) if c.type == "single"
               and c.unit.info.node.title.startswith("提升健康服务消费")]
    assert singles
    siblings = {"扩大餐饮服务消费", "丰富文旅消费", "发展会展消费", "促进文娱体育消费"}
    for q in singles:
        assert set(q.options) - {"提升健康服务消费"} <= siblings


def test_round_83_an_items_dated_first_measure_is_no_part_to_choose() -> None:
    """Round 83 (贵州 行动方案): 「47.四季度阶段性实行全省国有景区免门票政策。……加大住宿、餐饮、特色农产品消费券
    发放力度。」 — the outline took the item's first measure for its heading, and a true/false item said
    the vouchers were a measure of 「四季度阶段性实行全省国有景区免门票政策」."""
    doc = Path(__file__).resolve().parents[2] / "quality" / "documents" / \
        "guizhou-tuidong-fugong-fuchan-fushi-cujin-jingji-huifu-tizhen-xingdong-fangan-2022.txt"
    forms, _doc = _forms(doc.read_text(encoding="utf-8"))
    titles = [strip_end(p.node.title) for p in forms._parts()]
    assert titles and not any(t.startswith(("四季度", "年底前")) for t in titles), titles
    for c in forms.heading_choices(random.Random(1)):
        assert "四季度阶段性实行" not in c.question.stem + "".join(c.question.options)


def test_round_84_a_measure_whose_field_names_its_heading_among_rivals_of_other_fields_is_not_asked() -> None:
    """Round 84 (上海 提振消费): 「“努力办好家门口学校……特级教师、骨干教师……”是下列哪一方面的要求？」 beside 优化养老
    服务供给, 完善社保制度体系, 加大生育养育保障力度 — 学校 names 强化教育支撑, the rivals are struck out at sight."""
    doc = Path(__file__).resolve().parents[2] / "quality" / "documents" / \
        "shanghai-tizhen-xiaofei-zhuanxiang-xingdong-fangan-2025.txt"
    forms, _doc = _forms(doc.read_text(encoding="utf-8"))
    asked = [c.question for c in forms.heading_choices(random.Random(1)) if c.type == "single"]
    assert not any("家门口学校" in q.stem and q.options[q.answer[0]] == "强化教育支撑" for q in asked)

    from studyapp.core.questions.form_headings import _field_of

    assert _field_of("努力办好家门口学校，加强对相对薄弱学校的支持") == "教育" == _field_of("强化教育支撑")
    assert _field_of("优化养老服务供给") == "养老" and _field_of("完善社保制度体系") == ""
    for c in forms.heading_choices(random.Random(1)):
        q = c.question
        if q.type != "single":
            continue
        key = q.options[q.answer[0]]
        measure = q.stem.split("”")[0]
        field = _field_of(measure)
        assert not (field and _field_of(key) == field
                    and not any(_field_of(o) == field for o in q.options if o != key)), q.stem


def test_round_85_a_reports_look_back_and_its_plan_are_no_rivals_and_last_years_figures_need_their_year() -> None:
    """Round 85 (辽宁 政府工作报告 2023): a 2023 task keyed 「全力……」 beside three headings of 2022's results;
    「退休人员基本养老金人均增长（　　）」 asked with no year (the year's target stood elsewhere)."""
    doc = Path(__file__).resolve().parents[2] / "quality" / "documents" / "liaoning-zhengfu-gongzuo-baogao-2023.txt"
    forms, _doc = _forms(doc.read_text(encoding="utf-8"))
    for c in forms.heading_choices(random.Random(1)):
        q = c.question
        if q.type == "single":
            kinds = {_in_review_title(forms, o) for o in q.options}
            assert len(kinds) == 1, (q.stem, q.options)
    asked = [c.question.stem for u in forms.lex.units if u.info.in_review
             for c in forms.figure_single(u, random.Random(1))]
    assert not any(s.startswith("退休人员基本养老金人均增长") for s in asked), asked


def _in_review_title(forms: Forms, title: str) -> bool:
    return next(i.in_review for i in forms._parts() if strip_end(i.node.title) == title)


def test_round_88_parts_of_one_kind_under_one_heading_are_each_others_rivals() -> None:
    """Round 88 (白城): 「“……坚持依法行政，自觉接受……监督”是下列哪一方面的措施？」 keyed 强化廉洁意识 beside three
    task headings of another part — the other 意识 of 全面加强政府自身建设 are the fair rivals."""
    import random

    from studyapp.core.questions.forms import Forms

    def part(label: str, title: str, text: str) -> str:
        return f"{label}{title}\n{text}\n"
    text = ("某市政府工作报告\n一、2022年重点工作任务\n"
            + part("（一）", "推动工业经济做大做强", "落实联系服务工业企业制度，扎实开展工业企业稳产增产行动，推动规上工业企业满负荷生产。"
                   "培育壮大新材料产业集群，支持龙头企业延链补链。")
            + part("（二）", "加快城市更新和品质提升", "统筹老城新区一体发展，推进老旧小区改造，完善城市排水管网。"
                   "实施城市道路微循环工程，打通断头路。")
            + part("（三）", "切实加强和创新社会治理", "强化源头治理，完善矛盾纠纷多元化解机制，推进信访积案化解。"
                   "健全网格化管理服务体系，提升基层治理能力。")
            + part("（四）", "系统加强生态保护建设", "统筹山水林田湖草沙系统治理，实施湿地保护修复工程，推进退化草原修复。"
                   "开展国土绿化行动，完成造林任务。")
            + "二、全面加强政府自身建设\n"
            + part("（一）", "强化政治意识", "始终把政治建设摆在首位，严守政治纪律和政治规矩，坚决贯彻落实上级决策部署。"
                   "坚持重大事项请示报告制度，确保政令畅通。")
            + part("（二）", "强化忧患意识", "树立居安思危理念，善于从发现问题着手，提前谋划应对风险挑战的预案。"
                   "健全风险研判机制，守住不发生系统性风险底线。")
            + part("（三）", "强化团结意识", "继承和发扬团结奋斗的好传统，凡事看大局、顾整体，形成推动发展的强大合力。"
                   "完善政府与群团组织联系制度，凝聚各方力量。")
            + part("（四）", "强化廉洁意识", "落实全面从严治党要求，深入推进政府系统党风廉政建设。"
                   "树立正确政绩观和权力观，坚持依法行政，自觉接受人大监督、政协监督和社会各方面监督。"
                   "严格执行中央八项规定精神，坚决纠治形式主义官僚主义。"))
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    forms.heading_choices(random.Random(1))  # (sets up the parts' words and themes)
    parts = forms._parts()
    [clean] = [p for p in parts if p.node.title == "强化廉洁意识"]
    found = forms._measures(clean, parts)
    assert found, "the part's measures have rivals"
    assert all(all("意识" in r.node.title for r in rivals[:3]) for _u, rivals in found), \
        [[r.node.title for r in rivals] for _u, rivals in found]


def test_round_92_a_reports_part_is_never_asked_as_a_choice_among_headings() -> None:
    """Rounds 89-92: in work reports the choice 「“……”是下列哪一方面的措施？」 among the report's parts was 34 / 63
    acceptable (its parts are fields of work; the measure's words give its field, the rivals plainly of another).
    A report asks the part as a true/false item or a multiple choice instead; a policy text keeps the choice."""
    import random
    from pathlib import Path

    from studyapp.core.loaders import load_file
    from studyapp.core.questions.forms import Forms

    def made(name: str) -> list:
        path = Path(__file__).resolve().parents[2] / "quality" / "documents" / f"{name}.txt"
        lex = Lexicon(parse_text(load_file(path).text, name=path.stem))
        return Forms(lex).heading_choices(random.Random(1))

    report = made("shandong-zhengfu-gongzuo-baogao-2017")
    assert report and not [c for c in report if c.question.type == "single"], [c.question.stem for c in report]
    policy = made("guoban-youhua-yingshang-huanjing-fuwu-shichang-zhuti-shishi-yijian-2020")
    assert any(c.question.type == "single" for c in policy)
