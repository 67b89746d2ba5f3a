"""The document's lists (form_lists.py): 简答 on a closed list, and a definition asked for its term among the document's other defined terms."""

from __future__ import annotations

import random
import re

from studyapp.core.outline import parse_text
from studyapp.core.questions.lexicon import Lexicon


def test_short_answer_on_a_closed_list_that_says_what_its_items_are() -> None:
    from studyapp.core.questions.forms import Forms

    text = ("第一条 订立劳动合同，应当遵循合法、公平、平等自愿、协商一致、诚实信用的原则。\n"
            "第二条 公务员工资包括基本工资、津贴、补贴和奖金。\n"
            "第三条 国家鼓励发展教育、科技、文化等事业。\n"
            "第四条 用人单位应当依法建立和完善劳动规章制度，保障劳动者享有劳动权利、履行劳动义务。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    got = {u.text[:4]: forms.inline_short(u) for u in lex.units}
    (q,) = [c.question for c in got["订立劳动"]]
    assert q.stem == "订立劳动合同，应当遵循哪些原则？" and q.answer == ["合法", "公平", "平等自愿", "协商一致", "诚实信用"]
    (q,) = [c.question for c in got["公务员工"]]
    assert q.stem == "公务员工资包括哪些？" and q.answer == ["基本工资", "津贴", "补贴", "奖金"]
    assert not got["国家鼓励"]  # an open list (等): any other item could belong
    assert not got["用人单位"]  # a list in passing, with nothing said of what its items are


def test_a_definition_asks_its_term_among_the_documents_other_terms() -> None:
    """「本法所称（　　），是指……」 with the law's other defined terms as options; a term whose
    rival is defined by it (人员密集场所 holds 公众聚集场所) is no fair option."""
    from studyapp.core.questions.forms import Forms

    text = ("第一条 本法所称消防设施，是指火灾自动报警系统、自动灭火系统、消火栓系统、防烟排烟系统等。\n"
            "第二条 本法所称消防产品，是指专门用于火灾预防、灭火救援和火灾防护、避难、逃生的产品。\n"
            "第三条 本法所称公众聚集场所，是指宾馆、饭店、商场、集贸市场、客运车站候车室等。\n"
            "第四条 本法所称人员密集场所，是指公众聚集场所，医院的门诊楼、病房楼，学校的教学楼等。\n"
            "第五条 本法所称网络运营者，是指网络的所有者、管理者和网络服务提供者。\n"
            "第六条 本法所称消防车通道，是指供消防车通行、停靠和展开灭火救援作业的道路。\n")
    forms = Forms(Lexicon(parse_text(text)))
    got = {c.question.answer and c.question.options[c.question.answer[0]]: c.question for c in forms.definitions(random.Random(1))}
    q = got["消防设施"]
    assert q.stem == "本法所称（　　），是指火灾自动报警系统、自动灭火系统、消火栓系统、防烟排烟系统等。"
    assert len(q.options) == 4 and "消防设施" in q.options
    assert "人员密集场所" not in got["公众聚集场所"].options
    assert "网络运营者" not in got["公众聚集场所"].options  # (those who run a network beside places — round 66)
    # 「……的产品」 names the key's kind, and no rival is a 产品: the stem gives it away (round 41)
    assert "消防产品" not in got
    # fewer than four terms: no fair options
    assert not Forms(Lexicon(parse_text("\n".join(text.split("\n")[:3])))).definitions(random.Random(1))


def test_a_list_item_is_not_blanked_where_the_stem_says_its_word() -> None:
    """Round 53: 「……快速检测等方向……推动创新药物、疫苗、____和医疗器械」 (检测产品) and 「……自动监测和
    自动控制技术……集约化、____、智能化」 (自动化): the stem hints the key. A word said all through the
    document (保护 in a 河湖保护 regulation) hints nothing."""
    from studyapp.core.questions.forms import Forms

    text = ("关于加强应急科技攻关的实施意见\n一、主要任务\n（一）推进攻关。围绕疾病诊治、快速检测等方向实施攻关，"
            "推动创新药物、疫苗、检测产品和医疗器械的研发与应用。\n"
            "（二）推进机械化。推广自动监测和自动控制技术，探索集约化、自动化、智能化生产。\n"
            )
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.inline_lists(u, random.Random(1), {}) if c.type == "fill" for k in c.keys}
    assert "检测产品" not in keys
    control = Lexicon(parse_text("关于加强应急科技攻关的实施意见\n一、主要任务\n（一）推进机械化。推广温湿度综合监测技术，"
                                 "探索集约化、自动化、智能化生产。\n"))
    assert any(c.keys == ["自动化"] for u in control.units  # (where nothing in the stem says it)
               for c in Forms(control).inline_lists(u, random.Random(1), {}) if c.type == "fill")
    hinted = next(u for u in lex.units if "自动监测" in u.text)
    assert not [c for c in forms.inline_lists(hinted, random.Random(1), {}) if c.type == "fill"]


