"""The document's lists: definitions (「本法所称（　　），是指……」), 简答 on a numbered list or a
closed list in a sentence, and which-belong / which-not on a sentence's enumeration."""

from __future__ import annotations

import random
import re

from studyapp.core.questions import segment
from studyapp.core.questions.enums import find_enumerations
from studyapp.core.questions.formbase import (
    _DANGLING_LEAD,
    _DEFINITION,
    _HAN_ONLY,
    _ITEMS_NAMED,
    _KINDS_AFTER,
    _LIST_VERB,
    HOLE,
    TOGETHER,
    Candidate,
    FormBase,
    _affixes,
    _ch,
    _phrase_runs,
    _pos_shape,
    _worth_listing,
)
from studyapp.core.questions.lexicon import Unit, refers_elsewhere
from studyapp.core.questions.model import BLANK
from studyapp.core.questions.text import RX, norm, strip_end

# endings of items that name an act on a thing (沙化土地治理), not the thing (退化湿地); a list
# of four-character principles mixes both freely (统一规划、综合治理、保护优先)
_ACT_TAILS = ("治理", "防治", "保护", "管理", "建设", "修复", "整治", "防控", "利用", "开发", "监测", "恢复")

# the kinds of list whose items are each a point of a short answer however long they are
_NAMED_KINDS = ("职责", "职权", "权利", "义务", "条件", "措施", "行为", "事项")


# the attitudes a report urges: a row of them is exhortation, any idiom of the kind fills a blank
_ATTITUDES = frozenset("深思熟虑 踔厉奋发 奋发有为 坚定信心 埋头苦干 真抓实干 锐意进取 审时度势 攻坚克难 担当作为 久久为功 "
                       "善作善成 勇毅前行 奋发图强 只争朝夕 开拓进取 砥砺奋进 凝心聚力 迎难而上 敢闯敢试 敢为人先 "
                       "苦干实干 奋勇争先 实干担当 守正笃实 笃行不怠".split())


