"""The gate's operations: no 管理员密码 on a new PC, one set and checked, a change that needs the
old one, and a password too short or too long refused in Chinese with nothing changed."""

from __future__ import annotations

import pytest

from studyapp.core.model import UserError
from studyapp.ui.admin import ops


def test_a_pin_is_set_checked_and_changed_with_the_old_one(ctx) -> None:
    assert not ops.has_pin_now(ctx)
    ops.set_pin_now(ctx, "2468")
    assert ops.has_pin_now(ctx) and ops.verify_now(ctx, "2468") and not ops.verify_now(ctx, "1357")
    with pytest.raises(UserError) as wrong:
        ops.set_pin_now(ctx, "9753", old="0000")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(wrong.value))
    assert ops.verify_now(ctx, "2468")  # nothing changed
    ops.set_pin_now(ctx, "9753", old="2468")
    assert ops.verify_now(ctx, "9753") and not ops.verify_now(ctx, "2468")


def test_a_pin_of_the_wrong_length_is_refused_and_says_how_long(ctx) -> None:
    for pin in ("1" * (ops.MIN_LENGTH - 1), "1" * (ops.MAX_LENGTH + 1)):
        with pytest.raises(UserError, match=f"{ops.MIN_LENGTH}"):
            ops.set_pin_now(ctx, pin)
    assert not ops.has_pin_now(ctx)
