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


_POLICY = (
    "关于加快推进农业机械化的指导意见\n"
    "一、总体要求\n"
    "（一）指导思想。紧紧围绕统筹推进“五位一体”总体布局，牢固树立新发展理念，加快推进农业机械化。\n"
    "二、推进产业协同发展\n"
    "（二）推进全产业链协同发展。支持农机装备产业链上下游企业加强协同，攻克基础材料、基础工艺、电子信息等“卡脖子”问题。"
    "创新“田间日”等体验式推广新方式，切实提升农业机械化技术推广效果。"
    "对违法者“利剑高悬”，对守法者“无事不扰”，切实减少对企业正常经营活动的干预。\n"
    "三、改善作业条件\n"
    "（三）提高农机作业便利程度。进一步明确田间道路、田块长度宽度与平整度等“宜机化”要求，加强建设监理和验收评价。"
    "本意见所称“示范县”，是指农作物耕种收综合机械化率达到全国领先水平的县。\n"
    "（四）加强组织领导。各省级人民政府要充分发挥绩效考核“指挥棒”作用，把农业机械化纳入乡村振兴考核。"
    "持续深化“放管服”改革，进一步优化农机购置补贴办理流程和服务方式。\n"
)


def test_a_coinage_in_quotes_is_blanked_where_the_text_says_which() -> None:
    """A policy document's own catchword in quotes is what a study session asks: 「……等“____”
    问题」 (卡脖子), 「……等“____”要求」 (宜机化), 「绩效考核“____”作用」 (指挥棒)."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(_POLICY))
    forms = Forms(lex)
    got = {c.question.answer[0]: c.question for u in lex.units for c in forms.fill_quoted(u)}
    assert set(got) == {"卡脖子", "宜机化", "指挥棒"}
    q = got["卡脖子"]
    assert q.type == "fill" and "“____”问题" in q.stem and "卡脖子" not in q.stem
    assert q.stem.endswith("。") and q.source["quote"].startswith("支持农机装备产业链")


def test_a_quoted_term_is_not_blanked_where_another_would_fit_or_nothing_of_the_text_is_asked() -> None:
    """Not asked: a slogan of the day (五位一体, 放管服), one example of an open row (“田间日”等),
    one of a pair in view (利剑高悬 / 无事不扰), a defined term (所称“示范县”)."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(_POLICY))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.fill_quoted(u) for k in c.keys}
    assert not keys & {"五位一体", "放管服", "田间日", "利剑高悬", "无事不扰", "示范县"}


def test_a_stem_cut_after_a_quoted_term_ends_as_a_sentence() -> None:
    """「……推动开展“光盘行动”，倡导……」 cut at the comma reads 「……推动开展“____”。」, not
    without its full stop; a quoted sentence keeps its own (……“不忘初心。”)."""
    from studyapp.core.questions.formbase import FormBase

    assert FormBase._finish("推动开展“____”，") == "推动开展“____”。"
    assert FormBase._finish("他说：“要不忘初心。”") == "他说：“要不忘初心。”"


def test_a_numbered_coinage_is_not_blanked_beside_the_items_it_counts() -> None:
    """Round 53: 「推动重点任务清单、未来产业基金、项目经理人、集聚区建设“____”」 — counting the
    four items in view gives 四位一体."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "关于建设概念验证平台的实施方案\n一、总体要求\n（一）主要目标。到2027年建成一批平台。\n"
        "二、重点任务\n（二）推进协同。坚持政府引导，推动重点任务清单、未来产业基金、项目经理人、集聚区建设“四位一体”，"
        "建设一批高质量概念验证平台。\n"))
    forms = Forms(lex)
    assert not any("四位一体" in c.keys for u in lex.units for c in forms.fill_quoted(u))


def test_a_policy_text_gets_no_blank_on_what_it_puts_somewhere() -> None:
    """Round 54: 「将商业航天纳入____」 and 「联合设立____」 in a policy text are open (any plan, any
    body fits); a law's 「将……经费列入____」 is a rule and keeps its blank."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text("关于推动商业航天发展的行动计划\n一、主要任务\n（一）强化政策联动。加强市、区政策联动，"
                             "将商业航天纳入整体产业布局。\n（二）深化国际合作。支持创新主体与国际科创平台联合设立研究机构。\n"))
    forms = Forms(lex)
    assert not any(forms.fill_object(u, random.Random(1)) for u in lex.units)


