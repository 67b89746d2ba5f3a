"""管理员密码: salted scrypt, never stored as itself, changed only with the old one, locked after
five wrong tries in a row; logged in the 操作记录."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from studyapp.core.model import UserError
from studyapp.services import admin, audit


def test_pin_is_hashed_checked_changed_and_cleared(ctx) -> None:
    assert not admin.has_pin(ctx) and admin.verify(ctx, "")  # no PIN: nothing asks
    with pytest.raises(UserError):
        admin.set_pin(ctx, "12")  # too short
    admin.set_pin(ctx, "2468")
    assert admin.has_pin(ctx)
    with ctx.engine.connect() as conn:
        raw = conn.execute(text("SELECT value FROM setting WHERE name = :n"), {"n": admin.SETTING}).scalar_one()
    assert "2468" not in raw and "salt" in raw  # never the PIN itself
    assert admin.verify(ctx, "2468") and not admin.verify(ctx, "1357")
    with pytest.raises(UserError):
        admin.set_pin(ctx, "9999", old="0000")
    admin.set_pin(ctx, "9999", old="2468")
    assert admin.verify(ctx, "9999") and not admin.verify(ctx, "2468")
    admin.clear_pin(ctx, "9999")
    assert not admin.has_pin(ctx)
    assert [e.action for e in audit.entries(ctx, area="设置")] == ["取消", "修改", "设置"]


def test_five_wrong_tries_lock_it_for_a_minute(ctx, monkeypatch) -> None:
    clock = [1000.0]
    monkeypatch.setattr(admin.time, "monotonic", lambda: clock[0])
    admin.set_pin(ctx, "2468")
    for _ in range(admin.MAX_TRIES):
        assert not admin.verify(ctx, "0000")
    with pytest.raises(UserError, match="秒后再试"):
        admin.verify(ctx, "2468")  # even the right one, while locked
    clock[0] += admin.LOCK_SECONDS + 1
    assert admin.verify(ctx, "2468")
