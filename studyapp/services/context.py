"""The application context: one data folder, one migrated database, one session factory."""

from __future__ import annotations

from pathlib import Path


class SchemaTooNewError(Exception):
    """The database was written by a newer studyapp; the message (Chinese) says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AppContext:
    """Open (creating and migrating as needed) the database in `data_dir`.

    Raises SchemaTooNewError for a database whose Alembic revision this version does not know.
    `url` overrides the database URL (e.g. a shared PostgreSQL server); default is
    sqlite:///<data_dir>/studyapp.sqlite3 with WAL and foreign keys on.
    """

    def __init__(self, data_dir: Path, url: str | None = None) -> None:
        raise NotImplementedError

    @property
    def data_dir(self) -> Path:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
