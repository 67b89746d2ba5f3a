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
from dataclasses import dataclass, field

from studyapp.core.questions import numbers, segment
from studyapp.core.questions.enums import find_enumerations
from studyapp.core.questions.lexicon import (
    BODY_SUFFIX, FRAME_START, GENERIC, Lexicon, Unit, content_pos, refers_elsewhere)
from studyapp.core.questions.model import BLANK, Question
from studyapp.core.questions.text import norm, strip_end
from studyapp.core.questions.verify import LENGTH_RATIO

HOLE = "（　　）"
MAX_WINDOW = 100
# 可以/应当 and the directions of a rule: changing one falsifies it
MODAL_SWAPS = (("应当", "可以"), ("不得", "可以"), ("可以", "应当"))
DIRECTION_SWAPS = (("从重", "从轻"), ("从轻", "从重"), ("从严", "从宽"), ("从宽", "从严"),
                   ("增加", "减少"), ("减少", "增加"), ("以上", "以下"), ("以下", "以上"),
                   ("不少于", "不超过"), ("不超过", "不少于"), ("不得少于", "不得超过"))
_RULE_WORD = re.compile(r"应当|必须|不得|可以|有权|负责|由[^，。；]{2,14}(?:负责|决定|批准|作出|审批)|"
                        r"[从以]重|从轻|从严|从宽|禁止|严禁")
_CONJ_NEAR = ("、", "和", "与", "及", "以及", "或", "或者", "同")
# set phrases of official prose that any sentence could hold
STOCK_PHRASES = frozenset("""
高度重视 厉行节约 贯彻落实 认真落实 狠抓落实 统筹兼顾 扎实推进 稳步推进 有序推进 精心组织 周密部署 切实加强
系列重要讲话 重要讲话 总书记 严格执行 认真执行 积极稳妥 因地制宜 实事求是 与时俱进 求真务实 开拓创新
""".split())
# what a blank may hold: nouns, names of things, nominal verbs, set phrases
_TERM_POS = ("n", "nz", "nt", "nr", "ns", "vn", "l", "i", "j")
_NOUNISH = ("n", "nz", "nt", "nr", "ns", "vn", "j")


