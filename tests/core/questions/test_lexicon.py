"""The document's lexicon (lexicon.py): its sentences as units with what makes each answerable —
the lead-in of the list an item belongs to, the topic of its heading — and whether the text
reads as law (articles, duties) or as a policy document in titled parts."""

from __future__ import annotations

import random

from studyapp.core.outline import parse_text
from studyapp.core.questions.lexicon import Lexicon

LAW = ("第一章 总则\n"
       "第一条 为了规范公务员的管理，制定本法。\n"
       "第二条 公务员应当遵守宪法和法律。公务员不得参与营利性活动。\n"
       "第二章 处分\n"
       "第三条 公务员有下列情形之一的，应当给予处分：\n"
       "（一）散布有损国家声誉言论的；\n"
       "（二）拒不执行上级依法作出的决定的；\n"
       "（三）违反财经纪律，浪费国家资财的。\n"
       "第四条 处分分为：警告、记过、记大过、降级、撤职、开除。\n"
       "第五条 受处分的期间为：警告，六个月；记过，十二个月。\n")

OPINION = ("关于加强基层治理的意见\n"
           "一、健全依法决策机制\n"
           "建立重大决策专家咨询库和咨询制度。各级政府要建立决策后评价制度。\n"
           "二、全面推进政务公开\n"
           "建立政务公开监督员制度，坚决惩治不公开、假公开行为。\n")


def test_list_items_carry_their_lead_in_and_sentences_their_heading() -> None:
    lex = Lexicon(parse_text(LAW, name="公务员法"))
    items = [u for u in lex.units if u.item]
    assert [u.text.rstrip("；。") for u in items][:1] == ["散布有损国家声誉言论的"]
    assert all("有下列情形之一的" in u.lead for u in items)
    duty = next(u for u in lex.units if u.text.startswith("公务员不得"))
    assert duty.topic == "总则" and not duty.item
    assert [u.order for u in lex.units] == list(range(len(lex.units)))


def test_a_law_reads_as_law_and_a_policy_document_does_not() -> None:
    law = Lexicon(parse_text(LAW, name="公务员法"))
    opinion = Lexicon(parse_text(OPINION, name="意见"))
    assert law.articled
    assert not opinion.legal and not opinion.articled
    assert {u.topic for u in opinion.units} == {"健全依法决策机制", "全面推进政务公开"}


def test_a_goal_is_asked_with_its_year_or_not_at_all() -> None:
    """「到2020年，……。全国农机总动力超过10亿千瓦。……综合机械化率达到70%。」: the figures are the
    goals of 2020. Right after the year's sentence, that sentence is shown before it; further
    back, no stem can carry the year, and the sentence is not asked (round 52)."""
    text = ("关于农业机械化的意见\n一、发展目标\n"
            "到2020年，农机装备产业科技创新能力持续提升，短板问题基本解决。"
            "全国农机总动力超过10亿千瓦，主要作物生产基本实现机械化。"
            "全国农作物耕种收综合机械化率达到70%，设施农业机械化取得明显进展。\n"
            "二、重点任务\n各地要加快农机装备研发，完善农机购置补贴政策。\n")
    lex = Lexicon(parse_text(text, name="意见"))
    by_start = {u.text[:6]: u for u in lex.units}
    assert by_start["全国农机总动"].context() == by_start["到2020年"].text
    assert by_start["全国农作物耕"].context() is None
    assert by_start["各地要加快农"].context() == ""


def test_a_sentence_that_adds_to_the_one_before_is_shown_after_it() -> None:
    """Round 53: 「对收到的建议应当及时处理」 (suggestions of what) and 「……，还应当经过品种权人
    书面同意」 (in addition to what) lean on the sentence before: shown after it, never alone."""
    lex = Lexicon(parse_text(
        "第一条 公民可以向文化主管部门提出列入名录的建议。文化主管部门对收到的建议应当及时处理，并在二十个工作日内回复。\n"
        "第二条 引种者应当提交试验报告。具有植物新品种权的品种，还应当经过品种权人书面同意。\n"
        "第三条 文化主管部门应当在二十个工作日内公布名录。\n"))
    by = {u.text[:7]: u for u in lex.units}
    assert by["文化主管部门对"].context() == "公民可以向文化主管部门提出列入名录的建议。"
    assert by["具有植物新品种"].context() != ""  # (shown after the sentence before, or not asked)
    assert by["文化主管部门应"].context() == ""


