"""Who carries out a measure: the bracket a policy text puts after each of its measures
(「（责任单位：区住房建设局）」「（省商务厅牵头，省农业农村厅配合）」「（市场监管总局负责）」).

A cadre of a county office studies a 若干措施 to know what his own office must do, and the
bracket says it. The question names the measure (its heading, or the measure itself when it
is short) and asks which office leads it or carries it out; the options are the document's own
offices of the same level, named by other brackets — so every option is plausible and the text
answers it alone. Asked where the bracket is unambiguous: one office, or the lead office the
bracket (or the document: 「列第一位者为牵头单位」) names, or two or three offices together (a
multiple choice). A bracket of many offices, an open one (「……等」) or one of 各区人民政府 is no
question; and the form asks only a few measures of a document (the same question on every
measure would be a formula).
"""

from __future__ import annotations

import random
import re
from collections.abc import Set as AbstractSet

from studyapp.core.questions.formbase import HOLE, Candidate, FormBase
from studyapp.core.questions.lexicon import Unit
from studyapp.core.questions.text import RX, norm, strip_end

# a bracket that speaks of who carries a measure out, however it is worded (form_measures leaves it
# out of a measure's points)
OFFICES_NOTE = re.compile(r"^[（(][^（）()]*(?:责任单位|牵头|负责|配合)[^（）()]*[）)][。；;]?$")
# a bracket that is only the offices of a measure: 「（责任单位：……）」「（……牵头，……配合）」「（……负责）」
_BRACKET = re.compile(r"^[（(](?P<body>[^（）()]*(?:[（(〔][^（）()〔〕]*[）)〕][^（）()]*)*)[）)][。；;]?$")
_ROLE = re.compile(r"(牵头单位|牵头部门|责任单位|责任部门|负责部门|负责单位|配合单位|配合部门|参与单位|落实单位)[：:]")
# what the bracket adds about the whole document: 「列第一位者为牵头单位，下同」「以下均需……落实，不再列出」
_FIRST_LEADS = re.compile(r"列第一位(?:的|者)?为牵头")
_FOOTNOTE = re.compile(r"[。；;](?:列第一位|以下|下同|各项措施|各地|各市|各县)[^。]*$|[，,]下同$")
# an office's name: ends as an office does (局, 委, 厅, 办, 部, 署, 总局, 委员会, 中心, 管委会, 工会 …)
_OFFICE = re.compile(r"^[\u4e00-\u9fff〔〕]{2,20}(?:局|委|厅|办|办公室|部|署|委员会|管委会|中心|工会|联合会|妇联|团委|"
                     r"银行|分行|海关|监管分局|监管局|协会|院|团市委|团省委)$")
# not an office that carries one measure: every government below, 有关部门, 各银行业金融机构
_NOT_ONE = re.compile(r"^各|有关|相关|等$|人民政府$|^[省市区县州]政府$|政府$|金融机构$|^其他")
_LEVEL = ("省", "市", "区", "县", "州", "自治区", "示范区")
_MAX_TITLE = 30     # a heading that names the measure
_MAX_MEASURE = 80   # a measure short enough to be shown whole in the stem
_MAX_QUOTE = 400    # the longest source quoted whole


def _split_offices(text: str) -> list[str]:
    """「省卫生健康委、医保局，各市〔州〕人民政府」 → the names, the 〔〕 inside a name kept whole."""
    out, cur, depth = [], "", 0
    for ch in text:
        if ch in "〔（(":
            depth += 1
        elif ch in "〕）)":
            depth -= 1
        if depth == 0 and ch in "、，,；;":
            if cur.strip():
                out.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def parse_bracket(text: str, first_leads: bool) -> tuple[list[str], list[str]] | None:
    """(the lead offices, all the offices named as carrying the measure out) of a bracket, or
    None when it is not a bracket of offices, or names an open or a generic set of them."""
    m = _BRACKET.match(text.strip())
    if m is None:
        return None
    body = _FOOTNOTE.sub("", m.group("body").strip())
    if not RX[r"牵头|负责|责任单位|责任部门|负责部门|负责单位"].search(body) or RX[r"等(?:单位|部门)?(?:[，,；;]|$|按|负责|牵头)"].search(body):
        return None
    lead: list[str] = []
    carry: list[str] = []
    if _ROLE.search(body):
        for part in re.split(r"[；;。]|[，,](?=(?:牵头|责任|负责|配合|参与|落实)(?:单位|部门)[：:])", body):
            r = _ROLE.match(part.strip())
            if r is None:
                return None
            names = _split_offices(part.strip()[r.end():])
            if r.group(1).startswith("牵头"):
                lead += names
                carry += names
            elif r.group(1).startswith(("责任", "负责")):
                carry += names
    else:
        m2 = re.fullmatch(r"(?P<lead>[^，,；;]+?)牵头(?:[，,](?P<rest>[^，,；;]+?)(?:配合|参与|协同|按职责分工负责|负责落实|落实))?", body)
        m3 = re.fullmatch(r"(?P<all>[^；;。]+?)(?:按职责分工)?负责", body)
        if m2 is not None:
            lead = _split_offices(m2.group("lead"))
            carry = list(lead)
        elif m3 is not None:
            carry = _split_offices(m3.group("all"))
            if first_leads and len(carry) > 1:
                lead = carry[:1]
        else:
            return None
    # (「……，各区人民政府」 after a bracket's offices: every measure's, no option)
    carry = [x for x in carry if not RX[r"^各[^、]*(?:政府|管委会)$"].match(x)]
    if not carry or any(not _OFFICE.match(x) or _NOT_ONE.search(x) for x in lead):
        return None
    return lead, carry