@dataclass
class Candidate:
    question: Question
    unit: Unit
    score: float
    form: str
    keys: list[str] = field(default_factory=list)  # the answer's words (for leak checks)

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
        self._body_pool = sorted(b for b, n in lex.bodies.items() if 3 <= len(b) <= 12
                                 and not refers_elsewhere(b) and b not in GENERIC)

    # --- helpers -------------------------------------------------------------------------
    def _question(self, unit: Unit, qtype: str, stem: str, options: list[str], answer,
                  quote: str | None = None, difficulty: int = 2, note: str = "") -> Question:
        quote = quote or unit.text
        expl = f"原文：“{strip_end(quote)}。”" + (f"{note}" if note else "")
        return Question(type=qtype, stem=stem, options=options, answer=answer, explanation=expl,
                        source={"section": list(unit.path), "quote": quote}, tags=tags_for(unit),
                        difficulty=difficulty)

    @staticmethod
    def _stem(ctx: str, body: str) -> str:
        return f"{ctx}：{body}" if ctx else body

    def window(self, text: str, a: int, b: int) -> tuple[int, int] | None:
        """The clauses around text[a:b] that make a statement of at most MAX_WINDOW chars."""
        if len(text) <= MAX_WINDOW:
            return 0, len(text)
        # grow over semicolon clauses first, then commas
        cuts = sorted({0, len(text), *(m.end() for m in re.finditer("[；;。]", text))})
        lo = max(c for c in cuts if c <= a)
        hi = min(c for c in cuts if c >= b)
        if hi - lo <= MAX_WINDOW and hi - lo >= 14:
            return lo, hi
        # else the clause's beginning (its subject) up to the comma after the target
        commas = [m.end() for m in re.finditer("[，,]", text) if m.end() >= b]
        for hi in commas:
            if hi - lo > MAX_WINDOW:
                break
            if hi - lo >= 20:
                return lo, hi
        return None

    @staticmethod
    def _finish(s: str) -> str:
        s = s.rstrip("，,；;、 ")
        if s and s[-1] not in "。！？”":
            s += "。"
        return s

    def _context(self, unit: Unit) -> str | None:
        ctx = unit.context()
        if ctx is None:
            return None
        return ctx

    def _ok_body(self, body: str) -> bool:
        return not refers_elsewhere(body) and "：" not in body and ":" not in body

    # --- figures -------------------------------------------------------------------------
    def figure_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        out = []
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key:
            return out
        figs = numbers.figures(unit.text)
        in_sentence = {f.value for f in figs}
        for f in figs:
            if self.lex.in_formula(unit.text, f.start, f.end):
                continue
            w = self.window(unit.text, f.start, f.end)
            if w is None:
                continue
            lo, hi = w
            wrong = numbers.rivals(f, self.lex.figure_values, 3, avoid=in_sentence)
            if len(wrong) < 3:
                continue
            body = unit.text[lo:f.start] + HOLE + unit.text[f.end:hi]
            if not self._ok_body(body):
                continue
            values = sorted([f.value] + wrong)
            options = [numbers.write(v, f) for v in values]
            if len({norm(o) for o in options}) < 4:
                continue
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "single", stem, options, [values.index(f.value)])
            out.append(Candidate(q, unit, 3.0, "figure", [f.text]))
        return out

    # --- bodies: who is responsible ----------------------------------------------------
    def actor_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key:
            return []
        text = unit.text
        if not _RULE_WORD.search(text):
            return []
        out = []
        pos = 0
        for w, t in segment.tagged(text):
            a, b = pos, pos + len(w)
            pos = b
            if len(w) < 4 or not w.endswith(BODY_SUFFIX) or w in GENERIC or self.lex.too_common(w):
                continue
            if text[b:b + 1] in "、和与及" or text[a - 1:a] in "、和与及":
                continue
            if self.lex.in_formula(text, a, b):
                continue
            after = text[b:b + 4]
            win = self.window(text, a, b)
            if win is None:
                continue
            lo, hi = win
            suffix = next(s for s in BODY_SUFFIX if w.endswith(s))
            near = sorted((x for x in self._body_pool if x.endswith(suffix) and x != w and x not in text
                           and w not in x and x not in w), key=lambda x: (abs(len(x) - len(w)), x))[:12]
            pool = [x for x in near if not self.lex.contains(x + after)]
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

    # --- fill-in on the term that carries the rule ---------------------------------------
    def fill_term(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key:
            return []
        text = unit.text
        tagged = segment.tagged(text)
        words = [w for w, _ in tagged]
        offs = []
        pos = 0
        for w in words:
            offs.append(pos)
            pos += len(w)
        enum_spans = [(e.start, e.end) for e in find_enumerations(text)]
        best: list[tuple[float, int, int]] = []
        for i in range(len(tagged)):
            for k in (1, 2):
                if i + k > len(tagged):
                    break
                chunk = tagged[i:i + k]
                if not all(t.startswith(_TERM_POS) for _, t in chunk):
                    break
                if k == 2 and len(chunk[0][0]) + len(chunk[1][0]) > 6:
                    break
                # a whole term: the words beside it are not nouns of the same compound
                if i > 0 and tagged[i - 1][1].startswith(_NOUNISH):
                    break
                if i + k < len(tagged) and tagged[i + k][1].startswith(_NOUNISH):
                    continue
                a, b = offs[i], offs[i] + sum(len(w) for w, _ in chunk)
                term = text[a:b]
                if not 2 <= len(term) <= 8 or not re.fullmatch(r"[\u4e00-\u9fff]+", term):
                    continue
                if term in GENERIC or chunk[0][0] in GENERIC:
                    continue
                nxt = tagged[i + k][1] if i + k < len(tagged) else "x"
                if chunk[-1][1].startswith(("l", "i")) and nxt.startswith(("n", "v", "a", "d")):
                    continue  # an idiom used as a verb or adverb: 高度重视…, 不折不扣执行
                if any(len(w) < 2 or not segment.has_word(w) or self.lex.too_common(w)
                       or (t.startswith("l") and len(w) != 4) or t.startswith("nr") for w, t in chunk):
                    continue
                if _clause_left(text, a, b) < 2:
                    continue
                # specific to this rule: rare in the document, and a real term, not a fragment
                if self.lex.count(term) > 2 or term in STOCK_PHRASES:
                    continue
                if len(term) < 3 and not chunk[-1][1].startswith(("nz", "nt", "i", "j", "l")):
                    continue
                if text[b:b + 1] in "（(" or text[a - 1:a] in "）)":
                    continue  # half of a bracketed term: 党委（党组）
                if re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", text):
                    continue  # stray spaces left by a PDF: the stem would read badly
                if FRAME_START.match(term) or self.lex.too_common(term):
                    continue
                if any(x <= a < y or x < b <= y for x, y in enum_spans):
                    continue
                if text[a - 1:a] in _CONJ_NEAR or text[b:b + 1] in _CONJ_NEAR or \
                        text[b:b + 2] in ("以及", "或者") or text[a - 2:a] in ("以及", "或者"):
                    continue
                if self.lex.in_formula(text, a, b):
                    continue
                rest = text[:a] + text[b:]
                if any(term[j:j + 2] in rest for j in range(len(term) - 1)):
                    continue  # the stem would echo the answer (责任 beside 责任人)
                win = self.window(text, a, b)
                if win is None:
                    continue
                lo, hi = win
                left, right = text[max(lo, a - 4):a], text[b:min(hi, b + 4)]
                if len(left) + len(right) < 4:
                    continue
                if not self._unique_frame(left, right, term):
                    continue
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
        for score, a, b in best[:1]:
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

    def _unique_frame(self, left: str, right: str, term: str) -> bool:
        """No other sentence reads the same around the blank with another word in it."""
        pat = re.escape(norm(left)) + r"([\u4e00-\u9fff]{1,10}?)" + re.escape(norm(right))
        found = {m.group(1) for m in re.finditer(pat, self.lex.full)}
        return found <= {norm(term)}

    # --- true / false on the rule itself -------------------------------------------------
    def judge(self, unit: Unit, rng: random.Random, truth: bool) -> list[Candidate]:
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key:
            return []
        text = unit.text
        changes = self._falsifications(unit)
        if not changes:
            return []
        a, b, new, why = changes[0]
        win = self.window(text, a, b)
        if win is None:
            return []
        lo, hi = win
        if truth:
            body = text[lo:hi]
            if not self._ok_body(body):
                return []
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "judge", stem, [], True)
            return [Candidate(q, unit, 2.2, "judge_true", [])]
        body = text[lo:a] + new + text[b:hi]
        if not self._ok_body(body) or self.lex.contains(strip_end(body)):
            return []
        stem = self._stem(ctx, self._finish(body))
        note = f"题中“{new}”有误，原文为“{text[a:b]}”。"
        q = self._question(unit, "judge", stem, [], False, note=note)
        return [Candidate(q, unit, 2.4, "judge_false", [])]

    def _falsifications(self, unit: Unit) -> list[tuple[int, int, str, str]]:
        text = unit.text
        out: list[tuple[int, int, str, str]] = []
        figs = numbers.figures(text)
        for f in figs:
            if self.lex.in_formula(text, f.start, f.end):
                continue
            wrong = numbers.rivals(f, self.lex.figure_values, 1, avoid={g.value for g in figs})
            if wrong:
                out.append((f.start, f.end, numbers.write(wrong[0], f), "figure"))
        # 可以/应当 carry a rule only where the text uses both as a law does
        swaps = (MODAL_SWAPS if self.lex.legal else ()) + DIRECTION_SWAPS
        for old, new in swaps:
            hits = [m.start() for m in re.finditer(re.escape(old), text)]
            if len(hits) != 1:
                continue
            a = hits[0]
            b = a + len(old)
            if a not in segment.bounds(text) or b not in segment.bounds(text):
                continue
            if old in ("以上", "以下") and not re.search(r"[\d一二三四五六七八九十百千两]", text[max(0, a - 4):a]):
                continue
            if old == "可以" and "也可以" in text:
                continue
            if self.lex.in_formula(text, a, b):
                continue
            if any(x <= a < y for x, y, _, _ in out):
                continue
            out.append((a, b, new, "modal"))
            break
        return out

    # --- lists: which belong, which does not ---------------------------------------------
    def lists(self, rng: random.Random) -> list[Candidate]:
        out: list[Candidate] = []
        all_items = []
        for n, (info, lead, items) in enumerate(self.lex.lists):
            for it in items:
                name = _item_name(it)
                if name:
                    all_items.append((n, name))
        for n, (info, lead, items) in enumerate(self.lex.lists):
            names = [_item_name(it) for it in items]
            names = [x for x in names if x]
            if len(names) < 3 or len(names) != len([i for i in items if "其他" not in i and "其它" not in i]):
                continue
            quote = self._list_quote(info)
            if quote is None:
                continue
            nq = norm(quote)
            lens = [len(x) for x in names]
            pool = [name for m, name in all_items if m != n and norm(name) not in nq
                    and _fits(name, lens) and not any(_close(name, x) for x in names)]
            pool = list(dict.fromkeys(pool))
            if not pool:
                continue
            rng.shuffle(pool)
            unit = self._unit_of(info, lead)
            if unit is None:
                continue
            subject = _list_subject(lead)
            if subject is None:
                continue
            # multiple: which belong
            k = min(len(names), 3 if len(names) >= 4 else 2)
            nw = 4 - k if len(pool) >= 4 - k else 0
            if nw:
                right = rng.sample(names, k)
                opts = right + pool[:nw]
                rng.shuffle(opts)
                stem = f"{subject}包括下列哪些？" if not subject.startswith("有下列") else \
                    lead.replace("下列", "下列哪些").replace("之一", "") + "？"
                q = self._question(unit, "multiple", stem, opts, sorted(opts.index(x) for x in right),
                                   quote=quote, difficulty=3)
                out.append(Candidate(q, unit, 3.0, "list_multiple", right))
            # single: which does not
            if len(names) >= 3 and len(pool) >= 2 and not subject.startswith("有下列"):
                wrong = pool[-1]
                right = rng.sample(names, 3)
                opts = right + [wrong]
                rng.shuffle(opts)
                stem = f"下列哪一项不属于{subject}？"
                q = self._question(unit, "single", stem, opts, [opts.index(wrong)], quote=quote)
                out.append(Candidate(q, unit, 2.8, "list_not", [wrong]))
        return out

    def _list_quote(self, info) -> str | None:
        from studyapp.core.questions.lexicon import ITEM_KINDS, _lead_in
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

    # --- inline enumerations: which fill the brackets -------------------------------------
    def inline_multiple(self, unit: Unit, rng: random.Random, pool: list[tuple[int, str]]) -> list[Candidate]:
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key:
            return []
        text = unit.text
        for e in find_enumerations(text):
            if not all(e.certain) or not 3 <= len(e.items) <= 7:
                continue
            if any(len(x) > 10 or len(x) < 2 for x in e.items):
                continue
            if self.lex.in_formula(text, e.start, e.end):
                continue
            win = self.window(text, e.start, e.end)
            if win is None:
                continue
            lo, hi = win
            body = text[lo:e.start] + HOLE + text[e.end:hi]
            if not self._ok_body(body) or len(strip_end(body).replace(HOLE, "")) < 8:
                continue
            lens = [len(x) for x in e.items]
            if max(lens) - min(lens) > 1 and not e.suffix:
                continue
            nt = norm(text)
            kind = _last_pos(e.items)
            bodies = all(x.endswith(BODY_SUFFIX + ("法院", "检察院")) for x in e.items)
            others = [x for m, x in pool if m != unit.order and norm(x) not in nt and _fits(x, lens)
                      and not any(_close(x, y) for y in e.items) and len(x) in set(lens)
                      and (x.endswith(e.suffix) if e.suffix else _last_pos([x]) == kind)
                      and (x.endswith(BODY_SUFFIX) or not bodies)]
            others = list(dict.fromkeys(others))
            if len(others) < 2:
                continue
            rng.shuffle(others)
            # the most alike first: sharing characters or the ending with the items
            chars = set("".join(e.items))
            ends = {x[-1] for x in e.items}
            others.sort(key=lambda x: -(len(set(x) & chars) + (2 if x[-1] in ends else 0)))
            others = [x for x in others if set(x) & chars or x[-1] in ends]
            if len(others) < 2:
                continue
            k = min(3, len(e.items))
            right = rng.sample(e.items, k)
            opts = right + others[:4 - k if k == 3 else 2]
            rng.shuffle(opts)
            stem = self._stem(ctx, self._finish(body)) + "括号中应填入下列哪些内容？"
            q = self._question(unit, "multiple", stem, opts, sorted(opts.index(x) for x in right),
                               difficulty=3)
            found = [Candidate(q, unit, 2.5, "inline_multiple", right)]
            # single, negative: which one the list does not hold
            if len(e.items) >= 3 and others:
                shown3 = rng.sample(e.items, 3)
                nopts = shown3 + [others[0]]
                rng.shuffle(nopts)
                nstem = self._stem(ctx, self._finish(body)) + "括号中应填入的内容不包括下列哪一项？"
                nq = self._question(unit, "single", nstem, nopts, [nopts.index(others[0])])
                found.append(Candidate(nq, unit, 2.6 if rng.random() < 0.4 else 2.4, "inline_not",
                                       [others[0]]))
            # single: one item of the list is missing
            if len(others) >= 3 and len(e.items) >= 3:
                j = len(e.items) // 2
                x, y = e.spans[j]
                sbody = text[lo:x] + HOLE + text[y:hi]
                key = e.items[j]
                wrong = [o for o in others if abs(len(o) - len(key)) <= 1][:3]
                if len(wrong) == 3 and self._ok_body(sbody):
                    sopts = [key] + wrong
                    rng.shuffle(sopts)
                    sstem = self._stem(ctx, self._finish(sbody)) + "括号中应填入的是"
                    sq = self._question(unit, "single", sstem + "？", sopts, [sopts.index(key)])
                    found.append(Candidate(sq, unit, 2.5, "inline_single", [key]))
            return found
        return []


