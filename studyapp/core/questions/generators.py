"""Question generators, written for what official documents are made of.

Each generator reads one sentence (or one section) and proposes questions; nothing here
decides whether a question is good enough — `verify` does, so generators may be bold.
Randomness comes only from the `random.Random` handed in (seeded per section), and every
collection is iterated in a fixed order, so the same document and seed give the same bank.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Iterator

from studyapp.core.outline import cn_to_int
from studyapp.core.questions import segment
from studyapp.core.questions.enums import Enumeration, find_enumerations
from studyapp.core.questions.model import BLANK, Question
from studyapp.core.questions.text import (  # noqa: I001
    COMMA, SectionInfo, clauses, item_text, norm, sentences, split_spans, strip_end, subtree_text,
)
from studyapp.core.questions.verify import FUNCTION_WORDS, LENGTH_RATIO, is_function_word

HOLE = "（　　）"
MEASURE_RE = re.compile(
    r"^(?:积极|尽快|全面|进一步|逐步|切实|严格|加快|不断|认真|深入)?(建立健全|建立完善|健全完善|进一步健全|建立|健全|完善|推行|推广|加强|落实|实行|严格执行|执行|深化|强化|改革|规范)"
    r"([^，,；;。：:、]{2,26}?)(制度|机制|体系)")
GOAL_RE = re.compile(r"到(\d{4})年")
NUM_RE = re.compile(r"(?<![\d一二三四五六七八九十两百])(\d{4}年|[一二三四五六七八九十两]{1,3}(?:个月|小时|日|天|年)|\d{1,3}(?:个月|小时|日|天|年))")
MODAL_SWAP = (("应当", "可以"), ("不得", "可以"), ("有权", "无权"), ("必须", "可以"), ("可以", "应当"))
BODY_SUFFIX = ("机关", "委员会", "法院", "检察院", "政府", "部门", "机构", "常委会")
STANDARD_BODIES = ("公安机关", "人民检察院", "人民法院", "监察机关", "审计机关", "上级机关", "司法行政机关",
                   "国家安全机关", "人民政府", "纪律检查机关")
_CONTENT_POS = ("n", "nz", "nt", "ns", "vn", "l", "i", "j", "nr", "an")
# words too general to be worth a blank
_GENERIC = frozenset("管理制度 工作机制 制度 机制 体系 工作 建设 管理 问题 方面 情况 有关 相关 重要 实际 活动".split())
# verbs and adverbs of action: blanks on them test grammar, not content
_ACTION_START = re.compile(r"^(严格|加强|建立|健全|完善|落实|推进|深化|强化|积极|认真|切实|全面|坚持|坚决|进一步|加快|大力|不断|深入)")
_BAD_START = re.compile(r"^(其(?![他它余中次实])|该|上述|这|此|同时|另外|并|但|且|对此|为此|因此|以上)")
# verbs of action and set phrases that open or frame a term but are never part of one: a
# blank on them (充分发挥, 贯彻落实) tests wording, not content
_FRAME_VERBS = frozenset(
    "建立 健全 完善 加强 推进 落实 推行 推广 实行 探索 开展 强化 深化 规范 严格 坚持 提高 确保 保证 "
    "支持 依法 充分 发挥 充分发挥 利用 充分利用 贯彻 贯彻落实 加快 大力 积极 认真 切实 全面 坚决 进一步 "
    "不断 深入 做到 实现 维护 保障 形成 承接 清理 理顺 明确 严格执行 执行 严惩 杜绝 防止 克服 畅通 提升 "
    "促进 增强 弘扬 彰显 纳入 禁止 严禁 作为 成为 包括 重点 尽快 大幅 减少 整合 赋予 采取 合理 调整 "
    "科学 设置 优化 取消 给予 尊重 负有 遵照 惩治 坚决杜绝 建立健全 建立完善 健全完善 保证 力争 "
    "积累 化解 深入推进 全面推进 全面落实 高度重视 重视 开展 组织 普遍 认真组织 加以 予以 实施 "
    "构建 打造 推动 着力 注重 突出 围绕 坚定不移 走 提供 取得 得到 做好 从事 确定 涉及 核实 调查 作出 "
    "依据 按照 负责 履行 排除 惩处 纠正 撤销 追究 处理 发布 制发 插手 干预 好".split())
# heads that end a term but are too general to be blanked alone (…制度, …机制)
_GENERIC_HEADS = ("制度", "机制", "体系", "工作", "建设", "管理", "水平", "作用", "能力", "方式", "行为",
                  "活动", "问题", "情况", "渠道", "规定", "要求", "精神")
# blanks that say nothing specific
_VAGUE = frozenset("规范化 不同部门 变相挂钩 全会精神 改革试点 试点 实践经验 法律法规 行政机关 责任追究 贯彻实施 规范化水平 有关单位 有关部门 国家机关 领导干部 "
                   "工作人员 人民群众 合法权益 实际出发 各项部署 全过程 各方面 法治 法律 政府 部门 单位 "
                   "社会 群众 改革 发展 稳定 建设 管理 工作 制度 机制 体系 问题 方面 情况 水平 能力 作用".split())
# clauses that state a measure: what is to be done (加强…, 推进…, 探索…)
_MEASURE_START = re.compile(
    r"^(?:积极|尽快|全面|进一步|逐步|切实|严格|加快|不断|认真|深入|大幅|重点|科学|合理|充分)?"
    r"(?:建立|健全|完善|推行|推广|加强|落实|实行|执行|深化|强化|改革|规范|推进|探索|开展|理顺|整合|清理|承接|"
    r"减少|设置|调整|优化|提高|提升|畅通|支持|保障|保证|明确|取消|组织|利用|发挥|贯彻|遵照|实现|赋予|采取)")
_NOT_WORK = re.compile(r"指导思想|总体目标|基本原则|总体要求|主要目标|目标任务|重要意义|指导方针|基本要求|总则|附则")
_PREDICATE_NEXT = re.compile(r"^(都|均|也|必须|应当|要|并且|是|就|才)")
_ADVERBIAL_END = ("过程中", "中", "时", "下", "的", "之前", "之后")
_TERM_PREFIX_CHARS = frozenset("大后前新总副高")
_LINK_VERBS = frozenset("衔接 对接 配合 协作 结合 协调 联动".split())
_BREAK_POS = ("p", "c", "u", "d", "r", "f", "m", "q", "y", "e", "o", "x", "zg")
# actors that official texts keep apart: a statement with one swapped for the other is false
ACTOR_SWAPS = (("市委", "市政府"), ("基层政府", "市级政府"), ("党委领导", "政府领导"), ("人民法院", "人民检察院"),
               ("人大常委会", "政协常委会"), ("市人大", "市政协"))
# pairs whose places a false statement exchanges (上级机关对下级机关 → 下级机关对上级机关)
PAIR_SWAPS = (("上级", "下级"), ("事前", "事后"), ("市委", "人大"), ("常态", "例外"))
# a principle turned into its opposite
REVERSALS = (("法无授权不可为", "法无禁止即可为"), ("法定职责必须为", "法定职责可以为"), ("相分离", "相统一"),
             ("向基层下移", "向市级集中"), ("大幅减少", "大幅增加"), ("不受追究", "一律追究"),
             ("独立行使", "统一行使"), ("无缝对接", "相互分离"), ("普遍提高", "有所下降"),
             ("明显增强", "有所减弱"), ("禁止", "允许"), ("严禁", "允许"), ("不得", "可以"), ("必须", "可以"))

# quick tests: does a sentence contain anything the swaps above would change?
_ACTOR_ANY = re.compile("|".join(re.escape(old) for old, _ in ACTOR_SWAPS))
_PAIR_ANY = re.compile("|".join(re.escape(w) for pair in PAIR_SWAPS for w in pair))
_REVERSAL_ANY = re.compile("|".join(re.escape(old) for old, _ in REVERSALS))


@dataclass
class Candidate:
    """A proposed question with its place in reading order (for a stable bank order)."""

    key: tuple[int, int, int]
    question: Question
    prio: float = 0.0  # how much a judge is worth asking (selection prefers higher)


@dataclass
class DocPools:
    """Material drawn from the whole document: distractors must be real phrases of it."""

    items: list[tuple[str, str, int]] = field(default_factory=list)  # (item, kind, enum id)
    by_end: dict[str, list[int]] = field(default_factory=dict)
    by_len: dict[int, list[int]] = field(default_factory=dict)
    by_start: dict[str, list[int]] = field(default_factory=dict)
    heads: list[str] = field(default_factory=list)  # 坚持… phrases
    bodies: list[str] = field(default_factory=list)
    headings: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)  # kind → (title, path)
    terms: dict[str, int] = field(default_factory=dict)  # word → count in the document
    enums: dict[tuple[int, int], list[Enumeration]] = field(default_factory=dict)  # (section, sentence)
    siblings: dict[str, list[str]] = field(default_factory=dict)  # item → other items of its lists
    marks: dict[int, tuple[str, str]] = field(default_factory=dict)  # enum id → shared (prefix, suffix)

    def add_item(self, item: str, kind: str, eid: int) -> None:
        k = len(self.items)
        self.items.append((item, kind, eid))
        self.by_end.setdefault(item[-1], []).append(k)
        self.by_len.setdefault(len(item), []).append(k)
        self.by_start.setdefault(item[:2], []).append(k)


def _tags(info: SectionInfo, text: str, first: str | None = None) -> list[str]:
    """What a question asks about, from its section title and sentence."""
    return list(_tags_of(info.heading_title(), info.article is not None, text, first))


@lru_cache(maxsize=16384)
def _tags_of(title: str, law: bool, text: str, first: str | None) -> tuple[str, ...]:
    """`_tags` from what it depends on (cached: several generators tag the same sentence)."""
    tags: list[str] = [first] if first else []

    def add(t: str) -> None:
        if t not in tags:
            tags.append(t)

    if "原则" in title or re.search(r"坚持[^，,；;。]{2,14}原则", text):
        add("原则")
    if "目标" in title or GOAL_RE.search(text):
        add("目标")
    if "指导思想" in title:
        add("思想")
    if re.match(r"^[一-鿿]{2,12}是[^，,；;。]{4,}", text) and not law:
        add("概念")
    if MEASURE_RE.search(text) or (not law and _MEASURE_START.match(text)):
        add("措施")
    if re.search(r"应当|必须|不得|不准|严禁|禁止|决不|坚决杜绝|坚决惩|都要", text):
        add("要求")
    if re.search(r"职责|负责|履行|职能", text) and (law or "职责" in text or "职能" in text):
        add("职责")
    if re.search(r"程序|批准|手续|期限|以内|之日起|日内|个月内|流程|时限", text):
        add("程序")
    if re.search(r"有权|权限|职权|授权|行使[^，,；;。]{0,6}权", text) and (law or "权" in text):
        add("权限")
    if not tags:
        add("内容")
    return tuple(tags[:3])


class Generator:
    """Runs every generator over one document, with shared pools."""

    def __init__(self, infos: list[SectionInfo], doc_title: str, truncated: bool) -> None:
        self.infos = infos
        self.doc_title = doc_title
        self.truncated = truncated
        self.pools = DocPools()
        self.last_info = infos[-1] if infos else None
        self._norm_cache: tuple[int, str] = (-1, "")
        self.prio: dict[str, float] = {}
        self._fill_cache: dict[str, tuple[float, ...] | None] = {}
        self._ranked: dict[tuple[tuple[str, ...], str], list[tuple[float, str, str]]] = {}
        self._bodies_norm: list[tuple[str, str]] | None = None
        self._sib_lens: dict[str, set[int]] | None = None
        self._plans: dict[tuple[tuple[str, ...], str], list[tuple[int, str, str, bool, float | None]]] = {}
        self._build_pools()

    # --- pools -----------------------------------------------------------------------
    def _build_pools(self) -> None:
        p = self.pools
        eid = 0
        heads: dict[str, None] = {}
        bodies: dict[str, None] = {}
        terms: Counter[str] = Counter(p.terms)  # word → count, in order of first occurrence
        for info in self.infos:
            node = info.node
            if node.title and node.kind in ("cn", "arabic", "zhang", "jie", "bian"):
                p.headings.setdefault(node.kind, []).append((node.title, info.path))
            for si, sent in enumerate(self.sentences(info)):
                enums = find_enumerations(sent)
                p.enums[(info.order, si)] = enums
                for e in enums:
                    for it, ok in zip(e.items, e.certain):
                        if ok:
                            p.add_item(it, e.kind, eid)
                    p.marks[eid] = (_common_affix(e.items), _common_affix([x[::-1] for x in e.items])[::-1])
                    good = [it for it, ok in zip(e.items, e.certain) if ok and len(it) >= 4]
                    if len(good) >= 3 and len(e.items) <= 6:
                        for it in good:
                            sib = p.siblings.setdefault(it, [])
                            sib += [x for x in good if x != it and x not in sib
                                    and abs(len(x) - len(it)) <= 2]
                    eid += 1
                for c in re.split(r"[，,；;。：:]", sent):
                    if c.startswith("坚持"):
                        h = re.split(r"首先|、", c)[0]
                        if 5 <= len(h) <= 12:
                            heads[h] = None
                terms.update(tok for tok in segment.tokens(sent) if len(tok) >= 2)
                for b in self._bodies_in(sent):
                    bodies[b] = None
        p.terms = dict(terms)
        p.heads = list(heads)
        for b in STANDARD_BODIES:
            bodies.setdefault(b, None)
        p.bodies = list(bodies)

    def _bodies_in(self, sent: str) -> list[str]:
        toks = segment.tokens(sent)
        out = []
        for k, t in enumerate(toks):
            if t.endswith(BODY_SUFFIX) and len(t) >= 4 and segment.pos_of(t).startswith("n"):
                out.append(t)
        return [b for b in out if 4 <= len(b) <= 8]

    def sentences(self, info: SectionInfo) -> list[str]:
        """Sentences of a section usable as quotes (a cut-off last fragment is not)."""
        sents = sentences(info.node.text)
        if sents and self.truncated and info is self.last_info and not _terminated(sents[-1]):
            sents = sents[:-1]
        return [s for s in sents if len(norm(s)) >= 8]

    # --- helpers ---------------------------------------------------------------------
    def _q(self, info: SectionInfo, qtype: str, stem: str, options: list[str], answer, quote: str,
           tags: list[str], explanation: str = "", difficulty: int = 2) -> Question:
        return Question(type=qtype, stem=stem, options=options, answer=answer,
                        explanation=explanation or f"原文：“{quote}”",
                        source={"section": list(info.path), "quote": quote}, tags=tags,
                        difficulty=difficulty)

    def verb(self, info: SectionInfo) -> str:
        return "规定" if info.article is not None else "提出"

    def distractors(self, rng: random.Random, like: list[str], kind: str, n: int, avoid: str,
                    eids: set[int] = frozenset(), quote: str = "") -> list[str]:
        """Items of other enumerations of the same kind and similar length, absent from `avoid`."""
        qchars = set(norm(quote)) if quote else None
        want = max(n * 3, 6)
        top: list[tuple[float, str]] = []
        if not eids:
            # candidates already in score order: stop once the best `want` are found
            for score, item, ni in self._distractor_ranked(tuple(like), kind):
                if ni in avoid or (qchars is not None and _share_in(ni, qchars) > 0.6):
                    continue
                top.append((score, item))
                if len(top) == want:
                    break
        else:
            scored: list[tuple[float, str]] = []
            seen: set[str] = set()
            for eid, item, ni, clash, score in self._distractor_plan(tuple(like), kind):
                if eid in eids or ni in seen or ni in avoid or clash:
                    continue
                seen.add(ni)
                if score is None:
                    continue
                # too_close's test against the quoted sentence (the rest is in the plan)
                if qchars is not None and _share_in(ni, qchars) > 0.6:
                    continue
                scored.append((score, item))
            scored.sort(key=lambda t: (-t[0], t[1]))
            top = scored[:want]
        rng.shuffle(top)
        out: list[str] = []
        for _, item in top:
            if all(norm(item) not in norm(o) and norm(o) not in norm(item) for o in out):
                out.append(item)
            if len(out) == n:
                break
        return out

    def _distractor_plan(self, like: tuple[str, ...], kind: str
                         ) -> list[tuple[int, str, str, bool, float | None]]:
        """What `distractors` decides about its candidates from `like` and `kind` alone, in
        candidate order: (enum id, item, normalized item, clashes with a `like` item, score or
        None when rejected). Pools are fixed once built, so this is cached per document; only
        the per-call tests (eids, avoid, quote, repeats) remain for each question."""
        key = (like, kind)
        hit = self._plans.get(key)
        if hit is not None:
            return hit
        p = self.pools
        target = sorted(len(x) for x in like)[len(like) // 2]
        # a bounded candidate set (same ending, same opening, similar length) keeps this
        # constant-time per question on large documents
        cand_idx: dict[int, None] = {}
        for x in like:
            for k in p.by_end.get(x[-1], [])[:60]:
                cand_idx[k] = None
            for k in p.by_start.get(x[:2], [])[:40]:
                cand_idx[k] = None
        for L in range(max(2, target - 1), target + 2):
            for k in p.by_len.get(L, [])[:60]:
                cand_idx[k] = None
        nl = [norm(x) for x in like]
        prefix = _shared_prefix(list(like))
        pcs = [_pos_class(x) for x in like]
        like_pos = max(sorted(set(pcs)), key=pcs.count)
        shapes = [_shape(x) for x in like]
        like_first = max(sorted({sh[0] for sh in shapes}), key=[sh[0] for sh in shapes].count)
        first_chars = {x[0] for x in like}
        last_chars = {x[-1] for x in like}
        plan: list[tuple[int, str, str, bool, float | None]] = []
        for k in sorted(cand_idx):
            item, ikind, eid = p.items[k]
            ni = norm(item)
            clash = any(ni in x or x in ni for x in nl)
            plan.append((eid, item, ni, clash, None if clash else
                         self._distractor_score(item, ikind, eid, like, kind, target, prefix, like_pos,
                                                like_first, first_chars, last_chars)))
        self._plans[key] = plan
        return plan

    def _distractor_ranked(self, like: tuple[str, ...], kind: str) -> list[tuple[float, str, str]]:
        """The plan without excluded enumerations, reduced to what a call can still reject
        (avoid, quote): each normalized item once, where it first occurs, if its score stands;
        sorted as `distractors` sorts its candidates (score down, then item)."""
        key = (like, kind)
        hit = self._ranked.get(key)
        if hit is not None:
            return hit
        seen: set[str] = set()
        ranked: list[tuple[float, str, str]] = []
        for _eid, item, ni, clash, score in self._distractor_plan(like, kind):
            if ni in seen or clash:
                continue
            seen.add(ni)
            if score is not None:
                ranked.append((score, item, ni))
        ranked.sort(key=lambda t: (-t[0], t[1]))
        self._ranked[key] = ranked
        return ranked

    def _distractor_score(self, item: str, ikind: str, eid: int, like: tuple[str, ...], kind: str,
                          target: int, prefix: str, like_pos: str, like_first: str,
                          first_chars: set[str], last_chars: set[str]) -> float | None:
        p = self.pools
        # the same kind of thing: 可复制、可借鉴 take 可…; verb-object items take verb-object
        if len(first_chars) == 1 and item[0] not in first_chars:
            return None
        if len(last_chars) == 1 and len(like) >= 3 and item[-1] not in last_chars and not (
                ikind and ikind == kind):
            return None
        pre, suf = p.marks.get(eid, ("", ""))
        if (len(pre) >= 2 and not all(x.startswith(pre) for x in like)) or (
                len(suf) >= 2 and not all(x.endswith(suf) for x in like)):
            return None  # 行政检查 (of 行政许可、行政处罚…) is not a 问责方式
        signal = 0.0
        if kind and ikind == kind:
            signal += 3
        if any(item[-1] == x[-1] for x in like):
            signal += 1.5
        if any(item[-2:] == x[-2:] for x in like):
            signal += 1.5
        if prefix and item.startswith(prefix):
            signal += 3
        if _pos_class(item) == like_pos:
            signal += 1
        if signal < 3:  # no sign of being the same kind of thing: an absurd distractor
            return None
        ish = _shape(item)
        if (ish[0] == "v") != (like_first == "v") and ish[0] != "?" and like_first != "?":
            return None
        if too_close(item, list(like), ""):
            return None
        return signal - abs(len(item) - target)

    def window(self, sent: str, a: int, b: int, limit: int = 70) -> tuple[int, int]:
        """A readable span of the sentence around [a, b): its ；-clause, cut at commas if long."""
        start, end = 0, len(sent)
        for s, e in split_spans(sent, "；;。！？"):
            if s <= a and b <= e:
                start, end = s, e
                break
        if end - start <= limit:
            return start, end
        parts = split_spans(sent[start:end], COMMA)
        parts = [(s + start, e + start) for s, e in parts]
        k0 = next((k for k, (s, e) in enumerate(parts) if s <= a < e), 0)
        k1 = next((k for k, (s, e) in enumerate(parts) if s < b <= e), len(parts) - 1)
        ws, we = parts[k0][0], parts[k1][1]
        while we - ws < 24 and (k0 > 0 or k1 < len(parts) - 1):
            if k0 > 0 and (k1 == len(parts) - 1 or (a - ws) < (we - b)):
                k0 -= 1
            else:
                k1 += 1
            ws, we = parts[k0][0], parts[k1][1]
        # never start at a word that leans on the part cut away
        while k0 > 0 and _BAD_START.match(sent[ws:]):
            k0 -= 1
            ws = parts[k0][0]
        # nor end on a subject without its predicate (…各企业事业组织 | 都必须…) or on an
        # adverbial (在推进依法行政…过程中 | 保证…)
        while k1 < len(parts) - 1 and (_PREDICATE_NEXT.match(sent[parts[k1 + 1][0]:])
                                       or strip_end(sent[ws:we]).endswith(_ADVERBIAL_END)):
            k1 += 1
            we = parts[k1][1]
        return ws, we

    def section_norm(self, info: SectionInfo) -> str:
        """The section's own text, normalized (distractors must not occur in it); cached."""
        if self._norm_cache[0] != info.order:
            text = info.node.title + info.node.text
            # a huge unnumbered section would make every lookup slow: the sentence suffices
            self._norm_cache = (info.order, norm(text) if len(text) <= 4000 else "")
        return self._norm_cache[1]

    def clause_end(self, sent: str, pos: int) -> int:
        """Extend a judge statement to the end of its ；/。 clause, so it states something whole."""
        for s, e in split_spans(sent, "；;。！？"):
            if s < pos <= e:
                return e
        return pos

    def fill(self, info: SectionInfo, sent: str, spans: list[tuple[int, int]], tags: list[str],
             difficulty: int = 2) -> Question | None:
        spans = sorted(spans)
        ws, we = self.window(sent, spans[0][0], spans[-1][1])
        body = ""
        pos = ws
        answers = []
        for a, b in spans:
            body += sent[pos:a] + BLANK
            answers.append(sent[a:b])
            pos = b
        body += sent[pos:we]
        body = strip_end(body)
        if _BAD_START.match(body) or len(body) < 8:
            return None
        stem = f"根据{info.place()}填空：{body}。"
        return self._q(info, "fill", stem, [], answers, sent, tags,
                       explanation=f"原文：“{sent}”", difficulty=difficulty)

    def judge(self, info: SectionInfo, sent: str, statement: str, truth: bool, tags: list[str],
              note: str = "", prio: float | None = None) -> Question | None:
        statement = strip_end(statement)
        if _BAD_START.match(statement) or len(statement) < 12 or len(statement) > 80:
            return None
        stem = f"根据{info.place()}，判断正误：{statement}。"
        expl = f"{'正确' if truth else '错误'}。原文：“{sent}”" + (f"{note}" if note else "")
        q = self._q(info, "judge", stem, [], truth, sent, tags, explanation=expl,
                    difficulty=1 if truth else 2)
        self.prio[q.id] = prio if prio is not None else (1.0 if truth else 2.0)
        return q

    def choice(self, rng: random.Random, info: SectionInfo, qtype: str, stem: str, correct: list[str],
               wrong: list[str], quote: str, tags: list[str], explanation: str = "",
               difficulty: int = 2) -> Question | None:
        opts = [(c, True) for c in correct] + [(w, False) for w in wrong]
        if len(opts) < 4:
            return None
        rng.shuffle(opts)
        lens = [len(norm(o)) for o, _ in opts]
        if (max(lens) + 2) / (min(lens) + 2) > LENGTH_RATIO:
            return None
        return self._q(info, qtype, stem, [o for o, _ in opts],
                       [i for i, (_, ok) in enumerate(opts) if ok], quote, tags,
                       explanation=explanation, difficulty=difficulty)

    # --- the generators ------------------------------------------------------------------
    def section(self, info: SectionInfo, rng: random.Random) -> Iterator[Candidate]:
        order = info.order
        sents = self.sentences(info)
        self.prio = {}
        self._enum_wrong: dict[tuple[int, str, int], list[str]] = {}
        yield from (Candidate((order, -1, k), q) for k, q in enumerate(self.law_list(info, rng)))
        for si, sent in enumerate(sents):
            enums = self.pools.enums.get((order, si), [])
            out: list[Question] = []
            princ = self.principles(info, sent, rng)
            out += princ
            for e in enums:
                out += self.enumeration(info, sent, e, rng, principles=bool(princ))
            out += self.measures(info, sent, rng)
            out += self.numbers(info, sent, rng)
            out += self.definition(info, sent, rng)
            out += self.law_sentence(info, sent, rng)
            if not any(q.type == "fill" for q in out):
                q = self.generic_fill(info, sent, rng)
                if q is not None:
                    out.append(q)
            if not princ:
                out += self.judges(info, sent, enums, rng)
            for k, q in enumerate(out):
                yield Candidate((order, si, k), q, self.prio.get(q.id, 0.0))

    def principles(self, info: SectionInfo, sent: str, rng: random.Random) -> list[Question]:
        """"坚持…" clauses of a 基本原则 sentence → multiple, negative single, short, judge."""
        cls = clauses(sent)
        heads = []
        for c in cls:
            if c.startswith("坚持"):
                h = re.split(r"[，,；;。]", c, maxsplit=1)[0]
                if 4 <= len(h) <= 14:
                    heads.append((h, c))
        if len(heads) < 3 or len(heads) * 2 < len(cls):
            return []
        title = info.heading_title()
        cat = title if "原则" in title else "原则"
        doc = info.doc()
        names = [h for h, _ in heads]
        nq = norm(sent)
        pool = [h for h in self.pools.heads if norm(h) not in nq and all(norm(h) not in norm(x) and norm(x) not in norm(h) for x in names)]
        lens = sorted(len(h) for h in names)
        pool = [h for h in pool if (max(len(h), lens[-1]) + 2) / (min(len(h), lens[0]) + 2) <= LENGTH_RATIO]
        rng.shuffle(pool)
        tags = ["原则"]
        out: list[Question] = []
        if pool:
            k = min(len(names), rng.choice([3, 4]))
            correct = rng.sample(names, k)
            wrong = pool[:max(1, min(2, 5 - k, len(pool)))]
            q = self.choice(rng, info, "multiple", f"{doc}提出的{cat}包括下列哪些？", correct, wrong, sent, tags,
                            difficulty=3)
            if q:
                out.append(q)
            correct = rng.sample(names, 3)
            q = self.choice(rng, info, "single", f"下列哪一项不属于{doc}提出的{cat}？", correct, [pool[-1]],
                            sent, tags, explanation=f"“{pool[-1]}”不在所列{cat}之中。原文：“{sent}”")
            if q:
                q.answer = [q.options.index(pool[-1])]
                out.append(q)
        out.append(self._q(info, "short", f"{doc}提出的{cat}有哪些？", [], names, sent, tags, difficulty=3))
        # judges: one clause as written, one elaboration attributed to another principle
        order = list(range(len(heads)))
        rng.shuffle(order)
        true_k, false_k = order[0], order[1 % len(order)]
        h, c = heads[true_k]
        if len(strip_end(c)) - len(h) >= 8:
            q = self.judge(info, sent, c, True, tags, prio=2.0)
            if q:
                out.append(q)
        h, c = heads[false_k]
        rest = strip_end(c[len(h):]).lstrip("，,")
        rest = re.sub(r"^(?:必须|做到|要)", "", rest)
        if 6 <= len(rest) <= 40:
            other = names[(false_k + 1 + rng.randrange(len(names) - 1)) % len(names)]
            stmt = f"“{rest}”是对“{other}”这一{'原则' if '原则' in cat else '要求'}的阐述"
            q = self.judge(info, sent, stmt, False, tags, note=f"“{rest}”是对“{h}”的阐述，不是“{other}”。",
                           prio=3.0)
            if q:
                out.append(q)
        return out

    def enumeration(self, info: SectionInfo, sent: str, e: Enumeration, rng: random.Random,
                    principles: bool = False) -> list[Question]:
        """X、Y、Z和W → multiple "括号中应包括哪些" or single "不包括哪一项", and a fill."""
        ok = [k for k, c in enumerate(e.certain) if c]
        if len(ok) < 3:
            return []
        k0, k1 = ok[0], ok[-1]
        if ok != list(range(k0, k1 + 1)):
            return []
        items = [e.items[k] for k in ok]
        if max(len(x) for x in items) > 12:
            return []
        tags = _tags(info, sent)
        nq = self.section_norm(info) or norm(sent)
        hole_a, hole_b = e.spans[k0][0], e.spans[k1][1]
        ws, we = self.window(sent, hole_a, hole_b, limit=60)
        frag = strip_end(sent[ws:hole_a] + HOLE + sent[hole_b:we])
        visible = frag.replace(HOLE, "")
        if len(norm(visible)) < 8 or _BAD_START.match(frag):
            frag = ""
        items = [x for x in items if norm(x) not in norm(visible)]
        if len(items) < 3:
            frag = ""
            items = [e.items[k] for k in ok]
        out: list[Question] = []
        wrong_pool = self.distractors(rng, items, e.kind, 3, nq, quote=sent)
        self._enum_wrong[(info.order, sent, e.start)] = wrong_pool
        place, verb = info.place(), self.verb(info)
        q = None
        if frag and wrong_pool and not principles:
            if len(items) >= 4 or rng.random() < 0.5:
                k = min(len(items), rng.choice([2, 3, 3, 4]))
                nw = max(1, min(len(wrong_pool), rng.choice([4, 5]) - k))
                if k + nw < 4:
                    k = min(len(items), 4 - nw)
                correct = rng.sample(items, k)
                q = self.choice(rng, info, "multiple", f"{place}{verb}：“{frag}”。括号中应包括下列哪些内容？",
                                correct, wrong_pool[:nw], sent, tags, difficulty=3)
            else:
                correct = rng.sample(items, 3)
                w = wrong_pool[0]
                q = self.choice(rng, info, "single", f"{place}{verb}：“{frag}”。括号中列举的内容不包括下列哪一项？",
                                correct, [w], sent, tags,
                                explanation=f"“{w}”不在所列之中。原文：“{sent}”")
                if q:
                    q.answer = [q.options.index(w)]
            if q:
                out.append(q)
        # fill: one item of a short list, preferably a four-character phrase (long lists only
        # test the memory of positions)
        if len(e.items) <= 5 and len(e.prefix) < 2 and len(e.suffix) < 2 and not _common_affix(
                [x[::-1] for x in e.items])[1:]:
            four = [k for k in ok if len(e.items[k]) == 4] or ok
            k = rng.choice(four)
            if not is_function_word(e.items[k]) and not _vague(e.items[k]):
                qf = self.fill(info, sent, [e.spans[k]], tags)
                if qf:
                    self.prio[qf.id] = -0.5
                    out.append(qf)
        return out

    def measures(self, info: SectionInfo, sent: str, rng: random.Random) -> list[Question]:
        """建立/健全/完善…制度/机制 → "属于哪一项工作的内容" (section titles) and a key-term fill."""
        out: list[Question] = []
        pos = 0
        for part in re.split(r"([，,；;。])", sent):
            start = pos
            pos += len(part)
            m = MEASURE_RE.search(part)
            if not m or len(part) > 40 or len(part) < 6:
                continue
            clause = strip_end(part)
            if _BAD_START.match(clause):
                continue
            tags = _tags(info, clause, "措施")
            q = self.title_choice(info, clause, sent, rng, tags)
            if q:
                out.append(q)
            # fill on the measure's key term: the whole term before 制度/机制, never half of it
            head_at = m.start(3)
            best = None
            for a, b, bonus in term_spans(part):
                if b != head_at and not (a < head_at <= b):
                    continue
                if b > head_at:
                    continue
                ans = part[a:b]
                if len(ans) < 2 or len(ans) > 9 or is_function_word(ans) or _vague(ans) or _shares_head(part, a, b):
                    continue
                score = bonus - abs(len(ans) - 5) * 0.2
                if best is None or score > best[0]:
                    best = (score, a, b)
            if best is not None:
                qf = self.fill(info, sent, [(start + best[1], start + best[2])], tags)
                if qf:
                    out.append(qf)
        return out[:4]

    def work_titles(self, kind: str) -> list[str]:
        """Titles of sections of one level that name work (measures), not the guiding ideas,
        goals or principles of the document."""
        out = []
        for t, _ in self.pools.headings.get(kind, []):
            if _NOT_WORK.search(t):
                continue
            toks = segment.tokens(t)
            if len(t) <= 6 and toks and all(segment.pos_of(x).startswith("n") for x in toks):
                continue  # 指导思想, 总体目标: a noun phrase, not a task
            out.append(t)
        return list(dict.fromkeys(out))

    def title_choice(self, info: SectionInfo, clause: str, sent: str, rng: random.Random,
                     tags: list[str]) -> Question | None:
        """Which part of the document a measure belongs to: options are sibling work sections."""
        law = info.article is not None
        home = info.chapter if law else next(
            (a for a in reversed(info.ancestors) if a.title and a.kind in ("cn", "arabic", "zhang", "jie")), None)
        if home is None:
            return None
        titles = self.work_titles(home.kind) if not law else [t for t, _ in self.pools.headings.get(home.kind, [])]
        if home.title not in titles:
            return None
        nq = norm(sent)
        nclause = norm(clause)
        # the answer must not be given away by the wording (政务公开 … 全面推进政务公开,
        # 行政决策 … 健全依法决策机制)
        if _longest_common(norm(home.title), nclause) >= 4 or any(w in nclause for w in _title_keys(home.title)):
            return None
        anc = {norm(a.title) for a in info.ancestors if a.title}
        cands = []
        for t in titles:
            nt = norm(t)
            if nt in anc or nt in nq or nt == norm(home.title):
                continue
            if (max(len(t), len(home.title)) + 2) / (min(len(t), len(home.title)) + 2) > 2.0:
                continue
            if any(nt in x or x in nt for x in anc):
                continue
            if _longest_common(nt, nclause) >= 4:
                continue  # a wrong option the clause seems to name is not definitely wrong
            cands.append(t)
        cands = list(dict.fromkeys(cands))
        if len(cands) < 3:
            return None
        # easily confused options first: those sharing words with the clause or the answer
        def confusion(t: str) -> float:
            return _char_share(norm(t), nclause + norm(home.title)) + rng.random() * 0.35

        cands.sort(key=lambda t: (-confusion(t), t))
        wrong = cands[:3]
        doc = info.doc()
        if law:
            stem = f"{doc}中，“{clause}”是下列哪一章规定的内容？"
        else:
            stem = f"{doc}中，“{clause}”属于下列哪一项工作的内容？"
        where = f"第{home.label}" if law else f"“{home.title}”部分"
        return self.choice(rng, info, "single", stem, [home.title], wrong, sent, tags,
                           explanation=f"出自{where}。原文：“{sent}”")

    def numbers(self, info: SectionInfo, sent: str, rng: random.Random) -> list[Question]:
        """Years (到2020年) and time limits (二十四小时、一个月) → single choice and a false judge."""
        out: list[Question] = []
        nq = norm(sent)
        for m in list(NUM_RE.finditer(sent))[:2]:
            val = m.group(1)
            variants = _number_variants(val, rng)
            variants = [v for v in variants if norm(v) not in nq]
            if len(variants) < 3:
                continue
            a, b = m.span(1)
            goal = bool(GOAL_RE.search(sent[max(0, a - 1):b + 1]))
            tags = _tags(info, sent, "目标" if goal else None)
            ws, we = self.window(sent, a, b, limit=60)
            frag = strip_end(sent[ws:a] + HOLE + sent[b:we])
            if _BAD_START.match(frag) or len(frag) < 10:
                continue
            q = self.choice(rng, info, "single", f"{info.place()}{self.verb(info)}：“{frag}”。括号中应填入的是？",
                            [val], variants[:3], sent, tags)
            if q:
                out.append(q)
            wv = variants[3] if len(variants) > 3 else variants[0]
            stmt = sent[ws:a] + wv + sent[b:self.clause_end(sent, we)]
            q = self.judge(info, sent, stmt, False, tags, note=f"应为“{val}”，不是“{wv}”。", prio=2.5)
            if q:
                out.append(q)
        return out

    def _sibling_lengths(self) -> dict[str, set[int]]:
        """First character → lengths of the items that have siblings (once per document)."""
        if self._sib_lens is None:
            self._sib_lens = {}
            for k in self.pools.siblings:
                if k:
                    self._sib_lens.setdefault(k[0], set()).add(len(k))
        return self._sib_lens

    def judges(self, info: SectionInfo, sent: str, enums: list[Enumeration],
               rng: random.Random) -> list[Question]:
        """A false statement that tests understanding (a list item, an actor, a sibling term, a
        principle reversed, places exchanged) and a true one worth asking (not one short clause)."""
        tags = _tags(info, sent)
        bounds = segment.bounds(sent)
        falses: list[tuple[float, float, str, str]] = []  # (prio, tiebreak, statement, note)

        def add(a: int, b: int, new: str, prio: float, note: str = "") -> None:
            old = sent[a:b]
            ws, we = self.window(sent, a, b)
            we = self.clause_end(sent, we)
            stmt = sent[ws:a] + new + sent[b:we]
            falses.append((prio, rng.random(), stmt, note or f"题中将“{old}”换成了“{new}”。"))

        own: list[tuple[int, int]] = []
        for e in enums:
            own.append((e.start, e.end))
            if not 3 <= len(e.items) <= 6 or not all(e.certain):
                continue
            wrong = self._enum_wrong.get((info.order, sent, e.start))
            if wrong:
                k = rng.randrange(len(e.items))
                add(*e.spans[k], wrong[-1], 2.5)
        # a term of another list replaced by its sibling (权力清单 → 责任清单)
        siblings = self.pools.siblings
        if siblings:
            nsent = norm(sent)
            toks = segment.tokens(sent)
            offs = [0, *accumulate(map(len, toks))]  # offs[i]: where token i starts
            index_of = {o: i for i, o in enumerate(offs[:-1])}
            sib_lens = self._sibling_lengths()
            # only where a term starts may a replaced term start, in reading order
            for a in sorted({a for a, _, _ in _term_chunks(sent)}):
                i = index_of.get(a)
                lens = sib_lens.get(sent[a]) if i is not None else None
                if not lens:
                    continue
                for j in range(i + 1, min(len(toks), i + 4) + 1):
                    b = offs[j]
                    if b - a not in lens:
                        continue  # no item of a list starts so and is that long
                    sibs = siblings.get(sent[a:b])
                    if not sibs or any(s0 <= a < e0 for s0, e0 in own):
                        continue
                    sibs = [x for x in sibs if norm(x) not in nsent]
                    if sibs:
                        add(a, b, sibs[rng.randrange(len(sibs))], 3.0)
        # actors swapped, places exchanged, principles reversed
        for old, new in (ACTOR_SWAPS if _ACTOR_ANY.search(sent) else ()):
            a = sent.find(old)
            if a >= 0 and a in bounds and a + len(old) in bounds and new not in sent:
                ws, we = self.window(sent, a, a + len(old))
                we = self.clause_end(sent, we)
                piece = sent[ws:we]
                # every mention of the actor in the statement (市委对…领导, 建立市委对…)
                falses.append((3.0, rng.random(), piece.replace(old, new), f"题中将“{old}”换成了“{new}”。"))
        for x, y in (PAIR_SWAPS if _PAIR_ANY.search(sent) else ()):
            a, b = sent.find(x), sent.find(y)
            if a < 0 or b < 0 or x in y or y in x:
                continue
            lo, hi = min(a, b), max(a, b) + len(y if b > a else x)
            ws, we = self.window(sent, lo, hi)
            we = self.clause_end(sent, we)
            piece = sent[ws:we]
            stmt = piece.replace(x, "\0").replace(y, x).replace("\0", y)
            if stmt != piece:
                falses.append((3.2, rng.random(), stmt, f"题中把“{x}”与“{y}”的位置弄反了。"))
        for old, new in (REVERSALS if _REVERSAL_ANY.search(sent) else ()):
            a = sent.find(old)
            if a >= 0 and a in bounds and a + len(old) in bounds:
                modal = old in ("禁止", "严禁", "不得", "必须")
                add(a, a + len(old), new, 1.5 if modal else 3.0)
        m = re.search(r"(?:坚持)?([\u4e00-\u9fff]{2,6})首先要坚持([\u4e00-\u9fff]{2,6})", sent)
        if m and m.group(1) != m.group(2):
            a, b = m.span(1)
            c, d = m.span(2)
            ws, we = self.window(sent, a, d)
            we = self.clause_end(sent, we)
            stmt = sent[ws:a] + m.group(2) + sent[b:c] + m.group(1) + sent[d:we]
            falses.append((3.5, rng.random(), stmt, "题中把先后关系弄反了。"))
        out: list[Question] = []
        falses.sort(key=lambda f: (-f[0], f[1]))
        for prio, _, stmt, note in falses[:3]:
            q = self.judge(info, sent, stmt, False, tags, note=note, prio=prio)
            if q:
                out.append(q)
                break
        # a true statement worth asking: two clauses or more, with something to check
        if len(sent) <= 90 and not sent.rstrip().endswith(("：", ":")):
            cl = [c for c in clauses(sent) if len(norm(c)) >= 20 and len(split_spans(c, COMMA)) >= 2]
            if cl:
                c = cl[rng.randrange(len(cl))]
                rich = bool(enums) or bool(NUM_RE.search(c)) or any(x in c for x, _ in ACTOR_SWAPS)
                q = self.judge(info, sent, c, True, tags, prio=1.5 if rich else 1.0)
                if q:
                    out.append(q)
        return out

    def select(self, cands: list[Candidate]) -> tuple[list[Candidate], Counter]:
        """The questions of one section that go together (verified candidates in reading order).

        A judge never shares its sentence (its ；-clause in a long multi-clause sentence) with
        another question; judges alternate between true and false; a fill whose answer is
        printed in another question of the section, or repeats another fill, is dropped."""
        dropped: Counter[str] = Counter()
        groups: dict[str, list[Candidate]] = {}
        for c in cands:
            groups.setdefault(norm(c.question.quote), []).append(c)
        kept: list[Candidate] = []
        n_true = n_false = 0
        for quote, group in groups.items():
            judges = [c for c in group if c.question.type == "judge"]
            others = [c for c in group if c.question.type != "judge"]
            if not judges:
                kept += others
                continue
            parts = [norm(group[0].question.quote[a:b]) for a, b in split_spans(group[0].question.quote, "；;。")]
            units_of = {id(c): _units(c.question, parts) for c in group}
            falses = sorted((c for c in judges if c.question.answer is False), key=lambda c: (-c.prio, c.key))
            trues = sorted((c for c in judges if c.question.answer is True), key=lambda c: (-c.prio, c.key))
            chosen: list[Candidate] = []
            used: set[int] = set()
            for c in others:
                used |= units_of[id(c)]
            strong = any(c.question.type in ("single", "multiple") and units_of[id(c)] for c in others)
            for pool in ((falses, trues) if n_false <= n_true else (trues, falses)):
                for j in pool:
                    u = units_of[id(j)]
                    free = not (u & used)
                    is_false = j.question.answer is False
                    if not free:
                        # take the sentence from its fills: a good false statement, or a true one
                        # when false ones lead
                        if strong or (is_false and (j.prio < 2.5 or n_false > n_true + 1)) or (
                                not is_false and n_true >= n_false):
                            continue
                        rivals = [c for c in others if units_of[id(c)] & u]
                        if any(c.question.type != "fill" for c in rivals):
                            continue
                        for c in rivals:
                            others.remove(c)
                            dropped["judge_takes_sentence"] += 1
                        used = set().union(*(units_of[id(c)] for c in others)) if others else set()
                    if not is_false and n_true > n_false:
                        continue
                    chosen.append(j)
                    used |= u
                    if is_false:
                        n_false += 1
                    else:
                        n_true += 1
                    break
                if chosen:
                    break
            dropped["judge_shares_sentence"] += len(judges) - len(chosen)
            kept += others + chosen
        kept.sort(key=lambda c: c.key)
        # fills: never answered by another question of the section, never the same answer twice
        out: list[Candidate] = []
        answers: set[str] = set()
        for c in kept:
            q = c.question
            if q.type == "fill":
                shown = "".join(norm(o.question.stem.replace(BLANK, "|")) + "|" + "|".join(map(norm, o.question.options))
                                for o in kept if o is not c and o.question.type != "fill") + "|".join(
                    norm(o.question.stem) for o in kept if o is not c and o.question.type == "fill")
                ans = [norm(a) for a in q.answer]
                if any(a in shown or a in answers for a in ans):
                    dropped["fill_answer_elsewhere"] += 1
                    continue
                answers.update(ans)
            out.append(c)
        return out, dropped

    def definition(self, info: SectionInfo, sent: str, rng: random.Random) -> list[Question]:
        """"X是Y。" statements of what a thing is → fill on the subject (概念)."""
        m = re.match(r"^([^，,；;。：:、“”]{2,12}?)是([^；;。]{4,60})。$", sent)
        if not m:
            return []
        subj = m.group(1)
        if _BAD_START.match(subj) or subj in FUNCTION_WORDS or is_function_word(subj):
            return []
        if any(t in FUNCTION_WORDS for t in segment.tokens(subj)[:1]):
            return []
        if norm(subj) in norm(m.group(2)):
            return []
        q = self.fill(info, sent, [(0, len(subj))], ["概念"] + [t for t in _tags(info, sent) if t != "内容"][:1])
        return [q] if q else []

    def _norm_bodies(self) -> list[tuple[str, str]]:
        """The pool of bodies with their normalized forms (computed once per document)."""
        if self._bodies_norm is None:
            self._bodies_norm = [(b, norm(b)) for b in self.pools.bodies]
        return self._bodies_norm

    def law_sentence(self, info: SectionInfo, sent: str, rng: random.Random) -> list[Question]:
        """应当/不得/有权/可以 sentences of a law → judge (modal or actor changed) and actor choice."""
        if info.article is None:
            return []
        out: list[Question] = []
        tags = _tags(info, sent)
        nq = norm(sent)
        # actor: 由X… / 向X…
        nbodies = self._norm_bodies()
        bodies = [b for b, nb in nbodies if nb in nq]
        for bname in bodies[:1]:
            a = sent.find(bname)
            wrong = [x for x, nx in nbodies if nx not in nq and x not in bname and bname not in x]
            wrong = sorted(wrong, key=lambda x: (abs(len(x) - len(bname)), x))[:8]
            rng.shuffle(wrong)
            if len(wrong) < 3:
                break
            ws, we = self.window(sent, a, a + len(bname), limit=60)
            frag = strip_end(sent[ws:a] + HOLE + sent[a + len(bname):we])
            if not _BAD_START.match(frag) and len(frag) >= 12 and rng.random() < 0.6:
                q = self.choice(rng, info, "single", f"{info.place()}规定：“{frag}”。括号中应填入的是？",
                                [bname], wrong[:3], sent, tags)
                if q:
                    out.append(q)
            if rng.random() < 0.5:
                stmt = sent[ws:a] + wrong[3 % len(wrong)] + sent[a + len(bname):self.clause_end(sent, we)]
                q = self.judge(info, sent, stmt, False, tags,
                               note=f"应为“{bname}”，不是“{wrong[3 % len(wrong)]}”。")
                if q:
                    out.append(q)
        if not any(q.type == "judge" for q in out):
            for old, new in MODAL_SWAP:
                a = sent.find(old)
                if a < 0:
                    continue
                ws, we = self.window(sent, a, a + len(old))
                we = self.clause_end(sent, we)
                if rng.random() < 0.5:
                    stmt = sent[ws:a] + new + sent[a + len(old):we]
                    q = self.judge(info, sent, stmt, False, tags, note=f"应为“{old}”，不是“{new}”。")
                else:
                    q = self.judge(info, sent, sent[ws:we], True, tags)
                if q:
                    out.append(q)
                break
        return out

    def law_list(self, info: SectionInfo, rng: random.Random) -> list[Question]:
        """An article's （一）（二）… items → multiple choice and a short answer (职责/程序/权限)."""
        node = info.node
        items_nodes = [c for c in node.children if c.kind in ("paren_cn", "paren_arabic")]
        if len(items_nodes) < 3 or not node.text.rstrip().endswith(("：", ":")):
            return []
        intro = sentences(node.text)[-1]
        quote_parts = []
        items = []
        for c in items_nodes:
            t = item_text(c)
            quote_parts.append((c.label or "") + t)
            it = strip_end(t)
            if not it.startswith(("其他", "其它")):
                items.append(it)
        quote = intro + "".join(quote_parts)
        if norm(quote) not in norm(subtree_text(node)):
            quote = intro
        tags = _tags(info, intro)
        for t in ("职责", "程序", "权限"):
            if t in intro or (t == "职责" and "职责" in intro):
                pass
        short_items = [x for x in items if len(x) <= 24]
        out: list[Question] = []
        m = re.search(r"下列(\w{1,8}?)(?:之一|：|:|$)|如下(\w{1,4})", intro)
        cat = (m.group(1) or m.group(2)) if m else ""
        lead = strip_end(intro)
        if len(short_items) >= 2 and norm(quote) != norm(intro):
            pool = []
            for other in self.infos:
                if other is info:
                    continue
                ch = [c for c in other.node.children if c.kind in ("paren_cn", "paren_arabic")]
                if len(ch) < 3:
                    continue
                for c in ch:
                    t = strip_end(item_text(c))
                    if t and not t.startswith(("其他", "其它")) and norm(t) not in norm(quote) \
                            and t[-1:] == short_items[0][-1:]:
                        pool.append(t)
            pool = list(dict.fromkeys(pool))
            lens = [len(x) for x in short_items]
            pool = [x for x in pool if (max(max(lens), len(x)) + 2) / (min(min(lens), len(x)) + 2) <= LENGTH_RATIO]
            if pool:
                rng.shuffle(pool)
                k = min(len(short_items), rng.choice([2, 3]))
                nw = max(1, min(len(pool), 4 - k + rng.choice([0, 1])))
                if k + nw >= 4:
                    what = f"该条所列{cat}" if cat else "该条所列内容"
                    q = self.choice(rng, info, "multiple", f"根据{info.place()}，{lead}。下列属于{what}的有哪些？",
                                    rng.sample(short_items, k), pool[:nw], quote, tags, difficulty=3)
                    if q:
                        out.append(q)
        if len(short_items) >= 2 and norm(quote) != norm(intro) and len(short_items) == len(items):
            out.append(self._q(info, "short", f"根据{info.place()}，{lead}。请列出该条规定的各项内容。", [],
                               short_items, quote, tags, difficulty=3))
        return out

    def _fill_steps(self, t: str) -> tuple[float, ...] | None:
        """How a term scores as a generic fill's blank, apart from its span's bonus: None when
        it may not be blanked, else the score changes in order. It depends on the term and the
        document's term counts only, so it is computed once per document and term."""
        try:
            return self._fill_cache[t]
        except KeyError:
            pass
        terms = self.pools.terms
        steps: tuple[float, ...] | None = None
        if not (not re.fullmatch(r"[\u4e00-\u9fff\d]+", t) or t in FUNCTION_WORDS or t in BODY_SUFFIX
                or _vague(t) or is_function_word(t)):
            out: list[float] = []
            toks = segment.tokens(t)
            if segment.pos_of(toks[0]) == "v" and terms.get(t, 0) < 2:
                out.append(-2)
            if t.endswith(BODY_SUFFIX):
                out.append(2.5)
            if len(t) == 4:
                out.append(1.5)
            if 3 <= len(t) <= 7:
                out.append(1)
            elif len(t) > 8:
                out.append(-1)
            if terms.get(t, 0) >= 2 or (len(toks) == 1 and terms.get(toks[0], 0) >= 2):
                out.append(1)
            if segment.pos_of(toks[-1]).startswith(("n", "vn")) or t.endswith(("化", "权", "制", "法")):
                out.append(1)
            if re.fullmatch(r"[\u4e00-\u9fff]{2}", t):
                out.append(-1)
            steps = tuple(out)
        self._fill_cache[t] = steps
        return steps

    def generic_fill(self, info: SectionInfo, sent: str, rng: random.Random) -> Question | None:
        """One blank on the best whole term: bodies, terms the document repeats, four-character
        phrases — never a frame verb (充分发挥), a general word or half of a term."""
        best: list[tuple[float, int, int]] = []
        for a, b, bonus in _term_spans(sent, 10):
            steps = self._fill_steps(sent[a:b])
            if steps is None or _shares_head(sent, a, b):
                continue
            score = bonus
            for d in steps:  # the same additions, in the same order, as scoring afresh
                score += d
            best.append((score + rng.random() * 0.5, a, b))
        best.sort(key=lambda x: (-x[0], x[1]))
        for _, a, b in best[:3]:
            q = self.fill(info, sent, [(a, b)], _tags(info, sent))
            if q and sent[a:b] not in stem_without_blank(q.stem):
                return q
        return None


