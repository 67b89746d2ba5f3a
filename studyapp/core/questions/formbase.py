"""What every family of question forms shares (forms.py puts the families together): the
document's vocabulary of rules (constants), a Candidate, and FormBase — the helpers every form
uses: the window a stem may show, a body's peers, the context a unit needs, a question built
and quoted."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from studyapp.core.questions import numbers, segment
from studyapp.core.questions.lexicon import BODY_SUFFIX, GENERIC, Lexicon, Unit, refers_elsewhere
from studyapp.core.questions.model import Question
from studyapp.core.questions.text import RX, find_section, norm, strip_end, subtree_text

if TYPE_CHECKING:
    from studyapp.core.questions.levels import LevelBody

HOLE = "（　　）"
MAX_WINDOW = 140
# the lead-in of a list sentence: 「主要预期目标是：」「今后五年政府工作的总体要求是：」「重点任务：」
_OPENING = re.compile(r"(?!其中|其他|另外|此外)[^，,。；;：:“”、（）()]{2,24}?"
                      r"(?:(?:目标|要求|任务|思路|原则|指标)(?:是|为)?|(?:主要|总体|基本|重点)[^，,。；;：:]{0,10}(?:是|为))[：:](?!$)")
# the same lead-in after the clauses that open the sentence: 「根据……，市委、市政府研究提出，今年经济社会发展
# 主要预期目标是：……」 (round 91)
_OPENING_LATER = re.compile(r"[，,](" + _OPENING.pattern[len("(?!其中|其他|另外|此外)"):] + ")")


@lru_cache(maxsize=16384)
def _opening_span(text: str) -> tuple[int, int]:
    """Where a list sentence's lead-in starts and ends (after its colon); (-1, -1) when it has none."""
    m = _OPENING.match(text)
    if m:
        return 0, m.end()
    m = _OPENING_LATER.search(text)
    if m and not re.search(r"[：:；;。]", text[:m.start()]):
        return m.start(1), m.end(1)
    return -1, -1


# 可以/应当 and the directions of a rule: changing one falsifies it
# only a prohibition turned into a permission (「未经培训合格的，可以上岗作业」): 应当 → 可以
# stays true (what must be done may be done), 应当 → 可以不 reads as absurd (「可以不遵守本法」)
# and 可以 → 应当 is a trap on one modal word — all three rejected by the blind ratings
MODAL_SWAPS = (("不得", "可以"),)
# the directions a rule sets (增加/减少 and 以上/以下 are left alone: reversing a policy's aim
# reads as absurd, and 「两个以下单位」 tests a function word — blind ratings)
DIRECTION_SWAPS = (("从重", "从轻"), ("从轻", "从重"), ("从严", "从宽"), ("从宽", "从严"),
                   ("不少于", "不超过"), ("不超过", "不少于"), ("不得少于", "不得超过"))
# what a rule turns on, and its opposite: changing it falsifies the rule without absurdity
# (书面告知 → 口头告知, 向上一级机关 → 向同级机关, 视为准予 → 视为不予)
# (有权 → 无权 is not among them: 「任何单位和个人无权举报」 is absurd, not a test — blind ratings)
_ANTONYMS = {"书面": "口头", "上一级": "同级", "视为准予": "视为不予", "视为不予": "视为准予",
             "不承担": "承担", "不计算在": "计算在", "届满前": "届满后", "无偿": "有偿",
             "同级": "上一级", "本级": "上一级", "免费": "收费"}
# (事先 → 事后 is not: 「考试结束后公布考试大纲」 is absurd — blind ratings; nor 逐级 → 越级:
# 「弹药越级进行分配」 is false on common sense alone — round 30)
_REPORT_FOR = re.compile(r"报(?:经)?[^，,。；;、和或]{2,30}?(批准|备案)(?=[。；;，,]|$)")
_ANTONYM_RE = re.compile("(" + "|".join(sorted(map(re.escape, _ANTONYMS), key=len, reverse=True)) + ")")
_RULE_STATEMENT = re.compile(r"应当|必须|不得|可以|(?<![\d])[\d一二三四五六七八九十两]{1,3}(?:个月|日|年|小时|人|次|倍|%)|"
                             r"\d{4}年(?:\d{1,2}月)?(?:底|末)?前|"
                             r"从重|从轻|从严(?!从实|治|抓|要求|管理)|从宽|以上|以下|不少于|不超过|由[^，。；]{2,16}(?:负责|决定|批准|审批)")
# a paper to carry out, cited by its number (贯彻落实《……公告》（财政部税务总局公告2022年第31号）): a
# statement that says to carry it out tests nothing of this text (round 75)
CITES_NUMBER = re.compile(r"(?:贯彻|落实|执行|实施)[^，,。；;《]{0,4}《[^》]+》[（(][^）)]*?(?:[〔［\[]\d{4}[〕］\]]\s*\d+号|"
                          r"公告\d{4}年第\d+号|令第\d+号)[）)]")
_RULE_WORD = re.compile(r"应当|必须|不得|可以|有权|负责|由[^，。；]{2,14}(?:负责|决定|批准|作出|审批)|"
                        r"[从以]重|从轻|从严|从宽|禁止|严禁")
_CONJ_NEAR = ("、", "和", "与", "及", "以及", "或", "或者", "同")
_DANGLING_LEAD = re.compile(r"^(其|该|上述|前款|本款|前条)")
# the steps of a procedure a duty may name (应当在三日内作出, 应当书面通知): 「可以不」 them is false
_PROCEDURE = re.compile(r"^(?:在|自|于|及时|书面|当场|立即|依法)?(?:通知|报告|备案|告知|公开|公示|说明|出示|提交|提请|"
                        r"移送|送达|答复|作出|听取|记录|签名|登记|审查|回避|组织|举行|召开|报送|送交|退还|解除)")
_PREDICATE_NEXT = re.compile(r"^(不得|应当|可以|必须|均|都|方可|才|则|由|须|需|不|予以|给予|依法|按照|并|是|为)")
# verbs that prescribe an instrument (实行聘任制, 进行宪法宣誓) and what may close it
# units whose figure is a rule's point (a deadline, an age, a count, an amount), asked as a blank
_FILL_UNITS = frozenset("日 天 个工作日 工作日 个月 月 年 周岁 岁 小时 分钟 人 名 次 元 万元 倍 公里 米 公顷 亩 %".split())
_INSTRUMENT_VERBS = frozenset("实行 实施 采取 推行 进行 适用 采用".split())
_NOUN_VERB_AFTER = frozenset("进行 实行".split())  # 进行宪法|宣誓 names an act; 组织力量|扑救 does not
# acts any oversight may take: 「进行____」 takes 监督, 监督检查, 跟踪管理 alike
_GENERIC_ACTS = frozenset("监督 检查 管理 指导 审查 监测 评估 核查 调查 处理 监管 督促 协调 服务 处置 整改 整治 "
                          "评价 评审 审核 考核 综合评价 "
                          "监督管理 监督检查 管理监督 指导监督 监督指导 检查监督 跟踪监督 "
                          "治理 保护 保障 宣传 教育 培训 维护 维修 保养 检修 巡查 巡视 清理 "
                          "调研 实地调研 调查研究 走访 座谈 研究 研讨 交流 沟通 协商 论证 "
                          "限制 干扰 歧视 排斥 不合理限制".split())
# what any mechanism does: 「建立……的____机制」 takes 监测预警, 风险防控, 信息共享 alike
_GENERIC_MECHANISM = frozenset("风险 预警 防控 应急 联动 共享 信息 评估 协作 会商 沟通 通报 反馈 预防 处置 "
                               "考核 激励 约束 保障 投入 统筹 调整 运行 管理 工作 长效 新".split())
_INSTRUMENT_TAILS = ("的方式", "的办法", "的形式", "的原则")


# a definition: 「本条例所称医疗事故，是指……」, or an item of 「下列用语的含义」 (「艾滋病，是指……」)
_DEFINITION = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)])?(?P<said>(?P<own>本(?:法|条例|办法|规定|细则|准则|决定))?(?:中)?所称)?"
                         r"(?:的)?[“\"]?(?P<term>[^，,。；;“”\"：:]{2,14})[”\"]?[，,：:](?:是指|指)(?P<def>[^。；;]{12,})$")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_INSTITUTIONS = frozenset("制度 机制 体制 体系 清单 责任制 工作机制 管理制度".split())
