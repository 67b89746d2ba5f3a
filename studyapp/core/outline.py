"""Parse the text of a Chinese official document into its numbered structure.

The parser works the same on run-on text (the seed: one line, headings glued to the text
before them) and on line-broken text. A numbering label starts a section only when

* it stands at a boundary: the start of a line, after a sentence end (。！？；), or right after
  the heading of the section just opened (run-on headings have no closing punctuation), and
* it is next in sequence: "3." only after "2." of the same parent, or after the last "2." of an
  earlier parent when a document numbers its items straight through (the seed's 1.–13.).

Inside an article (第X条) only a real boundary counts: an article has no heading, so an item
（一）/一、/1. there starts a line or follows 。；：. A 一、 that ends a word (统一、 唯一、 第一、
之一、 周一、 七一、) is never a label. So "2015.4.15", "十八届三中、四中全会" or "维护党的团结
统一、完成党的任务" never start a section.

A title printed over two or three lines (「国务院办公厅关于推进」 / 「政务新媒体健康有序发展的
意见」) is joined. A 目录 is recognised and kept in the preamble. Every non-whitespace character
of the input ends up in the title, note, meta, preamble, or some section's label, title or
text — except the closing 。 of a section heading and the brackets/colons of the header, which
are formatting.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from studyapp.core.model import Cancelled, DocumentError, ParsedDocument, ParsedSection

log = logging.getLogger("studyapp.core")

# --- numbering kinds, from the outermost to the innermost ---------------------------------
RANKS: dict[str, float] = {
    "bian": 0,  # 第一编
    "bufen": 0.5,  # 第一部分 (a 办法 in two parts, each with its own 一、二、三、)
    "zhang": 1,  # 第一章
    "jie": 2,  # 第一节
    "tiao": 3,  # 第一条
    # decimal headings of plans and standards (应急预案: 「1　总则」「2.1　指挥部」「2.1.2　办公室」),
    # one kind per depth, written at the start of a line with a blank after the number
    "dec1": 3.2,  # (between 条 and 一、: they never share a level)
    "dec2": 3.4,
    "dec3": 3.6,
    "dec4": 3.8,
    "cn": 4,  # 一、
    "paren_cn": 5,  # （一）
    "arabic": 6,  # 1.
    "paren_arabic": 7,  # （1）
    "circled": 8,  # ①
}
_ORDINAL_KIND = {"编": "bian", "部分": "bufen", "章": "zhang", "节": "jie", "条": "tiao"}

_CN_NUM = "零〇一二三四五六七八九十百千两"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}

_LABEL_RE = re.compile(
    rf"""
    (?P<dec>(?<![^\n])(?P<decn>\d{{1,2}}(?:[.．]\d{{1,2}}){{0,3}})(?=[ \t\u3000]+[^\s\d]))
    |(?P<ord>第(?P<ordn>[{_CN_NUM}\d]{{1,6}})(?P<ordk>[编章节条]|部分)(?![的之中所和或及、，,至项款规]))
    |(?P<pcn>[（(](?P<pcnn>[{_CN_NUM}]{{1,4}})[）)])
    |(?P<pa>[（(](?P<pan>\d{{1,3}})[）)])
    |(?P<pau>(?P<paun>[\u2474-\u2487]))
    |(?P<cn>(?P<cnn>[{_CN_NUM}]{{1,4}})[、])
    |(?P<ar>(?<![\d.．A-Za-z０-９])(?P<arn>\d{{1,3}}|[０-９]{{1,3}})(?:[.．、](?:(?![\d０-９])|(?=(?:19|20)\d{{2}}年))))
    |(?P<aru>(?P<arun>[\u2488-\u249b]))
    |(?P<ci>(?P<cin>[\u2460-\u2473]))
    """,
    re.VERBOSE,
)

# punctuation after which a new sentence (and so a label) may start
_SENTENCE_END = set("。！？；;!?：:")
_CLOSERS = set("”’」』）)】》")
_HEADING_TERMINATORS = set("。！？；;!?")
_TRAILING_OK = set("。！？!?”’」』）)】》…．.；;")

# characters that make a word with the numeral after them, so "统一、" or "周二、" is an
# enumeration inside a sentence, never a label "一、"/"二、" (on the same line)
_WORD_BEFORE_ANY = set("第周初之其")  # 第一、 周二、 初五、 三分之一、 其二、
_WORD_BEFORE: dict[str, set[str]] = {
    "一": set("统唯单划专万逐如纯"),  # 统一、 唯一、 单一、 整齐划一、 专一、 万一、 逐一、 始终如一、
    "二": set("无"),  # 独一无二、
    "三": set("再"),  # 再三、
}
# of those, the characters that never end a heading line, so a hard-wrapped line ending in one
# of them continues a word on the next line (「……依照本法第」 / 「一、……」)
_WORD_BEFORE_ACROSS_LINES = set("第之其唯逐")
_CN_DIGITS = set("一二三四五六七八九两")

# --- study header ------------------------------------------------------------------------
META_KEYS = ["学习时间", "学习方式", "学习形式", "学习地点", "学习内容", "领学人", "主持人",
             "记录人", "参加人员", "参会人员", "缺席人员", "时间", "地点"]
_PERSON_KEYS = {"领学人", "主持人", "记录人"}
_META_RE = re.compile(r"({})\s*[:：]\s*".format("|".join(META_KEYS)))
# how a document's own text typically begins right after a run-on study header
_OPENERS = ("为了", "为全面", "为深入", "为进一步", "为切实", "为认真", "为加快", "为推进", "为加强",
            "为贯彻", "为", "根据", "按照", "近年来", "当前", "今年", "经", "现将", "依据", "党的", "在")
_NOTE_HINT = re.compile(r"(通过|印发|发布|公布|修订|修正|施行|批准|\d{4}年|[〇零一二三四五六七八九]{4}年)")
# a title printed over several lines: how its last line ends, and what its lines never hold
_TITLE_END_RE = re.compile(
    r"(意见|决定|决议|通知|通报|通告|公告|公报|条例|办法|规定|规则|细则|准则|守则|章程|法|纲要|方案|"
    r"规划|计划|要点|制度|指引|指南|标准|批复|函|报告|讲话|建议|清单)"
    r"(?:[（(](?:试行|暂行|草案|修订|修订草案|征求意见稿)[）)])?[”》」』]?$")
# words ending in 法 that do not end a title (「中共中央关于全面推进依法」 + 「治国若干重大问题的决定」)
_NOT_A_TITLE_END = ("依法", "方法", "做法", "执法", "立法", "司法", "守法", "合法", "违法", "非法")
_TITLE_STOPPERS = set("。！？；;!?：:，,")
_TITLE_LINE_MAX = 40
_DOC_NUMBER_RE = re.compile(r"^\S{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号$")
_DATE_LINE_RE = re.compile(
    r"^[(（]?(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月"
    r"(?:\s*[\d〇一二三四五六七八九十]{1,3}\s*日)?[)）]?$")


_DOC_KINDS = re.compile(
    r"(?:意见|决定|决议|条例|办法|规定|规则|细则|准则|通知|通报|通告|公告|法|纲要|规划|方案|计划|报告|讲话|"
    r"章程|解释|批复|指引|指南|标准|守则|制度|要点|提纲|讲稿|发言|答问|问答|汇编|清单|公报|宣言|信|建议|"
    r"目录|大纲|读本|选编|文件|精神|论述|摘编)$")


def looks_like_title(title: str) -> bool:
    """Whether a heading reads as a document's title (「中共遵义市委关于……的实施意见」, 「……条例（试行）」):
    a line of Chinese naming a kind of document, or one 「关于」 something. A file name, a first
    sentence or text decoded with the wrong encoding (「桥汬漠…」) does not."""
    t = re.sub(r"[（(][^（）()]{1,16}[）)]$", "", (title or "").strip())  # （试行）（2018年修正）
    t = t.strip("《》“”\"' ")
    if not 4 <= len(t) <= 80 or re.search(r"[。；;！!？?]", t):
        return False
    han = sum(1 for ch in t if "\u4e00" <= ch <= "\u9fff")
    if han < 0.7 * len(t):
        return False
    return bool(_DOC_KINDS.search(t) or "关于" in t)


def cn_to_int(s: str) -> int:
    """Chinese or Arabic (also full-width) numeral to int: 十一 → 11, 二十 → 20, 一百零五 → 105."""
    s = s.strip()
    if not s:
        raise ValueError("empty numeral")
    if s.isdigit():
        return int(s)  # handles full-width digits too
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in _CN_VALUES:
            digit = _CN_VALUES[ch]
        elif ch == "十":
            section += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            section += (digit or 1) * 100
            digit = 0
        elif ch == "千":
            section += (digit or 1) * 1000
            digit = 0
        else:
            raise ValueError(s)
    return total + section + digit


@dataclass
class _Label:
    start: int  # index of the label in the text
    end: int  # index just after the label
    kind: str
    number: int
    label: str


@dataclass
class _Frame:
    kind: str
    rank: float
    last_child: dict[str, int] = field(default_factory=dict)


def _well_formed(numeral: str) -> bool:
    """A Chinese numeral as labels are written: no digit right after a digit (七一、 八一、
    二〇一五 are names and years, not numbers); 一百零五 is fine."""
    return not any(a in _CN_DIGITS and (b in _CN_DIGITS or b in "零〇")
                   for a, b in zip(numeral, numeral[1:], strict=False))


def _match_to_label(m: re.Match[str]) -> _Label | None:
    g = m.groupdict()
    numeral = g["ordn"] or g["pcnn"] or g["cnn"]
    if numeral and not _well_formed(numeral):
        return None
    try:
        if g["dec"]:
            parts = re.split(r"[.．]", g["decn"])
            kind, number = f"dec{len(parts)}", int(parts[-1])
        elif g["ord"]:
            kind, number = _ORDINAL_KIND[g["ordk"]], cn_to_int(g["ordn"])
        elif g["pcn"]:
            kind, number = "paren_cn", cn_to_int(g["pcnn"])
        elif g["pa"]:
            kind, number = "paren_arabic", int(g["pan"])
        elif g["pau"]:
            kind, number = "paren_arabic", ord(g["paun"]) - 0x2474 + 1
        elif g["cn"]:
            kind, number = "cn", cn_to_int(g["cnn"])
        elif g["ar"]:
            kind, number = "arabic", int(g["arn"])
        elif g["aru"]:
            kind, number = "arabic", ord(g["arun"]) - 0x2488 + 1
        elif g["ci"]:
            kind, number = "circled", ord(g["cin"]) - 0x2460 + 1
        else:  # pragma: no cover - the regex has no other branch
            return None
    except ValueError:
        return None
    if number <= 0:
        return None
    return _Label(m.start(), m.end(), kind, number, m.group(0))


def _prev_visible(text: str, i: int, floor: int) -> tuple[int, str]:
    """Index and character of the last non-blank (but newline-aware) char before i."""
    j = i - 1
    while j >= floor and text[j] in " \t\u3000\xa0":
        j -= 1
    if j < floor:
        return j, "\n"
    return j, text[j]


def _at_sentence_boundary(text: str, i: int, floor: int) -> bool:
    j, ch = _prev_visible(text, i, floor)
    if ch == "\n":
        return True
    while ch in _CLOSERS and j > floor:
        j -= 1
        ch = text[j]
    return ch in _SENTENCE_END


def _glued_to_word(text: str, i: int, numeral: str, floor: int, *,
                   in_article: bool = False) -> bool:
    """True when the numeral at i ends a word with the character before it (统一、 唯一、 第一、
    七一、).

    Blanks between are ignored (PDF wrapping leaves stray spaces inside words). Across a line
    break (a hard-wrapped sentence, no blank line) only characters that never end a heading
    line count (「……依照本法第」 + 「一、」) — or, inside an article, whose lines are never
    headings, every word character (「……维护党的团结统」 + 「一、完成党的任务……」).
    """
    j, ch = _prev_visible(text, i, floor)
    if ch == "\n":
        if j < floor:
            return False
        j, ch = _prev_visible(text, j, floor)
        if not in_article:
            return ch in _WORD_BEFORE_ACROSS_LINES
    return (ch in _WORD_BEFORE_ANY or ch in _WORD_BEFORE.get(numeral[:1], ())
            or ch in _CN_DIGITS or ch in "零〇")


class _Scanner:
    """Finds the accepted labels of a body, keeping the stack of open sections."""

    def __init__(self, text: str, start: int, end: int, cancel=None, progress=None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.cancel = cancel
        self.progress = progress
        self.stack: list[_Frame] = [_Frame("root", -1)]
        self.global_last: dict[str, int] = {}
        self.labels: list[_Label] = []

    def _parent_index(self, rank: float) -> int:
        k = len(self.stack) - 1
        while self.stack[k].rank >= rank:
            k -= 1
        return k

    def _in_sequence(self, lab: _Label) -> bool:
        rank = RANKS[lab.kind]
        parent = self.stack[self._parent_index(rank)]
        last = parent.last_child.get(lab.kind)
        if last is not None:
            return lab.number == last + 1 or (last < lab.number <= last + 3 and self._lost_heading(lab))
        if lab.number == 1:
            return True
        prev = self.global_last.get(lab.kind)
        return prev is not None and lab.number == prev + 1 or (
            lab.number <= 3 + (prev or 0) and (prev is None or prev < lab.number) and self._lost_heading(lab))

    def _lost_heading(self, lab: _Label) -> bool:
        """A 第X章 (or 编) that skips a number is still a chapter when it is a heading line of its
        own: the one before it was printed without its number (「业务规则与风险控制」 for 第四章),
        and folding every later chapter into the last one found would misplace them all."""
        if lab.kind not in ("zhang", "bian"):
            return False
        if lab.start > 0 and self.text[lab.start - 1] != "\n":
            return False
        line_end = self.text.find("\n", lab.end)
        line = self.text[lab.end:line_end if line_end >= 0 else len(self.text)]
        return 0 < len(line.strip()) <= 30 and not re.search(r"[。；;，,]", line)

    def _heading_continues(self, lab: _Label) -> bool:
        """Right after the heading of the section just opened (run-on text), no punctuation.

        Never inside an article: a 第X条 has no heading, its items start at a real boundary
        (else 「第二条　党的纪律是维护党的团结统一、完成党的任务的保证。」 would open an item 一、).
        """
        if not self.labels or any(f.kind == "tiao" for f in self.stack):
            return False
        last = self.labels[-1]
        if RANKS[lab.kind] <= RANKS[last.kind]:
            return False
        between = self.text[last.end:lab.start]
        if not between.strip() or len(between) > 60 or "\n" in between:
            return False
        return not any(c in _HEADING_TERMINATORS or c in "：:" for c in between)

    def _accept(self, lab: _Label) -> None:
        rank = RANKS[lab.kind]
        k = self._parent_index(rank)
        del self.stack[k + 1:]
        self.stack[k].last_child[lab.kind] = lab.number
        self.stack.append(_Frame(lab.kind, rank))
        self.global_last[lab.kind] = lab.number
        self.labels.append(lab)

    def scan(self) -> list[_Label]:
        floor = self.start
        count = 0
        for m in _LABEL_RE.finditer(self.text, self.start, self.end):
            count += 1
            if count % 256 == 0:
                if self.cancel is not None and self.cancel.cancelled:
                    raise Cancelled()
                if self.progress is not None:
                    self.progress(m.start(), len(self.text), "正在识别文件结构…")
            lab = _match_to_label(m)
            if lab is None:
                continue
            if lab.kind == "cn" and _glued_to_word(
                    self.text, lab.start, lab.label[:-1], floor,
                    in_article=any(f.kind == "tiao" for f in self.stack)):
                continue
            if lab.kind == "bufen" and lab.start > 0 and self.text[lab.start - 1] != "\n":
                continue  # 「第一部分」 opens a heading line of its own, never a sentence (「按第二部分……」)
            if lab.kind in ("bian", "bufen", "zhang", "jie", "tiao"):
                # articles and chapters start a line, or a sentence in run-on text
                if not _at_sentence_boundary(self.text, lab.start, floor):
                    continue
            elif not (_at_sentence_boundary(self.text, lab.start, floor)
                      or self._heading_continues(lab)):
                continue
            if not self._in_sequence(lab):
                continue
            # the label must be followed by something (a heading or text)
            rest = self.text[lab.end:lab.end + 1]
            if not rest or rest == "\n":
                nxt = self.text[lab.end:lab.end + 80].strip()
                if not nxt:
                    continue
            self._accept(lab)
        return self.labels


# --- helpers for titles and bodies --------------------------------------------------------
_WS_RE = re.compile(r"[ \t\u3000\xa0]+")


def _clean_title(s: str) -> str:
    """Heading text without surrounding blanks; blanks inside CJK (总　　则) removed."""
    s = s.strip()
    return re.sub(r"(?<=[^\x00-\x7f])[ \t\u3000\xa0]+(?=[^\x00-\x7f])", "", s)


def _clean_body(s: str, *, join_broken: bool = True) -> str:
    """Body text: lines stripped, blank lines dropped, paragraphs joined with newlines.

    A sentence broken across lines by a PDF conversion (「……结合本市实际，制」 / 「定本条例。」,
    often with a blank line between) is joined again: a line that runs on — it ends inside a
    sentence, on a character or an opening mark, and reads as prose (a comma or an enumeration
    comma in it, or long) — continues on the next line unless that line opens with a number."""
    lines = [ln for ln in (ln.strip(" \t\u3000\xa0") for ln in s.split("\n")) if ln]
    if not join_broken or len(lines) < 2:
        return "\n".join(lines)
    out = [lines[0]]
    for ln in lines[1:]:
        prev = out[-1]
        bare = _BRACKETED.sub("", prev)  # (「投资（财务）监理单位工作人员要求」: a bracket that closes is no prose)
        if _RUNS_ON.search(prev) and (len(prev) >= 30 or (len(prev) >= 12 and re.search(r"[，,、；（(]", bare))) \
                and not _OPENS_NUMBERED.match(ln):
            out[-1] = prev + ln
        else:
            out.append(ln)
    return "\n".join(out)


_BRACKETED = re.compile(r"（[^（）\n]*）|\([^()\n]*\)")
# a line that stops inside a sentence, and a line that opens with a number of its own
_RUNS_ON = re.compile(r"[\u4e00-\u9fff、，,（(《“‘]$")
_OPENS_NUMBERED = re.compile(r"^(?:第[一二三四五六七八九十百零〇两\d]+[编章节条款项]|[一二三四五六七八九十]+、|"
                             r"[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])")


def _headed_part(content: str) -> bool:
    """Whether a numbered section's content is a heading line of its own (no sentence end in it)
    over paragraphs (「（一）高标准高质量建设自贸试验区，加快探索……进程」 and its measures below
    it), or a run-in heading over a page of measures."""
    lines = [ln for ln in (ln.strip(" \t\u3000\xa0") for ln in content.strip().split("\n")) if ln]
    if len(lines) >= 2 and len(lines[0]) <= 60 and not re.search(r"[。！？；;!?：:]", lines[0]):
        return True
    # 「（一）坚决打好三大攻坚战。这是全面建成小康社会必须跨越的重大关口，……」「（一）实施扩大内需战略，保持经济
    # 平稳运行。扎实推动……」: a run-in heading over a
    # paragraph of measures (a list's item is a clause or two, never a page)
    run_in = re.match(r"[^。！？；;!?：:，,、]{4,24}(?:[，,][^。！？；;!?：:，,、]{4,20})?。", lines[0]) if lines else None
    return bool(run_in) and sum(map(len, lines)) >= 200 and sum(ln.count("。") for ln in lines) >= 3


def _split_heading(kind: str, content: str, *, one_comma: bool = False) -> tuple[str, str]:
    """Split a section's content into (title, text); `one_comma`: a first sentence of two short
    clauses may be the title too."""
    stripped = content.lstrip(" \t\u3000\xa0")
    if kind == "tiao":
        # 「第十条【磋商期限及次数】 ……」「第十四条（职责分工）……」: the article's own short title
        m = re.match(r"(?:【([^【】\n]{2,16})】|[（(]([\u4e00-\u9fff、和与及]{2,12})[）)])[ \t\u3000]*", stripped)
        if m and not re.fullmatch(r"[一二三四五六七八九十百零〇]+", m.group(1) or m.group(2)) \
                and stripped[m.end():].strip():
            return _clean_title(m.group(1) or m.group(2)), _clean_body(stripped[m.end():])
        return "", _clean_body(stripped)
    # the first line / sentence
    nl = stripped.find("\n")
    first_line = stripped if nl < 0 else stripped[:nl]
    stop = None
    for idx, ch in enumerate(first_line):
        if ch in "。！？；;!?：:":
            stop = idx
            break
    if stop is None:
        # a heading line of its own (line-broken) or a heading glued to the next label (run-on)
        candidate = first_line.strip()
        if 0 < len(candidate) <= 60:
            rest = "" if nl < 0 else stripped[nl + 1:]
            return _clean_title(candidate), _clean_body(rest)
        return "", _clean_body(stripped)
    if first_line[stop] == "。":
        candidate = first_line[:stop]
        if 0 < len(candidate.strip()) <= 40 and not re.search(r"[，,；;：:、]", candidate):
            return _clean_title(candidate), _clean_body(stripped[stop + 1:])
        if one_comma and re.fullmatch(r"[^，,；;：:、]{4,24}[，,][^，,；;：:、]{4,20}", candidate.strip()):
            return _clean_title(candidate), _clean_body(stripped[stop + 1:])
    return "", _clean_body(stripped)


# --- header (title, note, meta) -----------------------------------------------------------
@dataclass
class _Header:
    title: str = ""
    note: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    end: int = 0  # where the preamble begins


def _skip_blanks(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n\u3000\xa0\ufeff":
        i += 1
    return i


def _person_value(rest: str) -> int:
    """Length of a run-on person field's value: names of 2–4 characters, maybe 、-separated."""
    pos = 0
    while pos < len(rest):
        chosen = None
        for size in (3, 2, 4):
            after = rest[pos + size:]
            if not after or after[0] in "、，," or any(after.startswith(o) for o in _OPENERS):
                chosen = size
                break
        if chosen is None:
            return pos + min(3, len(rest) - pos)
        pos += chosen
        if pos < len(rest) - 1 and rest[pos] in "、，,":
            pos += 1
            continue
        return pos
    return pos


