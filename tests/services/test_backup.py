"""Backups (taken online, checked before they get their name), rotation, restore round trips,
and a damaged database that is never written to (issue 11)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from studyapp.core.model import UserError
from studyapp.db.engine import DB_FILENAME
from studyapp.services import backup, roster
from studyapp.services.backup import DatabaseDamaged
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonDraft

pytestmark = pytest.mark.sqlite_only  # (copies, damages and restores the SQLite file itself)

TABLES = ("document", "section", "question", "person", "study_session", "attendance", "setting")


def digest(db: Path) -> str:
    """The rows of the tables that hold the user's work, in a stable order."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        h = hashlib.sha256()
        for table in TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1"):  # noqa: S608 - fixed names
                h.update(repr(row).encode("utf-8"))
        return h.hexdigest()
    finally:
        conn.close()


def checkpoint(ctx: AppContext) -> None:
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def damage(db: Path) -> None:
    with open(db, "r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xde\xad\xbe\xef" * 1024)


def test_a_backup_is_checked_and_says_what_it_holds(seeded_ctx: AppContext) -> None:
    roster.add_person(seeded_ctx, PersonDraft("王德伦", "乡党委"))
    info = backup.make_backup(seeded_ctx, now=dt.datetime(2026, 12, 2, 9, 30))
    assert info.ok and info.path.name == "studyapp-20261202-093000-manual.sqlite3"
    assert (info.documents, info.people, info.sessions) == (1, 1, 1)
    assert "人员 1 人" in info.summary()
    assert not list(info.path.parent.glob("*.part"))  # only the checked file has a name
    [listed] = backup.backups(seeded_ctx)
    assert listed.path == info.path and listed.kind_name == "手动"
    second = backup.make_backup(seeded_ctx, now=dt.datetime(2026, 12, 2, 9, 30))  # the same second
    assert second.path.name == "studyapp-20261202-093000-manual-1.sqlite3"
    assert {b.path for b in backup.backups(seeded_ctx)} == {info.path, second.path}


def test_restore_round_trip_is_digest_equal(seeded_ctx: AppContext, data_dir: Path) -> None:
    roster.add_person(seeded_ctx, PersonDraft("王德伦", "乡党委"))
    checkpoint(seeded_ctx)
    before = digest(data_dir / DB_FILENAME)
    taken = backup.make_backup(seeded_ctx)
    roster.add_person(seeded_ctx, PersonDraft("李红梅", "乡党委"))  # work after the backup
    seeded_ctx.close()
    kept = backup.restore_file(data_dir, taken.path)
    assert digest(data_dir / DB_FILENAME) == before
    assert backup.inspect_backup(kept).people == 2  # what was replaced is kept, whole
    with AppContext(data_dir) as again:
        assert [p.name for p in roster.list_people(again)] == ["王德伦"]


def test_rotation_keeps_days_weeks_months_and_hand_made_ones(seeded_ctx: AppContext) -> None:
    folder = backup.folder_of(seeded_ctx)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.datetime(2026, 12, 2, 18, 0)
    for days in range(400):  # one automatic backup a day for 400 days, two on the last day
        t = start - dt.timedelta(days=days)
        (folder / f"studyapp-{t:%Y%m%d-%H%M%S}-auto.sqlite3").write_bytes(b"")
    (folder / "studyapp-20261202-080000-auto.sqlite3").write_bytes(b"")
    for k in range(25):
        (folder / f"studyapp-2025010{k % 9 + 1}-1{k:05d}-manual.sqlite3").write_bytes(b"")
    backup.rotate(seeded_ctx, now=start)
    names = sorted(p.name for p in folder.iterdir())
    autos = [n for n in names if n.endswith("-auto.sqlite3")]
    days = {n[9:17] for n in autos}
    assert {f"{start - dt.timedelta(days=d):%Y%m%d}" for d in range(7)} <= days  # the last 7 days
    assert "studyapp-20261202-080000-auto.sqlite3" not in names  # the day's older one goes
    assert len(autos) <= 7 + 4 + 12 and len({n[9:15] for n in autos}) >= 12  # 12 months reach back
    assert len([n for n in names if n.endswith("-manual.sqlite3")]) == 20


