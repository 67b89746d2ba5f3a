"""What a document says and how it says it: the units a question may be built on, and the
document-wide facts that decide whether a question on them is worth asking.

A *unit* is one sentence of a section (or one list item) together with what makes it
answerable on its own: the lead-in of its list (「有下列情形之一的，应当予以问责：」) and the topic
of its heading. The *lexicon* counts, over the whole document, how often each word and each
clause occurs, so that a blank never falls on a word the document repeats everywhere
(监察机关 in a law on 监察), a formula the text restates again and again
(「在量刑起点的基础上……」) is never the point of a question, and a rule restated with other
numbers is asked once.

Everything here is linear in the document's length: one pass to segment and count, then
dictionary look-ups.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from studyapp.core.model import ParsedDocument, ParsedSection
from studyapp.core.questions import numbers, segment
from studyapp.core.questions.text import (
    HEADING_KINDS,
    RX,
    SectionInfo,
    item_text,
    norm,
    section_infos,
    sentences,
    strip_end,
)

ITEM_KINDS = ("paren_cn", "paren_arabic", "circled")
# bodies and actors: who does what
BODY_SUFFIX = ("委员会", "机关", "法院", "检察院", "政府", "部门", "机构", "常委会", "党委", "党组", "纪委",
               "组织", "单位", "监委", "人大")
# words too general to carry a rule on their own
GENERIC = frozenset("""
指导 工作 建设 管理 问题 方面 情况 有关 相关 重要 实际 活动 制度 机制 体系 工作机制 管理制度 政策 文件 政策文件
作用 意见 要求 规定 措施 办法 能力 水平 领域 环节 行为 事项 内容 程度 条件 基础 方式 过程 目标 任务 责任
部门 单位 组织 机关 人员 干部 同志 群众 社会 国家 党 全党 我们 地方 各级 本级 上级 下级 有关部门 相关部门
发展 改革 推进 加强 落实 坚持 实行 开展 进行 提高 保障 促进 完善 健全 建立 实施 决定 处理 作出 依法 按照
特别 主要 基本 重大 重点 一般 其他 一切 任何 全部 各项 各种 整体 总体 全面 一定 必要 有效 切实 严格 认真
时期 时间 期间 阶段 范围 地区 本地区 本部门 本单位 负责人 领导 情形 结果 影响 意识 精神 思想 理论
踔厉奋发 埋头苦干 勇毅前行 真抓实干 议事日程 重要议事日程 高度重视
积极进展 明显进展 重要进展 重大进展 显著成效 明显成效 重大突破 奋发有为 积极进取 涉嫌犯罪
""".split())
# verbs and adverbs that frame a measure: a blank on them tests grammar, not content
FRAME_START = re.compile(
    r"^(严格|加强|建立|健全|完善|落实|推进|深化|强化|积极|认真|切实|全面|坚持|坚决|进一步|加快|大力|不断|深入|"
    r"发挥|提高|促进|推动|保障|确保|实现|做好|抓好|注重|增强|维护|依法|依照|按照|根据|充分|努力|着力|逐步|"
    r"高度|扎实|稳步|有序|统筹|厉行|责令|导致|造成)")
# a target year that opens a paragraph of goals: the sentences after it lean on it
_TARGET_YEAR = re.compile(r"^(?:力争|计划)?(?:到|至)(?:\d{4}|[二〇零一三四五六七八九]{4})年|(?<=[，,])(?:到|至)\d{4}年")
_GOAL_OPENS = re.compile(r"(?:^|[。；;])(?:力争|计划)?(?:到|至)\d{4}年")
# the words of a sentence that say the period its target is for
_PERIOD_SAID = re.compile(r"\d{4}年|[今明全当]年|今后|未来|[一二三四五两]年|年内|年底|年末|十[一二三四五六]五|本届|期末")
_GOAL_WORDS = re.compile(r"达到?|超过|突破|力争|争取|新增|增长|下降|提高|提升|完成|实现|建成|控制在|%|％|左右|以上|以内")
_TARGET_WORDS = re.compile(r"达到|超过|下降|提高|增长|提升|%|％|左右|以上")
_CONTENT_POS = ("n", "nz", "nt", "ns", "vn", "l", "i", "j", "nr", "an")
_CLAUSE_SPLIT = re.compile(r"[，,；;。：:！？!?]")
_DIGITS = re.compile(r"[\d零〇一二三四五六七八九十百千两]+")
# a sentence that begins with a condition and names no subject: 「情节严重的，……」
_SUBJECTLESS = re.compile(r"^[^，,。；;：:]{1,80}的[，,]")
_DANGLING = re.compile(
    r"^(其(?![他它余中次实])|该(?!条|法)|上述|前述|以上|此外|对此|这些|这|此|同时(?!具备|满足|符合|具有)|另外|并且|并|但是|但|而且|"
    r"且|因此|所以|为此|据此|由此|它们|他们|相关(?!部门|单位|组织|机构|机关|主管)|"
    r"(?:如|若)确?需要?[\u4e00-\u9fff]{1,3}[，,])")  # 「如需设置，最多不超过2个」: set what? (round 60)
_CROSS_REF = re.compile(r"上述|前述|前款|前两款|前三款|上款|本款|前条|前项|本条(?!例)|第[一二三四五六七八九十百零]+条|"
                        r"第[一二三四五六七八九十]+款|第[一二三四五六七八九十]+项|下列")
_PREAMBLE = re.compile(r"^(为了?|根据|依据)")
# a condition that names its party first (「被许可人需要延续……的，应当……」「申请人……的，」)
_PARTY_FIRST = re.compile(r"^(?![与和同对向由跟])(?:被|本)?[\u4e00-\u9fff]{1,4}(?:人|者|方|企业|学校|医院)(?=[^\u4e00-\u9fff]|需要|要求|申请|认为|对|在|因|未|不|拒绝|依法|违反|有|已|提出|逾期)")
# openings that continue the sentence before (shown with it, they read right)
_BACK_TO_PREV = re.compile(r"^(其中|但是|但|同时|并且|此外|该|其(?![他它余中次实]))")
# a condition that opens on its verb (符合……条件的，), not on the party it is about
_CONDITION_VERB = re.compile(r"^(?:符合|不符合|违反|具备|不具备|具有|有|没有|无|未|经|属于|不属于|发现|对|因|在|超过|逾期|拒绝|需要)")
# words that point back at what the sentence before named: the decision, the body, the change
_ANAPHORA = re.compile(r"有关(?:人民政府|机关|部门|单位)的(?:处理)?决定|原(?:备案|审批|登记|发证|作出|处理|批准)|"
                       r"变更后的|受委托的|上述|前述|前款|前条|^[^，,]{0,10}该(?!法|条例|规定|办法)|此类|此项|对方")
_RECEIVED = re.compile(r"(?:收到|接到|受理)([\u4e00-\u9fff]{2,12}?)(?:之日|后)")
_THIS_THING = re.compile(r"该(决定|行为|事项|请求|申请|措施|处罚|合同|协议|款项|报告|意见|项目|组织|机构|人员|单位)")
# a sentence that opens on its verb: its subject is the one of the sentence before
_VERB_FIRST = re.compile(r"^(?:(?:无正当理由|无故)[，,]?(?:在|连续|拒绝|拒不|不|逾期|超过|未)|由|确需|确有必要|逾期|受委托|发现|接到|收到|受理|作出|拒绝|需要|依法应当|应当|可以|负责(?![^，,。]{1,14}的(?:部门|机关|机构))|不得|必须|另行|及时|定期|"
                         r"组织|制定|督促|协助|配合|参与|接受|听取|审议|提出|报告|报请|报送)")
# a subject that names what the sentence before introduced: the change, the report, the decision
_LEANS_BACK = re.compile(r"^(?:有关(?:单位|部门|机关|组织|方面)(?:和个人)?(?:应当|应|必须)|[^，,。]{0,8}的其他|"
                         r"对[^，。；]{0,30}(?:处[^，。；]{0,20}罚款|给予[^，。；]{0,10}处分|没收|责令)|"
                         r"经[^，。；]{0,30}后[，,]|(?:接到|收到)申请后|"
                         r"[\u4e00-\u9fff]{0,6}(?:记录|结果|情况|资料|档案|时间)(?:应当|须|不得|由|一般)|"
                         r"[\u4e00-\u9fff]{0,6}保存期限|[\u4e00-\u9fff]{1,4}(?:材料|文件|报告|方案)(?:应当|须)包括|"
                         r"(?:调查|检查|监督检查|执法|办案)人员(?:应当|不得|可以|必须|须)|[\u4e00-\u9fff]{1,4}后的|(?:报告|决定|申请|合同|协议|文件|材料|方案|意见|通知|证书|名单|结果|"
                         r"记录|规划|计划|章程|预案|清单)(?:应当|可以|不得|必须|须|由|经|自|应|中|内容))")
_ACTOR_FIRST = re.compile(r"^(?:国家|[\u4e00-\u9fff]{1,10}?(?:委员会|机关|政府|部门|党委|党组|人大|法院|检察院))")
_PREMISE = re.compile(r"^(?:在[^，,。；;]{2,30}[，,])?[^，,。；;]{2,80}的[，,]|^在[^，,。；;]{2,30}(?:内|中|时|期间)[，,]")
_LABEL_OPEN = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[.．、]|[①-⑳])")
_ADJUNCT_ONLY = re.compile(r"^(?:(?:在|经|对于|对|如果|如|若|凡|但|特殊|必要时)[^，,。]{0,48}[，,](?:可以|应当|不得|必须|一般|还|也|经|由|并|将|把|向|须)"
                           r"|(?![\u4e00-\u9fff]{2,8}?(?:机关|部门|机构|单位|政府|法院|检察院|委员会|人员)在)[^，,。]{1,4}时[，,]"
                           r"|[^，,。]{5,12}时[，,](?:可以|应当|不得|必须|应|须|由|经|并|对|在|一律))")
# (「检查时，人民警察……」: whose inspection? — 「行政机关在收集证据时，……」 says whose)


@dataclass
class Unit:
    """A sentence (or list item) a question may be built on, with its context."""

    info: SectionInfo
    text: str              # verbatim sentence or item (with its end punctuation)
    order: int
    lead: str = ""         # lead-in of the list the item belongs to, without its colon
    topic: str = ""        # title of the nearest heading (or of the article's chapter)
    item: bool = False
    key: str = ""          # normalized with numbers masked: the same rule restated
    prev: str = ""         # the sentence before it in the same paragraph, when that one stands alone
    before: str = ""       # the sentence before it in the same paragraph, whatever it is
    premise: str = ""      # the paragraph's first sentence when it sets a condition for the rest
    whole: str = ""        # the document's text (shared, not copied): how common a term is in it
    earlier: str = ""      # the section's text before the sentence, its last EARLIER_CHARS characters
    group: str = ""        # the bare label its numbered items stand under (「（一）生活照料费用和医疗护理费用」)

    @property
    def path(self) -> list[str]:
        return self.info.path

    def context(self) -> str | None:
        """What a stem must say before the sentence so it can be answered; "" when the sentence
        stands alone, None when it cannot be made to. A sentence that leans on the one before
        it (「公示期不少于五个工作日。」 after 「……提出拟录用人员名单，并予以公示。」) is shown
        after it: the context is then that sentence, ending with its full stop."""
        try:
            return self._context  # type: ignore[has-type]  # (set on first use)
        except AttributeError:
            pass
        if self.info.in_review:
            # a report's look back at last year: its figures are results nobody keeps and its words
            # are praise; the tasks and targets after it are what a study of the report asks
            # (rounds 85–86: most of the work reports' failures stood there)
            self._context = None
            return None
        if self.text.rstrip().endswith(("！", "!")) or "让我们" in self.text:
            # 「……为民谋利、为民尽责、为民担当，把……作为矢志不渝的奋斗目标！」「让我们信心更强、干劲更大、
            # 精气神更足」: a report's call to its audience, its words rhetoric (rounds 86–87)
            self._context = None
            return None
        own = self._own_context()
        if own is None and self.prev and not self.item and not self._goal_further_back() \
                and not _unnamed_benefit(self.text, self.prev) and not _YEAR_TARGET_ALONE.match(self.text):
            own = self.prev
        if own == "" and self.group:
            # 「长护险费用按以下比例支付：（一）生活照料费用和医疗护理费用 1. 职工参保人员……按……75%……；
            # （二）设备使用费用 ……」: the rate is the one for the costs the label names (round 68)
            own = f"关于{self.group}，"
        elif own == "" and self._for_class_of_title():
            # 「（二）居民参保人员 长护险缴费基数为当年度城乡居民医保缴费基数……」: the base of the
            # residents, not of every member — the section's title names whom it binds (round 80)
            own = f"关于{strip_end(self.info.node.title or '')}，"
        elif own == "" and self._conditions_of_title():
            # 「16.给予到县域地区重点企业就业专项生活补贴。毕业5年内……签订1年以上劳动合同……，从未享受
            # 其它生活补贴、资助政策。」: who qualifies, for the subsidy the item's title names (round 69)
            own = f"关于{strip_end(self.info.node.title or '')}，"
        elif own == "" and (period := self._period()):
            # 「二、今后五年政府努力方向 ……地区生产总值突破2400亿元、力争2600亿元」: a target is
            # the period's the part is about — the stem says when (round 87)
            own = f"{period}，"
        self._context = own
        return own

    def _period(self) -> str:
        """The period a target of this sentence is for, when the sentence does not say it and a
        heading over it does (「2025年重点工作安排」「今后五年政府努力方向」)."""
        period = self.info.period
        if not period or _PERIOD_SAID.search(self.text) or not _GOAL_WORDS.search(self.text) \
                or not numbers.figures(self.text):
            return ""
        return period

    def _goal_further_back(self) -> bool:
        """Whether a target year (到2020年) opens an earlier sentence of this paragraph, not the
        one right before: a figure here is that year's goal, and no stem can show the year."""
        if self.item or not self.before or _TARGET_YEAR.match(self.before) or _TARGET_YEAR.search(self.text):
            return False
        paragraph = self.earlier.rsplit("\n", 1)[-1]
        return bool(_GOAL_OPENS.search(paragraph)) and bool(_TARGET_WORDS.search(self.text))

    def _for_class_of_title(self) -> bool:
        """Whether the sentence opens a labelled section whose title only names a class of people
        or bodies (居民参保人员) that the sentence itself does not name."""
        title = strip_end(self.info.node.title or "")
        return not self.item and not self.before and not self.earlier.strip() \
            and self.info.node.kind in ITEM_KINDS and _names_a_class(title) and title not in self.text

    def _conditions_of_title(self) -> bool:
        """Whether the sentence opens a section whose title names a benefit (给予……补贴) and
        only says who qualifies: it grants, pays or sets nothing itself."""
        title = strip_end(self.info.node.title or "")
        return not self.item and not self.before and not self.earlier.strip() and 6 <= len(title) <= 30 \
            and bool(_BENEFIT_TITLE.search(title)) and not _GRANTS.search(self.text)

    def _own_context(self) -> str | None:
        body = self.text
        if _VIOLATION.match(body) and not RX[r"应当|不得|给予|予以|处以?|责令|罚款"].search(body):
            return None  # 「违规以公益性资产、在建工程……作为租赁物；违规开展……」: a row of faults an inspection looks
            # for, no rule (round 71)
        if _unnamed_benefit(body, ""):
            return None  # 「同一职业同一等级不可重复享受，且每人每年享受补贴次数……」: enjoy which subsidy (round 69)
        if _LABEL_OPEN.match(body):
            return None  # 「（六）将本单位……」: an item the outline could not place, its lead-in unknown
        if self.before and not self.item and _takes_up(self):
            return None  # 「……方可交付试运营。试运营满两年后，……」: which trial, the sentence before says
        if self.before and not self.item and _names_last_term(self):
            return None  # 「……没有……情形的书面声明。申请人应当对书面声明内容的真实性负责。」: which one (round 37)
        if self.premise and not self.item:
            return None  # the condition the paragraph opened with holds here too: shown after it, or not asked
        if RX[r"本(?:法|条例|办法|规定|细则|决定)?(?:施行|实施)前|自本(?:法|条例|办法|规定|细则|决定)(?:施行|实施)之日起"].search(body):
            return None  # 「本条例施行前已经成立的……应当自……1年内……」: a transition long run out (round 41)
        if not self.item and RX[r"[^，,。；;]*的[；;。]?"].fullmatch(body.strip()):
            return None  # 「被……处罚两次以上的；」: a case of a list the outline did not see, with no rule
        m = RX[r"进行([\u4e00-\u9fff]{2})。?$"].search(body.strip())
        if self.before and not self.item and m and m.group(1) in self.before:
            return None  # 「……进行核实。」: check what, the sentence before says (申请竣工规划核实 — round 43)
        earlier = self.earlier
        for m in RX[r"([\u4e00-\u9fff]{2})书"].finditer(body):
            if m.group(0) not in earlier and m.group(1) in earlier[-300:]:
                return None  # 「……将承诺书……公示」 after 「……书面承诺……的，可以按照简易程序……」: whose pledge (round 46)
        if not self.item and RX[r"(?:将|把)[^，,。；;]{2,20}(?:纳入|列入|作为|融入)"].match(body):
            return None  # 「将关爱服务纳入村规民约，……」: whose care, who does it — the sentence before says (round 77)
        if not self.item and RX[r"自受理之日起"].search(body) \
                and not RX[r"申请|申诉|投诉|举报|复议|请求|受理[^，,。；;之]{2,}"].search(body):
            return None  # 「预售主管部门应当自受理之日起5日内予以变更」: 受理 of which application, the text before
            # says — shown after its sentence, or not asked (round 76)
        if self.before and not self.item and _named_by_before(self):
            return None  # 「登记内容和记录备份……」: what was registered, the sentence before says (round 40)
        if RX[r"有效期[为至]?[\d一二三四五六七八九十两]+年|有效期至"].search(body) and RX[r"本(?:办法|规定|细则|意见|方案|通知|条例|决定|规范|规则)"].search(body):
            return None  # 「本办法自2017年1月1日起施行，有效期5年」: how long the paper lasts, trivia (round 59)
        if RX[r"^(?:办公室|指挥部|领导小组|工作小组|工作组|小组|秘书处|专家组|委员会)(?:设在|由|负责|主任|组长|应当|要|的)"].match(body):
            return None  # 「办公室设在国家粮食局……」: whose office, the sentence before says (round 57)
        if RX[r"^受[^，,。；;]{1,12}委托[，,](?:负责|可以|可|代表|主持|处理|协助|分管|承担)"].match(body):
            return None  # 「受总理委托，负责……」: who acts on whose behalf, the sentence before says (round 57)
        if RX[r"^[^，,。；;]{2,30}(?:参加|出席|列席)[，,](?:一般|原则上|每|通常)"].match(body):
            return None  # 「……负责人参加，一般两个月安排一次」: what is held, the sentence before says (round 57)
        if RX[r"^包括(?:但不限于)?(?:以下|下列)?"].match(body):
            return None  # 「包括但不限于以下方式：……」: the ways of what, the sentence before says (round 63)
        if RX[r"^具体[\u4e00-\u9fff、]{0,12}(?:由|应当|按照|依照|经)"].match(body):
            return None  # 「具体报送内容、方式和期限由……规定」: of what, the sentence before says (round 49)
        if RX[r"^(?:对)?(?:负有责任的|直接负责的|有关的?)(?:主管人员|领导人员|负责人|责任人员)"].match(body):
            return None  # 「负有责任的主管人员……四年内不得从事……」: responsible for which misconduct (round 47)
        if RX[r"[一二三四五六七八九十两\d]+年内不得"].search(body) and RX[r"罚款|吊销|没收|处分|责令|撤销"].search(self.before):
            return None  # 「……吊销《养犬登记证》。养犬人五年内不得申请办理」: after which offence, the sentence before says
        if RX[r"(?:^|[于在对按将经，,])(?:目录|名单|清单|名录|方案|计划|规划|细则)(?:更新|发布|公布|确定|调整|印发|出台)"].search(body):
            return None  # 「……应于目录更新后30天内……」: which catalogue, the text said before (round 54)
        if RX[r"^(?:按照|根据|依照|按)(?:有关)?规定[^，,。；;]{0,6}(?:给予|予以)"].match(body):
            return None  # 「按照规定给予累计不超过2000万元的经费支持」: support for whom, the sentence before says (round 54)
        if RX[r"^本[\u4e00-\u9fff]{1,10}自[^。；;]{0,20}(?:施行|实施|执行)[^。；;]{0,4}有效期"].match(body):
            return None  # 「本实施办法自印发之日起实施，有效期5年」: the document's own term, trivia (round 68)
        if RX[r"(?:以下|如下|下列)[一二两三四五六七八九十\d]+(?:种|项|个|类)"].search(body) and not self.item:
            return None  # 「……可在以下两种方式中任选其一」: which two, the text after it says (round 68)
        if RX[r"停止执行|同时废止|予以废止|不再执行"].search(body):
            return None  # 「自本通知印发之日起，《……》（国办发〔2016〕82号）停止执行」: a repeal, trivia (round 53)
        if RX[r"对(?:其)?(?:收到|接到)的(?:建议|意见|申请|材料|举报|投诉|报告|线索|请求)"].search(body):
            return None  # 「文化主管部门对收到的建议应当及时处理」: suggestions of what, the sentence before says (round 53)
        if RX[r"^[^。；;]{0,40}?(?:[，,]|^)(?:还|也|同时)(?:应当|应|须|需|需要|必须|要)"].match(body):
            return None  # 「具有植物新品种权的品种，还应当经过……同意」: in addition to what, the sentence before says (round 53)
        if RX[r"一并(?:报|提交|报送|提出|送|移送|处理|说明|公布)"].search(body):
            return None  # 「……一并报国务院……」: together with what, the sentence before says (round 39)
        if RX[r"^[^，,。；;]{0,20}在(?:审查|审核|调查|检查|办理|处理|评审|核查)(?:过程)?中"].match(body) \
                or RX[r"在[\u4e00-\u9fff]{0,8}工作(?:结束|完成)后"].search(body):
            return None  # 「在审查过程中」「在应急处置工作结束后」: which review, which work — the text said before
        if RX[r"^[^，,。；;]{2,12}(?:必须|应当|应)(?:及时|立即|逐级|按时|定期)*(?:上报|报告|报送|通报)[^，,。；;]{2,14}。?$"].match(body):
            return None  # 「军事机关必须及时逐级上报总参谋部」: report what, the sentence before says
        if RX[r"内完成[\u4e00-\u9fff]{0,6}工作。?$"].search(body) and not RX[r"自[^，。；]{2,30}之日起"].search(body):
            return None  # 「应当在三十日内完成协调处理工作」: which work, from when — the sentence before says
        if RX[r"^[\u4e00-\u9fff]{0,4}(?:项目和标准|标准|费用)(?:应当|须|不得|由|按照)"].match(body):
            return None  # 「收费项目和标准应当报经……批准」: the fees of what, the text said before
        if self.before and not self.item and RX[r"^[\u4e00-\u9fff]{2}项目(?:应当|应|须|不得|由|按照|根据)"].match(body):
            return None  # 「服务项目应当根据……清单进行动态调整」: the services of which facilities, the sentence before says (round 68)
        if RX[r"其他(?!国家机关|组织和个人|单位和个人)"].match(body):
            return None  # 「其他有关部门应当及时处理投诉」: other than which, the sentence before says
        if RX[r"应当[^，,。；;]{0,30}(?:自行|予以|依法|限期)?(?:拆除|清除|补办|撤销|注销|收回|退还)(?:[，,。；;]|$)"].search(body) \
                and not RX[r"[将把对][^，,。；;]{2,}"].search(body):
            return None  # 「建设单位应当在……届满前自行拆除」: pull down what, the sentence before says
        if self.before and not self.item and not _TARGET_YEAR.search(body) and _TARGET_WORDS.search(body) \
                and (_TARGET_YEAR.match(self.before) or self._goal_further_back()):
            # 「到2025年，……。单位国内生产总值能耗比2020年下降13.5%……」: by when, the sentence before
            # says (shown before it); said further back in the paragraph, the goal cannot be asked
            return None
        if self.before and not self.item and RX[r"(?:提出|提交)?申请。?$"].search(body.strip()) \
                and not RX[r"申请(?:书|表|人|材料)"].search(body):
            return None  # 「物业服务企业可在……后6个月内向小区所属街镇申请。」: apply for what, the sentence before says (round 61)
        if (self.before or self.earlier.strip()) and not self.item \
                and RX[r"在[\d一二三四五六七八九十两]+(?:个工作日|日|天)内[，,]"].search(body) \
                and not RX[r"自|之日起|起[\d一二三四五六七八九十两]|后|收到|接到|届满|前"].search(body):
            return None  # 「各镇工作负责部门在5日内，到现场进行查验」: five days from what, the sentence before says (round 61)
        if _STEP_DEADLINE.search(body) and not _MATTER.search(body.replace("户籍申请", "")):
            # 「镇人民政府、街道办事处应在5个工作日内完成初核并提交……核实」「区民政部门应当自收到……审核意见
            # ……3个工作日内作出审批决定」: a step of a procedure for a matter the text named before — which
            # application, which kind of aid (急难型, 服务资助), the stem cannot say (round 68)
            return None
        if RX[r"^(?:[一二三四五六七八九十]是|在此基础上|在此前提下|以此为基础)"].match(body):
            return None  # 「二是……」「在此基础上，……」: what it follows, the text said before (round 74)
        if self.before and RX[r"^(?:单个|单家|每个|每家|同一)[\u4e00-\u9fff]{1,10}?(?:累计|年度|每年|最高)?"
                                    r"(?:奖励|补贴|补助|资助|奖补|扶持)(?:资金|金额|总额)?(?:累计)?(?:不超过|最高|最多|上限|封顶)"].match(body):
            return None  # 「单个旅行社累计奖励不超过50万元」: the cap of which reward, the sentences before say (round 73)
        if self.before and RX[r"^每(?:次|家)"].match(body):
            return None  # 「每次签约周期为1年，每家每年……」: of which contract, the sentence before says (round 61)
        if self.earlier.strip() and RX[r"(?:规定|承诺)[^，,。；;]{0,6}(?:少于|短于|多于|长于|高于|低于)[^，,。；;]{1,12}的[，,](?:按照|依照|从其)"].search(body):
            return None  # 「……规定或者行政机关承诺少于20个工作日的，按照……时限公开」: 20 days of what, the paragraph before says (round 62)
        if (self.before or self.earlier.strip()) and RX[r"作出是否[\u4e00-\u9fff]{2}的决定"].search(body):
            return None  # 「人民法院应当在四十八小时内作出是否逮捕的决定」: whose arrest, on whose request — the
            # sentence before says (round 87)
        if RX[r"(?:维护|完善|调整|更新|执行|落实)(?:清单|目录|名单|名录)(?:的|[，,。；;])"].search(body):
            return None  # 「推行“全国一张清单”管理模式，维护清单的统一性」: which list, the sentence before names
            # it (市场准入负面清单 — round 87)
        if RX[r"^“[^”]{1,4}”(?:就是|是指|即|意味着)"].match(body):
            return None  # 「“度”就是掌握火候把握分寸，审时度势、深思熟虑、……」: a gloss of one word of the report's
            # slogan (稳、进、好、准、度), the slogan not in view (round 87)
        if RX[r"^其中[，,]"].match(body):
            return None  # 「其中，麻醉药品……实行政府指导价」: of which, the sentence before says (round 59)
        if _DANGLING.match(body) and _BACK_TO_PREV.match(body) and self.prev and not self.item:
            return None  # 「其中……」「但是……」 read right after the sentence they continue
        if _DANGLING.match(body) or (self.item and ("其他" in body[:12] or "其它" in body[:12]
                                                     or RX[r"的其[他它][\u4e00-\u9fff]{0,6}(?:情形|情节|行为|事项|情况|职责)"].search(body))):
            return None  # a catch-all item (其他……的) says nothing of its own
        if self.item and body.startswith("由"):
            return None  # an item that is a consequence (由……责令改正): the misconduct is elsewhere
        if self.item:
            if not self.lead or "下列" not in self.lead and "以下" not in self.lead:
                return None  # 「……五年内不得担任……：存在重大事故隐患……」 reads spliced
            # 「有下列情形之一的，……：」 reads right before one item; 「对下列人员进行监察：」 or
            # 「以下文书……应当印有国徽图案，其中包括：」 glued to an item does not (blind ratings):
            # a list of things is said as what the item is one of (「……应当具备的条件包括：」)
            if "之一" in self.lead:
                return self.lead if "下列" in self.lead else None
            return None if self.before else item_lead(self.lead)
        if _SUBJECTLESS.match(body) and (not RX[r"^[^，,]*(党员|干部|公务员|人员|机关|组织|单位|委员会)"].match(body)
                                         or _CONDITION_VERB.match(body)) \
                and not _PARTY_FIRST.match(body) and not _case_named(body) and not _names_its_thing(body):
            return None  # 「情节严重的，……」「符合……条件的，予以认定」 without its subject
        m = _RECEIVED.search(body)
        if m and "的" in m.group(1)[1:-1] and len(m.group(1)) >= 7:
            m = None  # 「自收到设立电影制片单位的申请书之日起」 says which application itself
        if m and (len(m.group(1)) >= 4 or m.group(1) in ("报告", "通知", "材料", "意见", "决定", "申请")
                  or m.group(1).endswith(("书", "表"))
                  or (self.prev and m.group(1)[-3:] in self.prev)):
            # 「卫生行政部门应当自收到预评价报告之日起……」: the report the sentence before named
            # (受理申请之日起 is any application: it stands alone)
            return None
        that = _THIS_THING.search(body)
        if that is not None:
            if that.group(1) not in body[:that.start()]:
                return None  # 「自该决定作出之日起」: which decision, the sentence before says
        if _ANAPHORA.search(body):
            return None  # 「对有关人民政府的处理决定不服的」「原备案的民政部门」: which, the sentence before says
        if RX[r"^(?:向|对|在|就)[^，。；]{0,30}的(?:期限|时间|时限|范围|程序|方式|对象)"].match(body):
            return None  # 「向社会公开征求意见的期限……」: the drafting of what, the sentence before says
        head = segment.tagged(body[:8])
        if (head and head[0][1] == "m" or RX[r"^[一二三四五六七八九十两]+(?:星|颗|个|项|种|名|级)"].match(body)) \
                and not RX[r"^第?[一二三四五六七八九十两\d]+类[\u4e00-\u9fff]{4,}"].match(body):
            # (「第一类医疗器械实行产品备案管理」「二类放射性物品运输容器的设计……」 name their class)
            return None  # 「一星较大……」: which star, the sentence before says
        if RX[r"^(?:满|届满|超过|逾)[\d一二三四五六七八九十两]+(?:个月|日|年|天|周)"].match(body):
            return None  # 「满12个月，行政重组未完成的，……」: twelve months of what, the sentence before says (round 38)
        subject = RX[r"^([\u4e00-\u9fff]{3,6}?)(?:的|应当|可以|不得|由|负责)"].match(body)
        earlier = self.earlier if subject else ""
        if subject and _set_up_before(subject.group(1), earlier):
            return None  # 「常设机构的人员组成……」: the one the sentence before set up (round 38)
        if RX[r"^[\u4e00-\u9fff]{2,4}工作(?:应当|须|由|不得|可以)"].match(body):
            return None  # 「拍摄工作应当……」: the filming the sentence before allowed
        if len(head) >= 2 and head[0][1].startswith("v") and head[1][0] == "的" and len(head[0][0]) >= 2:
            return None  # 「采集的视频图像信息……」: collected by whom, the sentence before says
        if _VERB_FIRST.match(body) and not _RELATIVE_SUBJECT.match(body):
            return None  # 「发现有关工作人员有违法行为的，应当……」: who finds it, the sentence before says
        if _LEANS_BACK.match(body):
            return None  # 「变更后的受托人……」「报告应当包括……」: which one, the sentence before says
        if len(body) < 24 and _ends_in_verb(body):
            return None  # 「被审计单位不得拒绝、拖延、谎报。」: refuse what, the sentence before says
        if len(body) < 30 and RX[r"(?:不得|应当|必须)(?:拒绝|拒不)?(?:接受|配合|拒绝)。?$"].search(body):
            return None  # 「被调出查验发票的单位和个人不得拒绝接受。」: accept what, the sentence before says (round 49)
        if len(body) < 16 and not (len(body) >= 12 and _ACTOR_FIRST.match(body)):
            return None  # 「公示期不少于五个工作日。」 says too little; 「国家实行……制度。」 names its actor
        if _ADJUNCT_ONLY.match(body):
            return None  # 「在特殊情况下，可以延长一次……」: whose measure, it does not say
        return ""


