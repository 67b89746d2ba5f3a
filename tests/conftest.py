"""Shared fixtures: temp data folders and databases copied from a migrated template.

Migrating (and importing the seed) happens once per test session; each test gets a fresh copy
of the file, so database tests stay fast and independent.

Fixtures: data_dir, template_db, ctx, seed_path, seeded_template, seeded_ctx (with seed_id).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp import paths
from studyapp.db.engine import DB_FILENAME


def _large_offscreen_screen() -> None:
    """Qt's offscreen screen is 800×800 unless told otherwise; windows now fit their screen when
    shown, so the tests' screen is a large one (1920×1080) and the 1024×768 checks configure
    their own (tests/ui/test_screenfit.py)."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    config = Path(tempfile.gettempdir()) / "studyapp-test-screen.json"
    config.write_text(json.dumps({"screens": [{"name": "test", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}),
                      encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_large_offscreen_screen()


# The suite runs on SQLite (the default) and, with STUDYAPP_TEST_PG set, on a PostgreSQL server:
# every database the fixtures hand out is then a database on that server, made from a migrated
# (and seeded) template database, and its data folder points at it (database.json) — so the
# window and the command line opened on the folder use the server too. STUDYAPP_TEST_PG is the
# server as "host[:port]" or a socket folder ("/tmp/pgsock"), user postgres unless "user@host".
PG = os.environ.get("STUDYAPP_TEST_PG", "")


def _pg(database: str):  # noqa: ANN202 - a SharedDatabase
    from studyapp.db.shared import SharedDatabase

    user, _, where = PG.rpartition("@")
    host, _, port = where.partition(":") if not where.startswith("/") else (where, "", "")
    return SharedDatabase(host, database, user or "postgres", int(port or 5432))


def _pg_admin(*statements: str) -> None:
    import psycopg

    c = _pg("postgres")
    with psycopg.connect(host=c.host, port=c.port, user=c.user, dbname="postgres", autocommit=True) as conn:
        for sql in statements:
            conn.execute(sql)


def pytest_configure(config) -> None:  # noqa: ANN001
    config.addinivalue_line("markers", "sqlite_only: checks the SQLite file itself (skipped on PostgreSQL)")


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ANN001
    if PG:
        skip = pytest.mark.skip(reason="checks the SQLite file itself; the suite runs on PostgreSQL")
        for item in items:
            if "sqlite_only" in item.keywords:
                item.add_marker(skip)


def _close_cleanly(ctx) -> None:
    if ctx.engine.dialect.name == "sqlite":
        # Fold the WAL into the main file so copying that one file copies everything.
        with ctx.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder (what --data DIR / STUDYAPP_DATA point at)."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated to head, to copy from."""
    from studyapp.services.context import AppContext

    folder = tmp_path_factory.mktemp("template")
    if PG:
        name = f"studyapp_tpl_{os.getpid()}"
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
        _close_cleanly(AppContext(folder, url=_pg(name).url()))
        return Path(name)  # (on the server: a database's name, not a file)
    _close_cleanly(AppContext(folder))
    return folder / DB_FILENAME


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return paths.seed_document_path()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """A migrated database with the seed document imported (by ensure_seed, id in the marker)."""
    from studyapp.services import documents
    from studyapp.services.context import AppContext

    folder = tmp_path_factory.mktemp("seeded")
    if PG:
        name = f"studyapp_seeded_{os.getpid()}"
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"')
        ctx = AppContext(folder, url=_pg(name).url())
        documents.ensure_seed(ctx)
        _close_cleanly(ctx)
        return Path(name)
    shutil.copyfile(template_db, folder / DB_FILENAME)
    ctx = AppContext(folder)
    documents.ensure_seed(ctx)
    _close_cleanly(ctx)
    return folder / DB_FILENAME


def _open_copy(template: Path, data_dir: Path):
    from studyapp.services.context import AppContext

    if PG:
        from studyapp.db import shared

        name = f"studyapp_t{os.getpid()}_{uuid.uuid4().hex[:12]}"
        _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        shared.write(data_dir, _pg(name))
        return AppContext(data_dir)
    shutil.copyfile(template, data_dir / DB_FILENAME)
    return AppContext(data_dir)


def dispose(context) -> None:  # noqa: ANN001
    context.close()
    if PG and context.shared is not None:
        _pg_admin(f'DROP DATABASE IF EXISTS "{context.shared.database}" WITH (FORCE)')


def copy_database(template: Path, data_dir: Path) -> None:
    """Give `data_dir` its own copy of a template database (the SQLite file, or on the server a
    database made from the template), closed: the code under test opens it."""
    _open_copy(template, data_dir).close()


def derive_template(tmp_path_factory: pytest.TempPathFactory, base: Path, tag: str, build) -> Path:  # noqa: ANN001
    """A template made from `base` by build(ctx): e.g. the seed with a generated bank."""
    folder = tmp_path_factory.mktemp(tag)
    if PG:
        name = f"studyapp_{tag}_{os.getpid()}"
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}" TEMPLATE "{base}"')
        from studyapp.services.context import AppContext

        ctx = AppContext(folder, url=_pg(name).url())
        build(ctx)
        _close_cleanly(ctx)
        return Path(name)
    shutil.copyfile(base, folder / DB_FILENAME)
    from studyapp.services.context import AppContext

    ctx = AppContext(folder)
    build(ctx)
    _close_cleanly(ctx)
    return folder / DB_FILENAME


@pytest.fixture
def ctx(template_db: Path, data_dir: Path) -> Iterator:
    """An AppContext on a fresh, migrated, empty database in `data_dir`."""
    context = _open_copy(template_db, data_dir)
    yield context
    dispose(context)


@pytest.fixture
def seeded_ctx(seeded_template: Path, data_dir: Path) -> Iterator:
    """An AppContext whose database already holds the seed document (see `seed_id`)."""
    context = _open_copy(seeded_template, data_dir)
    yield context
    dispose(context)


@pytest.fixture
def seed_id(seeded_ctx) -> int:
    from studyapp.services import documents

    [info] = documents.list_documents(seeded_ctx)
    return info.id


class AttemptKey:
    """What the UI never has: the key of a question of an attempt, read from its frozen paper,
    so tests can answer right or wrong on purpose (services and GUI tests alike)."""

    def __init__(self, ctx) -> None:  # noqa: ANN001
        self.ctx = ctx

    def item(self, attempt_id: int, position: int) -> dict:
        from studyapp.db.models_study import Attempt

        with self.ctx.begin() as session:
            return dict(session.get(Attempt, attempt_id).paper[position])

    def right(self, attempt_id: int, position: int):  # noqa: ANN201
        return self.item(attempt_id, position)["answer"]

    def wrong(self, attempt_id: int, position: int):  # noqa: ANN201
        item = self.item(attempt_id, position)
        answer, qtype = item["answer"], item["type"]
        if qtype == "judge":
            return not answer
        if qtype == "fill":
            return ["不知道"] * len(answer)
        if qtype == "single":
            return [(answer[0] + 1) % len(item["options"])]
        others = [i for i in range(len(item["options"])) if i not in answer]
        return others[:1]


@pytest.fixture
def attempt_key(seeded_ctx) -> AttemptKey:  # noqa: ANN001
    return AttemptKey(seeded_ctx)