# verbs that frame a measure (建立……制度): the word after them starts a new term
_FRAME_VERBS = frozenset("建立 健全 完善 落实 实行 推行 执行 加强 推进 深化 规范 强化 严格 建设 实施 坚持 "
                         "贯彻 遵守 维护 开展 设立 制定 推广 探索 改进 改革 整合 畅通 提高 提升".split())
# a permission under a condition: making it a duty leaves the statement defensible
_CONDITION = re.compile(r"根据.{0,8}需要|必要时|需要|按照.{0,10}规定|经.{0,16}(?:批准|同意)|视.{0,4}情况|认为|"
                        r"可以.{0,20}也可以|情节|特殊|协商|一致")
# organs of one system, each with powers the others lack: a rival for any of them
_ORGANS = ("人民法院", "人民检察院", "公安机关", "监察机关", "国家安全机关")
# a body's list of duties: 「国家教育委员会在国务院的领导下，主管全国高等教育工作，其主要职责是」
_DUTY_LEAD = re.compile(r"^((?:国务院|国家|省|市|县|乡|镇)?[\u4e00-\u9fff]{1,16}?(?:委员会|部门|机关|政府|机构|学校|单位|部|局|厅|院))"
                        r"[^：:]{0,60}?(?:其|的)?(主要)?(?:职责|职权|任务)(?:是|为|如下|有)?[：:]?$")
# one project's schedule (「中石化织金50万吨/年聚乙醇酸（PGA）项目年底前完成投资15亿元以上……」): nothing a
# cadre keeps (round 83)
_ONE_PROJECT = re.compile(r"^[^，,。；;]{2,40}?(?:\d+(?:\.\d+)?万?(?:吨|千瓦|兆瓦|万千瓦|台|套|辆|头|只)/年|"
                          r"[^，,。；;]{0,30}项目(?:年底前|年内|[一二三四]季度|全年)(?:完成投资|建成|开工|投产|达产))")
# a higher law may set the figure otherwise: a figure beside it has more than one right answer
_HIGHER_LAW_ELSE = re.compile(r"(?:法律|行政法规)[^，。；]{0,12}另有规定")
# slogans of the day: a blank inside one tests nothing of the document
# sentences that set no rule a cadre learns: the closing call (「让我们紧密团结在……周围，坚定信心、踔厉奋发……」)
# and the news of a meeting held (「……全国代表大会于10月16日至22日在北京举行」) — round 50
_NOT_A_RULE = re.compile(r"^(?:让我们|同志们)|^[^，,；;。]{4,40}于[^，,；;。]{2,24}(?:举行|召开|开幕|闭幕)。?$")
# the verbs that finish a 「对……」 frame: cut before one, the clause says nothing of what is done
_FRAME_DONE = re.compile(r"进行|作出|提出|予以|给予|实行|实施|负责|审议|审查|监督|检查|处理|决定|开展|组织|采取|提供|承担|"
                         r"加强|加大|严格|依法|实施|建立|落实|要|应当|必须|不得|严禁")
_SLOGANS = re.compile(r"中华民族伟大复兴|中国特色社会主义|社会主义现代化国家|社会主义核心价值观|新发展理念|高质量发展|"
                      r"中国式现代化|人类命运共同体|全面从严治党|以人民为中心|全心全意为人民服务|实事求是|"
                      r"马克思列宁主义|毛泽东思想|邓小平理论|三个代表|科学发展观|新时代中国特色社会主义思想|"
                      r"中华民族|人民群众|全体人民|广大人民|子孙后代|共同富裕|城市让生活更美好")  # (「维护____的长远利益」:
# 国家, 人民 fit too — round 56; 「真正做到“城市让生活更美好”」, a borrowed motto — round 88)
# 「不得采集……禁止采集的信息」: forbidden things are forbidden; 「……的单位和个人都必须遵守本办法」,
# a text's scope, is true of every text
_TAUTOLOGY = re.compile(r"不得[^，。；]*(?:禁止|不得|违法)[^，。；]*的|禁止[^，。；]*禁止|"
                        r"(?:遵守|适用)本(?:办法|条例|法|规定|细则|准则)|"
                        r"应当(?:遵守|执行|符合)(?:国家|法律、法规|法律法规)?(?:的)?(?:有关|相关)规定[。；]?$|"
                        r"^[^，。；]{0,16}(?:经费|资金|款项)[^，。；]{0,6}专款专用(?:[，,](?:不得|严禁)(?:挪作他用|挪用))?[。；]?$")
# (「举办国际性会展活动的，应当遵守国家的有关规定。」「图书馆经费应当专款专用，不得挪作他用。」: true of
# anything, every regulation's formula — round 80's floor)
# exhortations: true whatever the text says
_PLATITUDE = re.compile(r"不断|积极|努力|大力|切实|进一步|自觉|认真|广泛|"
                        r"加强[^，。；]{0,40}(?:宣传|教育|监督管理|监督|管理|领导|指导|协调)(?:工作)?(?:[，。；]|$)|"
                        r"提高[^，。；]{0,16}意识")  # (「应当按照权限加强对……的监督管理」: true of any body)
# what makes a true statement a rule one could get wrong: a figure, a ban, who approves or
# records, a deadline, who is responsible — 「地方各级人民政府应当落实长江保护责任」 has none
_POINT = re.compile(r"不得|禁止|严禁|批准|备案|审批|核准|许可|登记|之日起|日内|以内|期限|届满|"
                    r"由[^，。；]{2,16}(?:负责|决定|批准|审批|确定|组织|承担|作出|指定)|"
                    r"从重|从轻|从严|从宽|不少于|不超过|不得少于|不得超过|书面|口头|无偿|有偿|免费|收费|"
                    r"回避|听证|公示|公告|告知|送达|说明理由|复议|诉讼|赔偿|补偿|退还|追偿|撤销|注销|吊销|责令|罚款|没收|处分|"
                    r"[^，。；]{6,}的[，,][^，。；]{0,20}(?:应当|必须|可以|有权)")  # (a case and what it gets)
# the drafting of a plan or a policy, true of any text of its kind (round 38)
_BOILERPLATE = re.compile(r"相协调|相衔接|相适应|相一致|相结合|做好[^，。；]{0,16}工作|发扬|弘扬|传承|"
                          r"贯彻[^，。；]{0,8}方针|舆论监督|宣传教育|共享[^，。；]{0,6}信息|信息共享|"
                          r"互相配合|相互配合|密切配合|协同配合|各负其责|分工负责")  # (coordination: round 41)
# what a court or a procuratorate never does: in its place, the sentence reads as nonsense
_ORGAN_NEVER = dict.fromkeys(("人民法院", "人民检察院", "监察机关"), re.compile(
    r"查处|行政处罚|处罚|罚款|吊销|责令|没收|警告|拘留|出警|登记|许可|备案|审批|核发|通行证|证件|证书|执照|发放|颁发|"
    r"交通|管制|巡查|巡逻|疏导|引导|抢险|救援|救灾|转移|疏散|警戒|通行|值守|排查"))