def test_round_54_stock_rows_of_a_policy_text_are_not_blanked() -> None:
    """「新业务、新应用、____、新业态」 (a stock row of the day), 「性价比高、____、具有品牌效应的……火箭」
    (a row of qualities: any other fits); a parallel word of the list's own items (重大 in 制定重大决策、
    处置重大资产) is no hint."""
    from studyapp.core.questions.forms import Forms

    text = ("关于加快未来产业发展的行动方案\n一、主要任务\n（一）培育新业态。非侵入式脑机接口形成一批新业务、新应用、新模式、新业态，打造一批爆款应用。\n"
            "（二）发展商业航天。开发性价比高、成熟稳定、具有品牌效应的商业运载火箭，推进总装测试基地建设。\n"
            "（三）推行法律顾问制度。在推进依法行政、制定重大决策、处置重大资产过程中，保证法律顾问发挥作用。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.inline_lists(u, random.Random(1), {}) if c.type == "fill" for k in c.keys}
    assert not keys & {"新应用", "新模式", "成熟稳定"}
    assert "制定重大决策" in keys


def test_round_55_what_a_choice_weighs_is_not_blanked() -> None:
    """「根据企业发展规模、____、产品及服务特点，开展……」: the things a choice is made by are an open
    row (行业特点 fits as well as 行业需求); a row of steps keeps its blank."""
    from studyapp.core.questions.forms import Forms

    text = ("关于推进工业互联网发展的行动计划\n一、主要任务\n（一）推广新模式。支持领先制造企业与特色中小企业，根据企业发展规模、行业需求、"
            "技术基础、服务特点，开展新模式探索与推广，形成一批典型模式。\n"
            "（二）强化安全保障。建立威胁信息的共享机制，开展态势研判、风险评估、应急处置工作，提升网络安全防护能力。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.inline_lists(u, random.Random(1), {}) if c.type == "fill" for k in c.keys}
    assert not keys & {"行业需求", "技术基础"}
    assert "风险评估" in keys


def test_rows_of_the_day_are_not_blanked() -> None:
    """Left from rounds 50–52: 「多形式、____、全覆盖」 (a stock row), 「移动互联网、____、云计算」 (the
    technologies of the day), 「宣讲政策、____、做好帮扶」 (routine acts); a row whose items share a
    word (拥护核心、____核心、捍卫核心) keeps its blank on what differs."""
    from studyapp.core.questions.forms import Forms

    text = ("关于做好当前和今后一个时期促进就业工作的若干意见\n一、主要任务\n（一）开展培训。面向全体党员开展多形式、分层次、全覆盖的全面培训，推动学习走深走实。\n"
            "（二）发展赛事。鼓励以移动互联网、大数据、云计算技术为支撑，提升赛事报名、赛事转播的服务水平。\n"
            "（三）宣传政策。各有关部门要积极开展政策宣传，深入企业宣讲政策、了解困难、做好帮扶，推动政策落地见效。\n"
            "（四）增强自觉。不断增强拥护核心、跟随核心、捍卫核心的思想自觉，始终同党中央保持高度一致。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.inline_lists(u, random.Random(1), {}) if c.type == "fill" for k in c.keys}
    assert not keys & {"分层次", "大数据", "了解困难"}
    assert "跟随" in keys


def test_a_row_of_fields_or_of_words_for_a_pattern_is_not_blanked() -> None:
    """Round 54: 「推动养老康复、教育体育、____、文化娱乐领域的创新应用」 (another field named elsewhere fits)
    and 「形成要素汇聚、____、功能互补、辐射带动的空间布局」 (words for a pattern, nothing to learn);
    a row of measures keeps its blank."""
    from studyapp.core.questions.forms import Forms

    text = ("脑机接口未来产业行动方案\n一、重点任务\n（一）拓展应用。推动养老康复、教育体育、智能生活、文化娱乐领域的创新应用，形成示范。\n"
            "（二）优化布局。健全综合交通体系，形成要素汇聚、统筹整合、功能互补、辐射带动的空间布局，推动融合发展。\n"
            "（三）完善格局。完善党委领导、人大主导、政府依托、各方参与的立法工作格局。\n")
    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.inline_lists(u, random.Random(1), {}) if c.type == "fill" for k in c.keys}
    assert not keys & {"智能生活", "统筹整合", "教育体育", "功能互补"}
    assert keys & {"人大主导", "政府依托"}  # a formula learnt by heart (round 51) keeps its blank


def test_round_65_a_list_of_各项_asks_which_items() -> None:
    """Round 65: 「港口经营业务主要包括下列各项：」 was asked 「……主要包括哪些各项？」."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "上海港口经营管理实施办法\n第一章 总则\n第一条 为规范港口经营，制定本办法。\n第二条 港口经营业务主要包括下列各项：\n"
        "（一）为船舶提供码头、过驳锚地、浮筒等设施；\n（二）为旅客提供候船和上下船舶设施和服务；\n"
        "（三）从事货物装卸、仓储、港区内驳运；\n（四）为船舶进出港、靠离码头提供拖轮服务。\n"
        "第三条 港口行政管理部门应当依法监督港口经营。\n"))
    stems = [c.question.stem for c in Forms(lex).lists()]
    assert "港口经营业务主要包括哪些内容？" in stems
    assert not any("哪些各项" in s for s in stems)


def test_round_66_a_defined_kind_of_person_is_offered_beside_persons_only() -> None:
    """Round 66: 「本条例所称（　　），是指无劳动能力……的老年人」 (特困人员) offered beside 养老服务设施,
    养老机构, 养老服务组织 — ruled out at a glance. Beside three other defined persons it is asked."""
    from studyapp.core.questions.forms import Forms

    things = ("（一）养老服务设施，是指为老年人提供生活照料、康复护理等服务的房屋、场地、设施设备。\n"
              "（二）养老机构，是指依法办理登记，为老年人提供全日集中住宿和照料护理服务的机构。\n"
              "（三）养老服务组织，是指依法成立的为老年人提供养老服务的企业、社会组织。\n")
    people = ("（四）失能老年人，是指日常生活活动能力评估为重度失能等级的六十周岁以上的老年人。\n"
              "（五）护理人员，是指在养老机构中从事生活照料和护理工作的工作人员。\n"
              "（六）留守老年人，是指子女等赡养人长期外出务工，留在农村居住生活的老年人。\n")
    poor = "（七）特困人员，是指无劳动能力、无生活来源且无法定赡养、扶养义务人的老年人。\n"

    def asked(items: str) -> list[list[str]]:
        lex = Lexicon(parse_text("养老服务条例\n第一章 附则\n第七十四条 本条例下列用语的含义：\n" + items))
        return [c.question.options for c in Forms(lex).definitions(random.Random(1)) if c.keys == ["特困人员"]]

    assert asked(things + poor) == []
    [options] = asked(things + people + poor)
    assert set(options) <= {"特困人员", "失能老年人", "护理人员", "留守老年人"}


def test_round_67_no_blank_on_half_an_item_before_its_short_object() -> None:
    """Round 67: 「……坚持尊重农民意愿、方便群众生产生活、保持乡村功能和特色的原则」 blanked 保持乡村功能 —
    「____和特色」: 特色 is 保持's object, not an item of the list. (「联合调查、信息共享和奖惩机制」: things,
    奖惩 one of them — its blank stays.)"""
    from pathlib import Path

    from studyapp.core.questions import generate_bank

    docs = Path(__file__).resolve().parents[2] / "quality" / "documents"
    keys = {k for q in generate_bank(parse_text((docs / "beijing-xiangcun-zhenxing-cujin-tiaoli-2024.txt")
                                                .read_text(encoding="utf-8")), 1).questions if q.type == "fill" for k in q.answer}
    assert "保持乡村功能" not in keys
    keys = {k for q in generate_bank(parse_text((docs / "guoban-jiaqiang-huanjing-jianguan-zhifa-tongzhi-2014.txt")
                                                .read_text(encoding="utf-8")), 1).questions if q.type == "fill" for k in q.answer}
    assert "信息共享" in keys


def test_round_69_the_virtues_of_a_team_and_a_row_of_rooms_are_not_blanked() -> None:
    """Round 69: 「建设一支品德高尚、富有爱心、____、素质优良的婴幼儿照护服务队伍」 (敬业奉献: 业务精湛
    fits) and 「积极建设学科教室、____、社团活动室」 (创新实验室: 创客教室 fits). A row of principles
    keeps its blank; so does 「……研发设计中心、____中心、检测维修中心」, the kind in view."""
    lex = Lexicon(parse_text(
        "实施意见\n一、队伍\n（一）建设。要大力开展职业道德教育，建设一支品德高尚、富有爱心、敬业奉献、素质优良的婴幼儿照护服务队伍。\n"
        "（二）条件。加快推进数字校园建设，积极建设学科教室、创新实验室、社团活动室。\n"
        "（三）原则。救助基金管理应当坚持扶危救急、公开透明、便捷高效的原则。\n"
        "（四）升级。推动综合保税区发展成为具有全球影响力的加工制造中心、研发设计中心、物流分拨中心、检测维修中心。\n"))
    from studyapp.core.questions.forms import Forms

    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.inline_lists(u, random.Random(1), {}) if c.form == "list_fill" for k in c.keys}
    assert "敬业奉献" not in keys and "创新实验室" not in keys
    assert "公开透明" in keys and "物流分拨" in keys, keys


def test_round_70_faults_a_definition_s_kind_and_a_list_without_its_act() -> None:
    """Round 70: 「对……不担当、不作为、慢作为、____、落实不力的」 (作风漂浮: 乱作为 fits); 「本条例所称
    （　　），是指……的镇和村」 beside 历史建筑, 历史文化街区, 历史城区 (only one option is a 镇 or 村);
    「政务部门应当根据……要求，遵循哪些原则？」 without 「……采集数据」 (the principles of what)."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "历史文化名城保护条例\n第一章 总则\n第一条 对在保护工作中不担当、不作为、慢作为、作风漂浮、落实不力的，要予以坚决查处。\n"
        "第二条 政务部门应当根据政务数据资源目录和数据采集规范要求，遵循合法、必要、适度的原则，按照法定职责在政务数据目录的范围内采集数据。\n"
        "第三条 历史文化名城保护应当遵循科学规划、严格保护、合理利用的原则。\n"
        "第四条 本条例下列用语的含义：\n（一）历史建筑，是指经市人民政府确定公布的具有一定保护价值的建筑物、构筑物。\n"
        "（二）历史文化名镇名村，是指经省人民政府批准公布的保存文物特别丰富且具有重大历史价值的镇和村。\n"
        "（三）历史文化街区，是指经省人民政府核定公布的保存文物特别丰富、历史建筑集中成片的区域。\n"
        "（四）历史城区，是指城镇中能体现其历史发展过程或者某一发展时期风貌的地区。\n"
        "（五）传统风貌建筑，是指具有一定建成历史，能够反映历史风貌和地方特色的建筑物。\n"))
    forms = Forms(lex)
    rng = random.Random(1)
    policy = Lexicon(parse_text(
        "实施意见\n一、工作要求\n（一）督查。各地、各单位要坚持问题导向，及时查找存在的薄弱环节，对突出问题要即知即改。"
        "对在防疫中责任不落实、不担当、不作为、慢作为、作风漂浮、落实不力的，要予以坚决查处，力戒形式主义、官僚主义。\n（二）原则。救助基金管理应当坚持扶危救急、公开透明、便捷高效的原则。\n"))
    pforms = Forms(policy)
    fills = {k for u in policy.units for c in pforms.inline_lists(u, rng, {}) if c.form == "list_fill" for k in c.keys}
    assert "作风漂浮" not in fills and "公开透明" in fills, fills
    assert not any(c.keys == ["历史文化名镇名村"] for c in forms.definitions(rng))
    shorts = [c.question.stem for u in lex.units for c in forms.inline_short(u)]
    assert not any("政务部门" in s for s in shorts), shorts
    assert any(s.startswith("历史文化名城保护应当遵循哪些原则") for s in shorts), shorts


