"""The gate's operations (ui/ops.py): whether a 管理员密码 is set, checking one, setting one.

Each is made at once on the window's thread (`*_now`, one short read or write): the gate stands
between a click and a dialog — 学习记录 opens only after the password was checked — and a hash
check takes milliseconds."""

from __future__ import annotations

from studyapp.services import admin


def has_pin_now(ctx) -> bool:  # noqa: ANN001 - AppContext
    return admin.has_pin(ctx)


def verify_now(ctx, pin: str) -> bool:  # noqa: ANN001
    return admin.verify(ctx, pin)


def set_pin_now(ctx, new: str, old: str | None = None) -> None:  # noqa: ANN001
    """A new password (the old one when one is set; UserError when it is wrong or too short)."""
    admin.set_pin(ctx, new, old=old)


MIN_LENGTH, MAX_LENGTH = admin.MIN_LENGTH, admin.MAX_LENGTH  # (the dialog says how long)
