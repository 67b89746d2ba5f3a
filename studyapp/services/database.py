"""Where a data folder's records live: its own SQLite file (the default) or the county's shared
PostgreSQL server — the one door for 文件 → 数据库… and `studyapp database`.

Switching never loses anything: a server is checked before the folder points at it; 「上传本机
数据」 copies the folder's SQLite records into an *empty* server database (a server that already
holds records is never overwritten), and 「下载到本机」 copies a server's records into the
folder's own file (the file there is first kept aside as a backup). Both copy every table in
the order its references need, the same rows and ids, and then move the server's id counters
past the copied ids. The new location takes effect the next time the data folder is opened.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, MetaData, func, inspect, select, text
from sqlalchemy import exc as sa_exc

from studyapp.db import migrate, shared
from studyapp.db.engine import DB_FILENAME, make_engine, sqlite_url
from studyapp.db.shared import DEFAULT_PORT, SharedConfigError, SharedDatabase
from studyapp.services.context import AppContext, StorageError, storage_message

log = logging.getLogger("studyapp.services")

__all__ = ["DEFAULT_PORT", "ServerCheck", "SharedDatabase", "check_server", "configured", "copy_records",
           "location", "use_local", "use_server", "verify_server"]  # (the window and the CLI take the server's setting from here)

BATCH = 2000
_COUNTED = (("document", "文件"), ("person", "人员"), ("study_session", "学习会"), ("question", "试题"))


@dataclass(frozen=True)
class ServerCheck:
    """What a server database holds: nothing (ready for an upload), or studyapp's records."""

    description: str
    empty: bool
    counts: tuple[tuple[str, int], ...] = ()  # (文件, 3), (人员, 120) …

    def summary(self) -> str:
        if self.empty:
            return f"{self.description}：可以连接，是空数据库。"
        held = "、".join(f"{name} {n}" for name, n in self.counts)
        return f"{self.description}：可以连接，已有学习测评的数据（{held}）。"


def location(ctx: AppContext) -> str:
    """The line 文件 → 数据库… and `studyapp database` show."""
    if ctx.shared is not None:
        return ctx.shared.describe()
    return f"本机数据库文件 {Path(ctx.data_dir) / DB_FILENAME}"


def configured(data_dir: Path) -> SharedDatabase | None:
    """The server the folder points at (None: its own file). Raises UserError for an
    unreadable setting."""
    try:
        return shared.read(data_dir)
    except SharedConfigError as e:
        raise StorageError(e.message) from e


def _server_engine(config: SharedDatabase) -> Engine:
    try:
        return make_engine(config.checked().url())
    except SharedConfigError as e:
        raise StorageError(e.message) from e


def check_server(config: SharedDatabase) -> ServerCheck:
    """Connect to the server and say what its database holds. Raises StorageError (Chinese)
    when it cannot be reached, refuses the password, or has no such database."""
    engine = _server_engine(config)
    try:
        return _inspect(engine, config)
    finally:
        engine.dispose()


def verify_server(config: SharedDatabase) -> list[str]:
    """`studyapp check` for a folder on the shared server: ["ok"] when studyapp's database there
    is whole, the problems otherwise (in Chinese). Read only. Checks the schema's revision, that
    every table is there and every row of it can be read (a whole scan: a damaged page of the
    server's files is an error there), and — where the server has the amcheck extension — every
    B-tree index. Raises StorageError when the server cannot be reached."""
    from studyapp.db.models import Base

    engine = _server_engine(config)
    problems: list[str] = []
    try:
        revisions = migrate.current_revisions(engine)
        with engine.connect() as conn:
            if revisions != (migrate.HEAD,):
                said = "、".join(revisions) or "无"
                problems.append(f"数据库结构版本为 {said}，本程序使用 {migrate.HEAD}：请用本程序打开一次"
                                "（自动升级），或换用与之相符的程序版本。")
            tables = set(inspect(conn).get_table_names())
            for table in Base.metadata.sorted_tables:
                if table.name not in tables:
                    problems.append(f"缺少数据表 {table.name}。")
                    continue
                try:
                    with conn.begin_nested():
                        conn.execute(text(f'SELECT count(*) FROM (SELECT * FROM "{table.name}") AS t')).scalar_one()
                except sa_exc.DBAPIError as e:
                    problems.append(f"数据表 {table.name} 读不出：{_first_line(e)}")
            if conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).first() is not None:
                indexes = conn.execute(text(
                    "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE am.amname = 'btree' AND n.nspname = current_schema()")).scalars().all()
                for name in indexes:
                    try:
                        with conn.begin_nested():
                            conn.execute(text("SELECT bt_index_check(CAST(:n AS regclass))"), {"n": name})
                    except sa_exc.DBAPIError as e:
                        problems.append(f"索引 {name} 有损坏：{_first_line(e)}")
    except sa_exc.DBAPIError as e:
        log.warning("cannot check %s: %s", config.describe(), e.orig if e.orig is not None else e)
        raise StorageError(storage_message(e)) from e
    finally:
        engine.dispose()
    return problems or ["ok"]


def _first_line(e: sa_exc.DBAPIError) -> str:
    return str(e.orig if e.orig is not None else e).strip().splitlines()[0]