def test_round_72_an_event_is_no_outsider_among_principles() -> None:
    """Round 72: 「开发利用水资源应当按照（　　）的原则……不包括下列哪一项？」 offered 「设备损坏造成跑水」 (what
    happens, from another list) beside 优先利用地表水, 限制开采地下水, 鼓励使用非常规水: absurd at sight. An
    act of the same kind from another list (循环利用冷却水) is still the outsider."""
    from studyapp.core.questions.enums import find_enumerations
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "节约用水条例\n第一章 总则\n第一条 开发利用水资源应当按照优先利用地表水、限制开采地下水、鼓励使用非常规水的原则，"
        "实行统一调度、合理配置。\n第二章 管理\n第二条 用水设施、设备损坏造成跑水、冒水、滴水、漏水的，应当及时维修。\n"
        "第三条 用水单位应当采取措施，做到合理使用自来水、循环利用冷却水、分质供应再生水。\n"))
    forms = Forms(lex)
    pool: dict[str, list[int]] = {}
    for u in lex.units:
        for e in find_enumerations(u.text):
            for x in e.items:
                pool.setdefault(x, []).append(u.order)
    outsiders = [c for seed in range(10) for c in forms.inline_lists(lex.units[0], random.Random(seed), pool)
                 if c.form == "inline_not"]
    assert outsiders
    assert not any(re.search(r"造成|导致", o) for c in outsiders for o in c.question.options)