# a deadline for a step of a procedure (初核, 审核, 审批决定 …)
_STEP_DEADLINE = re.compile(r"[\d一二三四五六七八九十两]+(?:个)?(?:工作日|日|天|个月)内[，,]?(?:[^。；;，,]{0,20}[，,])?"
                            r"(?:完成|作出|提出)?(?:初核|初审|审核|核实|复核|审批|审查|审定|核查)")
# what such a procedure is for, when the sentence names it
_MATTER = re.compile(r"申请|举报|投诉|申诉|复议|申报|备案|请求|登记|报告|异议")

# a target for the year with nothing named (「全年争取中央资金40亿元以上。」): of which field, the part
# says, not the sentence before (花滩子水库 — round 71)
_YEAR_TARGET_ALONE = re.compile(r"^(?:全年|上半年|下半年|年内|当年|今年|年底前)[^，,；;]{0,24}[。；;]?$")
# a fault an inspection looks for, written without the rule it breaks
_VIOLATION = re.compile(r"^(?:违规|违法|未按规定|未按照规定|擅自)")
# a section title that names a benefit a policy grants (给予一次性创业补贴, 给予……安家费)
_BENEFIT_TITLE = re.compile(r"(?:补贴|补助|奖励|奖补|安家费|资助|津贴|贴息|待遇)$")
# what a sentence says when it grants or sets a benefit itself, not only who qualifies
_GRANTS = re.compile(r"给予|发放|奖励|补贴(?:标准|期限|资金)|可以|可按|可申请|按照|按|(?<!未)享受|支付|申领|领取|"
                     r"\d+元|[%％]|直补")
