"""True/false: a rule as the text states it (when it holds a point a reader could get wrong),
or falsified on its point (a figure, 不得 → 可以, a level, an actor, an antonym, a contrast)."""

from __future__ import annotations

import random
import re

from studyapp.core.questions import numbers, segment
from studyapp.core.questions.formbase import (
    _ANTONYM_RE,
    _ANTONYMS,
    _BOILERPLATE,
    _CONDITION,
    _DUTY_LEAD,
    _HIGHER_LAW_ELSE,
    _ONE_PROJECT,
    _PLATITUDE,
    _POINT,
    _PROCEDURE,
    _REPORT_FOR,
    _RULE_STATEMENT,
    _TAUTOLOGY,
    _WRONG_IN_ITSELF,
    CITES_NUMBER,
    DIRECTION_SWAPS,
    MAX_WINDOW,
    MODAL_SWAPS,
    SWAPPABLE,
    Candidate,
    FormBase,
    _contrast,
)
from studyapp.core.questions.levels import central_actor, level_bodies, level_marked
from studyapp.core.questions.lexicon import Unit, refers_elsewhere
from studyapp.core.questions.text import RX, norm, strip_end
from studyapp.core.questions.text import sentences as sentences_of

# a row of a plan's targets: three figures with 左右/以上/以内 or three shares (a law's fine 「5万元以上25万元
# 以下」 is one range, not a row)
_TARGET_ROW = re.compile(r"(?:[\d.．]+(?:[%％]|亿元|万元|万人|万户|万吨|万亩|公里|个|家)?(?:左右|以上|以内)[^。]*?){3}"
                         r"|(?:[\d.．]+[%％][^。]*?){3}")
# a body named whole right before its duties: 「中央机构编制委员会的主要职责是：」
_BODY_OF_DUTIES = re.compile(r"^([\u4e00-\u9fff]{2,24}?(?:委员会|部门|机关|政府|机构|学校|单位|部|局|厅|院))"
                             r"(?:的|其)(?:主要)?(?:职责|职权|任务)")
# a body the first one set up or leads: 「区政府……成立的消防安全议事协调机构」 holds the duties
_HELD_BY = re.compile(r"(?:成立|设立|设置|组建|牵头|确定|指定)的([\u4e00-\u9fff]{2,20}?(?:委员会|部门|机关|机构|小组|办公室|中心|单位))(?=[，,]|$|的?(?:主要)?(?:职责|职权|任务))")


# the unit a bound follows, and 「(含)」 — 「2人以上」「10万元(含)以上」
_BOUND_AFTER = r"(?:人|名|个|次|日|年|个月|倍|元|万元)?(?:[（(]含[）)])?"


def _target(text: str, f: numbers.Figure) -> bool:
    """Whether figure f is a bound of a goal (「四季度……增加值增长7.5%以上」「覆盖率达到80%以上」
    「能耗下降幅度控制在8%以内」) — not a range, a fine, a benefit or a case: a goal met is met at
    every weaker bound too."""
    if f.low is not None or f.high is not None:
        return False
    bound = re.match(_BOUND_AFTER + r"(?:以上|及以上|以下|以内|之内)", text[f.end:]) \
        or RX[r"(?:不低于|不少于|至少|超过|不超过|不高于|控制在)$"].search(text[max(0, f.start - 3):f.start])
    clause = re.split(r"[，,；;。]", text[:f.start])[-1]
    return bool(bound) and bool(RX[r"增长|增加|达到|提高|提升|下降|降低|突破|力争|确保|实现|完成|控制在|覆盖率|占比|比重"].search(clause)) \
        and not RX[r"罚款|处罚|补贴|奖励|补助|资助|给予|贷款|费用|收费|利率"].search(text)


