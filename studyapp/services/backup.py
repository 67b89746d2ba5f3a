"""Backups of the data folder's database, their rotation, restore, and the integrity check.

A backup is a copy of the SQLite database taken with SQLite's online backup API (consistent
while the app is open), written under a temporary name, checked (`PRAGMA integrity_check`)
and only then given its name: a backup that is listed is one that opens. Automatic backups
are taken once a day (at start and on exit) and thinned out the way Anki keeps them: the
newest of each of the last 7 days, of the last 4 weeks and of the last 12 months. Backups
the user takes by hand, and the one taken before every restore, are kept (the 20 newest).

Restoring verifies the chosen file first (it opens, it is whole, it is not from a newer
version), keeps the current database as a 「恢复前」 backup, and swaps the backup in (written
beside the live file, then renamed over it: never half-written). Nothing may have the file open:
the CLI restores directly; the GUI checks the backup and schedules the restore for the next time
it opens the data folder (before anything reads it).

On open, `PRAGMA quick_check` runs before anything is written (AppContext calls `assert_intact`):
a damaged database is never migrated or written to, and the message names the newest backup
that is whole — or says plainly that there is none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from studyapp.core.model import UserError
from studyapp.db.engine import DB_FILENAME
from studyapp.services.context import StorageError

log = logging.getLogger("studyapp.services")

BACKUP_DIRNAME = "backups"
_NAME = re.compile(r"^studyapp-(\d{8})-(\d{6})-(auto|manual|before-restore|archive)(?:-\d+)?\.sqlite3$")
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
KEEP_MANUAL = 20
KINDS = {"auto": "自动", "manual": "手动", "before-restore": "恢复前", "archive": "导入的数据包"}


class DatabaseDamaged(StorageError):
    """The database failed its integrity check: it is not written to; the message says what
    to do (and names a good backup only when there is one)."""

    def __init__(self, message: str, newest_good: Path | None) -> None:
        super().__init__(message)
        self.newest_good = newest_good


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when and how it was taken, and what it holds."""

    path: Path
    taken: dt.datetime
    kind: str  # auto / manual / before-restore
    size: int
    ok: bool
    documents: int = 0
    people: int = 0
    sessions: int = 0
    answers: int = 0

    @property
    def kind_name(self) -> str:
        return KINDS.get(self.kind, self.kind)

    def summary(self) -> str:
        if not self.ok:
            return "文件已损坏，不能用于恢复"
        return (f"文件 {self.documents} 份，人员 {self.people} 人，学习记录 {self.sessions} 次，"
                f"答题 {self.answers} 次")


# ------------------------------------------------------------------------------ where things are


