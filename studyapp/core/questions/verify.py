"""The verifier: every generated question must prove itself against its source.

A question that cannot be checked against the sentence it came from is not shown (product
principle), so generation drops — and counts — every question that fails one of these
rules. Reasons are short stable codes (keys of BankResult.dropped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from studyapp.core.model import ParsedDocument, ParsedSection
from studyapp.core.questions.model import BLANK, QUESTION_TYPES, Question
from studyapp.core.questions.text import find_section, label_of, nfkc, norm, strip_end, subtree_text

# options are "similar in length" when (longest + 2) / (shortest + 2) stays within this
LENGTH_RATIO = 2.5
# two stems of the same type are near-duplicates from this bigram Jaccard similarity on
NEAR_DUPLICATE = 0.8
_WS_RE = re.compile(r"\s+")
NEGATIVE_RE = re.compile(r"不属于|不是|不包括|错误|不正确|不符合|不应")
# words that point back to text the learner cannot see
_DANGLING_START = re.compile(
    r"^(其(?![他它余中次实])|该(?!条|法)|上述|前述|以上|此外|对此|这些|这|此|同时|另外|并且|并|但是|但|而且|做到|（(?![　 ])|\((?!\s)|"
    r"且|因此|所以|为此|据此|由此|它们|他们)")
# 「……着重把握以下几个方面。」: what follows is the point, not shown
_POINTS_AHEAD = re.compile(r"(?:以下|如下|下面)(?:几个方面|几方面|几点|方面|内容)?[。.]?$")
_DANGLING_BACK = re.compile(r"上述|前述|前款|前两款|前三款|上款|本款|前条|前项")
_DANGLING_ANY = re.compile(r"上述|前述|前款|前两款|前三款|上款|本款|前条|前项|下列(?:情形|行为|人员|事项|措施|职责)")
FUNCTION_WORDS: frozenset[str] = frozenset(
    "的 地 得 了 着 过 和 与 及 以及 或 或者 是 在 对 把 被 将 从 向 由 为 以 于 之 其 等 等等 要 应 应当 "
    "必须 可以 不得 不 也 都 均 并 并且 而 而且 但 但是 如果 因此 所以 就 又 还 再 这 那 该 此 各 每 有 没有 "
    "进行 加以 予以 给予 按照 根据 依照 依据 通过 关于 对于 一个 一些 这些 那些 我们 他们 之一 中 上 下 内 "
    "外 后 前 时 所 者 即 则 如 同 跟 让 使 被 给 自 至 到 啊 吗 呢 吧 个 些 里 以下 以上 之间 其中 一切 任何 "
    "所有 相关 有关 其他 各级 各类 切实 认真 进一步 不断 全面 坚决 严格 积极 深入 加强 坚持".split())
_FUNCTION_POS = ("u", "c", "p", "r", "d", "y", "e", "o", "f", "q")
FIGURE_OPTION = re.compile(r"^[\d.零〇一二三四五六七八九十百千万两半%]+(?:个)?[\u4e00-\u9fff]{0,4}$")
_NUMERAL = re.compile(r"^[\d一二三四五六七八九十百千两零〇]+$")


@dataclass
class _Entry:
    ancestors: list[ParsedSection]
    text: str  # normalized subtree text
    titles: list[str]  # normalized titles on the path


class DocIndex:
    """Label path → normalized section text, built once per document for fast checks."""

    def __init__(self, document: ParsedDocument) -> None:
        self.document = document
        self._entries: dict[tuple[str, ...], _Entry] = {}

        def visit(sec: ParsedSection, path: tuple[str, ...], anc: list[ParsedSection]) -> str:
            """Index the subtree; return norm(subtree_text(sec)).

            subtree_text joins its parts with line breaks, which NFKC never combines with
            a neighbour and norm then removes, so the normalized subtree is the concatenation
            of the normalized parts: each character is normalized once, not once per level.
            """
            p = path + (label_of(sec),)
            a = anc + [sec]
            entry = _Entry(a, "", [norm(x.title) for x in a if x.title])
            first = self._entries.setdefault(p, entry) is entry
            head = (sec.label or "") + (sec.title or "")
            parts = [norm(head)] if head else []
            if sec.text:
                parts.append(_norm_part(sec.text))
            for c in sec.children:
                parts.append(visit(c, p, a))
            text = "".join(parts)
            if first:
                entry.text = text
            return text

        self.full = "".join(visit(s, (), []) for s in document.sections)

    def get(self, path: Sequence[str]) -> _Entry | None:
        hit = self._entries.get(tuple(path))
        if hit is None and path:
            anc = find_section(self.document, list(path))
            if anc:
                hit = _Entry(anc, norm(subtree_text(anc[-1])), [norm(x.title) for x in anc if x.title])
        return hit


def _norm_part(text: str) -> str:
    """norm() without filling its cache with whole section texts."""
    return _WS_RE.sub("", nfkc(text))


def stem_body(stem: str) -> str:
    """The statement part of a judge/fill stem: what follows the last "：" (the context ends there)."""
    body = stem.rsplit("：", 1)[1] if "：" in stem else stem
    return body.removeprefix("……")  # (「主要预期目标是：……进出口总额增长……」: clauses left out)


def is_negative(stem: str) -> bool:
    """A negative stem (不属于/不是/不包括/错误…) asks for the option NOT in the source.

    Only the question's own words count, not a quoted fragment of the document, so the
    part after the last closing quote is examined.
    """
    tail = stem.rsplit("”", 1)[-1]
    return bool(NEGATIVE_RE.search(tail))


def dangling(stem: str, qtype: str) -> bool:
    """A stem that leans on text the learner cannot see (其、上述、前款…)."""
    parts = [stem_body(stem).lstrip("“")]
    if "：“" in stem:
        parts.append(stem.split("：“", 1)[1])
    for part in parts:
        if _DANGLING_START.match(part):
            return True
    if qtype in ("judge", "fill"):
        body = stem_body(stem)
        if _DANGLING_ANY.search(body) or body.rstrip().endswith(("：", ":")) or _POINTS_AHEAD.search(body):
            return True
    elif _DANGLING_BACK.search(stem):
        # a choice or short stem shows its options/points, so 下列… is fine; 上述/前款 is not
        return True
    return False


@lru_cache(maxsize=65536)
def is_function_word(word: str) -> bool:
    """True for words a blank must never be: particles, conjunctions, modal verbs…"""
    w = norm(word)
    if not w or w in FUNCTION_WORDS:
        return True
    if len(w) == 1 and not _NUMERAL.match(w):
        return True
    from studyapp.core.questions import segment

    toks = segment.tokens(w)
    if all(t in FUNCTION_WORDS for t in toks):
        return True
    if len(toks) == 1 and segment.pos_of(w).startswith(_FUNCTION_POS):
        return True
    return False


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)}


# the fixed wording of generated stems: it says nothing about what a question asks
_TEMPLATE = re.compile(
    r"根据|判断正误|填空|提出|规定|括号中应包括下列哪些内容|括号中列举的内容不包括下列哪一项|括号中应填入的是|"
    r"属于下列哪一项工作的内容|是下列哪一章规定的内容|下列属于该条所列|的有哪些|请列出该条规定的各项内容|"
    r"部分|\(\)|_+|[,.;:?!“”\"'《》]")


# a true/false item on the part of a policy document a measure serves (form_headings.py)
_PART_MULTI = re.compile(r"下列各项中，属于“([^“”]+)”部分内容的有（　　）。")
_PART_JUDGE = re.compile(r"“([^“”]+)”是“([^“”]+)”方面的(?:措施|要求)。")


def stem_core(q: Question, doc_title: str = "") -> str:
    """What makes a stem itself: the normalized stem without the document's name, the
    generators' fixed wording and punctuation (so two stems compare on their content)."""
    s = norm(q.stem)
    if doc_title:
        s = s.replace(norm(doc_title), "")
    return _TEMPLATE.sub("", s)


