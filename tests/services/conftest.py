"""Fixtures of the service tests: `study` (the seed with its bank approved and one learner, with
right/wrong responses read from an attempt's frozen paper), `banked` (a freshly generated bank)
and `fresh_seed` (the seed in a second, empty database)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

from studyapp.db.models import Question
from studyapp.services import bank, documents, roster
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonDraft
from tests.conftest import copy_database, dispose


def approve_drafts(ctx, document_id: int) -> int:
    """Approve the seed bank's drafts (retired questions stay retired), so the tests do not
    depend on how much of the shipped bank has been reviewed."""
    ids = [v.id for v in bank.list_questions(ctx, document_id, status="draft")]
    if ids:
        bank.approve(ctx, ids)
    return len(ids)


def add_learner(ctx, name: str = "王德伦", unit: str = "乡政府") -> int:
    """「谁在学习？」 → 添加: a learner is a roster Person."""
    return roster.add_person(ctx, PersonDraft(name=name, unit=unit)).id


# The six people of the records tests (two 王伟 in different units).
PEOPLE = [("王德伦", "乡党委"), ("陈志强", "乡人民政府"), ("李红梅", "乡党委"),
          ("王伟", "乡党委"), ("王伟", "财政所"), ("孙丽", "财政所")]


def add_people(ctx: AppContext) -> dict[tuple[str, str], int]:
    return {(n, u): roster.add_person(ctx, PersonDraft(n, u)).id for n, u in PEOPLE}


def csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Study:
    ctx: Any
    doc: int
    person: int
    keys: Any  # tests/conftest.py AttemptKey

    def right(self, attempt_id: int, position: int) -> Any:
        return self.keys.right(attempt_id, position)

    def wrong(self, attempt_id: int, position: int) -> Any:
        return self.keys.wrong(attempt_id, position)

    def key(self, attempt_id: int, position: int) -> dict[str, Any]:
        return self.keys.item(attempt_id, position)


@pytest.fixture
def study(seeded_ctx, seed_id, attempt_key) -> Study:
    approve_drafts(seeded_ctx, seed_id)
    return Study(seeded_ctx, seed_id, add_learner(seeded_ctx), attempt_key)


@pytest.fixture
def banked(seeded_ctx, seed_id: int) -> tuple:
    """The seed with a freshly generated bank (the bundled bank file's questions removed first)."""
    with seeded_ctx.begin() as session:
        session.execute(delete(Question))
    bank.generate_for_document(seeded_ctx, seed_id)
    return seeded_ctx, seed_id


def _fresh(template_db: Path, folder: Path, document: Path) -> Iterator[tuple]:
    """`document` imported into a second, empty database (no bank), beside the first one."""
    folder.mkdir()
    copy_database(template_db, folder)
    other = AppContext(folder)
    yield other, documents.import_file(other, document).document_id
    dispose(other)


@pytest.fixture
def fresh_seed(template_db: Path, tmp_path: Path, seed_path: Path) -> Iterator[tuple]:
    """The seed imported into a second, empty database (no bank), beside the first one."""
    yield from _fresh(template_db, tmp_path / "other", seed_path)


LAW = Path(__file__).resolve().parents[1] / "data" / "documents" / "jiancha-fa-2018.txt"


@pytest.fixture
def law_banked(seeded_ctx) -> tuple:
    """The 监察法 imported beside the seed, with a freshly generated bank: a law's figures,
    lists, duties and powers give every kind of question (single, judge, fill, short), which
    the seed's run-on prose does not, so exports and imports are tested on all of them."""
    doc = documents.import_file(seeded_ctx, LAW).document_id
    bank.generate_for_document(seeded_ctx, doc)
    return seeded_ctx, doc


@pytest.fixture
def fresh_law(template_db: Path, tmp_path: Path) -> Iterator[tuple]:
    """The 监察法 imported into a second, empty database (no bank)."""
    yield from _fresh(template_db, tmp_path / "other-law", LAW)