def database_file(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILENAME


def backup_folder(data_dir: Path, folder: str | Path | None = None) -> Path:
    """Where backups go: the chosen folder (a USB stick…) or data_dir/backups."""
    return Path(folder) if folder else Path(data_dir) / BACKUP_DIRNAME


def _sqlite_only(ctx) -> Path:  # noqa: ANN001 - AppContext (no import cycle)
    if not str(ctx.url).startswith("sqlite:"):
        raise UserError("共享的 PostgreSQL 数据库请由服务器管理员用数据库自己的备份工具备份和恢复。")
    return database_file(ctx.data_dir)


POINTER = "backup-folder.txt"  # the chosen backup folder, readable when the database is not


def folder_of(ctx) -> Path:  # noqa: ANN001
    from studyapp.services.settings import get_setting

    chosen = str(get_setting(ctx, "backup.folder") or "")
    pointer = Path(ctx.data_dir) / POINTER
    try:  # remembered beside the database: when it is damaged, its settings cannot be read
        if chosen and (not pointer.is_file() or pointer.read_text(encoding="utf-8").strip() != chosen):
            pointer.write_text(chosen, encoding="utf-8")
        elif not chosen and pointer.is_file():
            pointer.unlink()
    except OSError:
        log.warning("could not remember the backup folder beside the database")
    return backup_folder(ctx.data_dir, chosen or None)


def _all_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups of the data folder and of the chosen backup folder (from the pointer file),
    newest first — what a damaged database can still be restored from."""
    found = list_backups(data_dir)
    pointer = Path(data_dir) / POINTER
    try:
        chosen = pointer.read_text(encoding="utf-8").strip() if pointer.is_file() else ""
    except OSError:
        chosen = ""
    if chosen and Path(chosen).is_dir():
        found += list_backups(data_dir, chosen)
    return sorted(found, key=lambda b: b.taken, reverse=True)


# ---------------------------------------------------------------------------------- inspecting


def inspect_backup(path: Path) -> BackupInfo:
    """Open a backup read-only and say what it holds (ok=False when it is damaged)."""
    path = Path(path)
    m = _NAME.match(path.name)
    if m:
        taken = dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
        kind = m.group(3)
    else:
        taken = dt.datetime.fromtimestamp(path.stat().st_mtime)
        kind = "manual"
    size = path.stat().st_size
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return BackupInfo(path, taken, kind, size, False)
    try:
        if _check(conn, quick=False) != ["ok"]:
            return BackupInfo(path, taken, kind, size, False)
        counts = [_count(conn, t) for t in ("document", "person", "study_session", "attempt_answer")]
        return BackupInfo(path, taken, kind, size, True, *counts)
    except sqlite3.Error:
        return BackupInfo(path, taken, kind, size, False)
    finally:
        conn.close()


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 - fixed names
    except sqlite3.Error:
        return 0  # a table a backup of an older version does not have yet


def _check(conn: sqlite3.Connection, quick: bool = True) -> list[str]:
    rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    return [str(r[0]) for r in rows]


def list_backups(data_dir: Path, folder: str | Path | None = None) -> list[BackupInfo]:
    """The backups in the backup folder, newest first."""
    where = backup_folder(data_dir, folder)
    if not where.is_dir():
        return []
    found = [inspect_backup(p) for p in where.iterdir() if p.is_file() and _NAME.match(p.name)]
    return sorted(found, key=lambda b: b.taken, reverse=True)


def backups(ctx) -> list[BackupInfo]:  # noqa: ANN001
    _sqlite_only(ctx)
    return list_backups(ctx.data_dir, folder_of(ctx))


def assert_intact(data_dir: Path) -> None:
    """Before a data folder's database is opened for writing: a quick check of its pages.

    Raises DatabaseDamaged (nothing written) when the file is damaged or not a database."""
    path = database_file(data_dir)
    if not path.is_file() or path.stat().st_size == 0:
        return
    problem = ""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            result = _check(conn)
            if result != ["ok"]:
                problem = "；".join(result[:3])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return  # another copy is writing: the file is not known to be damaged
        problem = str(exc)
    if not problem:
        return
    log.error("database %s failed its check: %s", path, problem)
    good = next((b for b in _all_backups(data_dir) if b.ok), None)
    if good is not None:
        advice = (f"最近一份完好的备份是 {good.taken:%Y-%m-%d %H:%M} 的{good.kind_name}备份（{good.summary()}）。"
                  f"可以在命令行运行：studyapp restore \"{good.path}\" 恢复它。")
    else:
        advice = "数据文件夹里没有可用的备份。请把整个数据文件夹复制一份保存，再交给技术人员处理。"
    raise DatabaseDamaged(
        f"数据库文件“{path}”已损坏，为免损坏扩大，程序没有写入它。{advice}", good.path if good else None)


# ----------------------------------------------------------------------------------- making


def make_backup(ctx, kind: str = "manual", dest: Path | None = None,  # noqa: ANN001
                now: dt.datetime | None = None) -> BackupInfo:
    """Copy the database (online: the app may be open) into the backup folder, or to `dest`,
    and check the copy before it gets its name. StorageError-like UserError when the disk
    is full or the folder cannot be written."""
    source = _sqlite_only(ctx)
    now = now or dt.datetime.now()
    target = Path(dest) if dest is not None else _unique(folder_of(ctx), now, kind)
    return _copy_checked(source, target)


def _unique(folder: Path, now: dt.datetime, kind: str) -> Path:
    """studyapp-20261202-093000-manual.sqlite3, or …-manual-1.sqlite3 for a second one that second."""
    target = folder / f"studyapp-{now:%Y%m%d-%H%M%S}-{kind}.sqlite3"
    k = 1
    while target.exists():
        target = folder / f"studyapp-{now:%Y%m%d-%H%M%S}-{kind}-{k}.sqlite3"
        k += 1
    return target


def _copy_checked(source: Path, target: Path) -> BackupInfo:
    tmp = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        info = inspect_backup(tmp)
        if not info.ok:
            raise UserError("备份写入后检查未通过（备份文件不完整），请换一个文件夹或磁盘再试。")
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        text = str(exc).lower()
        if "full" in text or getattr(exc, "errno", None) == 28:
            raise UserError("磁盘空间不足，备份没有完成。请清理磁盘空间，或把备份放到其他磁盘。") from None
        raise UserError(f"无法写入备份“{target}”：{getattr(exc, 'strerror', None) or exc}。"
                            "请检查该文件夹是否可写（U 盘是否插好）。") from None
    except UserError:
        tmp.unlink(missing_ok=True)
        raise
    log.info("backup written: %s", target)
    return inspect_backup(target)


def rotate(ctx, now: dt.datetime | None = None) -> list[Path]:  # noqa: ANN001
    """Thin out the automatic backups (the newest of each of the last 7 days, 4 weeks,
    12 months) and keep the 20 newest hand-made ones; returns what was removed."""
    now = now or dt.datetime.now()
    folder = folder_of(ctx)
    if not folder.is_dir():
        return []
    entries = []
    for p in folder.iterdir():
        m = _NAME.match(p.name)
        if m and p.is_file():
            entries.append((dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S"), m.group(3), p))
    entries.sort(reverse=True)
    keep: set[Path] = set()
    autos = [(t, p) for t, kind, p in entries if kind == "auto"]
    for span, key in ((KEEP_DAYS, lambda t: t.date()),
                      (KEEP_WEEKS, lambda t: tuple(t.isocalendar())[:2]),
                      (KEEP_MONTHS, lambda t: (t.year, t.month))):
        seen: list = []
        for t, p in autos:  # newest first: the first of each day/week/month is its newest
            k = key(t)
            if k in seen:
                continue
            if len(seen) >= span:
                break
            seen.append(k)
            keep.add(p)
    others = [p for t, kind, p in entries if kind != "auto"]
    keep.update(others[:KEEP_MANUAL])
    removed = []
    for _t, _kind, p in entries:
        if p not in keep:
            try:
                p.unlink()
                removed.append(p)
            except OSError as exc:
                log.warning("could not remove old backup %s: %s", p, exc)
    return removed


def auto_backup(ctx, now: dt.datetime | None = None) -> BackupInfo | None:  # noqa: ANN001
    """Once a day: a backup unless today already has one; then the rotation. Never raises for
    a failed automatic backup (it is logged: the user's work goes on)."""
    now = now or dt.datetime.now()
    try:
        folder = folder_of(ctx)
        today = f"studyapp-{now:%Y%m%d}-"
        if folder.is_dir() and any(p.name.startswith(today) and p.name.endswith("-auto.sqlite3")
                                   for p in folder.iterdir()):
            return None
        info = make_backup(ctx, "auto", now=now)
        rotate(ctx, now)
        return info
    except UserError as exc:
        log.warning("automatic backup not taken: %s", exc.message)
        return None


# ---------------------------------------------------------------------------------- restoring

PENDING = "restore-pending.txt"


def verify_backup(path: Path) -> BackupInfo:
    """A file fit to restore from: it opens, it is whole, it is a studyapp database of this
    version or an older one. UserError (Chinese) otherwise."""
    from studyapp.db import migrate

    path = Path(path)
    if not path.is_file():
        raise UserError(f"找不到备份文件“{path}”。")
    info = inspect_backup(path)
    if not info.ok:
        raise UserError(f"“{path.name}”不是完好的学习测评备份（文件已损坏或不是数据库），没有恢复。")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        revs = [r for (r,) in conn.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error:
        revs = None
    finally:
        conn.close()
    if not revs:
        raise UserError(f"“{path.name}”不是学习测评的备份，没有恢复。")
    if any(r not in migrate.known_revisions() for r in revs):
        raise UserError(f"“{path.name}”来自较新版本的学习测评，本程序无法使用它。请先安装新版本。")
    return info


def restore_file(data_dir: Path, path: Path, now: dt.datetime | None = None) -> Path:
    """Put the backup `path` in place of the data folder's database, which nobody may have
    open (the CLI, or the GUI before it opens the folder). The current file is kept first as a
    「恢复前」 backup (copied as it is, even when damaged: it is the evidence); returns its path.
    The new file is written beside the old one and swapped in at once."""
    import shutil

    verify_backup(path)
    data_dir = Path(data_dir)
    if app_is_open(data_dir):
        raise UserError("学习测评正开着这个数据文件夹，不能在它运行时换掉数据。请先关闭学习测评的窗口，"
                            "再运行恢复；或在学习测评里用“文件 → 备份与恢复…”恢复。")
    live = database_file(data_dir)
    now = now or dt.datetime.now()
    folder = backup_folder(data_dir)
    kept = _unique(folder, now, "before-restore")
    staged = live.with_name(live.name + ".restore")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if live.is_file():
            try:  # a whole database: a consistent copy with its WAL folded in
                _copy_checked(live, kept)
            except UserError:
                shutil.copy2(live, kept)  # a damaged one: the bytes as they are
        shutil.copy2(path, staged)
        for extra in ("-wal", "-shm"):
            Path(str(live) + extra).unlink(missing_ok=True)
        os.replace(staged, live)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise UserError(f"恢复没有完成：{exc.strerror or exc}。原来的数据没有改动。"
                            "如果学习测评正开着这个数据文件夹，请先关闭它。") from None
    log.info("restored %s into %s (previous database kept as %s)", path, live, kept)
    _log_restore(live, path, kept)
    return kept


def _log_restore(live: Path, source: Path, kept: Path) -> None:
    """The 操作记录 of the restored database says it was restored, from what, and where the data
    it replaced was kept (a backup older than the log has no table for it: nothing to say)."""
    try:
        conn = sqlite3.connect(live, timeout=5)
        try:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'audit_entry'").fetchone():
                with conn:
                    conn.execute("INSERT INTO audit_entry (at, actor, area, action, target, old, new) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 (dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f"), "本机", "设置", "恢复数据", source.name,
                                  f"恢复前的数据另存为 {kept.name}", f"恢复自 {source}"))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.warning("restore not written to the audit log: %s", exc)


def app_is_open(data_dir: Path) -> bool:
    """Whether a running copy of the app holds the data folder (its QLockFile: the PID on the
    first line, and that process is alive). Read without Qt: the CLI never loads it."""
    lock = Path(data_dir) / "studyapp.lock"
    try:
        first = lock.read_text(encoding="utf-8", errors="replace").splitlines()[0].strip()
        pid = int(first)
    except (OSError, ValueError, IndexError):
        return False
    if pid == os.getpid():
        return False  # this process (the GUI's own scheduled restore runs before it locks)
    return _alive(pid)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # (os.kill on Windows would terminate the process, never test it)
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]  # (Windows only: not in the Linux stubs)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, another user's process
    return True