def similarity(a: str, b: str) -> float:
    """Bigram Jaccard similarity of two normalized stems."""
    ga, gb = _bigrams(a), _bigrams(b)
    if not ga or not gb:
        return 1.0 if a == b else 0.0
    return len(ga & gb) / len(ga | gb)


def _options_ok(q: Question) -> list[str]:
    out: list[str] = []
    opts = [norm(o) for o in q.options]
    if any(not o for o in opts):
        out.append("option_empty")
        return out
    if len(set(opts)) != len(opts):
        out.append("options_duplicate")
    figures = all(FIGURE_OPTION.match(o) for o in opts)  # 十日 beside 二十日 is a ladder, not a hint
    for i, a in enumerate(opts):
        if not figures and any(i != j and a != b and a in b for j, b in enumerate(opts)):
            out.append("options_substring")
            break
    lens = [len(o) for o in opts]
    if (max(lens) + 2) / (min(lens) + 2) > LENGTH_RATIO:
        out.append("options_length")
    return out


def verify(question: Question, document: ParsedDocument, others: Iterable[Question] = (),
           *, index: DocIndex | None = None) -> list[str]:
    """Reasons the question fails (empty list: it may enter the bank).

    `others` are questions already accepted: a near-duplicate stem of the same type fails.
    """
    q = question
    reasons: list[str] = []
    if q.type not in QUESTION_TYPES:
        return ["bad_type"]
    if not q.tags:
        reasons.append("no_tags")
    if q.difficulty not in (1, 2, 3):
        reasons.append("bad_difficulty")
    idx = index or DocIndex(document)
    nq = norm(q.quote)
    entry = idx.get(q.section)
    if len(nq) < 4:
        reasons.append("quote_missing")
    elif entry is None:
        reasons.append("source_section_missing")
    elif nq not in entry.text and not (_STATEMENTS_ASKED.search(q.stem) and nq in idx.full
                                       and norm(q.quote[:40]) in entry.text):
        # (a choice among statements of neighbouring articles quotes them all: the quote runs
        # on from its section's article into the next ones)
        reasons.append("quote_not_verbatim")
    titles = entry.titles if entry else []
    if dangling(q.stem, q.type):
        reasons.append("dangling_stem")

    if q.type == "fill":
        reasons += _check_fill(q, nq)
    elif q.type == "judge":
        if not isinstance(q.answer, bool):
            reasons.append("judge_answer")
        else:
            nb = norm(strip_end(stem_body(q.stem)))
            part = _PART_JUDGE.fullmatch(q.stem)
            if part is not None:
                # 「“建立……制度”是“健全依法决策机制”方面的措施。」: the measure is the text's own,
                # and the part named is the one it stands in (true) or another (false)
                said, named = norm(part.group(1)), norm(part.group(2))
                if said not in nq:
                    reasons.append("judge_true_not_in_quote")
                elif (named in titles) != q.answer:
                    reasons.append("judge_answer")
            elif len(nb) < 6:
                reasons.append("judge_statement_short")
            elif q.answer and nb not in nq:
                reasons.append("judge_true_not_in_quote")
            elif not q.answer:
                if nb in nq:
                    reasons.append("judge_false_in_quote")
                if nq not in norm(q.explanation):
                    reasons.append("judge_no_original")
    elif q.type in ("single", "multiple"):
        # (a choice among statements may take its true sentences from anywhere in the document
        # — each the text's own, word for word; the explanation quotes every one)
        if _PART_MULTI.fullmatch(q.stem) and entry is not None:
            # 「“……”部分提出的举措有」: the keys are the part's own headings, the outsiders headings
            # of other parts — read against the part's whole text, not the quoted heading line
            part = _PART_MULTI.fullmatch(q.stem)
            if part is None or norm(part.group(1)) not in titles:
                reasons.append("part_not_in_titles")
            reasons += _check_choice(q, entry.text, titles, idx.full)
        else:
            reasons += _check_choice(q, nq, titles, idx.full)
    elif q.type == "short":
        pts = q.answer if isinstance(q.answer, list) else []
        if len(pts) < 2 or not all(isinstance(p, str) and p.strip() for p in pts):
            reasons.append("short_points")
        elif any(norm(p) not in nq for p in pts):
            reasons.append("short_point_not_in_quote")

    if not reasons:
        core = stem_core(q, document.title)
        for o in others:
            if o.type == q.type and o.id != q.id and similarity(core, stem_core(o, document.title)) >= NEAR_DUPLICATE:
                reasons.append("near_duplicate_stem")
                break
    return reasons


