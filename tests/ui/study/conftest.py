"""Self-study GUI fixtures: the seed with its shipped bank, one learner, the main window with
that learner chosen, and the key of an attempt's question read from its frozen paper (the UI
never sees the key; the tests need it to answer right or wrong on purpose)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from studyapp.services import roster
from studyapp.services.dto_records import PersonDraft
from studyapp.services.dto_study import SCOPE_SECTIONS, Scope
from studyapp.ui.study.practice import PracticePage


@pytest.fixture
def key(attempt_key):  # noqa: ANN001, ANN201 - tests/conftest.py AttemptKey
    """The key of an attempt's question (the UI never has it)."""
    return attempt_key


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


def practise(qtbot, window, section_id: int, count: int = 4) -> PracticePage:
    window.study.start_practice(Scope(SCOPE_SECTIONS, window.reader.document_id, (section_id,)), count,
                                ["single", "judge"])
    qtbot.waitUntil(lambda: isinstance(window.study.page, PracticePage))
    return window.study.page