def test_a_body_s_duties_are_a_short_answer_however_long_their_items() -> None:
    """A local rule's lists of duties, rights, conditions and measures (「……应当履行下列安全生产管理
    职责：」, items of 40-60 characters) were never asked: blind raters accept 95 % of short answers.
    Measures keep their aim (「采取下列措施，引导社会力量……」); a list of parties a body may
    require something of (「可以要求下列单位或者个人，在指定的期限内提供……」) is still not asked."""
    from studyapp.core.questions.forms import Forms

    text = ("某市条例\n"
            "第一条 生产经营单位的技术管理机构以及安全技术人员应当履行下列安全生产管理职责：\n"
            "（一）制定安全技术规程、作业规范、技术标准，并组织本单位从业人员学习和考核；\n"
            "（二）制定重大危险源的技术管理方案，定期对重大危险源进行检测、评估和监控；\n"
            "（三）排查生产经营过程中存在的安全技术问题，发现生产安全事故隐患的及时处理并报告本单位负责人。\n"
            "第二条 县级以上人民政府应当采取下列措施，引导社会力量开展居家社区养老服务：\n"
            "（一）鼓励单位和个人利用居住区附近闲置的场所和设施，依法开展嵌入式养老服务；\n"
            "（二）鼓励家政、物业等企业发挥自身优势，为老年人提供多样化的上门服务；\n"
            "（三）支持养老机构向周边社区老年人提供日间照料和助餐服务。\n"
            "第三条 国务院证券监督管理机构可以要求下列单位或者个人，在指定的期限内提供与证券公司经营管理有关的信息、资料：\n"
            "（一）证券公司及其董事、监事、工作人员；\n"
            "（二）证券公司的股东、实际控制人；\n"
            "（三）证券公司控股或者实际控制的企业。\n")
    stems = [c.question.stem for c in Forms(Lexicon(parse_text(text))).lists()]
    assert "生产经营单位的技术管理机构以及安全技术人员应当履行哪些安全生产管理职责？" in stems
    assert "县级以上人民政府应当采取哪些措施，引导社会力量开展居家社区养老服务？" in stems
    assert not [s for s in stems if "单位或者个人" in s]