def test_round_55_blanks_on_a_modifier_a_manner_or_one_of_two_coinages_are_not_asked() -> None:
    """Round 55: 「深入推进____大规模技术改造」 (新一轮, a modifier), 「建立“基金+孵化器+……”____
    机制」 (体系化布局, a manner any other fits), and 「北斗“____”增强服务」 where the document quotes
    both 天地一体化 and 星地一体化; a coinage with no near twin keeps its blank."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "关于加快北斗产业发展的行动计划\n一、主要目标\n（一）技术目标。北斗“天地一体化”增强服务技术全球领先，高精度芯片取得重大突破。"
        "形成辐射全国的“星地一体化”北斗高精度服务能力，推动制定一批国家标准。\n"
        "二、重点任务\n（二）推进技术改造。以数字化、网络化、智能化为重要手段，深入推进新一轮大规模技术改造，推动企业设备更新。\n"
        "（三）完善孵化体系。聚焦未来产业重点领域，建立“未来产业基金+高质量孵化器+概念验证中心+集聚区”体系化布局机制，提高概念验证的促进作用。\n"
        "（四）培育应用场景。鼓励技术产品服务商“揭榜挂帅”，以精准的需求侧场景吸引供给能力集聚。\n"))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.fill_term(u, random.Random(1)) + forms.fill_quoted(u) for k in c.keys}
    assert not keys & {"新一轮", "体系化布局", "天地一体化", "星地一体化"}
    assert "揭榜挂帅" in keys


def test_round_56_a_stem_keeps_its_subject_and_a_blank_names_more_than_a_policy() -> None:
    """Round 56: 「有利于维护____的长远利益」 (a clause of 「加强环境保护，有利于……」 without its
    subject, 中华民族 in the blank), 「……鼓励类企业实行____」 (政策优惠: 优惠政策, 政策支持 fit too), and
    「对不执行……、造成重大环境污染事故，」 cut before 予以重点查处: a stem shows the frame's verb."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "国务院关于落实科学发展观加强环境保护的决定\n一、充分认识环境保护的重要性\n（一）重要意义。加强环境保护，有利于促进经济结构调整和增长方式转变，"
        "实现更快更好地发展；有利于提高全社会的环境意识和道德素质，促进社会主义精神文明建设；有利于维护中华民族的长远利益，为子孙后代留下良好的生存和发展空间。\n"
        "二、经济政策\n（二）电价政策。对高耗能、高污染行业实行差别电价，对污水处理、污泥无害化处理设施、非电力行业脱硫脱硝和垃圾处理设施等鼓励类企业实行政策优惠。\n"
        "三、执法\n（三）加大执法力度。要强化依法行政意识，加大环境执法力度，对不执行环境影响评价、违反建设项目环境保护设施“三同时”制度"
        "（同时设计、同时施工、同时投产使用）、不正常运转治理设施、超标排污、不遵守排污许可证规定、造成重大环境污染事故，在自然保护区内违法开发建设"
        "等违法行为，予以重点查处。\n"))
    forms = Forms(lex)
    cands = [c for u in lex.units for c in forms.fill_term(u, random.Random(1)) + forms.inline_lists(u, random.Random(1), {})]
    keys = {k for c in cands for k in c.keys}
    assert not keys & {"中华民族", "政策优惠"}
    for c in cands:
        if c.question.stem.startswith("对不执行"):
            assert "予以重点查处" in c.question.stem
    text = lex.units[-1].text
    a = text.index("施工")
    lo, hi = forms.window(text, a, a + 2) or (0, 0)
    assert "予以重点查处" in text[lo:hi] or lo < text.index("对不执行")