def _is_title_line(line: str) -> bool:
    """Could this line continue a title printed over several lines?

    Short, no sentence or clause punctuation, and not a label, note, 目录, study header field,
    document number or date line.
    """
    if not 0 < len(line) <= _TITLE_LINE_MAX or any(c in _TITLE_STOPPERS for c in line):
        return False
    if line[0] in "(（〔[【" or _META_RE.match(line) or _norm_heading(line) == "目录":
        return False
    m = _LABEL_RE.match(line)
    if m and _match_to_label(m) is not None:
        return False
    return not (_DOC_NUMBER_RE.match(line) or _DATE_LINE_RE.match(line))


def _title_continuation(text: str, j: int, body_limit: int, first: str) -> tuple[str, int]:
    """The rest of a title printed over two or three lines, and where it ends.

    `first` is the title's first line, ending at `j` (a newline). Up to two following lines are
    joined when they are title-like and the last of them ends like a title (…的意见, …条例,
    …办法（试行）), or when a document number, date or note follows them. A first line that
    already ends like a title (中华人民共和国监察法) takes at most one more line, and only one
    that ends like a title too (实施条例). ("", j) when the first line is the whole title.
    """
    if len(first) > _TITLE_LINE_MAX or first[-1] in _TITLE_STOPPERS:
        return "", j
    complete = bool(_TITLE_END_RE.search(first)) and not first.endswith(_NOT_A_TITLE_END)
    lines: list[tuple[str, int]] = []  # (line, its end)
    pos = j
    while len(lines) < (1 if complete else 2):
        k = _skip_blanks(text, pos)
        if k >= body_limit:
            break
        nl = text.find("\n", k, body_limit)
        line_end = body_limit if nl < 0 else nl
        line = _clean_title(text[k:line_end])
        if not _is_title_line(line):
            break
        lines.append((line, line_end))
        pos = line_end
    if not lines:
        return "", j
    for n in range(1, len(lines) + 1):
        if _TITLE_END_RE.search(lines[n - 1][0]):
            break
    else:
        if complete:
            return "", j  # 「在……上的讲话」 + 「习近平」 + 「（2018年7月3日）」
        k = _skip_blanks(text, lines[-1][1])
        nl = text.find("\n", k, body_limit)
        after = text[k:body_limit if nl < 0 else nl].strip()
        note = after[:1] in ("(", "（") and _NOTE_HINT.search(after)  # not a heading （一）
        if not (note or _DOC_NUMBER_RE.match(after) or _DATE_LINE_RE.match(after)):
            return "", j
        n = len(lines)
    rest = "".join(line for line, _ in lines[:n])
    if len(first) + len(rest) > 100:
        return "", j
    return rest, lines[n - 1][1]