def schedule_restore(ctx, path: Path) -> None:  # noqa: ANN001
    """For the GUI, which has the database open: check the backup now, restore it the next time
    the data folder is opened (before anything reads it)."""
    _sqlite_only(ctx)
    info = verify_backup(path)
    (Path(ctx.data_dir) / PENDING).write_text(str(info.path.resolve()), encoding="utf-8")


def run_pending_restore(data_dir: Path) -> Path | None:
    """Carry out a restore scheduled by the GUI; returns the 「恢复前」 backup, or None."""
    marker = Path(data_dir) / PENDING
    if not marker.is_file():
        return None
    path = Path(marker.read_text(encoding="utf-8").strip())
    marker.unlink()
    return restore_file(data_dir, path)


def check_file(data_dir: Path) -> list[str]:
    """`PRAGMA integrity_check` of a data folder's database without opening it for writing:
    ["ok"] when it is whole, the problems otherwise."""
    path = database_file(data_dir)
    if not path.is_file():
        raise UserError(f"数据文件夹“{data_dir}”里还没有数据库。")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return _check(conn, quick=False)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


# ---------------------------------------------------------------------------------- archives
# Everything of a data folder as one file to carry to another PC: 学习测评数据-20261202.zip holds
# the database (a checked online copy) and manifest.json (what it holds, its SHA-256). Reading
# one back trusts nothing in it: only those two members, no paths, no links, sizes and the
# compression ratio bounded, the database's digest checked — then it is restored as a backup is.