def test_round_54_notes_and_sentences_that_lean_on_the_text_before() -> None:
    """「（责任单位：市科委、市发展改革委）」 is a note, no rule; 「按照规定给予累计不超过2000万元的经费
    支持」 (for whom) and 「……应于目录更新后30天内……」 (which catalogue) are not asked alone."""
    from studyapp.core.questions.lexicon import preamble

    assert preamble("（责任单位：市科委、市发展改革委、市经济信息化委）")
    assert preamble("（商务部负责）")
    assert not preamble("（一）加强组织领导。各地要建立协调机制。")
    lex = Lexicon(parse_text(
        "关于推动产业集群发展的若干措施\n一、主要措施\n（一）推动产业集群发展。"
        "加快打造先进制造业集群。按照规定给予累计不超过2000万元的经费支持。\n"
        "（二）支持创新产品应用。公立医疗机构应于目录更新后30天内组织入院评估。\n"))
    by = {u.text[:6]: u for u in lex.units}
    assert by["按照规定给予"].context() != ""
    assert by["公立医疗机构"].context() != ""


def test_a_lead_in_whose_items_are_rules_of_their_own_is_read_as_it_stands() -> None:
    """Round 61 (yield): 「……经查证属实，按以下标准给予举报人奖励：」「……的原则，具体规定如下：」 and
    「应急管理部门收到举报事项后，按照下列规定办理：」 say whose rules the items are; 「检查时，按照下列
    规定办理：」 does not (whose check)."""
    from studyapp.core.questions.lexicon import item_lead

    assert item_lead("举报安全生产事故隐患和安全生产违法行为的，经查证属实，按以下标准给予举报人奖励") \
        == "举报安全生产事故隐患和安全生产违法行为的，经查证属实，按以下标准给予举报人奖励"
    assert item_lead("举报奖励遵循“谁受理、谁奖励”的原则，具体规定如下").endswith("具体规定如下")
    assert item_lead("应急管理部门收到举报事项后，按照下列规定办理") == "应急管理部门收到举报事项后，按照规定办理"
    assert item_lead("检查时，按照下列规定办理") is None
    assert item_lead("其具体规定如下") is None
    assert item_lead("发生以下情形的，按照降级处理") == "发生以下情形的，按照降级处理"



def test_a_lead_in_of_tasks_shared_out_among_bodies_is_not_rewritten() -> None:
    """Round 74 (广州慈善条例): 「相关部门按照职责分工，做好下列工作：」 became 「……做好的工作包括：（　　）负责
    做好……」 — a clumsy rewrite, each item naming its own body; 「……应当做好下列工作」 still reads well."""
    from studyapp.core.questions.lexicon import item_lead

    assert item_lead("相关部门按照职责分工，做好下列工作") is None
    assert item_lead("县级公安局接到被盘问人死亡的报告后，应当做好下列工作") == "县级公安局接到被盘问人死亡的报告后，应当做好的工作包括"


def test_the_body_that_receives_a_case_names_itself() -> None:
    """Yield (公务员法 第九十六条): 「受理公务员申诉的机关应当自受理之日起六十日内……」 names its body by
    what it receives and stands alone; 「受理该申请的机关……」 leans on the sentence before."""
    lex = Lexicon(parse_text(
        "第一条 公务员对处理决定不服的，可以提出申诉。\n"
        "第二条 受理公务员申诉的机关应当自受理之日起六十日内作出处理决定。\n"
        "第三条 申请人可以提出复核申请。受理该申请的机关应当在三十日内作出决定。\n"))
    by = {u.text[:6]: u for u in lex.units}
    assert by["受理公务员申"].context() == ""
    assert by["受理该申请的"].context() != ""


def test_a_lead_in_of_cases_printed_with_a_full_stop_leads_its_items() -> None:
    """Round 64: 「有下列情形之一的，由区评审小组办公室提出撤销……的申请。」 and 「物业项目……出现以下情形的，
    将……进行加减分。」 end on a full stop, yet the items under them are their cases: each carries it."""
    lex = Lexicon(parse_text(
        "服务业引导资金管理办法\n第一条 项目撤销\n"
        "有下列情形之一的，由区评审小组办公室提出撤销引导资金支持项目的申请，不予拨付支持资金。\n"
        "（一）项目实施条件发生重大变化，导致项目无法继续实施。\n"
        "（二）项目建设期满6个月，未及时提出验收或延期申请。\n"
        "（三）项目延期2年后仍不能按时竣工。\n"))
    items = [u for u in lex.units if "项目建设期满" in u.text or "项目延期" in u.text]
    assert items and all(u.item and u.lead.startswith("有下列情形之一的") for u in items)


