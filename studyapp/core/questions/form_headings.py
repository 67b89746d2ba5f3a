"""Which part of a policy document a measure serves: a 意见 or 决定 written in titled parts
(「（二）健全依法决策机制」「7. 全面推进政务公开」) states its measures under headings that say
what they are for. A cadre is expected to know what each measure is for — the sentence
「建立市级重大决策专家咨询库和咨询制度」 serves 健全依法决策机制 — and a choice among the
document's headings asks it without a blank or a falsified rule.

Fair only where the text itself ties the measure to its heading: the sentence carries a word
that is distinctive of its own heading (决策 for 健全依法决策机制: in the heading, in the part,
in few other parts), and no word of any rival heading's title. The rivals are sibling headings
of the same level whose titles share no word with the key's, so no option is also right and
none is a restatement of another. Laws and regulations written in articles are left out: a
chapter's title asks only where the drafter put an article.
"""

from __future__ import annotations

import random
import re
import zlib

from studyapp.core.questions import segment
from studyapp.core.questions.formbase import Candidate, FormBase
from studyapp.core.questions.lexicon import Unit, preamble
from studyapp.core.questions.text import SectionInfo, strip_end

# words every heading of a policy document says: they tie a measure to no heading in particular
_HEADING_WORDS = frozenset(
    "加强 推进 健全 完善 全面 深入 切实 坚持 建立 依法 工作 制度 机制 建设 提高 强化 深化 认真 做好 扎实 "
    "明确 规范 加快 进一步 积极 努力 不断 大力 着力 有效 保证 确保 提升 优化 落实 实施 推动 促进 严格 "
    "体系 水平 能力 管理 问题 方面 主要 重点 相关 有关 各项 全市 全省 全国 全县 各级 党政 实际 "
    "要求 任务 意见 组织 领导 责任 发展 改革 创新 统筹 协调 保障 服务 支持 营造 良好 氛围".split())
# headings that name a part of the document's frame, not a field of work
_FRAME_TITLES = re.compile(r"^(?:指导思想|总体目标|基本原则|主要目标|工作目标|目标任务|主要任务|重点任务|总体要求|"
                           r"工作原则|适用范围|组织实施|保障措施|组织保障|附则|重要意义)")
_FUNCTION_POS = ("u", "c", "p", "r", "m", "q", "f", "x", "w", "y", "e", "o")
_BINDING = frozenset("要 必须 不得 应当 应 严禁 不准 不允许 决不 坚决 不能 务必".split())
_SHORT, _LONG = 12, 80       # a measure shown in a stem
_LONG_PART = 600            # a part this long gets two questions
_OPTION_LONG = 50            # a measure shown as one option among four