# a benefit named as such (技能提升补贴, 一次性吸纳就业补贴): 补贴 alone names none
_NAMED_BENEFIT = re.compile(r"[\u4e00-\u9fff]{2,}(?:补贴|补助|待遇|政策|优惠|资助|奖励|津贴)")


def _unnamed_benefit(text: str, prev: str) -> bool:
    """Whether the sentence says a benefit is enjoyed (不可重复享受) without naming it, and the
    sentence before (when it would be shown) does not name it either."""
    m = RX[r"享受(?=[，,。；;])"].search(text)
    if m is None or _NAMED_BENEFIT.search(text[:m.start()]):
        return False
    return not (prev and _NAMED_BENEFIT.search(prev))


# how much of a section's earlier text a sentence's context rules look back at
EARLIER_CHARS = 1200

# a paragraph the text marks as struck out by an amendment
_DELETED = re.compile(r"[（(]\s*\d{4}年\d{1,2}月\d{1,2}日删除\s*[)）]")
_DERIVED_HEADS = ("示范文本", "文本", "格式", "内容", "事项", "情况", "材料", "结果", "记录", "资料", "信息", "范围", "期限",
                  "程序", "标准")


def _named_by_before(unit: Unit) -> bool:
    """Whether the sentence's subject is what the act of the sentence before produced: 「……进行核对、
    登记……。登记内容和记录备份保存时间不得少于60日」 — 登记内容 is that registration's."""
    m = RX[r"^([^，,。；;]{2,20}?)(?:，|,)?(?:应当|应|须|必须|不得|由|经|保存|报)"].match(unit.text)
    if m is None:
        return False
    for w in RX[r"[和与及、]|以及|或者"].split(m.group(1)):
        head = next((h for h in _DERIVED_HEADS if w.endswith(h)), "")
        if len(w) >= 4 and head and w not in unit.before and len(w) - len(head) >= 2 and w[:-len(head)] in unit.before:
            return True  # (「合同示范文本由……制定」 after the sentence on which contract — round 42)
    return False


