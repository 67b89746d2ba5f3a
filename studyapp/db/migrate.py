"""Run the Alembic migrations that live inside the package, without an alembic.ini.

Works from a checkout, an installed wheel and a PyInstaller bundle (where migrations/ is a
folder of data files): the Config is built in code with script_location pointing at it.
Alembic is imported only when something must change, so a normal start stays fast.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger("studyapp.db")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest revision in migrations/versions (a test checks it against Alembic's head).
# Bump it with every new migration: a database already there is opened without Alembic.
HEAD = "0013"


class UnknownRevisionError(Exception):
    """The database carries an Alembic revision this code does not know (a newer studyapp)."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"unknown database revision {revision!r}")
        self.revision = revision


def alembic_config() -> Config:
    """An Alembic Config built in code (no alembic.ini needed at run time)."""
    from alembic.config import Config

    cfg = Config()
    # ConfigParser interpolates "%": escape it (a Windows user folder may contain one).
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    cfg.set_main_option("path_separator", "os")
    return cfg


@lru_cache(maxsize=1)
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision Alembic finds in migrations/versions."""
    head = _script().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def current_revisions(engine: Engine) -> tuple[str, ...]:
    """The revisions stamped in the database (empty for a new database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return ()
        return tuple(r for (r,) in conn.execute(text("SELECT version_num FROM alembic_version")))


def upgrade(engine: Engine) -> bool:
    """Bring the database to head; return True if migrations ran.

    Raises UnknownRevisionError, before touching anything, if the database is newer than us.
    """
    current = current_revisions(engine)
    if current == (HEAD,):
        return False
    known = known_revisions()
    for rev in current:
        if rev not in known:
            raise UnknownRevisionError(rev)
    from alembic import command

    log.info("migrating database from %s to %s", current or "empty", head_revision())
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