# (「（　　）负责……实施交通管制……参与抢险救灾工作」 beside 人民法院: absurd, no test — round 70)
# what only that organ does: said in the sentence, it gives the organ away (向……提起诉讼 is a
# court, whatever the options), and a rival in its place reads as nonsense, not as a test
_ORGAN_SAID = {
    # (and by its people: 「发挥法官联村制度作用」 names the court — round 67)
    "人民法院": re.compile(r"起诉|诉讼|审理|判决|裁定|审判|强制执行|支付令|司法确认|赔偿委员会|法官|法庭"),
    "人民检察院": re.compile(r"公益诉讼|抗诉|检察|批准逮捕|公诉|法律监督"),
    "公安机关": re.compile(r"治安|出警|报案|拘留|户口|身份证|侦查|交通管理|民警|警务|派出所"),
    "监察机关": re.compile(r"监察|政务处分|留置"),
}
# what a list's items are, said after it (……、诚实信用的原则) or before it (处分分为：……)
_ITEMS_NAMED = re.compile(r"^的(原则|方针|要求|方针政策|工作方针|工作原则)(?=[，,。；;]|$)")
_KINDS_AFTER = re.compile(r"(分为|包括)[：:]?$")
_LIST_VERB = re.compile(r"遵循|坚持|实行|贯彻|按照|根据|本着|遵守|执行|依照")
# what is wrong in itself: a ban on it turned into a permission is absurd, not a test
_WRONG_IN_ITSELF = re.compile(
    r"违反|违法|违背|擅自|任何|随意|捏造|诬告|泄露|非法|抵触|骗取|谋取|牟取|虚报|伪造|变造|贪污|挪用|侵占|滥用|徇私|"
    r"索取|收受|截留|克扣|私分|刁难|报复|隐瞒|歧视|强迫|推诿|敷衍|拖延|压制|侵犯|侵害|干涉|阻碍|妨碍|阻挠|损毁|任意|"
    r"打击|殴打|虐待|遗弃|体罚|侮辱|诽谤|欺骗|弄虚作假|谎报|瞒报|迟报|漏报|破坏|毁灭|冒用|盗用|诱导|误导|欺诈|胁迫|强令|索要|勒索|"
    r"变相|损害|危害|妨害|扰乱|违规|限制|超标|恶意|隐患|不符合|不合格|不全|假冒|伪劣|过期|失效|影响|干扰|污染|"
    r"强制|窃取|攻击|侵入")  # (「可以利用行政手段强制转让技术」 is absurd, not a test: round 39)
# categories of bodies (国家机关 holds them all): never a key, an option or a swap
CATEGORY_BODIES = frozenset("""
国家机关 司法机关 行政机关 主管机关 主管部门 有关机关 有关部门 相关部门 工作部门 监管部门 职能部门 业务部门
其他机关 上级机关 下级机关 本级机关 原机关 所在机关 所在单位 有关单位 有关组织 其他组织 执法部门 行政部门
上级主管机关 上级主管部门 有关主管部门 国家有关部门 政府部门 职能机构 工作机构 派出机构 派出机关
""".split())
_GENERIC_MODIFIERS = frozenset("执法 行政 国家 中国 地方 有关 相关 主管 其他 政府 司法 监管 职能 业务 工作 上级 自治 "
                               "下级 本级 同级 所在 原 该 其 各级 各 管理 专门 办案 国家有关 "
                               "当地 本地 所在地 属地 辖区 各级当地".split())
_LEVEL = re.compile(r"^(中央|国家|全国|省|自治区|直辖市|市|县|乡|镇|上级|本级|地方|各级)")
# bodies with a place in a system (机关, 委员会…): one can stand for another in a question;
# 单位, 组织 and 机构 are too general for that
SWAPPABLE = ("委员会", "机关", "法院", "检察院", "政府", "部门", "常委会", "党委", "党组", "纪委", "监委", "人大")
# the words of working together: a row's filler any other fits (「相互联动，____，形成合力」 keyed
# 齐抓共管 — round 65); the principles of a row (因地制宜, 与时俱进) stay askable there
TOGETHER = frozenset("齐抓共管 相互联动 协同配合 形成合力 密切配合 通力协作 上下联动 同向发力".split())
# set phrases of official prose that any sentence could hold
STOCK_PHRASES = frozenset("""
行使职权 履行职责 开展工作 依法履职 履行职能 发挥作用 监督管理 监督检查 跟踪监督 指导监督
高度重视 厉行节约 贯彻落实 认真落实 狠抓落实 统筹兼顾 扎实推进 稳步推进 有序推进 精心组织 周密部署 切实加强
具体办法 实施办法 有关情况 系列重要讲话 重要讲话 总书记 严格执行 认真执行 积极稳妥 因地制宜 实事求是 与时俱进 求真务实 开拓创新
组成部分 重要组成部分 重要依据 落到实处 实际行动 全心全意 负责同志 法定程序 刑事责任 法律责任 纪律责任
调查核实 合理调整 旗帜鲜明 工作部门 有关规定 国家有关规定 相关规定 领导责任 主体责任 违法行为
""".split()) | TOGETHER
# what a blank may hold: nouns, names of things, nominal verbs, set phrases
_TERM_POS = ("n", "nz", "nt", "nr", "ns", "vn", "l", "i", "j")
_NOUNISH = ("n", "nz", "nt", "nr", "ns", "vn", "j")
_BEFORE_TERM = ("u", "p", "c", "d", "r", "x", "w", "m", "q", "f", "y")


@dataclass
class Candidate:
    question: Question
    unit: Unit
    score: float
    form: str
    keys: list[str] = field(default_factory=list)  # the answer's words (for leak checks)
    covers: tuple[int, ...] = ()  # the units whose sentences it shows as options (statements)
    # the same point asked as another type (a figure's choice as a blank on its number, a
    # choice among statements as 「不符合规定的是」 or 「符合规定的有」): the selection may take it
    # instead when a document would otherwise lack that type
    alt: Candidate | None = None
    # builds the true/false item on the other side (the rule as stated, or falsified): the
    # selection turns an item over rather than drop it when true and false are out of balance
    turn: Callable[[], Candidate | None] | None = None

    @property
    def type(self) -> str:
        return self.question.type


def tags_for(unit: Unit) -> list[str]:
    t = unit.text + unit.lead
    topic = unit.topic
    out: list[str] = []
    if "原则" in topic or "原则" in t:
        out.append("原则")
    if "目标" in topic or "目标" in t or RX[r"到20\d\d年"].search(t):
        out.append("目标")
    if "指导思想" in topic or "为指导" in t:
        out.append("思想")
    if RX[r"职责|负责|职能"].search(t):
        out.append("职责")
    if RX[r"有权|权限|批准|审批"].search(t):
        out.append("权限")
    if RX[r"程序|期限|日内|个月内|之日起|报告|备案|决定"].search(t):
        out.append("程序")
    if RX[r"是指|是.{0,10}的(?:专责)?机关|称为|所称"].search(t):
        out.append("概念")
    if RX[r"应当|必须|不得|严禁|禁止|要求"].search(t):
        out.append("要求")
    if not out or RX[r"建立|健全|完善|推进|加强|实行|落实|开展|推行"].search(t):
        out.append("措施")
    return list(dict.fromkeys(out))[:3]