def _parse_header(text: str, body_limit: int) -> _Header:
    """Title, adoption note and study header at the top of the text (before `body_limit`)."""
    h = _Header()
    i = _skip_blanks(text, 0)
    # title: up to a newline, a note bracket, a meta key or a sentence end
    j = i
    while j < body_limit and j - i <= 120:
        ch = text[j]
        if ch in "(（" and text.count("《", i, j) <= text.count("》", i, j):
            # a bracket inside the title's run is the title's when the title goes on after it and
            # it holds no note: 「……伙伴关系协定》（RCEP）经贸新规则……的通知」
            close = min((k for k in (text.find("）", j), text.find(")", j)) if k > j), default=-1)
            line_end = text.find("\n", j)
            line_end = len(text) if line_end < 0 else line_end
            inner = text[j + 1:close] if close > 0 else ""
            if close < 0 or close > line_end or close + 1 >= line_end or len(inner) > 12 \
                    or re.search(r"[\d０-９]|年|通过|修正|修订|试行|草案|稿|发布|印发|施行|暂行", inner):
                break
            j = close + 1
            continue
        if ch == "\n" or ch in "。！？；":
            break  # (a bracket inside a cited title is the title's: 《……行动方案（2026—2030年）》的通知)
        if _META_RE.match(text, j):
            break
        m = _LABEL_RE.match(text, j)
        if (m and j > i and m.group("cn") and _match_to_label(m) is not None
                and not _glued_to_word(text, j, m.group("cnn"), i)):
            break  # a run-on heading 一、 right after the title (but not 「统一、」)
        j += 1
    candidate = text[i:j].strip()
    stop_ch = text[j] if j < len(text) else "\n"
    if candidate and len(candidate) <= 110 and stop_ch not in "。！？；" and not _LABEL_RE.match(text, i):
        h.title = _clean_title(candidate)
        i = j
        if stop_ch == "\n":
            # a long title printed over two or three lines
            rest, i = _title_continuation(text, j, body_limit, h.title)
            h.title += rest
    else:
        h.end = i
        return h
    # adoption note in brackets
    k = _skip_blanks(text, i)
    if k < body_limit and text[k] in "(（":
        close = -1
        for at in range(k + 1, min(len(text), k + 160)):
            if text[at] in ")）":
                close = at
                break
            if text[at] == "\n":
                break
        if close > 0 and _NOTE_HINT.search(text, k + 1, close):
            h.note = text[k + 1:close].strip()
            i = close + 1
    # study header fields
    k = _skip_blanks(text, i)
    while k < body_limit:
        m = _META_RE.match(text, k)
        if not m:
            break
        key = m.group(1)
        vstart = m.end()
        nxt = _META_RE.search(text, vstart)
        nl = text.find("\n", vstart)
        vend = len(text)
        if nl >= 0:
            vend = nl
        if nxt and nxt.start() <= vend:
            vend = nxt.start()
            value = text[vstart:vend]
        elif nl >= 0 and (nl - vstart) <= 80:
            value = text[vstart:nl]
        else:
            # the last field of a run-on header: the document's own text follows directly
            rest = text[vstart:vstart + 200]
            if key in _PERSON_KEYS:
                size = _person_value(rest)
            else:
                found = next((p for p in range(2, len(rest))
                              if any(rest[p:].startswith(o) for o in _OPENERS[:8])),
                             None)
                if found is None:
                    found = next((p for p, c in enumerate(rest) if c in "，。,；"), len(rest))
                size = found
            vend = vstart + size
            value = text[vstart:vend]
        h.meta[key] = value.strip(" \t\u3000\xa0")
        k = _skip_blanks(text, vend)
        i = vend
    h.end = i
    return h