_SET_UP = re.compile(r"(?:设立|设置|成立|组建)[\u4e00-\u9fff]{0,2}$")


def _set_up_before(subject: str, earlier: str) -> bool:
    """Whether the text before set up the sentence's subject (「设立常设机构」 … 「常设机构的……」);
    found by the subject's occurrences, not a pattern compiled per subject."""
    at = earlier.find(subject)
    while at >= 0:
        if _SET_UP.search(earlier, max(0, at - 4), at):
            return True
        at = earlier.find(subject, at + 1)
    return False


def _whole_clause(tail: str, term: str, stops: str) -> bool:
    """Whether `tail` ends in `term` as a clause of its own (after a stop, or nothing else)."""
    return tail.endswith(term) and (len(tail) == len(term) or tail[-len(term) - 1] in stops)


def _takes_up(unit: Unit) -> bool:
    """Whether a sentence opens on the term the sentence before ended on (「……方可交付试运营。」
    「试运营满两年后，……」): that term is introduced there and means that one."""
    tail = strip_end(unit.before)
    if not any(tail.endswith(unit.text[:k]) for k in (2, 3, 4, 5, 6)):
        return False  # (the common case, without segmenting the sentence)
    bounds = segment.bounds(unit.text)
    for k in (6, 5, 4, 3, 2):
        head = unit.text[:k]
        if k in bounds and re.fullmatch(r"[\u4e00-\u9fff]+", head) and tail.endswith(head) and head not in GENERIC \
                and not _whole_clause(tail, head, "，,；;"):
            return True  # (the whole clause before is the term: 「……，国家。」 is no introduction)
    return False


