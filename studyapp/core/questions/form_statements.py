"""Choices among statements: 「下列说法正确的有」 / 「不符合规定的是」 over one section's rules,
a chapter's neighbouring articles, or the true/false items the selection had no room for."""

from __future__ import annotations

import random
import re
import zlib

from studyapp.core.questions import segment
from studyapp.core.questions.formbase import (
    Candidate,
    FormBase,
    _quoted,
)
from studyapp.core.questions.lexicon import Unit, preamble
from studyapp.core.questions.text import RX, strip_end


class StatementForms(FormBase):
    # --- statements: which of these sentences says what the text says -------------------
    def statements(self, units: list[Unit], rng: random.Random) -> list[Candidate]:
        """A choice among sentences of one section (an article, a paragraph): the text's own
        sentences as the true options and one of them falsified on its rule (a figure, a body
        of the same level, 不得 → 可以, 书面 → 口头) as the false one — 「下列说法正确的有」 as a
        multiple choice, or 「下列说法不符合规定的是」 as a single choice. Every option carries its
        own subject; none is a lead-in, an item or a pointer elsewhere."""
        trues: list[Unit] = []
        falses: list[tuple[Unit, str, str, str]] = []
        for u in self._statement_units(units):
            t = u.text
            trues.append(u)
            for a, b, new, why in self._falsifications(u):
                wrong = t[:a] + new + t[b:]
                if why == "modal" and a < 4:
                    continue
                if not self.lex.contains(strip_end(wrong), new):
                    falses.append((u, wrong, t[a:b], new))
                    break
        if len(trues) < 3 or not falses:
            return []
        u0, wrong, old, new = falses[rng.randrange(len(falses))]
        rights = [u for u in trues if u is not u0]
        if len(rights) < 3:
            return []  # four options: three of the text's sentences and the falsified one
        node_text = u0.info.node.text or ""
        topic = self._topic_words(u0)
        multiple = zlib.crc32(u0.text.encode("utf-8")) % 2 == 0
        picked = rng.sample(rights, 3)
        picked.sort(key=lambda u: u.order)
        options = [strip_end(u.text) for u in picked] + [strip_end(wrong)]
        rng.shuffle(options)
        false_opt = strip_end(wrong)
        used = sorted(picked + [u0], key=lambda u: u.order)
        first = node_text.find(strip_end(used[0].text))
        last = node_text.find(strip_end(used[-1].text))
        if first < 0 or last < 0:
            return []
        end = last + len(strip_end(used[-1].text))
        quote = node_text[first:end + (1 if node_text[end:end + 1] in "。；" else 0)]
        if len(quote) > 600:
            return []
        note = f"“{new}”有误，原文为“{old}”。"
        both = []
        for as_multiple in (multiple, not multiple):
            if as_multiple:
                stem = f"{topic}下列说法正确的有（　　）。"
                answer = sorted(i for i, o in enumerate(options) if o != false_opt)
                qtype, form = "multiple", "statements_multiple"
            else:
                stem = f"{topic}下列说法不符合规定的是（　　）。"
                answer = [options.index(false_opt)]
                qtype, form = "single", "statements_not"
            q = self._question(u0, qtype, stem, options, answer, quote=quote, difficulty=3, note=note)
            both.append(Candidate(q, u0, 2.35, form, [f"改:{old}>{new}"], covers=tuple(u.order for u in used)))
        both[0].alt = both[1]
        return [both[0]]

    def neighbour_statements(self, units: list[Unit], rng: random.Random,
                             busy: dict[int, set[str]]) -> list[Candidate]:
        """「下列说法不符合规定的是」 over the articles of one chapter: one article's rule falsified
        (a figure, a body of the same system, 不得 → 可以, 书面 → 口头), beside three rules of
        the neighbouring articles as the text states them. Asked on the falsified article;
        the true options come only from sentences nothing else asks (`busy` holds the units
        that have questions of their own, with their types), each shown once in the chapter,
        nearest first, and all four within a page of the text; an article that already has a
        single choice is not asked another."""
        pool = [u for u in self._statement_units(units)
                if u.text == self.lex.units[u.order].text and self._names_subject(u.text)
                and not re.match(r"^[^，,。；;：:]{1,80}的[，,]|^[^，,。；;：:]{2,12}(?:后|时)[，,]", u.text)]
        # (「用工单位无同类岗位劳动者的，参照……确定」「接到通知后，……」: a case of a rule, not a rule)
        if len(pool) < 4:
            return []
        used: set[int] = set()
        out: list[Candidate] = []
        for u0 in pool:
            if u0.order in used or "single" in busy.get(u0.order, ()):
                continue
            change = None
            for a, b, new, why in self._falsifications(u0):
                if why == "modal" and a < 4:
                    continue
                wrong = u0.text[:a] + new + u0.text[b:]
                if not self.lex.contains(strip_end(wrong), new):
                    change = (a, b, new, why, wrong)
                    break
            if change is None:
                continue
            a, b, new, why, wrong = change
            near = sorted((u for u in pool if u.order not in used and u.order != u0.order
                           and u.order not in busy and u.path != u0.path
                           and abs(u.order - u0.order) <= 12),
                          key=lambda u: (abs(u.order - u0.order), u.order))
            near = [u for u in near if strip_end(u.text) != strip_end(u0.text)][:3]
            if len(near) < 3:
                continue
            options = [strip_end(u.text) for u in near] + [strip_end(wrong)]
            lens = [len(o) for o in options]
            if max(lens) > 1.8 * min(lens):
                continue  # one option much longer than the rest stands out
            rng.shuffle(options)
            old = u0.text[a:b]
            note = f"“{new}”有误，原文为“{old}”；其余三项与原文相符：" + _quoted(near) + "。"
            stem = f"{self._topic_words(u0)}下列说法不符合规定的是（　　）。"
            section, quote = self.span_source([u0, *near]) or (None, self.lex.units[u0.order].text)
            q = self._question(u0, "single", stem, options, [options.index(strip_end(wrong))],
                               quote=quote, difficulty=3, note=note, section=section)
            key = f"改:{old}>{new}" + (f"@{u0.order}" if why == "modal" else "")
            keys = [key] + ([old] if why in ("figure", "level") else [])
            covers = tuple(u.order for u in near)
            # (asked the other way round — which of these are right — when the document lacks
            # a multiple choice: the same four statements, the same falsified rule)
            mq = self._question(u0, "multiple", f"{self._topic_words(u0)}下列说法符合规定的有（　　）。", options,
                                [i for i, o in enumerate(options) if o != strip_end(wrong)],
                                quote=quote, difficulty=3, note=note, section=section)
            out.append(Candidate(q, u0, 2.45, "statements_near", keys, covers=covers,
                                 alt=Candidate(mq, u0, 2.45, "statements_near_multiple", keys, covers=covers)))
            used.update([u0.order] + [u.order for u in near])
        return out

    def pooled_statements(self, false: Candidate, trues: list[Candidate], as_multiple: bool,
                          rng: random.Random) -> Candidate | None:
        """「下列说法符合规定的有」 (or 「不符合规定的是」) over true/false items the selection had
        no room for: one rule falsified (a figure, a level, 不得 → 可以, 书面 → 口头) beside
        three rules stated as the text states them, each a whole sentence that names its own
        subject, from the same part of the document. Asked on the falsified rule."""
        m = re.search(r"题中“([^”]+)”有误，原文为“([^”]+)”", false.question.explanation)
        if m is None or len(trues) != 3:
            return None
        new, old = m.groups()
        shown = [strip_end(c.question.stem) for c in trues]
        if any(old in x or new in x for x in shown):
            return None  # another option names what was changed: it gives the change away
        options = shown + [strip_end(false.question.stem)]
        lens = [len(o) for o in options]
        if max(lens) > 2 * min(lens) or len(set(options)) < 4:
            return None
        # (shuffled by the falsified rule too: a document's first pooled choice is the first draw of
        # a generator seeded alike for every document, and put the false option first every time)
        random.Random(f"{rng.random()}:{false.question.stem}").shuffle(options)
        wrong = options.index(strip_end(false.question.stem))
        topics = {self._topic_words(c.unit) for c in trues + [false]}
        topic = topics.pop() if len(topics) == 1 else ""
        note = f"“{new}”有误，原文为“{old}”；其余三项与原文相符：" + _quoted(trues) + "。"
        u0 = false.unit
        # (the source holds all four rules where one part of the document does)
        section, quote = self.span_source([u0] + [c.unit for c in trues]) or (None, u0.text)
        if as_multiple:
            q = self._question(u0, "multiple", f"{topic}下列说法符合规定的有（　　）。", options,
                               [i for i in range(4) if i != wrong], quote=quote, difficulty=3, note=note,
                               section=section)
            form = "statements_pooled_multiple"
        else:
            q = self._question(u0, "single", f"{topic}下列说法不符合规定的是（　　）。", options, [wrong],
                               quote=quote, difficulty=3, note=note, section=section)
            form = "statements_pooled"
        return Candidate(q, u0, 2.3, form, list(false.keys), covers=tuple(c.unit.order for c in trues))

    def statement_options(self) -> list[Candidate]:
        """Every sentence of the text that can stand as a true option among statements (as
        `_statement_units` picks them) and names its own subject, one per sentence, as true items
        to show beside a falsified rule (built once)."""
        try:
            return self._statement_options  # type: ignore[has-type]  # (set on first use)
        except AttributeError:
            pass
        out: dict[int, Candidate | None] = {}
        for u in self._statement_units(self.lex.units):
            if u.order not in out:  # (a sentence's first statement stands for it)
                q = self._question(u, "judge", self._finish(u.text), [], True)
                out[u.order] = Candidate(q, u, 0.5, "statement_option", []) if self._names_subject(u.text) else None
        self._statement_options = [c for c in out.values() if c is not None]
        return self._statement_options

    def fits_beside(self, false: Candidate, true: Candidate) -> bool:
        """Whether a true statement may stand beside a falsified one as an option: it does not
        name what was changed (it would give the change away), and it is about as long (the
        within twice the false one's length: no odd one out by its length)."""
        m = RX[r"题中“([^”]+)”有误，原文为“([^”]+)”"].search(false.question.explanation)
        if m is None:
            return False
        shown, size = strip_end(true.question.stem), len(strip_end(false.question.stem))
        return not any(w in shown for w in m.groups()) and size / 2 <= len(shown) <= size * 2

    def stands_alone(self, c: Candidate) -> bool:
        """Whether a true/false item is a whole sentence of the text that names its subject:
        fit to be shown as one option among others."""
        stem, text = strip_end(c.question.stem), strip_end(c.unit.text)
        whole = stem[:3] == text[:3] and stem[-3:] == text[-3:] and abs(len(stem) - len(text)) <= 12
        return whole and self._ready(c.unit) == "" and 14 <= len(stem) <= 100 \
            and not RX[r"但是|除外|：|^(?:其|该|对此)"].search(stem)

    @staticmethod
    def _names_subject(sentence: str) -> bool:
        """Whether a sentence, shown alone as an option, says whom it binds: it opens with a
        noun of some length (慈善组织, 国家), not with a verb (责令退还……) or a bare noun the
        sentence before introduced (报告应当包括……)."""
        tagged = segment.tagged(sentence[:16])
        if not tagged:
            return False
        if not tagged[0][1].startswith(("n", "j")):
            return False
        phrase = ""
        for w, t in tagged:
            if not t.startswith(("n", "j", "vn")):
                break
            phrase += w
        return len(phrase) >= 3 or phrase in ("国家", "政府", "公民", "单位", "个人")

    def _statement_units(self, units: list[Unit]) -> list[Unit]:
        """The sentences of a section that can stand as options: short ones whole, long ones
        by their clauses that name their own subject (「……；上级不改变该决定……的，……」)."""
        from dataclasses import replace
        out: list[Unit] = []
        for u in units:
            if u.item or u.context() != "" or u.key in self.lex.repeated_key or u.order in self.lex.excepted \
                    or preamble(u.text):
                continue
            parts = [u.text] if len(u.text) <= 72 else [c + "。" for c in RX[r"；"].split(strip_end(u.text))]
            for i, t in enumerate(parts):
                if len(parts) > 1 and i > 0 and not self._has_subject(t):
                    break  # a clause that shares the sentence's subject cannot stand alone
                if not 14 <= len(t) <= 72 or not self._ok_body(t) or RX[r"但是|除外|：|^(?:其|该|对此|—)"].search(t):
                    continue  # (「——完善学生成长记录……制度。」 is a run-in heading, no statement — round 80)
                out.append(u if t == u.text else replace(u, text=t))
        return out

    @staticmethod
    def _topic_words(unit: Unit) -> str:
        """「关于公务员的辞职与辞退，」 from the nearest heading, when it names a topic."""
        topic = unit.topic
        if not topic or len(topic) > 16 or re.search(r"[，。；：、“”《》]|总则|附则|其他|一般规定", topic):
            return ""
        return f"关于{topic}，"