def test_a_closing_call_or_the_news_of_a_meeting_is_not_asked() -> None:
    """Left from round 50: 「让我们紧密团结在……周围，坚定信心、____、埋头苦干」 and 「中国共产党第二十次
    ____于10月16日至22日在北京举行」 set no rule; 「推广先进适用____」 and 「指导企业合理进行____」
    (产业布局) are open, while 「严禁对……行业实施____」 (电价优惠) names the instrument."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "关于学习宣传贯彻党的二十大精神的决定\n一、重大意义\n（一）大会召开。中国共产党第二十次全国代表大会于10月16日至22日在北京举行。\n"
        "二、重点任务\n（二）推广技术。鼓励农业院校依托贫困地区资源禀赋，培育适合贫困地区的农产品品种，因地制宜推广先进适用种养技术。\n"
        "（三）用好规则。切实用好原产地区域累积规则，指导企业合理进行产业布局。\n"
        "（四）电价政策。严禁对高耗能、高排放、资源型行业实施电价优惠。\n"
        "（五）号召。让我们紧密团结在党中央周围，坚定信心、踔厉奋发、埋头苦干，全面推进乡村振兴。\n"))
    forms = Forms(lex)
    assert forms._ready(lex.units[0]) is None and forms._ready(lex.units[-1]) is None
    keys = {k for u in lex.units for c in forms.fill_term(u, random.Random(1)) for k in c.keys}
    assert not keys & {"全国代表大会", "种养技术", "产业布局", "踔厉奋发"}
    assert "电价优惠" in keys


def test_round_65_blanks_on_a_stock_phrase_an_open_mechanism_or_a_fragment() -> None:
    """Round 65: 「相互联动，____，形成合力」 (齐抓共管), 「同时，建立____机制，对表现突出的……；对……问责」
    (考核奖励: 奖惩 fits as well) and 「可结合排污许可证核发____」 (工作实施, a fragment) are not blanked."""
    import random

    from studyapp.core.outline import parse_text
    from studyapp.core.questions.forms import Forms
    from studyapp.core.questions.lexicon import Lexicon

    lex = Lexicon(parse_text(
        "建设用地减量化工作实施方案\n一、工作要求\n各相关职能部门、单位、村要积极参与到土地减量化工作中，相互联动，齐抓共管，形成合力。"
        "对减量化工作的进展情况定期进行通报。同时，建立考核奖励机制，对表现突出、成效显著的，积极予以表扬；对工作推进不力的，严肃问责。\n"
        "二、监督管理\n相关建设项目环境保护事中监管工作可结合排污许可证核发工作实施，事后监管工作可纳入排污许可证证后监管范围。\n"))
    forms = Forms(lex)
    rng = random.Random(1)
    keys = {k for u in lex.units for c in forms.fill_term(u, rng) + forms.fill_object(u, rng) + forms.inline_lists(u, rng, {})
            for k in c.keys}
    assert not keys & {"齐抓共管", "考核奖励", "工作实施"}


def test_round_68_a_coinage_the_stem_spells_out_is_not_asked() -> None:
    """Round 68: 「实施“____”淬炼提升工程，……培训约1000名……家庭医生，建设约100间……工作室」 (千人百家)
    and 「学位按“____”的原则进行优先登记，即一个住宅单元一个学位」 (一户一学位): the stem says it in
    full; nor is the 1000 asked beside 「“千人百家”」. A coinage whose characters lie about the
    sentence out of order (商业理念 beside 概念……专业化……经理人) is still asked."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "家庭医生签约服务实施方案\n一、重点任务\n（一）培训。深化大湾区健康合作，实施“千人百家”淬炼提升工程，利用3-5年时间，"
        "力争培训约1000名达到国际服务标准的家庭医生，建设约100间规范化家庭医生工作室。\n"
        "（二）招生。小区配套幼儿园学位按“一户一学位”的原则进行优先登记，即一个住宅单元一个学位，已被占用的不再优先。\n"
        "（三）验证。鼓励概念验证平台建立体系化组织与培训机制，为科研人员导入“商业理念”，发挥项目经理人等作用。\n"))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.fill_quoted(u) for k in c.keys}
    assert "千人百家" not in keys and "一户一学位" not in keys
    assert "商业理念" in keys
    figures = {k for u in lex.units for c in forms.figure_single(u, random.Random(1)) for k in c.keys}
    assert not any(k.startswith("1000") for k in figures), figures


def test_round_69_blanks_the_stem_gives_away_or_another_word_fills() -> None:
    """Round 69: 「实施“____”计划，支持劳动者灵活就业」 (灵活就业支持: every word of it in the stem);
    「加快建设在线课堂……鼓励引导学生利用“____”进行选课」 (在线课程 beside 在线课堂); 「对“空中花园”
    “____露台”……」 (the modifier of a quoted name); 「支持按“商改住”……进行____」 (规划修改: 规划调整
    fits); 「遴选一批新课程新教材实施____」 (示范区示范校: two things in one blank). 「加强“零工驿站”
    功能建设」 is still asked."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "保障和改善民生若干措施\n一、促进就业\n（一）就业。实施“灵活就业支持”计划，支持劳动者灵活就业。"
        "加强“零工驿站”功能建设，强化困难群体就业兜底帮扶。\n"
        "（二）教学。加快建设在线课堂、创客教室等智能学习空间，鼓励引导学生利用“在线课程”进行选课自主学习。"
        "遴选一批新课程新教材实施示范区示范校，发挥引领带动作用。\n"
        "（三）住房。对“空中花园”“开放式露台”“风雨连廊”等不计入容积率。对已出让尚未建设的非住宅商品房用地，"
        "支持按“商改住”“商改公”进行规划修改，用于还建安置等项目用途开发建设。\n"))
    forms = Forms(lex)
    rng = random.Random(1)
    keys = {k for u in lex.units for c in forms.fill_quoted(u) + forms.fill_term(u, rng) for k in c.keys}
    assert "零工驿站" in keys
    for gone in ("灵活就业支持", "在线课程", "开放式", "规划修改", "示范区示范校"):
        assert gone not in keys, gone


def test_round_70_no_blank_on_a_plain_act_or_after_an_ordinal() -> None:
    """Round 70: 「区住房建设部门组织相关单位进行____」 (项目申报: 计划申报 fits) and 「办好第十九届____」
    (省运会: the ordinal all but says it). 「对……资料进行科学预估」-like acts keep their blank."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "实施方案\n一、计划\n（一）申报。区住房建设部门组织相关单位进行项目申报，报区人民政府同意后纳入全市年度计划。\n"
        "（二）赛事。承办国家级体育赛事，办好第十九届省运会。\n"
        "（三）监测。医疗机构应当加强药品使用情况动态监测分析，对药品使用数量进行科学预估，并实现药品来源可追溯。\n"))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.fill_term(u, random.Random(1)) for k in c.keys}
    assert "项目申报" not in keys and "省运会" not in keys
    assert "科学预估" in keys, keys