def test_round_73_places_are_no_outsiders_among_acts() -> None:
    """Round 73 (湛江): 「应当文明执法、（　　）、文明服务」 offered 文明村镇, 文明城市, 文明家庭 — titles a
    place earns, not a way of doing one's job: the answer was plain at sight."""
    from studyapp.core.questions.form_lists import _fits_shape, _list_shape

    shape = _list_shape(["文明执法", "文明办事", "文明服务"])
    assert shape is not None
    assert not _fits_shape("文明村镇", shape) and not _fits_shape("文明家庭", shape)
    assert _fits_shape("文明出行", shape)
    # what varies before a shared head is itself a modifier: no such test (行政机关、审判机关)
    bodies = _list_shape(["行政机关", "监察机关", "审判机关", "检察机关"])
    assert bodies is not None and _fits_shape("公安机关", bodies)


def test_round_77_rows_of_qualities_and_of_facilities_of_one_kind_are_no_blanks() -> None:
    """Round 77: 「支持有意愿、____、有前景的企业」 (有实力: 有潜力 fits as well) and 「布局建设区域中心仓、
    ____仓、前置仓」 (分拨: 配送仓 fits as well)."""
    text = ("某市若干措施\n一、支持企业\n（一）支持有意愿、有实力、有前景的企业开展跨境并购。\n"
            "（二）大力引进头部电商企业设立区域性总部，布局建设区域中心仓、分拨仓、前置仓。\n")
    keys = _inline_keys(text)
    assert not {"有实力", "实力", "分拨", "分拨仓"} & set(keys), keys


