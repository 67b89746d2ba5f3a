"""A data folder on a USB stick or a network share: journal_mode=DELETE with synchronous=FULL
(every committed change in the database file itself); on a fixed disk WAL, checkpointed on close."""

from __future__ import annotations

from pathlib import Path

from studyapp.db import storage
from studyapp.db.engine import DB_FILENAME
from studyapp.services import settings
from studyapp.services.context import AppContext

MOUNTS = """/dev/sda1 / ext4 rw,relatime 0 0
/dev/sdb1 /media/user/U\\040盘 vfat rw,nosuid 0 0
//server/share /mnt/unit cifs rw 0 0
server:/export /srv/nfs nfs4 rw 0 0
"""


def test_the_drive_kind_is_read_from_the_mounts() -> None:
    assert storage._linux_kind(Path("/home/user/学习数据"), MOUNTS) == storage.FIXED
    assert storage._linux_kind(Path("/media/user/U 盘/学习数据"), MOUNTS) == storage.REMOVABLE
    assert storage._linux_kind(Path("/mnt/unit/学习数据"), MOUNTS) == storage.NETWORK
    assert storage._linux_kind(Path("/srv/nfs/x"), MOUNTS) == storage.NETWORK


def _journal(ctx: AppContext) -> tuple[str, int]:
    with ctx.engine.connect() as conn:
        return (conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
                conn.exec_driver_sql("PRAGMA synchronous").scalar())


def test_on_a_usb_stick_every_change_is_in_the_database_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(storage, "detect", lambda _p: storage.REMOVABLE)
    ctx = AppContext(tmp_path / "stick")
    try:
        assert _journal(ctx) == ("delete", 2)  # synchronous=FULL
        settings.set_setting(ctx, "org.unit_name", "某某乡党委")
        assert not (tmp_path / "stick" / (DB_FILENAME + "-wal")).exists()
    finally:
        ctx.close()


def test_on_a_fixed_disk_wal_is_folded_back_on_close(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(storage, "detect", lambda _p: storage.FIXED)
    ctx = AppContext(tmp_path / "disk")
    assert _journal(ctx) == ("wal", 1)
    settings.set_setting(ctx, "org.unit_name", "某某乡党委")
    ctx.close()
    wal = tmp_path / "disk" / (DB_FILENAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
