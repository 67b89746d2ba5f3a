"""The forms of question a careful teacher sets on a rule, each with its own checks.

Every builder takes a unit (a sentence with its context) and returns candidates: a question,
a quality score and what the question gives away (`keys`, for the paper/bank leak checks).
A builder returns nothing rather than a doubtful question: the stem must carry its subject
(the list's lead-in, the heading's topic), the blank or choice must sit on a whole term that
is specific to this rule and not a formula of the document, and every option must be of the
same kind as the key — numbers from the document's own ladder inside the sentence's range,
bodies from the document's own bodies, list items from the document's other lists.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

from studyapp.core.questions import numbers, segment
from studyapp.core.questions.enums import find_enumerations
from studyapp.core.questions.levels import RANK, level_bodies, levels_named, rival_texts
from studyapp.core.questions.lexicon import BODY_SUFFIX, FRAME_START, GENERIC, Lexicon, Unit, preamble, refers_elsewhere
from studyapp.core.questions.model import BLANK, Question
from studyapp.core.questions.text import norm, strip_end
from studyapp.core.questions.text import sentences as sentences_of

HOLE = "（　　）"
MAX_WINDOW = 140
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
_RULE_STATEMENT = re.compile(r"应当|必须|不得|可以|[\d一二三四五六七八九十两]+(?:个月|日|年|小时|人|次|倍|%)|"
                             r"从重|从轻|从严|从宽|以上|以下|不少于|不超过|由[^，。；]{2,16}(?:负责|决定|批准|审批)")
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
                               "考核 激励 约束 保障 投入 统筹".split())
_INSTRUMENT_TAILS = ("的方式", "的办法", "的形式", "的原则")
# a body named in full as the subject of a rule: 「国家档案主管部门主管全国的档案工作」
_SUBJECT_BODY = re.compile(r"^([\u4e00-\u9fff()（）]{2,24}?(?:主管部门|行政部门|管理部门|部门|机关|机构|委员会|人民政府|人民法院|"
                           r"人民检察院))(?=应当|负责|主管|可以|依法|有权|必须|会同|按照|根据|依照|对|在)")
_NOT_A_SUBJECT = re.compile(r"^(?:有关|相关|其他|各级|上级|下级|本级|同级|所在地|当地|该|其|各|国家机关|行政机关|主管部门|有关部门)"
                            r"|[、和与及或由是为]|有关|相关|其他|办法|规定|应当|的$|^[^\u4e00-\u9fff]"
                            r"|^(?:受|经|接到|接受|收到|作出|负责|实施|办理|承办|处理)|(?<!设区)的")  # (接到举报的部门: a role)
# the kinds of body that stand in for one another: government and its departments, the courts
# and procuratorates, and the rest (医疗机构, 业主委员会) — never a 业主委员会 for a department
_GOVERNMENT = re.compile(r"人民政府|国务院|部门|行政|机关|局$|厅$|委员会$")


def _levels_held(body: str) -> frozenset[int] | None:
    """The levels of government a body's name covers (国 5, 省 4, 市 3, 县 2, 乡 1), or None
    for a body named without one (公安机关): 县级以上人民政府 holds the province, so it is no
    rival of 省级人民政府 — it would be partly right; 地方人民政府 holds every local level."""
    if re.match(r"国务院|国家|全国|中央", body):
        return frozenset({5})
    for pattern, held in ((r"省级以上", {4, 5}), (r"设区的市级以上|地级以上", {3, 4, 5}), (r"县级以上地方", {2, 3, 4}),
                          (r"县级以上", {2, 3, 4, 5}), (r"地方各级|地方", {1, 2, 3, 4}), (r"各级", {1, 2, 3, 4, 5}),
                          (r"省|自治区|直辖市", {4}), (r"设区的市|地级市|市级", {3}), (r"县级|县|自治县", {2}),
                          (r"乡|镇", {1})):
        if re.search(pattern, body):
            return frozenset(held)
    return frozenset({1, 2, 3, 4, 5}) if "人民政府" in body else None


def _overlaps(key: str, other: str) -> bool:
    """Whether a rival body may do what the key does, by its name: levels that overlap
    (地方人民政府 for 县级人民政府), or the same department at a level left open (财政部门 for
    国务院财政部门)."""
    lk, lo = _levels_held(key), _levels_held(other)
    dk, do = (re.sub(r"^.*?(?:人民政府|国务院|国家)", "", b) for b in (key, other))
    if dk and dk == do and (lk is None or lo is None or lk & lo):
        return True
    return bool(lk and lo and lk & lo)


def _a_name(body: str) -> bool:
    """Whether a body's words make a name, not a clause (申请人要求行政机关, 委托行政机关, 经国务院……
    部门 are none): a noun first, no preposition, conjunction or adverb, no verb of a request."""
    tagged = [(w, t) for w, t in segment.tagged(body) if w not in "()（）"]
    if not tagged or not tagged[0][1].startswith(("n", "j", "b", "l", "an", "f")):
        return False
    return not any(t.startswith(("p", "c", "d", "u")) or w in ("要求", "委托", "申请", "认为", "提出", "请求")
                   for w, t in tagged)


def _body_kind(body: str) -> str:
    if re.search(r"人民法院|人民检察院", body):
        return "court"
    if re.search(r"业主|村民|居民|职工|基层|群众|协会|学会|商会", body):
        return "society"
    return "government" if _GOVERNMENT.search(body) and not re.search(r"(?:医疗|教育|培训|检验|检测|代理|金融)机构$", body) \
        else "other"


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
# a higher law may set the figure otherwise: a figure beside it has more than one right answer
_HIGHER_LAW_ELSE = re.compile(r"(?:法律|行政法规)[^，。；]{0,12}另有规定")
# slogans of the day: a blank inside one tests nothing of the document
_SLOGANS = re.compile(r"中华民族伟大复兴|中国特色社会主义|社会主义现代化国家|社会主义核心价值观|新发展理念|高质量发展|"
                      r"中国式现代化|人类命运共同体|全面从严治党|以人民为中心|全心全意为人民服务|实事求是|"
                      r"马克思列宁主义|毛泽东思想|邓小平理论|三个代表|科学发展观|新时代中国特色社会主义思想")
# 「不得采集……禁止采集的信息」: forbidden things are forbidden; 「……的单位和个人都必须遵守本办法」,
# a text's scope, is true of every text
_TAUTOLOGY = re.compile(r"不得[^，。；]*(?:禁止|不得|违法)[^，。；]*的|禁止[^，。；]*禁止|"
                        r"(?:遵守|适用)本(?:办法|条例|法|规定|细则|准则)")
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
    r"查处|行政处罚|处罚|罚款|吊销|责令|没收|警告|拘留|出警|登记|许可|备案|审批|核发|通行证|证件|证书|执照|发放|颁发"))
# what only that organ does: said in the sentence, it gives the organ away (向……提起诉讼 is a
# court, whatever the options), and a rival in its place reads as nonsense, not as a test
_ORGAN_SAID = {
    "人民法院": re.compile(r"起诉|诉讼|审理|判决|裁定|审判|强制执行|支付令|司法确认|赔偿委员会"),
    "人民检察院": re.compile(r"公益诉讼|抗诉|检察|批准逮捕|公诉|法律监督"),
    "公安机关": re.compile(r"治安|出警|报案|拘留|户口|身份证|侦查|交通管理"),
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
# set phrases of official prose that any sentence could hold
STOCK_PHRASES = frozenset("""
行使职权 履行职责 开展工作 依法履职 履行职能 发挥作用 监督管理 监督检查 跟踪监督 指导监督
高度重视 厉行节约 贯彻落实 认真落实 狠抓落实 统筹兼顾 扎实推进 稳步推进 有序推进 精心组织 周密部署 切实加强
具体办法 实施办法 有关情况 系列重要讲话 重要讲话 总书记 严格执行 认真执行 积极稳妥 因地制宜 实事求是 与时俱进 求真务实 开拓创新
组成部分 重要组成部分 重要依据 落到实处 实际行动 全心全意 负责同志 法定程序 刑事责任 法律责任 纪律责任
调查核实 合理调整 旗帜鲜明 工作部门 有关规定 国家有关规定 相关规定 领导责任 主体责任 违法行为
""".split())
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
    # a true/false item asked on the other side (the rule as stated, or falsified): the
    # selection turns an item over rather than drop it when true and false are out of balance
    flip: Candidate | None = None

    @property
    def type(self) -> str:
        return self.question.type


def tags_for(unit: Unit) -> list[str]:
    t = unit.text + unit.lead
    topic = unit.topic
    out: list[str] = []
    if "原则" in topic or "原则" in t:
        out.append("原则")
    if "目标" in topic or "目标" in t or re.search(r"到20\d\d年", t):
        out.append("目标")
    if "指导思想" in topic or "为指导" in t:
        out.append("思想")
    if re.search(r"职责|负责|职能", t):
        out.append("职责")
    if re.search(r"有权|权限|批准|审批", t):
        out.append("权限")
    if re.search(r"程序|期限|日内|个月内|之日起|报告|备案|决定", t):
        out.append("程序")
    if re.search(r"是指|是.{0,10}的(?:专责)?机关|称为|所称", t):
        out.append("概念")
    if re.search(r"应当|必须|不得|严禁|禁止|要求", t):
        out.append("要求")
    if not out or re.search(r"建立|健全|完善|推进|加强|实行|落实|开展|推行", t):
        out.append("措施")
    return list(dict.fromkeys(out))[:3]


class Forms:
    """Question builders over one document's lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.doc_title = lex.title
        self._body_pool = sorted(b for b, n in lex.bodies.items() if 4 <= len(b) <= 12
                                 and not refers_elsewhere(b) and b not in GENERIC
                                 and not b.startswith(("跨", "各", "其他", "有关", "相关", "本")))
        # the bodies by their ending and length, so a body's peers are found without a scan
        self._fals_cache: dict[tuple[int, str], list[tuple[int, int, str, str]]] = {}
        self._coord_cache: dict[str, bool] = {}
        self._institutions: dict[tuple[str, str], set[str]] = {}
        self._counts: dict[str, int] = {}
        self._frames: dict[tuple[str, str, str], set[float]] | None = None
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
                if _peer(x, w) and x not in text and not self._coordinated(x) and not re.search(r"[和与及、]", x):
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
                  quote: str | None = None, difficulty: int = 2, note: str = "") -> Question:
        if quote is None and unit.prev and stem.startswith(unit.prev):
            quote = unit.prev + unit.text  # the stem shows the sentence before: so does the source
        quote = quote or unit.text
        expl = f"原文：“{strip_end(quote)}。”" + (f"{note}" if note else "")
        return Question(type=qtype, stem=stem, options=options, answer=answer, explanation=expl,
                        source={"section": list(unit.path), "quote": quote}, tags=tags_for(unit),
                        difficulty=difficulty)

    @staticmethod
    def _stem(ctx: str, body: str) -> str:
        if ctx.endswith("。"):
            return ctx + body  # the sentence before, as the text has it
        return f"{ctx}：{body}" if ctx else body

    def window(self, text: str, a: int, b: int) -> tuple[int, int] | None:
        """The clauses around text[a:b] that make a statement of at most MAX_WINDOW chars."""
        if len(text) <= MAX_WINDOW:
            return 0, len(text)
        # grow over semicolon clauses first, then commas
        cuts = sorted({0, len(text), *(m.end() for m in re.finditer("[；;。]", text))})
        lo = max(c for c in cuts if c <= a)
        if lo > 0 and not self._has_subject(text[lo:]):
            lo = 0  # a clause after a semicolon shares the sentence's subject: keep it
        hi = min(c for c in cuts if c >= b)
        if hi - lo <= MAX_WINDOW and hi - lo >= 14:
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
            last = re.split(r"[，,]", text[lo:hi].rstrip("，,"))[-1]
            if re.search(r"(?:就|对|将|把)[^，,；;。]*$", last) and not re.search(r"(?:就|对|将|把)[^，,；;。]*?"
                                                                            r"(?:进行|作出|提出|予以|给予|实行)", last):
                continue  # 「应当就……初步方案，……向……汇报」: cut there, the frame never gets its verb
            frame = re.search(r"(?:^|[，,])(?:应当|可以|并)?(?:对|就)(?!于)[^，,]*?(?:[，,][^，,]*)*$", text[lo:hi].rstrip("，,"))
            if frame and not re.search(r"进行|作出|提出|予以|给予|实行|实施|负责|审议|审查|监督|检查|处理|决定|"
                                       r"开展|组织|采取|提供|承担", frame.group(0)):
                continue  # 「……对关于……的报告、预算草案，」 cut before its verb (进行初步审查) says nothing
            if hi - lo >= 20 and not _PREDICATE_NEXT.match(rest):
                return lo, hi
        if self.lex.legal:
            return None
        # a policy text's run-on sentence: its clauses are measures in their own right
        # (「……,实现科学立法、严格执法、公正司法、全民守法,促进……」), each opening with its verb
        starts = [0] + [m.end() for m in re.finditer("[，,；;]", text) if m.end() <= a]
        ends = [m.end() for m in re.finditer("[，,；;。]", text) if m.end() >= b] + [len(text)]
        for lo in reversed(starts):
            head = segment.tagged(text[lo:lo + 8])
            if not head or not head[0][1].startswith(("v", "d", "p")) or head[0][0] in ("是", "为", "并"):
                continue
            if re.search(r"的[，,]$", text[:lo]) or re.match(r"对[^，,；;。]{0,40}(?:处|给予|予以)", text[lo:]):
                continue  # 「情节严重的，对……处以1000元以下罚款」: a consequence without its case
            for hi in ends:
                if hi - lo > MAX_WINDOW:
                    break
                if hi - lo >= 16 and not _PREDICATE_NEXT.match(text[hi:hi + 4]):
                    return lo, hi
        return None

    @staticmethod
    def _has_subject(clause: str) -> bool:
        """Whether a clause opens with its own subject (a noun, not 在…期间/对…/其…, and not a
        condition: 「情节严重的，……」)."""
        if re.match(r"^[^，,。；;：:]{1,80}的[，,]", clause):
            return False
        tagged = segment.tagged(clause[:16])
        if not tagged:
            return False
        w, t = tagged[0]
        return t.startswith(("n", "vn", "j")) and len(w) >= 2 and w not in GENERIC

    @staticmethod
    def _finish(s: str) -> str:
        s = s.rstrip("，,；;、 ")
        if s and s[-1] not in "。！？”":
            s += "。"
        return s

    def _ready(self, unit: Unit) -> str | None:
        """The unit's context when a question may be built on it (None: the sentence cannot be
        made answerable, or the document restates its rule and asks it elsewhere)."""
        ctx = self._context(unit)
        return None if ctx is None or unit.key in self.lex.repeated_key else ctx

    def _context(self, unit: Unit) -> str | None:
        ctx = unit.context()
        if ctx is None:
            return None
        # 「有下列行为之一的，……：」 before one of its items points at that item, shown right after
        seen = ctx.replace("下列", "", 1) if unit.item and "之一" in ctx else ctx
        if refers_elsewhere(seen):
            return None  # 「依照本法第四十一条……」 in the lead-in points at what the learner cannot see
        return ctx

    def _ok_body(self, body: str, colon_before: int = -1) -> bool:
        if re.search(r"[（(，,]以下(?:简称|称)", body):
            return False  # 「（以下简称服务）」: the drafting shows in the stem
        """A window fit for a stem: no pointer elsewhere, no stray PDF spaces, and no colon —
        unless it falls before `colon_before` (「处分分为：警告、记过、____……」: the verifier reads
        what follows the last colon, which is still the text)."""
        colon = max(body.rfind("："), body.rfind(":"))
        if colon >= 0 and not (0 <= colon < colon_before):
            return False
        return not refers_elsewhere(body) and not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", body)

    # --- figures -------------------------------------------------------------------------
    def figure_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        out = []
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key or _HIGHER_LAW_ELSE.search(unit.text):
            return out  # (「最长不得超过三年，但法律、行政法规另有规定的除外」: the law may say two)
        figs = numbers.figures(unit.text)
        in_sentence = {f.value for f in figs}
        for f in figs:
            if self.lex.in_formula(unit.text, f.start, f.end):
                continue
            if unit.text[f.end:f.end + 1] == "期":
                continue  # 「1年期贷款市场报价利率」 names a product: 2年期 is no rival, it does not exist (round 37)
            bound = norm(unit.text[f.start:f.end + 2])
            if len(bound) > len(f.text) and self._full_count(bound) >= 3:
                continue  # 「一倍以上」 starts every fine of the law: the figure of a formula
            w = self.window(unit.text, f.start, f.end)
            if w is None:
                continue
            lo, hi = w
            wrong = numbers.rivals(f, self.lex.figure_values, 3,
                                   avoid=in_sentence | self._out_of_kind(f, unit.text) | self._said_elsewhere(f, unit.text),
                                   siblings=tuple(g.value for g in figs if g is not f and g.unit == f.unit))
            if len(wrong) < 3:
                fill = self._figure_fill(unit, ctx, f, figs, lo, hi)
                if fill is not None:
                    out.append(fill)
                continue
            shown = unit.text[lo:f.start] + unit.text[f.end:hi]
            if any(g is not f and g.value == f.value and g.unit == f.unit for g in figs) or f.text in shown:
                continue  # the stem would give the answer (每次不得超过三个月)
            body = unit.text[lo:f.start] + HOLE + unit.text[f.end:hi]
            if not self._ok_body(body):
                continue
            values = sorted([f.value] + wrong)
            options = [numbers.write(v, f) for v in values]
            if len({norm(o) for o in options}) < 4:
                continue
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "single", stem, options, [values.index(f.value)])
            # (the figure with the words after it keys the rule: 二十日 decides one rule and reviews
            # another, but 「2倍以上5倍以下的罚款」 asked twice is the same question)
            out.append(Candidate(q, unit, 3.0, "figure", [f.text, f.text + unit.text[f.end:f.end + 5]],
                                 alt=self._figure_fill(unit, ctx, f, figs, lo, hi)))
        return out

    def _figure_fill(self, unit: Unit, ctx: str, f, figs, lo: int, hi: int) -> Candidate | None:  # noqa: ANN001
        """A figure without three fair rivals (the document's ladder gives none inside the
        sentence's range) asked as a blank on its number, the unit left in view: 「……自收到申请
        之日起____日内作出决定」 — the deadline, the count, the amount a rule sets. Typed as
        十五 or 15, both are right (grading folds numerals)."""
        text = unit.text
        number = f.number_text
        if not f.unit or f.unit not in _FILL_UNITS or not number or f.value <= 1 or f.value != int(f.value):
            return None  # 「一人」「0.5倍」: no blank worth typing
        if any(g is not f and g.value == f.value for g in figs) or re.search(r"[至到~—－-]$", text[max(0, f.start - 1):f.start]) \
                or re.match(r"[至到~—－-]", text[f.end:f.end + 1]):
            return None  # the stem shows the figure again, or it is one end of a range
        if re.match(r"(?:以上|以下|以内|之内|内)?(?:[^，,。；;]{0,6})?(?:或者|或|至)", text[f.end:f.end + 8]) \
                and re.search(r"(?:或者|或)[\d一二三四五六七八九十百千两]", text[f.end:f.end + 10]):
            return None  # 「三日或者五日」: two figures, either could be asked
        a, b = f.start, f.start + len(number)
        body = text[lo:a] + BLANK + text[b:hi]
        if not self._ok_body(body) or len(strip_end(body).replace(BLANK, "")) < 14:
            return None
        stem = self._stem(ctx, self._finish(body))
        q = self._question(unit, "fill", stem, [], [number])
        return Candidate(q, unit, 2.2, "figure_fill", [f.text, f.text + text[f.end:f.end + 5]])

    # --- bodies: who is responsible ----------------------------------------------------
    def actor_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        if not _RULE_WORD.search(text):
            return []
        out = []
        pos = 0
        prev = prev_word = ""
        for w, t in segment.tagged(text):
            a, b = pos, pos + len(w)
            pos = b
            if len(w) < 4 or not w.endswith(BODY_SUFFIX) or w in GENERIC or w in CATEGORY_BODIES \
                    or self.lex.too_common(w):
                prev, prev_word = t, w
                continue
            if text.count(w) > 1 or (w[-2:] in text[:a] + text[b:] and len(w) <= 4):
                continue  # the stem would show the answer (上级（　　）…下一级监察机关)
            own = w[:len(w) - len(next((x for x in BODY_SUFFIX if w.endswith(x)), ""))]
            if len(own) >= 2 and any(own[j:j + 2] in text[:a] + text[b:] for j in range(len(own) - 1)
                                     if own[j:j + 2] not in ("人民", "国家", "地方", "全国", "中央")):
                continue  # 「加强民族团结」 names the 民族委员会
            # (a department after its government keeps the level in view: 县级以上人民政府（　　）)
            department = prev_word in ("人民政府", "国务院") and w.endswith(("部门", "机构"))
            if not t.startswith(("n", "j")) or (prev and prev.startswith(("n", "j", "v")) and not department) \
                    or not w.endswith(SWAPPABLE):
                prev, prev_word = t, w
                continue  # half of a compound (公务员|主管部门) or not a body (服从组织)
            if _ch(text, b) in "、和与及" or _ch(text, a - 1) in "、和与及":
                continue
            if self.lex.in_formula(text, a, b):
                continue
            after = text[b:b + 4]
            win = self.window(text, a, b)
            if win is None:
                continue
            lo, hi = win
            suffix = next(s for s in BODY_SUFFIX if w.endswith(s))
            near = self._peers(w, suffix, text, 12)
            pool = [x for x in near if not self.lex.contains(x + after, x)]
            if len(pool) < 3:
                continue
            # the bodies nearest in length first: options of one kind
            pool.sort(key=lambda x: (abs(len(x) - len(w)), x))
            wrong = pool[:6]
            rng.shuffle(wrong)
            wrong = wrong[:3]
            body = text[lo:a] + HOLE + text[b:hi]
            if not self._ok_body(body) or len(strip_end(body)) < 12:
                continue
            options = [w] + wrong
            rng.shuffle(options)
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "single", stem, options, [options.index(w)])
            out.append(Candidate(q, unit, 2.6, "actor", [w]))
            break
        return out

    def _level_rivals(self, lb, text: str, article: str) -> list[str]:  # noqa: ANN001
        local = bool(lb.dept) and self._full_count("人民政府" + lb.dept) > 0
        others = levels_named(text[:lb.start] + "。" + text[lb.end:])
        floor = max((RANK[x] for x in others), default=0)
        return [x for x in rival_texts(lb, levels_named(article), local, floor, text[lb.end:lb.end + 4])
                if x not in article]

    def _subject_from_before(self, unit: Unit) -> bool:
        """Whether the sentence's subject is something the sentence before introduced
        (「……应当留有一定比例的储备金。储备金占基金总额的具体比例……由……规定。」, 「……办理登记。
        登记事项由……规定。」): shown alone, the learner cannot tell whose fund or which
        registration (round 36)."""
        before = unit.before or unit.prev
        if not before or unit.item:
            return False
        m = re.match(r"^([^，,。；;]{2,40}?)(?:，|,)?(?:由|应当|须|经|报)", unit.text)
        if m is None:
            return False
        nouns = [w for w, t in segment.tagged(m.group(1)) if len(w) >= 2 and t.startswith(("n", "v", "j"))
                 and w not in GENERIC]
        heads = ("事项", "办法", "比例", "标准", "范围", "条件", "程序", "期限", "数额", "内容", "情况", "材料")
        return any(w in before or (w.endswith(heads) and len(w) >= 4 and w[:-2] in before) for w in nouns)

    def level_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        """Which level of government the rule sends a matter to (「……应当报（　　）批准」), the
        same body at the other levels as options (levels.py). A rival the document names for
        the same act elsewhere, or anywhere in the same article, is none: the text then has
        two right answers, one per case."""
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        article = unit.info.node.text or ""
        bodies = level_bodies(text)
        if not bodies or self._subject_from_before(unit):
            return []
        for lb in bodies:
            key = lb.text_of(text)
            if text.count(key) > 1 or self.lex.in_formula(text, lb.start, lb.end):
                continue  # the stem would show the answer, or it is the law's stock phrase
            after = text[lb.end:lb.end + 2]
            wrong = [x for x in self._level_rivals(lb, text, article) if x not in text
                     and not self.lex.contains(x + after, x)]
            if len(wrong) < 3:
                continue
            win = self.window(text, lb.start, lb.end)
            if win is None:
                continue
            lo, hi = win
            body = text[lo:lb.start] + HOLE + text[lb.end:hi]
            if not self._ok_body(body) or len(strip_end(body)) < 12:
                continue
            options = [key] + wrong[:3]
            rng.shuffle(options)
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "single", stem, options, [options.index(key)])
            return [Candidate(q, unit, 2.65, "level", [key + after])]
        return []

    def _bodies(self, text: str) -> list[tuple[str, int, int]]:
        """Bodies named in a sentence (≥ 4 characters, a body's ending), not in a list."""
        out: list[tuple[str, int, int]] = []
        if not any(s in text for s in SWAPPABLE):
            return out
        pos = 0
        prev = ""
        tagged = segment.tagged(text)
        for i, (w, t) in enumerate(tagged):
            a, b = pos, pos + len(w)
            pos = b
            if len(w) >= 4 and w.endswith(SWAPPABLE) and w not in GENERIC and w not in CATEGORY_BODIES \
                    and t.startswith(("n", "j")) and text[b:b + 1] != "等" and text[a - 1:a] != "等" \
                    and _ch(text, b) not in "、和与及" and _ch(text, a - 1) not in "、和与及" \
                    and not (prev and prev.startswith(("n", "j", "v"))) \
                    and not (i + 1 < len(tagged) and tagged[i + 1][1].startswith(("n", "j", "vn"))):
                out.append((w, a, b))
            prev = t
        return out

    # --- fill-in on the term that carries the rule ---------------------------------------
    def fill_term(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        if re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", text):
            return []  # stray spaces left by a PDF: the stem would read badly
        tagged = segment.tagged(text)
        words = [w for w, _ in tagged]
        offs = []
        pos = 0
        for w in words:
            offs.append(pos)
            pos += len(w)
        enum_spans = [(e.start, e.end) for e in find_enumerations(text)]
        best: list[tuple[float, int, int]] = []
        termish = [t.startswith(_TERM_POS) for _, t in tagged]
        n = len(tagged)
        # where a blank can start at all (the checks below decide): a name of one word
        # (民主集中制), the word before an institution (____制度, ____责任制), or the instrument
        # after a verb that prescribes one (实行____) — most words are none of these
        starts = [i for i, (w, t) in enumerate(tagged)
                  if (len(w) >= 3 and (w.endswith(CARRIERS) or t.startswith(("nz", "j"))))
                  or (i + 1 < n and tagged[i + 1][0] in _INSTITUTIONS)
                  or (i + 2 < n and tagged[i + 2][0] in _INSTITUTIONS)
                  or (i > 0 and tagged[i - 1][0] in _INSTRUMENT_VERBS)]
        for i in starts:
            if not termish[i] and not (i > 0 and tagged[i - 1][0] in _NOUN_VERB_AFTER):
                continue  # (the word cannot start a term: skip both lengths at once)
            for k in (1, 2):
                if i + k > len(tagged):
                    break
                chunk = tagged[i:i + k]
                if not all(termish[i:i + k]) and not (
                        k == 2 and i > 0 and tagged[i - 1][0] in _NOUN_VERB_AFTER
                        and (chunk[0][1].startswith(_NOUNISH) and chunk[1][1] in ("v", "vn")
                             or chunk[0][1] == "v" and chunk[1][1] == "vn")):
                    if k == 1 and i > 0 and tagged[i - 1][0] in _NOUN_VERB_AFTER and chunk[0][1] == "v":
                        continue  # 实行|联合|检查: the act is the two words together
                    break  # (进行宪法|宣誓, 实行登记|管理: a noun and its verb name the instrument)
                if k == 2 and len(chunk[0][0]) + len(chunk[1][0]) > 6:
                    break
                # a whole term: the word before it is a particle, a preposition or punctuation,
                # not a word it may compound with (首办|责任制, 公务员|主管部门)
                nxt_word = tagged[i + k][0] if i + k < len(tagged) else ""
                # 建立……____制度: what the institution is, with its kind left in view
                measure = nxt_word in _INSTITUTIONS and all(len(w) >= 2 and w not in GENERIC for w, _ in chunk) \
                    and not all(w in _GENERIC_ACTS or w in _GENERIC_MECHANISM for w, _ in chunk) \
                    and "".join(w for w, _ in chunk)[-2:] not in GENERIC \
                    and not (i > 0 and tagged[i - 1][1].startswith(_NOUNISH)) \
                    and not (i > 0 and not tagged[i - 1][1].startswith(_BEFORE_TERM)
                             and tagged[i - 1][0] not in _FRAME_VERBS and not FRAME_START.fullmatch(tagged[i - 1][0])) \
                    and not (i > 0 and len(tagged[i - 1][0]) == 1 and tagged[i - 1][1] not in ("x", "w", "uj"))
                # (职业|资格证书|制度 and 可疑|交易报告|制度 split a term: the word before must end it)
                # 实行____ / 采取____的方式 / 进行____: the instrument a rule prescribes, up to the
                # end of its clause (国家对公务员实行分类管理，公开进行宪法宣誓。)
                end = i + k
                tail = text[offs[end]:offs[end] + 3] if end < len(tagged) else "。"
                instrument = i > 0 and tagged[i - 1][0] in _INSTRUMENT_VERBS \
                    and not re.search(r"(?:纳入|列入|录入|接入|进入|并入|汇入)[^，,；;。]*$", text[:offs[i - 1]]) \
                    and chunk[-1][0] not in _GENERIC_ACTS \
                    and not any("".join(w for w, _ in chunk).endswith(g) for g in _GENERIC_ACTS) \
                    and not "".join(w for w, _ in chunk).endswith(("措施", "办法", "手段", "方式", "方法", "行动")) \
                    and (tail[:1] in "，,。；;" or tail in _INSTRUMENT_TAILS) \
                    and chunk[0][1].startswith(_NOUNISH + ("v",)) and chunk[-1][1] in ("n", "vn", "v", "nz") \
                    and chunk[-1][0] not in GENERIC and len("".join(w for w, _ in chunk)) >= 3
                if i > 0 and not measure and not instrument and not tagged[i - 1][1].startswith(_BEFORE_TERM) \
                        and not FRAME_START.fullmatch(tagged[i - 1][0]) and tagged[i - 1][0] not in _FRAME_VERBS:
                    continue
                if i + k < len(tagged) and tagged[i + k][1].startswith(_NOUNISH) and not measure and not instrument:
                    continue
                a, b = offs[i], offs[i] + sum(len(w) for w, _ in chunk)
                term = text[a:b]
                if not 2 <= len(term) <= 8 or not _HAN_ONLY.fullmatch(term):
                    continue
                if term in GENERIC or chunk[0][0] in GENERIC:
                    continue
                if not (_named(term, chunk) or (measure and 4 <= len(term) <= 6) or instrument):
                    continue  # 氛围, 国际, 违规: another word would fill it as well
                if re.match(r"分类|分级|分区|分层|分段|分片|分批|分期", term):
                    continue  # 「实行____，确定禁止开发建设区」: 分区管控 fits as well as 分类管控
                if i + k < len(tagged) and tagged[i + k][1].startswith(("n", "v")) and chunk[-1][1] in ("j", "b", "t", "m"):
                    continue  # 「健全____激励措施」: a modifier (中长期) of the term, not the term
                if i > 0 and tagged[i - 1][0] in ("进行", "予以", "加以") and chunk[0][1] in ("v", "vn"):
                    continue  # 「对……资料进行____」: 加工整理, 分析处理, 汇总整理 — any such act fits
                if i >= 2 and tagged[i - 1][0] in _FRAME_VERBS and tagged[i - 2][0] in _FRAME_VERBS:
                    continue  # 「完善执行____」: 执行 names the kind (执行联动机制), the frame is 完善
                carrier = next((c for c in ("机制", "制度", "体系", "体制") if term.endswith(c) and len(term) > len(c)), "")
                if carrier and term[:-len(carrier)] in _GENERIC_MECHANISM:
                    continue  # 联动机制, 协作机制: 工作机制 would fill it as well
                if text[b:b + 1] in ("。", "；", ";", "") and len(re.split(r"[，,；;。]", text[:a])[-1]) <= 6:
                    continue  # 「……，探索推行____。」: nothing around the blank says which
                nxt = tagged[i + k][1] if i + k < len(tagged) else "x"
                if chunk[-1][1].startswith(("l", "i")) and nxt.startswith(("n", "v", "a", "d")):
                    continue  # an idiom used as a verb or adverb: 高度重视…, 不折不扣执行
                if measure and any(self.lex.too_common(w) for w, _ in chunk):
                    continue  # 「____体系」 keyed 太湖流域监测: the document's own name tests nothing (round 37)
                if any(len(w) < 2 or not segment.has_word(w) or (self.lex.too_common(w) and not (measure or instrument))
                       or (t.startswith("l") and len(w) != 4) or t.startswith("nr") for w, t in chunk):
                    continue  # (职位 is everywhere in 公务员法, 职位分类制度 once: the institution counts)
                if _clause_left(text, a, b) < (2 if instrument else 3):
                    continue  # (「……，实行____；」: the verb that prescribes it is enough)
                # specific to this rule: rare in the document, and a real term, not a fragment
                if self.lex.count(term) > 2 or term in STOCK_PHRASES:
                    continue
                if not measure and text[a - 1:a] == "的" and len(term) <= 4:
                    continue  # 「实行国家统一规定的____」: 工时制度 would fit as well as 工资制度
                if _ch(text, b) in "（(" or _ch(text, a - 1) in "）)" or (
                        _ch(text, a - 1) in "（(" and _ch(text, b) in "）)"):
                    continue  # half of a bracketed term, or the other name in brackets: 纪委（纪检组）
                if FRAME_START.match(term) or self.lex.too_common(term):
                    continue
                if any(x <= a < y or x < b <= y for x, y in enum_spans):
                    continue
                if text[a - 1:a] in _CONJ_NEAR or text[b:b + 1] in _CONJ_NEAR or \
                        text[b:b + 2] in ("以及", "或者") or text[a - 2:a] in ("以及", "或者"):
                    continue
                if self.lex.in_formula(text, a, b):
                    continue
                if _ch(text, a - 1) in "不未没非无":
                    continue  # 「移至不____的地方」: the blank cuts a negated verb phrase
                if _ch(text, b) in "给予向" and re.search(r"[将把]其?[\u4e00-\u9fff]{0,2}$", text[max(0, a - 4):a]):
                    continue  # 「不得将其____给……」: the thing and the act together (产品销售), any act fits (round 40)
                if a == 0 and not (_ch(text, b) in "，、," or re.match(r"应当|可以|不得|必须|负责|是|由|应|须|实行|依法",
                                                                      text[b:b + 2])):
                    continue  # 「____开发企业销售商品房」: the blank cuts the subject's own name
                if (_ch(text, b) in "，," and re.match(r"[\u4e00-\u9fff]{4,6}[，,。；;]", text[b + 1:b + 8])) or (
                        _ch(text, a - 1) in "，," and re.search(r"(?:^|[，,；;])[\u4e00-\u9fff]{4,6}$", text[:a - 1])):
                    continue  # 「及时____，消除不良影响」: one of two steps side by side, 恢复名誉 fits too
                if any(m.start() < b and a < m.end() for m in _SLOGANS.finditer(text)):
                    continue  # 中华民族|伟大复兴: a slogan everybody knows, nothing of this text
                rest = text[:a] + text[b:]
                if any(term[j:j + 2] in rest and not (instrument and term[j:j + 2] in GENERIC)
                       for j in range(len(term) - 1)):
                    continue  # the stem would echo the answer (责任 beside 责任人)
                win = self.window(text, a, b)
                if win is None:
                    continue
                lo, hi = win
                left, right = text[max(lo, a - 4):a], text[b:min(hi, b + 4)]
                if len(left) + len(right) < 4:
                    continue
                beside = [w for w, _ in tagged[max(0, i - 1):i] + tagged[i + k:i + k + 1] if w.strip()]
                if not self._unique_frame(left, right, term, beside):
                    continue
                if measure and not self._one_institution(text[max(0, a - 2):a], nxt_word, term):
                    continue  # 「国家实行____制度」 where the law institutes several: any of them fits
                score = 1.0
                if term.endswith(BODY_SUFFIX):
                    score += 1.0
                if any(t.startswith(("nz", "nt", "i", "l", "j")) for _, t in chunk):
                    score += 0.6
                if self.lex.count(term) == 1:
                    score += 0.4
                if len(term) >= 4:
                    score += 0.5
                if k == 1 and chunk[0][1] == "vn":
                    score -= 0.3
                best.append((score + rng.random() * 0.2, a, b))
        best.sort(key=lambda x: (-x[0], x[1]))
        for score, a, b in best[:3]:
            lo, hi = self.window(text, a, b)
            body = text[lo:a] + BLANK + text[b:hi]
            if not self._ok_body(body):
                continue
            visible = strip_end(body).replace(BLANK, "")
            if len(visible) < 12 or (body.startswith(BLANK) and len(visible) < 20):
                continue
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "fill", stem, [], [text[a:b]])
            return [Candidate(q, unit, score, "term", [text[a:b]])]
        return []

    def _one_institution(self, verb: str, kind: str, term: str) -> bool:
        """Whether the document institutes only this one thing with this verb (实行……制度)."""
        if len(verb) < 2:
            return True
        key = (verb, kind)
        found = self._institutions.get(key)
        if found is None:  # (one scan per verb and kind: a few dozen for any document)
            pat = re.compile(re.escape(verb) + r"([\u4e00-\u9fff]{2,10}?)" + re.escape(kind))
            found = self._institutions[key] = {m.group(1) for m in pat.finditer(self.lex.full)}
        return found <= {term}

    def _unique_frame(self, left: str, right: str, term: str, anchors: list[str]) -> bool:
        """No other sentence reads the same around the blank with another word in it (looked
        for in the sentences that hold the rarest word beside the blank)."""
        pat = re.compile(re.escape(norm(left)) + r"([\u4e00-\u9fff]{1,10}?)" + re.escape(norm(right)))
        anchors = [a for a in anchors if a in self.lex.postings]
        if not anchors:
            return True
        anchor = min(anchors, key=lambda a: len(self.lex.postings[a]))
        return self.lex.frame_fillers(pat, anchor) <= {norm(term)}

    # --- true / false on the rule itself -------------------------------------------------
    def judge(self, unit: Unit, rng: random.Random, truth: bool) -> list[Candidate]:
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        changes = self._falsifications(unit)
        if not changes:
            return []
        for a, b, new, why in changes:  # noqa: B007 - the change the loop stops at is used below
            win = self.window(text, a, b)
            if win is not None and not (why == "modal" and a - win[0] < 4):
                break  # (a modal at the very start has no subject: 「可以生产……」)
        else:
            return []
        lo, hi = win
        if _BOILERPLATE.search(text[lo:hi]):
            return []  # 「下级规划应当与上一级规划相协调」: true of any plan, and its change a quibble (round 38)
        if truth:
            body = text[lo:hi]
            if not self._ok_body(body) or not _RULE_STATEMENT.search(body):
                return []  # a true item states a rule one could get wrong, never a slogan
            if unit.order in self.lex.excepted or re.search(r"但是|除外", text[hi:]):
                return []  # 「不得在夜间……实施」 without 「但是，情况紧急的除外」 is not true as stated
            if self.lex.restated(unit.order) or _TAUTOLOGY.search(body):
                return []  # the same procedure said in three articles: a formula, nothing to test
            if _PLATITUDE.search(body) and not numbers.figures(body):
                return []  # 「应当积极……」: true whatever the text says
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "judge", stem, [], True)
            return [Candidate(q, unit, 2.2, "judge_true", [])]
        body = text[lo:a] + new + text[b:hi]
        if not self._ok_body(body) or self.lex.contains(strip_end(body), new):
            return []
        stem = self._stem(ctx, self._finish(body))
        note = f"题中“{new}”有误，原文为“{text[a:b]}”。"
        q = self._question(unit, "judge", stem, [], False, note=note)
        # the change itself counts as a key: one swap (监察机关 → 公安机关) is not asked again and again
        # the change itself counts as a key (one swap, 监察机关 → 公安机关, is not asked again and
        # again), and so does what it changed: a choice on the same figure is the same question
        # (不得 → 可以 is a change of every ban: each ban is its own rule, so it keys its own question)
        keys = [f"改:{text[a:b]}>{new}" + (f"@{unit.order}" if why == "modal" else "")] \
            + ([text[a:b]] if why in ("figure", "level") else [])
        return [Candidate(q, unit, 2.4, "judge_false", keys)]

    def rule_true(self, unit: Unit) -> list[Candidate]:
        """A rule stated as it is (a duty, a ban, a figure, who decides): the fallback that keeps
        a document from silence when nothing else could be asked well."""
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key or len(unit.text) > MAX_WINDOW:
            return []
        body = unit.text
        if not self._ok_body(body) or not _RULE_STATEMENT.search(body) or self.lex.restated(unit.order) \
                or _PLATITUDE.search(body) and not numbers.figures(body) or _TAUTOLOGY.search(body):
            return []  # 「应当不断提高业务素质」 anyone marks true without having read the text
        if _BOILERPLATE.search(body):
            return []
        bans_only = not numbers.figures(body) and not _POINT.search(re.sub(r"不得|禁止|严禁", "", body))
        if bans_only and _WRONG_IN_ITSELF.search(body):
            return []  # 「不得窃取……非法侵入」: a ban on what is wrong in itself, true to anyone (round 39)
        q = self._question(unit, "judge", self._stem(ctx, self._finish(body)), [], True)
        if not (numbers.figures(body) or _POINT.search(body)):
            # 「新闻媒体应当……开展宣传教育」: nothing in it to get wrong on its own (round 38), but
            # a true option beside a falsified rule in a choice among statements
            return [Candidate(q, unit, 0.8, "rule_option", [])]
        return [Candidate(q, unit, 1.0, "rule_true", [])]

    def duty_true(self, unit: Unit) -> list[Candidate]:
        """An item of a body's list of duties (「国家教育委员会……主管全国高等教育工作，其主要职责
        是：……（三）制订高等学校、研究生院的设置标准。」) stated as that body's duty — the
        fallback for a text made of such lists, which otherwise has nothing to ask."""
        if not unit.item or not unit.lead or unit.context() is not None and unit.context() != "":
            return []
        m = _DUTY_LEAD.match(unit.lead)
        if m is None:
            return []
        body = m.group(1)
        item = sentences_of(unit.text)[0] if unit.text else ""
        item = re.sub(r"^[（(][一二三四五六七八九十\d]+[）)]\s*", "", item)
        if not 8 <= len(item) <= 80 or refers_elsewhere(item) or _PLATITUDE.search(item) \
                or self.lex.restated(unit.order) or not self._ok_body(item):
            return []
        ctx = f"{body}的{m.group(2) or ''}职责包括"
        q = self._question(unit, "judge", f"{ctx}：{self._finish(item)}", [], True)
        return [Candidate(q, unit, 0.9, "duty_true", [])]

    def _falsifications(self, unit: Unit) -> list[tuple[int, int, str, str]]:
        """The changes that would make the unit's rule false (cached: the judge, both of its
        sides and the statements form ask for the same sentence)."""
        key = (unit.order, unit.text)
        hit = self._fals_cache.get(key)
        if hit is None:
            hit = self._fals_cache[key] = self._find_falsifications(unit)
        return hit

    def _find_falsifications(self, unit: Unit) -> list[tuple[int, int, str, str]]:
        text = unit.text
        out: list[tuple[int, int, str, str]] = []
        figs = [] if _HIGHER_LAW_ELSE.search(text) else numbers.figures(text)
        for f in figs:
            if re.search(r"是指|所称", text):
                break  # 「十日以内期限的规定是指工作日」: 七日 would still be true
            if self.lex.in_formula(text, f.start, f.end) or text.count("“", 0, f.start) > text.count("”", 0, f.start):
                continue  # a quoted term (「“一日”“三日”……的规定」) is a definition, not a rule
            if any(g is not f and g.value == f.value and g.unit == f.unit for g in figs) \
                    or re.match(r"(?:或者|或|至)数", text[f.end:f.end + 3]):
                continue  # 「六十日……六十日后」 changed once contradicts itself; 「一名或者数名」 allows two
            wrong = numbers.rivals(f, self.lex.figure_values, 6, avoid={g.value for g in figs} | self._out_of_kind(f, text, falsify=True)
                                   | self._said_elsewhere(f, text),
                                   siblings=tuple(g.value for g in figs if g is not f and g.unit == f.unit))
            case = re.match(r"[^。；;]{0,40}?的[，,]", text[f.end:])  # the figure sets the case the rule is for
            if case and re.match(r"(?:人|名|个|次|日|年|个月|倍|元|万元)?(?:以上|及以上|以下|不满|不足|超过|未满)", text[f.end:]) \
                    or re.search(r"(?:超过|不满|不足|未满)$", text[max(0, f.start - 2):f.start]) and case:
                # 「2人以上共同违法违纪的」 made 3人以上 is still true (3 ≥ 2): only a wider case is false
                wider_up = re.match(r"(?:人|名|个|次|日|年|个月|倍|元|万元)?(?:以下|不满|不足|未满)", text[f.end:]) \
                    or re.search(r"(?:不满|不足|未满)$", text[max(0, f.start - 2):f.start])
                wrong = [w for w in wrong if (w > f.value) == bool(wider_up)]
            if wrong:
                out.append((f.start, f.end, numbers.write(wrong[0], f), "figure"))
        # an actor from a sibling rule of the same kind: 由A批准 → 由B批准
        for w, a, b in self._bodies(text):
            if text.count(w) > 1 or self.lex.too_common(w):
                continue  # 「公安机关的共同上一级公安机关」: one of two would change; and the body
                # a law is about (人民法院 in the 人民法院组织法) swapped for another is no rule of it
            after = text[b:b + 4]
            suffix = next(x for x in SWAPPABLE if w.endswith(x))
            near = self._peers(w, suffix, text, 6)
            near = [x for x in near if not self.lex.contains(x + after, x)]
            if near and not self.lex.in_formula(text, a, b):
                out.append((a, b, near[0], "actor"))
                break
        # the level a matter goes to: 报国务院批准 → 报省、自治区、直辖市人民政府批准
        article = unit.info.node.text or ""
        bodies = level_bodies(text)
        for lb in ([] if not bodies or self._subject_from_before(unit) else bodies):
            key = lb.text_of(text)
            after = text[lb.end:lb.end + 2]
            if text.count(key) > 1 or self.lex.in_formula(text, lb.start, lb.end) \
                    or any(x <= lb.start < y for x, y, _, _ in out):
                continue
            wrong = [x for x in self._level_rivals(lb, text, article) if not self.lex.contains(x + after, x)]
            if wrong and lb.level == "国" and re.search(r"全国|国家级|中央", text):
                continue  # 「全国土地调查成果，报设区的市级人民政府批准」: absurd, no test (round 42)
            if wrong:
                out.append((lb.start, lb.end, wrong[0], "level"))
                break
        # 可以/应当 carry a rule only where the text uses both as a law does
        section = unit.info.node.text or ""
        for m in _ANTONYM_RE.finditer(text):
            old = m.group(1)
            new = _ANTONYMS[old]
            a, b = m.span(1)
            if old == "书面" and (re.match(r"合同|协议|决定书|报告|材料|文件|证明|凭证|文书|通知书", text[b:b + 3])
                                 or re.search(r"出具|签发|开具|加盖", text[max(0, a - 10):a])
                                 or re.search(r"附[^，。；]{0,6}材料|并附|附有", text)
                                 or re.search(r"是指|视为|有形", text)
                                 or re.search(r"、[^，,。；;]*等", text[b:])
                                 or text[max(0, a - 2):a].endswith(("或者", "或")) or re.search(r"出席|当面|会议上", text)):
                continue  # 「应当签订口头合同」 is absurd; 「出席会议或者书面提出」 turned 口头 is still true
            if text.count(old) != 1 or new in section or a not in segment.bounds(text) \
                    or self.lex.in_formula(text, a, b):
                continue  # (书面或者口头: both are right; 越级 said in the same article: also true)
            if new == "同级" and ("本级" in text or "共同" in text[max(0, a - 3):a]):
                continue  # 「本级……和同级……」 reads as one body named twice
            if new == "同级":
                kind = re.match(r"(?:人民)?[\u4e00-\u9fff]{0,6}?(?:机关|部门|政府|党委|工会|人民法院|人民检察院)", text[b:])
                if kind and kind.group(0)[-2:] in text[:a]:
                    continue  # 「公安机关……征得同级公安机关同意」: the body asking itself
            if new == "上一级" and (re.search(r"上级|下级|下一级|各级", section)
                                 or not re.match(r"(?:地方)?(?:人民政府|人民代表大会|党委|党组|纪委|工会|人民法院|人民检察院|"
                                                 r"[\u4e00-\u9fff]{0,10}?(?:部门|机关|委员会))", text[b:])):
                continue  # 本级/同级 → 上一级 only for a body, where the article sets no other level
            if old == "免费" and not (text[b:b + 2] in ("提供", "开放") or text[b:b + 1] == "的"):
                continue  # 「免费乘坐」 turned 「收费乘坐」 is not how anyone says it
            if new in ("上一级", "同级") and a < 3:
                continue  # 「同级人民政府应当……」 at the start: the level of what, nobody says
            if new == "上一级" and not re.search(r"报告|报送|报请|报经|报|批准|备案|提请|通报|征求|会同|移送|申请|审议|决定",
                                                text[max(0, a - 8):a]):
                continue  # 「县长主持本级人民政府工作」 turned 上一级 is absurd: only where something goes to a body
            if old in ("本级", "同级", "免费") and self._full_count(norm(text[a:b + 4])) > 2:
                continue  # 「本级人民代表大会」 all through the 代表法: the law's own formula
            if re.match(r"或|和|、|及", text[b:b + 1]) or re.search(r"(?:或者|或|和|、|及)$", text[max(0, a - 2):a]):
                continue  # 「免费或者优惠服务」 turned 收费 still reads true
            out.append((a, b, new, "antonym"))
            break
        # reported for approval or for the record (报国务院批准 / 报国务院备案): the procedure itself
        if not any(why == "antonym" for *_, why in out):
            m = _REPORT_FOR.search(text)
            if m and len(_REPORT_FOR.findall(text)) == 1:
                old = m.group(1)
                new = "备案" if old == "批准" else "批准"
                a, b = m.span(1)
                if new not in section and "审批" not in section and "核准" not in text \
                        and not re.search(r"格式|样式|式样|文本|编号|目录", text[:m.start()]) \
                        and not re.search(r"是否$", text[max(0, a - 4):a]) and text.count(old) == 1 \
                        and not self.lex.in_formula(text, a, b):
                    out.append((a, b, new, "antonym"))
        swaps = (MODAL_SWAPS if self.lex.legal else ()) + DIRECTION_SWAPS
        for old, new in swaps:
            if text.count(old) != 1:
                continue
            hits = [text.index(old)]
            a = hits[0]
            b = a + len(old)
            if a not in segment.bounds(text) or b not in segment.bounds(text):
                continue
            if old in ("以上", "以下") and not re.search(r"[\d一二三四五六七八九十百千两]", text[max(0, a - 4):a]):
                continue
            if old in ("不少于", "不得少于") and re.search(r"保证|确保|保障", text[max(0, a - 20):a]):
                continue  # 「保证……不超过2小时的活动时间」 contradicts itself
            if re.search(r"最低|最高|下限|上限|至少|最多", text[b:b + 16]):
                continue  # 「不得少于……最低时限」 turned 「不得超过……最低时限」 contradicts itself
            if old == "不得" and "可以" in text:
                continue  # 「除……可以转让的外，可以转让」 contradicts itself
            if old == "可以" and "也可以" in text:
                continue
            if new == "可以不" and (not _PROCEDURE.match(text[b:b + 4])
                                   or re.search(r"应当|必须", text[b:]) or "不得" in text):
                continue  # 「应当X」 → 「可以不X」 only for a step of procedure, never 「可以不遵守本法」
            if old == "不得" and not self._ban_to_test(text, a, b):
                continue
            if old == "不得" and self._excepted_next(unit):
                continue  # 「……不得改变用途。」 then 「确需改变……的，应当……」: 可以 is true in that case
            if old == "可以" and (_CONDITION.search(text) or re.match(r"自愿|自行|酌情|视情|单独|合并|不", text[b:b + 2])):
                continue  # 「必要时……应当」 still reads as right: the condition makes it a duty
            if old == "可以" and re.match(r"[^，,；;。]*的[，,]", text[b:]):
                continue  # 可以 inside a condition (……可以通过……解决的，) describes a case, not a rule
            if old == "可以" and not re.search(r"应当|不得|必须", text):
                # the text must set duties elsewhere in the same sentence's article to make the
                # contrast a real one; a lone permission turned duty is a trap on a function word
                if not self.lex.legal:
                    continue
            if self.lex.in_formula(text, a, b):
                continue
            if any(x <= a < y for x, y, _, _ in out):
                continue
            out.append((a, b, new, "modal"))
            break
        return out

    def _excepted_next(self, unit: Unit) -> bool:
        """Whether the next sentence of the same article makes room for what this one bans."""
        nxt = self.lex.units[unit.order + 1] if unit.order + 1 < len(self.lex.units) else None
        return bool(nxt is not None and nxt.path[:len(unit.path) - (1 if len(unit.path) > 1 else 0)]
                    == unit.path[:len(unit.path) - (1 if len(unit.path) > 1 else 0)]
                    and re.match(r"^(?:因[^。；;]{0,30}[，,])?(?:确需|确有必要|但是|但|特殊情况下|有特殊情况)", nxt.text))

    @staticmethod
    def _ban_to_test(text: str, a: int, b: int) -> bool:
        """Whether a ban (不得) turned into a permission makes a fair false item. Judged on the
        ban's own clause (up to the semicolon or full stop around it): a duty in another clause
        (「规定应当公布；未经公布的，不得作为依据」) is no contrast, but 「应当采取民主的方法，不得强迫
        命令」 turned 「可以强迫命令」 contradicts itself; a ban on what is wrong in itself (任何人
        不得歧视……, 不得骗取……, 不得擅自……) turned permission is absurd, not a test."""
        lo = max(text.rfind(c, 0, a) for c in "；;。") + 1
        his = [i for i in (text.find(c, b) for c in "；;。") if i >= 0]
        clause = text[lo:min(his) if his else len(text)]
        if text[max(0, a - 2):a].endswith(("但是", "但", "并", "且", "一般", "原则上", "一律", "均", "都")):
            return False  # 「但是可以……」 reads oddly and gives the change away; 「一律可以出售」 is absurd (round 38)
        if re.search(r"应当|必须|严格|均应|都应|有权", text[lo:a]):
            return False
        if re.search(r"(?:^|[，,])[^，,]{0,30}(?:无|未经|未|不符合|不具备|不合格|没有|非经|不按照|不按|超过|违反)[^，,]*"
                     r"(?:的[，,]|[，,]?$)", text[lo:a]):
            return False  # 「无许可证的，可以生产」: the condition says it is wrong, the change is absurd
        if re.search(r"(?:非经|未经)[^，,]{0,16}$", text[lo:a]):
            return False  # 「用地非经法定程序，可以改变用途」 reads as nonsense
        if re.match(r"超过|超出|低于|少于|高于|多于|突破|大于|小于", text[b:b + 2]):
            return False  # 「可以超过……总量控制指标」: a cap turned permission contradicts itself
        if re.search(r"但是|除外|经[^，。；]{0,12}同意", text):
            return False  # 「不得采集……；但是，经本人书面同意的除外」: 可以 is true in the excepted case
        if re.search(r"应当|必须", clause[b - lo:]):
            return False  # 「不得从事……应当在高等级实验室进行的活动」 turned 可以 contradicts itself (round 39)
        if re.search(r"确需|确有必要|确因", text[b:]):
            return False  # 「不得占用农用地；确需占用的，应当……」: the permitted case follows, 可以 blurs
        if re.search(r"除[^，,；;。]{1,40}外", text[lo:b]) or re.match(r"仅|只|单纯|随意", text[b:b + 2]):
            return False  # 「除……外，可以收取其他费用」「可以仅因为……而否定」 read as nonsense, not a test
        if re.search(r"无关|以外的|未获得|未取得|不具有|不具备|无资质|没有资质|损坏|毁坏|损伤|^非|以[^，。；]{1,12}的名义|"
                     r"超载|超限|超速|酒后|无证|冒充|假借|私拆|隐匿|毁弃|撕揭|窃取|盗取|篡改|私自|串通|泄漏|藏匿|丢弃|"
                     r"披露[^，。；]{0,6}(?:未公开|秘密|隐私|保密)", clause):
            return False  # 「可以用于与消防……无关的事项」「可以对长城造成损坏」: false on common sense alone
        return not _WRONG_IN_ITSELF.search(clause)

    # --- contrasts: two parallel rules told apart ---------------------------------------
    def contrast(self, unit: Unit, truth: bool) -> list[Candidate]:
        """Two parallel rules of one sentence, or of two neighbouring sentences of one article,
        that differ in a case and in what it gets (「对特殊化妆品实行注册管理，对普通化妆品实行备案
        管理」, 「国务院……负责全国……。县级以上地方人民政府……负责本行政区域……」): the true item
        states them as they are, the false one exchanges what each case gets — the confusion a
        learner actually makes, never an absurd or half-true statement."""
        ctx = self._ready(unit)
        if ctx is None:
            return []
        nxt = self.lex.units[unit.order + 1] if unit.order + 1 < len(self.lex.units) else None
        found = _contrast(unit.text)
        quote = None
        if found is None and nxt is not None and nxt.info is unit.info and not nxt.item and not unit.item \
                and nxt.context() == "" and self._ready(nxt) is not None and unit.text.endswith("。"):
            found = _contrast(unit.text + nxt.text, whole=len(unit.text))
            quote = unit.text + nxt.text
        if found is None:
            return []
        text = quote or unit.text
        covers = (nxt.order,) if quote else ()
        lo, hi, swapped, x, y = found
        body = text[lo:hi]
        if len(body) > MAX_WINDOW + 40 or not self._ok_body(body) or _TAUTOLOGY.search(body):
            return []
        if unit.order in self.lex.excepted or re.search(r"但是|除外", text[hi:]):
            return []  # the rule has an exception the statement would leave out
        if truth:
            if self.lex.restated(unit.order):
                return []
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "judge", stem, [], True, quote=quote)
            return [Candidate(q, unit, 2.5, "contrast_true", [f"对调:{x}|{y}"], covers)]
        if self.lex.contains(strip_end(swapped), y):
            return []
        stem = self._stem(ctx, self._finish(swapped))
        note = f"题中把“{x}”和“{y}”说反了。"
        q = self._question(unit, "judge", stem, [], False, quote=quote, note=note)
        return [Candidate(q, unit, 2.6, "contrast_false", [f"对调:{x}|{y}"], covers)]

    # --- statements: which of these sentences says what the text says -------------------
    def statements(self, units: list[Unit], rng: random.Random) -> list[Candidate]:
        """A choice among sentences of one section (an article, a paragraph): the text's own
        sentences as the true options and one of them falsified on its rule (a figure, a body
        of the same level, 不得 → 可以, 书面 → 口头) as the false one — 「下列说法正确的有」 as a
        multiple choice, or 「下列说法不符合规定的是」 as a single choice. Every option carries its
        own subject; none is a lead-in, an item or a pointer elsewhere."""
        trues: list[Unit] = []
        falses: list[tuple[Unit, str, str, str]] = []
        for u in self._statement_units(units):
            t = u.text
            trues.append(u)
            for a, b, new, why in self._falsifications(u):
                wrong = t[:a] + new + t[b:]
                if why == "modal" and a < 4:
                    continue
                if not self.lex.contains(strip_end(wrong), new):
                    falses.append((u, wrong, t[a:b], new))
                    break
        if len(trues) < 3 or not falses:
            return []
        u0, wrong, old, new = falses[rng.randrange(len(falses))]
        rights = [u for u in trues if u is not u0]
        if len(rights) < 3:
            return []  # four options: three of the text's sentences and the falsified one
        node_text = u0.info.node.text or ""
        topic = self._topic_words(u0)
        multiple = zlib.crc32(u0.text.encode("utf-8")) % 2 == 0
        picked = rng.sample(rights, 3)
        picked.sort(key=lambda u: u.order)
        options = [strip_end(u.text) for u in picked] + [strip_end(wrong)]
        rng.shuffle(options)
        false_opt = strip_end(wrong)
        used = sorted(picked + [u0], key=lambda u: u.order)
        first = node_text.find(strip_end(used[0].text))
        last = node_text.find(strip_end(used[-1].text))
        if first < 0 or last < 0:
            return []
        end = last + len(strip_end(used[-1].text))
        quote = node_text[first:end + (1 if node_text[end:end + 1] in "。；" else 0)]
        if len(quote) > 600:
            return []
        note = f"“{new}”有误，原文为“{old}”。"
        both = []
        for as_multiple in (multiple, not multiple):
            if as_multiple:
                stem = f"{topic}下列说法正确的有（　　）。"
                answer = sorted(i for i, o in enumerate(options) if o != false_opt)
                qtype, form = "multiple", "statements_multiple"
            else:
                stem = f"{topic}下列说法不符合规定的是（　　）。"
                answer = [options.index(false_opt)]
                qtype, form = "single", "statements_not"
            q = self._question(u0, qtype, stem, options, answer, quote=quote, difficulty=3, note=note)
            both.append(Candidate(q, u0, 2.35, form, [f"改:{old}>{new}"], covers=tuple(u.order for u in used)))
        both[0].alt = both[1]
        return [both[0]]

    def neighbour_statements(self, units: list[Unit], rng: random.Random,
                             busy: dict[int, set[str]]) -> list[Candidate]:
        """「下列说法不符合规定的是」 over the articles of one chapter: one article's rule falsified
        (a figure, a body of the same system, 不得 → 可以, 书面 → 口头), beside three rules of
        the neighbouring articles as the text states them. Asked on the falsified article;
        the true options come only from sentences nothing else asks (`busy` holds the units
        that have questions of their own, with their types), each shown once in the chapter,
        nearest first, and all four within a page of the text; an article that already has a
        single choice is not asked another."""
        pool = [u for u in self._statement_units(units)
                if u.text == self.lex.units[u.order].text and self._names_subject(u.text)
                and not re.match(r"^[^，,。；;：:]{1,80}的[，,]|^[^，,。；;：:]{2,12}(?:后|时)[，,]", u.text)]
        # (「用工单位无同类岗位劳动者的，参照……确定」「接到通知后，……」: a case of a rule, not a rule)
        if len(pool) < 4:
            return []
        used: set[int] = set()
        out: list[Candidate] = []
        for u0 in pool:
            if u0.order in used or "single" in busy.get(u0.order, ()):
                continue
            change = None
            for a, b, new, why in self._falsifications(u0):
                if why == "modal" and a < 4:
                    continue
                wrong = u0.text[:a] + new + u0.text[b:]
                if not self.lex.contains(strip_end(wrong), new):
                    change = (a, b, new, why, wrong)
                    break
            if change is None:
                continue
            a, b, new, why, wrong = change
            near = sorted((u for u in pool if u.order not in used and u.order != u0.order
                           and u.order not in busy and u.path != u0.path
                           and abs(u.order - u0.order) <= 12),
                          key=lambda u: (abs(u.order - u0.order), u.order))
            near = [u for u in near if strip_end(u.text) != strip_end(u0.text)][:3]
            if len(near) < 3:
                continue
            options = [strip_end(u.text) for u in near] + [strip_end(wrong)]
            lens = [len(o) for o in options]
            if max(lens) > 1.8 * min(lens):
                continue  # one option much longer than the rest stands out
            rng.shuffle(options)
            old = u0.text[a:b]
            note = f"“{new}”有误，原文为“{old}”；其余三项与原文相符：" + _quoted(near) + "。"
            stem = f"{self._topic_words(u0)}下列说法不符合规定的是（　　）。"
            q = self._question(u0, "single", stem, options, [options.index(strip_end(wrong))],
                               quote=self.lex.units[u0.order].text,
                               difficulty=3, note=note)
            key = f"改:{old}>{new}" + (f"@{u0.order}" if why == "modal" else "")
            keys = [key] + ([old] if why in ("figure", "level") else [])
            covers = tuple(u.order for u in near)
            # (asked the other way round — which of these are right — when the document lacks
            # a multiple choice: the same four statements, the same falsified rule)
            mq = self._question(u0, "multiple", f"{self._topic_words(u0)}下列说法符合规定的有（　　）。", options,
                                [i for i, o in enumerate(options) if o != strip_end(wrong)],
                                quote=self.lex.units[u0.order].text, difficulty=3, note=note)
            out.append(Candidate(q, u0, 2.45, "statements_near", keys, covers=covers,
                                 alt=Candidate(mq, u0, 2.45, "statements_near_multiple", keys, covers=covers)))
            used.update([u0.order] + [u.order for u in near])
        return out

    def pooled_statements(self, false: Candidate, trues: list[Candidate], as_multiple: bool,
                          rng: random.Random) -> Candidate | None:
        """「下列说法符合规定的有」 (or 「不符合规定的是」) over true/false items the selection had
        no room for: one rule falsified (a figure, a level, 不得 → 可以, 书面 → 口头) beside
        three rules stated as the text states them, each a whole sentence that names its own
        subject, from the same part of the document. Asked on the falsified rule."""
        m = re.search(r"题中“([^”]+)”有误，原文为“([^”]+)”", false.question.explanation)
        if m is None or len(trues) != 3:
            return None
        new, old = m.groups()
        shown = [strip_end(c.question.stem) for c in trues]
        if any(old in x or new in x for x in shown):
            return None  # another option names what was changed: it gives the change away
        options = shown + [strip_end(false.question.stem)]
        lens = [len(o) for o in options]
        if max(lens) > 2 * min(lens) or len(set(options)) < 4:
            return None
        rng.shuffle(options)
        wrong = options.index(strip_end(false.question.stem))
        topics = {self._topic_words(c.unit) for c in trues + [false]}
        topic = topics.pop() if len(topics) == 1 else ""
        note = f"“{new}”有误，原文为“{old}”；其余三项与原文相符：" + _quoted(trues) + "。"
        u0 = false.unit
        if as_multiple:
            q = self._question(u0, "multiple", f"{topic}下列说法符合规定的有（　　）。", options,
                               [i for i in range(4) if i != wrong], quote=u0.text, difficulty=3, note=note)
            form = "statements_pooled_multiple"
        else:
            q = self._question(u0, "single", f"{topic}下列说法不符合规定的是（　　）。", options, [wrong],
                               quote=u0.text, difficulty=3, note=note)
            form = "statements_pooled"
        return Candidate(q, u0, 2.3, form, list(false.keys), covers=tuple(c.unit.order for c in trues))

    def stands_alone(self, c: Candidate) -> bool:
        """Whether a true/false item is a whole sentence of the text that names its subject:
        fit to be shown as one option among others."""
        stem, text = strip_end(c.question.stem), strip_end(c.unit.text)
        whole = stem[:3] == text[:3] and stem[-3:] == text[-3:] and abs(len(stem) - len(text)) <= 12
        return whole and self._ready(c.unit) == "" and 14 <= len(stem) <= 100 \
            and not re.search(r"但是|除外|：|^(?:其|该|对此)", stem)

    @staticmethod
    def _names_subject(sentence: str) -> bool:
        """Whether a sentence, shown alone as an option, says whom it binds: it opens with a
        noun of some length (慈善组织, 国家), not with a verb (责令退还……) or a bare noun the
        sentence before introduced (报告应当包括……)."""
        tagged = segment.tagged(sentence[:16])
        if not tagged:
            return False
        if not tagged[0][1].startswith(("n", "j")):
            return False
        phrase = ""
        for w, t in tagged:
            if not t.startswith(("n", "j", "vn")):
                break
            phrase += w
        return len(phrase) >= 3 or phrase in ("国家", "政府", "公民", "单位", "个人")

    def _statement_units(self, units: list[Unit]) -> list[Unit]:
        """The sentences of a section that can stand as options: short ones whole, long ones
        by their clauses that name their own subject (「……；上级不改变该决定……的，……」)."""
        from dataclasses import replace
        out: list[Unit] = []
        for u in units:
            if u.item or u.context() != "" or u.key in self.lex.repeated_key or u.order in self.lex.excepted \
                    or preamble(u.text):
                continue
            parts = [u.text] if len(u.text) <= 72 else [c + "。" for c in re.split(r"；", strip_end(u.text))]
            for i, t in enumerate(parts):
                if len(parts) > 1 and i > 0 and not self._has_subject(t):
                    break  # a clause that shares the sentence's subject cannot stand alone
                if not 14 <= len(t) <= 72 or not self._ok_body(t) or re.search(r"但是|除外|：|^(?:其|该|对此)", t):
                    continue
                out.append(u if t == u.text else replace(u, text=t))
        return out

    @staticmethod
    def _topic_words(unit: Unit) -> str:
        """「关于公务员的辞职与辞退，」 from the nearest heading, when it names a topic."""
        topic = unit.topic
        if not topic or len(topic) > 16 or re.search(r"[，。；：、“”《》]|总则|附则|其他|一般规定", topic):
            return ""
        return f"关于{topic}，"

    # --- who does it: a body named in full as a rule's subject ----------------------------------
    def _subject_bodies(self) -> dict[str, str]:
        """The bodies the document names in full as the subject of its rules (国家档案主管部门,
        县级以上地方档案主管部门, 乡镇人民政府), by their kind; none that is the tail of another
        (档案主管部门 holds every level), none generic (国务院有关部门)."""
        got = getattr(self, "_subjects", None)
        if got is not None:
            return got
        seen: dict[str, int] = {}
        for u in self.lex.units:
            m = _SUBJECT_BODY.match(u.text)
            if m and not _NOT_A_SUBJECT.search(m.group(1)) and m.group(1) not in CATEGORY_BODIES \
                    and _a_name(m.group(1)):
                # (a name, not a clause: 申请人要求行政机关, 委托行政机关, 经国务院……部门 are none)
                seen[m.group(1)] = seen.get(m.group(1), 0) + 1
        self._subjects = {b: _body_kind(b) for b in seen if not any(b != c and c.endswith(b) for c in seen)}
        return self._subjects

    def subject_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        """「（　　）主管全国的档案工作……」: which body the rule gives the matter to, the bodies of
        the same kind the document names as subjects elsewhere as options. A rival that the
        document also gives the same act, that the sentence names, or that holds the key (or is
        held by it) is none."""
        ctx = self._ready(unit)
        if ctx != "" or unit.item:
            return []
        text = unit.text
        m = _SUBJECT_BODY.match(text)
        subjects = self._subject_bodies()
        if m is None or m.group(1) not in subjects or not _RULE_WORD.search(text):
            return []
        key = m.group(1)
        if self.lex.too_common(key):
            return []  # the law's own actor (国家监察委员会 in 监察法): asked, it is asked everywhere
        if text.count(key) > 1 or (len(key) > 6 and key[-6:] in text[m.end():]):
            return []  # the sentence names the body again: the stem gives it away
        w = self.window(text, 0, m.end())
        if w is None or w[0] != 0:
            return []
        rest = text[m.end():w[1]]
        act = re.sub(r"^(?:应当|可以|必须|依法|负责|有权)+", "", rest)
        core = re.split(r"[，,；;。]", act)[0][:8]
        kind = subjects[key]
        rivals = []
        for x in subjects:
            if x == key or subjects[x] != kind or x in key or key in x or x in text:
                continue
            if _overlaps(key, x):
                continue  # (地方各级人民政府 for 县级人民政府: partly right)
            if self.lex.contains(x + rest[:6], x) or (len(core) >= 4 and self.lex.contains(x + core, x)) \
                    or (len(core) >= 4 and any(x in v.text and core in v.text for v in self.lex.units)):
                continue  # the document gives the same act to this body too
            rivals.append(x)
        if len(rivals) < 3:
            return []
        rivals.sort(key=lambda x: (abs(len(x) - len(key)), x))
        wrong = rivals[:5]
        rng.shuffle(wrong)
        body = HOLE + rest
        if not self._ok_body(body) or len(strip_end(rest)) < 8:
            return []
        options = [key] + wrong[:3]
        rng.shuffle(options)
        q = self._question(unit, "single", self._finish(body), options, [options.index(key)])
        return [Candidate(q, unit, 2.5, "subject", [key])]

    # --- definitions: which term the law defines so ----------------------------------------
    def definitions(self, rng: random.Random) -> list[Candidate]:
        """「本条例所称（　　），是指医疗机构及其医务人员在医疗活动中……过失造成患者人身损害的事故。」:
        the term a definition defines, the document's other defined terms as options (terms of
        one kind, each defined otherwise: one right answer). A definition that names its own
        term, or points elsewhere, is not asked; a document with fewer than four terms has no
        fair options."""
        found: list[tuple[Unit, str, str, str]] = []  # unit, the law's word (本条例), term, definition
        for u in self.lex.units:
            section = u.info.node.text or ""
            lead = u.lead or section
            for clause in re.split(r"[；;]", strip_end(u.text)):
                m = _DEFINITION.match(clause.strip())
                if m is None:
                    continue
                own = m.group("own") or ""
                if not m.group("said") and not re.search(r"用语(?:的)?含义|用语含义", lead):
                    continue  # 「X，是指……」 outside a list of definitions: a sentence of another kind
                if not own:
                    w = re.search(r"(本(?:法|条例|办法|规定|细则|准则|决定))(?:中)?(?:下列)?用语", lead)
                    own = w.group(1) if w else ""
                term, meaning = m.group("term"), m.group("def")
                if not 3 <= len(term) <= 12 or not _HAN_ONLY.fullmatch(term) or len(meaning) < 12 \
                        or term in meaning or refers_elsewhere(meaning) or refers_elsewhere(term) \
                        or re.search(r"属于|包括|以及|或者|和|是|为", term):  # (「慈善信托属于公益信托，是指」)
                    continue
                found.append((u, own, term, meaning))
        terms = list(dict.fromkeys(t for _u, _o, t, _d in found))
        if len(terms) < 4:
            return []
        out = []
        for u, own, term, meaning in found:
            if terms.count(term) != 1 or sum(1 for _u, _o, t, _d in found if t == term) > 1:
                continue  # a term defined twice (in two chapters): which one, the stem cannot say
            # (人员密集场所 is defined as 「公众聚集场所，医院的……」: it holds the key, no fair rival)
            meanings = {t: d for _u, _o, t, d in found}
            rivals = [t for t in terms if t != term and t not in meaning and term not in t and t not in term
                      and term not in meanings[t]]
            # the definition's own words name the key (「从事实验室工作时……的感染」 → 实验室感染,
            # 「专门生产兽药的企业」 → 兽药生产企业): fair only beside rivals that share them, and
            # the kind it says (企业) beside rivals of that kind (round 41)
            echoed = {term[j:j + 2] for j in range(len(term) - 1) if term[j:j + 2] in meaning}
            if term[-2:] in meaning:
                rivals = [t for t in rivals if t.endswith(term[-2:])]
            rivals = [t for t in rivals if all(g in t for g in echoed - {term[-2:]})]
            if len(rivals) < 3:
                continue
            rivals.sort(key=lambda t: (abs(len(t) - len(term)), t))
            wrong = rivals[:5]
            rng.shuffle(wrong)
            options = [term] + wrong[:3]
            rng.shuffle(options)
            said = f"{own}所称" if own else ""
            stem = f"{said}{HOLE}，是指{meaning}。"
            quote = u.text if len(u.text) <= 300 else None
            q = self._question(u, "single", stem, options, [options.index(term)], quote=quote)
            out.append(Candidate(q, u, 2.5, "definition", [term]))
        return out

    # --- lists: 简答 on a numbered list -------------------------------------------------
    def lists(self) -> list[Candidate]:
        """Short answers on the document's numbered lists. Which-belong and which-not questions
        drew distractors from another list, which blind raters found of another kind or also
        true (legal grounds beside processing activities, both 「情形」): not proposed."""
        out: list[Candidate] = []
        for info, lead, items in self.lex.lists:
            out += self._list_short(info, lead, items)
        return out

    def _list_short(self, info, lead: str, items: list[str]) -> list[Candidate]:
        """简答: the items of a numbered list (公务员应当具备哪些条件？), each a point."""
        points = [strip_end(it) for it in items]  # a catch-all item (其他……) is part of the list
        if not 3 <= len(points) <= 8 or any(len(p) > 40 or len(p) < 2 for p in points):
            return []
        m = re.search(r"(?:下列|以下)(\w{0,4}?)(之一)?(?=[的，,：:]|$|(?<!之一)(?:开展|进行)工作)", lead)
        if not m or _DANGLING_LEAD.match(lead):
            return []
        cat = m.group(1)
        if m.group(2) and not re.search(r"情形|行为", cat or ""):
            return []  # 「应当具备下列条件之一」: asking for all of them would mislead
        subject = re.split(r"应当|可以|必须|包括|有|具备|享有|履行|遇有|载明|分为", lead[:m.start()], maxsplit=1)[0]
        if m.start() < 6 or len(subject.strip("，, ")) < 4 or re.match(r"在|对|经|按照|根据|依照", subject) \
                or "，" in subject.strip("，, ") or re.search(r"(?:时|后|前|期间|过程中)$", subject.strip("，, ")):
            # (「实施监督检查时，有权采取下列措施」: whose inspection, the sentence before says — round 37)
            return []  # 「通知应当包括……」「决定书应当载明……」: which one, the stem cannot say
        if re.search(r"(?:以下|下列)规定|规定如下", lead):
            return []  # 「按照下列规定计算」 points at rules, not at a list of things
        tail = re.split(r"[，,]", strip_end(lead))[-1]
        if len(tail) >= 4 and self.lex.count(tail) > 1:
            return []  # the same consequence follows other cases elsewhere: the list is not all of them
        end = norm(strip_end(lead).rstrip("：:"))[-12:]
        if len(end) >= 8 and any(other is not info and norm(strip_end(lead2).rstrip("：:")).endswith(end)
                                 for other, lead2, _ in self.lex.lists):
            return []  # (第四十一条 and 第四十二条 both end 「……依法给予处分」: the list is not all of them)
        if re.search(r"还(?:应当|应|需|必须|须)", lead) or (
                re.match(r"^(?:国家机关|国家|有关)?(?:工作人员|人员)", lead) and re.search(r"给予处分|追究", lead)):
            return []  # 「还应当具备……」 without the 除……外 it adds to; misconduct of anybody, punished
        if any(refers_elsewhere(p) for p in points) or len(lead) > 70:
            return []  # 「违反本法第二十六条规定的」 cannot be answered from the question
        if re.match(r"^[^：:]*?(?:时|的)?[，,][^：:]*(?:应当|可以|不得|必须|由)", lead[m.end():]):
            return []  # 「……有下列情形之一，不能履行监护职责的，应当……」: the rule follows the list's name
        if re.search(r"时[，,]", lead[m.end():m.end() + 4]):
            return []  # 「开展下列活动时，应当……」: the question would lose its rule
        if re.search(r"任何(?:单位和|单位或者)?(?:个人|人)|一切单位", lead) and (cat or "") in ("", "行为", "活动", "事项"):
            return []  # 「任何单位和个人禁止下列行为」: which of the text's bans, the stem does not say
        from studyapp.core.questions.lexicon import ITEM_KINDS
        from studyapp.core.questions.text import sentences
        kids = info.node.children
        if any(c.kind in ITEM_KINDS and len(sentences(c.text or c.title or "")) > 1 for c in kids) \
                or any(c.kind not in ITEM_KINDS and re.search(r"还应|还须|还需|另外|此外|同时提交|同时提供", c.text or "")
                       for c in kids):
            return []  # an item or a paragraph after the list adds to it (还应当提交……): no whole answer
        which = "哪" if re.match(r"[一二三四五六七八九十两\d]", cat or "") else "哪些"  # 下列三种 → 哪三种
        if lead[m.start():m.start() + 2] == "以下" and re.match(r"[一二三四五六七八九十百千万\d]", lead[max(0, m.start() - 1):m.start()]):
            return []  # 「三年以下」 is a figure, not a list
        rest = lead[m.end():]
        if not rest.startswith("的"):
            head, *more = re.split(r"([，,；;])", rest, maxsplit=1)
            tail = more[1] if len(more) == 2 else ""
            if not head and tail and not re.search(r"[\u4e00-\u9fff]", lead[max(0, m.start() - 1):m.start()]):
                # 「……外，下列所得，不论……，均为来源于中国境内的所得」: the list is the subject and
                # what is said of it comes after; without it the question asks nothing
                if len(tail) > 40 or refers_elsewhere(tail) or re.search(r"[；;]", tail):
                    return []
                rest = "，" + tail
            else:
                # 「……发生的哪些劳动争议，适用本法？」 keeps a short consequence; longer clauses go
                rest = head + (f"，{tail}" if tail and len(tail) <= 8 and not refers_elsewhere(tail) else "")
        stem = lead[:m.start()] + which + (cat or "内容") + rest
        stem = strip_end(stem) + "？"
        quote = self._list_quote(info)
        unit = self._unit_of(info, lead)
        if quote is None or unit is None or refers_elsewhere(stem.replace("哪些", "")):
            return []
        q = self._question(unit, "short", stem, [], points, quote=quote, difficulty=3)
        return [Candidate(q, unit, 2.2, "list_short", [])]

    def inline_short(self, unit: Unit) -> list[Candidate]:
        """简答 on a closed list inside a sentence that names what its items are: 「订立劳动合同，
        应当遵循合法、公平、平等自愿、协商一致、诚实信用的原则」 → 订立劳动合同，应当遵循哪些
        原则？ — and 「处分分为：警告、记过、记大过……」 → 处分分为哪几种？ Only where the list is
        closed (no 等 after it), the clause carries its own subject, and what the items are is
        said (原则, 方针, 种类): a list of things in passing is no question."""
        ctx = self._ready(unit)
        if ctx is None or unit.item:
            return []
        text = unit.text
        for e in find_enumerations(text) + _phrase_runs(text):
            items = e.items
            if not all(e.certain) or not 3 <= len(items) <= 8 or len(set(items)) < len(items):
                continue
            if any(len(x) > 12 or len(x) < 2 or re.search(r"[“”\"《》（）()]", x)
                   or set(segment.tokens(x)) & {"和", "及", "与", "或", "或者", "以及"} for x in items):
                continue  # (统一管理和分级、分部门负责: where the items part, the list does not say)
            if re.match(r"[^，,。；;、]{0,8}等", text[e.end:]) or self.lex.in_formula(text, e.start, e.end):
                continue
            items = list(items)
            start = e.start
            verb = _LIST_VERB.match(items[0])
            if verb and not any(x.startswith(verb.group(0)) for x in items[1:]) and len(items[0]) - verb.end() >= 2:
                items[0] = items[0][verb.end():]  # 「遵循合法、公平……」: the verb is the sentence's
                start += verb.end()
            lo = max(text.rfind(c, 0, start) for c in "。；;") + 1
            head = text[lo:start]
            named = _ITEMS_NAMED.match(text[e.end:])
            kinds = _KINDS_AFTER.search(head)
            his = [i for i in (text.find(c, e.end) for c in "。；;") if i >= 0]
            rest = text[e.end:min(his) if his else len(text)]
            if named and _LIST_VERB.search(head[-4:]) and _LIST_VERB.search(head[-4:]).end() == len(head[-4:]):
                # (what they do under those principles stays in the question: 「……根据哪些原则，可以决定……？」)
                after = rest[named.end():]
                if len(after) > 30 or re.search(r"不得|应当|必须|原则|方针|[、；]", after) \
                        or not re.match(r"[，,](?:可以|有权|依法)", after):
                    after = ""  # a long tail, or one with rules of its own, would bury the question
                    if re.search(r"(?:按照|依照|根据|依据|本着|基于|按)$", head):
                        continue  # 「……应当按照哪些原则？」 asks nothing without what is done by them
                stem = head + "哪些" + named.group(1) + after + "？"
            elif kinds and not rest:
                stem = head[:kinds.start()] + kinds.group(1) + ("哪几种" if kinds.group(1) == "分为" else "哪些") + "？"
            else:
                continue
            if not 10 <= len(stem) <= 60 or not self._ok_body(stem.rstrip("？")) or re.match(r"^(其|该|上述|对此|此外)", stem) \
                    or "，" not in head and not self._has_subject(head):
                continue
            if not self._has_subject(head) and not re.match(r"^[^，,]{4,30}[，,]", head):
                continue  # 「遵循……的原则」 with nobody who follows it
            body = stem if not ctx else self._stem(ctx, stem)
            q = self._question(unit, "short", body, [], list(items), difficulty=2)
            return [Candidate(q, unit, 2.0, "inline_short", [])]
        return []

    def _list_quote(self, info) -> str | None:
        from studyapp.core.questions.lexicon import ITEM_KINDS
        from studyapp.core.questions.text import sentences
        node = info.node
        sents = sentences(node.text)
        if not sents:
            return None
        parts = [sents[-1]]
        for c in node.children:
            if c.kind not in ITEM_KINDS:
                break
            parts.append((c.label or "") + (c.title or "") + (c.text or ""))
        quote = "".join(parts)
        return quote if len(quote) <= 700 else None

    def _unit_of(self, info, lead: str) -> Unit | None:
        return self.lex.unit_by_text.get((id(info), lead))

    # --- inline enumerations: the document's own lists ----------------------------------
    def inline_lists(self, unit: Unit, rng: random.Random, pool: dict[str, list[int]]) -> list[Candidate]:
        """A closed list inside a sentence (发扬民主、善于集中、敢于担责): which belong, which is
        missing, which is not there. Options are items of the document's other lists that have
        the same shape (问×于民 beside 问计于民, 行政×× beside 行政许可) and that the document
        never says in the same breath (反对……官僚主义 elsewhere makes 官僚主义 no distractor)."""
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        for e in find_enumerations(text) + _phrase_runs(text):
            items = e.items
            if not all(e.certain) or not 3 <= len(items) <= 7:
                continue
            if any(len(x) > 8 or len(x) < 2 or re.search(r"[“”\"《》（）()]", x)
                   or set(segment.tokens(x)) & {"和", "及", "与", "等", "或", "或者", "以及"}
                   or any(t.startswith("p") for _, t in segment.tagged(x)) for x in items) \
                    or len(set(items)) < len(items):
                continue
            if re.match(r"[^，,。；;、]{0,8}等", text[e.end:]) or self.lex.in_formula(text, e.start, e.end):
                continue  # an open list: any other item could belong to it
            lens = [len(x) for x in items]
            uniform = max(lens) - min(lens) <= 1
            win = self.window(text, e.start, e.end)
            if win is None:
                continue
            lo, hi = win
            body = text[lo:e.start] + HOLE + text[e.end:hi]
            holes = self._ok_body(body) and len(strip_end(body).replace(HOLE, "")) >= 8
            verb = text[max(0, e.start - 2):e.start]
            sign = self.lex.polarity(text, e.start)
            outside = text[:e.start] + text[e.end:]
            others = [x for x in pool if holes and uniform and self._same_shape(x, e) and x not in text
                      and self.lex.item_polarity.get(x) == sign
                      # (「根据职工的（　　）……决定工资」 with 劳动工资 outside: circular, ruled out at
                      # sight — round 42): no word of the outsider that none of the items has
                      and not any(x[j:j + 2] in outside and not any(x[j:j + 2] in y for y in items)
                                  for j in range(len(x) - 1))
                      and not self._said_alike(x, verb, unit, pool[x])]
            others.sort()
            rng.shuffle(others)
            found: list[Candidate] = []
            shown = self._stem(ctx, self._finish(body))
            if len(others) >= 2:
                k = 3 if len(others) >= 1 and len(items) >= 3 else 2
                right = rng.sample(items, k)
                opts = right + others[:4 - k] if 4 - k >= 1 else right
                if len(opts) >= 4:
                    rng.shuffle(opts)
                    q = self._question(unit, "multiple", shown + "括号中应填入下列哪些内容？", opts,
                                       sorted(opts.index(x) for x in right), difficulty=3)
                    found.append(Candidate(q, unit, 2.5, "inline_multiple", right))
            if others:
                shown3 = rng.sample(items, 3)
                nopts = shown3 + [others[0]]
                rng.shuffle(nopts)
                q = self._question(unit, "single", shown + "括号中应填入的内容不包括下列哪一项？", nopts,
                                   [nopts.index(others[0])])
                found.append(Candidate(q, unit, 2.45, "inline_not", [others[0]]))
            # one item missing: as a fill (the middle item first, then the others: 公开、公平、
            # 公正、非歧视 — 公正 shares 公 with its neighbours, 非歧视 does not), and as a choice
            # among items of the same shape
            mid = len(items) // 2
            # (only inner items: the first and the last may have taken in a word of the
            # sentence — 「逾期不执行停产停业、停止使用……」)
            for j in sorted(range(1, len(items) - 1), key=lambda i: (abs(i - mid), i)):
                fill = self._list_fill(unit, ctx, text, e, items, j, lo, hi)
                if fill is not None:
                    found.append(fill)
                    break
            j = mid
            key, (x, y) = items[j], e.spans[j]
            wrong = [o for o in others if len(o) == len(key) and _pos_shape(o) == _pos_shape(key)][:3]
            if len(wrong) == 3:
                hbody = text[lo:x] + HOLE + text[y:hi]
                sopts = [key] + wrong
                rng.shuffle(sopts)
                q = self._question(unit, "single", self._stem(ctx, self._finish(hbody)) + "括号中应填入的是？",
                                   sopts, [sopts.index(key)])
                found.append(Candidate(q, unit, 2.55, "inline_single", [key]))
            return found
        return []

    def _list_fill(self, unit: Unit, ctx: str, text: str, e, items: list[str], j: int,
                   lo: int, hi: int) -> Candidate | None:
        x, y = e.spans[j]
        key = items[j]
        if re.search(r"是指|所称", text):
            return None  # a definition's list of settings or things: another one fits as well
        if len({re.sub(r"[一二三四五六七八九十]", "", it) for it in items}) == 1:
            return None  # 记三等功、____、记一等功: the ladder gives the rung away
        if (self.lex.legal or self.lex.articled) and not self._memorable_list(text, e):
            return None  # 「煽动闹事、结伙斗殴、抢夺……」: 聚众斗殴 would be as right
        sbody = text[lo:x] + BLANK + text[y:hi]
        pre, suf = _affixes(items)
        cuts = segment.bounds(key)
        if (pre or suf) and len(key) - len(pre) - len(suf) >= 2 \
                and len(pre) in cuts and len(key) - len(suf) in cuts:
            # 严以修身、严以____、严以律己: the blank takes what the items do not share
            x, y = x + len(pre), y - len(suf)
            key = key[len(pre):len(key) - len(suf)]
            sbody = text[lo:x] + BLANK + text[y:hi]
        others_len = sorted(len(o) for o in items if o != items[j])
        # a list cut in the wrong place (立场、观点、方法观察问题、分析问题) has one overlong item
        others_len = others_len if len(items[j]) <= others_len[len(others_len) // 2] + 1 else []
        if _ch(text, x - 1) in "（(" or _ch(text, y) in "（(":
            others_len = []  # 纪委（纪检组）: the bracketed other name is no point to ask
        if others_len and self._ok_body(sbody, sbody.find(BLANK) if not ctx else -1) \
                and not self.lex.too_common(key) \
                and len(items[j]) <= max(others_len) + 1 \
                and _worth_listing(items, key, pre, suf,
                                   bool(re.search(r"(分为|包括|种类为)：$", text[max(0, e.start - 6):e.start]))) \
                and (pre or suf or not any(o[:2] == key[:2] for o in items if o != key)):
            q = self._question(unit, "fill", self._stem(ctx, self._finish(sbody)), [], [key])
            return Candidate(q, unit, 2.3, "list_fill", [key])
        return None

    @staticmethod
    def _memorable_list(text: str, e) -> bool:
        """Whether a law's list is one a cadre learns by heart: principles, a policy, the kinds
        of something (坚持……的原则, 实行……的方针, 处分分为：……), not a row of acts or things
        written in passing, where a near-synonym fills a blank as well."""
        after = text[e.end:e.end + 8]
        before = text[max(0, e.start - 8):e.start]
        return bool(re.match(r"(?:相结合)?的(?:原则|方针|要求|工作格局|工作机制|体制|目标)|并举|相结合", after)
                    or (re.match(r"的[\u4e00-\u9fff]{2,6}(?:[，,。；;]|$)", text[e.end:e.end + 9])
                        and all(any(t.startswith(("v", "a", "d", "i", "l")) for _, t in segment.tagged(x))
                                for x in e.items))
                    or re.search(r"(?:坚持|遵循|本着|贯彻|实行|按照)$", before)
                    or re.search(r"(?:分为|包括|种类为)[：:]?$", before))

    @staticmethod
    def _same_shape(x: str, e) -> bool:
        """An option of the same kind as a list's items: it shares what all items share (问×于民,
        严以××, ××监督), has their length, and the parts of speech they begin and end with.
        A list whose items share nothing gets no distractors: drawn from elsewhere in the
        document they are either of another kind (absurd) or also true (坚持……)."""
        items = e.items
        pre, suf = _affixes(items)
        if not (pre or suf):
            return False
        if not min(len(i) for i in items) <= len(x) <= max(len(i) for i in items):
            return False
        if not x.startswith(pre) or not x.endswith(suf) or len(x) <= len(pre) + len(suf):
            return False
        return _pos_shape(x) in {_pos_shape(i) for i in items}

    def _said_alike(self, x: str, verb: str, unit: Unit, orders: list[int]) -> bool:
        """Whether the document says x where it could also be true: in the same part of the
        document, or after the same verb (反对……官僚主义)."""
        top = unit.path[:1]
        for o in orders:
            u = self.lex.units[o]
            if u.path[:1] == top or (len(verb) == 2 and verb in u.text):
                return True
        return False


# endings of the names of things a rule is about: 民主集中制, 权力清单, 问责方式, 党员大会
CARRIERS = ("制度", "机制", "体制", "体系", "清单", "原则", "责任制", "制", "处分", "程序", "方针", "方略",
            "路线", "宗旨", "纪律", "规矩", "作风", "理论", "主义", "大会", "档案", "意见书", "职权",
            "权", "罪")  # (not 法: a law's name — 依照刑事诉讼法立案侦查 — is trivia the stem gives away)


def _where(options) -> str:  # noqa: ANN001 - units or candidates
    """Where the true options of a choice among statements stand: 「第九条、第十条」."""
    labels = []
    for o in sorted(options, key=lambda o: getattr(o, "unit", o).order):
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


def _out_of_kind(f, text: str) -> set[float]:
    """Values that cannot stand for f in its sentence: an age of 18 or more for a minor
    (「不得招用已满十八周岁的未成年人」 is absurd, not a rule misremembered), more than 24 hours
    in a day (「每天（　　）值班」 beside 三十六小时 gives the key away), more than one day on
    one date (「在5月31日停止售烟二天」 contradicts itself)."""
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


@lru_cache(maxsize=4096)
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
