"""What kind of drive the data folder is on, and how SQLite must journal there.

WAL (the default: the window reads while a worker writes) keeps recent changes in a -wal file
beside the database and needs shared memory between processes. On a USB stick a cadre pulls out
without 安全弹出, what was in the -wal file is lost; on a network share (a unit's shared folder)
WAL is not safe at all. There studyapp journals the classic way (journal_mode=DELETE with
synchronous=FULL): every committed change is in the database file itself.

`detect` is the one place that asks the system (GetDriveTypeW on Windows, /proc/mounts on
Linux); tests replace it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

FIXED, REMOVABLE, NETWORK, UNKNOWN = "fixed", "removable", "network", "unknown"

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "davfs",
               "fuse.davfs2", "glusterfs", "ceph", "fuse.rclone"}
_REMOVABLE_FS = {"vfat", "exfat", "msdos", "fuseblk", "udf", "iso9660"}


def _windows_kind(path: Path) -> str:
    import ctypes

    text = str(path.resolve())
    if text.startswith("\\\\"):
        return NETWORK  # \\server\share
    root = os.path.splitdrive(text)[0] + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))  # type: ignore[attr-defined]  # (Windows only: not in the Linux stubs)
    return {2: REMOVABLE, 3: FIXED, 4: NETWORK, 5: REMOVABLE, 6: FIXED}.get(kind, UNKNOWN)


def _linux_kind(path: Path, mounts: str | None = None) -> str:
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return UNKNOWN
    target = str(path.resolve())
    best, fs = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, fs = point, parts[2]
    if not best:
        return UNKNOWN
    if fs in _NETWORK_FS:
        return NETWORK
    if fs in _REMOVABLE_FS or best.startswith(("/media/", "/run/media/", "/mnt/usb")):
        return REMOVABLE
    return FIXED


def _detect(path: Path) -> str:
    try:
        if sys.platform == "win32":
            return _windows_kind(path)
        if sys.platform.startswith("linux"):
            return _linux_kind(path)
    except (OSError, AttributeError, ValueError):
        pass
    return UNKNOWN


detect: Callable[[Path], str] = _detect


def journal_for(data_dir: Path) -> tuple[str, str]:
    """(journal_mode, synchronous) for a database in `data_dir`."""
    kind = detect(Path(data_dir))
    if kind in (REMOVABLE, NETWORK):
        return "DELETE", "FULL"
    return "WAL", "NORMAL"