def _inspect(engine: Engine, config: SharedDatabase) -> ServerCheck:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            counts = []
            for table, name in _COUNTED:
                if table in tables:
                    counts.append((name, int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())))
    except sa_exc.DBAPIError as e:
        log.warning("cannot reach %s: %s", config.describe(), e.orig if e.orig is not None else e)
        raise StorageError(storage_message(e)) from e
    empty = not (tables - {"alembic_version"}) or not any(n for _name, n in counts)
    return ServerCheck(config.describe(), empty, tuple(counts))


def use_server(data_dir: Path, config: SharedDatabase, *, upload: bool = False) -> ServerCheck:
    """Point the data folder at `config` (checked first). With `upload`, the folder's own
    records are copied into the server's database, which must be empty. Returns what the
    server holds afterwards."""
    config = _checked(config)
    engine = _server_engine(config)
    try:
        before = _inspect(engine, config)
        if upload:
            local = Path(data_dir) / DB_FILENAME
            if not local.is_file():
                raise StorageError("本机还没有数据可上传。")
            if not before.empty:
                raise StorageError(f"{before.summary()}为免覆盖，只能上传到空数据库。"
                                   "请让服务器管理员新建一个空数据库，或直接使用服务器上的数据。")
            source = make_engine(sqlite_url(Path(data_dir)))
            try:
                migrate.upgrade(source)  # (an older file: the same tables as the server's)
                migrate.upgrade(engine)
                copy_records(source, engine)
            finally:
                source.dispose()
        else:
            migrate.upgrade(engine)  # an empty server database gets studyapp's tables now
        after = _inspect(engine, config)
    except sa_exc.DBAPIError as e:
        raise StorageError(storage_message(e)) from e
    except migrate.UnknownRevisionError as e:
        raise StorageError(f"服务器上的数据库由较新版本的学习测评建立（版本 {e.revision}），"
                           "请先把本机的学习测评升级到同一版本。") from e
    finally:
        engine.dispose()
    shared.write(data_dir, config)
    log.info("data folder %s now uses %s%s", data_dir, config.describe(), " (uploaded)" if upload else "")
    return after


def use_local(data_dir: Path, *, download: bool = False, now: dt.datetime | None = None) -> Path | None:
    """Point the data folder back at its own SQLite file. With `download`, the server's records
    are copied into a new file there (an existing file is first kept aside as
    studyapp-本机-<time>.sqlite3 in backups/); returns where the old file went, if anywhere."""
    data_dir = Path(data_dir)
    kept: Path | None = None
    if download:
        config = configured(data_dir)  # (only a download needs the server: an unreadable setting is simply cleared)
        if config is None:
            raise StorageError("这个数据文件夹已经在使用本机数据库。")
        local = data_dir / DB_FILENAME
        target = data_dir / (DB_FILENAME + ".download")
        for leftover in (target, Path(str(target) + "-wal"), Path(str(target) + "-shm")):
            leftover.unlink(missing_ok=True)
        server = _server_engine(config)
        dest = make_engine(f"sqlite:///{target.as_posix()}")
        try:
            migrate.upgrade(server)
            migrate.upgrade(dest)
            copy_records(server, dest)
        except sa_exc.DBAPIError as e:
            raise StorageError(storage_message(e)) from e
        finally:
            server.dispose()
            with dest.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            dest.dispose()
        if local.exists():
            folder = data_dir / "backups"
            folder.mkdir(exist_ok=True)
            kept = folder / f"studyapp-{(now or dt.datetime.now()):%Y%m%d-%H%M%S}-本机.sqlite3"
            shutil.move(str(local), kept)
        for side in ("-wal", "-shm"):
            Path(str(local) + side).unlink(missing_ok=True)
        target.replace(local)
    shared.clear(data_dir)
    return kept


def _checked(config: SharedDatabase) -> SharedDatabase:
    try:
        return config.checked()
    except SharedConfigError as e:
        raise StorageError(e.message) from e


def copy_records(source: Engine, target: Engine) -> dict[str, int]:
    """Every row of every studyapp table from `source` into the (empty, migrated) `target`,
    tables in the order their references need, ids kept; then a PostgreSQL target's id counters
    are moved past the copied ids. One transaction on the target: all or nothing."""
    from studyapp.db.models import Base

    meta: MetaData = Base.metadata
    copied: dict[str, int] = {}
    with source.connect() as src, target.begin() as dst:
        for table in meta.sorted_tables:
            n = 0
            result = src.execution_options(stream_results=True).execute(select(table))
            while rows := result.fetchmany(BATCH):
                dst.execute(table.insert(), [dict(r._mapping) for r in rows])
                n += len(rows)
            copied[table.name] = n
        if target.dialect.name == "postgresql":
            for table in meta.sorted_tables:
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and pk[0].autoincrement in (True, "auto") and str(pk[0].type).upper().startswith(("INT", "BIGINT")):
                    seq = dst.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                      {"t": table.name, "c": pk[0].name}).scalar()
                    if seq:
                        top = dst.execute(select(func.max(pk[0]))).scalar()
                        dst.execute(text("SELECT setval(:s, :v, :called)"),
                                    {"s": seq, "v": top or 1, "called": top is not None})
    log.info("copied %d rows in %d tables", sum(copied.values()), len(copied))
    return copied
