"""Find enumerations (X、Y、Z和W) in a sentence and cut them into items.

Official texts list things with 、 and join the last item with 和/及/以及/与/或者. The first
segment carries the words before the list (把公众参与 → 公众参与) and the last one the words
after it (集体讨论决定作为… → 集体讨论决定): we trim them with the segmenter, using the
middle items (which 、 delimits exactly) as the yardstick, and shared prefixes/suffixes
(维护…、维护…; 权力清单、责任清单、服务清单) when the items have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from studyapp.core.questions import segment

_CLAUSE_SPLIT = re.compile(r"[，,；;。：:！？!?（）()]")
CONJ = ("以及", "或者", "和", "及", "或")
# words that begin a list's frame before its first item
_LEAD_STOP = {"把", "以", "在", "对", "为", "和", "及", "将", "使", "向", "从", "由", "的", "是", "包括",
              "重点", "推进", "加强", "坚持", "实现", "建设", "加快", "深入", "全面", "严格", "依法",
              "进一步", "按照", "根据", "通过", "有", "与", "同", "做到", "要", "不准", "禁止", "反对",
              "防止", "克服", "搞", "涉及", "开展", "进行", "实行", "落实", "建立", "健全", "完善",
              "规范", "公开", "存在", "出现", "等", "中", "上", "在于", "就", "了", "都", "必须",
              "严禁", "不得", "不", "还", "也", "并", "其", "对于", "关于", "采取", "采用", "可以",
              "应当", "决不", "接受", "特别", "主要", "主要是", "推动", "促进", "提高", "增强", "保障",
              "保证", "确保", "强化", "提升", "形成", "作出", "给予", "用", "靠", "即", "是否"}
# words after which a list's frame continues
_TAIL_STOP = {"等", "的", "为", "作为", "是", "在", "中", "方面", "领域", "相", "有机", "得到", "都",
              "均", "之", "和", "及", "以及", "与", "或", "或者", "等等", "各", "相结合",
              "统一", "不同", "程度", "存在", "上",
              "下", "时", "后", "前", "以", "向", "对", "从", "进行", "由", "要", "必须", "应当",
              "可以", "不", "并", "到", "于", "给予", "一并", "一体", "全面",
              "相互", "结合", "同", "共同", "所", "成为", "达到", "作", "做", "搞", "提供", "实施",
              "突出", "严重", "屡禁不止", "滋生", "蔓延", "组成", "设立", "构成", "参加", "共管", "过程"}
# heads a list's frame puts after its last item (…举报和公开制度): not part of the item
FRAME_HEADS = ("制度", "机制", "体系", "办法", "工作", "规定")
# frame words that may also open an item (公开 in 责令公开道歉): look one word further
_SOFT_STOP = {"公开", "规范", "建设", "实施", "落实", "完善", "严格", "强化", "提高", "保障", "保证", "确保"}
_ITEM_BAD = re.compile(r"[，,。；;：:！？!?（）()\s]")


@dataclass
class Enumeration:
    """A list inside a sentence: its items and where they sit in the sentence."""

    items: list[str]
    spans: list[tuple[int, int]]  # offsets of each item in the sentence
    certain: list[bool]  # whether the item's edges are sure (trimmed ends may not be)
    start: int  # start of the first item
    end: int  # end of the last item
    prefix: str = ""  # shared prefix of the items (e.g. 维护)
    suffix: str = ""  # shared suffix (e.g. 清单)

    @property
    def kind(self) -> str:
        """A rough grammatical kind: the shared ending, else the last char most items share."""
        if self.suffix:
            return self.suffix[-2:]
        ends = [it[-1] for it in self.items]
        top = max(sorted(set(ends)), key=ends.count)
        return top if ends.count(top) * 2 > len(ends) else ""


def _common_prefix(items: list[str]) -> str:
    if len(items) < 2:
        return ""
    p = items[0]
    for it in items[1:]:
        k = 0
        while k < min(len(p), len(it)) and p[k] == it[k]:
            k += 1
        p = p[:k]
    return p


def _common_suffix(items: list[str]) -> str:
    return _common_prefix([it[::-1] for it in items])[::-1]


def _pick(cands: list[tuple[str, bool]], target: float) -> tuple[str, bool]:
    """Choose among growing candidates: of the natural boundaries (stop word, clause edge)
    within reach, the one closest to the middle items' length (ties: the longer, so 责令公开道歉
    beats 道歉 among four-character items); otherwise the closest candidate of any kind."""
    natural = [c for c in cands if c[1] and len(c[0]) <= target * 1.6 + 1]
    if natural:
        best = min(natural, key=lambda c: (abs(len(c[0]) - target), -len(c[0])))
        return best[0], True
    best = min(cands, key=lambda c: (abs(len(c[0]) - target), -len(c[0])))
    return best[0], False


def _trim_first(seg: str, target: float, prefix: str, verb_first: bool = False) -> tuple[str, bool]:
    """The first item: the end of the first segment, as long as the middle items.

    Returns the item and whether its left edge is certain (a stop word or clause start).
    """
    if prefix:
        idx = seg.rfind(prefix)
        if idx >= 0:
            return seg[idx:], True
    toks = segment.tokens(seg)
    if toks and toks[-1] in _LEAD_STOP and (toks[-1] not in _SOFT_STOP or len(toks) < 2):
        return "", False
    # a verb opening the clause governs the list (构建不敢腐、不能腐…): not part of the item
    lead = 1 if len(toks) > 1 and verb_first and segment.pos_of(toks[0]) == "v" else 0
    cands: list[tuple[str, bool]] = []
    out = ""
    k = len(toks)
    while k > lead:
        k -= 1
        out = toks[k] + out
        if segment.pos_of(toks[k]) == "p" and toks[k] not in ("和", "及", "与"):
            break
        if toks[k] in ("和", "及", "与"):
            # 对财政收入和支出管理: "A和B管理" is one item when A is a word of its own
            if k - 1 >= lead and toks[k - 1] not in _LEAD_STOP and re.fullmatch(r"[\u4e00-\u9fff]{2,}", toks[k - 1]):
                continue
            break
        joined = toks[k - 1] in ("和", "及", "与") and k - 2 >= lead and toks[k - 2] not in _LEAD_STOP \
            and bool(re.fullmatch(r"[\u4e00-\u9fff]{2,}", toks[k - 2]))
        natural = k == lead or (toks[k - 1] in _LEAD_STOP and not joined)
        cands.append((out, natural))
        if natural and k > 0 and (len(out) >= target or toks[k - 1] not in _SOFT_STOP):
            break
        if len(out) > target * 3 + 4:
            break
    return _pick(cands, target) if cands else ("", False)


def _trim_last(seg: str, target: float, suffix: str, heads_in_items: bool = True) -> tuple[str, bool]:
    """The last item: the start of the last segment, up to where the list's frame resumes."""
    if suffix:
        idx = seg.find(suffix)
        if idx >= 0 and idx + len(suffix) <= target * 2 + 2:
            return seg[: idx + len(suffix)], True
    toks = segment.tokens(seg)
    if toks and toks[0] in _TAIL_STOP:
        return "", False
    cands: list[tuple[str, bool]] = []
    out = ""
    for k, tok in enumerate(toks):
        out += tok
        # 提取、封存、举报和公开制度: the frame's head (制度) is not part of a short last item
        natural = k == len(toks) - 1 or toks[k + 1] in _TAIL_STOP or (
            toks[k + 1] in FRAME_HEADS and not heads_in_items)
        cands.append((out, natural))
        if natural and k < len(toks) - 1:
            break
        if len(out) > target * 3 + 4:
            break
    return _pick(cands, target) if cands else ("", False)