@lru_cache(maxsize=65536)
def _pos_class(item: str) -> str:
    """Noun-like, verb-like or other, from the item's last word."""
    toks = segment.tokens(item)
    tag = segment.pos_of(toks[-1]) if toks else ""
    return "n" if tag.startswith("n") else "v" if tag.startswith("v") else tag[:1]


def _shared_prefix(items: list[str]) -> str:
    p = items[0]
    for it in items[1:]:
        k = 0
        while k < min(len(p), len(it)) and p[k] == it[k]:
            k += 1
        p = p[:k]
    return p if len(p) >= 2 else ""


def stem_without_blank(stem: str) -> str:
    return stem.replace(BLANK, "|")


def _terminated(s: str) -> bool:
    t = s.rstrip("”’」』】》 ")
    return bool(t) and t[-1] in "。！？!?；;：:"


_CN_DIGITS = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """Small numbers as official texts write them: 24 → 二十四, 10 → 十."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def _number_variants(val: str, rng: random.Random) -> list[str]:
    """Plausible wrong values in the same style (2020年 → 2018年, 二十四小时 → 四十八小时)."""
    m = re.fullmatch(r"(\d{4})年", val)
    if m:
        y = int(m.group(1))
        vals = [y + d for d in (-5, -2, 5, 10, -1, 15, 3)]
        out = [f"{v}年" for v in vals]
        head, rest = out[:4], out[4:]
        rng.shuffle(head)
        return head + rest
    m = re.fullmatch(r"([一二三四五六七八九十两]+|\d+)(个月|小时|日|天|年)", val)
    if not m:
        return []
    num, unit = m.groups()
    try:
        n = cn_to_int(num.replace("两", "二"))
    except ValueError:
        return []
    cands = [n * 2, n + 1, n * 3, n - 1, 48 if unit == "小时" else n + 2, 72 if unit == "小时" else n + 3, 5, 7, 10]
    if n > 2:
        cands.insert(1, n // 2)
    seen: list[int] = []
    for c in cands:
        if c > 0 and c != n and c not in seen and c < 100:
            seen.append(c)
    digits = num.isdigit()
    out = [(str(c) if digits else int_to_cn(c)) + unit for c in seen]
    head, rest = out[:4], out[4:]
    rng.shuffle(head)
    return head + rest


# --- terms: where a blank may sit ------------------------------------------------------------
@lru_cache(maxsize=65536)
def _is_breaker(tok: str) -> bool:
    """A word that ends a term: punctuation, function words, frame verbs, numerals…"""
    if not re.fullmatch(r"[\u4e00-\u9fff]+", tok):
        return True
    if tok in _TERM_PREFIX_CHARS or tok in ("相对", "综合", "统一"):
        return False  # 后评价, 大数据, 相对集中行政许可权
    if tok in FUNCTION_WORDS or tok in _FRAME_VERBS:
        return True
    tag = segment.pos_of(tok)
    if len(tok) == 1 and not tag.startswith("n"):
        return tok not in _TERM_PREFIX_CHARS  # 大数据, 后评价: a one-character prefix of a term
    return bool(tag) and tag.startswith(_BREAK_POS) and not tag.startswith(("nr", "ns", "nt", "nz"))


def term_chunks(text: str) -> list[tuple[int, int, list[str]]]:
    """Maximal runs of content words in `text` (noun phrases with their modifiers), as
    (start, end, tokens): a blank starts where a run starts, so it never takes half a term."""
    return [(a, b, list(toks)) for a, b, toks in _term_chunks(text)]


@lru_cache(maxsize=16384)
def _term_chunks(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Cached core of `term_chunks` (judges, fills and measures look at the same sentence)."""
    out: list[tuple[int, int, list[str]]] = []
    pos = 0
    cur: list[str] = []
    start = 0
    for tok in segment.tokens(text):
        if tok in ("后", "前") and cur:
            out.append((start, pos, cur))  # 实施情况 | 后评价: the prefix opens a new term
            cur = []
            start = pos
        if _is_breaker(tok):
            if cur:
                out.append((start, pos, cur))
            cur = []
            pos += len(tok)
            start = pos
            continue
        cur.append(tok)
        pos += len(tok)
    if cur:
        out.append((start, pos, cur))
    return tuple((a, b, tuple(toks)) for a, b, toks in out)