def test_round_66_a_condition_without_its_actor_leans_on_the_sentence_before() -> None:
    """Round 66: 「无正当理由，在六个月内连续三次拒绝接受介绍的……工作的，……停发其本人的最低生活
    保障金」 — who refuses, and whose 本人, the sentence before says (……有劳动能力但未就业的成员)."""
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "quality" / "documents" / "zhejiang-shehui-jiuzhu-tiaoli-2020.txt"
    lex = Lexicon(parse_text(doc.read_text(encoding="utf-8")))
    by = {u.text[:10]: u for u in lex.units}
    assert by["无正当理由，在六个月"].context() != ""  # (shown after the sentence before, or not asked)
    assert by["最低生活保障家庭中法"].context() == ""  # (the sentence before stands alone)


def test_round_68_the_document_s_own_term_and_a_list_given_after_are_not_asked() -> None:
    """Round 68: 「本实施办法自印发之日起实施，有效期5年」 asked its term (trivia), and 「……可在以下两种方式
    中任选其一」 stated without the two ways."""
    lex = Lexicon(parse_text(
        "幼儿园招生工作方案\n一、招生办法\n（一）电脑派位。双胞胎参加电脑派位可在以下两种方式中任选其一，一经选定不得更改。\n"
        "（二）登记。幼儿园应当在5个工作日内完成登记，并公布登记结果。\n二、附则\n本实施办法自印发之日起实施，有效期5年。\n"))
    by = {u.text[:4]: u for u in lex.units}
    assert by["双胞胎参"].context() is None
    assert by["本实施办"].context() is None
    assert by["幼儿园应"].context() == ""


def test_round_68_a_rate_under_a_bare_label_is_asked_with_the_label() -> None:
    """Round 68: 「长护险费用按以下比例支付：（一）生活照料费用和医疗护理费用 1. ……；（二）设备使用费用
    1. ……按80%的比例支付」 asked 「享受长护险1级待遇的失能人员由长护险基金按（　　）的比例支付」 —
    whose rate, the label says; the stem says it first (「关于设备使用费用，……」)."""
    from studyapp.core.questions.forms import Forms

    lex = Lexicon(parse_text(
        "长期护理保险办法\n第一章 待遇\n第一条 长护险费用按以下比例支付：\n（一）生活照料费用和医疗护理费用\n"
        "1. 职工参保人员由长护险基金按机构护理75%、居家护理90%的比例支付；\n"
        "2. 居民参保人员由长护险基金按机构护理70%、居家护理85%的比例支付。\n（二）设备使用费用\n"
        "1. 享受长护险3级待遇的失能人员由长护险基金按90%的比例支付；\n"
        "2. 享受长护险2级待遇的失能人员由长护险基金按85%的比例支付；\n"
        "3. 享受长护险1级待遇的失能人员由长护险基金按80%的比例支付。\n"))
    by = {u.text[:12]: u for u in lex.units}
    assert by["享受长护险1级待遇的失能"].context() == "关于设备使用费用，"
    assert by["居民参保人员由长护险基金"].context() == "关于生活照料费用和医疗护理费用，"
    forms = Forms(lex)
    stems = [c.question.stem for u in lex.units for c in forms.figure_single(u, random.Random(1))]
    assert stems and all(s.startswith(("关于设备使用费用，", "关于生活照料费用和医疗护理费用，")) for s in stems), stems


