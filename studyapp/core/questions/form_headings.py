"""Which part of a policy document a measure serves: a 意见 or 决定 written in titled parts
(「（二）健全依法决策机制」「7. 全面推进政务公开」) states its measures under headings that say
what they are for. A cadre is expected to know what each measure is for — the sentence
「建立市级重大决策专家咨询库和咨询制度」 serves 健全依法决策机制 — and a choice among the
document's headings asks it without a blank or a falsified rule.

Fair only where the text ties the measure to its part without giving the answer away (two
blind rounds, 50 and 51, taught each rule): the measure says no word of its own heading
(「各单位要加强财务管理」 beside 完善财务管理 gives it away), and it is tied to its part by a rare
word of its own that the part says again and no rival part says at all (庭院经济, 产能提升).
Rivals are headings of the same level, siblings first, then the parts whose text is nearest in
its words; none shares a title word with the key, none is echoed by the measure, none speaks of
two of the measure's things (it could claim the measure too), and the frame's parts (指导思想,
重要性和必要性) are never offered. A true/false item only ever names the measure's own part:
naming another was false at sight or right after all. Laws and regulations written in
articles are left out: a chapter's title asks only where the drafter put an article.
"""

from __future__ import annotations

import os
import random
import re
import zlib
from collections import Counter
from functools import lru_cache

from studyapp.core.questions import segment
from studyapp.core.questions.formbase import LOCAL_BODY_END, Candidate, FormBase
from studyapp.core.questions.lexicon import Unit, preamble
from studyapp.core.questions.text import SectionInfo, strip_end, subtree_text

# words every heading of a policy document says: they tie a measure to no heading in particular
_HEADING_WORDS = frozenset(
    "加强 推进 健全 完善 全面 深入 切实 坚持 建立 依法 工作 制度 机制 建设 提高 强化 深化 认真 做好 扎实 "
    "明确 规范 加快 进一步 积极 努力 不断 大力 着力 有效 保证 确保 提升 优化 落实 实施 推动 促进 严格 "
    "体系 水平 能力 管理 问题 方面 主要 重点 相关 有关 各项 全市 全省 全国 全县 各级 党政 实际 "
    "要求 任务 意见 组织 领导 责任 发展 改革 创新 统筹 协调 保障 服务 支持 营造 良好 氛围 社会".split())
# headings that name a part of the document's frame, not a field of work
_FRAME_TITLES = re.compile(r"^(?:指导思想|总体目标|基本原则|主要目标|工作目标|目标任务|主要任务|重点任务|总体要求|"
                           r"工作原则|适用范围|组织实施|保障措施|组织保障|附则|其他事项|其他要求|其他规定|重要意义|战略定位|发展目标|总体思路|工作要求)"
                           r"|.*(?:重要性|必要性|重要意义|目标|原则|指导思想|总体要求|进展|成效|成就|形势|现状)$")
# (改革发展目标: a goal; 环境保护工作取得积极进展: the situation — no field of work, rivals a learner
# strikes out at sight — round 58 and its check)
# the routine of a document's last part: under any part it would be as right
_ROUTINE = re.compile(r"组织领导|组织实施|督导|督查|督促|考核评价|考核评估|宣传|培训|统筹协调|协调配合|责任落实|压实|经费保障|资金保障|"
                      r"监测评估|总结推广|跟踪评估|组织保障|保障措施|保障力度")
# the words of a closing part's routine: a measure that says them would fit under any heading
_ROUTINE_MEASURE = re.compile(r"思想认识|统一思想|高度重视|主体责任|细化实化|压实[\u4e00-\u9fff]{0,4}责任")
# a part that frames the document (its aims, its principles): its headings are no tasks
_FRAME_PILLAR = re.compile(r"总体要求|重大意义|重要意义|指导思想|基本原则|工作原则|目标|意义|原则")
_FUNCTION_POS = ("u", "c", "p", "r", "m", "q", "f", "x", "w", "y", "e", "o")
_BINDING = frozenset("要 必须 不得 应当 应 严禁 不准 不允许 决不 坚决 不能 务必".split())
# a verdict, not a measure: 「……，关键在党」「……是……的根本保证」
_VERDICT = re.compile(r"关键在|根本在|是[^，,。]*的(?:关键|根本|前提|基础|保证|保障|核心|灵魂|生命)")
# a measure that names the body doing it
_NAMES_BODY = re.compile(r"[\u4e00-\u9fff]" + LOCAL_BODY_END + r"(?:[、和]|依法|应当|应|负责|会同|将|对|要)")
_SHORT, _LONG = 12, 80       # a measure shown in a stem
# the types in turn from part to part: single, multiple, single, true/false (asked true only,
# so the balance of true and false keeps few of them)
_TURNS = (0, 1, 0, 2)
_NEAR = 30                 # rivals are looked for this many parts either side
_RIVALS = 4                # the nearest rivals a question draws its three from
_LONG_PART = 600            # a part this long gets two questions
_OPTION_LONG = 50            # a measure shown as one option among four