def _case_only(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] is only the case of a rule whose consequence comes after it
    (「……与审计结果相差±3%的；或发现……，将采取……」): no statement on its own (round 63)."""
    return hi < len(text.rstrip()) and bool(re.search(r"的[；;，,]$", text[lo:hi]))


# how a local body's name ends (区水务局, 市发展改革委, 区政府, 市救助基金管理中心)
LOCAL_BODY_END = r"(?:局|委|委员会|政府|部门|中心|办公室)"
# a sentence that opens on the bodies that act (「区水务局、区财政根据……」「市发展改革委会同……」)
_ACTOR_LED = re.compile(r"^[\u4e00-\u9fff、]{1,24}?(?:" + LOCAL_BODY_END + r"|财政)"
                        r"(?:、|和|会同|应当|应|要|根据|按照|依据|依照|负责|对|每年)")


# a clause inside a sentence that names the body acting in what follows (「……，项目(法人)单位按照……」)
_ACTOR_CLAUSE = re.compile(r"[\u4e00-\u9fff、（）()]{1,24}?(?:" + LOCAL_BODY_END + r"|单位|财政)"
                           r"(?:应当|应|要|根据|按照|依据|依照|负责|会同|每年)")


_SPAN_QUOTE = 900  # the longest source a choice among statements quotes (a few neighbouring articles)


class FormBase:
    """The helpers of every form over one document's lexicon."""

    if TYPE_CHECKING:  # methods of sibling form families, joined in forms.Forms
        def _bodies(self, text: str) -> list[tuple[str, int, int]]: ...
        def _subject_from_before(self, unit: Unit) -> bool: ...
        def _level_rivals(self, lb: LevelBody, text: str, article: str) -> list[str]: ...
        def _find_falsifications(self, unit: Unit) -> list[tuple[int, int, str, str]]: ...

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.doc_title = lex.title
        self._body_pool = sorted(b for b, n in lex.bodies.items() if 4 <= len(b) <= 12
                                 and not refers_elsewhere(b) and b not in GENERIC
                                 and not b.startswith(("跨", "各", "其他", "有关", "相关", "本")))
        # the bodies by their ending and length, so a body's peers are found without a scan
        self._fals_cache: dict[tuple[int, str], list[tuple[int, int, str, str]]] = {}
        self._whole: str | None = None  # (the document as the reader shows it: span_source)
        self._coord_cache: dict[str, bool] = {}
        self._institutions: dict[tuple[str, str], set[str]] = {}
        self._quoted_terms: dict[int, set[str]] = {}  # (the coinages the document quotes, found once)
        self._fund_names: dict[int, list[str]] = {}  # (the funds the document says pay, found once)
        self._alone_bodies: dict[str, bool] = {}
        self._counts: dict[str, int] = {}
        self._frames: dict[tuple[str, str, str], set[float]] | None = None
        self._ranges: dict[tuple[str, float, float], str] | None = None
        self._range_uses: dict[tuple[str, float, float], int] = {}
        self._articles: dict[int, tuple[str, tuple[int, str]]] = {}
        self._leads: dict[int, bool] = {}
        self._ready_memo: dict[tuple[int, str], str | None] = {}
        self._context_memo: dict[tuple[int, str], str | None] = {}
        self._body_grams: set[str] | None = None
        self._bodies_by: dict[tuple[str, int], list[str]] = {}
        for x in self._body_pool:
            for suf in BODY_SUFFIX:
                if x.endswith(suf):
                    self._bodies_by.setdefault((suf, len(x)), []).append(x)

    # --- helpers -------------------------------------------------------------------------
    def _peers(self, w: str, suffix: str, text: str, n: int) -> list[str]:
        """Up to n bodies that can stand in for w: same ending, nearest in length first."""
        out: list[str] = []
        if w in _ORGAN_SAID and _ORGAN_SAID[w].search(text.replace(w, "")):
            return out  # 「向人民法院提起诉讼」: the sentence names the organ by what it does
        for d in (0, 1, -1, 2, -2, 3, -3):
            for x in self._bodies_by.get((suffix, len(w) + d), ()):
                if _peer(x, w) and x not in text and not self._coordinated(x) and not re.search(r"[和与及、]", x) \
                        and self._stands_alone_body(x):
                    out.append(x)
                    if len(out) >= 48:
                        break
        if w in _ORGANS:
            # the organs of the judicial and supervisory system stand in for one another
            # (人民检察院 提起公益诉讼, not 人民法院 or 公安机关), whatever their ending
            out += [x for x in _ORGANS if x != w and x not in text and x not in out
                    and (x != "国家安全机关" or x in self.lex.bodies)
                    and self._full_count(x) <= 2  # (a body the law gives its own part may do this too)
                    and not (x in _ORGAN_NEVER and _ORGAN_NEVER[x].search(text))]
        out.sort(key=lambda x: (abs(len(x) - len(w)), x))
        return out[:n]

    def _stands_alone_body(self, x: str) -> bool:
        """Whether the document names x on its own somewhere, not only as the tail of a longer
        name (保障部门 only inside 人力资源社会保障部门 and 医疗保障部门 is no body — round 59)."""
        hit = self._alone_bodies.get(x)
        if hit is None:
            hit = self._alone_bodies[x] = bool(re.search(r"(?:^|[^\u4e00-\u9fff]|[、和与及或由向对经在的])" + re.escape(x),
                                                          self.lex.full, re.MULTILINE))
        return hit

    def _out_of_kind(self, f, text: str, falsify: bool = False) -> set[float]:
        """_out_of_kind, and for a limit raised to a value (放宽至二十四周岁) every value at or
        below the usual one it raises: 十八周岁 cannot be a relaxation of 二十二周岁."""
        out = _out_of_kind(f, text)
        values = set(self.lex.figure_values.get(f.unit, ())) | {float(v) for v in numbers.LADDERS.get(f.unit, ())}
        if re.search(r"单数|奇数", text[f.end:f.end + 8]):
            out |= {v for v in values if v == int(v) and int(v) % 2 == 0}  # 三至七名单数成员: never 十名
        if f.unit in ("人", "名") and (re.search(r"(?:不得少于|不少于|至少)$", text[max(0, f.start - 4):f.start])
                                      or text[f.end:f.end + 2] == "以上"):
            out.add(1.0)  # 「不得少于1人」「一人以上」 says nothing
        after = text[f.end:f.end + 3]
        if falsify and re.search(r"可以|有权|也可", text):
            # a permission with a threshold: 「十人以上联名，也可以推荐」 stays true for 十一人以上,
            # 「可以处五日以下拘留」 for 三日以下 — only the other side falsifies it
            if after.startswith("以上"):
                out |= {v for v in values if v > f.value}
            elif after.startswith(("以下", "以内")):
                out |= {v for v in values if v < f.value}
        if _RAISED_TO.search(text[max(0, f.start - 4):f.start]):
            lower = [v for v in self.lex.figure_values.get(f.unit, ()) if v < f.value]
            if lower:
                out |= {v for v in self.lex.figure_values.get(f.unit, ()) if v <= max(lower)}
                out |= {float(v) for v in numbers.LADDERS.get(f.unit, ()) if v <= max(lower)}
        return out

    def _said_elsewhere(self, f, text: str) -> set[float]:
        """Values the document itself gives for the same act (「自检验完毕之日起3个工作日内签发」
        in the next article, for another inspection): a rival among them has its own support."""
        right = text[f.end:f.end + 4]
        left = text[max(0, f.start - 6):f.start]
        right_ok = len(re.sub(r"[^\u4e00-\u9fff]|内|以|之|后|前|起|至", "", right)) >= 2
        left_ok = len(re.sub(r"[^\u4e00-\u9fff]|之日起|起|自|在|于", "", left)) >= 3
        if not (right_ok or left_ok):
            return set()
        index = self._figure_frames()
        out = set()
        if right_ok:
            out |= index.get(("r", f.unit, norm(right)), set())
        if left_ok:
            out |= index.get(("l", f.unit, norm(left)), set())
        return out - {f.value}

    def _figure_frames(self) -> dict[tuple[str, str, str], set[float]]:
        """Every figure of the document by the words right after it and right before it (built
        once: asking the whole text for each rival made generation quadratic)."""
        if self._frames is None:
            frames: dict[tuple[str, str, str], set[float]] = {}
            for u in self.lex.units:
                t = u.text
                for g in numbers.figures(t):
                    frames.setdefault(("r", g.unit, norm(t[g.end:g.end + 4])), set()).add(g.value)
                    frames.setdefault(("l", g.unit, norm(t[max(0, g.start - 6):g.start])), set()).add(g.value)
            self._frames = frames
        return self._frames

    def _full_count(self, text: str) -> int:
        """How often `text` occurs in the whole document, each string scanned once and
        remembered (the same 本级人民政府 or body name is asked about again and again)."""
        hit = self._counts.get(text)
        if hit is None:
            hit = self._counts[text] = self.lex.occurrences(text)
        return hit

    def _coordinated(self, body: str) -> bool:
        """Whether the document names `body` only as the tail of a longer name (宪法和法律委员会
        holds 法律委员会, a committee that no longer exists on its own)."""
        hit = self._coord_cache.get(body)
        if hit is None:
            total = self.lex.occurrences(body)
            tails = self.lex.occurrences(body, re.compile(r"[\u4e00-\u9fff][和与及]" + re.escape(body)))
            hit = self._coord_cache[body] = total > 0 and tails * 2 >= total
        return hit

    def _question(self, unit: Unit, qtype: str, stem: str, options: list[str], answer,
                  quote: str | None = None, difficulty: int = 2, note: str = "",
                  section: list[str] | None = None) -> Question:
        if quote is None and unit.prev and stem.startswith(unit.prev):
            quote = unit.prev + unit.text  # the stem shows the sentence before: so does the source
        quote = quote or unit.text
        # (a source of several articles — span_source — is shown as the source; the explanation
        # quotes the sentence asked, its note the others)
        expl = f"原文：“{strip_end(unit.text if section is not None else quote)}。”" + (f"{note}" if note else "")
        return Question(type=qtype, stem=stem, options=options, answer=answer, explanation=expl,
                        source={"section": list(unit.path) if section is None else section, "quote": quote},
                        tags=tags_for(unit), difficulty=difficulty)

    def span_source(self, units: list[Unit]) -> tuple[list[str], str] | None:
        """The source of a question on several sentences (a choice among statements of
        neighbouring articles): the part that holds them all (or, for articles with no chapter
        above them, the first one's), and the text from the first of them to the end of the
        last as the reader shows it — the quoted source then answers every option, not only one
        (rounds 67, 70, 74). None when they lie far apart."""
        common = list(os.path.commonprefix([list(u.path) for u in units]))
        anc = find_section(self.lex.document, common) if common else None
        text = subtree_text(anc[-1]) if anc else self._reading_text()
        spans: list[tuple[int, int]] = []
        for u in sorted(units, key=lambda u: u.order):
            at = text.find(u.text, spans[-1][1] if spans else 0)
            if at < 0:
                return None
            spans.append((at, at + len(u.text)))
        quote = text[spans[0][0]:spans[-1][1]]
        if len(quote) > _SPAN_QUOTE:
            return None
        return (common if anc else list(min(units, key=lambda u: u.order).path)), quote

    def _reading_text(self) -> str:
        """The whole document as the reader shows it (labels, titles, texts), built once."""
        if self._whole is None:
            self._whole = "\n".join(subtree_text(s) for s in self.lex.document.sections)
        return self._whole

    @staticmethod
    def _stem(ctx: str, body: str) -> str:
        if ctx.endswith(("。", "，")):
            return ctx + body  # the sentence before, as the text has it; 「关于设备使用费用，」 its label
        return f"{ctx}：{body}" if ctx else body

    @staticmethod
    def opening(text: str, lo: int) -> str:
        """What a list sentence says its clauses are (「主要预期目标是：」「今后五年政府工作的总体
        要求是：」), shown before a window cut further on — 「进出口总额增长（　　）以上」 alone
        does not say it is this year's target, nor 「坚持……、____、……」 what it is the list of
        (round 87). The clauses left out between are marked 「……」."""
        if lo <= 0:
            return ""
        start, end = _opening_span(text)
        if end < 0 or lo < end:
            return ""
        return text[start:end] + ("……" if lo > end else "")

    def window(self, text: str, a: int, b: int) -> tuple[int, int] | None:
        """The clauses around text[a:b] that make a statement of at most MAX_WINDOW chars."""
        if len(text) <= MAX_WINDOW:
            return 0, len(text)
        # grow over semicolon clauses first, then commas
        cuts = sorted({0, len(text), *(m.end() for m in re.finditer("[；;。]", text))})
        lo = max(c for c in cuts if c <= a)
        if lo > 0 and not self._has_subject(text[lo:]) and not self.opening(text, lo):
            lo = 0  # a clause after a semicolon shares the sentence's subject: keep it
        hi = min(c for c in cuts if c >= b)
        if hi - lo <= MAX_WINDOW and hi - lo + len(self.opening(text, lo)) >= 14 and not _case_only(text, lo, hi):
            return lo, hi
        # else up to a comma after the target, unless what follows the cut is the rule's own
        # predicate (「……的公务员在离职三年内，不得……」 cut there would lose the rule)
        for m in re.finditer("[，,]", text):
            hi = m.end()
            if hi < b:
                continue
            if hi - lo > MAX_WINDOW:
                break
            rest = text[hi:hi + 4]
            if text.count("“", lo, hi) > text.count("”", lo, hi):
                continue  # 「按照“……、……共同推进”的要求」 cut inside its quotation marks (round 52)
            last = re.split(r"[，,]", text[lo:hi].rstrip("，,"))[-1]
            if re.match(r"(?:按照|根据|依照|依据|围绕|本着|遵循)[^，,；;。]*的[\u4e00-\u9fff]{1,6}$", last) or (
                    re.match(r"(?:按照|根据|依照|依据|围绕|本着|遵循)", last)
                    and re.match(r"[^。；;]{0,40}?的(?:要求|原则|方针|部署|精神|思路|目标|规定)", text[hi:])):
                continue  # 「……，按照全覆盖、____、多层次、可持续的方针，」 cut before what it guides (round 58), or
                # inside it (「按照依法治国、依法____、依法行政共同推进，……一体建设的要求」 — round 52)
            if re.search(r"(?:就|对|将|把)[^，,；;。]*$", last) and not re.search(r"(?:就|对|将|把)[^，,；;。]*?"
                                                                            r"(?:进行|作出|提出|予以|给予|实行)", last):
                continue  # 「应当就……初步方案，……向……汇报」: cut there, the frame never gets its verb
            frame = re.search(r"(?:^|[，,])(?:应当|可以|并)?(?:对|就)(?!于)[^，,]*?(?:[，,][^，,]*)*$", text[lo:hi].rstrip("，,"))
            if frame and not re.search(r"进行|作出|提出|予以|给予|实行|实施|负责|审议|审查|监督|检查|处理|决定|"
                                       r"开展|组织|采取|提供|承担", frame.group(0)):
                continue  # 「……对关于……的报告、预算草案，」 cut before its verb (进行初步审查) says nothing
            piece = text[lo:hi].rstrip("，,")
            if re.match(r"但|且|而|除", rest) or (re.fullmatch(r"[^，,；;。]*的[\u4e00-\u9fff]{1,8}", piece)
                                                  and not re.search(r"应|可以|须|不得|负责|实行|是|为", piece)):
                continue  # 「……使用年限未超过15年，但有……情形之一的」 cut before its exception; 「……超过15年的住宅电梯，」
                # a noun phrase, no statement (round 61)
            if _case_only(text, lo, hi):
                continue  # 「……烈士遗属，……年满十八周岁处于社会安置过渡期内的，」 cut before what they may
                # claim (轮候期间可领取住房租赁补贴): a row of cases, no rule (round 68)
            if re.search(r"为(?:基数|标准|依据|准)$", last) and re.match(r"(?:按照|按|根据|依照|以)", last):
                continue  # 「……，按照……上年度实际缴纳失业保险费为基数」 cut before what is paid on it (round 76)
            if re.match(r"[\u4e00-\u9fff]{1,3}了", rest) and re.match(r"为", last):
                continue  # 「……，为我们跨越发展，明确了奋斗方向」: cut there, the sentence loses its predicate (round 89)
            if re.search(r"(?:后|之后|以后|前|之前|以前|时|期间)$", last):
                continue  # 「……应当报经……批准后，作出……决定」 cut after 批准后: what is done then, the cut
                # leaves out (round 66)
            if hi - lo >= 20 and not _PREDICATE_NEXT.match(rest):
                return lo, hi
        if self.lex.legal:
            return None
        # a policy text's run-on sentence: its clauses are measures in their own right
        # (「……,实现科学立法、严格执法、公正司法、全民守法,促进……」), each opening with its verb
        starts = [0] + [m.end() for m in re.finditer("[，,；;]", text) if m.end() <= a]
        if _ACTOR_LED.match(text):
            starts = [0]  # 「区水务局、区财政根据……，制定下达……计划，并报……批准」: who does it is the point (round 65)
        else:
            actor = next((s for s in starts[1:] if _ACTOR_CLAUSE.match(text, s)), None)
            if actor is not None:  # 「纳入储备库项目，项目(法人)单位按照……，并……，报请……审议……，同时明确项目
                starts = [s for s in starts if s <= actor]  # 是否采取代建制」: its acts, never without who acts (round 65)
        ends = [m.end() for m in re.finditer("[，,；;。]", text) if m.end() >= b] + [len(text)]
        for lo in reversed(starts):
            head = segment.tagged(text[lo:lo + 8])
            if re.match(r"其中|其[他它余]|此外|另外|但是?|而且|并且|同时[，,]|特别是|尤其是", text[lo:lo + 3]) \
                    or re.match(r"[\u4e00-\u9fff]{1,3}了", text[lo:lo + 4]):
                continue  # 「其中，麻醉药品……」: which of what, the clause before says (round 59); 「创造了重大机遇；……」:
                # whose act, the clause before says (round 89)
            if not head or not head[0][1].startswith(("v", "d", "p")) or head[0][0] in ("是", "为", "并", "由", "经") \
                    or re.match(r"按照|根据|依照|依据|给予|予以|有利于|有助于|有益于", text[lo:lo + 3]):
                continue  # (「由单位主管部门报……批准」: approval of what, the clause before says — round 53;
                # 「按照规定给予……经费支持」: support for whom — round 54)
            stop = max(text.rfind(c, 0, lo) for c in "；;。") + 1
            if re.search(r"的[，,]", text[stop:lo]):
                continue  # 「距……不足15年的，应逐年缴费，……，累计缴费不超过15年；」: a step of a case the clause before sets (round 58)
            if re.search(r"的[，,]$", text[:lo]) or re.match(r"对[^，,；;。]{0,40}(?:处|给予|予以)", text[lo:]):
                continue  # 「情节严重的，对……处以1000元以下罚款」: a consequence without its case
            if re.match(r"(?:或者|或|如果|如|若)[^，,；;。]{0,6}(?:发现|存在|有)", text[stop:lo]) or re.search(r"的[；;]$", text[:stop]):
                continue  # 「……相差±3%的；或发现……等现象，将采取……措施」: the measures without the cases they answer (round 63)
            if re.search(r"(?:^|[，,])(?:若|如果|凡|倘若)|(?:后|之后|以后|时)[，,]$", text[stop:lo]):
                continue  # 「通过联审决策后，若设计方案基本稳定……，建设单位可……」: what a party may do, without when it
                # may (round 74)
            for hi in ends:
                if hi - lo > MAX_WINDOW:
                    break
                if text.count("“", lo, hi) != text.count("”", lo, hi):
                    continue  # (never cut inside quotation marks)
                if text[lo:lo + 1] == "对" and not re.search(r"[，,]", text[lo:hi - 1]) and not re.search(_FRAME_DONE, text[lo:hi]):
                    continue  # 「对不执行……、超标排污、造成重大环境污染事故，」 cut before 予以重点查处 (round 56)
                if re.fullmatch(r"(?:以[^，,；;。]{2,60}为[\u4e00-\u9fff]{1,4}[，,]?)+", text[lo:hi].rstrip("，,。；;")):
                    continue  # 「以产权清晰、____、政企分开、管理科学为基础。」: on what, with no act or actor (round 88)
                if hi - lo >= 16 and not _PREDICATE_NEXT.match(text[hi:hi + 4]) and not _case_only(text, lo, hi):
                    return lo, hi
        return None

    @staticmethod
    def _has_subject(clause: str) -> bool:
        """Whether a clause opens with its own subject (a noun, not 在…期间/对…/其…, and not a
        condition: 「情节严重的，……」)."""
        if re.match(r"^[^，,。；;：:]{1,80}的[，,]", clause):
            return False
        if re.match(r"^(?:对)?(?:负有责任的|直接负责的)|^具体|^(?:特别|尤其)是", clause):
            return False  # 「……；负有责任的主管人员……4年内不得……」: responsible for the offence before (round 47)
        tagged = segment.tagged(clause[:16])
        if not tagged:
            return False
        w, t = tagged[0]
        return t.startswith(("n", "vn", "j")) and len(w) >= 2 and w not in GENERIC

    @staticmethod
    def _finish(s: str) -> str:
        s = s.rstrip("，,；;、 ")
        if s and (s[-1] not in "。！？”" or (s[-1] == "”" and s[-2:-1] not in "。！？")):
            s += "。"  # (「……推动开展“____”」 cut at its comma ends on a quoted term, not a sentence)
        return s

    def _ready(self, unit: Unit) -> str | None:
        """The unit's context when a question may be built on it (None: the sentence cannot be
        made answerable, or the document restates its rule and asks it elsewhere)."""
        key = (unit.order, unit.text)
        try:
            return self._ready_memo[key]  # (asked by every form of every sentence: once is enough)
        except KeyError:
            pass
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key or self._names_a_lead(unit) or _NOT_A_RULE.search(unit.text) \
                or _ONE_PROJECT.match(unit.text):
            ctx = None
        self._ready_memo[key] = ctx
        return ctx

    def _names_a_lead(self, unit: Unit) -> bool:
        """Whether the sentence names what an earlier list's lead-in introduced (「……对……的下列
        行为规定处理措施和处理程序：」 then 「……应当将处理措施和处理程序报……备案」): measures for
        which acts, the list says — shown alone the stem dangles (round 47). Once per unit."""
        if unit.item:
            return False
        hit = self._leads.get(unit.order)
        if hit is None:
            hit = self._leads[unit.order] = self._find_names_a_lead(unit)
        return hit

    def _find_names_a_lead(self, unit: Unit) -> bool:
        anc = unit.info.ancestors
        art = next((a for a in reversed(anc) if re.fullmatch(r"第[一二三四五六七八九十百零〇\d]+条", a.label or "")), None)
        if art is None:
            at, (end, said) = len(unit.earlier), _first_lead(unit.earlier)  # (bounded: no article)
        else:
            found = self._articles.get(id(art))
            if found is None:
                whole = "\n".join(s.text or "" for s in art.walk())
                found = self._articles[id(art)] = (whole, _first_lead(whole))
            whole, (end, said) = found
            # where the sentence first stands: before the lead-in's end (searched in that stretch
            # only), or after it (a sentence of the article) — a long article's whole text
            # searched once per sentence was a tenth of a 1 MB run
            at = -1
            if said:
                at = whole.find(unit.text, 0, end + len(unit.text))
                at = end if at < 0 else at
        if not said or not 0 <= end <= at:
            return False
        if self._body_grams is None:
            self._body_grams = {b[k:k + 4] for b in self.lex.bodies for k in range(len(b) - 3)}
        said = re.sub(r"下列[\u4e00-\u9fff]{0,4}", "", said)
        return any(g in unit.text and g not in self._body_grams and _HAN4.fullmatch(g) and not self.lex.too_common(g)
                   for g in (said[k:k + 4] for k in range(len(said) - 3)))

    def _context(self, unit: Unit) -> str | None:
        key = (unit.order, unit.text)
        try:
            return self._context_memo[key]
        except KeyError:
            pass
        ctx = self._context_memo[key] = self._find_context(unit)
        return ctx

    def _find_context(self, unit: Unit) -> str | None:
        ctx = unit.context()
        if ctx is None:
            return None
        # 「有下列行为之一的，……：」 before one of its items points at that item, shown right after
        seen = ctx.replace("下列", "", 1) if unit.item and "之一" in ctx else ctx
        if refers_elsewhere(seen):
            return None  # 「依照本法第四十一条……」 in the lead-in points at what the learner cannot see
        return ctx

    def _ok_body(self, body: str, colon_before: int = -1) -> bool:
        if RX[r"[（(，,]以下(?:简称|称)"].search(body):
            return False  # 「（以下简称服务）」: the drafting shows in the stem
        """A window fit for a stem: no pointer elsewhere, no stray PDF spaces, and no colon —
        unless it falls before `colon_before` (「处分分为：警告、记过、____……」: the verifier reads
        what follows the last colon, which is still the text)."""
        colon = max(body.rfind("："), body.rfind(":"))
        opening = _OPENING.match(body)
        if colon >= 0 and not (0 <= colon < colon_before) and not (opening and opening.end() == colon + 1):
            return False  # (the list sentence's own lead-in, 「主要预期目标是：……」, is the text's)
        if RX[r"(?:以下|下列)[\u4e00-\u9fff]{0,4}?(?:情形|情况|条件|行为|事项)(?:之一)?"].search(body):
            return False  # 「……未满（　　），存在以下情形之一的，……」: the cases are not shown (round 76)
        return not refers_elsewhere(body) and not RX[r"[\u4e00-\u9fff”] +[\u4e00-\u9fff“]"].search(body)

    def _falsifications(self, unit: Unit) -> list[tuple[int, int, str, str]]:
        """The changes that would make the unit's rule false (cached: the judge, both of its
        sides and the statements form ask for the same sentence)."""
        key = (unit.order, unit.text)
        hit = self._fals_cache.get(key)
        if hit is None:
            hit = self._fals_cache[key] = self._find_falsifications(unit)
        return hit