def term_spans(text: str, max_len: int = 10) -> list[tuple[int, int, float]]:
    """Blankable terms of `text` as (start, end, bonus): whole runs, runs without a general
    head (新闻发言人 of 新闻发言人制度, only when what remains is a term itself), and the tail of
    a long run when the part before it is a term too (重大执法决定 | 法制审核)."""
    return list(_term_spans(text, max_len))


@lru_cache(maxsize=16384)
def _term_spans(text: str, max_len: int) -> tuple[tuple[int, int, float], ...]:
    spans: list[tuple[int, int, float]] = []
    for a, b, toks in _term_chunks(text):
        offs = []
        p = a
        for t in toks:
            offs.append((p, p + len(t)))
            p += len(t)
        # drop general heads at the end (…制度, …机制建设)
        n = len(toks)
        while n > 1 and toks[n - 1] in _GENERIC_HEADS:
            n -= 1
        ends = [(offs[-1][1], 0.0)]
        if n < len(toks) and toks[n - 1] not in ("统一", "综合", "相对"):
            ends = [(offs[n - 1][1], 0.5), (offs[-1][1], -0.5)]
            # 刑事司法衔接(机制): a verb before the head is not where the term ends
            if n > 1 and toks[n - 1] in _LINK_VERBS and offs[n - 2][1] - a >= 4:
                ends.append((offs[n - 2][1], 0.8))
        for e, bonus in ends:
            if 2 <= e - a <= max_len:
                spans.append((a, e, bonus))
            # the tail of a long run: left part and tail both at least four characters
            for k in range(1, len(toks)):
                s0 = offs[k][0]
                if s0 >= e or bonus <= 0:
                    break  # tails only before a general head (重大执法决定|法制审核|制度)
                if s0 - a >= 4 and 4 <= e - s0 <= max_len and e - a > max_len - 2 \
                        and segment.pos_of(toks[k - 1]).startswith("n"):
                    spans.append((s0, e, bonus - 0.5))
    return tuple(spans)


