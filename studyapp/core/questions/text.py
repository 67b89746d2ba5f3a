"""Text helpers shared by the generators and the verifier.

Quotes must stay verbatim, so sentence splitting works on spans of the original text and
never rewrites it; comparison happens after NFKC folding and whitespace removal, which is
how the verifier decides that a quote "is in" the document (the seed mixes half- and
full-width punctuation).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from studyapp.core.model import ParsedDocument, ParsedSection

_WS = re.compile(r"\s+")


class _Compiled(dict[str, "re.Pattern[str]"]):
    """Patterns written where they are used and compiled once: `RX[r"…"].search(s)` is one
    dictionary lookup, where `re.search(r"…", s)` walks re's own cache through two Python calls
    each time — on the hot paths (the checks every sentence of a document goes through) that
    walk was a tenth of a large document's generation."""

    def __missing__(self, pattern: str) -> re.Pattern[str]:
        compiled = self[pattern] = re.compile(pattern)
        return compiled


RX = _Compiled()
SENT_END = "。！？!?"
CLAUSE_END = "；;"
CLOSERS = "”’」』】》"
COMMA = "，,"
PUNCT = set("，,。；;：:！？!?、")


# full-width ASCII (，；：（）１２…) and the ideographic space, as NFKC folds them: done first by a
# table, the text is then usually already normal and NFKC's quick check returns it as it is
# (a Chinese sentence's full-width commas made every one take the slow path)
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def nfkc(s: str) -> str:
    """unicodedata.normalize("NFKC", s), faster on Chinese text (the same result: NFKC maps each
    full-width character to its ASCII one, so mapping them first changes nothing)."""
    return unicodedata.normalize("NFKC", s.translate(_FULL_WIDTH))


@lru_cache(maxsize=131072)
def norm(s: str) -> str:
    """NFKC-folded text without whitespace: the form in which quotes are compared."""
    return _WS.sub("", nfkc(s))


def strip_end(s: str) -> str:
    """A statement without its closing punctuation (the stem adds its own)."""
    return s.rstrip("。；;，,：:！？!? \n\t")


def split_spans(text: str, ends: str) -> list[tuple[int, int]]:
    """Cached wrapper of `_split_spans` (generators ask about the same sentence often)."""
    return list(_split_spans(text, ends))


