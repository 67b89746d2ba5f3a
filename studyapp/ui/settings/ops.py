"""设置's operations (ui/ops.py): the values the dialog opens with, and storing what changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from studyapp.config import Option
from studyapp.services import settings as settings_service
from studyapp.ui.ops import Changes, CollectionOp

check = settings_service.check  # (a typed value coerced and checked against its option: no database)


def values_now(ctx, names: list[str]) -> dict[str, Any]:  # noqa: ANN001
    """Every setting the dialog shows, as stored (its starting values: one short read)."""
    return {name: settings_service.get_setting(ctx, name) for name in names}


def store(parent: QObject, changed: list[tuple[Option, Any]], read: dict[str, Any] | None) -> CollectionOp[None]:
    """What the administrator changed, in one transaction (a refusal stores nothing; a setting
    changed elsewhere since `read` was read is an EditConflict — None stores over it)."""
    values = {opt.name: value for opt, value in changed}
    return CollectionOp(parent, lambda ctx: settings_service.set_settings(ctx, values, expected=read),
                        Changes.of("settings")) \
        .titled("设置")


def value_now(ctx, name: str) -> Any:  # noqa: ANN001
    """One setting as stored (the reader's size after the dialog, the window's saved layout)."""
    return settings_service.get_setting(ctx, name)


def remember_now(ctx, name: str, value: Any) -> None:  # noqa: ANN001
    """Where the window was left, as it closes (one short write on the closing window's thread:
    the worker is shut down by then)."""
    settings_service.remember(ctx, name, value)