def test_round_71_half_an_institution_a_court_s_kind_and_a_check_are_not_blanked() -> None:
    """Round 71: 「分级管理实行一把手____」 (负责制: half of one institution), 「建设……____人制篮球场」 (三:
    a kind of court), 「对……的地方和部门进行____」 (督导督办: 通报, 约谈 fit as well)."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "若干措施\n一、责任\n（一）主体责任。各银行保险机构要切实承担起整治乱象的主体责任，分级管理实行一把手负责制，确保责任到位。\n"
        "（二）健身。实施森林康养步道提升工程100公里，建设社区健身路径或三人制篮球场300个。\n"
        "（三）督办。对项目建设推进缓慢、投资完成情况差的地方和部门进行督导督办，推动问题整改落实。\n"))
    forms = Forms(lex)
    rng = random.Random(1)
    keys = {k for u in lex.units for c in forms.fill_term(u, rng) + forms.figure_single(u, rng) for k in c.keys}
    assert not keys & {"负责制", "督导督办", "三"}, keys
    assert not any(k.startswith("三") for k in keys), keys


def test_round_71_a_coinage_the_stem_half_shows_or_a_stock_manner_is_not_asked() -> None:
    """Round 71: 「对……临时用地即报即审。……建立“____”纪要联合审查机制」 (即报即审即出: the sentence
    before says most of it), 「建立“____”重点工业企业培育库，推动小微工业企业“升规入统”」 (小升规: its
    characters in a row), 「开展“____”志愿服务活动」 (菜单式) and 「“____”服务保障企业用工」 (保姆式: 管家式,
    点单式 fit as well). 「加强“零工驿站”功能建设」 is still asked."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "若干政策措施\n一、用地\n（一）审查。对建设项目所需临时用地即报即审。对上报市国土空间规划专业委员会审查的建设项目建立"
        "“即报即审即出”纪要联合审查机制。\n（二）培育。建立“小升规”重点工业企业培育库，推动小微工业企业“升规入统”。\n"
        "（三）志愿。基层群众性自治组织可以依托新时代文明实践中心，开展“菜单式”志愿服务活动，收集本辖区内志愿服务需求。\n"
        "（四）用工。强化重点企业用工保障，落实动态监测、服务保障等机制，“保姆式”服务保障企业用工。\n"
        "（五）就业。加强“零工驿站”功能建设，强化困难群体就业兜底帮扶。\n"))
    forms = Forms(lex)
    rng = random.Random(1)
    keys = {k for u in lex.units for c in forms.fill_quoted(u) + forms.fill_term(u, rng) for k in c.keys}
    assert "零工驿站" in keys
    assert not keys & {"即报即审即出", "小升规", "菜单式", "保姆式"}, keys