def fill_in(body: str, answers: Sequence[str]) -> str:
    parts = body.split(BLANK)
    out = parts[0]
    for ans, rest in zip(answers, parts[1:], strict=False):
        out += ans + rest
    return out


def _check_fill(q: Question, nq: str) -> list[str]:
    body = stem_body(q.stem)
    answers = q.answer if isinstance(q.answer, list) else None
    n = q.stem.count(BLANK)
    if not answers or n == 0 or n != body.count(BLANK) or len(answers) != n \
            or not all(isinstance(a, str) and a.strip() for a in answers):
        return ["fill_blank_count"]
    out: list[str] = []
    pieces = strip_end(body).split(BLANK)
    # normalized filled body, remembering where each answer lands
    filled = norm(pieces[0])
    spans: list[tuple[int, int]] = []
    for ans, rest in zip(answers, pieces[1:], strict=False):
        a = norm(ans)
        spans.append((len(filled), len(filled) + len(a)))
        filled += a + norm(rest)
    pos = nq.find(filled)
    if pos < 0 or len(filled) < 6:
        return ["fill_not_in_quote"]
    if any(is_function_word(a) for a in answers):
        out.append("fill_function_word")
    from studyapp.core.questions import segment

    # segment the quote as written when normalizing kept every position (the usual case: it
    # shares the generator's cached segmentation); otherwise segment the normalized text
    raw = q.quote
    bounds = segment.bounds(raw if len(raw) == len(nq) else nq)
    def whole(a: int, b: int, ans: str) -> bool:
        if _NUMERAL.fullmatch(norm(ans)):
            # a figure's number with its unit left in view (「处以____元以下罚款」): the segmenter
            # reads 二百元 as one word, but the number is whole when no numeral goes on either side
            return not _NUMERAL.match(nq[pos + b:pos + b + 1]) and not _NUMERAL.match(nq[max(0, pos + a - 1):pos + a])
        return pos + a in bounds and pos + b in bounds

    if not all(whole(a, b, ans) for (a, b), ans in zip(spans, answers, strict=False)):
        out.append("fill_half_word")
    from studyapp.core.questions.lexicon import GENERIC

    shown = norm(q.stem.replace(BLANK, "|"))
    if any(norm(a) in shown for a in answers):
        out.append("fill_answer_given")
    elif any(norm(w) in shown for a in answers if len(norm(a)) <= 4 for w, t in segment.tagged(a)[-1:]
             if len(w) >= 2 and not _NUMERAL.fullmatch(w) and w not in GENERIC and not t.startswith(_FUNCTION_POS)):
        # a short key (a list's item) whose head word is said elsewhere in the stem: it hints at it
        # (「……充满活力……不讲____」 → 不讲活力, 「班组长津贴……____」 → 管理班组, 「……高压态势」
        # beside 强高压); a long term sharing a word with its rule (保护范围 … 泉域保护方案) is not
        # hinted by it
        out.append("fill_answer_hinted")
    if re.search("[\u4e00-\u9fff]{1,3}更[\u4e00-\u9fff]{1,2}、" + re.escape(BLANK) + "|" + re.escape(BLANK)
                 + "、[\u4e00-\u9fff]{1,3}更[\u4e00-\u9fff]", q.stem):
        out.append("fill_slogan_row")  # 「让龙江天更蓝、____、水更清」「信心更强、____、精气神更足」: a
        # row of wishes, any fits (山更绿, 地更净 — round 87)
    row = re.search("([\u4e00-\u9fff]{3,})[\u4e00-\u9fff]{0,3}、" + re.escape(BLANK) + "、\\1", q.stem)
    if row and all(norm(a).startswith(row.group(1)) for a in answers):
        out.append("fill_formula_row")  # 「惟创新者进、____、惟创新者胜」: one formula said three times, the
        # blank its one varying word (强 — any fits; round 88)
    if re.search("(?:等|各类|各种)" + re.escape(BLANK), q.stem):
        out.append("fill_after_open_list")  # 「传销、诈骗等____」「……黄赌毒等各类____」: the kind they are,
        # many words fit (违法犯罪, 犯罪, 犯罪活动 — round 87)
    return out