def _split_conj(seg: str, prefix: str, target: float) -> tuple[str, str] | None:
    """Split "合法性审查和集体讨论决定作为…" at its conjunction when both sides are items."""
    toks = segment.tokens(seg)
    pos = 0
    for k, tok in enumerate(toks):
        if tok in CONJ and k > 0:
            before, after = seg[:pos], seg[pos + len(tok):]
            if not before or not after or len(before) > target * 2 + 2:
                return None
            if any(t in _TAIL_STOP for t in toks[:k]):
                return None
            if prefix and len(prefix) >= 2 and not after.startswith(prefix):
                return None
            if after[:1] in "的之":
                return None
            return before, tok
        pos += len(tok)
    return None


def find_enumerations(sentence: str, min_items: int = 3) -> list[Enumeration]:
    """All 、-lists of at least `min_items` items in a sentence, with their item spans (a new
    list each call; the lists found are shared: nobody changes them)."""
    if "、" not in sentence:
        return []
    return list(_enumerations(sentence, min_items))


@lru_cache(maxsize=65536)
def _enumerations(sentence: str, min_items: int) -> tuple[Enumeration, ...]:
    # (every form of a sentence and the lexicon ask for its lists: five times per sentence)
    return tuple(_find_enumerations(sentence, min_items))


def _find_enumerations(sentence: str, min_items: int) -> list[Enumeration]:
    found: list[Enumeration] = []
    if "、" not in sentence:
        return found
    pos = 0
    for part in _CLAUSE_SPLIT.split(sentence):
        base = pos
        pos += len(part) + 1
        if part.count("、") < min_items - 1:
            continue
        for items, spans, certain, start, end, prefix, suffix in _part_enums(part, min_items):
            found.append(Enumeration(items=list(items), spans=[(a + base, b + base) for a, b in spans],
                                     certain=list(certain), start=start + base, end=end + base,
                                     prefix=prefix, suffix=suffix))
    return found