def test_automatic_backup_once_a_day(seeded_ctx: AppContext) -> None:
    day = dt.datetime(2026, 12, 2, 8, 0)
    assert backup.auto_backup(seeded_ctx, now=day) is not None
    assert backup.auto_backup(seeded_ctx, now=day.replace(hour=17)) is None
    assert backup.auto_backup(seeded_ctx, now=day + dt.timedelta(days=1)) is not None
    assert [b.kind for b in backup.backups(seeded_ctx)] == ["auto", "auto"]


def test_a_damaged_database_is_never_written_and_the_message_is_true(seeded_ctx: AppContext,
                                                                    data_dir: Path) -> None:
    good = backup.make_backup(seeded_ctx, now=dt.datetime(2026, 12, 1, 18, 0))
    checkpoint(seeded_ctx)
    seeded_ctx.close()
    db = data_dir / DB_FILENAME
    damage(db)
    bytes_before = db.read_bytes()
    with pytest.raises(DatabaseDamaged) as info:
        AppContext(data_dir)
    assert info.value.newest_good == good.path
    assert "已损坏" in info.value.message and "2026-12-01 18:00" in info.value.message
    assert f'studyapp restore "{good.path}"' in info.value.message
    assert db.read_bytes() == bytes_before  # not migrated, not written
    assert backup.check_file(data_dir) != ["ok"]
    backup.restore_file(data_dir, good.path)
    assert backup.check_file(data_dir) == ["ok"]
    AppContext(data_dir).close()


def test_no_backup_means_the_message_says_so(seeded_ctx: AppContext, data_dir: Path) -> None:
    checkpoint(seeded_ctx)
    seeded_ctx.close()
    damage(data_dir / DB_FILENAME)
    with pytest.raises(DatabaseDamaged) as info:
        AppContext(data_dir)
    assert info.value.newest_good is None and "没有可用的备份" in info.value.message


