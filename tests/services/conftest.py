"""Fixtures of the service tests. `study`: the seed document with its bank approved and one
learner, with right/wrong responses read from an attempt's frozen paper (the UI never sees the
key), for the self-study tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from studyapp.services import bank, roster
from studyapp.services.dto_records import PersonDraft


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