# a condition that leans on a rule stated before it: how grave, how late, which act
_CASE_LEANS = re.compile(r"情节|后果|拒不|逾期|不改正|屡|再次|继续|多次|数额|危害|造成|导致|致使|构成|尚未|尚不|"
                         r"有关|相关|上述|前述|前款|本条|本款|下列|以下|以上|前项|该|其(?![他它余中次实])|"
                         r"本法|本条例|本规定|本办法|本细则|规定的|所列|所述|条件|情形|行为的$")
def _names_its_thing(body: str) -> bool:
    """Whether a rule that opens on its case (「……的，……」) names what the case is about first —
    a thing of this text, not a circumstance: 「风景名胜区详细规划确需修改的，应当报……批准」 (not
    「情节严重的」, 「符合……条件的」, 「违反本条例规定的」)."""
    m = _SUBJECTLESS.match(body)
    if m is None or _CONDITION_VERB.match(body) or _CASE_LEANS.search(m.group(0)[:6]):
        return False
    tagged = segment.tagged(m.group(0)[:12])
    if not tagged:
        return False
    w, t = tagged[0]
    if not (t.startswith(("n", "j")) and len(w) >= 2 and w not in GENERIC) or t == "nr":
        return False
    rest = m.group(0)[len(w):]
    return bool(re.search(r"[\u4e00-\u9fff]{2,}", rest)) and not rest.startswith(("的", "、", "和", "或", "及"))


# a subject made of what it does (「需要向海洋倾倒废弃物的单位，应事先……」): it names itself
_RELATIVE_SUBJECT = re.compile(r"^(?:[^，,。；;]{2,24}的(?:单位|个人|企业|人员|机构|组织|船舶|车辆|项目|公民|法人)|"
                               r"(?:受理|接到|收到)(?![该此其上前原])[^，,。；;的]{2,16}的(?:机关|部门))[，,]?"
                               r"(?:应当|应|须|必须|可以|不得|负责)")
_CASE_VERB = re.compile(r"^(?:符合|不符合|具备|不具备|具有|有|没有|无|属于|不属于|经|对|因|在|依照|依法|按照|根据)")


def _case_named(body: str) -> bool:
    """Whether a rule that opens on its case (「……的，……」) names the case itself: a concrete
    act with its object (「饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证」「中外合作摄制电影片需要
    进口设备、器材的，中方合作者应当……」), not how grave or how late an act named before was
    (「情节严重的」「逾期不改正的」) nor a condition stated elsewhere (「符合条件的」「有前款行为的」)."""
    m = _SUBJECTLESS.match(body)
    case = m.group(0)[:-2] if m else ""
    if len(case) < 7 or _CASE_LEANS.search(case) or _CASE_VERB.match(case) or refers_elsewhere(case):
        return False
    rest = body[m.end():] if m else ""
    if not re.match(r"[^，,。；;]{0,20}?(?:应当|应|可以|不得|必须|须|有权|处|给予|责令|由|吊销|没收|暂扣|予以|依法)", rest):
        return False  # the consequence is a rule of its own, within the clause that follows
    tagged = segment.tagged(case)
    # an act and what it is done to: a verb, then a noun of its own (not 条件, 规定, 事项)
    for i, (_, t) in enumerate(tagged):
        if t.startswith("v") and any(len(x) >= 2 and y.startswith(("n", "vn")) and x not in GENERIC
                                     for x, y in tagged[i + 1:]):
            return True
    return False