def test_round_72_no_blank_on_an_analysis_after_进行() -> None:
    """Round 72: 「综合运用海量数据进行____，提供科学决策新手段」 (态势分析: 分析研判, 趋势预测 fit as well)."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "指导意见\n一、任务\n（一）大数据。开展一体化的智慧林草大数据应用，综合运用海量数据进行态势分析，提供科学决策新手段。\n"
        "（二）监测。医疗机构应当加强药品使用情况动态监测分析，对药品使用数量进行科学预估，并实现药品来源可追溯。\n"))
    forms = Forms(lex)
    keys = {k for u in lex.units for c in forms.fill_term(u, random.Random(1)) for k in c.keys}
    assert "态势分析" not in keys and "科学预估" in keys, keys


def test_round_73_brands_of_programmes_are_not_blanked_in_a_text_full_of_them() -> None:
    """Round 73 (福清) and 71 (广元): 「“手拉手”供需对接活动」「“融升计划”奖励」「“百日攻坚”行动」 — in a
    text that brands programme after programme, a blank on a brand tests the label, not the
    measure; one brand in a text (“老伙伴”计划) is still asked. 「“专精特新”小巨人企业」 gives itself away."""
    from studyapp.core.questions.forms import Forms

    branded = ("某市若干措施\n一、支持企业\n1.对符合条件的“手拉手”供需对接活动给予每场5万元补助。\n"
               "2.推动申报福州市级“融升计划”奖励，支持企业做大做强。\n3.持续开展全市招商引资“百日攻坚”行动，鼓励引入重点企业。\n"
               "4.推动“专精特新”小巨人企业拓展外贸市场，支持优势企业开拓国际市场。\n")
    lex = Lexicon(parse_text(branded))
    forms = Forms(lex)
    assert not [c for u in lex.units for c in forms.fill_quoted(u)]
    single = ("某街道方案\n一、工作措施\n1.深化推进“老伙伴”计划，发挥好高龄独居老年人帮扶结对作用。\n"
              "2.组织开展消防安全检查，落实高龄独居老年人家庭的防火措施。\n")
    lex = Lexicon(parse_text(single))
    forms = Forms(lex)
    assert [c.question.answer for u in lex.units for c in forms.fill_quoted(u)] == [["老伙伴"]]


def _keys(text: str, *forms: str) -> list[str]:
    """The keys the named fill forms (fill_term, fill_object, fill_quoted) propose on a text."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(text))
    made = Forms(lex)
    out = []
    for u in lex.units:
        for name in forms:
            form = getattr(made, name)
            for c in (form(u) if name == "fill_quoted" else form(u, random.Random(1))):
                out += c.keys
    return out


def test_round_75_no_blank_a_time_or_a_vague_lead_gives_or_leaves_open() -> None:
    """Round 75: 「提供……24小时“____”咨询投诉服务」 (不打烊: the hours say it, 全天候 fits too) and
    「各级要建立相应的____机制」 (督查考核: a mechanism for what, nothing says)."""
    text = ("某市若干政策措施\n一、优化服务\n（一）依托12345总客服，为企业和人才提供全生命周期的24小时“不打烊”咨询投诉服务。\n"
            "（二）各级要建立相应的督查考核机制，严格责任落实。\n")
    keys = _keys(text, "fill_quoted", "fill_term")
    assert "不打烊" not in keys and "督查考核" not in keys
    keys = _keys(text.replace("24小时", "").replace("相应的", "以绩效为导向的"), "fill_quoted", "fill_term")
    assert "不打烊" in keys


def test_round_75_an_object_blank_never_swallows_the_clauses_verb() -> None:
    """Round 75 (哈尔滨): 「利息按照……基准利率和持有____，不计复利」 keyed 年限计算 — the blank took 计算,
    the verb of 按照……计算, with the thing held."""
    text = ("某市保障性住房配售管理办法\n第一条 回购价格按照原购买价格加利息计算。\n"
            "第二条 利息按照签订回购协议时中国人民银行公布的三年定期存款基准利率和持有年限计算，不计复利。\n"
            "第三条 购房人应当向不动产登记机构出示身份证件。\n")
    keys = _keys(text, "fill_object")
    assert "年限计算" not in keys


def test_round_76_an_object_blank_the_stem_echoes_or_a_sign_any_name_fits_is_not_asked() -> None:
    """Round 76 (宁波 菜市场管理条例): 「鼓励举办者配备____，……实现……信息化、智能化」 (信息化设备: the stem
    says 信息化) and 「在市场显著位置设置____，公布……」 (公示牌: 公示栏, 公告栏 fit as well)."""
    text = ("某市菜市场管理条例\n第一条 举办者应当在菜市场办公场所公示营业执照，并在市场显著位置设置公示牌，公布市场服务管理机构名称、"
            "管理人员姓名、联系方式等内容。\n第二条 鼓励举办者配备信息化设备，利用菜市场管理综合信息平台，建立服务管理数字档案，"
            "实现菜市场服务管理信息化、智能化。\n第三条 举办者应当向监督检查人员出示营业执照。\n")
    keys = _keys(text, "fill_object")
    assert "公示牌" not in keys and "信息化设备" not in keys