_HAN4 = re.compile(r"[\u4e00-\u9fff]{4}")


def _first_lead(text: str) -> tuple[int, str]:
    """The first clause of a text that introduces a list (「……的下列行为规定处理措施……：」): where
    it ends, and its words (-1, "" when none)."""
    if "下列" not in text:
        return -1, ""
    for m in RX[r"下列"].finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in "。：:\n") + 1
        stop = min([i for i in (text.find(c, m.end()) for c in "。：:\n") if i >= 0] or [len(text)])
        if stop < len(text) and text[stop] in "：:":
            return stop, text[start:stop]
    return -1, ""

# endings of the names of things a rule is about: 民主集中制, 权力清单, 问责方式, 党员大会
CARRIERS = ("制度", "机制", "体制", "体系", "清单", "原则", "责任制", "制", "处分", "程序", "方针", "方略",
            "路线", "宗旨", "纪律", "规矩", "作风", "理论", "主义", "大会", "档案", "意见书", "职权",
            "权", "罪")  # (not 法: a law's name — 依照刑事诉讼法立案侦查 — is trivia the stem gives away)


def _order_of(o: Any) -> int:  # a unit or a candidate
    return int(getattr(o, "unit", o).order)


def _where(options: Iterable[Any]) -> str:  # units or candidates
    """Where the true options of a choice among statements stand: 「第九条、第十条」."""
    labels = []
    for o in sorted(options, key=_order_of):
        unit = getattr(o, "unit", o)
        label = next((p for p in reversed(unit.path) if re.match(r"第[一二三四五六七八九十百零〇\d]+条", p)),
                     unit.path[-1] if unit.path else "")
        if label and label not in labels:
            labels.append(label)
    return "、".join(labels) or "本文件"