# a "title" that opens with when it is done (「四季度阶段性实行全省国有景区免门票政策」) is an item's first
# measure the outline took for its heading: no field of work a measure could serve (round 83)
_DATED_TITLE = re.compile(r"(?:[一二三四]季度|上半年|下半年|年底前|年内|今年|明年|\d{4}年|到\d{4}年|力争)")


# the fields of public work, each by the words that say it: a measure that says one of them and a
# heading that says the same, beside rival headings of none of it, answers itself
_FIELDS = {
    "教育": re.compile(r"教育|学校|教师|学生|课程|教学|校园|幼儿园|高校|师资"),
    "养老": re.compile(r"养老|老年|适老|为老|老人|敬老"),
    "乡村": re.compile(r"乡村|农村|村庄|村镇|农民|农业|农田|粮食"),
    "住房": re.compile(r"住房|房地产|购房|商品房|房票|公积金|租赁住房|保障房"),
    "医疗": re.compile(r"医疗|医院|医保|医药|卫生|健康|诊疗|疾病"),
    "就业": re.compile(r"就业|创业|招聘|用工|岗位|失业"),
    "生育": re.compile(r"生育|育儿|托育|婴幼儿|孕|产假"),
    "文旅": re.compile(r"旅游|景区|文旅|文化|演出|博物馆"),
    "生态": re.compile(r"生态|污染|环保|排放|碳|绿色|节能"),
    "交通": re.compile(r"交通|公路|铁路|道路|机场|港口|航运"),
    "金融": re.compile(r"金融|银行|信贷|贷款|融资|保险|债券"),
    "科技": re.compile(r"科技|创新|研发|技术|科研"),
}


def _field_of(text: str) -> str:
    """The one field a text speaks of, or "" (none, or more than one)."""
    hits = [f for f, rx in _FIELDS.items() if rx.search(text)]
    return hits[0] if len(hits) == 1 else ""