def test_round_76_no_blank_before_a_frame_the_stem_says_again_of_another_thing() -> None:
    """Round 76 (兰州): 「推进____“一窗通办”改革任务，研究出台企业开办“一窗通办”工作标准」 keyed 登记注册 —
    企业开办, said with the same frame, fills the blank as well."""
    text = ("某市若干措施\n一、优化营商环境\n（一）深化商事制度改革，推进登记注册“一窗通办”改革任务，研究出台企业开办“一窗通办”工作标准。\n"
            "（二）实行重大项目“容缺受理”制度，压缩审批时限。\n")
    keys = _keys(text, "fill_term")
    assert "登记注册" not in keys


def test_round_76_the_slogan_of_the_day_is_no_blank() -> None:
    """Round 76 (佛山): 「逐步改善人民群众生活品质，推动____迈出坚实步伐」 keyed 共同富裕 — a slogan of the
    day, 高质量发展 fits as well."""
    from studyapp.core.questions.formbase import _SLOGANS

    assert _SLOGANS.search("推动共同富裕迈出坚实步伐")


def test_round_77_an_object_the_sentence_ends_on_after_按照有关规定_is_no_blank() -> None:
    """Round 77 (舟山): 「高等院校、科研机构、公立医院可以按照有关规定设立____。」 (特设岗位) — what, the rules
    elsewhere say; 人才流动岗位 fits as well."""
    text = ("某市科技创新促进条例\n第一条 高等院校、科研机构、公立医院可以按照有关规定设立特设岗位。\n"
            "第二条 科技主管部门应当向符合条件的企业颁发科技型企业证书。\n")
    keys = _keys(text, "fill_object")
    assert "特设岗位" not in keys


def test_round_80_an_object_blank_never_starts_after_yuan_or_ends_on_the_clauses_act() -> None:
    """Round 80 (日照 海岸带条例): 「确需修改的，应当按照原编制____。」 keyed 批准程序执行 — 原编制 is who
    drew the plan up (编制 is no act of placing there), and the blank swallowed 执行, the verb of
    按照……执行 (程序执行 is one word to the segmenter)."""
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "quality" / "documents" / "rizhao-haiandai-baohu-yu-liyong-guanli-tiaoli-2019.txt"
    keys = _keys(doc.read_text(encoding="utf-8"), "fill_object")
    assert "批准程序执行" not in keys


def test_round_81_a_quoted_coinage_whose_head_the_stem_names_is_not_blanked() -> None:
    """Round 81 (人民银行 通知): 「通过跨境金融服务平台“____”应用场景……扩大保单融资规模」 keyed
    出口信保保单融资 — the stem names its head, 保单融资."""
    text = ("某通知\n一、金融服务\n（一）深化政保银企四方合作，通过跨境金融服务平台“出口信保保单融资”应用场景，提供更丰富的跨境贸易背景信息和"
            "更便捷的核验服务，精准服务外贸企业，扩大保单融资规模。\n（二）推广“信易贷”模式，缓解中小微企业融资难题。\n")
    assert "出口信保保单融资" not in _keys(text, "fill_quoted")


def test_round_82_a_coinage_the_bracket_after_it_spells_out_is_not_blanked() -> None:
    """Round 82 (广东 工作方案): 「打击整治“____”（非法自备油罐及装置设施、非法流动加油车、黑加油站点等）」
    keyed 自流黑 — the bracket's items begin with its three characters, in order."""
    text = ("某方案\n一、稳定消费\n1.印发实施稳定成品油消费的工作方案，建立多部门联合工作机制，打击整治“自流黑”（非法自备油罐及装置设施、"
            "非法流动加油车、黑加油站点等），规范互联网销售成品油行为。\n2.推广“信易贷”模式，缓解中小微企业融资难题。\n")
    assert "自流黑" not in _keys(text, "fill_quoted")


def test_round_82_a_coinage_the_rest_of_the_sentence_paraphrases_is_not_blanked() -> None:
    """Round 82 (云南 生育支持措施): 「全面落实新生儿“____”政策，新生儿凭出生医学证明即可参加居民医保」 keyed
    出生即参保 — 出生……即……参……保 stand in order a few characters apart."""
    text = ("某措施\n一、医疗保障\n全面落实新生儿“出生即参保”政策，新生儿凭出生医学证明即可参加居民医保并享受医保待遇。"
            "推广“信易贷”模式，缓解中小微企业融资难题。\n")
    assert "出生即参保" not in _keys(text, "fill_quoted")


