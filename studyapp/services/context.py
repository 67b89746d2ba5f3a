"""The application context: one data folder, one migrated database, one session factory."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm import exc as orm_exc

from studyapp.core.model import UserError
from studyapp.db import migrate
from studyapp.db.engine import BUSY_TIMEOUT_MS, WRITE, make_engine, make_session_factory, sqlite_url

log = logging.getLogger("studyapp.services")


class SchemaTooNewError(Exception):
    """The database was written by a newer studyapp; the message (Chinese) says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StorageError(UserError):
    """The database could not be read or written (disk full, locked, read-only, damaged).

    A UserError, so every place that shows a UserError's message shows this one too.
    """


class DatabaseBusy(StorageError):
    """Another program (or a long import) holds the write lock longer than this write would
    wait: nothing was stored, and trying again a little later will work."""


class ConnectionLost(StorageError):
    """The shared server went away during the action (the network, a server restarted): the
    server drops a transaction whose connection is gone, so nothing of it was stored; what was
    stored before stays. The pool throws the dead connection away (and checks the others before
    use: pool_pre_ping), so the next action connects again once the network is back."""


CONNECTION_LOST = "与数据库服务器的连接中断，刚才的操作没有保存。请检查网络后重试。"


class EditConflict(UserError):
    """A save made from a copy read before someone else changed the same record (another PC on
    the shared database, the command line): nothing was written; the window asks what to do."""


class RecordConflict(EditConflict):
    """One person's mark or score was saved from a sheet read before someone else changed that
    row (another PC, the command line, an import): nothing was written. `person_id` names the
    row and `current` the value stored now as a user reads it (「请假（生病）」, 「85 分」, 「未登记」),
    so the window can show it and ask whether to put the user's value over it."""

    def __init__(self, message: str, person_id: int, current: str) -> None:
        super().__init__(message)
        self.person_id = person_id
        self.current = current



class NotFoundError(UserError):
    """A document/section/session asked for no longer exists (e.g. deleted meanwhile)."""

    #: what each kind of record is called, and what the message adds after it
    KINDS = {"文件": "它可能已被删除", "章节": "所在文件可能已被删除", "人员": "可能已被删除",
             "试题": "它可能已被删除", "学习记录": "它可能已被删除", "答题记录": "它可能已被删除",
             "会议室记录": "它可能已被删除"}

    @classmethod
    def of(cls, kind: str, ident: object, hint: str = "") -> NotFoundError:
        """The one wording of 「找不到编号为 … 的…」 (it was written out 31 times)."""
        return cls(f"找不到编号为 {ident} 的{kind}，{cls.KINDS[kind]}。{hint}")


INTERACTIVE_WAIT_MS = 100  # the longest the window waits for another writer (≤ 100 ms stall)
LONG_WAIT_MS = BUSY_TIMEOUT_MS  # for the rare write the window must make now (kept answers on leaving)


def storage_message(error: BaseException) -> str:
    """A Chinese message for a database failure, saying what to do."""
    text = str(getattr(error, "orig", None) or error).lower()
    if "full" in text:
        return "磁盘空间不足，数据未能保存。请清理磁盘空间后重试。"
    if "lock timeout" in text:
        return "共享数据库正被另一台电脑写入，请稍后重试。"
    if "locked" in text or "busy" in text:
        return "数据库正被其他程序占用，请稍后重试；如果同时打开了两个学习测评，请先关闭一个。"
    if "password authentication failed" in text or "no password supplied" in text:
        return "数据库服务器拒绝了用户名或密码。请在 文件 → 数据库… 中重新填写。"
    if "database" in text and "does not exist" in text:
        return "数据库服务器上没有所填的数据库。请让服务器管理员先建立它（空数据库即可），或检查数据库名。"
    if any(w in text for w in ("connection refused", "could not connect", "connection failed", "timeout expired",
                                "could not translate host name", "server closed the connection", "no route to host")):
        return "无法连接数据库服务器。请检查网络、服务器地址和端口，或请管理员确认服务器已开启。"
    if any(w in text for w in ("readonly", "read-only", "permission", "unable to open")):
        return "无法写入数据文件夹，请检查该文件夹的权限，或用 --data 指定其他数据文件夹。"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "数据库文件已损坏或不是学习测评的数据文件。请用 --data 指定其他数据文件夹，或从备份恢复。"
    return f"数据库出错，操作未完成：{error.__class__.__name__}。请重试；如仍出错，请联系管理员。"