@lru_cache(maxsize=65536)
def _vague(term: str) -> bool:
    toks = segment.tokens(term)
    if term in _VAGUE or term in _GENERIC or all(t in _VAGUE or t in _GENERIC_HEADS for t in toks):
        return True
    if toks and (toks[0] in _FRAME_VERBS or _ACTION_START.match(term)):
        return True
    # a run of verbs only (充分发挥, 贯彻落实) is an action, not a term
    return all(segment.pos_of(t).startswith(("v", "a", "d")) and not segment.pos_of(t).startswith("vn")
               for t in toks)


@lru_cache(maxsize=65536)
def _shape(item: str) -> tuple[str, str]:
    """Grammatical shape of an item: classes of its first and last word (verb-object 处置重大资产
    is ('v', 'n'); 国有资产 is ('n', 'n'))."""
    toks = segment.tokens(item)

    def cls(t: str) -> str:
        tag = segment.pos_of(t)
        if tag.startswith(("vn", "an")):
            return "n"
        return tag[:1] if tag else "?"

    return (cls(toks[0]), cls(toks[-1])) if toks else ("?", "?")


def _share_in(a: str, chars: set[str]) -> float:
    """`_char_share(a, b)` with the characters of b as a set."""
    return sum(1 for c in a if c in chars) / max(1, len(a))