_NUMERAL = re.compile(r"[\d.零〇一二三四五六七八九十百千万亿两]+")
_STATEMENTS_ASKED = re.compile(r"下列说法(?:正确|符合规定)的(?:有|是)")


def _check_choice(q: Question, nq: str, titles: list[str], whole: str = "") -> list[str]:
    out: list[str] = []
    n = len(q.options)
    if q.type == "single" and n != 4:
        out.append("options_count")
    if q.type == "multiple" and not 4 <= n <= 6:
        out.append("options_count")
    ans = q.answer
    if not isinstance(ans, list) or not ans or not all(isinstance(i, int) and not isinstance(i, bool)
                                                       and 0 <= i < n for i in ans) \
            or len(set(ans)) != len(ans):
        return out + ["answer_index"]
    if q.type == "single" and len(ans) != 1:
        out.append("answer_index")
    if q.type == "multiple" and (len(ans) < 2 or len(ans) >= n):
        out.append("multiple_correct_count")
    out += _options_ok(q)
    negative = is_negative(q.stem)
    shown = norm(q.stem)
    if not negative and any(norm(q.options[i]) in shown for i in ans):
        out.append("choice_answer_given")

    def in_source(opt: str) -> bool:
        o = norm(opt)
        return o in nq or o in titles

    statements = bool(_STATEMENTS_ASKED.search(q.stem))
    for i, opt in enumerate(q.options):
        correct = i in ans
        if correct and not negative and not in_source(opt) and not (
                statements and len(norm(opt)) >= 14 and norm(opt) in whole):
            # (「下列说法符合规定的有」: as with 「不符合规定的是」, the true sentences may come from
            # elsewhere in the document, each the text's own, word for word)
            out.append("key_not_in_quote")
        elif correct and negative and in_source(opt):
            out.append("key_in_quote")
        elif not correct and not negative and in_source(opt):
            out.append("distractor_in_quote")
        elif not correct and negative and not in_source(opt) and not (
                len(norm(opt)) >= 14 and norm(opt) in whole):
            # (「下列说法不符合规定的是」: the true sentences may come from elsewhere in the
            # document; each must still be the text's own, word for word)
            out.append("negative_option_not_in_quote")
    return list(dict.fromkeys(out))