class AppContext:
    """Open (creating and migrating as needed) the database in `data_dir`.

    Raises SchemaTooNewError for a database whose Alembic revision this version does not know,
    StorageError when the folder or database cannot be opened.
    `url` overrides the database URL (e.g. a shared PostgreSQL server); default is
    sqlite:///<data_dir>/studyapp.sqlite3 with WAL and foreign keys on.
    """

    def __init__(self, data_dir: Path, url: str | None = None) -> None:
        self._data_dir = Path(data_dir)
        try:
            self._data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StorageError(
                f"无法创建数据文件夹“{self._data_dir}”：{e.strerror or e}。"
                "请检查权限，或用 --data 指定其他数据文件夹。"
            ) from e
        from studyapp.db import shared

        try:
            # the data folder may point at the county's shared PostgreSQL server (文件 → 数据库…)
            self.shared = shared.read(self._data_dir) if url is None else None
        except shared.SharedConfigError as e:
            raise StorageError(e.message) from e
        if self.shared is not None:
            url = self.shared.url()
        elif url is None:
            # a restore the GUI scheduled, then a quick check of the pages: a damaged database
            # is never migrated or written to (DatabaseDamaged names a good backup, if any)
            from studyapp.services import backup

            backup.run_pending_restore(self._data_dir)
            backup.assert_intact(self._data_dir)
        # who makes the changes the 操作记录 lists: this PC's window, or the command line
        self.actor = "本机"
        # this program, as the last writer of a record that autosaves (a note): its own saves
        # in flight are never someone else's change
        self.writer = uuid.uuid4().hex
        # the thread a person waits on (the window's): there a write waits at most
        # INTERACTIVE_WAIT_MS for another writer's lock, never the usual 5 s (see begin)
        self.interactive_thread: int | None = None
        own_file = url is None
        self.url = url or sqlite_url(self._data_dir)
        from studyapp.db import storage

        # a USB stick or a network share: every change in the database file itself (no -wal)
        self.journal = storage.journal_for(self._data_dir) if own_file else ("WAL", "NORMAL")
        if self.journal[0] != "WAL":
            log.info("data folder %s is on removable or network storage: journal_mode=%s", self._data_dir,
                     self.journal[0])
        self.engine = make_engine(self.url, journal=self.journal)
        try:
            self.created = migrate.upgrade(self.engine)
        except migrate.UnknownRevisionError as e:
            self.engine.dispose()
            raise SchemaTooNewError(
                f"数据库由较新版本的学习测评创建（版本 {e.revision}），本程序无法打开。"
                "请安装新版本，或用 --data 指定其他数据文件夹。"
            ) from e
        except (sa_exc.DBAPIError, OSError) as e:
            self.engine.dispose()
            log.error("cannot open database %s: %s", self.engine.url.render_as_string(hide_password=True), e)
            log.debug("details", exc_info=True)
            raise StorageError(storage_message(e)) from e
        self.session_factory: sessionmaker[Session] = make_session_factory(self.engine)

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @contextmanager
    def begin(self, *, write: bool = False, wait_ms: int | None = None) -> Iterator[Session]:
        """One transaction (`session_factory.begin()`); database failures become StorageError.

        `write=True` for a transaction that reads and then writes on what it read: on SQLite it
        takes the write lock at its start (BEGIN IMMEDIATE), so two of them never interleave.
        `wait_ms` waits at most that long for another writer's lock (the GUI thread must not
        stall for the usual 5 s): DatabaseBusy then, and the caller tries again later. On the
        interactive thread (the window's) that is INTERACTIVE_WAIT_MS unless the caller says
        otherwise: the window never freezes behind a long import; a write it could not make
        says so (DatabaseBusy, a UserError with a Chinese message) or is kept and retried."""
        if wait_ms is None and self.interactive_thread is not None \
                and threading.get_ident() == self.interactive_thread:
            wait_ms = INTERACTIVE_WAIT_MS
        short = wait_ms is not None
        options: dict[str, Any] = dict(WRITE) if write else {}
        if short and wait_ms is not None:
            options["studyapp_wait_ms"] = int(wait_ms)  # set before BEGIN (db.engine._begin)
        try:
            with self.session_factory.begin() as session:
                if options:
                    session.connection(execution_options=options)
                yield session
        except sa_exc.IntegrityError:
            raise  # a bug in a service, not the user's disk
        except orm_exc.StaleDataError as e:
            # two PCs saved the same record at the same moment: the second one's copy is stale
            log.info("edit conflict: %s", e)
            raise EditConflict("这条记录刚刚被别人（另一台电脑或命令行）修改过，您的修改没有保存。"
                               "请重新打开它，看过别人的修改后再改。") from e
        except sa_exc.DBAPIError as e:
            if e.connection_invalidated:  # a disconnect: SQLAlchemy has dropped the connection
                log.error("connection to the database server lost: %s", e.orig if e.orig is not None else e)
                log.debug("connection lost details", exc_info=True)
                raise ConnectionLost(CONNECTION_LOST) from e
            if not isinstance(e, sa_exc.DatabaseError):
                raise
            # OperationalError: full, locked, read-only, damaged
            # No traceback on the console (the CLI promises none); details at debug level.
            log.error("database error: %s", e.orig if e.orig is not None else e)
            log.debug("database error details", exc_info=True)
            text = str(getattr(e, "orig", None) or e).lower()
            if "locked" in text or "busy" in text or "lock timeout" in text:
                raise DatabaseBusy(storage_message(e)) from e
            raise StorageError(storage_message(e)) from e

    def close(self) -> None:
        """Fold the WAL back into the main file (a stick pulled out later loses nothing), then
        release the connections."""
        if self.engine.dialect.name == "sqlite" and self.journal[0] == "WAL":
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except sa_exc.DBAPIError as e:  # busy (another program reading): SQLite does it later
                log.info("checkpoint on close skipped: %s", e)
        self.engine.dispose()

    def __enter__(self) -> AppContext:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
