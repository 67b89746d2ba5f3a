"""Figures a cadre should know — time limits, ages, shares, counts — and their plausible rivals.

A figure is a number with its unit as the text writes it (三十日, 6个月, 年满十八周岁, 30%). Dates
of adoption, years of documents, document numbers (法发〔2017〕7号), ordinals (第三条, 第二次) and
article references are never figures: asking them is trivia. Wrong values come from the
document's own ladder of the same unit (the other time limits it sets in 日), then from the
usual ladder of that unit, always inside the range the sentence sets (「（　　）至八年」 takes no
value above 八年) and written in the same style (Chinese numerals or digits).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from studyapp.core.outline import cn_to_int
from studyapp.core.questions.text import RX

CN = "零〇一二三四五六七八九十百千两"
# the unit a figure carries; longer units first so 个工作日 wins over 日
UNITS = ("个工作日", "工作日", "个月", "周岁", "小时", "日", "天", "年", "%", "％", "倍", "人", "名", "次",
         "元", "万元", "亿元", "个", "项", "家", "所")
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
FIGURE_RE = re.compile(
    rf"(?<![{CN}\d第.．])(?P<num>\d{{1,4}}(?:\.\d+)?|[{CN}]{{1,5}})(?P<unit>{_UNIT_RE})")
# contexts that make a number trivia, not a rule
# (上一年, 前三年, 近五年 are reference periods; 以上一千元 is a bound, not one)
_TRIVIA_BEFORE = re.compile(r"(?:第|〔|［|\[|（|\(|届|号|(?<!以)上|(?<!以)前|近|同|单|唯|几|数)$")  # (同一人 is one person)
_TRIVIA_AFTER = re.compile(r"^(?:[月号届次]|度|代|多|余|以来|前后|左右|级|性|规划|计划|纲要|结构|一[\u4e00-\u9fff])")  # (二元结构 is a term)  # (五年规划 is a name)
_DATE = re.compile(rf"(?:(?:\d{{4}}|[{CN}]{{4}})年(?:\d{{1,2}}|[{CN}]{{1,3}})月(?:(?:\d{{1,2}}|[{CN}]{{1,3}})日)?|"
                   rf"(?:\d{{1,2}}|[{CN}]{{1,3}})月(?:\d{{1,2}}|[{CN}]{{1,3}})日)")
# the usual values of each unit, from which rivals are drawn when the document has too few
LADDERS: dict[str, tuple[float, ...]] = {
    "日": (1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90, 180),
    "天": (1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 90),
    "工作日": (1, 2, 3, 5, 7, 10, 15, 20, 30),
    "个工作日": (1, 2, 3, 5, 7, 10, 15, 20, 30),
    "个月": (1, 2, 3, 4, 6, 9, 12, 18, 24),
    "年": (1, 2, 3, 4, 5, 6, 7, 8, 10, 15, 20),
    "周岁": (14, 16, 18, 20, 22, 25, 28, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75),
    "小时": (2, 6, 12, 24, 36, 48, 72),
    "%": (5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80),
    "％": (5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80),
    "倍": (1, 2, 3, 4, 5, 10),
    "人": (1, 2, 3, 5, 7, 9, 11, 13, 15, 21),
    "名": (1, 2, 3, 5, 7, 9, 11, 13, 15, 21),
    "次": (1, 2, 3, 4, 5),
}
_CN_DIGITS = "零一二三四五六七八九"
# round figures a coinage may hold as one character (千人百家: 1000 doctors, 100 rooms)
MAGNITUDE = {10: "十", 100: "百", 1000: "千", 10000: "万"}


def as_character(n: int) -> str:
    """A figure as a coinage may hold it, one character: 1000 → 千, 3 → 三 ("" for any other)."""
    return MAGNITUDE.get(n, _CN_DIGITS[n] if 0 <= n <= 9 else "")


# shares written as words: 三分之二, 五分之一, 百分之六十 (quorum rules, fines, limits)
FRACTIONS: dict[str, float] = {"二分之一": 1 / 2, "三分之一": 1 / 3, "三分之二": 2 / 3, "四分之一": 1 / 4,
                               "四分之三": 3 / 4, "五分之一": 1 / 5, "五分之二": 2 / 5, "五分之三": 3 / 5,
                               "五分之四": 4 / 5, "十分之一": 1 / 10}
_FRACTION_RE = re.compile(r"(?<![百千万])([一二三四五六七八九十]{1,2})分之([一二三四五六七八九十]{1,3})")
_PERCENT_CN_RE = re.compile(r"百分之([一二三四五六七八九十百零]{1,4})")
LADDERS["分之"] = tuple(sorted(FRACTIONS.values()))
# how often a duty recurs (每季度至少检查一次): the period, as a rung of the usual ladder — its
# rivals are the neighbouring periods (每月, 每半年), never 一次 turned 两次
FREQUENCY = "每"
PERIODS: dict[str, float] = {"每日": 1, "每天": 1, "每周": 2, "每月": 3, "每个月": 3, "每季度": 4, "每季": 4,
                             "每半年": 5, "每年": 6, "每年度": 6, "每两年": 7, "每2年": 7, "每三年": 8, "每3年": 8}
_PERIOD_TEXT = {1: "每日", 2: "每周", 3: "每月", 4: "每季度", 5: "每半年", 6: "每年", 7: "每两年", 8: "每三年"}
LADDERS[FREQUENCY] = tuple(sorted(_PERIOD_TEXT))
_FREQUENCY_RE = re.compile(r"(" + "|".join(sorted(PERIODS, key=len, reverse=True)) + r")"
                           r"(?!末|初|底|开始|结束|第)(?=[^，,。；;、：:“”]{0,12}?(?:一次|1次)(?![性\d]))")
LADDERS["百分之"] = LADDERS["%"]
# counts a plan sets as its goals (到2020年……发布50项标准，建立100家示范企业): figures only in a
# sentence that sets a target, written in digits, round and at least 10 — 三项制度, 百家争鸣, 一家一户 are
# names and manners, and a count reported as a fact (全市120家企业) is trivia
COUNT_UNITS = ("个", "项", "家", "所")
_TARGET = re.compile(r"到20\d\d年|20\d\d年(?:前|底|末)|力争|目标(?!任务)")
# the round values a goal count takes (50项 beside 40, 60, 80项: the rungs a plan's drafter picks
# among) — a goal's size only; fines and grants draw their rivals from the document's own amounts
_ROUND = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8)


@dataclass(frozen=True)
class Figure:
    """A figure in a sentence: where it sits, its value, and how it is written."""

    start: int
    end: int
    text: str  # as written, with its unit
    value: float
    unit: str
    chinese: bool  # written in Chinese numerals
    low: float | None = None  # the range the sentence sets around it, when it sets one
    high: float | None = None

    @property
    def number_text(self) -> str:
        if self.unit == FREQUENCY:
            return ""  # (每季度 has no number of its own to show elsewhere)
        return self.text[: len(self.text) - len(self.unit)]


_DIGITWISE = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def to_value(num: str) -> float | None:
    try:
        if RX[r"\d+(?:\.\d+)?"].fullmatch(num):
            return float(num)
        if len(num) >= 2 and RX[r"[〇○零一二三四五六七八九]+"].fullmatch(num) and RX[r"[〇○]"].search(num):
            # 二〇三五: written digit by digit (a year), not 二 + 三十五 (cn_to_int read it as 5)
            return float(num.translate(_DIGITWISE))
        return float(cn_to_int(num.replace("两", "二")))
    except ValueError:
        return None


def int_to_cn(n: int) -> str:
    """Numbers as official texts write them: 24 → 二十四, 10 → 十, 105 → 一百零五."""
    if n < 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if rest == 0 else ("零" + int_to_cn(rest) if rest < 10 else
                                      ("一" + int_to_cn(rest) if rest < 20 else int_to_cn(rest)))
        return _CN_DIGITS[n // 100] + "百" + tail
    if n < 10000:
        rest = n % 1000
        tail = "" if rest == 0 else ("零" + int_to_cn(rest) if rest < 100 else int_to_cn(rest))
        return ("两" if n // 1000 == 2 else _CN_DIGITS[n // 1000]) + "千" + tail
    if n < 100_000_000:
        rest = n % 10000
        tail = "" if rest == 0 else ("零" + int_to_cn(rest) if rest < 1000 else int_to_cn(rest))
        return ("两" if n // 10000 == 2 else int_to_cn(n // 10000)) + "万" + tail
    return str(n)


def write(value: float, like: Figure) -> str:
    """`value` written the way `like` is written (Chinese numerals or digits, same unit)."""
    if like.unit == "分之":
        return min(FRACTIONS, key=lambda k: abs(FRACTIONS[k] - value))
    if like.unit == FREQUENCY:
        return _PERIOD_TEXT[int(value)]
    if like.unit == "百分之":
        return "百分之" + int_to_cn(int(value))
    n = int(value) if float(value).is_integer() else value
    if like.chinese and isinstance(n, int):
        num = int_to_cn(n)
        if n == 2 and (like.number_text.startswith("两") or like.unit.startswith("个") or like.unit in ("年", "名", "人", "倍")):
            num = "两"  # 两个工作日, 两年: how 2 is said before a measure
    else:
        num = str(n)
    return num + like.unit


def _in_formula(sentence: str, a: int, b: int) -> bool:
    """Whether sentence[a:b] stands inside a short quoted name (“两个一百年”)."""
    left = sentence.rfind("“", 0, a)
    if left < 0 or sentence.rfind("”", 0, a) > left:
        return False
    right = sentence.find("”", b)
    return 0 <= right and right - left <= 12


def figures(sentence: str) -> list[Figure]:
    """The figures of a sentence, with the ranges it sets (X至Y, X-Y, X以上Y以下)."""
    return list(_figures(sentence))


@lru_cache(maxsize=65536)
def _figures(sentence: str) -> tuple[Figure, ...]:
    out: list[Figure] = []
    dates = [m.span() for m in _DATE.finditer(sentence)]
    for m in FIGURE_RE.finditer(sentence):
        num, unit = m.group("num"), m.group("unit")
        a, b = m.span()
        if any(x <= a < y for x, y in dates):
            continue
        if _TRIVIA_BEFORE.search(sentence[max(0, a - 2):a]) or _TRIVIA_AFTER.match(sentence[b:b + 2]):
            continue  # (几十倍, 数十年: no figure to learn)
        if unit == "年" and (RX[r"(?:过去|今后|未来|这|那)的?$"].search(sentence[max(0, a - 3):a]) or sentence[b:b + 1] == "来"):
            continue  # 「过去的一年」「今后五年」「五年来」: the report's own span, no figure to learn (round 85)
        if _in_formula(sentence, a, b):
            continue  # 「两个一百年」「四个意识」: a name in quotes, not a figure
        if RX[r"\d[，,]$"].search(sentence[max(0, a - 2):a]) or RX[r"\d{1,3}[，,]\d{3}"].match(sentence, a):
            continue  # 「4，376亿元」: a figure written with a thousands comma, not two figures (round 86)
        if sentence[a - 1:a] in ("/", "／") or not unit and sentence[b:b + 1] in ("/", "／"):
            continue  # 「建筑层高的1/3倍」: a fraction's half, blanked it reads 「1/（　　）」 (round 83)
        value = to_value(num)
        if value is None or value <= 0:
            continue
        if unit == "年" and value == 1 and RX[r"(?:关键|重要|特殊|攻坚|决胜|冲刺|开局|起步|收官|转折|平凡|奋进|奠基|新)的?$"].search(
                sentence[max(0, a - 4):a]):
            continue  # 「……承上启下的关键一年」「新的一年，……」: what the year is called, no figure (关键两年 —
            # rounds 87-88)
        if unit in ("亿元", "万元", "元", "亿") and RX[r"(?:级)?(?:企业|产业|集群|园区)"].match(sentence, b):
            continue  # 「100亿元企业突破2户」: a size band (百亿企业), 85亿元企业 is no rival (round 87)
        if sentence[a - 1:a] == "每" and num in ("十", "百", "千", "万", "十万", "百万"):
            continue  # 「每千人口托位数4.5个」: the base of a rate, not a figure (每____人口 — round 87)
        if unit == "年" and value >= 1900:
            continue  # a year: the date of something, not a rule
        if unit in ("次", "年") and RX[r"[\u4e00-\u9fff]"].match(sentence[b:b + 1]) \
                and not RX[r"[以的及或和内后前之起至来间期为满或、届度以上下有徒]"].match(sentence[b:b + 1]):
            continue  # 二次中毒, 九年义务教育: a name, not a figure
        if unit == "次" and value == 1:
            continue  # 一次使用, 一次性: a manner, not a count to learn
        if unit in COUNT_UNITS and not (unit == "个" and RX[r"^[\u4e00-\u9fff]{0,2}(?:月|工作日)"].match(sentence[b:b + 3])):
            if not (num.isdigit() and value >= 10 and value % 5 == 0 and _TARGET.search(sentence)):
                continue  # (151项年度目标任务: a tally, and 150 beside it a quibble — round 77)
        chinese = not num[0].isdigit()
        if chinese and a > 0 and (sentence[a - 1] in "〇○零" or num.startswith("一") and sentence[a - 1] in _ONE_WORDS):
            continue  # 「统一名录」「同一个」: a word, not 一名; 「到二〇三五年」: a year, not 五年 (round 81)
        if unit == "年" and value == 5 and _FIVE_YEAR_PLAN.search(sentence):
            continue  # 「“十四五”时期是……极不平凡的五年」: the plan's name says it
        out.append(Figure(a, b, sentence[a:b], value, unit, chinese))
    for m in _FRACTION_RE.finditer(sentence):
        try:
            den, num_ = cn_to_int(m.group(1)), cn_to_int(m.group(2))
        except ValueError:
            continue
        if m.group() in FRACTIONS and den:
            out.append(Figure(m.start(), m.end(), m.group(), num_ / den, "分之", True))
    for m in _PERCENT_CN_RE.finditer(sentence):
        try:
            v = cn_to_int(m.group(1))
        except ValueError:
            continue
        if 0 < v <= 100 and float(v) in set(LADDERS["%"]):
            out.append(Figure(m.start(), m.end(), m.group(), float(v), "百分之", True))
    for m in _FREQUENCY_RE.finditer(sentence):
        a, b = m.span(1)
        out = [f for f in out if f.end <= a or f.start >= b]  # (每两年: the period, not 两年)
        out.append(Figure(a, b, m.group(1), PERIODS[m.group(1)], FREQUENCY, True))
    out.sort(key=lambda f: f.start)
    return tuple(_with_ranges(sentence, out))


_FIVE_YEAR_PLAN = re.compile(r"十[一二三四五六七八九]?五”?(?:时期|规划|期间)")


# the characters that make a word with 一 after them (统一, 唯一, 同一, 逐一): no figure starts there
_ONE_WORDS = "统唯同逐划万专单合归均不之"


def _with_ranges(sentence: str, figs: list[Figure]) -> list[Figure]:
    """Mark the bounds of ranges: a value may not cross its partner (二年至八年, 10%-50%)."""
    res = list(figs)
    for i in range(len(res) - 1):
        x, y = res[i], res[i + 1]
        between = sentence[x.end:y.start]
        # the first bound may carry its unit (三年至七年) or not (三至七年)
        same_unit = x.unit == y.unit or x.end == y.start
        if same_unit and re.fullmatch(r"\s*(?:至|到|-|－|—|~|～|以上|以上、)\s*", between):
            res[i] = _replace(x, high=y.value)
            res[i + 1] = _replace(y, low=x.value)
    # 三至七年: "三" has no unit of its own; it is found as the low end of "七年"
    for i, f in enumerate(res):
        m = re.search(rf"([{CN}\d]+)\s*(?:至|到|-|－|—|~|～)\s*$", sentence[:f.start])
        if m and f.low is None:
            low = to_value(m.group(1))
            if low is not None and low < f.value:
                res[i] = _replace(f, low=low)
    return res


def _replace(f: Figure, **kw: float | None) -> Figure:
    """f with its range bounds (low, high) changed."""
    return dataclasses.replace(f, **kw)  # type: ignore[arg-type]  # (only low/high: floats)


def rivals(fig: Figure, doc_values: dict[str, set[float]], n: int = 3,
           avoid: set[float] | frozenset[float] = frozenset(),
           siblings: tuple[float, ...] = ()) -> list[float]:
    """Up to `n` wrong values for `fig`: the document's own values of the unit first, then the
    usual ladder, nearest first, inside the sentence's range, never a multiple far away."""
    pool = set(doc_values.get(fig.unit, set())) | set(LADDERS.get(fig.unit, ()))
    if fig.unit in COUNT_UNITS and fig.value >= 10 and fig.value == int(fig.value) and not fig.chinese:
        scale = 10 ** (len(str(int(fig.value))) - 1)
        pool |= {m * k for m in _ROUND for k in (scale // 10 or 1, scale, scale * 10)} - {fig.value}
    if fig.unit == "周岁" and len(doc_values.get(fig.unit, set())) >= 3:
        # ages are the law's own thresholds (八、十四、十六、十八周岁): a rung it never names
        # (二十周岁 for a minor) is out of range, not a rival
        pool = set(doc_values[fig.unit])
    if fig.unit in ("%", "％", "百分之"):
        # on the key's side of 100 %: 130 % among 60/70/80 % would give itself away
        pool = {v for v in pool if v < 100} if fig.value < 100 else {
            v for v in pool | {110, 120, 130, 150, 200} if v > 100}
    lo = fig.low if fig.low is not None else None
    hi = fig.high if fig.high is not None else None
    # a ladder in the sentence (绝密级三十年，机密级（　　），秘密级十年): stay between its rungs
    below = [v for v in siblings if v < fig.value]
    above = [v for v in siblings if v > fig.value]
    if below:
        lo = max(below) if lo is None else max(lo, max(below))
    if above:
        hi = min(above) if hi is None else min(hi, min(above))
    cands = []
    round_key = fig.unit in ("人", "名") and fig.value >= 10 and fig.value % 10 == 0
    for v in pool:
        if v == fig.value or v in avoid or v <= 0:
            continue
        if round_key and v % 5:
            continue  # 三十人 among 二十一人, 二十九人: a law counts members in round numbers
        if fig.unit == "倍" and fig.value > 1 and v <= 1:
            continue  # 「高于或者等于……标准但低于……标准（　　）」: 1倍 is the standard itself, the range empty (round 59)
        if lo is not None and v <= lo:
            continue
        if hi is not None and v >= hi:
            continue
        # never a value that is far off (七年 → 二十一年, 怀孕七个月 → 十二个月): within ×2 of the
        # key, both ways
        if v > max(fig.value * 2 + 1, fig.value + 3) or v * 2 + 1 < fig.value:
            continue
        if fig.chinese and not float(v).is_integer() and fig.unit != "分之":
            continue
        if float(fig.value).is_integer() and not float(v).is_integer() and fig.unit not in ("分之", "%", "％"):
            continue  # 「营业收入（　　）以上」 keyed 50亿元 beside 42.1亿元 taken from a report elsewhere (round 77)
        ours = v in doc_values.get(fig.unit, set())
        cands.append((abs(_rank_distance(v, fig.value)), 0 if ours else 1, v))
    cands.sort()
    if not float(fig.value).is_integer() or any(not float(c[2]).is_integer() for c in cands):
        # 39% beside 39.1%, 19.1% beside 19.2%: options a tenth apart test a decimal, not the figure (round 85)
        apart: list[tuple[float, int, float]] = []
        for c in cands:
            if all(abs(c[2] - w) >= 0.03 * max(abs(w), abs(c[2])) for w in [fig.value] + [x[2] for x in apart]):
                apart.append(c)
        cands = apart
    if fig.unit in ("%", "％") and fig.value % 5 == 0 and sum(1 for c in cands if float(c[2]).is_integer()) >= n:
        # 93.5% (another rate's figure) beside 70%, 80%, 90%: it gives itself away (round 83)
        cands = [c for c in cands if float(c[2]).is_integer()]
    return [v for _, _, v in cands[:n]]


def _rank_distance(v: float, key: float) -> float:
    """How far two values are, on a log scale (3 and 5 are as close as 30 and 50)."""
    import math

    return math.log(v / key)


_CN_DIGIT = {2: "二两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}


def decimals(v: float) -> int:
    """How many decimals a value is written with (0.04 → 2, 0.3 → 1, 30 → 0)."""
    text = f"{v:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def restated(text: str, f: Figure) -> bool:
    """Whether the sentence says the figure again in other words: an equivalent in brackets
    (「2年(即24个月)」, 「装修平均10年（年折旧率10%）」 — round 75) or the same count in a word
    beside it (「2人可合租1套二居室」)."""
    if RX[r"\s*[（(][^（）()]{0,8}?[\d一二三四五六七八九十百]"].match(text[f.end:f.end + 12]) \
            or RX[r"[\d一二三四五六七八九十百][\u4e00-\u9fff]{0,2}[（(][^（）()\d]{0,8}$"].search(text[max(0, f.start - 14):f.start]) \
            or RX[r"\s*[（(](?:即|合|折合|约)"].match(text[f.end:f.end + 3]) \
            or RX[r"[（(](?:即|合|折合|约)[^（）()]{0,3}$"].search(text[max(0, f.start - 6):f.start]):
        return True
    digits = _CN_DIGIT.get(int(f.value)) if f.value == int(f.value) else None
    return bool(digits) and bool(re.search(f"[{digits}](?:居室|室|人间|人户|人座)", text))


def given_otherwise(text: str, f: Figure) -> bool:
    """Whether asking the figure tests nothing: the sentence restates it, or it is a count word."""
    return restated(text, f) or count_word(text, f)


def count_word(text: str, f: Figure) -> bool:
    """Whether the figure is a count word, not a rule's number: 「其中一人要求分户」 (one of them),
    「赔偿义务人为两人以上的」 (more than one) — blanked, it tests plural and singular (round 61)."""
    if f.value > 2 or f.unit not in ("人", "名", "个", "户", "家", "方"):
        return False
    return bool(re.search(r"(?:其中|中有|之中)$", text[max(0, f.start - 3):f.start])) \
        or (f.value == 2 and bool(re.match(r"(?:人|名|个|户|家|方)?(?:以上|及以上)", text[f.end - len(f.unit):f.end + 3])))