def test_round_83_no_blank_on_how_an_act_is_done_or_on_the_head_of_a_compound() -> None:
    """Round 83: 「三方____签订购房协议」 (协商一致), 「到2025年____改造75万户」 (新开工), 「高标准农田建设____」
    (大会战) and 「……等部门参加的____机制」 (定期会商) — another word fits each as well."""
    text = ("某措施\n一、稳定市场\n"
            "房地产开发企业、房地产经纪机构、置换购房人按照市场化原则进行置换，三方协商一致签订购房协议，旧房可由房企直接购买。"
            "加强城镇老旧小区改造和完整社区建设，到2025年新开工改造75万户。"
            "深入实施秋冬季高标准农田建设大会战，确保年底建成高标准农田260万亩。"
            "市、区建立住房城乡建设、金融监管、银行机构等部门参加的定期会商机制，搭建政银企对接平台，帮助问题项目修复。\n")
    keys = _keys(text, "fill_term")
    for key in ("协商一致", "新开工", "大会战", "定期会商"):
        assert key not in keys, keys


def test_round_83_no_blank_on_a_stock_image_a_booklets_nickname_or_a_glossed_coinage() -> None:
    """Round 83: 「保障商品流通“____”畅通」 (最后一公里), 「修订……政策汇编“____”」 (口袋书), 「符合住房公积金
    “____”政策规定，即不得超过……最高……，不得低于……最低……」 (限高保低)."""
    text = ("某措施\n一、保障供应\n"
            "按照就地就近原则，建立重要民生商品集采集配、街道领运分拨、居委社区直送到点的保供体系，保障商品流通“最后一公里”畅通。"
            "对助企纾困政策进行全面梳理，强化政企对接机制，修订贵州省助企惠民政策汇编“口袋书”，编制政策解读联系名录。"
            "灵活就业人员住房公积金的月缴存额只需符合住房公积金“限高保低”政策规定，即不得超过当年最高月缴存额标准，不得低于最低月缴存额标准。\n")
    keys = _keys(text, "fill_quoted")
    for key in ("最后一公里", "口袋书", "限高保低"):
        assert key not in keys, keys


def test_round_87_no_blank_on_directions_the_count_gives_or_on_a_places_name() -> None:
    """Round 87 (眉山): 「规划建设“____”五条乡村振兴示范带，力争中部……率先突破」 (东西南北中: five, one of them
    中), 「推动洪雅“____”片区创建国家级度假区」 (玉屏花溪, a place); 「推广“____”五字工作法」 (拆收改栽画) stays."""
    text = ("某市政府工作报告\n一、2022年重点工作\n"
            "规划建设“东西南北中”五条乡村振兴示范带，力争中部乡村振兴示范带率先突破。"
            "支持东坡区创建天府旅游名县，推动洪雅“玉屏花溪”片区创建国家级度假区。"
            "实施农村人居环境整治提升五年行动，推广“拆收改栽画”五字工作法，因地制宜改厕2万户。\n")
    keys = _keys(text, "fill_quoted")
    assert "东西南北中" not in keys and "玉屏花溪" not in keys, keys
    assert "拆收改栽画" in keys, keys


def test_round_87_no_blank_on_the_kind_of_an_open_row_or_in_a_row_of_wishes() -> None:
    """Round 87: 「严打电信网络诈骗、食药环、黄赌毒等各类____」 (违法犯罪: 犯罪 fits), 「让龙江天更蓝、____、水更清」."""
    from studyapp.core.questions import Question, verify

    text = ("某市政府工作报告\n一、2022年重点工作\n严打电信网络诈骗、食药环、黄赌毒等各类违法犯罪。"
            "开展大规模国土绿化行动，让龙江天更蓝、山更绿、水更清。\n")
    doc = parse_text(text)
    for stem, key, quote in (
            ("严打电信网络诈骗、食药环、黄赌毒等各类____。", "违法犯罪", "严打电信网络诈骗、食药环、黄赌毒等各类违法犯罪。"),
            ("开展大规模国土绿化行动，让龙江天更蓝、____、水更清。", "山更绿", "开展大规模国土绿化行动，让龙江天更蓝、山更绿、水更清。")):
        q = Question(type="fill", stem=stem, options=[], answer=[key], explanation="", difficulty=2, tags=["措施"],
                     source={"section": ["一、"], "quote": quote})
        reasons = verify(q, doc)
        assert {"fill_after_open_list", "fill_slogan_row"} & set(reasons), (stem, reasons)


