"""Self-study GUI fixtures: the seed with its shipped bank, one learner, the main window with
that learner chosen, and the key of an attempt's question read from its frozen paper (the UI
never sees the key; the tests need it to answer right or wrong on purpose)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from studyapp.db.models_study import Attempt
from studyapp.services import roster
from studyapp.services.dto_records import PersonDraft


def paper_item(ctx, attempt_id: int, position: int) -> dict[str, Any]:
    with ctx.begin() as session:
        return dict(session.get(Attempt, attempt_id).paper[position])


def right(ctx, attempt_id: int, position: int) -> Any:
    return paper_item(ctx, attempt_id, position)["answer"]


def wrong(ctx, attempt_id: int, position: int) -> Any:
    item = paper_item(ctx, attempt_id, position)
    answer, qtype = item["answer"], item["type"]
    if qtype == "judge":
        return not answer
    if qtype == "fill":
        return ["不知道"] * len(answer)
    if qtype == "single":
        return [(answer[0] + 1) % len(item["options"])]
    others = [i for i in range(len(item["options"])) if i not in answer]
    return others[:1]


class Key:
    """What the UI never has: the key of a question of an attempt (read from its paper)."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx

    def item(self, attempt_id: int, position: int) -> dict[str, Any]:
        return paper_item(self.ctx, attempt_id, position)

    def right(self, attempt_id: int, position: int) -> Any:
        return right(self.ctx, attempt_id, position)

    def wrong(self, attempt_id: int, position: int) -> Any:
        return wrong(self.ctx, attempt_id, position)


@pytest.fixture
def key(seeded_ctx) -> Key:
    return Key(seeded_ctx)


@pytest.fixture
def learner(seeded_ctx) -> int:
    """王德伦 of 乡党委, the one studying (plus a colleague, so the roster is a real list)."""
    roster.add_person(seeded_ctx, PersonDraft(name="李红梅", unit="乡党委"))
    return roster.add_person(seeded_ctx, PersonDraft(name="王德伦", unit="乡党委")).id


@pytest.fixture
def study_window(qtbot, make_window, seeded_ctx, learner) -> Callable[..., object]:
    """The main window with 王德伦 chosen in 「谁在学习？」 (status bar updated)."""

    def make(**kw: Any):
        window = make_window(**kw)
        study = window.study
        study.set_person(roster.get_person(seeded_ctx, learner))
        qtbot.waitUntil(lambda: study.due_today is not None)
        qtbot.waitUntil(lambda: not window.runner.busy)
        return window

    return make