def _quoted(options) -> str:  # noqa: ANN001 - units or candidates
    """The true options of a choice among statements, each with where it stands and its words:
    「第九条“……”；第十条“……”」 — the explanation quotes every option's source (round 39)."""
    units = sorted((getattr(o, "unit", o) for o in options), key=lambda u: u.order)
    return "；".join(f"{_where([u])}“{strip_end(u.text)}”" for u in units)


def _ch(text: str, i: int) -> str:
    """The character at i, or NUL outside the text (text[-1:0] is "", and "" is in every string)."""
    return text[i] if 0 <= i < len(text) else "\x00"


def _months_capped(f, text: str) -> set[float]:  # noqa: ANN001 - a numbers.Figure
    """「六个月以上一年以下」: months at or above the range's upper bound written in years are
    that bound itself (十二个月以上一年以下 is absurd — round 49)."""
    m = re.match(r"(?:以上|至)([一二两三四五\d])年", text[f.end:f.end + 5]) if f.unit == "个月" else None
    if m is None:
        return set()
    years = numbers.to_value(m.group(1).replace("两", "二"))
    return {float(v) for v in range(int(12 * years), 1000)} if years else set()


def _out_of_kind(f, text: str) -> set[float]:
    """Values that cannot stand for f in its sentence: an age of 18 or more for a minor
    (「不得招用已满十八周岁的未成年人」 is absurd, not a rule misremembered), more than 24 hours
    in a day (「每天（　　）值班」 beside 三十六小时 gives the key away), more than one day on
    one date (「在5月31日停止售烟二天」 contradicts itself)."""
    capped = _months_capped(f, text)
    if capped:
        return capped
    if f.unit == "周岁" and "未成年" in text[f.end:f.end + 12]:
        return {float(v) for v in range(18, 121)}
    if f.unit == "小时" and f.value == 24 and not re.match(r"内|以内|之内|后|前|以上|以下|至", text[f.end:f.end + 2]):
        return {float(v) for v in range(0, 1000) if v != 24}  # 「二十四小时接受报修」: round the clock, no limit
    if f.unit in ("天", "日") and re.search(r"\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日",
                                           text[max(0, f.start - 12):f.start]):
        return {float(v) for v in range(2, 400)}
    return set()


