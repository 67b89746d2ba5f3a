"""Settings declared in studyapp.config, stored in the database of the data folder."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select

from studyapp.config import OPTIONS, Option, option
from studyapp.db.models import Setting
from studyapp.services.context import AppContext, DatabaseBusy, EditConflict

log = logging.getLogger("studyapp.services")

_TYPE_NAMES = {int: "整数", float: "数字", str: "文字", bool: "是或否"}
_TRUE = {"1", "true", "yes", "on", "是", "真"}
_FALSE = {"0", "false", "no", "off", "否", "假", ""}


def coerce(opt: Option, value: Any) -> Any:
    """`value` as the declared type of `opt`; ValueError (Chinese message) if it cannot be."""
    kind = opt.type
    try:
        if kind is bool:
            if isinstance(value, str):
                word = value.strip().lower()
                if word in _TRUE:
                    return True
                if word in _FALSE:
                    return False
                raise ValueError(value)
            return bool(value)
        if kind is int:
            if isinstance(value, str):
                value = float(value.strip()) if "." in value else int(value.strip())
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError(value)
                value = int(value)
            return int(value)
        if kind is float:
            return float(value.strip() if isinstance(value, str) else value)
        if kind is str:
            return "" if value is None else str(value)
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"设置“{opt.description}”的值“{value}”无效，应为{_TYPE_NAMES.get(kind, kind.__name__)}。"
        ) from None


def get_setting(ctx: AppContext, name: str) -> Any:
    """The stored value, or the declared default; undeclared names raise KeyError."""
    opt = option(name)
    with ctx.begin() as session:
        return _value_of(opt, session.get(Setting, name))


def _value_of(opt: Option, row: Setting | None) -> Any:
    """A stored row's value as its option's type; the default for none or an invalid one."""
    stored = None if row is None else row.value
    if stored is None:
        return opt.default
    try:
        return coerce(opt, stored)
    except ValueError:
        log.warning("stored setting %s=%r is invalid; using the default", opt.name, stored)
        return opt.default


def check(opt: Option, value: Any) -> Any:
    """`value` coerced and inside the declared range or choices (ValueError, in Chinese, if not):
    what a user types in 设置 or on the command line is checked at the door."""
    value = coerce(opt, value)
    if opt.choices and value not in {v for v, _ in opt.choices}:
        said = "、".join(f"{v}（{text}）" for v, text in opt.choices)
        raise ValueError(f"设置“{opt.description}”的值“{value}”无效，应为：{said}。")
    if opt.type in (int, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"设置“{opt.description}”的值“{value}”不是有效的数字。")
        if (opt.low is not None and value < opt.low) or (opt.high is not None and value > opt.high):
            low = "" if opt.low is None else f"{opt.low:g}"
            high = "" if opt.high is None else f"{opt.high:g}"
            raise ValueError(f"设置“{opt.description}”的值“{value:g}”超出范围，应在 {low} 到 {high} 之间。")
    return value


def set_setting(ctx: AppContext, name: str, value: Any) -> None:
    """Store `value` coerced to the declared type and checked against its range or choices
    (ValueError with a Chinese message if not)."""
    opt = option(name)
    value = check(opt, value)
    with ctx.begin() as session:
        row = session.get(Setting, name)
        if row is None:
            session.add(Setting(name=name, value=value))
        else:
            row.value = value


def set_settings(ctx: AppContext, values: dict[str, Any], *, expected: dict[str, Any] | None = None) -> None:
    """Store several settings at once, all or none (设置's 保存): each checked first.

    `expected` holds the values the dialog read: a setting another PC (on the shared database)
    or the command line changed since to something else than this save's value is an
    EditConflict naming it, and nothing is stored; None stores over whatever is there. (A
    setting is one value: the value read is its version — changed and changed back is no
    change anyone loses.)"""
    checked = {name: check(option(name), value) for name, value in values.items()}
    with ctx.begin(write=True) as session:
        rows = {name: session.get(Setting, name) for name in checked}
        if expected is not None:
            moved = [(option(name), now_value) for name, value in checked.items() if name in expected
                     for now_value in [_value_of(option(name), rows[name])]
                     if now_value != expected[name] and now_value != value]
            if moved:
                said = "；".join(f"“{opt.description}”已改为“{_shown(opt, v)}”" for opt, v in moved)
                raise EditConflict(f"设置在您打开之后已被别人（另一台电脑或命令行）修改过：{said}。"
                                   "您的修改还没有保存。")
        for name, value in checked.items():
            row = rows[name]
            if row is None:
                session.add(Setting(name=name, value=value))
            else:
                row.value = value


def _shown(opt: Option, value: Any) -> str:
    """A value as the settings screen says it (a choice by its words, not its stored code)."""
    words = dict(opt.choices).get(value) if opt.choices else None
    if words is not None:
        return words
    if isinstance(value, bool):
        return "是" if value else "否"
    return f"{value:g}" if isinstance(value, float) else str(value)


def remember(ctx: AppContext, name: str, value: Any) -> bool:
    """Store a convenience (where the reader was, the window's size): while another program
    holds the database it is skipped, never waited for — the next one will be stored."""
    try:
        set_setting(ctx, name, value)
    except DatabaseBusy:
        log.info("setting %s not stored: the database is busy", name)
        return False
    return True


def reset_setting(ctx: AppContext, name: str) -> None:
    """Forget the stored value so the declared default applies again."""
    option(name)
    with ctx.begin() as session:
        row = session.get(Setting, name)
        if row is not None:
            session.delete(row)


def all_settings(ctx: AppContext) -> dict[str, Any]:
    """Every declared setting with its current value (for a settings screen)."""
    with ctx.begin() as session:
        stored = {row.name: row.value for row in session.scalars(select(Setting))}
    values: dict[str, Any] = {}
    for name, opt in OPTIONS.items():
        raw = stored.get(name)
        try:
            values[name] = opt.default if raw is None else coerce(opt, raw)
        except ValueError:
            values[name] = opt.default
    return values
