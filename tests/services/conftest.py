"""Fixtures of the service tests. `study`: the seed document with its bank approved and one
learner, with right/wrong responses read from an attempt's frozen paper (the UI never sees the
key), for the self-study tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from studyapp.db.models_study import Attempt
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


def key(ctx, attempt_id: int, position: int) -> dict[str, Any]:
    with ctx.begin() as session:
        return dict(session.get(Attempt, attempt_id).paper[position])


def right(ctx, attempt_id: int, position: int) -> Any:
    return key(ctx, attempt_id, position)["answer"]


def wrong(ctx, attempt_id: int, position: int) -> Any:
    item = key(ctx, attempt_id, position)
    answer, qtype = item["answer"], item["type"]
    if qtype == "judge":
        return not answer
    if qtype == "fill":
        return ["不知道"] * len(answer)
    if qtype == "single":
        return [(answer[0] + 1) % len(item["options"])]
    others = [i for i in range(len(item["options"])) if i not in answer]
    return others[:1]


@dataclass
class Study:
    ctx: Any
    doc: int
    person: int

    def right(self, attempt_id: int, position: int) -> Any:
        return right(self.ctx, attempt_id, position)

    def wrong(self, attempt_id: int, position: int) -> Any:
        return wrong(self.ctx, attempt_id, position)

    def key(self, attempt_id: int, position: int) -> dict[str, Any]:
        return key(self.ctx, attempt_id, position)


@pytest.fixture
def study(seeded_ctx, seed_id) -> Study:
    approve_drafts(seeded_ctx, seed_id)
    return Study(seeded_ctx, seed_id, add_learner(seeded_ctx))
