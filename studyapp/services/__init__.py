"""Use cases: the one door to the database for ui/ and cli/.

Every function takes an `AppContext` first, runs one short transaction, and returns plain
dataclasses from `studyapp.services.dto` (never live ORM objects).
"""

from studyapp.services.context import AppContext, NotFoundError, SchemaTooNewError, StorageError

__all__ = ["AppContext", "NotFoundError", "SchemaTooNewError", "StorageError"]