def _gives_away(office: str, level: str, measure: str) -> bool:
    """Whether the measure as the stem names it says the office's own field (three characters of
    it or more: 公积金 for the 住房公积金中心, 税务 for the 税务局)."""
    core = office[len(level):] if level and office.startswith(level) else office
    core = re.sub(r"(?:管理)?(?:局|委|厅|办|办公室|部|署|委员会|管委会|中心)$", "", core)
    if len(core) <= 3:
        return len(core) >= 2 and core in measure  # (税务, 商务, 民政: the field itself)
    return any(core[k:k + 3] in measure for k in range(len(core) - 2))


class OwnerForms(FormBase):
    """Which office leads or carries out a measure, by the brackets of a policy text."""

    def owners(self, rng: random.Random, busy: AbstractSet[tuple[str, ...]] = frozenset()) -> list[Candidate]:
        """A few measures' offices, each office the key once, spread over the document: measures
        whose section has no other question to offer (`busy`: the sections that have)."""
        if self.lex.legal:
            return []
        first_leads = any(_FIRST_LEADS.search(u.text) for u in self.lex.units)
        found: list[tuple[Unit, list[str], list[str]]] = []
        for u in self.lex.units:
            if u.text[:1] not in "（(" or not RX[r"牵头|负责|责任"].search(u.text):
                continue
            parsed = parse_bracket(u.text, first_leads)
            if parsed is not None:
                found.append((u, *parsed))
        if len(found) < 4:
            return []  # (a bracket or two: no fair set of offices to choose from)
        level = self._level([cs[0] for _u, _l, cs in found])
        offices: dict[str, str] = {}
        for _u, _lead, carry in found:
            for x in carry:
                full = self._full(x, level)
                if full is not None and not _NOT_ONE.search(full) and _OFFICE.match(full):
                    offices.setdefault(full.replace("和", ""), full)  # (人力资源社会保障局 spelt twice)
        pool = list(offices.values())
        if len(pool) < 5:
            return []
        sets = [frozenset(carry) for _u, _lead, carry in found]
        out: list[Candidate] = []
        for u, lead, carry in found:
            if not lead and len(carry) > 1 and sets.count(frozenset(carry)) > 1:
                continue  # the same offices carry another measure: which measure, the key cannot tell (round 84)
            made = self._owner_question(u, lead, carry, level, pool, rng)
            if made is not None:
                out.append(made)
        # a few measures of the document, spread over it, each office the key once
        cap = max(1, min(4, round(len(found) / 5)))
        chosen: list[Candidate] = []
        used: set[str] = set()
        # (a section with questions of its own keeps them: beside them this one would only repeat
        # the measure, or push one out)
        free = [c for c in out if tuple(c.unit.path) not in busy]
        step = max(1, len(free) // cap) if free else 1
        for c in free[::step] + free:
            if len(chosen) >= cap:
                break
            if c in chosen or used & set(c.keys):
                continue
            chosen.append(c)
            used.update(c.keys)
        return sorted(chosen, key=lambda c: c.unit.order)

    @staticmethod
    def _level(names: list[str]) -> str:
        """The level the document's offices are named with (省, 市, 区 …), or "" (a ministry's):
        that of most brackets' first office (「省卫生健康委、医保局、财政厅」 says it once)."""
        counts = {lv: sum(1 for x in names if x.startswith(lv) and not x.startswith("示范区") or lv == "示范区"
                          and x.startswith(lv)) for lv in _LEVEL}
        best = max(counts, key=lambda lv: counts[lv])
        return best if counts[best] * 2 >= len(names) else ""

    def _full(self, name: str, level: str) -> str | None:
        """The office's full name: 「医保局」 after 「省卫生健康委、」 is the 省医保局 where the
        document names it so elsewhere; None when a name cannot be told whole (「安徽银保监局」
        is no 省安徽银保监局: only a name the document itself spells with its level is taken)."""
        if not level or name.startswith(level):
            return name
        full = level + name
        return full if norm(full) in self.lex.full else None

    def _measure(self, u: Unit) -> str | None:
        """How the stem names the measure: its heading, or the measure itself when short."""
        title = strip_end(u.info.node.title or "")
        if 4 <= len(title) <= _MAX_TITLE and not RX[r"[：:“”《》]"].search(title):
            same = sum(1 for s in self.lex.document.walk() if strip_end(s.title or "") == title)
            return title if same == 1 else None
        text = (u.info.node.text or "").strip()
        at = text.rfind(u.text.strip())
        body = strip_end(text[:at] if at > 0 else "")
        if not 10 <= len(body) <= _MAX_MEASURE or "\n" in body or RX[r"[“”《》：:]|一是|二是"].search(body):
            return None
        return body

    def _owner_question(self, u: Unit, lead: list[str], carry: list[str], level: str, pool: list[str],
                        rng: random.Random) -> Candidate | None:
        measure = self._measure(u)
        if measure is None:
            return None
        section_text = (u.info.node.title or "") + (u.info.node.text or "")
        mine = {f for f in (self._full(x, level) for x in carry) if f is not None}
        if len(mine) != len(carry):
            return None
        # rivals named as the key is (with its level, or as a ministry is)
        rivals = [x for x in pool if x not in mine and x not in section_text
                  and not any(x in m or m in x or x.replace("和", "") == m.replace("和", "") for m in mine)
                  and (x.startswith(level) if level else not x.startswith(_LEVEL))]
        if lead and len(lead) == 1:
            key = self._full(lead[0], level)
            verb = "牵头" if len(carry) > 1 or RX[r"牵头"].search(u.text) else None
            keys = [key] if key else []
            qtype = "single"
        elif not lead and len(carry) == 1:
            keys = list(mine)
            verb = None
            qtype = "single"
        elif not lead and 2 <= len(carry) <= 3:
            keys = [self._full(x, level) or "" for x in carry]
            verb = None
            qtype = "multiple"
        else:
            return None
        if not keys or not all(k and _OFFICE.match(k) and not _NOT_ONE.search(k) for k in keys):
            return None
        if any(_gives_away(k, level, measure) for k in keys):
            return None  # 「“进一步加大住房公积金支持力度”这项措施的责任单位是」 市住房公积金中心: said in the stem (round 84)
        # rivals of the key's kind (厅 beside 厅, 委 beside 委 where there are enough), nearest in length
        want = 3 if qtype == "single" else 5 - len(keys)
        if len(rivals) < want:
            return None
        rivals.sort(key=lambda x: (abs(len(x) - len(keys[0])), x))
        wrong = rivals[:want + 3]
        rng.shuffle(wrong)
        options = keys + wrong[:want]
        rng.shuffle(options)
        shown = f"“{measure}”"
        if qtype == "multiple":
            stem = f"{shown}这项措施的责任单位有{HOLE}。"
            answer = sorted(options.index(k) for k in keys)
        elif verb:
            stem = f"{shown}这项措施由{HOLE}牵头。"
            answer = [options.index(keys[0])]
        else:
            stem = f"{shown}这项措施的责任单位是{HOLE}。"
            answer = [options.index(keys[0])]
        # the source: the measure with its bracket as the text has it; a long measure from the
        # sentence its bracket closes (the stem names the measure by its heading)
        whole = "\n".join(x for x in (u.info.node.title, u.info.node.text) if x)  # (as the reader shows it)
        end = whole.rfind(u.text.strip())
        quote = whole[:end + len(u.text.strip())].strip()
        if len(quote) > _MAX_QUOTE:
            starts = [m.end() for m in re.finditer(r"[。；;]", quote[:end - 1])]
            near = [a for a in starts if end - a <= _MAX_QUOTE - len(u.text)]
            quote = quote[near[0]:] if near else u.text.strip()
        q = self._question(u, qtype, stem, options, answer, quote=quote, difficulty=2)
        q.explanation = f"原文在这项措施后注明：{u.text.strip()}"
        # (below the forms on the measure's content: where the section has room for one question, theirs)
        return Candidate(q, u, 1.2, "owner", keys)