@lru_cache(maxsize=4096)
def _count_in(whole: str, term: str) -> int:
    """How often a term occurs in the document (memoized: a sentence's term recurs in the next;
    the document's hash is computed once and kept by the string)."""
    return whole.count(term)


def _names_last_term(unit: Unit) -> bool:
    """Whether a sentence names, further on, the term the sentence before ended on: that
    sentence introduced it (「……提交……的书面声明。」), and this one means that one."""
    tail = strip_end(unit.before)
    if tail[-4:] not in unit.text[2:]:
        return False  # (the common case, without segmenting anything: longer terms end with these four)
    bounds = segment.bounds(unit.before)  # (the sentence as segmented already: its cut ends are the same)
    for k in (6, 5, 4):
        term = tail[-k:]
        if len(tail) - k in bounds and re.fullmatch(r"[\u4e00-\u9fff]+", term) and term not in GENERIC \
                and term in unit.text[2:] and not _whole_clause(tail, term, "，,；;、") \
                and _count_in(unit.whole, term) < 4:
            return True  # (a term the document uses throughout — 保密工作 — was not introduced there)
    return False


def _ends_in_verb(sentence: str) -> bool:
    """Whether a sentence stops on its verb, its object left to the sentence before."""
    tagged = [(w, t) for w, t in segment.tagged(sentence) if w.strip() and w not in "。；;，,！？!?"]
    if len(tagged) < 3 or tagged[-2][0] not in ("、", "或者", "和"):
        return False
    # a row of verbs at the end (拒绝、拖延、谎报): most of its items are verbs
    row = [t for w, t in tagged[-7:] if w not in ("、", "或者", "和")]
    return sum(1 for t in row if t.startswith("v")) * 2 > len(row)


# a label that only names a class of people or bodies: whom the rules under it bind
_CLASS_TITLE = re.compile(r"[\u4e00-\u9fff]{0,10}(?:人员|人群|对象|家庭|企业|单位|机构|职工|居民|学生|儿童|老年人|患者|群体)")


def _names_a_class(label: str) -> bool:
    """Whether a label only names a class (居民参保人员, 小微企业), not a measure done for one
    (扶持重点企业, 聚焦重点对象: a verb first)."""
    if not 2 <= len(label) <= 16 or not _CLASS_TITLE.fullmatch(label):
        return False
    tagged = segment.tagged(label)
    return bool(tagged) and not tagged[0][1].startswith(("v", "d", "p"))


def _standalone(u: Unit) -> bool:
    """Whether a sentence can introduce the next one in a stem: it stands alone, is short,
    states something (not a lead-in, not a pointer elsewhere, not the preamble)."""
    t = u.text
    return (u.context() == "" and 12 <= len(t) <= 80 and t.endswith("。") and "：" not in t
            and ":" not in t and not refers_elsewhere(t) and not preamble(t))


def mask(s: str) -> str:
    return _DIGITS.sub("#", norm(s))