@lru_cache(maxsize=65536)
def _split_spans(text: str, ends: str) -> tuple[tuple[int, int], ...]:
    """Spans of `text` cut after any char of `ends` (with closing quotes after it) or a newline.

    Spans exclude surrounding whitespace; the terminator belongs to its span.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _cut_re(ends).finditer(text):
        if m.group() == "\n":
            _push(text, start, m.start(), spans)
        else:
            _push(text, start, m.end(), spans)
        start = m.end()
    _push(text, start, len(text), spans)
    return tuple(spans)


@lru_cache(maxsize=64)
def _cut_re(ends: str) -> re.Pattern[str]:
    """Where `_split_spans` cuts: a newline, or a char of `ends` with the closers after it."""
    cls = "".join(re.escape(c) for c in ends)
    closers = "".join(re.escape(c) for c in CLOSERS)
    return re.compile(f"\n|[{cls}][{closers}]*") if cls else re.compile("\n")


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentences(text: str) -> list[str]:
    """Sentences (ended by 。！？ or a line break), verbatim."""
    return [text[a:b] for a, b in split_spans(text, SENT_END)]


def clauses(sentence: str) -> list[str]:
    """Parts of a sentence between semicolons, verbatim (with their terminator)."""
    return [sentence[a:b] for a, b in split_spans(sentence, CLAUSE_END + SENT_END)]


def is_terminated(s: str) -> bool:
    t = s.rstrip(CLOSERS + " ")
    return bool(t) and t[-1] in SENT_END + CLAUSE_END + "：:"


# --- sections ---------------------------------------------------------------------------
HEADING_KINDS = {"bian", "bufen", "zhang", "jie", "cn", "arabic", "dec1", "dec2", "dec3", "dec4"}


def label_of(sec: ParsedSection) -> str:
    """The path element of a section: its label, or 第N段 for unnumbered paragraphs."""
    return sec.label or f"第{sec.number}段"


def subtree_text(sec: ParsedSection) -> str:
    """The section as a reader sees it: labels, titles and texts of it and its descendants."""
    parts: list[str] = []
    for node in sec.walk():
        head = (node.label or "") + (node.title or "")
        if head:
            parts.append(head)
        if node.text:
            parts.append(node.text)
    return "\n".join(parts)


def item_text(sec: ParsedSection) -> str:
    """The wording of a list item （一）… whether the parser put it in title or text."""
    if sec.title:
        return sec.title
    first = sentences(sec.text)
    return first[0] if first else ""


_REVIEW = re.compile(r"回顾|过去|五年来|一年来|工作和成效|主要成效|取得的(?:成效|成就|成绩)|时期工作$|及\d{4}年工作$"
                     r"|^(?:\d{4}|[二〇零一三四五六七八九]{4})年(?:和过去五年)?(?:主要)?工作$")


# a heading that says the period its targets are for
_PERIOD_TITLE = re.compile(r"(?:19|20)\d{2}年(?!和|及|以来|工作回顾)|今后五年|未来五年|“十[一二三四五六]五”(?:时期|期间)")
# 「2022年工作」「2018年主要工作」: last year's look back, or this year's plan — the report's date tells
_YEAR_WORK = re.compile(r"((?:19|20)\d{2})年(?:主要)?工作$")


@dataclass
class SectionInfo:
    """A section with what stems need to name it and what the verifier compares against."""

    node: ParsedSection
    path: list[str]
    ancestors: list[ParsedSection]  # from the top, including node
    doc_title: str
    order: int
    leaf: bool = True
    texts: list[str] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        return [a.title for a in self.ancestors if a.title]

    @cached_property
    def in_review(self) -> bool:
        """Whether the section stands in a report's look back (「一、2022年和过去五年工作」「“十三五”时期工作
        回顾」「2022年主要工作和成效」): last year's figures and praise, no rule or measure to learn — asked,
        they gave figures without their year and blanks in the rhetoric (round 85)."""
        year = re.search(r"((?:19|20)\d{2})年", self.doc_title or "")
        for a in self.ancestors:
            title = strip_end(a.title or "")
            if _REVIEW.search(title):
                plan = _YEAR_WORK.match(title)
                if plan and year and int(plan.group(1)) >= int(year.group(1)):
                    continue  # 「三、2018年主要工作」 in the report of January 2018: this year's plan (round 88)
                return True
        return False

    @cached_property
    def period(self) -> str:
        """The period the nearest heading over it says its targets are for (「2025年重点工作安排」
        → 2025年, 「今后五年政府努力方向」 → 今后五年); "" when none does."""
        for a in reversed(self.ancestors):
            m = _PERIOD_TITLE.match(a.title or "")
            if m:
                return m.group(0)
        return ""

    @property
    def article(self) -> ParsedSection | None:
        for a in reversed(self.ancestors):
            if a.kind == "tiao":
                return a
        return None

    @property
    def chapter(self) -> ParsedSection | None:
        for a in reversed(self.ancestors):
            if a.kind == "zhang":
                return a
        return None

    def heading_title(self) -> str:
        """The deepest real heading on the path (not a list item whose text sits in title)."""
        for a in reversed(self.ancestors):
            if a.title and a.kind in HEADING_KINDS:
                return a.title
        return ""

    def place(self) -> str:
        """Where this is, in words: 《文件》“标题”部分 / 《法》第十一条."""
        doc = f"《{self.doc_title}》" if self.doc_title else "本学习材料"
        art = self.article
        if art is not None:
            extra = ""
            if self.node is not art and self.node.kind == "paren_cn":
                extra = f"第{self.node.label}项"
            return f"{doc}{art.label}{extra}"
        title = self.heading_title()
        if title:
            return f"{doc}“{title.replace('：', '').replace(':', '')}”部分"
        return doc

    def doc(self) -> str:
        return f"《{self.doc_title}》" if self.doc_title else "本学习材料"


def section_infos(document: ParsedDocument) -> list[SectionInfo]:
    """Every section in reading order with its label path."""
    out: list[SectionInfo] = []
    title = clean_title(document.title)

    def visit(sec: ParsedSection, path: list[str], anc: list[ParsedSection]) -> None:
        p = path + [label_of(sec)]
        a = anc + [sec]
        out.append(SectionInfo(node=sec, path=p, ancestors=a, doc_title=title, order=len(out),
                               leaf=not sec.children))
        for c in sec.children:
            visit(c, p, a)

    for s in document.sections:
        visit(s, [], [])
    return out


def clean_title(title: str) -> str:
    return title.strip().strip("《》").replace("\n", "")


def find_section(document: ParsedDocument, path: list[str]) -> list[ParsedSection] | None:
    """Ancestors (top first) of the section named by a label path, or None."""
    level = document.sections
    anc: list[ParsedSection] = []
    for label in path:
        hit = next((s for s in level if label_of(s) == label), None)
        if hit is None:
            return None
        anc.append(hit)
        level = hit.children
    return anc or None