_RAISED_TO = re.compile(r"(?:放宽|延长|提高|增加|扩大|上调)(?:至|到)$")


def _named(term: str, chunk) -> bool:
    """A blank holds the name of a thing (a body, an institution, a principle's idiom), not
    a word that others could replace."""
    tags = [t for _, t in chunk]
    if len(term) < 3 or len(chunk) != 1 or term.endswith(BODY_SUFFIX):
        return False  # bodies are asked with options (who is responsible), not as blanks
    return term.endswith(CARRIERS) or tags[0].startswith(("nz", "j"))


_RUN = re.compile(r"(?:(?<=^坚持)|(?<=^)|(?<=[，,：:]))((?:[\u4e00-\u9fff]{4}[，,]){2,5}[\u4e00-\u9fff]{4})(?=[。；;]|$)")


def _phrase_runs(text: str) -> list:
    """Runs of four-character phrases joined by commas (公私分明，先公后私，克己奉公): a list of
    principles written the way slogans are, which find_enumerations (、-lists) does not see."""
    from studyapp.core.questions.enums import Enumeration

    out = []
    body = text[2:] if text.startswith("坚持") else text
    off = len(text) - len(body)
    for m in _RUN.finditer(body):
        items, spans = [], []
        pos = m.start(1)
        for part in re.split(r"[，,]", m.group(1)):
            items.append(part)
            spans.append((off + pos, off + pos + len(part)))
            pos += len(part) + 1
        out.append(Enumeration(items, spans, [True] * len(items), spans[0][0], spans[-1][1]))
    return out


_PLAIN_ITEMS = frozenset("法律 法规 规章 规定 政策 制度 文件 国家 地区 国际组织 单位 个人 组织".split())


_BOILERPLATE_ITEMS = frozenset("滥用职权 玩忽职守 徇私舞弊 弄虚作假 以权谋私".split())


def _worth_listing(items: list[str], key: str, pre: str, suf: str, classification: bool = False) -> bool:
    """Whether a list item is worth a blank: not one of near-synonyms (刁难、威胁、压制, 赡养、
    抚养), not padding (可复制、可借鉴、可推广), not bodies or places, not boilerplate."""
    if any(x in _PLAIN_ITEMS or x in _BOILERPLATE_ITEMS for x in items):
        return False
    if len(key) < 3 and not (pre or suf) and not classification:
        return False  # 货物, 出售, 生产: one of many plain words (but 处分分为：警告、记过……)
    if all(x[-1] in "化性" for x in items):
        return False  # 制度化、规范化、程序化: qualities any text lists
    if any(x.endswith(BODY_SUFFIX) for x in items):
        return False
    if not any(t.startswith(("v", "a", "d", "i", "l")) for _, t in segment.tagged(key)):
        return False  # 生产设备、交通运输线路、公共设施: things of a kind, one as good as another
    tags = [segment.tagged(x) for x in items]
    if sum(1 for t in tags if t and t[-1][1].startswith("ns")) * 2 > len(tags):
        return False  # places (各省、自治区、直辖市): one fits as well as another
    if all(len(x) <= 2 for x in items) and all(len(t) == 1 and t[0][1].startswith("v") for t in tags):
        return False  # a row of verbs: another verb fits as well
    if not (pre or suf) and not classification \
            and any(len(set(key) & set(o)) * 2 >= len(key) for o in items if o != key):
        return False  # 赡养、抚养: the neighbours share its characters (记三等功、记二等功 are a ladder)
    if (len(pre) == 1 or len(suf) == 1) and max(len(x) for x in items) <= 3:
        return False  # 可复制、可借鉴、可推广: rhetorical padding
    width = min(len(x) for x in items)
    if width >= 3 and any(len({x[i] for x in items}) == 1 for i in range(max(1, len(pre)), width - 1 - len(suf))):
        return False  # 研究新情况、总结新经验、解决新问题: the same shape, padding
    return True