class HeadingForms(FormBase):
    def heading_choices(self, rng: random.Random) -> list[Candidate]:
        """Per titled part, one question on a measure and the part it serves (two on a long
        part): a single choice among headings, a multiple choice among measures of this part and
        of others, or a true/false item naming the part — the type turns from part to part so no
        form runs through the document."""
        if self.lex.legal or self.lex.articled:
            return []
        parts = self._parts()
        if len(parts) < 4:
            return []
        self._part_words: dict[int, set[str]] = {}
        self._ties: dict[int, set[str]] = {}
        self._place = {id(p): k for k, p in enumerate(parts)}
        self._units: dict[int, list[Unit]] = {}
        for u in self.lex.units:
            self._units.setdefault(id(u.info), []).append(u)
        # in how many parts each word is said (counted once: a word most parts say ties nothing)
        self._spread: Counter[str] = Counter(w for p in parts for w in self._words_of(p))
        # per parent, the words of its heading that every one of its parts says again (see _measures)
        self._themes: dict[tuple[str, ...], frozenset[str]] = {}
        for p in parts:
            key = tuple(p.path[:-1])
            had = self._themes.get(key)
            if had is None:
                had = _title_grams(p.ancestors[-2].title) if len(p.ancestors) >= 2 else frozenset()
            self._themes[key] = had & _title_grams(p.node.title)
        # (and what every one of a parent's three or more parts says: 「强化政治意识」「强化忧患意识」「强化廉洁
        # 意识」 under 全面加强政府自身建设 are rivals of one kind, not tasks of another part — round 88)
        siblings: dict[tuple[str, ...], list[frozenset[str]]] = {}
        for p in parts:
            siblings.setdefault(tuple(p.path[:-1]), []).append(_title_grams(p.node.title))
        for key, grams in siblings.items():
            if len(grams) >= 3:
                self._themes[key] = self._themes.get(key, frozenset()) | frozenset.intersection(*grams)
        found = {id(info): self._measures(info, parts) for info in parts}
        out: list[Candidate] = []
        spare: list[SectionInfo] = []  # where a multiple choice could go
        for n, info in enumerate(parts):
            measures = found[id(info)]
            if not measures or _ROUTINE.search(info.node.title or ""):
                continue  # 「宣贯……舆论引导」 under 加强宣传推广: the measure's own words name its routine part (round 55)
            spare.append(info)
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
                turn = _TURNS[(n + k) % len(_TURNS)]
                if turn == 0 and self.lex.report:
                    # a report's parts are its fields of work (经济, 民生, 生态 …): which of four headings a
                    # measure stands under is plain from its words, and raters took the choice for a test of
                    # the layout (rounds 89-92: 34 / 63 acceptable) — the part is asked as true/false instead
                    turn = 2
                made: Candidate | None = None
                if turn == 1:
                    made = self._multiple(info, found, rng, used)
                elif turn == 2:
                    made = self._judge(info, free[rng.randrange(len(free))][0])
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
            for info in spare:
                shown = {o for c in out for o in (c.unit.order, *c.covers)}
                made = self._multiple(info, found, rng, shown)
                if made is not None:
                    out.append(made)
                    extra += 1
                    if extra == 2:
                        break
        # (which titled tasks a part sets — _pillar_multiples — is not proposed: rated 0 / 2 in
        # rounds 53 and 55, a layout question whose quoted source, the part's heading, does not
        # show the answer)
        return out

    def _pillar_multiples(self, rng: random.Random) -> list[Candidate]:
        """「“加快推动农机装备产业高质量发展”部分提出的举措有（　　）。」: which of the titled
        tasks a part of the document sets under it, beside tasks of its sibling parts — the frame
        of the document a study session goes through part by part. Fair only where nothing but
        the frame answers it: no option says a word of the part's title (the key would show
        itself), no outsider says a word that the part's own text says (it could belong there
        too), the routine of every document's last part (加强组织领导, 强化督导检查) is no
        option, and options share no word with each other. The parts with the most tasks
        first (heading_choices asks one, where the measures gave no multiple choice)."""
        sections = self.lex.document.sections
        infos = {id(i.node): i for i in {id(u.info): u.info for u in self.lex.units}.values()}
        pillars = []
        for sec in sections:
            title = strip_end(sec.title or "")
            if not 4 <= len(title) <= 30 or _FRAME_TITLES.match(title) or _ROUTINE.search(title) \
                    or _FRAME_PILLAR.search(title):
                continue
            tasks = [c for c in sec.children if 4 <= len(strip_end(c.title or "")) <= 20
                     and not _FRAME_TITLES.match(strip_end(c.title)) and not _ROUTINE.search(c.title)
                     and not _FRAME_PILLAR.search(c.title)
                     and not re.search(r"[“”《》：:；;，,]", strip_end(c.title)) and _a_task(c.title)]
            if len(tasks) >= 2:
                pillars.append((sec, tasks))
        if len(pillars) < 2:
            return []
        out: list[Candidate] = []
        for sec, tasks in sorted(pillars, key=lambda pt: -len(pt[1])):
            if len(out) == 2:
                break
            title = strip_end(sec.title)
            own = subtree_text(sec)
            keys = [c for c in tasks if not _shares_word(c.title, title)]
            if len(keys) < 2:
                continue
            outsiders = [c for other, ts in pillars if other is not sec for c in ts
                         if not _shares_word(c.title, title) and not _says_title_word(own, c.title)]
            k = 3 if len(keys) >= 3 else 2
            right = rng.sample(keys, k)
            wrong: list = []
            for c in rng.sample(outsiders, len(outsiders)):
                if len(wrong) == 4 - k:
                    break
                if not any(_shares_word(c.title, x.title) for x in right + wrong):
                    wrong.append(c)
            if len(wrong) < 4 - k or any(_shares_word(a.title, b.title) for a in right for b in right if a is not b):
                continue
            first = next((infos[id(n)] for n in right[0].walk() if id(n) in infos), None)
            unit = next((u for u in self._units.get(id(first), ())), None) if first else None
            if unit is None:
                continue
            opts = [strip_end(c.title) for c in right + wrong]
            rng.shuffle(opts)
            answer = sorted(opts.index(strip_end(c.title)) for c in right)
            note = "".join(f"“{strip_end(c.title)}”在“{strip_end(p.title)}”部分。"
                           for c in wrong for p in sections if c in p.children)
            q = self._question(unit, "multiple", f"下列各项中，属于“{title}”部分内容的有（　　）。", opts, answer,
                               quote=(sec.label or "") + sec.title, difficulty=2, note=note)
            q.source["section"] = unit.path[:1]
            out.append(Candidate(q, unit, 2.2, "pillar_multiple", [strip_end(c.title) for c in right]))
        return out

    # --- the document's titled parts and their measures -----------------------------------
    def _parts(self) -> list[SectionInfo]:
        """Titled sections with a text of their own, the frame's parts (指导思想, 基本原则, 组织
        实施) left out: they name no field of work."""
        infos = []
        seen: set[int] = set()
        for u in self.lex.units:
            if id(u.info) in seen:
                continue
            seen.add(id(u.info))
            title = strip_end(u.info.node.title or "")
            if 4 <= len(title) <= 24 and u.info.node.text and not _FRAME_TITLES.match(title) \
                    and not _DATED_TITLE.match(title):
                infos.append(u.info)
        # parts written to one template (every setting — 学校, 商场, 养老机构 — with its 卫生管理要求
        # and 疫情应对措施): which of them a measure stands under tests the layout, and the titles
        # said under several parents fit any of them (round 70)
        parents: dict[str, set[int]] = {}
        tails: dict[int, set[str]] = {}
        for i in infos:
            if len(i.ancestors) >= 2:
                parents.setdefault(strip_end(i.node.title), set()).add(id(i.ancestors[-2]))
                tails.setdefault(id(i.ancestors[-2]), set()).add(strip_end(i.node.title)[-3:])
        templated = {p for ps in parents.values() if len(ps) >= 2 for p in ps}
        # (or nearly one: 营业前准备 / 营业中防控 beside 运行前准备 / 运行中防控 — two endings shared)
        templated |= {p for p, ts in tails.items() for q, us in tails.items() if p != q and len(ts & us) >= 2}
        return [i for i in infos if len(i.ancestors) < 2 or id(i.ancestors[-2]) not in templated]

    def _fair(self, u: Unit, p: SectionInfo) -> bool:
        """Whether part p is a fair rival for measure u: u does not echo p's title, none of the
        words that tie u to its own part is in p, and p's text does not speak of two of u's
        things (it could claim u too: 转移支付 under 基本公共服务均等化 — round 51)."""
        s = strip_end(u.text)
        text = p.node.text or ""
        if re.search(r"职责|分工", p.node.title or "") and _NAMES_BODY.search(s):
            return False  # 「未履行……的，市发展改革委……纳入……平台」 beside 「部门职责」: what a body does (round 65)
        return not _says_title_word(s, p.node.title) \
            and not any(w in text or w in p.node.title for w in self._ties[u.order]) \
            and sum(1 for w in _content_words(s) if w in text) < 2

    def _words_of(self, info: SectionInfo) -> set[str]:
        got = self._part_words.get(id(info))
        if got is None:
            got = self._part_words[id(info)] = _content_words(info.node.text or "")
        return got

    def _measures(self, info: SectionInfo, parts: list[SectionInfo]) -> list[tuple[Unit, list[SectionInfo]]]:
        """The part's measures that a choice among sibling headings can ask, each with its fair
        rivals. A measure stands alone, binds someone, and says no word of its own heading
        (「……加强财务管理」 beside 完善财务管理 gives the answer away). What ties it to its part is
        a word of its own that the part says again elsewhere (庭院经济, 产能提升) and that no
        rival part says at all; a rival is a heading of the same level whose title shares no word
        with the part's and that the measure does not echo, a sibling first, then the parts whose
        text is nearest in its words (a fair mix-up, not a field at sight unrelated)."""
        title = strip_end(info.node.title)
        own = info.node.text or ""
        # rivals of the same level, those under the same parent first, then those whose text
        # speaks of the same things (a plausible mix-up, not a heading from another field)
        mine = self._words_of(info)
        at = self._place[id(info)]
        # (the parts of the same level within _NEAR places in the document: a rival from the
        # other end of a long document is no plausible mix-up, and the search stays linear)
        # (a word of the parent's heading that every one of its parts says again — 消费 under 扩大服务消费:
        # 「丰富文旅消费」「提升健康服务消费」 — is the group's theme, not a tie between two of them:
        # siblings stay the fair rivals they are, instead of headings from another field — round 82)
        theme = self._themes.get(tuple(info.path[:-1]), frozenset())
        # (a report's look back and its plan are parts of two kinds: 「全力……」 tasks beside last year's
        # 「……稳中向好」 give the key away by their wording — round 85)
        peers = [p for p in parts[max(0, at - _NEAR):at + _NEAR + 1] if p is not info and len(p.path) == len(info.path)
                 and p.in_review == info.in_review
                 and not (_title_grams(p.node.title) & _title_grams(info.node.title))
                 - (theme if p.path[:-1] == info.path[:-1] else frozenset())]
        peers.sort(key=lambda p: (p.path[:-1] != info.path[:-1],
                                  -len(mine & self._words_of(p)) / (len(mine | self._words_of(p)) or 1)))
        if len(peers) < 3:
            return []
        # the document's last part runs on to its end: paragraphs after its own (funding, 此件公开
        # 发布) close the whole document and serve no part (round 52)
        first = own.split("\n", 1)[0] if info is parts[-1] else own
        out = []
        for u in self._units.get(id(info), ()):
            if u.item or preamble(u.text) or u.text.rstrip()[-1:] not in "。！？" \
                    or strip_end(u.text) not in first:
                continue  # (a sentence without its full stop: the text was cut off there)
            s = strip_end(u.text)
            if not _SHORT <= len(s) <= _LONG or title in s or re.search(r"[：:；;“”《》]", s):
                continue
            if _says_title_word(s, info.node.title) or self._ready(u) != "" or not _prescribes(s):
                continue
            if "党" in title and "党" in s:
                continue  # 「鼓励流动党员……转入社区党组织」 beside 「坚持和加强党对物业管理工作的领导」: the one
                # heading on the Party, the measure's word gives it (round 72)
            if _ROUTINE_MEASURE.search(s):
                continue  # 「各地要强化思想认识，落实主体责任……」: said of any part of any plan (round 69)
            # (a word most parts say — 农民, 建设 — ties the measure to none of them)
            ties = {w for w in _content_words(s) if own.count(w) >= 2
                    and self._spread.get(w, 0) <= max(2, len(parts) // 10)}
            if not ties:
                continue
            self._ties[u.order] = ties
            clean = [p for p in peers if self._fair(u, p)][:_RIVALS]
            if not _in_routine(info):
                # a measure of the plan's work beside three headings of its closing part (健全分析评价,
                # 加强要素保障, 建立工作体系): struck out at sight (round 69) — at most two of them
                work = [p for p in clean if not _in_routine(p)]
                if not work:
                    continue
                if all(_in_routine(p) for p in clean[:3]):
                    clean = clean[:2] + work[:1] + clean[2:3]
            if len(clean) >= 3:
                out.append((u, clean))
        return out

    # --- the three types -------------------------------------------------------------------
    def _single(self, info: SectionInfo, u: Unit, rivals, rng: random.Random) -> Candidate | None:
        s = strip_end(u.text)
        key = strip_end(info.node.title)
        wrong = [strip_end(i.node.title) for i in rivals[:3]]  # (the nearest: a fair mix-up)
        end = os.path.commonprefix([w[::-1] for w in wrong])[::-1]
        if len(end) >= 2 and not key.endswith(end) and end[-2:] not in _HEADING_WORDS:
            return None  # 「发展沉浸式业态」「培育云演艺业态」「丰富云展览业态」 beside 强化要素支撑: the odd one out (round 72)
        field = _field_of(s)
        if field and _field_of(key) == field and not any(_field_of(w) == field for w in wrong):
            return None  # 「“……学校……特级教师、骨干教师……”是下列哪一方面」 beside 养老, 社保 and 强化教育支撑: the
            # measure's field names the one heading of that field, the rivals are struck out at sight (round 84)
        options = [key] + wrong
        rng.shuffle(options)
        way = zlib.crc32(s.encode("utf-8")) % 3
        # (not 「……，主要是为了（　　）」: a part's heading is where a measure stands, not what it is
        # for — 「设立衔接过渡期」 keyed as the purpose of 出台实施细则 failed, round 54)
        if way == 2:
            stem = f"“{s}”体现的是下列哪一方面的要求？"
        else:
            stem = f"“{s}”是下列哪一方面的{_kind(s)}？"
        q = self._question(u, "single", stem, options, [options.index(key)], difficulty=2,
                           note=f"这项{_kind(s)}在“{key}”部分提出。")
        return Candidate(q, u, 2.2, "heading_single", [])

    def _multiple(self, info: SectionInfo, found: dict[int, list[tuple[Unit, list[SectionInfo]]]],
                  rng: random.Random, taken: set[int]) -> Candidate | None:
        """Two or three measures of the part beside measures of sibling parts: each outsider has
        this part among its fair rivals, and each measure of the part has the outsider's part
        among its own."""
        mine = [(u, r) for u, r in found[id(info)] if len(strip_end(u.text)) <= _OPTION_LONG and u.order not in taken]
        if len(mine) < 2:
            return None
        key = strip_end(info.node.title)
        k = min(3, len(mine))
        right = rng.sample(mine, k)
        # outsiders: measures of other parts of the same level, each fair against this part,
        # and this part's measures each fair against theirs
        pool = [(o, p) for p in {id(p): p for _u, r in right for p in r}.values()
                for o, _orivals in found.get(id(p), []) if o.order not in taken
                and len(strip_end(o.text)) <= _OPTION_LONG and self._fair(o, info)
                and all(self._fair(u, p) for u, _r in right)]
        rng.shuffle(pool)
        wrong: list[tuple[Unit, SectionInfo]] = []
        for o, p in pool:
            if len(wrong) == 4 - k:
                break
            if strip_end(o.text) not in {strip_end(w.text) for w, _p in wrong}:
                wrong.append((o, p))
        if len(wrong) < 4 - k:
            return None
        rights = [u for u, _r in right]
        opts = [strip_end(u.text) for u in rights] + [strip_end(o.text) for o, _p in wrong]
        if len(set(opts)) < 4:
            return None
        rng.shuffle(opts)
        answer = sorted(opts.index(strip_end(u.text)) for u in rights)
        rights.sort(key=lambda u: u.order)
        # the source: the part's text from the first of its measures shown to the last
        text = info.node.text or ""
        first, last = text.find(strip_end(rights[0].text)), text.find(strip_end(rights[-1].text))
        if first < 0 or last < 0:
            return None
        end = last + len(strip_end(rights[-1].text))
        quote = text[first:end + (1 if text[end:end + 1] in "。；;" else 0)]
        note = "".join(f"“{strip_end(o.text)}”在“{strip_end(p.node.title)}”部分提出。" for o, p in wrong)
        q = self._question(rights[0], "multiple", f"下列内容中，属于“{key}”方面的有（　　）。", opts, answer,
                           quote=quote, difficulty=3, note=note)
        return Candidate(q, rights[0], 2.25, "heading_multiple", [strip_end(u.text) for u in rights],
                         covers=tuple(u.order for u in rights[1:] + [w for w, _p in wrong]))

    def _judge(self, info: SectionInfo, u: Unit) -> Candidate:
        """「“……”是“……”方面的措施。」 naming the measure's own part: asked true only. Naming
        another part was, in the blind ratings, either false at sight (成渝双城经济圈 as 金融体制
        改革) or right after all (自由贸易试验区 as 外贸体制改革, round 51); the balance of true and
        false keeps as many of these as the document's false items allow."""
        s = strip_end(u.text)
        q = self._question(u, "judge", f"“{s}”是“{strip_end(info.node.title)}”方面的{_kind(s)}。", [], True)
        return Candidate(q, u, 2.15, "heading_judge", [])


def _in_routine(info: SectionInfo) -> bool:
    """Whether a part stands under the document's routine or frame part (六、强化组织实施,
    保障措施): its headings are the machinery of carrying the plan out, no field of work."""
    if len(info.ancestors) < 2:
        return False
    title = strip_end(info.ancestors[-2].title or "")
    return bool(title) and bool(_ROUTINE.search(title) or _FRAME_TITLES.match(title))


def _a_task(title: str) -> bool:
    """A heading that names a task (强化政策组合供给, 完善创新体系), not a rubric of the text
    (功能定位, 建设主体: asking which part holds it tests the layout — round 53)."""
    t = strip_end(title)
    if t[:2] in _TASK_VERBS:
        return True
    first = segment.tagged(t[:6])[:1]
    return bool(first) and first[0][1] in ("v", "vd", "ad", "d", "a") and first[0][0] not in ("主要", "基本", "总体")


# the verbs a task heading opens with (the segmenter reads 健全 as an adjective, 优化结构 as a noun)
_TASK_VERBS = frozenset("加强 强化 完善 健全 推进 推动 加快 深化 优化 提升 提高 建立 构建 培育 发展 实施 落实 坚持 扩大 加大 "
                        "创新 规范 严格 支持 鼓励 引导 统筹 做好 做优 做强 打造 拓展 拓宽 打通 促进 营造 简化 防止 明确 聚焦 "
                        "着力 切实 大力 积极 全面 持续 稳步 探索 注重 保障 夯实 巩固 改善 开展 抓好 激发 增强 提供 降低 清理 "
                        "实行 壮大 培养 引进 保护 整治 防范 化解 维护 弘扬 深入 加速 扎实 稳妥 有序 严厉 依法 注重".split())


def _prescribes(sentence: str) -> bool:
    """Whether a sentence asks something of someone (a measure, a duty, a ban), not a statement
    of fact or a judgement (「理想信念动摇是最危险的动摇」): it opens with a verb or says
    要/必须/不得."""
    if _VERDICT.search(sentence):
        return False
    if set(segment.tokens(sentence)) & _BINDING:
        return True
    first = segment.tagged(sentence[:8])[:1]
    return bool(first) and first[0][1] in ("v", "vd", "ad", "d") and not sentence.startswith(("是", "有"))


def _kind(sentence: str) -> str:
    """措施 for a sentence that does something (建立……), 要求 for one that binds (……必须……)."""
    first = segment.tagged(sentence[:8])[:1]
    return "措施" if first and first[0][1] == "v" else "要求"


@lru_cache(maxsize=4096)
def _title_words(title: str) -> frozenset[str]:
    """The words of a heading that name its field: words of two characters or more (公开 is an
    adjective to the segmenter) that are not function words or the words every heading says."""
    return frozenset(w for w, t in segment.tagged(strip_end(title))
                     if len(w) >= 2 and w not in _HEADING_WORDS and not t.startswith(_FUNCTION_POS))


def _content_words(sentence: str) -> set[str]:
    """The sentence's own words of two characters or more, function words and the words every
    heading says left out."""
    return {w for w, t in segment.tagged(sentence)
            if len(w) >= 2 and w not in _HEADING_WORDS and w not in _BINDING and not t.startswith(_FUNCTION_POS)}


@lru_cache(maxsize=4096)
def _title_grams(title: str) -> frozenset[str]:
    """The two-character pieces of a title's words (文明执法 → 执法 too: a sentence about
    执法司法机构 fits a heading on 文明执法), the words every heading says left out."""
    return frozenset({w[k:k + 2] for w in _title_words(title) for k in range(len(w) - 1)} - _HEADING_WORDS)


def _shares_word(a: str, b: str) -> bool:
    return bool(_title_grams(a) & _title_grams(b))


def _says_title_word(sentence: str, title: str) -> bool:
    """Whether the sentence says a word of the heading's title (then that heading fits it too)."""
    return any(g in sentence for g in _title_grams(title))