class ListForms(FormBase):
    # --- definitions: which term the law defines so ----------------------------------------
    def definitions(self, rng: random.Random) -> list[Candidate]:
        """「本条例所称（　　），是指医疗机构及其医务人员在医疗活动中……过失造成患者人身损害的事故。」:
        the term a definition defines, the document's other defined terms as options (terms of
        one kind, each defined otherwise: one right answer). A definition that names its own
        term, or points elsewhere, is not asked; a document with fewer than four terms has no
        fair options."""
        found: list[tuple[Unit, str, str, str]] = []  # unit, the law's word (本条例), term, definition
        for u in self.lex.units:
            section = u.info.node.text or ""
            lead = u.lead or section
            for clause in RX[r"[；;]"].split(strip_end(u.text)):
                m = _DEFINITION.match(clause.strip())
                if m is None:
                    continue
                own = m.group("own") or ""
                if not m.group("said") and not RX[r"用语(?:的)?含义|用语含义"].search(lead):
                    continue  # 「X，是指……」 outside a list of definitions: a sentence of another kind
                if not own:
                    w = RX[r"(本(?:法|条例|办法|规定|细则|准则|决定))(?:中)?(?:下列)?用语"].search(lead)
                    own = w.group(1) if w else ""
                term, meaning = m.group("term"), m.group("def")
                if not 3 <= len(term) <= 12 or not _HAN_ONLY.fullmatch(term) or len(meaning) < 12 \
                        or term in meaning or refers_elsewhere(meaning) or refers_elsewhere(term) \
                        or RX[r"属于|包括|以及|或者|和|是|为"].search(term):  # (「慈善信托属于公益信托，是指」)
                    continue
                found.append((u, own, term, meaning))
        terms = list(dict.fromkeys(t for _u, _o, t, _d in found))
        if len(terms) < 4:
            return []
        out = []
        for u, own, term, meaning in found:
            if terms.count(term) != 1 or sum(1 for _u, _o, t, _d in found if t == term) > 1:
                continue  # a term defined twice (in two chapters): which one, the stem cannot say
            # (人员密集场所 is defined as 「公众聚集场所，医院的……」: it holds the key, no fair rival)
            meanings = {t: d for _u, _o, t, d in found}
            rivals = [t for t in terms if t != term and t not in meaning and term not in t and t not in term
                      and term not in meanings[t]]
            # the definition's own words name the key (「从事实验室工作时……的感染」 → 实验室感染,
            # 「专门生产兽药的企业」 → 兽药生产企业): fair only beside rivals that share them, and
            # the kind it says (企业) beside rivals of that kind (round 41)
            echoed = {term[j:j + 2] for j in range(len(term) - 1) if term[j:j + 2] in meaning}
            if term[-2:] in meaning:
                rivals = [t for t in rivals if t.endswith(term[-2:])]
            rivals = [t for t in rivals if all(g in t for g in echoed - {term[-2:]})]
            # 「……的镇和村」 (历史文化名镇名村): what the thing is, said last, names the key — fair only
            # beside rivals that are such things too (round 70)
            kinds = [k for k in RX[r"[和或、及与]"].split(meaning.rsplit("的", 1)[-1]) if 1 <= len(k) <= 2]
            if kinds and all(k in term for k in kinds):
                rivals = [t for t in rivals if any(k in t for k in kinds)]
            person = _is_person(term, meaning)
            rivals = [t for t in rivals if _is_person(t, meanings[t]) == person]
            if len(rivals) < 3:
                continue  # 特困人员 (「……的老年人」) beside 养老机构, 养老服务设施: ruled out at a glance (round 66)
            rivals.sort(key=lambda t: (abs(len(t) - len(term)), t))
            wrong = rivals[:5]
            rng.shuffle(wrong)
            options = [term] + wrong[:3]
            rng.shuffle(options)
            said = f"{own}所称" if own else ""
            stem = f"{said}{HOLE}，是指{meaning}。"
            quote = u.text if len(u.text) <= 300 else None
            q = self._question(u, "single", stem, options, [options.index(term)], quote=quote)
            out.append(Candidate(q, u, 2.5, "definition", [term]))
        return out

    # --- lists: 简答 on a numbered list -------------------------------------------------
    def lists(self) -> list[Candidate]:
        """Short answers on the document's numbered lists. Which-belong and which-not questions
        drew distractors from another list, which blind raters found of another kind or also
        true (legal grounds beside processing activities, both 「情形」): not proposed."""
        out: list[Candidate] = []
        for info, lead, items in self.lex.lists:
            out += self._list_short(info, lead, items)
        return out

    def _list_short(self, info, lead: str, items: list[str]) -> list[Candidate]:
        """简答: the items of a numbered list (公务员应当具备哪些条件？), each a point."""
        points = [strip_end(it) for it in items]  # a catch-all item (其他……) is part of the list
        if not 3 <= len(points) <= 8 or any(len(p) > 60 or len(p) < 2 for p in points) or sum(map(len, points)) > 240:
            return []
        m = re.search(r"(?:下列|以下)(\w{0,8}?)(之一)?(?=[的，,：:]|$|(?<!之一)(?:开展|进行)工作)", lead)
        if not m or _DANGLING_LEAD.match(lead):
            return []
        cat = m.group(1)
        if (len(cat) > 4 or any(len(p) > 40 for p in points)) and not cat.endswith(_NAMED_KINDS):
            return []  # longer items or a longer kind only for a body's duties, a holder's rights, the conditions
            # of a licence (「……应当履行下列安全生产管理职责」); 「可以要求下列单位或者个人，在……提供……」 loses its act
        if m.group(2) and not re.search(r"情形|行为", cat or ""):
            return []  # 「应当具备下列条件之一」: asking for all of them would mislead
        subject = re.split(r"应当|可以|必须|包括|有|具备|享有|履行|遇有|载明|分为", lead[:m.start()], maxsplit=1)[0]
        if m.start() < 6 or len(subject.strip("，, ")) < 4 or re.match(r"在|对|经|按照|根据|依照", subject) \
                or "，" in subject.strip("，, ") or re.search(r"(?:时|后|前|期间|过程中)$", subject.strip("，, ")):
            # (「实施监督检查时，有权采取下列措施」: whose inspection, the sentence before says — round 37)
            return []  # 「通知应当包括……」「决定书应当载明……」: which one, the stem cannot say
        if re.search(r"(?:以下|下列)规定|规定如下", lead):
            return []  # 「按照下列规定计算」 points at rules, not at a list of things
        tail = re.split(r"[，,]", strip_end(lead))[-1]
        if len(tail) >= 4 and self.lex.count(tail) > 1:
            return []  # the same consequence follows other cases elsewhere: the list is not all of them
        end = norm(strip_end(lead).rstrip("：:"))[-12:]
        if len(end) >= 8 and any(other is not info and norm(strip_end(lead2).rstrip("：:")).endswith(end)
                                 for other, lead2, _ in self.lex.lists):
            return []  # (第四十一条 and 第四十二条 both end 「……依法给予处分」: the list is not all of them)
        if re.search(r"还(?:应当|应|需|必须|须)", lead) or (
                re.match(r"^(?:国家机关|国家|有关)?(?:工作人员|人员)", lead) and re.search(r"给予处分|追究", lead)):
            return []  # 「还应当具备……」 without the 除……外 it adds to; misconduct of anybody, punished
        if any(refers_elsewhere(p) for p in points) or len(lead) > 70:
            return []  # 「违反本法第二十六条规定的」 cannot be answered from the question
        if re.match(r"^[^：:]*?(?:时|的)?[，,][^：:]*(?:应当|可以|不得|必须|由)", lead[m.end():]):
            return []  # 「……有下列情形之一，不能履行监护职责的，应当……」: the rule follows the list's name
        if re.search(r"时[，,]", lead[m.end():m.end() + 4]):
            return []  # 「开展下列活动时，应当……」: the question would lose its rule
        if re.search(r"任何(?:单位和|单位或者)?(?:个人|人)|一切单位", lead) and (cat or "") in ("", "行为", "活动", "事项"):
            return []  # 「任何单位和个人禁止下列行为」: which of the text's bans, the stem does not say
        from studyapp.core.questions.lexicon import ITEM_KINDS
        from studyapp.core.questions.text import sentences
        kids = info.node.children
        if any(c.kind in ITEM_KINDS and len(sentences(c.text or c.title or "")) > 1 for c in kids) \
                or any(c.kind not in ITEM_KINDS and re.search(r"还应|还须|还需|另外|此外|同时提交|同时提供", c.text or "")
                       for c in kids):
            return []  # an item or a paragraph after the list adds to it (还应当提交……): no whole answer
        if cat in ("各项", "各种", "各类", "几项", "各条"):
            cat = None  # 「主要包括下列各项」 → 「主要包括哪些内容？」, never 「哪些各项」 (round 65)
        which = "哪" if re.match(r"[一二三四五六七八九十两\d]", cat or "") else "哪些"  # 下列三种 → 哪三种
        if lead[m.start():m.start() + 2] == "以下" and re.match(r"[一二三四五六七八九十百千万\d]", lead[max(0, m.start() - 1):m.start()]):
            return []  # 「三年以下」 is a figure, not a list
        rest = lead[m.end():]
        if not rest.startswith("的"):
            head, *more = re.split(r"([，,；;])", rest, maxsplit=1)
            tail = more[1] if len(more) == 2 else ""
            if not head and tail and not re.search(r"[\u4e00-\u9fff]", lead[max(0, m.start() - 1):m.start()]):
                # 「……外，下列所得，不论……，均为来源于中国境内的所得」: the list is the subject and
                # what is said of it comes after; without it the question asks nothing
                if len(tail) > 40 or refers_elsewhere(tail) or re.search(r"[；;]", tail):
                    return []
                rest = "，" + tail
            else:
                # 「……发生的哪些劳动争议，适用本法？」 keeps a short consequence; longer clauses go
                # (and the aim of measures: 「采取下列措施，引导社会力量开展居家社区养老服务」 — without
                # it 「应当采取哪些措施」 asks nothing)
                keep = 24 if (cat or "").endswith("措施") and not re.search(r"[；;。]", tail) else 8
                rest = head + (f"，{tail}" if tail and len(tail) <= keep and not refers_elsewhere(tail) else "")
        stem = lead[:m.start()] + which + (cat or "内容") + rest
        stem = strip_end(stem) + "？"
        quote = self._list_quote(info)
        unit = self._unit_of(info, lead)
        if quote is None or unit is None or refers_elsewhere(stem.replace("哪些", "")):
            return []
        q = self._question(unit, "short", stem, [], points, quote=quote, difficulty=3)
        return [Candidate(q, unit, 2.2, "list_short", [])]

    def inline_short(self, unit: Unit) -> list[Candidate]:
        """简答 on a closed list inside a sentence that names what its items are: 「订立劳动合同，
        应当遵循合法、公平、平等自愿、协商一致、诚实信用的原则」 → 订立劳动合同，应当遵循哪些
        原则？ — and 「处分分为：警告、记过、记大过……」 → 处分分为哪几种？ Only where the list is
        closed (no 等 after it), the clause carries its own subject, and what the items are is
        said (原则, 方针, 种类): a list of things in passing is no question."""
        ctx = self._ready(unit)
        if ctx is None or unit.item:
            return []
        text = unit.text
        for e in find_enumerations(text) + _phrase_runs(text):
            items = e.items
            if not all(e.certain) or not 3 <= len(items) <= 8 or len(set(items)) < len(items):
                continue
            if any(len(x) > 12 or len(x) < 2 or re.search(r"[“”\"《》（）()]", x)
                   or set(segment.tokens(x)) & {"和", "及", "与", "或", "或者", "以及"} for x in items):
                continue  # (统一管理和分级、分部门负责: where the items part, the list does not say)
            if re.match(r"[^，,。；;、]{0,8}等", text[e.end:]) or self.lex.in_formula(text, e.start, e.end):
                continue
            items = list(items)
            start = e.start
            verb = _LIST_VERB.match(items[0])
            if verb and not any(x.startswith(verb.group(0)) for x in items[1:]) and len(items[0]) - verb.end() >= 2:
                items[0] = items[0][verb.end():]  # 「遵循合法、公平……」: the verb is the sentence's
                start += verb.end()
            lo = max(text.rfind(c, 0, start) for c in "。；;") + 1
            head = text[lo:start]
            named = _ITEMS_NAMED.match(text[e.end:])
            kinds = _KINDS_AFTER.search(head)
            his = [i for i in (text.find(c, e.end) for c in "。；;") if i >= 0]
            rest = text[e.end:min(his) if his else len(text)]
            verb_end = _LIST_VERB.search(head[-4:])
            if named and verb_end is not None and verb_end.end() == len(head[-4:]):
                # (what they do under those principles stays in the question: 「……根据哪些原则，可以决定……？」)
                after = rest[named.end():]
                if len(after) > 30 or re.search(r"不得|应当|必须|原则|方针|[、；]", after) \
                        or not re.match(r"[，,](?:可以|有权|依法)", after):
                    after = ""  # a long tail, or one with rules of its own, would bury the question
                    if re.search(r"(?:按照|依照|根据|依据|本着|基于|按)$", head):
                        continue  # 「……应当按照哪些原则？」 asks nothing without what is done by them
                    if len(rest[named.end():]) >= 6 and re.search(r"[，,]", head) \
                            and re.search(r"应当|应|须|必须", re.split(r"[，,]", head)[0]):
                        continue  # 「政务部门应当根据……要求，遵循哪些原则？」 without 「……采集数据」: principles of what (round 70)
                stem = head + "哪些" + named.group(1) + after + "？"
            elif kinds and not rest:
                stem = head[:kinds.start()] + kinds.group(1) + ("哪几种" if kinds.group(1) == "分为" else "哪些") + "？"
            else:
                continue
            if not 10 <= len(stem) <= 60 or not self._ok_body(stem.rstrip("？")) or re.match(r"^(其|该|上述|对此|此外)", stem) \
                    or "，" not in head and not self._has_subject(head):
                continue
            if not self._has_subject(head) and not re.match(r"^[^，,]{4,30}[，,]", head):
                continue  # 「遵循……的原则」 with nobody who follows it
            body = stem if not ctx else self._stem(ctx, stem)
            q = self._question(unit, "short", body, [], list(items), difficulty=2)
            return [Candidate(q, unit, 2.0, "inline_short", [])]
        return []

    def _list_quote(self, info) -> str | None:
        from studyapp.core.questions.lexicon import ITEM_KINDS
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

    # --- inline enumerations: the document's own lists ----------------------------------
    def inline_lists(self, unit: Unit, rng: random.Random, pool: dict[str, list[int]]) -> list[Candidate]:
        """A closed list inside a sentence (发扬民主、善于集中、敢于担责): which belong, which is
        missing, which is not there. Options are items of the document's other lists that have
        the same shape (问×于民 beside 问计于民, 行政×× beside 行政许可) and that the document
        never says in the same breath (反对……官僚主义 elsewhere makes 官僚主义 no distractor)."""
        ctx = self._ready(unit)
        if ctx is None:
            return []
        text = unit.text
        for e in find_enumerations(text) + _phrase_runs(text):
            items = e.items
            if not all(e.certain) or not 3 <= len(items) <= 7:
                continue
            if any(len(x) > 8 or len(x) < 2 or re.search(r"[“”\"《》（）()]", x)
                   or set(segment.tokens(x)) & {"和", "及", "与", "等", "或", "或者", "以及"}
                   or any(t.startswith("p") for _, t in segment.tagged(x)) for x in items) \
                    or len(set(items)) < len(items):
                continue
            if re.match(r"[^，,。；;、]{0,8}等", text[e.end:]) or self.lex.in_formula(text, e.start, e.end):
                continue  # an open list: any other item could belong to it
            lens = [len(x) for x in items]
            uniform = max(lens) - min(lens) <= 1
            win = self.window(text, e.start, e.end)
            if win is None:
                continue
            lo, hi = win
            body = self.opening(text, lo) + text[lo:e.start] + HOLE + text[e.end:hi]
            holes = self._ok_body(body) and len(strip_end(body).replace(HOLE, "")) >= 8
            verb = text[max(0, e.start - 2):e.start]
            sign = self.lex.polarity(text, e.start)
            outside = text[:e.start] + text[e.end:]
            shape = _list_shape(e.items) if holes and uniform else None
            events = any(_EVENT.search(x) for x in items)
            others = [x for x in pool if shape is not None and _fits_shape(x, shape) and x not in text
                      # (「设备损坏造成跑水」 beside 优先利用地表水: an event among principles — round 72)
                      and (events or not _EVENT.search(x))
                      and self.lex.item_polarity.get(x) == sign
                      # (「根据职工的（　　）……决定工资」 with 劳动工资 outside: circular, ruled out at
                      # sight — round 42): no word of the outsider that none of the items has
                      and not any(x[j:j + 2] in outside and not any(x[j:j + 2] in y for y in items)
                                  for j in range(len(x) - 1))
                      and not self._said_alike(x, verb, unit, pool[x])]
            others.sort()
            rng.shuffle(others)
            found: list[Candidate] = []
            shown = self._stem(ctx, self._finish(body))
            if len(others) >= 2:
                k = 3 if len(others) >= 1 and len(items) >= 3 else 2
                right = rng.sample(items, k)
                opts = right + others[:4 - k] if 4 - k >= 1 else right
                if len(opts) >= 4:
                    rng.shuffle(opts)
                    q = self._question(unit, "multiple", shown + "括号中应填入下列哪些内容？", opts,
                                       sorted(opts.index(x) for x in right), difficulty=3)
                    found.append(Candidate(q, unit, 2.5, "inline_multiple", right))
            if others:
                shown3 = rng.sample(items, 3)
                nopts = shown3 + [others[0]]
                rng.shuffle(nopts)
                q = self._question(unit, "single", shown + "括号中应填入的内容不包括下列哪一项？", nopts,
                                   [nopts.index(others[0])])
                found.append(Candidate(q, unit, 2.45, "inline_not", [others[0]]))
            # one item missing: as a fill (the middle item first, then the others: 公开、公平、
            # 公正、非歧视 — 公正 shares 公 with its neighbours, 非歧视 does not), and as a choice
            # among items of the same shape
            mid = len(items) // 2
            # (only inner items: the first and the last may have taken in a word of the
            # sentence — 「逾期不执行停产停业、停止使用……」)
            for j in sorted(range(1, len(items) - 1), key=lambda i: (abs(i - mid), i)):
                fill = self._list_fill(unit, ctx, text, e, items, j, lo, hi)
                if fill is not None:
                    found.append(fill)
                    break
            j = mid
            key, (x, y) = items[j], e.spans[j]
            wrong = [o for o in others if len(o) == len(key) and _pos_shape(o) == _pos_shape(key)][:3]
            if len(wrong) == 3:
                hbody = self.opening(text, lo) + text[lo:x] + HOLE + text[y:hi]
                sopts = [key] + wrong
                rng.shuffle(sopts)
                q = self._question(unit, "single", self._stem(ctx, self._finish(hbody)) + "括号中应填入的是？",
                                   sopts, [sopts.index(key)])
                found.append(Candidate(q, unit, 2.55, "inline_single", [key]))
            return found
        return []

    def _list_fill(self, unit: Unit, ctx: str, text: str, e, items: list[str], j: int,
                   lo: int, hi: int) -> Candidate | None:
        x, y = e.spans[j]
        key = items[j]
        if key in _ATTITUDES:
            return None  # 「审时度势、____、尊重规律」 (深思熟虑), 「坚定信心、____、埋头苦干」 (踔厉奋发): how to work, said
            # in every report — another idiom fits as well (rounds 87-88)
        if re.search(r"是指|所称", text):
            return None  # a definition's list of settings or things: another one fits as well
        if len({re.sub(r"[一二三四五六七八九十]", "", it) for it in items}) == 1:
            return None  # 记三等功、____、记一等功: the ladder gives the rung away
        acts = [it.endswith(_ACT_TAILS) for it in items]
        if any(acts) and not all(acts) and len({len(it) for it in items}) > 1:
            return None  # 「退化草原、退化湿地、____和水土流失防治」: things and acts mixed, 沙化土地 fits too (round 47)
        if (self.lex.legal or self.lex.articled) and not self._memorable_list(text, e):
            return None  # 「煽动闹事、结伙斗殴、抢夺……」: 聚众斗殴 would be as right
        if all(segment.tagged(it)[0][1].startswith("v") for it in items) and min(len(it) for it in items) >= 5 \
                and RX[r"的[\u4e00-\u9fff]{0,8}(?:人员|工作者|干部|职工|群众|个人)"].match(text, e.end) \
                or RX[r"[，,](?:从|在|对|向|把|将)[^，,；;。]{2,}"].match(text, e.end) \
                and RX[r"(?:坚持|做到|实现)$"].search(text, 0, e.start):
            return None  # 「对参与完成重大任务、____、应对突发事件的一线社区工作者」: the circumstances of whom a
            # rule is for, 抢险救灾 fits as well; 「坚持拓宽来源、……、____、提高质量，从……发现选拔优秀年轻干部」: what the
            # acts are for comes after the list, out of the stem's view (round 83)
        if re.search(r"(?:根据|结合|依据|考虑|综合|兼顾|视)[\u4e00-\u9fff]{0,6}$", re.split(r"[，,；;。：:]", text[:e.start])[-1]):
            return None  # 「根据企业发展规模、____、产品及服务特点」: what a choice weighs, 行业特点 fits too (round 55)
        if j == len(items) - 2 and text[y:y + 1] in "和与及" and 2 * len(items[-1]) <= min(len(it) for it in items[:-1]) \
                and segment.tagged(key)[0][1].startswith("v") and len(segment.tagged(key)) >= 2:
            return None  # 「尊重农民意愿、方便群众生产生活、保持乡村功能和特色的原则」: 特色 is 保持……'s object, not an
            # item — the blank would take half an item (「____和特色」, round 67); 「联合调查、信息共享和奖惩机制」
            # are things, 奖惩 one of them
        sbody = self.opening(text, lo) + text[lo:x] + BLANK + text[y:hi]
        pre, suf = _affixes(items)
        if suf and suf[-1] in "仓库站室馆厅园":
            return None  # 「布局建设区域中心仓、____仓、前置仓」: one kind of facility in a row of its kinds,
            # 配送仓 fits as well (round 77)
        inner = items[1:]  # (the first item may have taken in a word before it: 一批新业务)
        if any(all(it.startswith(c) for it in inner) for c in "新全大高多") \
                or sum(1 for it in items if it[:1] in "多分全广深宽" and len(it) <= 3) >= len(items) - 1:
            return None  # 「新业务、新应用、____、新业态」「多形式、____、全覆盖」: a stock row of the day (rounds 50, 54)
        if sum(1 for it in items if it in _TECH_ROW) >= 2:
            return None  # 「移动互联网、____、云计算」: the technologies of the day, 物联网 fits too (round 51)
        quality = [it.endswith(("式", "化", "型")) or all(t in ("a", "ad", "an", "d", "i", "l") for _, t in segment.tagged(it))
                   for it in items]
        if not (self.lex.legal or self.lex.articled) and len(items) <= 4 and text[e.end:e.end + 1] == "的" \
                and (quality[j] or sum(quality) >= len(items) - 1):
            return None  # 「性价比高、成熟稳定、具有品牌效应的……火箭」: a row of qualities, any other fits (round 54)
        if sum(1 for it in items if re.match(r"不|慢|乱|假|虚|懒", it) or it.endswith(("不力", "作为", "漂浮", "不实"))) >= 2:
            return None  # 「不担当、不作为、慢作为、____、落实不力」: a row of faults, 乱作为 fits as well (round 70)
        if sum(1 for it in items if re.fullmatch(r"有[\u4e00-\u9fff]{1,3}", it)) >= len(items) - 1:
            return None  # 「有意愿、____、有前景的企业」: a row of qualities, 有潜力 fits as well (round 77)
        if re.match(r"的[\u4e00-\u9fff]{0,12}队伍", text[e.end:e.end + 15]):
            return None  # 「建设一支品德高尚、富有爱心、____、素质优良的……队伍」: the virtues of a team, 业务精湛 fits (round 69)
        if not (self.lex.legal or self.lex.articled) and len(key) == 4 and not (pre or suf) \
                and not self._memorable_list(text, e) \
                and all(len(it) == 4 and segment.tagged(it)[0][1] == "v" for it in inner):
            return None  # 「深入企业宣讲政策、____、做好帮扶」: a row of routine acts, 听取诉求 fits too (round 52)
        if not (self.lex.legal or self.lex.articled) and (
                re.match(r"等?(?:重点)?(?:领域|行业|场景|方面)", text[e.end:e.end + 5])
                or all(len(it) == 4 for it in items)
                and re.match(r"的(?![\u4e00-\u9fff]{0,4}工作格局)[\u4e00-\u9fff]{0,4}(?:布局|格局|态势|局面|生态|氛围)",
                             text[e.end:e.end + 8])):
            return None  # 「推动养老康复、教育体育、____、文化娱乐领域的……应用」: another field fits; 「形成要素汇聚、____、
            # 功能互补、辐射带动的空间布局」: a row of words for a pattern, nothing to learn (round 54)
        cuts = segment.bounds(key)
        # (做强内循环、做优外循环、畅通双循环: 循环 ends the terms 内循环, 双循环 — a blank 「做优外____」 or
        # 「____循环」 keyed 做优外 cuts one of them, and the whole item 做优外循环 has near twins — round 81)
        splits_terms = len(suf) >= 2 and sum(1 for it in items
                                         if len((segment.tokens(it[:len(it) - len(suf)]) or ["--"])[-1]) == 1) >= 2
        if splits_terms:
            return None
        if (pre or suf) and len(key) - len(pre) - len(suf) >= 2 \
                and len(pre) in cuts and len(key) - len(suf) in cuts:
            # 严以修身、严以____、严以律己: the blank takes what the items do not share
            if len(suf) == 1:
                return None  # 「基础设施完备度、____度、人居环境舒适度」: a term without its last character,
                # 公共服务便利|度 (round 89)
            x, y = x + len(pre), y - len(suf)
            key = key[len(pre):len(key) - len(suf)]
            sbody = self.opening(text, lo) + text[lo:x] + BLANK + text[y:hi]
        elif sum(1 for it in items if it.endswith(_FACILITIES)) >= len(items) - 1:
            return None  # 「建设学科教室、____、社团活动室」: a row of rooms, 创客教室 fits as well (round 69); 「……研发
            # 设计中心、____中心」 keeps the kind in view
        rest = text[lo:e.start] + "\n" + text[e.end:hi]  # (not the list's other items: 重大 in 制定重大决策、处置重大资产 is its shape)
        if any(re.fullmatch(r"[\u4e00-\u9fff]{2}", key[k:k + 2]) and key[k:k + 2] in rest
               and self.lex.count(key[k:k + 2]) <= max(6, self.lex.n_units // 4) for k in range(len(key) - 1)):
            return None  # 「……快速检测……疫苗、____和医疗器械」 (检测产品): the stem hints the key, unless
            # the word is the document's own subject, said all through it (保护 in a 河湖保护 regulation)
        others_len = sorted(len(o) for o in items if o != items[j])
        # a list cut in the wrong place (立场、观点、方法观察问题、分析问题) has one overlong item
        others_len = others_len if len(items[j]) <= others_len[len(others_len) // 2] + 1 else []
        if _ch(text, x - 1) in "（(" or _ch(text, y) in "（(":
            others_len = []  # 纪委（纪检组）: the bracketed other name is no point to ask
        if others_len and self._ok_body(sbody, sbody.find(BLANK) if not ctx else -1) \
                and not self.lex.too_common(key) and key not in TOGETHER \
                and len(items[j]) <= max(others_len) + 1 \
                and _worth_listing(items, key, pre, suf,
                                   bool(re.search(r"(分为|包括|种类为)：$", text[max(0, e.start - 6):e.start]))) \
                and (pre or suf or not any(o[:2] == key[:2] for o in items if o != key)):
            q = self._question(unit, "fill", self._stem(ctx, self._finish(sbody)), [], [key])
            return Candidate(q, unit, 2.3, "list_fill", [key])
        return None

    @staticmethod
    def _memorable_list(text: str, e) -> bool:
        """Whether a law's list is one a cadre learns by heart: principles, a policy, the kinds
        of something (坚持……的原则, 实行……的方针, 处分分为：……), not a row of acts or things
        written in passing, where a near-synonym fills a blank as well."""
        after = text[e.end:e.end + 8]
        before = text[max(0, e.start - 8):e.start]
        return bool(re.match(r"(?:相结合)?的(?:原则|方针|要求|工作格局|工作机制|体制|目标)|并举|相结合", after)
                    or (re.match(r"的[\u4e00-\u9fff]{2,6}(?:[，,。；;]|$)", text[e.end:e.end + 9])
                        and all(any(t.startswith(("v", "a", "d", "i", "l")) for _, t in segment.tagged(x))
                                for x in e.items))
                    or re.search(r"(?:坚持|遵循|本着|贯彻|实行|按照)$", before)
                    or re.search(r"(?:分为|包括|种类为)[：:]?$", before))

    def _said_alike(self, x: str, verb: str, unit: Unit, orders: list[int]) -> bool:
        """Whether the document says x where it could also be true: in the same part of the
        document, or after the same verb (反对……官僚主义)."""
        top = unit.path[:1]
        for o in orders:
            u = self.lex.units[o]
            if u.path[:1] == top or (len(verb) == 2 and verb in u.text):
                return True
        return False


# what happens, not what is done: an item that says it is of another kind than principles or acts
_EVENT = re.compile(r"造成|导致|致使|引起|引发")
# rooms and places a plan builds in a row (学科教室、创新实验室、社团活动室)
_FACILITIES = ("室", "馆", "厅", "站", "场所", "中心")

# the technologies every plan of the day names in one breath
_TECH_ROW = frozenset("移动互联网 互联网 云计算 大数据 物联网 人工智能 区块链 5G 工业互联网 元宇宙 量子计算 边缘计算".split())


def _list_shape(items: list[str]) -> tuple[str, str, int, int, set[tuple[str, str]], bool | None] | None:
    """What an option of the same kind as a list's items must have: what all items share (问×于民,
    严以××, ××监督), their lengths, and the parts of speech they begin and end with. A list whose
    items share nothing gets no distractors: drawn from elsewhere in the document they are
    either of another kind (absurd) or also true (坚持……). Computed once per list."""
    pre, suf = _affixes(items)
    if not (pre or suf):
        return None
    acts = [_acts(i[len(pre):len(i) - len(suf)]) for i in items]
    # (only where the items share their head's modifier, 文明××: in 行政机关、审判机关 what varies is
    # itself the modifier)
    kind = None if len(pre) < 2 or suf else sum(acts) * 2 > len(acts)
    return pre, suf, min(len(i) for i in items), max(len(i) for i in items), {_pos_shape(i) for i in items}, kind


def _acts(rest: str) -> bool:
    """Whether what varies in an item (执法 in 文明执法) is an act, not a thing or a place (村镇)."""
    tags = segment.tagged(rest)
    return bool(tags) and tags[-1][1] in ("v", "vn", "vd")


def _fits_shape(x: str, shape: tuple[str, str, int, int, set[tuple[str, str]], bool | None]) -> bool:
    pre, suf, short, long, shapes, kind = shape
    if not short <= len(x) <= long or not x.startswith(pre) or not x.endswith(suf) or len(x) <= len(pre) + len(suf):
        return False
    if kind is not None and _acts(x[len(pre):len(x) - len(suf)]) != kind:
        return False  # 文明村镇, 文明城市 beside 文明执法、文明办事、文明服务: places among acts (round 73)
    return _pos_shape(x) in shapes


_PERSON_END = re.compile(r"(?:人|人员|者|员|老年人|儿童|未成年人|妇女|对象|家庭|成员|群众|患者|学生|职工|干部)$")


def _is_person(term: str, meaning: str) -> bool:
    """Whether a defined term names people (特困人员: 「……的老年人」), not a thing or a body."""
    return bool(_PERSON_END.search(term) or _PERSON_END.search(strip_end(meaning).rstrip("。")))