ARCHIVE_DB = "studyapp.sqlite3"
ARCHIVE_MANIFEST = "manifest.json"
MAX_ARCHIVE_DB = 4 * 1024 ** 3  # a county's database is far below this
MAX_MANIFEST = 64 * 1024
MAX_RATIO = 200  # a database compresses 3–10×; a bomb thousands of times


def export_archive(ctx, dest: Path, now: dt.datetime | None = None) -> BackupInfo:  # noqa: ANN001
    """Write the whole data (the database, checked) as one .zip archive at `dest`."""
    import hashlib
    import json
    import tempfile
    import zipfile

    from studyapp import __version__

    source = _sqlite_only(ctx)
    now = now or dt.datetime.now()
    dest = Path(dest)
    if dest.suffix.lower() != ".zip":
        dest = dest.with_name(dest.name + ".zip")
    with tempfile.TemporaryDirectory(prefix="studyapp-archive-") as tmp:
        info = _copy_checked(source, Path(tmp) / ARCHIVE_DB)
        digest = hashlib.sha256(info.path.read_bytes()).hexdigest()
        manifest = {"app": "studyapp", "version": __version__, "created": now.isoformat(timespec="seconds"),
                    "database": ARCHIVE_DB, "sha256": digest, "bytes": info.size,
                    "documents": info.documents, "people": info.people, "sessions": info.sessions,
                    "answers": info.answers}
        part = dest.with_name(dest.name + ".part")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as z:
                z.writestr(ARCHIVE_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                z.write(info.path, ARCHIVE_DB)
            os.replace(part, dest)
        except OSError as exc:
            part.unlink(missing_ok=True)
            if getattr(exc, "errno", None) == 28:
                raise UserError("磁盘空间不足，数据没有导出。请清理磁盘空间，或导出到其他磁盘。") from None
            raise UserError(f"无法写入“{dest}”：{exc.strerror or exc}。"
                                "如果该文件正被其他程序打开，请先关闭它；或换一个文件夹（U 盘是否插好）。") from None
    log.info("archive written: %s", dest)
    return dataclasses.replace(info, path=dest, size=dest.stat().st_size)


def read_archive(path: Path, into: Path) -> Path:
    """Check an archive and extract its database into the folder `into`; returns the file.
    UserError (Chinese) for anything that is not a whole archive of this program."""
    import hashlib
    import json
    import stat
    import zipfile

    path = Path(path)
    name = path.name
    bad = f"“{name}”不是学习测评导出的数据包"
    if not path.is_file():
        raise UserError(f"找不到文件“{path}”。")
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserError(f"{bad}（不是完好的 .zip 文件），没有导入。") from None
    with z:
        members = z.infolist()
        names = sorted(m.filename for m in members)
        if names != sorted([ARCHIVE_DB, ARCHIVE_MANIFEST]):
            raise UserError(f"{bad}（里面应当只有数据库和说明文件，却有：{'、'.join(names[:5]) or '空'}），没有导入。")
        for m in members:
            if stat.S_ISLNK(m.external_attr >> 16) or m.is_dir():
                raise UserError(f"{bad}（含有链接或文件夹），没有导入。")
            if m.flag_bits & 0x1:
                raise UserError(f"{bad}（文件已加密），没有导入。")
            limit = MAX_MANIFEST if m.filename == ARCHIVE_MANIFEST else MAX_ARCHIVE_DB
            if m.file_size > limit or (m.compress_size and m.file_size / m.compress_size > MAX_RATIO):
                raise UserError(f"{bad}（其中的文件大得不合常理），没有导入。")
        try:
            manifest = json.loads(z.read(ARCHIVE_MANIFEST).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile):
            raise UserError(f"{bad}（说明文件已损坏），没有导入。") from None
        if not isinstance(manifest, dict) or manifest.get("app") != "studyapp" or not manifest.get("sha256"):
            raise UserError(f"{bad}，没有导入。")
        target = Path(into) / f"import-{os.getpid()}-{ARCHIVE_DB}"
        h = hashlib.sha256()
        written = 0
        try:
            with z.open(ARCHIVE_DB) as src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    written += len(chunk)
                    if written > MAX_ARCHIVE_DB:  # (the header may lie about the size)
                        raise UserError(f"{bad}（其中的文件大得不合常理），没有导入。")
                    h.update(chunk)
                    out.write(chunk)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            target.unlink(missing_ok=True)
            if getattr(exc, "errno", None) == 28:
                raise UserError("磁盘空间不足，数据包没有导入。请先清理磁盘空间。") from None
            raise UserError(f"{bad}（文件不完整或已损坏），没有导入。") from None
        except UserError:
            target.unlink(missing_ok=True)
            raise
    if h.hexdigest() != manifest["sha256"]:
        target.unlink(missing_ok=True)
        raise UserError(f"“{name}”中的数据与说明不符（文件在复制途中损坏了），没有导入。")
    return target


def import_archive(data_dir: Path, path: Path, now: dt.datetime | None = None) -> Path:
    """Replace the data folder's database by an archive's (checked as a backup is, the current
    data kept first as a 「恢复前」 backup); returns that backup's path."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    db = read_archive(path, data_dir)
    try:
        return restore_file(data_dir, db, now=now)
    finally:
        db.unlink(missing_ok=True)


def stage_archive(ctx, path: Path, now: dt.datetime | None = None) -> BackupInfo:  # noqa: ANN001
    """For the GUI, which has the database open: check the archive, put its database among
    the backups (「导入的数据包」) and restore it the next time the data folder is opened."""
    folder = folder_of(ctx)
    folder.mkdir(parents=True, exist_ok=True)
    db = read_archive(path, folder)
    target = _unique(folder, now or dt.datetime.now(), "archive")
    os.replace(db, target)
    schedule_restore(ctx, target)
    return inspect_backup(target)


def is_archive(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False
