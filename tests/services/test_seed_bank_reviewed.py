"""The shipped, reviewed bank of the seed (questions/zunyi-yifazhishi-2014.yaml) is fit to ship.

Checks what the review promised: enough approved questions of every quiz type, every leaf
section of the seed asked, principles and measures both asked, every approved question
passing the core verifier against the parsed seed, and no stem approved twice.

The second review (after a blind rating) added: stems that do not repeat the document's name
(the screen's header states it), explanations that quote the source and never name an option,
no question whose key is only the heading a sentence sits under, at most two approved
questions per sentence of the document, no approved question printing another's key, and a
balanced share of true statements among the judge questions.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from studyapp import paths
from studyapp.core.loaders import load_file
from studyapp.core.model import ParsedDocument, ParsedSection
from studyapp.core.outline import parse_text
from studyapp.core.questions.model import Question
from studyapp.core.questions.text import label_of, norm, strip_end
from studyapp.core.questions.verify import DocIndex, fill_in, is_negative, stem_body, verify
from studyapp.services import bankfile

MIN_APPROVED = 60
QUIZ_TYPES = {"single", "multiple", "judge", "fill"}
MAX_PER_SENTENCE = 2
TRUE_SHARE = (0.35, 0.65)
# what a False judge's explanation adds after the quoted source: the words changed, then the original
_CHANGED = re.compile(r"^题中“(?P<wrong>[^”]+)”有误，原文为“(?P<right>[^”]+)”。$")
# stems that ask under which heading a sentence sits: the key depends only on the drafter's layout
_SECTION_CHOICE = re.compile(r"属于下列哪一项工作|是下列哪一章|下列哪一部分|哪一项工作的内容")
CONTEXT = 2  # characters of the source on either side of a key that make its text a leak


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return parse_text(load_file(paths.seed_document_path()).text)


@pytest.fixture(scope="module")
def shipped() -> list:
    path = paths.bundled_bank_path(paths.seed_document_path().name)
    assert path.is_file(), f"missing {path}"
    _title, items, errors = bankfile.read_bank(path.read_text(encoding="utf-8"))
    assert errors == []
    return items


@pytest.fixture(scope="module")
def approved(shipped) -> list[Question]:
    return [item.question for item in shipped if item.status == "approved"]


@pytest.fixture(scope="module")
def bank_text() -> str:
    return paths.bundled_bank_path(paths.seed_document_path().name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return norm(load_file(paths.seed_document_path()).text)


@pytest.fixture(scope="module")
def sentences(seed_text) -> list[str]:
    """The seed's sentences (normalized, up to each 。): two questions on one are "the same source"."""
    return [s for s in seed_text.split("。") if s]


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the text's clauses: up to each 。 or ；, the parts a sentence lists its items in."""
    spans, start = [], 0
    for m in re.finditer(r"[。;]", text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _leaf_paths(document: ParsedDocument) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []

    def visit(sec: ParsedSection, path: tuple[str, ...]) -> None:
        p = path + (label_of(sec),)
        if not sec.children:
            out.append(p)
        for child in sec.children:
            visit(child, p)

    for sec in document.sections:
        visit(sec, ())
    return out


def test_enough_approved_questions_of_every_quiz_type(approved) -> None:
    assert len(approved) >= MIN_APPROVED
    counts = Counter(q.type for q in approved)
    assert QUIZ_TYPES <= set(counts), counts


def test_every_leaf_section_has_an_approved_question(seed, approved) -> None:
    leaves = _leaf_paths(seed)
    assert len(leaves) >= 13  # 1.–13. of the seed
    asked = {tuple(q.section) for q in approved}
    missing = ["".join(p) for p in leaves if p not in asked]
    assert missing == []


def test_principles_and_measures_are_both_asked(approved) -> None:
    tags = Counter(t for q in approved for t in q.tags)
    assert tags["原则"] >= 3 and tags["措施"] >= 10, tags


def test_every_approved_question_passes_the_verifier(seed, approved) -> None:
    index = DocIndex(seed)
    accepted: list[Question] = []
    failures: dict[str, list[str]] = {}
    for q in approved:
        reasons = verify(q, seed, accepted, index=index)
        if reasons:
            failures[q.id] = reasons
        accepted.append(q)
    assert failures == {}


def test_no_two_approved_stems_are_identical(approved) -> None:
    stems = Counter(norm(q.stem) for q in approved)
    assert [s for s, n in stems.items() if n > 1] == []


def _comments_above(text: str) -> dict[str, list[str]]:
    """id → the comment lines written directly above its block in the bank file."""
    out: dict[str, list[str]] = {}
    pending: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            pending.append(line)
        elif line.startswith("- id:"):
            out[line.split(":", 1)[1].strip()] = pending
            pending = []
        elif line.strip():
            pending = []
    return out


def test_retired_and_edited_questions_keep_their_review_state(shipped, bank_text) -> None:
    statuses = Counter(item.status for item in shipped)
    assert statuses["draft"] == 0  # every shipped question was read and decided
    edited = [item for item in shipped if item.origin == "edited"]
    assert edited and any(item.status == "approved" for item in edited)
    # an edited question is approved, unless a later review retired it and said why
    comments = _comments_above(bank_text)
    retired_edited = [item.question.id for item in edited if item.status != "approved"]
    assert [i for i in retired_edited if not any(c.startswith("# 停用") for c in comments.get(i, []))] == []


def test_every_retired_question_says_why(shipped, bank_text) -> None:
    comments = _comments_above(bank_text)
    retired = [item.question.id for item in shipped if item.status == "retired"]
    unexplained = [i for i in retired if not any(c.startswith("# 停用") for c in comments.get(i, []))]
    assert unexplained == []


# ------------------------------------------------------------------ rule 1: stems


def test_stems_do_not_repeat_the_document_name(seed, approved) -> None:
    """The screen's header names the document; a stem never does (nor 「……部分」 prefixes)."""
    bad = [q.id for q in approved
           if "《" in q.stem or norm(seed.title) in norm(q.stem) or q.stem.startswith("根据")
           or re.search(r"”部分[，,：:]?(?:提出|填空|判断正误)", q.stem)]
    assert bad == []


def test_fill_and_judge_statements_are_verbatim_after_the_last_colon(approved) -> None:
    """What follows the last 「：」 is the source's own words (a fill's with its blanks filled in);
    a False judge is not, and its explanation names what was changed."""
    bad: dict[str, str] = {}
    for q in approved:
        body = strip_end(stem_body(q.stem))
        nq = norm(q.quote)
        if q.type == "fill":
            if norm(fill_in(body, q.answer)) not in nq:
                bad[q.id] = "fill not verbatim"
        elif q.type == "judge" and q.answer is True:
            if norm(body) not in nq:
                bad[q.id] = "true statement not verbatim"
        elif q.type == "judge":
            rest = q.explanation.replace(f"原文：“{q.quote}”", "", 1)
            m = _CHANGED.match(rest)
            if norm(body) in nq:
                bad[q.id] = "false statement is verbatim"
            elif m is None or norm(m["wrong"]) not in norm(q.stem) or norm(m["right"]) not in nq:
                bad[q.id] = "explanation does not name the change"
    assert bad == {}


def test_no_question_asks_only_under_which_heading_a_sentence_sits(approved) -> None:
    assert [q.id for q in approved if _SECTION_CHOICE.search(q.stem)] == []


# ------------------------------------------------------------------ rule 2: explanations


def test_explanations_quote_the_source_and_never_name_an_option(approved) -> None:
    """「原文：“<quote>”」 and, for a False judge, the change: the app shows the key itself."""
    bad: dict[str, str] = {}
    for q in approved:
        head = f"原文：“{q.quote}”"
        if not q.explanation.startswith(head):
            bad[q.id] = "does not start with the quoted source"
            continue
        rest = q.explanation[len(head):]
        if q.type in ("single", "multiple"):
            named = [o for o in q.options if norm(o) in norm(rest)]
            if named or rest.strip():
                bad[q.id] = f"names an option or adds text: {named or rest}"
        elif q.type == "judge" and q.answer is False:
            if not _CHANGED.match(rest):
                bad[q.id] = f"unexpected text: {rest}"
        elif rest.strip():
            bad[q.id] = f"unexpected text: {rest}"
    assert bad == {}


# ------------------------------------------------------------------ rule 3: repetition and leaks


def _sentence_of(q: Question, sentences: list[str]) -> int:
    nq = strip_end(norm(q.quote))
    hits = [i for i, s in enumerate(sentences) if nq in s]
    assert hits, f"{q.id}: quote not in one sentence of the seed"
    return hits[0]


def test_no_source_is_quoted_by_more_than_two_approved_questions(approved, seed_text) -> None:
    """Counted per clause of the document (up to each 。 or ；): a quote of a whole sentence counts
    on every clause it covers, so quoting a part of a sentence never escapes the count; a long
    list of principles may still give each principle (its own clause) a question."""
    clauses = _clauses(seed_text)
    uses: Counter[int] = Counter()
    for q in approved:
        nq = strip_end(norm(q.quote))
        start = seed_text.find(nq)
        assert start >= 0, f"{q.id}: quote not in the seed"
        end = start + len(nq)
        uses.update(i for i, (a, b) in enumerate(clauses) if a < end and start < b)
    over = {seed_text[clauses[i][0]:clauses[i][1]][:30]: n for i, n in uses.items() if n > MAX_PER_SENTENCE}
    assert over == {}


def _keys(q: Question) -> list[str]:
    """The texts a learner must produce or pick: a fill's answers, a choice's correct options,
    the original words a False judge changed (a negative choice's key is not in the source)."""
    if q.type == "fill":
        return list(q.answer)
    if q.type in ("single", "multiple"):
        return [] if is_negative(q.stem) else [q.options[i] for i in q.answer]
    if q.type == "judge" and q.answer is False:
        m = _CHANGED.match(q.explanation.replace(f"原文：“{q.quote}”", "", 1))
        return [m["right"]] if m else []
    return []


def _shown(q: Question) -> list[str]:
    return [norm(q.stem)] + [norm(o) for o in q.options]


def _leaks(a: Question, b: Question, same_sentence: bool) -> list[str]:
    """Keys of `a` that `b` prints. On the same sentence any appearance of the key text counts;
    elsewhere only the key in its own context (with CONTEXT characters of a's source beside
    it) does, so a common term like 刑事责任 in an unrelated sentence is no leak."""
    out: list[str] = []
    shown = _shown(b)
    nq = norm(a.quote)
    for key in _keys(a):
        k = norm(key)
        if same_sentence:
            if any(k in s for s in shown):
                out.append(key)
            continue
        windows = []
        start = nq.find(k)
        while start >= 0:
            end = start + len(k)
            if start >= CONTEXT:
                windows.append(nq[start - CONTEXT:end])
            if end + CONTEXT <= len(nq):
                windows.append(nq[start:end + CONTEXT])
            start = nq.find(k, start + 1)
        if any(w in s for w in windows for s in shown):
            out.append(key)
    return out


def test_no_approved_question_prints_another_ones_key(approved, sentences) -> None:
    where = {q.id: _sentence_of(q, sentences) for q in approved}
    leaks = {}
    for a in approved:
        for b in approved:
            if a.id != b.id:
                found = _leaks(a, b, where[a.id] == where[b.id])
                if found:
                    leaks[f"{a.id} → {b.id}"] = found
    assert leaks == {}


# ------------------------------------------------------------------ judges


def test_judges_are_balanced_between_true_and_false(approved) -> None:
    judges = [q for q in approved if q.type == "judge"]
    share = sum(1 for q in judges if q.answer is True) / len(judges)
    assert TRUE_SHARE[0] <= share <= TRUE_SHARE[1], f"{share:.0%} of {len(judges)} judges are true"
