"""A second start on the same data folder brings the first copy forward (issue 11), and a
restore from the command line refuses while the app holds the folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.core.model import UserError
from studyapp.services import backup
from studyapp.ui.single import LOCK_NAME, acquire


def test_a_second_copy_asks_the_first_to_come_forward(qtbot, tmp_path: Path) -> None:
    first = acquire(tmp_path)
    assert first is not None and (tmp_path / LOCK_NAME).is_file()
    with qtbot.waitSignal(first.raiseRequested, timeout=5000):
        assert acquire(tmp_path) is None
    first.release()
    again = acquire(tmp_path)
    assert again is not None
    again.release()


def test_restore_refuses_while_another_process_holds_the_folder(tmp_path: Path) -> None:
    from studyapp.services.context import AppContext

    data = tmp_path / "data"
    with AppContext(data) as ctx:
        taken = backup.make_backup(ctx)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (data / LOCK_NAME).write_text(f"{holder.pid}\nstudyapp\nhost\n", encoding="utf-8")
        assert backup.app_is_open(data)
        with pytest.raises(UserError, match="正开着这个数据文件夹"):
            backup.restore_file(data, taken.path)
    finally:
        holder.kill()
        holder.wait()
    assert not backup.app_is_open(data)  # a lock left by a process that is gone does not count
    backup.restore_file(data, taken.path)


def test_starting_the_app_twice_keeps_one_copy(tmp_path: Path) -> None:
    import os
    import time

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    data = tmp_path / "data"
    first = subprocess.Popen([sys.executable, "-m", "studyapp", "--data", str(data)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (data / LOCK_NAME).is_file() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert (data / LOCK_NAME).is_file()
        second = subprocess.run([sys.executable, "-m", "studyapp", "--data", str(data)], env=env,
                                capture_output=True, timeout=60)
        assert second.returncode == 0 and first.poll() is None  # the second left, the first runs on
    finally:
        first.terminate()
        first.wait(timeout=30)