class Lexicon:
    """Document-wide counts: word and phrase frequency, repeated clauses, bodies, figures."""

    def __init__(self, document: ParsedDocument) -> None:
        self.document = document
        self.title = document.title
        self.infos = section_infos(document)
        self.units: list[Unit] = []
        _count_in.cache_clear()  # (holds the last document's text: never more than one)
        self._build_units()
        self.n_units = max(1, len(self.units))
        self.df: Counter[str] = Counter()        # words: in how many units
        self.phrase: Counter[str] = Counter()    # words: how many times
        clause_count: Counter[str] = Counter()
        key_count: Counter[str] = Counter()
        self.bodies: Counter[str] = Counter()
        self.figure_values: dict[str, set[float]] = {}
        # word → the units that hold it: questions about a sentence look for its rivals in the
        # few sentences that share a rare word, never by scanning the whole text again
        postings: defaultdict[str, list[int]] = defaultdict(list)
        self._restated: dict[int, bool] = {}
        self._gram_cache: dict[int, set[str]] = {}
        self._sketch_index: dict[str, list[int]] | None = None
        self._norms: dict[int, str] = {}
        for u in self.units:
            words = segment.tokens(u.text)
            distinct = set(words)
            self.df.update(distinct)
            order = u.order
            for w in distinct:
                postings[w].append(order)
            self.phrase.update(words)
            for c in _CLAUSE_SPLIT.split(self.unit_norm(order)):
                if len(c) >= 6:  # (the clauses of the normalized sentence: one NFKC per unit)
                    clause_count[_DIGITS.sub("#", c)] += 1
            key_count[u.key] += 1
            self.bodies.update(w for w in words if len(w) >= 3 and w.endswith(BODY_SUFFIX))
            for f in numbers.figures(u.text):
                self.figure_values.setdefault(f.unit, set()).add(f.value)
        self.postings: dict[str, list[int]] = dict(postings)
        self.formula = {c for c, n in clause_count.items() if n >= 3}
        self.repeated_key = {k for k, n in key_count.items() if n >= 2}
        # (unit by unit: one NFKC of the whole text holds the interpreter for tens of ms)
        self.full = "".join(self.unit_norm(u.order) for u in self.units)
        # a text that uses 应当 and 可以 as a law does: swapping them falsifies a rule
        # written in articles (第一条…): a law, a regulation, a party regulation — its lists are
        # rows of acts and things as often as principles
        self.articled = any(re.match(r"^第[一二三四五六七八九十百零〇]+条", p) for u in self.units[:50] for p in u.path)
        # a text of rules (duties and permissions), or a regulation in articles that sets duties:
        # its sentences are rules, never a policy text's run-on clauses taken one by one
        self.legal = (self.full.count("应当") >= 5 and self.full.count("可以") >= 5) or (
            self.articled and self.full.count("应当") >= 5)
        # a government work report: a look back at last year and this year's plan in titled parts
        self.report = "政府工作报告" in (document.title or "") or any(u.info.in_review for u in self.units)
        self.lists = self._closed_lists()
        # which lists name things to do and which name things to fight (反对……官僚主义)
        self.item_polarity: dict[str, int] = {}
        from studyapp.core.questions.enums import find_enumerations
        for u in self.units:
            for e in find_enumerations(u.text):
                sign = self.polarity(u.text, e.start)
                for x in e.items:
                    self.item_polarity.setdefault(x, sign)
        # units whose rule the next sentence limits (「……不得……。但是，情况紧急的除外。」)
        self.excepted: set[int] = {
            a.order for a, b in zip(self.units, self.units[1:], strict=False)
            if a.info is b.info and re.match(r"但|除", b.text)}
        self._counts: dict[str, int] = {}
        self._seen: dict[tuple[str, str], bool] = {}
        self.section_chars: Counter[int] = Counter()
        self.unit_by_text: dict[tuple[int, str], Unit] = {}
        for u in self.units:
            self.section_chars[id(u.info)] += len(u.text)
            self.unit_by_text.setdefault((id(u.info), strip_end(u.text)), u)

    # --- units -----------------------------------------------------------------------
    def _build_units(self) -> None:
        order = 0
        whole = "\n".join((i.node.text or i.node.title or "") for i in self.infos)
        for info in self.infos:
            node = info.node
            topic = _topic(info)
            parent = info.ancestors[-2] if len(info.ancestors) >= 2 else None
            lead = _lead_in(parent.text) if parent is not None else ""
            if _DELETED.search(node.text or node.title or ""):
                continue
            if lead and parent is not None and _new_lead_before(parent, node):
                lead = ""  # 「发生以下情形的，按照一票否决处理：」 after the first list: not the parent's lead-in
            # items of a list: (一)/(1)/①, and 1. untitled under a lead-in (「根据以下要求……：1.……」) —
            # with their lead-in, or none when the item is a fragment that needs one it lacks
            # (「已纳入政府征收、收储范围的续租（租赁期限一般不超过一年）；」 under a heading only — round 61)
            # 「（一）生活照料费用和医疗护理费用」 over 1./2.: each item a rule of its own, for what the label names
            group = _group_label(parent) if parent is not None and node.kind == "arabic" and not node.title else ""
            if not group and parent is not None and node.kind == "para":
                # 「（二）居民参保人员」 on a line of its own, its rule the paragraph after it: the outline
                # made that a paragraph of the article — the rule is the residents' (round 80)
                group = _label_before(parent, node)
            # (a titled part under a lead-in — 「重点抓好以下六个方面工作：」 over 「（一）高标准高质量建设自贸
            # 试验区……」 and its paragraphs — is a part of the text, its sentences no items of a list)
            headed = bool(node.title) and parent is not None and parent.text.rstrip().endswith(("：", ":"))
            listed = (node.kind in ITEM_KINDS or (node.kind == "arabic" and not node.title)) and not group and not headed
            if listed and (lead or _fragment(node.text or node.title)):
                before = ""  # (an item's second sentence goes on from its first)
                for s in sentences(node.text or node.title):
                    u = Unit(info, s, order, lead=lead, topic=topic, item=True, before=before, whole=whole)
                    u.key = mask(s)
                    self.units.append(u)
                    order += 1
                    before = s
                continue
            seen = ""  # (what the section said before: bounded, a section of a whole book is one node)
            for para in (node.text or "").split("\n"):
                if _DELETED.search(para):
                    seen = (seen + para + "\n")[-EARLIER_CHARS:]
                    continue  # 「……(2011年1月8日删除)」: no longer the law (round 42)
                prev = before = ""  # (the sentence before in the same paragraph: a new paragraph is a new rule)
                sents = sentences(para)
                # 「在燃气设施保护范围内，从事……活动的，建设单位应当……。建设单位应当至少在开工前……」:
                # the paragraph's opening condition holds for the sentences after it
                premise = sents[0] if sents and _PREMISE.match(sents[0]) else ""
                for s in sents:
                    u = Unit(info, s, order, topic=topic, prev=prev, before=before,
                             premise=premise if s is not sents[0] else "", whole=whole, earlier=seen,
                             group=group if group not in s else "")
                    u.key = mask(s)
                    self.units.append(u)
                    order += 1
                    prev = s if _standalone(u) else ""
                    before = s
                    seen = (seen + s)[-EARLIER_CHARS:]
                seen = (seen + "\n")[-EARLIER_CHARS:]

    def _closed_lists(self) -> list[tuple[SectionInfo, str, list[str]]]:
        """Lists whose items are short enough to be options: (section, lead-in, items)."""
        out = []
        for info in self.infos:
            node = info.node
            kids = [c for c in node.children if c.kind in ITEM_KINDS]
            lead = _lead_in(node.text)
            if len(kids) < 3 or not lead:
                continue
            items = [strip_end(item_text(c)) for c in kids]
            out.append((info, lead, items))
        return out

    # --- judgements --------------------------------------------------------------------
    def in_formula(self, sentence: str, a: int, b: int) -> bool:
        """Whether sentence[a:b] lies in a clause the document repeats (≥ 3 times)."""
        start = 0
        for m in list(_CLAUSE_SPLIT.finditer(sentence)) + [None]:
            end = m.start() if m else len(sentence)
            if start <= a < end or start < b <= end:
                c = sentence[start:end]
                if len(c) >= 6 and mask(c) in self.formula:
                    return True
            start = (m.end() if m else len(sentence))
        return False

    @staticmethod
    def polarity(text: str, start: int) -> int:
        """-1 when the list at `start` names things to fight (反对……), else 1."""
        clause_start = max(text.rfind(c, 0, start) for c in "，,；;。：:") + 1
        return _polarity_of(text[clause_start:start])

    def count(self, term: str) -> int:
        """How many times a term occurs in the document: as a word (counted once, in the first
        pass), else in the units that hold its rarest word."""
        try:
            return self._counts[term]
        except KeyError:
            pass
        n = self.phrase.get(term, 0)
        if not n:
            n = sum(self.unit_norm(o).count(norm(term)) for o in self._candidates(term))
        self._counts[term] = n
        return n

    def occurrences(self, text: str, pattern: re.Pattern[str] | None = None) -> int:
        """How often `text` (normalized) — or `pattern`, which must hold it — occurs in the
        document, read only in the units that hold its rarest word (scanning the whole text
        for each of a large document's many bodies and phrases made generation quadratic)."""
        cands = self._candidates(text)
        if not cands:
            return len(pattern.findall(self.full)) if pattern is not None else self.full.count(text)
        if pattern is not None:
            return sum(len(pattern.findall(self.unit_norm(o))) for o in cands)
        return sum(self.unit_norm(o).count(text) for o in cands)

    def unit_norm(self, order: int) -> str:
        try:
            return self._norms[order]
        except KeyError:
            t = self._norms[order] = norm(self.units[order].text)
            return t

    def _candidates(self, text: str, anchor: str = "") -> list[int]:
        """Units that may hold `text`: those holding its rarest word (or `anchor`)."""
        words = [w for w in segment.tokens(text) if w in self.postings and w.strip()]
        if anchor in self.postings:
            words.append(anchor)
        if not words:
            return []
        best = min(words, key=lambda w: len(self.postings[w]))
        return self.postings[best]

    def restated(self, order: int) -> bool:
        """Whether another sentence says nearly the same (the same procedure in three articles:
        「委员长会议或者主任会议可以决定将……报告提请常务委员会审议」): a formula, not a point.
        Compared only with sentences of like length that open or end as it does: linear."""
        hit = self._restated.get(order)
        if hit is not None:
            return hit
        mine = self._grams(order)
        hit = False
        if mine:
            if self._sketch_index is None:
                # a formula restated keeps its opening or its ending (「委员长会议或者主任会议可以
                # 决定将……」「……提请常务委员会审议」): sentences are paired by either
                index: dict[str, list[int]] = {}
                for u in self.units:
                    t = self.unit_norm(u.order)
                    if len(t) >= 16:
                        index.setdefault("^" + t[:6], []).append(u.order)
                        index.setdefault("$" + t[-7:], []).append(u.order)
                self._sketch_index = index
            t = self.unit_norm(order)
            others = set(self._sketch_index.get("^" + t[:6], ())[:64]) | set(self._sketch_index.get("$" + t[-7:], ())[:64])
            others.discard(order)
            n = len(mine)
            for o in others:
                g = self._grams(o)
                if not g or not 0.6 * n <= len(g) <= n / 0.6:
                    continue
                inter = len(mine & g)
                if inter / (n + len(g) - inter) >= 0.6:
                    hit = True
                    break
        self._restated[order] = hit
        return hit

    def _grams(self, order: int) -> set[str]:
        g = self._gram_cache.get(order)
        if g is None:
            t = self.unit_norm(order)
            g = self._gram_cache[order] = {t[i:i + 2] for i in range(len(t) - 1)}
        return g

    def contains(self, text: str, anchor: str = "") -> bool:
        """Whether some sentence of the document says `text` (normalized)."""
        key = (text, anchor)
        try:
            return self._seen[key]
        except KeyError:
            pass
        nt = norm(text)
        cands = self._candidates(text, anchor)
        hit = any(nt in self.unit_norm(o) for o in cands) if cands else nt in self.full
        self._seen[key] = hit
        return hit

    def frame_fillers(self, pattern: re.Pattern[str], anchor: str) -> set[str]:
        """What fills a frame (left + X + right) in the sentences holding `anchor`."""
        out: set[str] = set()
        for o in self.postings.get(anchor, ()):
            out.update(m.group(1) for m in pattern.finditer(self.unit_norm(o)))
        return out

    def too_common(self, term: str) -> bool:
        """A term in more than about 1 % of the units (never less than twice) is the document's
        own vocabulary, not the point of a rule."""
        limit = max(3, round(self.n_units * 0.01))
        return self.count(term) > limit

    def specific(self, word: str) -> bool:
        return word not in GENERIC and not FRAME_START.match(word)


_NEGATIVE_LEAD = re.compile(r"(反对|防止|禁止|不准|严禁|克服|杜绝|力戒|不搞|不得|不能|不允许|纠正|整治|惩治|"
                            r"打击|遏制|抵制|搞|出现|存在|治理|查处|摒弃|根除|消除|祛除|警惕)[^，。；：]{0,6}$")


def _polarity_of(before: str) -> int:
    return -1 if _NEGATIVE_LEAD.search(before) else 1


def _fragment(text: str) -> bool:
    """An item that is no sentence of its own: a case (「……的。」) or a list entry (「……；」)."""
    t = (text or "").strip()
    return t.endswith(("；", ";")) or bool(re.search(r"的[。；;]?$", t))