def test_restore_refuses_what_is_not_a_whole_backup(seeded_ctx: AppContext, data_dir: Path,
                                                    tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    newer = tmp_path / "newer.sqlite3"
    backup.make_backup(seeded_ctx, dest=newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffffffff'")
    conn.commit()
    conn.close()
    seeded_ctx.close()
    live = (data_dir / DB_FILENAME).read_bytes()
    for path, words in ((junk, "不是完好"), (other, "不是学习测评"), (newer, "较新版本"),
                        (tmp_path / "missing.sqlite3", "找不到")):
        with pytest.raises(UserError, match=words):
            backup.restore_file(data_dir, path)
    assert (data_dir / DB_FILENAME).read_bytes() == live


def test_the_gui_schedules_a_restore_for_the_next_opening(seeded_ctx: AppContext, data_dir: Path) -> None:
    taken = backup.make_backup(seeded_ctx)
    roster.add_person(seeded_ctx, PersonDraft("李红梅", "乡党委"))
    backup.schedule_restore(seeded_ctx, taken.path)
    assert [p.name for p in roster.list_people(seeded_ctx)] == ["李红梅"]  # nothing swapped under it
    seeded_ctx.close()
    with AppContext(data_dir) as again:  # the next opening carries it out first
        assert roster.list_people(again) == []
        assert any(b.kind == "before-restore" for b in backup.backups(again))
    assert not (data_dir / backup.PENDING).exists()


def test_a_full_disk_is_a_message(seeded_ctx: AppContext, monkeypatch) -> None:
    import errno
    import os

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(UserError, match="磁盘空间不足"):
        backup.make_backup(seeded_ctx)
    assert not list(backup.folder_of(seeded_ctx).glob("*"))  # no half-written file left behind


def _zip_with(path: Path, members: dict[str, bytes], *, link: str | None = None) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (0o120777 << 16)  # a symbolic link
            z.writestr(info, "/etc/passwd")
    return path


def test_archive_round_trip_to_another_data_folder(seeded_ctx: AppContext, tmp_path: Path) -> None:
    """Export everything as one .zip, import it into another folder: the same rows, and the
    other folder's own data kept first as a 「恢复前」 backup."""
    for name in ("王德伦", "陈志强", "张国华"):
        roster.add_person(seeded_ctx, PersonDraft(name, "乡党委"))
    info = backup.export_archive(seeded_ctx, tmp_path / "导出" / "学习测评数据")
    assert info.path.suffix == ".zip" and info.people == 3
    other = tmp_path / "另一台电脑"
    AppContext(other).close()
    kept = backup.import_archive(other, info.path)
    assert kept.is_file() and "before-restore" in kept.name
    checkpoint(seeded_ctx)
    assert digest(other / DB_FILENAME) == digest(Path(seeded_ctx.data_dir) / DB_FILENAME)


@pytest.mark.parametrize("case", ["traversal", "absolute", "link", "extra", "bomb", "not zip", "digest",
                                  "manifest", "empty"])
def test_hostile_archives_are_refused_and_nothing_is_written(seeded_ctx: AppContext, tmp_path: Path,
                                                           case: str) -> None:
    import json
    import zlib

    good = backup.export_archive(seeded_ctx, tmp_path / "good.zip").path
    import zipfile

    with zipfile.ZipFile(good) as z:
        db, manifest = z.read(backup.ARCHIVE_DB), json.loads(z.read(backup.ARCHIVE_MANIFEST))
    m = json.dumps(manifest).encode()
    bad = tmp_path / f"{case}.zip"
    if case == "traversal":
        _zip_with(bad, {backup.ARCHIVE_MANIFEST: m, "../../studyapp.sqlite3": db})
    elif case == "absolute":
        _zip_with(bad, {backup.ARCHIVE_MANIFEST: m, "/tmp/studyapp.sqlite3": db})
    elif case == "link":
        _zip_with(bad, {backup.ARCHIVE_MANIFEST: m}, link=backup.ARCHIVE_DB)
    elif case == "extra":
        _zip_with(bad, {backup.ARCHIVE_MANIFEST: m, backup.ARCHIVE_DB: db, "run.bat": b"del *.*"})
    elif case == "bomb":
        _zip_with(bad, {backup.ARCHIVE_MANIFEST: m, backup.ARCHIVE_DB: b"\0" * (30 * 1024 * 1024)})
    elif case == "not zip":
        bad.write_bytes(b"PK\x03\x04" + zlib.compress(b"garbage"))
    elif case == "digest":
        _zip_with(bad, {backup.ARCHIVE_MANIFEST: m, backup.ARCHIVE_DB: db[:-4096] + b"\1" * 4096})
    elif case == "manifest":
        _zip_with(bad, {backup.ARCHIVE_MANIFEST: b"{not json", backup.ARCHIVE_DB: db})
    else:
        _zip_with(bad, {})
    target = tmp_path / "target"
    target.mkdir()
    before = sorted(p.name for p in target.rglob("*"))
    with pytest.raises(UserError) as err:
        backup.import_archive(target, bad)
    assert "没有导入" in err.value.message or "不符" in err.value.message
    assert sorted(p.name for p in target.rglob("*")) == before  # nothing extracted, nothing replaced
    assert not (tmp_path.parent / "studyapp.sqlite3").exists()


def test_a_damaged_database_finds_the_backups_on_the_chosen_usb_stick(seeded_ctx: AppContext, data_dir: Path,
                                                                      tmp_path: Path) -> None:
    """The backups go to a folder of the user's choosing (a USB stick): when the database is
    damaged its settings cannot be read, so the folder is remembered beside it and searched."""
    from studyapp.services import settings as settings_service

    stick = tmp_path / "U盘" / "学习测评备份"
    stick.mkdir(parents=True)
    settings_service.set_setting(seeded_ctx, "backup.folder", str(stick))
    good = backup.make_backup(seeded_ctx, "manual", dest=None, now=dt.datetime(2026, 12, 1, 18, 0))
    assert good.path.parent == stick and (data_dir / backup.POINTER).is_file()
    checkpoint(seeded_ctx)
    seeded_ctx.close()
    damage(data_dir / DB_FILENAME)
    with pytest.raises(DatabaseDamaged) as info:
        AppContext(data_dir)
    assert info.value.newest_good == good.path and "2026-12-01 18:00" in info.value.message


def test_a_restore_is_written_in_the_audit_log(seeded_ctx: AppContext, data_dir: Path) -> None:
    from studyapp.services import audit

    good = backup.make_backup(seeded_ctx)
    seeded_ctx.close()
    kept = backup.restore_file(data_dir, good.path)
    with AppContext(data_dir) as ctx:
        [entry] = [e for e in audit.entries(ctx) if e.action == "恢复数据"]
    assert good.path.name == entry.target and kept.name in entry.old
