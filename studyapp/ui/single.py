"""One copy of the app per data folder: a second start brings the first window forward.

The first copy holds a QLockFile in the data folder and listens on a local socket named after
the folder; a second copy that finds the lock taken asks the first to show itself and quits.
Two copies writing one database would each think the other's changes away (and a restore
must never swap the file under a running copy: services/backup checks the same lock file).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("studyapp.ui")

LOCK_NAME = "studyapp.lock"  # the same name services/backup.app_is_open reads


def _server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"studyapp-{digest}"


class SingleInstance(QObject):
    """Held by the running copy; `raiseRequested` fires when a second copy starts."""

    raiseRequested = Signal()

    def __init__(self, data_dir: Path, lock: QLockFile) -> None:
        super().__init__()
        self.lock = lock
        self.name = _server_name(data_dir)
        self.server = QLocalServer(self)
        QLocalServer.removeServer(self.name)  # a socket left by a crashed copy
        if not self.server.listen(self.name):
            log.warning("single instance: cannot listen on %s: %s", self.name, self.server.errorString())
        self.server.newConnection.connect(self._knock)

    def _knock(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.disconnectFromServer()
        log.info("a second copy asked this one to come forward")
        self.raiseRequested.emit()

    def release(self) -> None:
        self.server.close()
        self.lock.unlock()


def acquire(data_dir: Path) -> SingleInstance | None:
    """The lock of `data_dir` for this copy, or None when another copy holds it (which has
    then been asked to come forward)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / LOCK_NAME))
    lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
    if lock.tryLock(200):
        return SingleInstance(data_dir, lock)
    socket = QLocalSocket()
    socket.connectToServer(_server_name(data_dir))
    if socket.waitForConnected(1000):
        socket.disconnectFromServer()
    log.info("another copy holds %s", data_dir / LOCK_NAME)
    return None