def _group_label(parent: ParsedSection) -> str:
    """The bare label a numbered list stands under (「（一）设备使用费用」 over 「1. 享受长护险3级待遇的
    ……由长护险基金按90%的比例支付」): a short noun phrase with no punctuation, not a sentence nor a
    heading of the text's frame (基本要求) — "" when the parent holds no such label."""
    if parent.title or not any(c.kind == "arabic" and not c.title for c in parent.children):
        return ""
    label = (parent.text or "").strip().strip("（）()")
    if not 4 <= len(label) <= 24 or not re.fullmatch(r"[\u4e00-\u9fff（）()、]+", label) or label in GENERIC \
            or re.search(r"(?:要求|内容|原则|目标|任务|措施|规则|手续|期限|效果|质量|阶段)$", label):
        return ""
    tagged = segment.tagged(label)
    return label if tagged and tagged[-1][1].startswith(("n", "vn")) else ""


def _label_before(parent: ParsedSection, node: ParsedSection) -> str:
    """The bare label on the line before a paragraph (「（二）居民参保人员」 with nothing under it): the
    class of people or things the paragraph's rule is for — "" when there is none."""
    kids = parent.children
    k = next((i for i, c in enumerate(kids) if c is node), 0)
    if k == 0:
        return ""
    label_node = kids[k - 1]
    if label_node.kind not in ITEM_KINDS or label_node.children or label_node.title:
        return ""
    label = (label_node.text or "").strip()
    return label if _names_a_class(label) else ""


def _new_lead_before(parent: ParsedSection, node: ParsedSection) -> bool:
    """Whether a sibling before this one ends on a new lead-in line (the list restarted there)."""
    for sib in parent.children:
        if sib is node:
            return False
        lines = (sib.text or "").split("\n")
        if any(ln.rstrip().endswith(("：", ":")) for ln in (lines if sib.kind == "para" else lines[1:])):
            return True
    return False


def _lead_in(text: str) -> str:
    """The last sentence of a text when it introduces a list (ends with a colon)."""
    sents = sentences(text or "")
    if not sents:
        return ""
    last = sents[-1].rstrip()
    if last.endswith(("：", ":")) and len(last) >= 5 and not _DANGLING.match(last):
        return last.rstrip("：:")
    if last.endswith("。") and _CASES_LEAD.search(last) and not _DANGLING.match(last):
        # 「物业项目在考核期内出现以下情形的，将……进行加减分。」「有下列情形之一的，由……撤销……。」:
        # printed with a full stop, still the lead-in of the cases under it (round 64)
        return last[:-1]
    return ""


_CASES_LEAD = re.compile(r"(?:下列|以下)[\u4e00-\u9fff]{0,4}?(?:情形|情况|行为)(?:之一)?的[，,]")


# what a list's items are, when the lead-in says it (「应当具备下列条件」「履行下列职责」)
_ITEM_KIND = ("条件|措施|职责|职权|权利|义务|内容|事项|材料|文件|形式|要求|待遇|原则|因素|行为|活动|能力|便利|途径|"
              "条款|信息|场所|区域|标准|工作|诉讼|权力|权限|资料|情况|规定")
_ITEM_LEAD = re.compile(r"(?:下列|以下)((?:[\u4e00-\u9fff]{0,6}?)(?:" + _ITEM_KIND + r"))"
                        r"(执行|确定|办理|处理|计算|实施|进行)?$")
# the lead-in's subject: what comes before its first verb
_LEAD_VERB = re.compile(r"应当|应(?![急用对])|可以|必须|须|有权|享有|履行|行使|具备|符合|遵守|遵循|采取|提交|提供|包括|载明|承担|"
                        r"享受|禁止|不得|负责|按照|依照|考虑|公开|受理|从事|进行|提高")


def item_lead(lead: str) -> str | None:
    """What one item of a list is, said before it: 「代储中央储备粮的企业，应当具备下列条件」 →
    「代储中央储备粮的企业，应当具备的条件包括」, 「……应当包括下列内容」 → 「……应当包括」, and
    「……按照下列规定执行」 → 「……按照规定执行」 (its items are rules in their own right). None
    when the list does not say what its items are, or nobody does what the lead-in says
    (「在监督检查过程中，可以行使下列职权」: whose)."""
    if re.search(r"[，,](?:按|按照|依照)(?:以下|下列)标准(?:给予|予以|计算)[^，,。；;：:]{0,10}$"
                 r"|[，,](?:具体)?(?:规定|要求|标准)如下$|^(?:发生|有|存在|具有)(?:以下|下列)情形的[，,][^，,。；;：:]{2,20}$",
                 lead) and len(lead) >= 12 \
            and not _DANGLING.match(lead) and not re.match(r"^(?:其|该|本|上述|前款)", lead):
        return lead  # 「……经查证属实，按以下标准给予举报人奖励：」「……的原则，具体规定如下：」: each item a rule of
        # its own, read right after the lead-in as it stands (round 61's yield)
    m = _ITEM_LEAD.search(lead)
    if m is None or m.start() < 4 or re.search(r"用语|含义|程序|步骤|顺序", lead):
        return None  # a definition, or a procedure whose steps make sense only in order
    head, kind, verb = lead[:m.start()], m.group(1), m.group(2)
    if re.match(r"(?:方式|方法|措施|手段|形式|途径)(?:开展|进行|实施|组织|推进|做好)", kind):
        return None  # 「督察组主要采取下列方式开展工作」: 「……采取的方式开展工作包括」 reads broken (round 90)
    if verb and not kind.endswith("规定") or _DANGLING.match(lead) or re.match(r"^(?:其|该|本|上述|前款)", lead):
        return None
    subject = _LEAD_VERB.split(head, maxsplit=1)[0].strip("，, ")
    if "禁止" not in head and "不得" not in head and (
            len(subject) < 4 or re.match(r"^(?:在|对|经|按照|根据|依照|为)", subject)
            or re.fullmatch(r"[^，,]{1,12}(?:时|后|前|期间|过程中)", subject)
            and not re.match(r"[\u4e00-\u9fff]{2,10}?(?:部门|机关|单位|政府|委员会|机构|局)(?:收到|接到|受理|发现)", subject)):
        return None  # 「决定书应当载明……」「检查时，有权……」: whose, the text said before
    if re.search(r"[，,](?:做好|抓好|搞好|办好)$", head):
        return None  # 「相关部门按照职责分工，做好下列工作」: 「……做好的工作包括：（　　）负责做好……」 reads as a
        # clumsy rewrite, and each item names its own body (round 74)
    if kind.endswith("规定"):
        return head + kind[:-2] + "规定" + (verb or "")  # 「……按照规定执行：园林景观路的绿地率不低于……」
    if re.search(r"(?:包括|载明|载有)$", head):
        return head  # 「风景名胜区总体规划应当包括：风景资源评价」
    return head + ("" if head.endswith("的") else "的") + kind + "包括"


def _topic(info: SectionInfo) -> str:
    """The nearest heading's title (a chapter's, an item's short heading), without numbering."""
    for a in reversed(info.ancestors):
        if a.title and (a.kind in HEADING_KINDS | {"tiao"} or a.kind in ITEM_KINDS) and len(a.title) <= 30:
            return a.title.strip().rstrip("。：:")
    return ""


def refers_elsewhere(s: str) -> bool:
    """Whether a sentence points at text the learner cannot see (本法第X条, 前款, 上述…)."""
    return bool(_CROSS_REF.search(s))


def preamble(s: str) -> bool:
    if RX[r"自.{0,16}起施行|负责解释|制定(?:实施办法|相关规定|具体规定)|^具体办法由|参照本(?:法|条例)"].search(s):
        return True  # the closing articles: when it takes effect, who interprets it
    if RX[r"^[（(〔［\[]?(?:责任单位|牵头单位|配合单位|责任部门|牵头部门)|^[（(][^（）()]{2,200}?(?:负责|牵头)[。]?(?:[）)]|$)"].match(s.strip()):
        return True  # 「（责任单位：市科委、市发展改革委）」「（省住房城乡建设厅、……按职责分工负责）」: who carries a
        # measure out, a note — trivia (rounds 54, 69)
    if s.count("）") + s.count(")") > s.count("（") + s.count("("):
        return True  # 「以下均需各省辖市政府……落实，不再列出）」: the end of a note cut at its full stop (round 69)
    return bool(_PREAMBLE.match(s)) and ("制定本" in s or "特制定" in s or "结合" in s[:30])