class HeadingForms(FormBase):
    def heading_choices(self, rng: random.Random) -> list[Candidate]:
        """Per titled part, one question on a measure and the part it serves: a single choice
        among sibling headings, a multiple choice among measures of this part and of a sibling,
        or a true/false item naming the part (true or a sibling's) — the type turns from part
        to part so no form runs through the document."""
        if self.lex.legal or self.lex.articled:
            return []
        parts = self._parts()
        if len(parts) < 4:
            return []
        out: list[Candidate] = []
        judges = 0
        spare: list[tuple[SectionInfo, list[Unit], list]] = []  # where a multiple choice could go
        for n, (info, words) in enumerate(parts):
            rivals = [(i, w) for i, w in parts if i is not info and i.path[:-1] == info.path[:-1]
                      and not (w & words) and not _shares_word(i.node.title, info.node.title)]
            if len(rivals) < 3:
                rivals = [(i, w) for i, w in parts if i is not info and len(i.path) == len(info.path)
                          and not (w & words) and not _shares_word(i.node.title, info.node.title)]
            if len(rivals) < 3:
                continue
            # per measure the rivals whose titles it does not echo (a sentence on 公开 rules out
            # 全面推进政务公开 as a rival, not the question)
            measures = []
            for u in self._measures(info, words):
                clean = [(i, w) for i, w in rivals if not _says_title_word(u.text, i.node.title)]
                if len(clean) >= 3:
                    measures.append((u, clean))
            if not measures:
                continue
            spare.append((info, [u for u, _r in measures], rivals))
            # the type turns from part to part; a long part (a page of measures) gets a second
            # question of the next type on another of its measures
            want = 2 if len(info.node.text or "") >= _LONG_PART and len(measures) >= 2 else 1
            used: set[int] = set()
            for k in range(3):
                if want <= 0:
                    break
                free = [(u, r) for u, r in measures if u.order not in used]
                if not free:
                    break
                turn = (n + k) % 3
                made: Candidate | None = None
                if turn == 1:
                    made = self._multiple(info, [u for u, _r in free], rivals, rng)
                elif turn == 2:
                    made = self._judge(info, *free[rng.randrange(len(free))], rng, truth=judges % 2 == 0)
                    judges += 1
                else:
                    made = self._single(info, *free[rng.randrange(len(free))], rng)
                if made is None:
                    continue
                out.append(made)
                used.update([made.unit.order, *made.covers])
                want -= 1
        if not any(c.type == "multiple" for c in out):
            # no part's turn made one: the first parts that can, two of them (the selection may
            # prefer another question on a sentence one shows; a document gets every type)
            extra = 0
            for info, units, rivals in spare:
                shown = {o for c in out for o in (c.unit.order, *c.covers)}
                made = self._multiple(info, [u for u in units if u.order not in shown], rivals, rng)
                if made is not None:
                    out.append(made)
                    extra += 1
                    if extra == 2:
                        break
        return out

    # --- the document's titled parts and their measures -----------------------------------
    def _parts(self) -> list[tuple[SectionInfo, set[str]]]:
        """Titled sections with a text of their own, and the words of each title that are
        distinctive of it: said in its own text and in at most a third of the parts."""
        infos = []
        seen: set[int] = set()
        for u in self.lex.units:
            if id(u.info) in seen:
                continue
            seen.add(id(u.info))
            title = strip_end(u.info.node.title or "")
            if 4 <= len(title) <= 24 and u.info.node.text and not _FRAME_TITLES.match(title):
                infos.append(u.info)
        texts = [i.node.text or "" for i in infos]
        out = []
        for info in infos:
            own = info.node.text or ""
            words = {w for w in _title_words(info.node.title) if w in own
                     and sum(1 for t in texts if w in t) <= max(2, len(texts) // 3)}
            if words:
                out.append((info, words))
        return out

    def _measures(self, info: SectionInfo, words: set[str]) -> list[Unit]:
        """The part's sentences that stand alone and carry one of its distinctive words, but not
        the whole title (which would give the answer away)."""
        title = strip_end(info.node.title)
        out = []
        for u in self.lex.units:
            if u.info is not info or u.item or preamble(u.text):
                continue
            s = strip_end(u.text)
            if not _SHORT <= len(s) <= _LONG or title in s or re.search(r"[：:；;“”《》]", s):
                continue
            if not any(w in s for w in words) or self._ready(u) != "" or not _prescribes(s):
                continue
            out.append(u)
        return out

    # --- the three types -------------------------------------------------------------------
    def _single(self, info: SectionInfo, u: Unit, rivals, rng: random.Random) -> Candidate:
        s = strip_end(u.text)
        key = strip_end(info.node.title)
        wrong = [strip_end(i.node.title) for i, _w in rng.sample(rivals, 3)]
        options = [key] + wrong
        rng.shuffle(options)
        first = segment.tagged(key)[:1]
        way = zlib.crc32(s.encode("utf-8")) % 3
        if way == 1 and first and first[0][1].startswith("v"):
            stem = f"“{s}”，主要是为了（　　）。"
        elif way == 2:
            stem = f"“{s}”体现的是下列哪一方面的要求？"
        else:
            stem = f"“{s}”是下列哪一方面的{_kind(s)}？"
        q = self._question(u, "single", stem, options, [options.index(key)], difficulty=2,
                           note=f"这项{_kind(s)}在“{key}”部分提出。")
        return Candidate(q, u, 2.2, "heading_single", [])

    def _multiple(self, info: SectionInfo, measures: list[Unit], rivals, rng: random.Random) -> Candidate | None:
        """Two or three measures of the part beside measures of sibling parts (one part or two),
        none of which says a word of the key's title, the part's own saying none of theirs."""
        mine = [u for u in measures if len(strip_end(u.text)) <= _OPTION_LONG]
        if len(mine) < 2:
            return None
        key = strip_end(info.node.title)
        pool = [(u, other) for other, owords in rivals for u in self._measures(other, owords)
                if len(strip_end(u.text)) <= _OPTION_LONG and not _says_title_word(u.text, info.node.title)]
        rng.shuffle(pool)
        k = min(3, len(mine))
        right = rng.sample(mine, k)
        wrong: list[tuple[Unit, SectionInfo]] = []
        for u, other in pool:
            if len(wrong) == 4 - k:
                break
            if any(_says_title_word(r.text, other.node.title) for r in right) \
                    or strip_end(u.text) in {strip_end(w.text) for w, _o in wrong}:
                continue
            wrong.append((u, other))
        if len(wrong) < 4 - k:
            return None
        opts = [strip_end(u.text) for u in right] + [strip_end(u.text) for u, _o in wrong]
        if len(set(opts)) < 4:
            return None
        rng.shuffle(opts)
        answer = sorted(opts.index(strip_end(u.text)) for u in right)
        right.sort(key=lambda u: u.order)
        # the source: the part's text from the first of its measures shown to the last
        text = info.node.text or ""
        first, last = text.find(strip_end(right[0].text)), text.find(strip_end(right[-1].text))
        if first < 0 or last < 0:
            return None
        end = last + len(strip_end(right[-1].text))
        quote = text[first:end + (1 if text[end:end + 1] in "。；;" else 0)]
        note = "".join(f"“{strip_end(u.text)}”在“{strip_end(o.node.title)}”部分提出。" for u, o in wrong)
        q = self._question(right[0], "multiple", f"下列内容中，属于“{key}”方面的有（　　）。", opts, answer,
                           quote=quote, difficulty=3, note=note)
        return Candidate(q, right[0], 2.25, "heading_multiple", [strip_end(u.text) for u in right],
                         covers=tuple(u.order for u in right[1:] + [w for w, _o in wrong]))

    def _judge(self, info: SectionInfo, u: Unit, rivals, rng: random.Random, truth: bool) -> Candidate:
        s = strip_end(u.text)
        key = strip_end(info.node.title)
        said = key if truth else strip_end(rivals[rng.randrange(len(rivals))][0].node.title)
        kind = _kind(s)
        note = "" if truth else f"题中“{said}”有误，原文为“{key}”方面的{kind}。"
        q = self._question(u, "judge", f"“{s}”是“{said}”方面的{kind}。", [], truth, note=note)
        c = Candidate(q, u, 2.15, "heading_judge", [])

        def turn() -> Candidate | None:
            other = self._judge(info, u, rivals, random.Random(u.order), not truth)
            return other
        c.turn = turn
        return c


def _prescribes(sentence: str) -> bool:
    """Whether a sentence asks something of someone (a measure, a duty, a ban), not a statement
    of fact or a judgement (「理想信念动摇是最危险的动摇」): it opens with a verb or says
    要/必须/不得."""
    if set(segment.tokens(sentence)) & _BINDING:
        return True
    first = segment.tagged(sentence[:8])[:1]
    return bool(first) and first[0][1] in ("v", "vd", "ad", "d") and not sentence.startswith(("是", "有"))


def _kind(sentence: str) -> str:
    """措施 for a sentence that does something (建立……), 要求 for one that binds (……必须……)."""
    first = segment.tagged(sentence[:8])[:1]
    return "措施" if first and first[0][1] == "v" else "要求"


def _title_words(title: str) -> set[str]:
    """The words of a heading that name its field: words of two characters or more (公开 is an
    adjective to the segmenter) that are not function words or the words every heading says."""
    return {w for w, t in segment.tagged(strip_end(title))
            if len(w) >= 2 and w not in _HEADING_WORDS and not t.startswith(_FUNCTION_POS)}


def _title_grams(title: str) -> set[str]:
    """The two-character pieces of a title's words (文明执法 → 执法 too: a sentence about
    执法司法机构 fits a heading on 文明执法), the words every heading says left out."""
    return {w[k:k + 2] for w in _title_words(title) for k in range(len(w) - 1)} - _HEADING_WORDS


def _shares_word(a: str, b: str) -> bool:
    return bool(_title_grams(a) & _title_grams(b))


def _says_title_word(sentence: str, title: str) -> bool:
    """Whether the sentence says a word of the heading's title (then that heading fits it too)."""
    return any(g in sentence for g in _title_grams(title))