def test_round_81_no_blank_cuts_the_terms_a_rows_shared_ending_closes() -> None:
    """Round 81 (湖北 十五五建议): 「做强内循环、____循环、畅通双循环」 keyed 做优外 — 循环 ends the terms
    内循环, 外循环, 双循环, so the blank cut one; the row is not asked. 「文明乡风、良好家风、淳朴民风」
    (one character shared) still is."""
    text = ("某建议\n一、开放\n（一）推进高标准制度型开放，做强内循环、做优外循环、畅通双循环，以开放促改革促发展。\n"
            "（二）持续推进农村移风易俗，推动形成文明乡风、良好家风、淳朴民风，建设美丽乡村。\n")
    keys = _inline_keys(text)
    assert not any("循环" in k or k == "做优外" for k in keys), keys


def test_round_83_no_blank_in_the_circumstances_of_whom_a_rule_is_for_or_in_acts_whose_aim_comes_after() -> None:
    """Round 83: 「对参与完成重大任务、____、应对突发事件的一线社区工作者」 (抗击自然灾害: 抢险救灾 fits as
    well) and 「坚持拓宽来源、优化结构、____、提高质量，从各条战线……发现选拔优秀年轻干部」 (改进方式: the
    stem stops before what the acts are for)."""
    text = ("某意见\n一、保障待遇\n对参与完成重大任务、抗击自然灾害、应对突发事件的一线社区工作者，可按规定给予适当工作补助。\n"
            "二、干部队伍\n着眼党和国家事业长远发展需要，坚持拓宽来源、优化结构、改进方式、提高质量，从各条战线、各个领域"
            "发现选拔优秀年轻干部，优化成长路径。\n")
    keys = _inline_keys(text)
    assert "抗击自然灾害" not in keys and "改进方式" not in keys, keys


def test_round_85_no_blank_in_the_praise_of_a_reports_look_back() -> None:
    """Round 85 (辽宁, 湘潭 政府工作报告): 「一路殷殷嘱托、一路____、一路打气鼓劲」 and 「医护人员白衣执甲、干部职工冲锋
    在前、____、人民群众守望相助」 in the look back at last year — praise, where another phrase fits as well."""
    text = ("政府工作报告\n一、2022年工作回顾\n习近平总书记亲临考察，一路殷殷嘱托、一路悉心指导、一路打气鼓劲，勉励我们展现更大担当和作为。"
            "面对突如其来的新冠疫情，医护人员白衣执甲、干部职工冲锋在前、志愿者携手并肩、人民群众守望相助，众志成城打响了疫情防控的人民战争。"
            "我们加强统筹协调，坚持实事求是、系统观念、底线思维，抓住主要矛盾，纲举目张推进工作。\n"
            "二、2023年重点工作\n全力扩大有效需求，着力稳定经济运行。\n")
    keys = _inline_keys(text)
    assert "悉心指导" not in keys and "志愿者携手并肩" not in keys, keys


def _inline_keys(text: str) -> list[str]:
    """The keys the inline list forms (blanks, which-belong) propose on a text."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(text))
    forms = Forms(lex)
    return [k for u in lex.units for c in forms.inline_lists(u, random.Random(1), {}) for k in c.keys]



def test_round_89_no_blank_on_an_item_that_leaves_the_rows_shared_ending_outside() -> None:
    """Round 89 (安徽 2023): 「提高基础设施完备度、____度、人居环境舒适度」 keyed 公共服务便利 — half a term."""
    import random
    from pathlib import Path

    from studyapp.core.loaders import load_file
    from studyapp.core.questions.forms import Forms

    path = Path(__file__).resolve().parents[2] / "quality" / "documents" / "anhui-zhengfu-gongzuo-baogao-2023.txt"
    lex = Lexicon(parse_text(load_file(path).text, name=path.stem))
    [unit] = [u for u in lex.units if "公共服务便利度" in u.text]
    assert not Forms(lex).inline_lists(unit, random.Random(1), {})