def test_round_68_a_step_of_a_procedure_is_not_asked_without_its_matter() -> None:
    """Round 68: 「镇人民政府、街道办事处应在5个工作日内完成初核……」「区民政部门应当自收到……审核意见
    及相关材料的3个工作日内作出审批决定」 — which application (服务资助, 急难型临时救助), the text said
    before; 「服务项目应当根据……清单进行动态调整」 — the services of which facilities."""
    lex = Lexicon(parse_text(
        "养老服务管理办法\n第一章 资助\n第一条 申请急难型临时救助，申请人材料齐全的，镇人民政府应当场受理。\n"
        "镇人民政府在受理之日起3个工作日内，根据入户调查情况，提出审核意见。\n"
        "第二条 区民政部门应当自收到镇人民政府审核意见及相关材料的3个工作日内作出审批决定。\n"
        "第三条 社区养老服务设施应当具备助餐配餐、生活照料等功能。服务项目应当根据本市基本养老服务清单进行动态调整。\n"
        "第四条 区民政部门对服务资助申请应当在5个工作日内完成审核。\n"))
    def unit(part: str):  # noqa: ANN202
        return next(u for u in lex.units if part in u.text)

    assert unit("在受理之日起3个工作日内").context() is None
    assert unit("审核意见及相关材料").context() is None
    assert unit("服务项目应当").context() == "社区养老服务设施应当具备助餐配餐、生活照料等功能。"  # (or not asked)
    assert unit("服务资助申请").context() == ""  # (names what it reviews)


def test_round_69_a_condition_or_a_cap_is_asked_with_the_subsidy_it_belongs_to() -> None:
    """Round 69: 「16.给予到县域地区重点企业就业专项生活补贴。毕业5年内普通高校毕业生与……签订1年以上劳动
    合同……，从未享受其它生活补贴、资助政策。」 asked the condition without the subsidy (the item's
    title names it: the stem says it first), and 「同一职业同一等级不可重复享受，且每人每年享受补贴次数
    最多不超过3次」 — enjoy which subsidy, the text said two sentences before (not asked)."""
    lex = Lexicon(parse_text(
        "就业创业政策措施\n一、补贴政策\n（一）就业补贴\n"
        "1.给予到县域地区重点企业就业专项生活补贴。毕业5年内普通高校毕业生与县域内重点企业签订1年以上劳动合同并依法缴纳社会保险，"
        "从未享受其它生活补贴、资助政策。大专生每月500元、本科生每月800元。\n"
        "2.给予一次性吸纳就业补贴。企业录用应届普通高校毕业生并连续缴纳社会保险费满1年的，按1000元/人给予一次性吸纳就业补贴。\n"
        "3.失业保险助力技能提升。参保职工取得职业技能等级证书的，可按规定申请技能提升补贴。所需资金由失业保险基金列支。"
        "同一职业同一等级不可重复享受，且每人每年享受补贴次数最多不超过3次。\n"
        "4.给予一次性扩岗补助。企业招用毕业年度高校毕业生的，按照每人1500元标准发放一次性扩岗补助，与一次性吸纳就业补贴不重复享受。\n"))
    def unit(part: str):  # noqa: ANN202
        return next(u for u in lex.units if part in u.text)

    assert unit("毕业5年内").context() == "关于给予到县域地区重点企业就业专项生活补贴，"
    assert unit("企业录用应届").context() == ""  # (grants the subsidy itself)
    assert unit("同一职业同一等级").context() is None
    assert unit("企业招用毕业年度").context() == ""  # (names both subsidies)


def test_round_71_a_year_s_target_alone_and_a_row_of_faults_are_not_asked() -> None:
    """Round 71: 「力争花滩子大型水库……12月底前开工建设。全年争取中央资金40亿元以上。」 — the year's target
    of the whole water part, not of the reservoir the sentence before names; 「违规以公益性资产、在建工程……
    作为租赁物；违规开展……」 — what an inspection looks for, no rule."""
    lex = Lexicon(parse_text(
        "若干措施\n一、水利\n（一）投资。力争花滩子大型水库2022年11月底前获得可研批复，12月底前开工建设。全年争取中央资金40亿元以上。\n"
        "（二）整治要点。违规以公益性资产、在建工程作为租赁物；违规开展固定收益类证券投资以外的投资业务。\n"
        "（三）处罚。商业银行违规发放贷款的，由银保监局责令改正。\n"))
    def unit(part: str):  # noqa: ANN202
        return next(u for u in lex.units if part in u.text)

    assert unit("全年争取").context() is None
    assert unit("违规以公益性资产").context() is None