def _peer(x: str, w: str) -> bool:
    """A body that can stand in for w in a question: not a category, not the same body named
    otherwise, of the same level (中央… for 中央…), and no army body for a civil one."""
    if x == w or x in CATEGORY_BODIES or w in x or x in w:
        return False
    if {x[:2], w[:2]} == {"检察", "监察"}:
        return False  # 检察机关 / 监察机关 read alike and share the work on duty crimes: no test, a trap
    suffix = next((sfx for sfx in BODY_SUFFIX if x.endswith(sfx)), "")
    if x[:len(x) - len(suffix)] in _GENERIC_MODIFIERS or x == "人民政府":
        return False  # 执法机关, 中国政府, 人民政府: a broader name that may include the right body
    if ("军" in x) != ("军" in w):
        return False
    lx, lw = _LEVEL.match(x), _LEVEL.match(w)
    if bool(lx) != bool(lw) or (lx and lw and lx.group(1) != lw.group(1)):
        return False
    return True


def _affixes(items: list[str]) -> tuple[str, str]:
    """What all items of a list begin and end with (问 / 于民 of 问政于民、问需于民、问计于民)."""
    import os

    pre = os.path.commonprefix(items)
    suf = os.path.commonprefix([i[::-1] for i in items])[::-1]
    short = min(len(i) for i in items)
    pre = pre[:max(0, short - 1)]
    suf = suf[:max(0, short - 1 - len(pre))] if suf else ""
    suf = suf[len(suf) - min(len(suf), short - 1 - len(pre)):] if suf else ""
    return pre, suf


def _pos_shape(x: str) -> tuple[str, str]:
    t = segment.tagged(x)
    if not t:
        return ("", "")
    return (t[0][1][:1], t[-1][1][:1])


def _clause_left(text: str, a: int, b: int) -> int:
    """How many characters of the blank's own clause stay visible (「____的，」 leaves one)."""
    lo = max(text.rfind(c, 0, a) for c in "，,；;：:。") + 1
    his = [i for i in (text.find(c, b) for c in "，,；;：:。") if i >= 0]
    hi = min(his) if his else len(text)
    return (a - lo) + (hi - b)


# --- contrasts -------------------------------------------------------------------------------
_CONTRAST_REGIMES = frozenset("""
注册 备案 许可 审批 批准 核准 登记 从重 从轻 书面 口头 有偿 无偿 中间 两侧 左侧 右侧
一审 二审 终审 初审 复审 首次 再次 特殊 普通 重点 一般 较大 重大 特别重大
""".split())
# (国务院……负责全国…… / 县级以上地方……负责本行政区域…… opens nearly every law: the swap is absurd
# and the statement a formula; 最高人民法院对各级 / 上级对下级 exchanged reads as nonsense)
_CONTRAST_FORMULA = re.compile(r"^(?:全国|本行政区域内?|最高|地方各级|各级|下级|上级)$")
_CONTRAST_BODY = BODY_SUFFIX + ("国务院",)
_CONTRAST_NOT = re.compile(r"[，,；;。：:“”]|或|等|本法|本条例|本章|本办法|本规定|有关|其他|也|同时|并|另行")


@lru_cache(maxsize=65536)
def _contrast(text: str, whole: int = 0) -> tuple[int, int, str, str, str] | None:
    """Two parallel clauses of `text` (split at semicolons, else at commas; or, with `whole`,
    the two sentences text[:whole] and text[whole:]) that differ in exactly two places: a
    case (特殊/普通, 国务院/县级以上地方人民政府) and then what the case gets, of one kind on both
    sides (bodies, figures, levels, regimes such as 注册/备案). Returns the span of the two
    clauses (from the start of the text), that span with the two outcomes exchanged, and the
    two outcomes."""
    if whole:
        spans = [[(0, whole - 1), (whole, len(text.rstrip("。")))]]
    else:
        spans = []
        for sep in ("[；;]", "[，,]"):
            cuts, s = [], 0
            for m in re.finditer(sep, text):
                cuts.append((s, m.start()))
                s = m.end()
            cuts.append((s, len(text.rstrip("。"))))
            spans.append(cuts)
    for cuts in spans:
        for (s1, e1), (s2, e2) in zip(cuts, cuts[1:], strict=False):
            c1, c2 = text[s1:e1], text[s2:e2]
            if len(c1) < 6 or len(c2) < 6:
                continue
            slots = _two_slots(c1, c2)
            if slots is None:
                continue
            (a1, b1, p1, q1), (a2, b2, p2, q2) = slots
            x, y = c1[a2:b2], c2[p2:q2]
            if not _one_kind(x, y) or not _a_case(c1[a1:b1]) or not _a_case(c2[p1:q1]):
                continue
            if text[e2:e2 + 1] not in ("", "。", "；", ";"):
                continue  # the clauses go on (into a shared predicate, a third case): cut, they say nothing
            # (由国务院 / 由省……人民政府: the shared preposition stays outside the exchange)
            while len(x) > 2 and len(y) > 2 and x[0] == y[0] and x[0] in "由向报经在":
                a2, p2, x, y = a2 + 1, p2 + 1, x[1:], y[1:]
            swapped = (text[:s1] + c1[:a2] + y + c1[b2:] + text[e1:s2] + c2[:p2] + x + c2[q2:])
            return 0, e2, swapped, x, y
    return None


def _two_slots(c1: str, c2: str):
    """Where two clauses differ, word by word, when they differ in exactly two places (a
    subject said only in the first clause may stand before them)."""
    from difflib import SequenceMatcher
    if not c1 or not c2 or c1[-1] != c2[-1]:
        return None  # (their last words differ: told apart before the segmenter is asked)
    t1, t2 = segment.tokens(c1), segment.tokens(c2)
    if not t1 or not t2 or t1[-1] != t2[-1]:
        return None  # (the clauses must end alike: most pairs are told apart here, before difflib)
    ops = SequenceMatcher(None, t1, t2, autojunk=False).get_opcodes()
    if ops and ops[0][0] == "delete":
        ops = ops[1:]
    if len(ops) < 4 or ops[-1][0] != "equal":
        return None
    changed = [o for o in ops if o[0] != "equal"]
    if len(changed) != 2 or any(o[0] != "replace" for o in changed):
        return None
    if sum(len("".join(t1[i1:i2])) for tag, i1, i2, _, _ in ops if tag == "equal") < 3:
        return None
    out = []
    for _, i1, i2, j1, j2 in changed:
        a = len("".join(t1[:i1]))
        p = len("".join(t2[:j1]))
        out.append((a, a + len("".join(t1[i1:i2])), p, p + len("".join(t2[j1:j2]))))
    return out


def _one_kind(x: str, y: str) -> bool:
    """Two outcomes that can be exchanged: both bodies, figures, levels or regimes, neither
    part of the other, neither a category (有关部门) nor an open list."""
    if not (0 < len(x) <= 16 and 0 < len(y) <= 16) or x in y or y in x:
        return False
    if _CONTRAST_NOT.search(x) or _CONTRAST_NOT.search(y) or x in CATEGORY_BODIES or y in CATEGORY_BODIES \
            or _CONTRAST_FORMULA.match(x) or _CONTRAST_FORMULA.match(y) or re.match(r"[其该本原]", x) or re.match(r"[其该本原]", y) or re.search(r"[和与及]", x + y):
        return False
    if x.endswith(_CONTRAST_BODY) and y.endswith(_CONTRAST_BODY):
        return True
    fx, fy = numbers.figures(x), numbers.figures(y)
    if fx and fy and len(fx) == len(fy) == 1 and fx[0].unit == fy[0].unit and fx[0].value != fy[0].value:
        return True
    if x.endswith("级") and y.endswith("级"):
        return True
    return x in _CONTRAST_REGIMES and y in _CONTRAST_REGIMES


def _a_case(x: str) -> bool:
    """What a case is told by: a noun or a level (特殊, 国务院, 竞买人), not an adverb (并立即)."""
    if not (0 < len(x) <= 30) or re.search(r"[，,；;。：:“”]|也|同时|并|另行|或|有关|本法|本条例", x):
        return False
    return any(t.startswith(("n", "j", "a", "b", "m")) for _, t in segment.tagged(x))