def _char_share(a: str, b: str) -> float:
    """Share of the characters of `a` that occur in `b`."""
    return sum(1 for c in a if c in b) / max(1, len(a))


def _longest_common(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def too_close(wrong: str, correct: list[str], quote: str) -> bool:
    """A distractor that may well be right: it shares a long piece or most of its characters
    with a correct option, or most of its characters with the quoted sentence (公共工程建设
    beside 重大建设项目批准和实施)."""
    w = norm(wrong)
    for c in correct:
        c = norm(c)
        if _longest_common(w, c) >= max(3, min(len(w), len(c)) - 1) or (
                _char_share(w, c) > 0.75 and len(w) > 2):
            return True
    return bool(quote) and _char_share(w, norm(quote)) > 0.6


def _units(q: Question, parts: list[str]) -> set[int]:
    """Which parts (；-clauses) of its quote a question shows: the whole sentence when it has
    fewer than three parts; in a long multi-part sentence (基本原则) the parts its stem quotes."""
    if len(parts) < 3:
        return {0}
    body = norm(re.sub(r"《[^》]*》", "", q.stem).replace(BLANK, "|"))
    return {k for k, part in enumerate(parts) if _longest_common(part, body) >= 8}


def _shares_head(sent: str, a: int, b: int) -> bool:
    """协勤、协管人员 / 审判、检察工作: the term after 、 carries a head the short item before it
    shares, so blanking it takes half of two items."""
    if b < len(sent) and sent[b] == "、":
        # 严格规范协勤、协管人员管理: a short first item before a longer one with the head
        nxt = re.match(r"[\u4e00-\u9fff]+", sent[b + 1:])
        if nxt and b - a + 2 <= len(segment.tokens(nxt.group(0))[0]) + 2 and \
                len(nxt.group(0)) >= b - a + 2 and b - a <= 2:
            return True
    if a == 0 or sent[a - 1] != "、":
        return False
    k = a - 1
    while k > 0 and re.match(r"[\u4e00-\u9fff]", sent[k - 1]):
        k -= 1
    prev = sent[k:a - 1]
    toks = segment.tokens(prev)
    prev_item = toks[-1] if toks else prev
    return len(prev_item) + 2 <= b - a


_TITLE_HEADS = ("制度", "机制", "体系", "工作", "建设", "改革", "体制", "配置", "职能")


def _title_keys(title: str) -> list[str]:
    """The object a section title names (决策 of 健全依法决策机制, 政务公开 of 全面推进政务公开)."""
    toks = [t for t in segment.tokens(title) if re.fullmatch(r"[\u4e00-\u9fff]{2,}", t)]
    while len(toks) > 1 and toks[-1] in _TITLE_HEADS:
        toks.pop()
    if not toks:
        return []
    key = toks[-1]
    if key in _FRAME_VERBS or key in ("监督", "依法", "行政", "司法"):
        return []
    return [key]


def _common_affix(items: list[str]) -> str:
    p = items[0] if items else ""
    for it in items[1:]:
        k = 0
        while k < min(len(p), len(it)) and p[k] == it[k]:
            k += 1
        p = p[:k]
    return p
