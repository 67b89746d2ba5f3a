"""Use cases: the one door to the database for ui/ and cli/.

Every function takes an `AppContext` first, runs one short transaction, and returns plain
dataclasses from `studyapp.services.dto` (never live ORM objects).

The context (and with it SQLAlchemy) is imported on first use, so that importing the DTOs or
`studyapp.services.startup` stays cheap: the main window appears before the database layer
has loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from studyapp.services.context import (
        AppContext,
        NotFoundError,
        SchemaTooNewError,
        StorageError,
    )

__all__ = ["AppContext", "NotFoundError", "SchemaTooNewError", "StorageError"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from studyapp.services import context

        return getattr(context, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