def _sets_case(text: str, f: numbers.Figure) -> bool:
    """Whether figure f bounds the cases a rule is for — made narrower the rule still holds for
    them, so only a wider case is false: 「2人以上共同违法违纪的，」, a band of cases without
    「的，」 (「当日工作超过4小时且在8小时以内，……每天1000元」 — round 64; 「施工金额在10万元(含)以上50万元
    以下的项目,……」 — round 65), 「……8小时以内，」, and 「对10万元(含)以上的工程项目可委托……」 (round 65).
    A fine's range is no case: narrowed, it is another fine."""
    after = text[f.end:]
    if RX[r"[^。；;]{0,40}?的[，,]"].match(after):
        return True
    around = text[max(text.rfind(c, 0, f.start) for c in "，,；;。") + 1:f.start] + re.split(r"[，,；;。]", after, maxsplit=1)[0]
    if RX[r"以上|超过"].search(around) and RX[r"以下|以内|之内|不满|不足"].search(around) \
            and not RX[r"处|罚|拘留|徒刑|扣"].search(around):
        return True
    if RX[r"(?:个)?(?:小时|日|天|年|个月|人|名|次|元|万元|平方米|公里)?(?:以内|以下|之内)[，,]"].match(after):
        return True
    return bool(RX[r"(?:[（(]含[）)])?(?:以上|以下|以内)的(?!罚款|罚金)"].match(after)) and not RX[r"处|罚"].search(around)


def _names_its_field(body: str, rest: str) -> bool:
    """Whether a sentence names the field of the department it binds (洪水 for 水行政主管部门,
    教育资源 for 教育部门): another department in its place is false at sight."""
    field = re.sub(r"(?:行政)?(?:主管)?(?:部门|机构)$", "", body)
    if field == body or not field:
        return False
    if len(field) == 1:
        return field in rest
    return any(field[k:k + 2] in rest for k in range(len(field) - 1) if field[k:k + 2] not in _FIELD_PLAIN)


# pieces of a field's name that name no field (市场监督管理: 管理, 监督)
_FIELD_PLAIN = frozenset("管理 监督 行政 事务 建设 和城 城乡 发展 服务 保障 资源 信息".split())


