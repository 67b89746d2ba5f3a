"""Bodies: who does what a rule says — the body in its slot (actor), the level of government
(「报（　　）批准」). (Which body a rule names as its subject, among the law's other subjects, was
tried and blind-rated 61 % — rivals of another department absurd or also right: not proposed.)"""

from __future__ import annotations

import random
import re

from studyapp.core.questions import segment
from studyapp.core.questions.formbase import (
    _RULE_WORD,
    CATEGORY_BODIES,
    HOLE,
    SWAPPABLE,
    Candidate,
    FormBase,
    _ch,
)
from studyapp.core.questions.levels import RANK, central_actor, level_bodies, level_marked, levels_named, rival_texts
from studyapp.core.questions.lexicon import BODY_SUFFIX, GENERIC, Unit
from studyapp.core.questions.text import strip_end


class BodyForms(FormBase):
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
            if _ch(text, a - 1) in "（(" and _ch(text, b) in "）)":
                continue  # 「海洋发展部门（（　　））负责……」: the other name of the body before it (round 77)
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
            body = self.opening(text, lo) + text[lo:a] + HOLE + text[b:hi]
            if not self._ok_body(body) or len(strip_end(body)) < 12:
                continue
            options = [w] + wrong
            rng.shuffle(options)
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "single", stem, options, [options.index(w)])
            out.append(Candidate(q, unit, 2.6, "actor", [w]))
            break
        return out

    def fund_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        """Which fund pays a cost (「领取失业保险金人员参加生育保险的，由（　　）缴纳生育保险费」,
        「……所需的有关支出，可按照规定从（　　）中列支」): the funds the document names, then the
        funds of social insurance and of a unit's own accounts, as options. A fund the document
        says in the same breath (「用人单位工会经费可适当补充」 right after) is no rival: it pays
        too. Not asked where the document says the same source again and again (「所需资金从就业
        补助资金列支」 under every measure: a formula)."""
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        m = _FUND_SLOT.search(text)
        if m is None:
            return []
        key, a, b = m.group(1), m.start(1), m.end(1)
        if not _a_fund(key) or text.count(key) > 1 or self.lex.count(key) > 2 or self.lex.in_formula(text, a, b):
            return []
        own = _fund_own(key)
        kind = own[:-2] if own.endswith("保险") and len(own) >= 4 else own
        if kind in text[:a] + text[b:] or kind in ctx:
            return []  # 「领取失业保险金人员……由（　　）缴纳」: the stem names the insurance whose fund pays
        beside = text + self._neighbours(unit)
        named = self._funds()
        # (a fund of social insurance among its own kind first; another, among the document's)
        family = [f for f in _FUND_FAMILY if f != key] if key in _FUND_FAMILY or key.endswith("保险基金") else []
        mine = [x for x in named if x != key]
        wrong: list[str] = []
        for f in (family + mine if key in _FUND_FAMILY else mine + family):
            if f in beside or key in f or f in key or f in wrong:
                continue
            wrong.append(f)
        if len(wrong) < 3:
            return []
        win = self.window(text, a, b)
        if win is None:
            return []
        lo, hi = win
        body = self.opening(text, lo) + text[lo:a] + HOLE + text[b:hi]
        if not self._ok_body(body) or len(strip_end(body)) < 12:
            return []
        options = [key] + wrong[:3]
        rng.shuffle(options)
        q = self._question(unit, "single", self._stem(ctx, self._finish(body)), options, [options.index(key)])
        return [Candidate(q, unit, 2.6, "fund", [key])]

    def _neighbours(self, unit: Unit) -> str:
        """The sentences right before and after a unit (what a fund said beside it pays as well)."""
        units = self.lex.units
        return "".join(units[k].text for k in (unit.order - 1, unit.order + 1) if 0 <= k < len(units))

    def _funds(self) -> list[str]:
        """The funds the document names where it says who pays (从……中列支, 由……缴纳), in order."""
        got = self._fund_names.get(0)
        if got is None:
            seen: dict[str, None] = {}
            for m in _FUND_NAMED.finditer(self.lex.full):
                name = re.split(r"[从由]", m.group(1))[-1]  # (「,可按照规定从职工福利费」: the name after 从)
                if _a_fund(name):
                    seen.setdefault(name)
            got = self._fund_names[0] = list(seen)
        return got

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
            if len(wrong) < 3 or (lb.level == "国" and central_actor(text[:lb.start])) \
                    or level_marked(text[:lb.start] + "。" + text[lb.end:], lb.level):
                continue  # (a ministry's report goes to the State Council: a province as option is absurd)
            win = self.window(text, lb.start, lb.end)
            if win is None:
                continue
            lo, hi = win
            body = self.opening(text, lo) + text[lo:lb.start] + HOLE + text[lb.end:hi]
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
                    and not (i + 1 < len(tagged) and tagged[i + 1][1].startswith(("n", "j", "vn"))) \
                    and not (_ch(text, a - 1) in "（(" and _ch(text, b) in "）)"):
                out.append((w, a, b))  # (「海洋发展部门（渔业主管部门）」: the bracket names the same body — round 77)
            prev = t
        return out





# where a rule says which fund pays: 由失业保险基金缴纳, 从职工福利费中列支, 从生育保险基金中支付
_FUND_NAME = r"([\u4e00-\u9fff]{2,10}?(?:基金|资金|经费|福利费))"
_FUND_SLOT = re.compile(r"(?:从|由)" + _FUND_NAME + r"中?(?:列支|支付|缴纳|承担|支出|解决)")
# a fund the document names where it pays, or beside another (失业保险基金、生育保险基金)
_FUND_NAMED = re.compile(r"(?:从|由|[、，,。；;和或及])" + _FUND_NAME + r"(?=中?(?:列支|支付|缴纳|承担|支出|解决)|[、和或及])")
# words that name no fund of its own (所需资金, 财政资金, 专项资金 — any project's)
_FUND_VAGUE = re.compile(r"^(?:所需|相关|有关|专项|财政|本级|配套|上述|该项?|其|政府|项目|自有|各级|同级|省级|市级|县级|区级|"
                         r"中央|地方|社会|单位|企业|补助|奖补|按|按照|依照|根据|用于|纳入|可|应|或|以|由|从|在|中|对|用|"
                         r"支付|安排|上解|统筹|筹集|使用)")
# the funds of social insurance and of a unit's own accounts: rivals of one kind for a fund
_FUND_FAMILY = ("失业保险基金", "工伤保险基金", "生育保险基金", "基本医疗保险基金", "基本养老保险基金", "就业补助资金",
                "职工福利费", "工会经费", "职工教育经费")


def _fund_own(name: str) -> str:
    """A fund's own name without the kind of money (失业保险基金 → 失业保险, 职工福利费 → 职工福利)."""
    return re.sub(r"(?:基金|资金|经费|费)$", "", name)


def _a_fund(name: str) -> bool:
    """A fund with a name of its own (失业保险基金, 职工福利费), not 所需资金 or 财政资金."""
    return len(_fund_own(name)) >= 2 and not _FUND_VAGUE.match(name)
