"""Question generators, written for what official documents are made of.

Each generator reads one sentence (or one section) and proposes questions; nothing here
decides whether a question is good enough — `verify` does, so generators may be bold.
Randomness comes only from the `random.Random` handed in (seeded per section), and every
collection is iterated in a fixed order, so the same document and seed give the same bank.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Iterator

from studyapp.core.outline import cn_to_int
from studyapp.core.questions import segment
from studyapp.core.questions.enums import Enumeration, find_enumerations
from studyapp.core.questions.model import BLANK, Question
from studyapp.core.questions.text import (
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


@dataclass
class Candidate:
    """A proposed question with its place in reading order (for a stable bank order)."""

    key: tuple[int, int, int]
    question: Question


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

    def add_item(self, item: str, kind: str, eid: int) -> None:
        k = len(self.items)
        self.items.append((item, kind, eid))
        self.by_end.setdefault(item[-1], []).append(k)
        self.by_len.setdefault(len(item), []).append(k)
        self.by_start.setdefault(item[:2], []).append(k)


def _tags(info: SectionInfo, text: str, first: str | None = None) -> list[str]:
    """What a question asks about, from its section title and sentence."""
    tags: list[str] = [first] if first else []
    title = info.heading_title()
    law = info.article is not None

    def add(t: str) -> None:
        if t not in tags:
            tags.append(t)

    if "原则" in title:
        add("原则")
    if "目标" in title or GOAL_RE.search(text):
        add("目标")
    if "指导思想" in title:
        add("思想")
    if MEASURE_RE.search(text):
        add("措施")
    if law and re.search(r"职责|负责|履行", text):
        add("职责")
    if re.search(r"程序|批准|手续|期限|以内|之日起|日内|个月内", text):
        add("程序")
    if law and re.search(r"有权|可以|权限", text):
        add("权限")
    if re.search(r"应当|必须|不得|不准|严禁|禁止|决不", text):
        add("要求")
    if not tags:
        add("内容")
    return tags[:3]


class Generator:
    """Runs every generator over one document, with shared pools."""

    def __init__(self, infos: list[SectionInfo], doc_title: str, truncated: bool) -> None:
        self.infos = infos
        self.doc_title = doc_title
        self.truncated = truncated
        self.pools = DocPools()
        self.last_info = infos[-1] if infos else None
        self._norm_cache: tuple[int, str] = (-1, "")
        self._build_pools()

    # --- pools -----------------------------------------------------------------------
    def _build_pools(self) -> None:
        p = self.pools
        eid = 0
        heads: dict[str, None] = {}
        bodies: dict[str, None] = {}
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
                    eid += 1
                for c in re.split(r"[，,；;。：:]", sent):
                    if c.startswith("坚持"):
                        h = re.split(r"首先|、", c)[0]
                        if 5 <= len(h) <= 12:
                            heads[h] = None
                for tok in segment.tokens(sent):
                    if len(tok) >= 2:
                        p.terms[tok] = p.terms.get(tok, 0) + 1
                for b in self._bodies_in(sent):
                    bodies[b] = None
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
                    eids: set[int] = frozenset()) -> list[str]:
        """Items of other enumerations of the same kind and similar length, absent from `avoid`."""
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
        scored: list[tuple[float, str]] = []
        seen: set[str] = set()
        nl = [norm(x) for x in like]
        prefix = _shared_prefix(like)
        pcs = [_pos_class(x) for x in like]
        like_pos = max(sorted(set(pcs)), key=pcs.count)
        for k in sorted(cand_idx):
            item, ikind, eid = p.items[k]
            ni = norm(item)
            if eid in eids or ni in seen or ni in avoid or any(ni in x or x in ni for x in nl):
                continue
            seen.add(ni)
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
            if signal < 2.5:  # no sign of being the same kind of thing: an absurd distractor
                continue
            scored.append((signal - abs(len(item) - target), item))
        scored.sort(key=lambda t: (-t[0], t[1]))
        top = scored[: max(n * 3, 6)]
        rng.shuffle(top)
        out: list[str] = []
        for _, item in top:
            if all(norm(item) not in norm(o) and norm(o) not in norm(item) for o in out):
                out.append(item)
            if len(out) == n:
                break
        return out

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
              note: str = "") -> Question | None:
        statement = strip_end(statement)
        if _BAD_START.match(statement) or len(statement) < 8 or len(statement) > 80:
            return None
        stem = f"根据{info.place()}，判断正误：{statement}。"
        expl = f"{'正确' if truth else '错误'}。原文：“{sent}”" + (f"{note}" if note else "")
        return self._q(info, "judge", stem, [], truth, sent, tags, explanation=expl, difficulty=1)

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
            if not any(q.type == "judge" for q in out) and len(sent) <= 90 and not sent.rstrip().endswith(("：", ":")):
                q = self.judge(info, sent, sent, True, _tags(info, sent))
                if q is not None and rng.random() < 0.5:
                    out.append(q)
            for k, q in enumerate(out):
                yield Candidate((order, si, k), q)

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
        # judge: a clause as written, or its head swapped with a sibling's
        picked = sorted(rng.sample(range(len(heads)), min(2, len(heads))))
        for k, (h, c) in enumerate(heads):
            if k not in picked:
                continue
            rest = c[len(h):]
            if not rest.strip("，,；;。"):
                continue
            if rng.random() < 0.5:
                other = names[(k + 1 + rng.randrange(len(names) - 1)) % len(names)]
                stmt = other + rest
                q = self.judge(info, sent, stmt, False, tags,
                               note=f"“{strip_end(rest).lstrip('，,')}”是对“{h}”的阐述，不是“{other}”。")
            else:
                q = self.judge(info, sent, c, True, tags)
            if q:
                out.append(q)
        return out

    def enumeration(self, info: SectionInfo, sent: str, e: Enumeration, rng: random.Random,
                    principles: bool = False) -> list[Question]:
        """X、Y、Z和W → multiple "括号中应包括哪些" or single "不包括哪一项", a judge, a fill."""
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
        wrong_pool = self.distractors(rng, items, e.kind, 3, nq)
        place, verb = info.place(), self.verb(info)
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
        # judge: as written, or one item swapped for a phrase of another list
        ws2, we2 = self.window(sent, e.start, e.end)
        we2 = self.clause_end(sent, we2)
        if wrong_pool and rng.random() < 0.5:
            k = rng.choice(ok)
            a, b = e.spans[k]
            stmt = sent[ws2:a] + wrong_pool[-1] + sent[b:we2]
            q = self.judge(info, sent, stmt, False, tags,
                           note=f"题中将“{e.items[k]}”换成了“{wrong_pool[-1]}”。")
        else:
            q = self.judge(info, sent, sent[ws2:we2], True, tags)
        if q:
            out.append(q)
        # fill: one item, preferably a four-character phrase
        four = [k for k in ok if len(e.items[k]) == 4] or ok
        k = rng.choice(four)
        if not is_function_word(e.items[k]):
            q = self.fill(info, sent, [e.spans[k]], tags)
            if q:
                out.append(q)
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
            # fill on the words right before 制度/机制
            toks = segment.tokens(part)
            offs, p = [], 0
            for t in toks:
                offs.append((p, p + len(t)))
                p += len(t)
            last = next((k for k in range(len(toks) - 1, -1, -1) if toks[k] in ("制度", "机制", "体系")), None)
            if last is None or last == 0:
                continue
            k = last - 1
            a = offs[k][0]
            while k > 0 and offs[last - 1][1] - a < 3 and toks[k - 1] not in FUNCTION_WORDS \
                    and not MEASURE_RE.match(toks[k - 1]):
                k -= 1
                a = offs[k][0]
            b = offs[last - 1][1]
            ans = part[a:b]
            if 2 <= len(ans) <= 8 and not is_function_word(ans):
                qf = self.fill(info, sent, [(start + a, start + b)], tags)
                if qf:
                    out.append(qf)
        return out[:4]

    def title_choice(self, info: SectionInfo, clause: str, sent: str, rng: random.Random,
                     tags: list[str]) -> Question | None:
        """Which part of the document a measure belongs to: options are section titles."""
        law = info.article is not None
        home = info.chapter if law else next(
            (a for a in reversed(info.ancestors) if a.title and a.kind in ("cn", "arabic", "zhang", "jie")), None)
        if home is None:
            return None
        titles = self.pools.headings.get(home.kind, [])
        nq = norm(sent)
        anc = {norm(a.title) for a in info.ancestors if a.title}
        cands = []
        for t, _ in titles:
            nt = norm(t)
            if nt in anc or nt in nq or nt == norm(home.title):
                continue
            if (max(len(t), len(home.title)) + 2) / (min(len(t), len(home.title)) + 2) > 2.0:
                continue
            if any(nt in x or x in nt for x in anc):
                continue
            cands.append(t)
        cands = list(dict.fromkeys(cands))
        if len(cands) < 3:
            return None
        wrong = rng.sample(cands, 3)
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
            q = self.judge(info, sent, stmt, False, tags, note=f"应为“{val}”，不是“{wv}”。")
            if q:
                out.append(q)
        return out

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

    def law_sentence(self, info: SectionInfo, sent: str, rng: random.Random) -> list[Question]:
        """应当/不得/有权/可以 sentences of a law → judge (modal or actor changed) and actor choice."""
        if info.article is None:
            return []
        out: list[Question] = []
        tags = _tags(info, sent)
        nq = norm(sent)
        # actor: 由X… / 向X…
        bodies = [b for b in self.pools.bodies if norm(b) in nq]
        for bname in bodies[:1]:
            a = sent.find(bname)
            wrong = [x for x in self.pools.bodies if norm(x) not in nq and x not in bname and bname not in x]
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

    def generic_fill(self, info: SectionInfo, sent: str, rng: random.Random) -> Question | None:
        """One blank on the best content word: terms, numbers, bodies, four-character phrases."""
        toks = segment.tokens(sent)
        # join noun compounds (行政+许可权, 公安+机关) so a blank never takes half of one
        units: list[tuple[int, int, list[str]]] = []
        pos = 0
        for t in toks:
            a, b = pos, pos + len(t)
            pos = b
            nounish = bool(re.fullmatch(r"[\u4e00-\u9fff]{2,}", t)) and t not in FUNCTION_WORDS \
                and segment.pos_of(t).startswith("n")
            if units and nounish and units[-1][2] and units[-1][2][-1] == "N" \
                    and b - units[-1][0] <= 6:
                units[-1] = (units[-1][0], b, units[-1][2])
            else:
                units.append((a, b, ["N"] if nounish else ["-"]))
        best: list[tuple[float, int, int]] = []
        terms = self.pools.terms
        for a, b, _ in units:
            t = sent[a:b]
            if len(t) < 2 or not re.fullmatch(r"[\u4e00-\u9fff\d]+", t) or t in FUNCTION_WORDS \
                    or t in BODY_SUFFIX or t in _GENERIC or _ACTION_START.match(t):
                continue
            tag = segment.pos_of(t)
            score = 0.0
            if NUM_RE.fullmatch(t) or re.fullmatch(r"\d+", t):
                score += 2
            if t.endswith(BODY_SUFFIX):
                score += 3
            if len(t) == 4 and tag.startswith(("n", "l", "i", "vn")):
                score += 2
            if tag.startswith(_CONTENT_POS) or (not tag and len(t) >= 4):
                score += 1
            elif tag and not tag.startswith("v"):
                continue
            if terms.get(t, 0) >= 2 and len(t) >= 3:
                score += 1.5
            if len(t) >= 3:
                score += 0.5
            if score < 1.5:
                continue
            best.append((score + rng.random() * 0.5, a, b))
        best.sort(key=lambda x: (-x[0], x[1]))
        for _, a, b in best[:3]:
            word = sent[a:b]
            if is_function_word(word):
                continue
            q = self.fill(info, sent, [(a, b)], _tags(info, sent))
            if q and word not in stem_without_blank(q.stem):
                return q
        return None


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