def _clause_left(text: str, a: int, b: int) -> int:
    """How many characters of the blank's own clause stay visible (「____的，」 leaves one)."""
    lo = max(text.rfind(c, 0, a) for c in "，,；;：:。") + 1
    his = [i for i in (text.find(c, b) for c in "，,；;：:。") if i >= 0]
    hi = min(his) if his else len(text)
    return (a - lo) + (hi - b)


def _last_pos(items: list[str]) -> str:
    """The part of speech most items end with (n, v, a…): options must share it."""
    tags = []
    for it in items:
        t = segment.tagged(it)
        tags.append(t[-1][1][:1] if t else "")
    return max(sorted(set(tags)), key=tags.count)


def _item_name(item: str) -> str:
    """What an item is called when it can stand as an option: the item if short, or its
    heading (「检查。对……」 → 检查)."""
    it = strip_end(item)
    if "其他" in it or "其它" in it:
        return ""
    head = re.split(r"[。：:]", it, 1)[0]
    if head != it and 2 <= len(head) <= 12:
        return head
    if 2 <= len(it) <= 24 and not re.search(r"[，,；;]", it):
        return it
    return ""


def _list_subject(lead: str) -> str | None:
    """「对党组织的问责方式包括」 → 对党组织的问责方式; 「……有下列情形之一的，……」 kept whole."""
    lead = strip_end(lead)
    if "下列" in lead:
        return "有下列" if re.search(r"有下列[^，,]{0,6}之一", lead) else None
    m = re.fullmatch(r"(.{4,30}?)(?:主要)?(?:包括|有|是|为|如下)", lead)
    return m.group(1) if m else None


def _fits(x: str, lens: list[int]) -> bool:
    lo, hi = min(lens + [len(x)]), max(lens + [len(x)])
    return (hi + 2) / (lo + 2) <= LENGTH_RATIO


def _close(a: str, b: str) -> bool:
    """Two options that say nearly the same (one inside the other, or sharing most chars)."""
    na, nb = norm(a), norm(b)
    if na in nb or nb in na:
        return True
    common = len(set(na) & set(nb))
    return common / max(1, min(len(set(na)), len(set(nb)))) >= 0.75
