"""设置's operations: the values the dialog opens with, what changed stored in one transaction
and announced (a refused value stores nothing), a typed value checked at the door, and what the
window remembers for itself."""

from __future__ import annotations

import pytest

from studyapp.config import option
from studyapp.ui.ops import hub
from studyapp.ui.settings import ops


def test_the_dialog_opens_with_the_stored_values(seeded_ctx) -> None:
    values = ops.values_now(seeded_ctx, ["reader.font_size", "paper.minutes"])
    assert values == {"reader.font_size": 20, "paper.minutes": 60}


def test_what_changed_is_stored_together_and_announced(window, seeded_ctx, qtbot, settle) -> None:
    with qtbot.waitSignal(hub().changed) as announced:
        ops.store(window, [(option("paper.minutes"), 90), (option("records.show_rank"), False)], None).run()
    settle()
    assert announced.args[0].touches("settings")
    assert ops.value_now(seeded_ctx, "paper.minutes") == 90 and ops.value_now(seeded_ctx, "records.show_rank") is False
    failed: list[BaseException] = []
    ops.store(window, [(option("paper.minutes"), 45), (option("records.print_order"), "random")], None) \
        .failure(failed.append).run()
    settle()
    assert failed and ops.value_now(seeded_ctx, "paper.minutes") == 90  # the good value was not stored alone


def test_a_typed_value_is_checked_at_the_door() -> None:
    assert ops.check(option("paper.minutes"), "45") == 45
    with pytest.raises(ValueError, match="试卷答题时间"):
        ops.check(option("paper.minutes"), 1000)
    with pytest.raises(ValueError, match="按姓氏笔画"):
        ops.check(option("records.print_order"), "random")


def test_the_window_remembers_where_it_was(seeded_ctx) -> None:
    ops.remember_now(seeded_ctx, "window.splitter", "AAAA")
    assert ops.value_now(seeded_ctx, "window.splitter") == "AAAA"