class JudgeForms(FormBase):
    # --- true / false on the rule itself -------------------------------------------------
    def judge(self, unit: Unit, rng: random.Random, truth: bool) -> list[Candidate]:
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        if RX[r"指导思想(?:是|为)?[：:]"].search(text):
            return []  # 「……的指导思想是：……深入贯彻落实……，按照……部署」: a clause of the formula, no statement
            # to judge (round 89)
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
            body = self.opening(text, lo) + text[lo:hi]
            if not self._ok_body(body) or not _RULE_STATEMENT.search(body) or CITES_NUMBER.search(body):
                return []  # a true item states a rule one could get wrong, never a slogan
            if _TARGET_ROW.search(body):
                return []  # 「主要预期目标是：……增长7%以上，……3%以上，……8%左右，……」 copied as true: no point to
                # tell, the figures all as written (round 90)
            if unit.order in self.lex.excepted or re.search(r"但是|除外", text[hi:]):
                return []  # 「不得在夜间……实施」 without 「但是，情况紧急的除外」 is not true as stated
            if self.lex.restated(unit.order) or _TAUTOLOGY.search(body):
                return []  # the same procedure said in three articles: a formula, nothing to test
            if _PLATITUDE.search(body) and not numbers.figures(body):
                return []  # 「应当积极……」: true whatever the text says
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "judge", stem, [], True)
            return [Candidate(q, unit, 2.2, "judge_true", [])]
        body = self.opening(text, lo) + text[lo:a] + new + text[b:hi]
        if not self._ok_body(body) or self.lex.contains(strip_end(body), new):
            return []
        if why == "figure" and len(RX[r"\d+(?:\.\d+)?[%％]"].findall(text[lo:hi])) >= 3 \
                and len(RX[r"\d+(?:\.\d+)?"].findall(text[lo:hi])) >= 4:
            return []  # 「……居民消费价格涨幅3%左右，……增长7.5%左右，……25万人左右，……5%左右和3.6%以内」: one
            # figure changed among many, a quibble to spot (rounds 86 and 88)
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
        if ctx is None or unit.key in self.lex.repeated_key or len(unit.text) > MAX_WINDOW or _ONE_PROJECT.match(unit.text):
            return []
        body = unit.text
        if not self._ok_body(body) or not _RULE_STATEMENT.search(body) or self.lex.restated(unit.order) \
                or _PLATITUDE.search(body) and not numbers.figures(body) or _TAUTOLOGY.search(body):
            return []  # 「应当不断提高业务素质」 anyone marks true without having read the text
        if _TARGET_ROW.search(body):
            return []  # a row of targets copied as true (round 90)
        if _BOILERPLATE.search(body) or CITES_NUMBER.search(body):
            return []
        bans_only = not numbers.figures(body) and not _POINT.search(RX[r"不得|禁止|严禁"].sub("", body))
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
        end = m.end(1)
        whole = _BODY_OF_DUTIES.match(unit.lead)
        if whole and len(whole.group(1)) > len(body):
            body, end = whole.group(1), whole.end(1)  # 「中央机构编制委员会的主要职责是」: not 中央机构 (round 88)
        joint = re.match(r"(?:[和与及、][\u4e00-\u9fff]{2,16}?(?:委员会|部门|机关|政府|机构|部|局|厅|院))+", unit.lead[end:])
        if joint:  # 「中央组织部和地方党委组织部的主要职责是：」: the duties of both, not of the first (round 83)
            body += joint.group(0)
            end += joint.end()
        own = re.match(r"的?(?:办事机构|办公室|工作机构|执行机构|常设机构)(?=负责|履行|承担|行使|[，,]|的?(?:主要)?(?:职责|职权|任务))", unit.lead[end:])
        if own:  # 「……指导委员会办事机构负责……，履行下列职责」: the office's duties, not the committee's (round 67)
            body += own.group(0)
        head = re.split(r"负责|履行|承担|行使", unit.lead[end + (own.end() if own else 0):], maxsplit=1)[0]
        later = list(_HELD_BY.finditer(head))
        if later:  # 「区政府依照有关规定成立的……议事协调机构负责……并履行下列职责」: the duties are the
            body = later[-1].group(1)  # 机构's, not the government's that set it up (round 60)
        item = sentences_of(unit.text)[0] if unit.text else ""
        item = re.sub(r"^[（(][一二三四五六七八九十\d]+[）)]\s*", "", item)
        if re.search(r"其[他它]", item):
            return []  # 「法律、法规规定的其他职责」: a catch-all, nothing of this text to know (round 67)
        if not 8 <= len(item) <= 80 or refers_elsewhere(item) or _PLATITUDE.search(item) \
                or self.lex.restated(unit.order) or not self._ok_body(item):
            return []
        ctx = f"{body}的{m.group(2) or ''}职责包括"
        q = self._question(unit, "judge", f"{ctx}：{self._finish(item)}", [], True)
        return [Candidate(q, unit, 0.9, "duty_true", [])]

    def _find_falsifications(self, unit: Unit) -> list[tuple[int, int, str, str]]:
        text = unit.text
        out: list[tuple[int, int, str, str]] = []
        figs = [] if _HIGHER_LAW_ELSE.search(text) else numbers.figures(text)
        # 「……省重大项目完成投资1528亿元，其中建成项目102个、完成投资135亿元」: the part of a tally the
        # sentence gave first, changed, tests a detail nobody keeps (round 83)
        figs = [f for f in figs if not ("其中" in text[:f.start] and any(
            g.unit == f.unit and g.end <= text.find("其中") for g in figs))]
        # (how often a duty recurs is changed only where the sentence sets no other figure)
        for f in sorted(figs, key=lambda g: g.unit == numbers.FREQUENCY):
            if RX[r"是指|所称"].search(text):
                break  # 「十日以内期限的规定是指工作日」: 七日 would still be true
            if numbers.given_otherwise(text, f):
                continue  # 「2年(即24个月)」 turned 3年 contradicts its own bracket (round 61)
            if f.unit == "%" and (f.value == 100 or any(g is not f and g.unit == "%" and abs(g.value + f.value - 100) < 1e-9
                                                       for g in figs)):
                continue  # the whole (按……的100%扣除), or a share the other one gives (70 % beside 30 %) — rounds 57, 60
            if self.lex.in_formula(text, f.start, f.end) or text.count("“", 0, f.start) > text.count("”", 0, f.start):
                continue  # a quoted term (「“一日”“三日”……的规定」) is a definition, not a rule
            if numbers.restated(text, f) or RX[r"[（(][^（）()]{0,12}(?:按月|按季|按年|每月|月)[^（）()]{0,12}$"].search(text[max(0, f.start - 24):f.start]) \
                    or RX[r"[^，,。；;]{0,4}[（(][^（）()]{0,12}(?:按月|按季|按年|每月|月)"].match(text[f.end:f.end + 12]):
                continue  # 「单季度销售额未超过30万元（按月征收月销售额未超过10万元）」: 20万 contradicts 3 × 10 (round 79)
            if any(g is not f and g.value == f.value and g.unit == f.unit for g in figs) \
                    or RX[r"(?:或者|或|至)数"].match(text[f.end:f.end + 3]):
                continue  # 「六十日……六十日后」 changed once contradicts itself; 「一名或者数名」 allows two
            wrong = numbers.rivals(f, self.lex.figure_values, 6, avoid={g.value for g in figs} | self._out_of_kind(f, text, falsify=True)
                                   | self._said_elsewhere(f, text),
                                   siblings=tuple(g.value for g in figs if g is not f and g.unit == f.unit))
            if _sets_case(text, f) and (re.match(_BOUND_AFTER + r"(?:以上|及以上|以下|以内|之内|不满|不足|超过|未满)", text[f.end:])
                                        or RX[r"(?:超过|不满|不足|未满)$"].search(text[max(0, f.start - 2):f.start])):
                # 「2人以上共同违法违纪的」 made 3人以上 is still true (3 ≥ 2): only a wider case is false
                wider_up = re.match(_BOUND_AFTER + r"(?:以下|以内|之内|不满|不足|未满)", text[f.end:]) \
                    or RX[r"(?:不满|不足|未满)$"].search(text[max(0, f.start - 2):f.start])
                wrong = [w for w in wrong if (w > f.value) == bool(wider_up)]
            elif _target(text, f):
                # a target the text sets (「增长7.5%以上」): a lower floor is met by it — 7%以上 is no false
                # statement of the goal (round 83); only a higher one is (a lower ceiling for 「控制在8%以内」)
                ceiling = re.match(_BOUND_AFTER + r"(?:以下|以内|之内)", text[f.end:]) \
                    or RX[r"(?:不超过|不高于|控制在)$"].search(text[max(0, f.start - 3):f.start])
                wrong = [w for w in wrong if (w < f.value) == bool(ceiling)]
            if f.unit == numbers.FREQUENCY:
                bound = text[f.end:f.end + 14]
                if RX[r"[^，,。；;]{0,3}(?:至少|不少于|不得少于)"].match(bound):
                    wrong = [w for w in wrong if w > f.value]  # 「每月至少检查一次」 turned 每周 is still kept
                elif RX[r"[^，,。；;]{0,3}(?:只|仅|最多|至多|不超过|不得超过)"].match(bound):
                    wrong = [w for w in wrong if w < f.value]  # 「每年只享受一次」 turned 每两年 is still kept
            if f.unit == "周岁":
                wrong = [w for w in wrong if abs(w - f.value) <= 4]  # (招用已满八周岁 for 十六: absurd — round 43)
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
            field = w[:-len(suffix)][-2:] if len(w) - len(suffix) >= 2 else ""
            if field and (field in text[:a] + text[b:] or (field[1:] in "业利务" and field[0] in text[:a] + text[b:])) \
                    and not self.lex.legal:
                continue  # 「农业部门必须加强对农业环境的保护」 turned 教育部门, 「林业部门应加强森林植被的保护」 turned
                # 农业部门: the sentence names the field of its department (round 56)
            if _names_its_field(w, text[:a] + text[b:]):
                continue  # 「水行政主管部门组织编制洪水灾害防治规划」 turned 交通运输主管部门, 「教育部门应当推动……优质
                # 教育资源……」 turned 农业农村部门: false at sight, in a law as in a plan (round 70)
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
            levels = [x for x in self._level_rivals(lb, text, article) if not self.lex.contains(x + after, x)]
            if levels and lb.level == "国" and RX[r"全国|国家级|中央"].search(text):
                continue  # 「全国土地调查成果，报设区的市级人民政府批准」: absurd, no test (round 42)
            if levels and level_marked(text[:lb.start] + "。" + text[lb.end:], lb.level):
                continue  # 「经省级人民政府批准，省属重点文化企业……」 turned 市级: the sentence says the level (round 57)
            if levels and lb.level == "国" and (central_actor(text[:lb.start]) or (
                    not self.lex.legal and RX[r"(?:重大|重要|有关|进展)情况[^，,；;。]{0,3}$"].search(text[max(0, lb.start - 8):lb.start]))):
                continue  # 「环境保护部……重大情况向省级人民政府报告」: a ministry reporting down is absurd,
                # and the closing 「重大情况向国务院报告」 is a formula, no rule (round 56)
            if levels:
                out.append((lb.start, lb.end, levels[0], "level"))
                break
        # 可以/应当 carry a rule only where the text uses both as a law does
        section = unit.info.node.text or ""
        for m in _ANTONYM_RE.finditer(text):
            old = m.group(1)
            new = _ANTONYMS[old]
            a, b = m.span(1)
            if old == "届满前" and RX[r"(?:之日|日)前"].search(text[b:]):
                continue  # 「期限届满前，确需继续使用的，应在期满之日前30个工作日……」 turned 届满后 still reads true (round 63)
            if old == "书面" and (RX[r"合同|协议|决定书|报告|材料|文件|证明|凭证|文书|通知书"].match(text[b:b + 3])
                                 or RX[r"出具|签发|开具|加盖"].search(text[max(0, a - 10):a])
                                 or RX[r"附[^，。；]{0,6}材料|并附|附有"].search(text)
                                 or RX[r"是指|视为|有形"].search(text)
                                 or RX[r"、[^，,。；;]*等"].search(text[b:])
                                 or text[max(0, a - 2):a].endswith(("或者", "或")) or RX[r"出席|当面|会议上"].search(text)
                                 or RX[r"(?:合同|协议)[^，,。；;]{0,10}$"].search(text[:a])):
                continue  # 「应当签订口头合同」「劳动合同……应当以口头形式签订」 are absurd (round 62); 「出席会议或者书面提出」 turned 口头 is still true
            if RX[r"(?:未|没有|不|拒不|拒绝)[\u4e00-\u9fff]{0,4}$"].search(text[max(0, a - 6):a]) \
                    and RX[r"[^；;。]{0,30}?的[，,]"].match(text[b:]):
                continue  # 「被申请人逾期未提交书面答复……的，不影响……调处」: not submitting an oral one does
                # not stop it either — the change leaves the case true (round 67)
            if text.count(old) != 1 or new in section or a not in segment.bounds(text) \
                    or self.lex.in_formula(text, a, b):
                continue  # (书面或者口头: both are right; 越级 said in the same article: also true)
            if new == "同级" and ("本级" in text or "共同" in text[max(0, a - 3):a]):
                continue  # 「本级……和同级……」 reads as one body named twice
            if new == "同级":
                kind = RX[r"(?:人民)?[\u4e00-\u9fff]{0,6}?(?:机关|部门|政府|党委|工会|人民法院|人民检察院)"].match(text[b:])
                if kind and kind.group(0)[-2:] in text[:a]:
                    continue  # 「公安机关……征得同级公安机关同意」: the body asking itself
            if new == "上一级" and (RX[r"上级|下级|下一级|各级"].search(section)
                                 or not RX[r"(?:地方)?(?:人民政府|人民代表大会|党委|党组|纪委|工会|人民法院|人民检察院|"
                                                 r"[\u4e00-\u9fff]{0,10}?(?:部门|机关|委员会))"].match(text[b:])):
                continue  # 本级/同级 → 上一级 only for a body, where the article sets no other level
            if old == "免费" and not (text[b:b + 2] in ("提供", "开放") or text[b:b + 1] == "的"):
                continue  # 「免费乘坐」 turned 「收费乘坐」 is not how anyone says it
            if new in ("上一级", "同级") and a < 3:
                continue  # 「同级人民政府应当……」 at the start: the level of what, nobody says
            if new == "上一级" and not RX[r"报告|报送|报请|报经|报|批准|备案|提请|通报|征求|会同|移送|申请|审议|决定"].search(text[max(0, a - 8):a]):
                continue  # 「县长主持本级人民政府工作」 turned 上一级 is absurd: only where something goes to a body
            if old in ("本级", "同级", "免费") and self._full_count(norm(text[a:b + 4])) > 2:
                continue  # 「本级人民代表大会」 all through the 代表法: the law's own formula
            if RX[r"或|和|、|及"].match(text[b:b + 1]) or RX[r"(?:或者|或|和|、|及)$"].search(text[max(0, a - 2):a]):
                continue  # 「免费或者优惠服务」 turned 收费 still reads true
            if old == "无偿" and RX[r"成本价|低偿|有偿|低价"].search(text):
                continue  # 「产权无偿移交、成本价移交……等」: 有偿 is among the ways the row allows (round 79)
            out.append((a, b, new, "antonym"))
            break
        # reported for approval or for the record (报国务院批准 / 报国务院备案): the procedure itself
        if not any(why == "antonym" for *_, why in out):
            rep = _REPORT_FOR.search(text)
            if rep and len(_REPORT_FOR.findall(text)) == 1:
                old = rep.group(1)
                new = "备案" if old == "批准" else "批准"
                a, b = rep.span(1)
                if new not in section and "审批" not in section and "核准" not in text \
                        and not RX[r"格式|样式|式样|文本|编号|目录"].search(text[:rep.start()]) \
                        and not RX[r"是否$"].search(text[max(0, a - 4):a]) and text.count(old) == 1 \
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
            if old in ("以上", "以下") and not RX[r"[\d一二三四五六七八九十百千两]"].search(text[max(0, a - 4):a]):
                continue
            if old.startswith("从") and RX[r"从[严重宽轻快实]$|^从[严重宽轻快实]"].search(text[max(0, a - 2):a] + "|" + text[b:b + 2]):
                continue  # 「依法从严从重查处」 turned 从严从轻 contradicts itself (round 58); 「从严从实抓好」 a manner (round 76)
            if new in ("从宽", "从轻") and not self.lex.legal \
                    and RX[r"腐败|贪污|挪用|截留|私分|违纪|违法|犯罪|黑恶|侵害"].search(text[b:b + 20]):
                continue  # 「从宽查处贪污挪用……」「从宽惩治腐败」: a policy text never goes easy on them — false at
                # sight (round 90)
            if new in ("从重", "从严") and RX[r"减轻|免予|免除|不予"].search(text[b:b + 12]):
                continue  # 「可以依法从轻、减轻或免予处罚」 turned 从重 contradicts itself (round 71)
            if old in ("不少于", "不得少于") and RX[r"保证|确保|保障"].search(text[max(0, a - 20):a]):
                continue  # 「保证……不超过2小时的活动时间」 contradicts itself
            if RX[r"最低|最高|下限|上限|至少|最多"].search(text[b:b + 16]) \
                    or RX[r"最多|最少|至多|至少|最高|最低|最长|最短|最大|最小"].search(text[max(0, a - 6):a]):
                continue  # 「不得少于……最低时限」 turned 「不得超过……最低时限」 contradicts itself
            if old == "不得" and "可以" in text:
                continue  # 「除……可以转让的外，可以转让」 contradicts itself
            if old == "可以" and "也可以" in text:
                continue
            if new == "可以不" and (not _PROCEDURE.match(text[b:b + 4])
                                   or RX[r"应当|必须"].search(text[b:]) or "不得" in text):
                continue  # 「应当X」 → 「可以不X」 only for a step of procedure, never 「可以不遵守本法」
            if old == "不得" and not self._ban_to_test(text, a, b):
                continue
            if old == "不得" and self._excepted_next(unit):
                continue  # 「……不得改变用途。」 then 「确需改变……的，应当……」: 可以 is true in that case
            if old == "可以" and (_CONDITION.search(text) or RX[r"自愿|自行|酌情|视情|单独|合并|不"].match(text[b:b + 2])):
                continue  # 「必要时……应当」 still reads as right: the condition makes it a duty
            if old == "可以" and RX[r"[^，,；;。]*的[，,]"].match(text[b:]):
                continue  # 可以 inside a condition (……可以通过……解决的，) describes a case, not a rule
            if old == "可以" and not RX[r"应当|不得|必须"].search(text):
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
        if RX[r"(?:从事|实施|进行)的(?:行为|事项|活动)"].match(text[b:]):
            return False  # 「有……业主委员会委员不得从事的行为」: a kind of act named by its ban, no rule (round 79)
        if RX[r"应当|必须|严格|均应|都应|有权|全部用于|全额用于|专项用于|专款专用"].search(text[lo:a]):
            return False  # (「所有收入，全部用于献血事业发展，不得挪作他用」 turned 可以 contradicts itself — round 78)
        if RX[r"(?:^|[，,])[^，,]{0,30}(?:无|未经|未|不符合|不具备|不合格|没有|非经|不按照|不按|超过|违反)[^，,]*"
                     r"(?:的[，,]|[，,]?$)"].search(text[lo:a]):
            return False  # 「无许可证的，可以生产」: the condition says it is wrong, the change is absurd
        if RX[r"(?:非经|未经)[^，,]{0,16}$"].search(text[lo:a]):
            return False  # 「用地非经法定程序，可以改变用途」 reads as nonsense
        if RX[r"超|低于|少于|高于|多于|突破|大于|小于"].match(text[b:b + 2]):
            return False  # 「可以超过……总量控制指标」「可以超范围、超剂量使用」: a cap turned permission contradicts itself (round 48)
        verb = text[b:b + 2]
        if len(verb) == 2 and any(ban + verb in text[lo:a] for ban in ("禁止", "不得", "严禁")):
            return False  # 「属于国家禁止进口的……，不得进口」 turned 可以 contradicts itself (round 49)
        if RX[r"但是|除外|经[^，。；]{0,12}同意"].search(text):
            return False  # 「不得采集……；但是，经本人书面同意的除外」: 可以 is true in the excepted case
        if RX[r"应当|必须"].search(clause[b - lo:]):
            return False  # 「不得从事……应当在高等级实验室进行的活动」 turned 可以 contradicts itself (round 39)
        if RX[r"禁止|严禁"].search(clause[b - lo:]):
            return False  # 「可以在禁止其通行的道路上行驶」 contradicts itself (round 89)
        if RX[r"确需|确有必要|确因"].search(text[b:]):
            return False  # 「不得占用农用地；确需占用的，应当……」: the permitted case follows, 可以 blurs
        if RX[r"除[^，,；;。]{1,40}外"].search(text[lo:b]) or RX[r"仅|只|单纯|随意"].match(text[b:b + 2]):
            return False  # 「除……外，可以收取其他费用」「可以仅因为……而否定」 read as nonsense, not a test
        if RX[r"危及|危害|损毁|无关|以外的|未获得|未取得|不具有|不具备|无资质|没有资质|损坏|毁坏|损伤|^非|以[^，。；]{1,12}的名义|"
                     r"超载|超限|超速|酒后|饮酒|醉酒|服用[^，。；]{0,16}药品后|挤占|堵塞|"
                     r"无证|冒充|假借|私拆|隐匿|毁弃|撕揭|窃取|盗取|篡改|私自|串通|泄漏|藏匿|丢弃|"
                     r"披露[^，。；]{0,6}(?:未公开|秘密|隐私|保密)"].search(clause):
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
        covers = (nxt.order,) if quote and nxt is not None else ()
        lo, hi, swapped, x, y = found
        body = self.opening(text, lo) + text[lo:hi]
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
