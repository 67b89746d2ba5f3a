"""Figures: which number a rule sets (「……自收到申请之日起（　　）内作出决定」), as a choice
among the document's own ladder of that unit, or as a blank on the number."""

from __future__ import annotations

import itertools
import math
import random
import re

from studyapp.core.questions import numbers
from studyapp.core.questions.formbase import (
    _FILL_UNITS,
    _HIGHER_LAW_ELSE,
    HOLE,
    Candidate,
    FormBase,
)
from studyapp.core.questions.lexicon import Unit
from studyapp.core.questions.model import BLANK
from studyapp.core.questions.numbers import Figure
from studyapp.core.questions.text import norm, strip_end


class FigureForms(FormBase):
    # --- the fine an offence carries ------------------------------------------------------
    def range_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        """The range of the fine for the offence the sentence names (「……擅自关闭运输机场的，
        由……责令改正，处（　　）的罚款」), the document's other fine ranges of the same kind
        (amounts, or multiples of the illegal gain) as options, nearest in size first. A law
        repeats its few ranges over dozens of offences, so a single figure of them is a formula
        nobody can place (10万元 starts five ranges); the pair is what an offence carries. One
        range keys two questions of a document at most."""
        text = unit.text
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key or "下列" in text or _HIGHER_LAW_ELSE.search(text):
            return []
        ranges = _fine_ranges(text)
        if not ranges:
            return []
        a, b, kind, lo, hi = ranges[0]
        if not re.search(r"的[，,]", text[:a]) or re.search(r"情节(?:较轻|较重|严重|特别严重)的[，,]$|[，,]$",
                                                          text[:a].replace("处", "").rstrip("并可以")) is None:
            return []  # the offence must be named before the fine, and the fine open its clause
        if re.search(r"情节(?:较轻|较重|严重|特别严重)", text[:a]) or re.search(r"违法所得[^，,；;。]{0,10}(?:不足|以上)", text[:a]):
            return []  # 「情节严重的，处……」: a second rung, read apart from the first it tests a formula
        key_text = text[a:b]
        if self._range_uses.get((kind, lo, hi), 0) >= 2:
            return []
        here = {(k, x, y) for _, _, k, x, y in ranges}
        pool = [(x, y, t) for (k, x, y), t in self._doc_ranges().items() if k == kind and (k, x, y) not in here]
        for k, x, y in here - {(kind, lo, hi)}:
            if k == kind and hi <= x:  # 「逾期不改正的，处（　　）的罚款；情节严重的，处三千元以上一万元以下的罚款」:
                pool = [r for r in pool if r[1] <= x]  # a rung above it shown, every option keeps below it (round 66)
            elif k == kind and lo >= y:
                pool = [r for r in pool if r[0] >= y]
        if kind == "元":
            for f in numbers.figures(text[:a]):
                if f.unit in _YUAN and re.match(r"以下(?:的)?罚款", text[f.end:f.end + 5]):
                    below = f.value * _YUAN[f.unit]  # 「可以并处5万元以下的罚款；拒不改正的，并处（　　）的罚款」:
                    pool = [r for r in pool if r[0] >= below]  # the heavier case starts at 5万 (round 90)
        if len(pool) < 3:
            return []
        mid = math.log(lo * hi)
        pool.sort(key=lambda r: (abs(math.log(r[0] * r[1]) - mid), r[0]))
        chosen = sorted([(lo, hi, key_text)] + pool[:3])
        options = [t for _, _, t in chosen]
        if len({norm(o) for o in options}) < 4 or any(o != key_text and o in text for o in options):
            return []
        w = self.window(text, a, b)
        if w is None:
            return []
        lo_, hi_ = w
        body = self.opening(text, lo_) + text[lo_:a] + HOLE + text[b:hi_]
        if not self._ok_body(body) or len(strip_end(body)) < 16:
            return []
        self._range_uses[(kind, lo, hi)] = self._range_uses.get((kind, lo, hi), 0) + 1
        stem = self._stem(ctx, self._finish(body))
        q = self._question(unit, "single", stem, options, [options.index(key_text)])
        return [Candidate(q, unit, 2.4, "range", [f"{key_text}@{unit.order}"])]

    def _doc_ranges(self) -> dict[tuple[str, float, float], str]:
        """Every fine range of the document, by kind and bounds, as the text first writes it."""
        if self._ranges is None:
            self._ranges = {}
            for u in self.lex.units:
                for a, b, kind, lo, hi in _fine_ranges(u.text):
                    self._ranges.setdefault((kind, lo, hi), u.text[a:b])
        return self._ranges

    # --- figures -------------------------------------------------------------------------
    def figure_single(self, unit: Unit, rng: random.Random) -> list[Candidate]:
        out: list[Candidate] = []
        ctx = self._context(unit)
        if ctx is None or unit.key in self.lex.repeated_key or _HIGHER_LAW_ELSE.search(unit.text):
            return out  # (「最长不得超过三年，但法律、行政法规另有规定的除外」: the law may say two)
        figs = numbers.figures(unit.text)
        in_sentence = {f.value for f in figs}
        for f in figs:
            if self.lex.in_formula(unit.text, f.start, f.end):
                continue
            if unit.text[f.end:f.end + 1] in ("期", "制"):
                continue  # 「1年期贷款市场报价利率」 names a product: 2年期 is no rival, it does not exist (round 37);
                # 「三人制篮球场」 a kind of court (round 71)
            if numbers.given_otherwise(unit.text, f):
                continue  # 「一般为2年(即24个月)」「2人可合租1套二居室」: the stem says the figure again (round 61)
            if f.unit in ("%", "％") and any(g is not f and g.unit == f.unit and abs(g.value + f.value - 100) < 1e-9
                                             for g in figs):
                continue  # 「积累率30%……消费率（　　）」: the other share gives it (round 86)
            if _unsaid_pair(unit.text, f):
                continue  # 「城乡低保标准平均提高3%和（　　）」: which of the pair is the towns', the text never says (round 89)
            row = sorted((g for g in figs if g.unit == f.unit), key=lambda g: g.start)
            run = sorted(g.value for g in row)
            if len(run) >= 3 and len({round(y - x, 9) for x, y in zip(run, run[1:], strict=False)}) == 1 \
                    and all(re.fullmatch(r"、|或者?|和|及", unit.text[g.end:h.start]) for g, h in zip(row, row[1:], strict=False)):
                continue  # 「有效期可为1年、2年或（　　）」: the row's next step is plain to anyone (round 68)
            word = numbers.MAGNITUDE.get(int(f.value)) if f.value == int(f.value) else None
            if word and re.search(f"“[^”]*{word}[^”]*”", unit.text):
                continue  # 「实施“千人百家”……工程，……培训约（　　）名……家庭医生」: the name says 1000 (round 68)
            if f.text in self.lex.document.title:
                continue  # 「……三年行动方案」 over the page: 「（　　）内」 keyed 三年 is given away (round 54)
            if f.unit == "%" and f.value == 100:
                continue  # 「按扣除标准的100%扣除」: the whole, and every rival above it absurd (round 57)
            shares = [g.value for g in figs if g.unit == "%"]
            if f.unit == "%" and (any(g is not f and g.unit == "%" and abs(g.value + f.value - 100) < 1e-9 for g in figs)
                                  or len(shares) >= 3 and abs(sum(shares) - 100) < 1e-9):
                # 「镇级承担（　　），村级承担30%」(round 60), 「先行拨付……40%；……拨付……40%；……（　　）的
                # 尾款」(round 64): the shares make 100 %, the stem gives the one asked
                continue
            if (f.high is not None and sum(1 for g in figs if g.unit == f.unit and g.value == f.high) >= 2) \
                    or (f.low is not None and sum(1 for g in figs if g.unit == f.unit and g.value == f.low) >= 2):
                continue  # 「留用率达到（　　）-60%、60%-70%、70%及以上」: a bound of tiers that step by ten (round 76)
            if f.unit == "%" and _shares_whole(unit.text, [g for g in figs if g.unit == "%"]):
                continue  # 「购房当年发放补贴总额的（　　），第2至5年各发放……15%」: 100 − 4 × 15 (round 75)
            if f.unit in ("日", "天", "个月", "年", "小时") and f.value == int(f.value) and re.search(
                    f"第(?:{int(f.value) + 1}|{numbers.int_to_cn(int(f.value) + 1)}){re.escape(f.unit)}",
                    unit.text[:f.start] + unit.text[f.end:]):
                continue  # 「修理时间超过（　　）的，……自第6日起提供备用车」: the day after gives it (round 75)
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
            if len(wrong) < 3 or _TARGET_PAIR.match(unit.text, f.end) and any(
                    g.unit == f.unit and g.start > f.end for g in figs):
                # (「突破2400亿元、力争2600亿元」: the rivals are drawn below the second figure, far below —
                # the number itself is asked (round 87))
                fill = self._figure_fill(unit, ctx, f, figs, lo, hi)
                if fill is not None:
                    out.append(fill)
                continue
            shown = unit.text[lo:f.start] + unit.text[f.end:hi]
            if any(g is not f and g.value == f.value and g.unit == f.unit for g in figs) or f.text in shown:
                continue  # the stem would give the answer (每次不得超过三个月)
            if _number_shown(f, _blotted(unit.text, figs, lo, hi)):
                continue  # 「一般不超过5个子项目……周期一般不超过（　　）」 keyed 5年: the other 5 hints it (round 64)
            body = self.opening(unit.text, lo) + unit.text[lo:f.start] + HOLE + unit.text[f.end:hi]
            if not self._ok_body(body):
                continue
            if (f.value == int(f.value) and f.value % 5 and all(v == int(v) and v % 10 == 0 for v in wrong)) \
                    or (f.value != int(f.value) and all(v == int(v) for v in wrong)) \
                    or (f.value == int(f.value) and all(v != int(v) for v in wrong)) \
                    or ("." in f.text and numbers.decimals(f.value) > max(numbers.decimals(v) for v in wrong)):
                continue  # 88% beside 60%, 70%, 80%: the one figure that is not round is the key (round 54)
            values = sorted([f.value] + wrong)
            if f.unit == numbers.FREQUENCY and values[-1] - values[0] != len(values) - 1:
                continue  # 每季度, 每半年, 每两年, 每三年 without 每年 (said elsewhere): the options skip a
                # rung, and the key stands out as the odd one (round 73)
            options = [numbers.write(v, f) for v in values]
            if len({norm(o) for o in options}) < 4:
                continue
            stem = self._stem(ctx, self._finish(body))
            q = self._question(unit, "single", stem, options, [values.index(f.value)])
            # (the figure with the words after it keys the rule: 二十日 decides one rule and reviews
            # another, but 「2倍以上5倍以下的罚款」 asked twice is the same question)
            # (how often, 每年召开一次, is asked only where the sentence sets no other figure)
            score = 2.9 if f.unit == numbers.FREQUENCY else 3.0
            out.append(Candidate(q, unit, score, "figure", [f.text, f.text + unit.text[f.end:f.end + 5]],
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
        if any(g is not f and g.value == f.value for g in figs) or numbers.given_otherwise(text, f) \
                or re.search(r"[至到~—－-]$", text[max(0, f.start - 1):f.start]) or re.match(r"[至到~—－-]", text[f.end:f.end + 1]):
            return None  # the stem shows the figure again, or it is one end of a range
        if re.match(r"(?:以上|以下|以内|之内|内)?(?:[^，,。；;]{0,6})?(?:或者|或|至)", text[f.end:f.end + 8]) \
                and re.search(r"(?:或者|或)[\d一二三四五六七八九十百千两]", text[f.end:f.end + 10]):
            return None  # 「三日或者五日」: two figures, either could be asked
        a, b = f.start, f.start + len(number)
        body = self.opening(text, lo) + text[lo:a] + BLANK + text[b:hi]
        if not self._ok_body(body) or len(strip_end(body).replace(BLANK, "")) < 14:
            return None
        stem = self._stem(ctx, self._finish(body))
        q = self._question(unit, "fill", stem, [], [number])
        return Candidate(q, unit, 2.2, "figure_fill", [f.text, f.text + text[f.end:f.end + 5]])


# a floor and the goal beyond it: 「突破2400亿元、力争2600亿元」
_TARGET_PAIR = re.compile(r"[以左右]{0,2}[、，,](?:力争|争取)(?:达到|突破|超过)?[\d.．]")


def _unsaid_pair(text: str, f: Figure) -> bool:
    """Whether the figure is one of a pair 「城乡……X和Y」 that does not say which is whose (no 分别)."""
    lo = max(text.rfind(c, 0, f.start) for c in "，,；;。") + 1
    his = [i for i in (text.find(c, f.end) for c in "，,；;。") if i >= 0]
    clause = text[lo:min(his) if his else len(text)]
    return "城乡" in clause and "分别" not in clause and bool(re.search(r"[\d.．]+[%％]?和[\d.．]+", clause))


_NUMERALS = "0123456789.．一二三四五六七八九十百千万两〇零"


def _blotted(text: str, figs: list[Figure], lo: int, hi: int) -> str:
    """text[lo:hi] with every figure blotted out: the ladder's own figures are fair to show."""
    chars = list(text[lo:hi])
    for g in figs:
        for i in range(max(g.start, lo), min(g.end, hi)):
            chars[i - lo] = "|"
    return "".join(chars)


def _shares_whole(text: str, shares: list[Figure]) -> bool:
    """Whether a sentence's percentages, each counted as often as the periods it covers
    (「第2至5年各发放……15%」: four times), make up the whole: the one asked is the rest."""
    if len(shares) < 2:
        return False
    total = 0.0
    for g in shares:
        m = re.search(r"第?(\d+|[一二三四五六七八九十]+)(?:至|到|-|—|～)(\d+|[一二三四五六七八九十]+)(?:年|个月|期)(?:[^，,。；;%]{0,4})?(?:各|每年|每期|分别)"
                      r"[^，,。；;]{0,16}$", text[max(0, g.start - 30):g.start])
        times = 1
        if m is not None:
            lo, hi = numbers.to_value(m.group(1)), numbers.to_value(m.group(2))
            if lo is not None and hi is not None and hi > lo:
                times = int(hi - lo + 1)
        total += times * g.value
    return abs(total - 100) < 1e-9


def _number_shown(f: Figure, shown: str) -> bool:
    """Whether the figure's number stands in the rest of the stem (its other figures blotted out)
    as a plain count of something else: 「5个子项目」 beside 「（　　）」 keyed 5年."""
    n = f.number_text
    # (a Chinese numeral counts only before a measure word: 「三农」「两级」 count nothing)
    after = "" if n[:1].isascii() else "(?=[个项名人次家批轮])"
    return bool(n) and re.search(f"(?<![{_NUMERALS}]){re.escape(n)}(?![{_NUMERALS}%％]){after}", shown) is not None


_YUAN = {"元": 1.0, "万元": 10000.0}


def _fine_ranges(text: str) -> list[tuple[int, int, str, float, float]]:
    """The fine ranges of a sentence (处一万元以上五万元以下罚款, 违法所得一倍以上三倍以下的罚款):
    start and end of 「X以上Y以下」, the kind (元 or 倍) and both bounds in that kind."""
    figs: list[Figure] = numbers.figures(text)
    out = []
    for x, y in itertools.pairwise(figs):
        if text[x.end:y.start] != "以上" or not re.match(r"以下(?:的)?罚款", text[y.end:y.end + 5]):
            continue
        if x.unit in _YUAN and y.unit in _YUAN:
            kind, lo, hi = "元", x.value * _YUAN[x.unit], y.value * _YUAN[y.unit]
        elif x.unit == y.unit == "倍":
            kind, lo, hi = "倍", x.value, y.value
        else:
            continue
        if 0 < lo < hi:
            out.append((x.start, y.end + 2, kind, lo, hi))
    return out