def test_round_73_the_cap_of_a_reward_the_sentence_does_not_name_is_not_asked() -> None:
    """Round 73 (福清): 「单个旅行社累计奖励不超过50万元」 after the standards of a reward for tours was
    asked on its own — which reward, nobody could tell."""
    lex = Lexicon(parse_text(
        "某市措施\n一、支持旅游\n1.鼓励旅行社引客入融。对于本市旅行社通过组织外地游客在本市参观1家A级收费旅游景区，并在本市住宿1晚及"
        "以上的，对旅行社按以下标准给予奖励：入住星级饭店，住宿第一晚按40元/人奖励，住宿第二晚按60元/人奖励；入住上述以外的非星级"
        "饭店，按上述标准50%给予奖励。单个旅行社累计奖励不超过50万元。鼓励机关企事业单位将工会活动委托旅行社组织实施。\n"
        "2.支持餐饮企业发展。\n"))
    unit = next(u for u in lex.units if u.text.startswith("单个旅行社"))
    assert unit.context() is None


def test_round_74_a_sentence_that_opens_with_an_ordinal_or_a_back_reference_is_not_asked() -> None:
    """Round 74 (药监局, 最高法): 「二是建立……」 and 「在此基础上，再用3—5年……」 were asked as they stand:
    whose second task, on what basis — the text said before."""
    lex = Lexicon(parse_text(
        "某局行动计划\n一、主要任务\n（一）推进追溯体系建设。一是制定药品追溯标准规范，统一追溯编码要求。"
        "二是建立药品追溯协同服务平台，实现追溯数据互联互通。\n"
        "（二）分步实施。到2020年，建立智慧监管框架体系。在此基础上，再用3—5年时间，全面建成智慧监管体系。\n"))
    second = next(u for u in lex.units if u.text.startswith("二是"))
    assert second.context() is None
    # what it builds on is shown before it, or it is not asked
    basis = next(u for u in lex.units if u.text.startswith("在此基础上"))
    assert basis.context() in (None, "到2020年，建立智慧监管框架体系。")
    alone = Lexicon(parse_text("某局行动计划\n一、目标\n在此基础上，再用3—5年时间，全面建成智慧监管体系。\n"))
    assert next(u for u in alone.units if u.text.startswith("在此基础上")).context() is None


def test_round_77_a_sentence_that_opens_with_jiang_leans_on_the_one_before() -> None:
    """Round 77 (德州): 「将关爱服务纳入村规民约，推动形成……良好社会风尚」 was asked alone — whose care, who
    puts it there, the sentence before says."""
    lex = Lexicon(parse_text("某市养老服务条例\n第一条 村民委员会应当建立农村留守老年人关爱服务制度，定期探访留守老年人。"
                             "将关爱服务纳入村规民约，推动形成孝敬父母、尊重老人的良好社会风尚。\n"))
    unit = next(u for u in lex.units if u.text.startswith("将关爱服务"))
    assert unit._own_context() is None
    assert unit.context() == unit.prev  # (shown after the sentence before)


def test_round_77_a_note_of_who_carries_a_measure_out_is_no_sentence_to_ask() -> None:
    """Round 77 (郑州): 「责任单位：市发展改革委、市工信局、市科技局、市财政局、……」 without its brackets
    became a list blank — a note, like 「（责任单位：……）」."""
    from studyapp.core.questions.lexicon import preamble

    assert preamble("责任单位：市发展改革委、市工信局、市科技局、市财政局、市金融局")
    assert preamble("（牵头单位：市商务局）")


def test_round_78_a_note_of_lead_units_in_any_brackets_is_no_sentence_to_ask() -> None:
    """Round 78 (昆明): 「〔牵头单位：市工业和信息化局，配合单位：……〕」 in square brackets became a list blank."""
    from studyapp.core.questions.lexicon import preamble

    assert preamble("〔牵头单位：市住房城乡建设局，配合单位：市自然资源规划局、市生态环境局、市工业和信息化局〕。")


def test_round_80_a_bare_label_on_its_own_line_is_the_class_the_next_paragraph_binds() -> None:
    """Round 80 (广州 长护险办法): 「（二）居民参保人员」 on a line of its own, then 「长护险缴费基数为当年度
    城乡居民医保缴费基数……」 — the outline makes that a paragraph of the article, and the rule read as
    every member's. Its context names the class; a label over numbered items, or a measure's
    title (扶持重点企业), does not."""
    text = ("某办法\n第六条 长护险缴费基数及费率标准如下：\n（一）职工参保人员\n1.单位缴费费率为0.08%。\n"
            "（二）居民参保人员\n长护险缴费基数为当年度城乡居民医保缴费基数，年缴费费率个人缴费和财政补助各为0.15%。\n"
            "（三）扶持重点企业\n对新增规上企业每户补助20万元。\n")
    lex = Lexicon(parse_text(text))
    by_text = {u.text[:8]: u for u in lex.units}
    assert by_text["长护险缴费基数为"].context() == "关于居民参保人员，"
    assert by_text["对新增规上企业每"].context() in ("", None)


