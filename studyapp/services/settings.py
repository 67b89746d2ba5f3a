"""Settings declared in studyapp.config, stored in the database of the data folder."""

from __future__ import annotations

from typing import Any

from studyapp.services.context import AppContext


def get_setting(ctx: AppContext, name: str) -> Any:
    """The stored value, or the declared default; undeclared names raise KeyError."""
    raise NotImplementedError


def set_setting(ctx: AppContext, name: str, value: Any) -> None:
    raise NotImplementedError