def _nested(items: list[str]) -> bool:
    """Two lists run into one: 「个人独资企业、合伙企业生产、经营的所得」 is (个人独资企业、合伙企业)
    (生产、经营), so its 、-items are no items — a noun item, then a noun with a verb of a second list
    hung on it, then that second list's verb alone."""
    def tags(x: str) -> list[str]:
        return [t for _, t in segment.tagged(x)]
    first, last = tags(items[0]), tags(items[-1])
    if not first or not last or not first[-1].startswith("n") or not all(t in ("v", "vn") for t in last):
        return False
    for mid in items[1:-1]:
        t = tags(mid)
        if len(t) >= 2 and t[-1] in ("v", "vn") and t[-2].startswith("n"):
            return True
    return False


@lru_cache(maxsize=65536)
def _part_enums(part: str, min_items: int) -> tuple:
    """The lists of one clause, offsets relative to it: a clause's lists depend on the clause
    alone, and clauses recur (cached as plain tuples; callers get fresh Enumerations)."""
    out = []
    segs = part.split("、")
    mids = sorted(len(s) for s in segs[1:-1])
    med = mids[(len(mids) - 1) // 2] if mids else 4  # lower median: robust to run-ons
    # a very long middle segment ends one list and starts the next
    runs: list[list[int]] = [[0]]
    for k in range(1, len(segs)):
        runs[-1].append(k)
        if 0 < k < len(segs) - 1 and (len(segs[k]) > max(8, med * 2.2)
                                      or any(c in segs[k] for c in ("以及", "或者", "及其"))):
            runs.append([k])
    offsets = [0]
    for s in segs[:-1]:
        offsets.append(offsets[-1] + len(s) + 1)
    for run in runs:
        if len(run) < min_items:
            continue
        enum = _build(part, segs, offsets, run, min_items)
        if enum is not None:
            out.append((tuple(enum.items), tuple(enum.spans), tuple(enum.certain), enum.start, enum.end,
                        enum.prefix, enum.suffix))
    return tuple(out)


def _build(part: str, segs: list[str], offsets: list[int], run: list[int],
           min_items: int) -> Enumeration | None:
    first_k, last_k = run[0], run[-1]
    mids = [segs[k] for k in run[1:-1]]
    if not mids or any(not m or _ITEM_BAD.search(m) for m in mids):
        return None
    target = median(len(m) for m in mids)
    prefix = _common_prefix(mids) if len(mids) >= 2 else ""
    if len(prefix) < 2:
        prefix = ""
    suffix = _common_suffix(mids) if len(mids) >= 2 else ""
    if len(suffix) < 2 or any(len(m) <= len(suffix) for m in mids):
        suffix = ""
    first_seg, last_seg = segs[first_k], segs[last_k]
    mids_verbal = any(segment.pos_of(segment.tokens(m)[0]) == "v" for m in mids)
    first, first_ok = _trim_first(first_seg, target, prefix, verb_first=not mids_verbal)
    if not first:
        return None
    if mids_verbal and all(segment.pos_of(segment.tokens(m)[0]) == "v" for m in mids):
        # 推进依法行政、制定重大决策、处置重大资产: verb-object items keep their verb
        head = first_seg[: len(first_seg) - len(first)]
        htoks = segment.tokens(head)
        if htoks and segment.pos_of(htoks[-1]) == "v" and segment.pos_of(segment.tokens(first)[0]) != "v" \
                and len(htoks[-1]) == 2:
            first = htoks[-1] + first
    items = [first] + mids
    certain = [first_ok] + [True] * len(mids)
    spans = [(offsets[first_k] + len(first_seg) - len(first), offsets[first_k] + len(first_seg))]
    for k in run[1:-1]:
        spans.append((offsets[k], offsets[k] + len(segs[k])))
    last_off = offsets[last_k]
    conj = _split_conj(last_seg, prefix, target)
    if conj is not None:
        before, tok = conj
        items.append(before)
        certain.append(True)
        spans.append((last_off, last_off + len(before)))
        last_off += len(before) + len(tok)
        last_seg = last_seg[len(before) + len(tok):]
    heads_in_items = any(m.endswith(FRAME_HEADS) for m in mids)
    last, last_ok = _trim_last(last_seg, target, suffix, heads_in_items)
    if not last:
        return None
    items.append(last)
    certain.append(last_ok)
    spans.append((last_off, last_off + len(last)))
    if len(items) < min_items or any(not it or _ITEM_BAD.search(it) for it in items):
        return None
    if len(set(items)) != len(items):
        return None
    lens = [len(it) for it in items]
    if min(lens) < 2 or max(lens) > 16 or max(lens) + 2 > 3 * (min(lens) + 2):
        return None
    if any(it.startswith(("其他", "其它")) or any(w in it for w in ("的", "及其", "以及")) for it in items):
        return None
    if _nested(items):
        return None
    for (a, b), it in zip(spans, items, strict=False):
        if part[a:b] != it:  # pragma: no cover - offsets are computed from the same text
            return None
    return Enumeration(items=items, spans=spans, certain=certain, start=spans[0][0],
                       end=spans[-1][1], prefix=prefix, suffix=suffix)