# --- 目录 -----------------------------------------------------------------------------------
_TOC_RE = re.compile(r"^[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*$", re.MULTILINE)
_LEADER_RE = re.compile(r"[.．…·\-—_ \t\u3000]*\d*\s*$")


def _norm_heading(line: str) -> str:
    return re.sub(r"\s+", "", _LEADER_RE.sub("", line))


def _find_toc(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of a table of contents after `start`, or None.

    A TOC is a 目录 line followed by short heading lines; it ends where its first entry
    appears again (the body's own heading).
    """
    m = _TOC_RE.search(text, start, min(len(text), start + max(4000, len(text) // 3)))
    if not m:
        return None
    pos = m.end()
    entries: list[str] = []
    first = None
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end]
        norm = _norm_heading(line)
        if norm:
            if first is not None and norm == first and entries:
                return m.start(), pos
            if len(norm) > 40:
                return (m.start(), pos) if entries else None
            if first is None:
                first = norm
            entries.append(norm)
        if nl < 0:
            break
        pos = nl + 1
    return None


# --- the parser -----------------------------------------------------------------------------
# 「附件：……领导小组成员名单」 on a line of its own after the last numbered part: what follows is
# an attachment (a list of names, a form), not more of the last part — a question on a sentence
# in it must not be sourced to 「三、（五）做好宣传引导」 (round 60)
_ATTACHMENT_RE = re.compile(r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*(\d{0,2}|[一二三四五六七八九十]{0,2})"
                            r"[ \t\u3000]*(?:[:：][ \t\u3000]*(.*?))?[ \t\u3000]*$", re.MULTILINE)


def _trailing_attachments(text: str, start: int, end: int) -> list[tuple[int, ParsedSection]]:
    """The attachments after the last numbered part: one root section each (label 附件 or 附件2,
    the attachment's title as its title), with where it starts. The listing line
    (「附件：……名单」) followed by the attachment itself (「附件」, its title again, its text) is one
    attachment, not two. Only after the last label: an attachment with numbered parts of its own
    is read as part of the document, as before."""
    marks = list(_ATTACHMENT_RE.finditer(text, start, end))
    if not marks:
        return []
    out: list[tuple[int, ParsedSection]] = []
    for i, m in enumerate(marks):
        stop = marks[i + 1].start() if i + 1 < len(marks) else end
        lines = [ln for ln in (x.strip(" \t\u3000\xa0") for x in text[m.end():stop].split("\n")) if ln]
        title = _clean_title(m.group(2) or "")
        if lines and (not title or _clean_title(lines[0]) == title) and len(lines[0]) <= _TITLE_LINE_MAX \
                and not any(c in _HEADING_TERMINATORS for c in lines[0]):
            title, lines = _clean_title(lines[0]), lines[1:]
        number = int(m.group(1)) if m.group(1).isdigit() else (cn_to_int(m.group(1)) if m.group(1) else 0)
        sec = ParsedSection(label="附件" + (m.group(1) or "") + ("：" if title else ""), title=title.lstrip("：: "),
                            text=_clean_body("\n".join(lines), join_broken=False), kind="fujian", number=number)
        listing = out[-1][1] if out else None
        if listing is not None and not listing.text and listing.number == number \
                and (not sec.title or sec.title == listing.title):
            listing.text = sec.text  # the listing line, then the attachment itself under 「附件」
            continue
        out.append((m.start(), sec))
    return out


def parse_text(text: str, *, name: str = "", progress=None, cancel=None) -> ParsedDocument:
    """Title, adoption note, study header (meta), preamble and nested sections.

    `name` (e.g. the file name) is the title when the text has none. progress(done, total,
    message) is called now and then; cancel.cancelled is polled and raises Cancelled.
    An empty or blank text raises DocumentError.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise DocumentError("文件内容为空，没有可以导入的文字。请检查文件后重试。")
    if progress:
        progress(0, len(text), "正在识别文件结构…")
    end = len(text.rstrip())

    header = _parse_header(text, end)
    body_start = header.end
    preamble_parts: list[str] = []
    toc = _find_toc(text, body_start)
    scan_from = body_start
    if toc is not None:
        preamble_parts.append(text[body_start:toc[1]])
        scan_from = toc[1]

    scanner = _Scanner(text, scan_from, end, cancel=cancel, progress=progress)
    labels = scanner.scan()

    if labels:
        preamble_parts.append(text[scan_from:labels[0].start])
    else:
        preamble_parts.append("")
    preamble = _clean_body("\n".join(preamble_parts), join_broken=False)

    root: list[ParsedSection] = []
    stack: list[tuple[float, ParsedSection]] = []
    attached = _trailing_attachments(text, labels[-1].end, end) if labels else []
    body_end = attached[0][0] if attached else end
    for idx, lab in enumerate(labels):
        if cancel is not None and idx % 256 == 0 and cancel.cancelled:
            raise Cancelled()
        content_end = labels[idx + 1].start if idx + 1 < len(labels) else body_end
        rank = RANKS[lab.kind]
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        in_article = any(s.kind == "tiao" for _, s in stack)
        content = text[lab.end:content_end]
        under_colon = parent is not None and parent.text.endswith(("：", ":"))
        if in_article or (under_colon and not _headed_part(content)):
            # items of an article or of a list introduced by "：" are list items, not headings
            # (「重点抓好以下六个方面工作：」 over （一） headings of paragraphs of their own is no list)
            title, body = "", _clean_body(content)
        else:
            # (a part under such a lead-in may head itself with two clauses: 「实施扩大内需战略，保持经济平稳运行。」)
            title, body = _split_heading(lab.kind, content, one_comma=under_colon)
        tail = ""
        if in_article and "\n" in body:
            # an article's items are one paragraph each; what follows the last item is the
            # article's own text again (e.g. 「对……可以依照前款规定……」)
            body, tail = body.split("\n", 1)
        sec = ParsedSection(label=lab.label, title=title, text=body, kind=lab.kind,
                            number=lab.number)
        siblings = parent.children if parent is not None else root
        siblings.append(sec)
        if tail:
            # numbered among the article's paragraphs (its own text is the first): the source of a
            # question on it reads 第八条 / 第2段, never 第0段
            paras = sum(1 for s in siblings if s.kind == "para")
            siblings.append(ParsedSection(label="", title="", text=tail, kind="para", number=paras + 2))
        stack.append((rank, sec))

    root += [sec for _, sec in attached]

    if not labels:
        # no numbering at all: fall back to paragraphs
        paragraphs = [p for p in _clean_body(text[body_start:end]).split("\n") if p]
        root = [ParsedSection(label="", title="", text=p, kind="para", number=n)
                for n, p in enumerate(paragraphs, 1)]
        preamble = ""
        if toc is not None:
            preamble = _clean_body(text[body_start:toc[1]], join_broken=False)

    last_char = text[:end][-1:] if end else ""
    truncated = bool(last_char) and last_char not in _TRAILING_OK
    doc = ParsedDocument(
        title=header.title or name,
        note=header.note,
        meta=header.meta,
        truncated=truncated,
        preamble=preamble,
        sections=root,
    )
    if progress:
        progress(len(text), len(text), "结构识别完成")
    log.debug("parsed %r: %d top sections", doc.title, len(root))
    return doc