def test_round_86_a_reports_look_back_is_not_asked() -> None:
    """Rounds 85–86 (government work reports): the look back at last year (「一、2014年工作回顾」「一、“十三五”时期取得的
    成就及2020年工作」) gave last year's minor figures and its praise; its tasks after it are asked."""
    text = ("政府工作报告\n一、“十三五”时期取得的成就及2020年工作\n全年救治患者964名，城市低保标准提高5.4%，干劲更大、信心更足。\n"
            "二、全面做好2021年工作\n全力扩大有效投资，全年新开工亿元以上项目500个以上，推动重大项目早落地。\n")
    lex = Lexicon(parse_text(text))
    past = [u for u in lex.units if "救治患者" in u.text]
    plan = [u for u in lex.units if "新开工" in u.text]
    assert past and past[0].info.in_review and past[0].context() is None
    assert plan and not plan[0].info.in_review and plan[0].context() is not None


def test_round_87_a_call_to_the_audience_a_decision_on_the_request_before_and_an_unnamed_list_are_not_asked() -> None:
    """Round 87: 「……为民谋利、为民____、为民担当，把……作为矢志不渝的奋斗目标！」 and 「让我们信心更强、____、
    精气神更足」 (a report's rhetoric), 「人民法院应当在（　　）内作出是否逮捕的决定」 (whose arrest: the sentence
    before says), 「推行“____”管理模式，维护清单的统一性和权威性」 (which list: the sentence before names it)."""
    text = ("某市政府工作报告\n一、2022年重点工作\n"
            "不忘初心、牢记使命，为民谋利、为民尽责、为民担当，把老百姓对美好生活的向往作为矢志不渝的奋斗目标！"
            "广大干部群众对振兴发展高度认同，让我们信心更强、干劲更大、精气神更足。"
            "“度”就是掌握火候把握分寸，审时度势、深思熟虑、尊重规律，切实把握好工作节奏和力度。\n"
            "第四十七条 社区矫正机构提请逮捕的，应当提出逮捕建议。\n人民法院应当在四十八小时内作出是否逮捕的决定。\n"
            "二、完善市场准入\n实施市场准入负面清单制度。推行“全国一张清单”管理模式，维护清单的统一性和权威性。\n")
    lex = Lexicon(parse_text(text))
    for needle in ("为民尽责", "干劲更大", "四十八小时", "全国一张清单", "深思熟虑"):
        [unit] = [u for u in lex.units if needle in u.text]
        assert unit.context() is None, (needle, unit.context())


def test_round_88_the_measures_of_a_headed_part_under_a_lead_in_are_no_list_items() -> None:
    """Round 88 (海南 2019): under 「重点抓好以下六个方面工作：」 every sentence of the six parts was an item of
    that list, with no context to show — 345 sentences gave one question."""
    text = ("某省政府工作报告\n一、关于今年的工作\n今年各项工作都要聚焦落实，重点抓好以下两个方面工作：\n"
            "（一）高标准高质量建设自贸试验区，加快探索建设中国特色自由贸易港进程\n"
            "以制度创新为核心，推进自贸试验区建设。创新投资管理制度，实行全国统一的市场准入负面清单，加强准入前和准入后"
            "市场管理措施的有效衔接。\n"
            "（二）深化供给侧结构性改革\n推动旅游业提质升级，加快建设具有世界影响力的国际旅游消费中心。\n")
    lex = Lexicon(parse_text(text))
    [unit] = [u for u in lex.units if u.text.startswith("创新投资管理制度")]
    assert not unit.item and unit.context() == ""



def test_round_90_a_lead_in_of_a_manner_and_its_act_is_no_items_lead() -> None:
    """Round 90 (生态环境保护督察工作条例): 「督察组主要采取下列方式开展工作：」 rewritten 「督察组主要采取的方式开展工作包括」
    read broken; a lead-in of duties still reads 「……应当履行的职责包括」."""
    from studyapp.core.questions.lexicon import item_lead

    assert item_lead("督察组主要采取下列方式开展工作") is None
    assert item_lead("县级以上人民政府应当履行下列职责") == "县级以上人民政府应当履行的职责包括"
