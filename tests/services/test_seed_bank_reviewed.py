"""The shipped, reviewed bank of the seed (questions/zunyi-yifazhishi-2014.yaml) is fit to ship.

Checks what the review promised: enough approved questions of every quiz type, every leaf
section of the seed asked, principles and measures both asked, every approved question
passing the core verifier against the parsed seed, and no stem approved twice.
"""

from __future__ import annotations

from collections import Counter

import pytest

from studyapp import paths
from studyapp.core.loaders import load_file
from studyapp.core.model import ParsedDocument, ParsedSection
from studyapp.core.outline import parse_text
from studyapp.core.questions.model import Question
from studyapp.core.questions.text import label_of, norm
from studyapp.core.questions.verify import DocIndex, verify
from studyapp.services import bankfile

MIN_APPROVED = 60
QUIZ_TYPES = {"single", "multiple", "judge", "fill"}


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


def test_retired_and_edited_questions_keep_their_review_state(shipped) -> None:
    statuses = Counter(item.status for item in shipped)
    assert statuses["draft"] == 0  # every shipped question was read and decided
    edited = [item for item in shipped if item.origin == "edited"]
    assert edited and all(item.status == "approved" for item in edited)