def test_round_88_no_blank_on_a_formulas_varying_word_or_a_stock_image() -> None:
    """Round 88 (河北 2018, regenerated): 「惟创新者进、____、惟创新者胜」 (惟创新者强), 「以疏解北京非首都功能为“____”」
    (牛鼻子: the field's everyday image)."""
    from studyapp.core.questions import Question, verify

    text = "某省政府工作报告\n一、2018年工作\n惟创新者进、惟创新者强、惟创新者胜。\n"
    q = Question(type="fill", stem="惟创新者进、____、惟创新者胜。", options=[], answer=["惟创新者强"], explanation="",
                 difficulty=2, tags=["措施"], source={"section": ["一、"], "quote": "惟创新者进、惟创新者强、惟创新者胜。"})
    assert "fill_formula_row" in verify(q, parse_text(text))
    image = ("某省政府工作报告\n一、2018年工作\n以疏解北京非首都功能为“牛鼻子”，落实好协同发展年度任务，"
             "推动一批标志性项目落地。\n")
    assert "牛鼻子" not in _keys(image, "fill_quoted")


def test_round_88_no_blank_that_takes_a_predicate_cuts_a_compound_or_is_spelled_out_or_an_attitude() -> None:
    """Round 88: 「机构设置____」 (应当科学合理) and 「……设置____，各级机构限额由……」 (实行限额管理): 设置 the noun, the
    blank took the predicate; 「遵守____安全法律法规」 (道路交通) cuts a compound; 「建立高质量的“____”，……招商项目
    100个、……项目100个」 (双百项目储备库) is spelled out; 「审时度势、____、尊重规律」 (深思熟虑) an attitude."""
    law = ("中国共产党机构编制工作条例\n第一章 总则\n第一条 机构设置应当科学合理，具有比较完整且相对稳定的独立职能。\n"
           "第二条 地方党政机构设置实行限额管理，各级机构限额由党中央统一规定。\n"
           "第三条 快递从业人员应当遵守道路交通安全法律法规的规定，按照操作规范安全、文明驾驶车辆。\n")
    keys = set(_keys(law, "fill_object")) | set(_keys(law, "fill_term"))
    assert not {"应当科学合理", "实行限额管理", "道路交通"} & keys, keys
    report = ("某市政府工作报告\n一、2022年重点工作\n加大项目策划和包装力度，建立高质量的“双百项目储备库”，深度谋划亿元以上"
              "招商项目100个、向上争取资金项目100个。\n我们要坚持稳中求进工作总基调，审时度势、深思熟虑、尊重规律，把握好工作节奏和"
              "力度。\n")
    assert "双百项目储备库" not in _keys(report, "fill_quoted")
    lex = Lexicon(parse_text(report))
    forms = __import__("studyapp.core.questions.forms", fromlist=["Forms"]).Forms(lex)
    listed = [c.question.answer for u in lex.units for c in forms.inline_lists(u, random.Random(1), {})]
    assert not any(a == ["深思熟虑"] for a in listed), listed


def test_round_90_no_blank_on_half_an_institution_a_stock_image_or_a_places_brand_the_stem_names() -> None:
    """Round 90: 「……生态环境损害责任终身____」 (追究制: half of 终身追究制), 「吃下“____”」 (定心丸), 「加大企业信用监管……，
    加强“____”体系建设」 (信用鹰潭, in 鹰潭's report)."""
    law = ("某市政府工作报告\n一、2016年工作\n强化生态文明制度建设，落实领导干部任期生态文明建设责任制、自然资源资产离任审计制度"
           "和生态环境损害责任终身追究制。\n")
    assert "追究制" not in _keys(law, "fill_term")
    image = ("某自治区政府工作报告\n一、2021年工作\n抓好第二轮土地承包到期后再延长30年试点，让农民吃下长效“定心丸”，"
             "稳定农村土地承包关系。\n")
    assert "定心丸" not in _keys(image, "fill_quoted")
    brand = ("政府工作报告——2016年1月12日在鹰潭市第八届人民代表大会第六次会议上\n一、2016年工作\n"
             "加大企业信用监管警示系统的应用力度，加强“信用鹰潭”体系建设，推进政务诚信和商务诚信。\n")
    assert "信用鹰潭" not in _keys(brand, "fill_quoted")


def test_round_91_no_blank_on_a_verb_glued_to_the_adjective_of_what_follows() -> None:
    """Round 91 (毕业生就业 意见): 「拓宽……就业渠道，____的就业增长点」 keyed 开发新 — one word to the segmenter."""
    text = "某意见\n一、拓宽就业渠道\n拓宽市场化社会化就业渠道，开发新的就业增长点，稳定和扩大就业容量。\n"
    assert "开发新" not in _keys(text, "fill_term")
