"""Start-up: time until the main window is on screen, against a bare PySide6 window.

Both are whole processes started the same way (interpreter, imports, QApplication, a window
shown and painted once); the clock stops when the child says its window is painted (studyapp:
the main window's first paint, before the database layer loads; the time until the reader is
filled is reported beside it), so what the process does on exit is not counted. The ratio is what a user feels at a double-click.
The data folder already holds the seed (the first start, which imports it, is reported too).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

import pytest

pytestmark = pytest.mark.perf

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 720); w.show(); app.processEvents()
print("SHOWN", flush=True)
"""

STUDYAPP = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from studyapp.ui.app import configure_application, start_main_window
app = QApplication([])
configure_application(app, defer=True)  # as run_gui does
w = start_main_window(Path(sys.argv[1]))
first = len(sys.argv) > 2  # the first start: on until the front page's picture is kept
picture = lambda: w.cover is not None
w.firstPainted.connect(lambda: print("SHOWN" + (" picture" if picture() else ""), flush=True))
w.opened.connect(lambda: (print("OPENED", flush=True), None if first else app.quit()))
w.snapshotKept.connect(lambda: app.quit() if first else None)
app.exec()
w.ctx.close()
"""


_PYCACHE = os.path.join(tempfile.gettempdir(), "studyapp-perf-pycache")


def _times(code: str, *args: str) -> tuple[float, float, bool]:
    """Seconds until the child printed SHOWN, and until it printed OPENED (or SHOWN again);
    whether its first paint was the front page's picture."""
    # as installed: the bundle ships compiled bytecode, so the children may keep theirs (in a
    # folder of their own; a machine-wide PYTHONDONTWRITEBYTECODE would make every start compile
    # studyapp's modules again — ~10 ms the user never waits for)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=_PYCACHE)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    shown = proc.stdout.readline()
    t_shown = time.perf_counter() - t
    opened = proc.stdout.readline() or shown
    t_opened = time.perf_counter() - t
    proc.wait(timeout=60)
    assert shown.strip().startswith("SHOWN"), "the child never showed its window"
    assert opened.strip() in ("OPENED", "SHOWN"), "the child never opened its data"
    return t_shown, (t_opened if opened.strip() == "OPENED" else t_shown), shown.strip() == "SHOWN picture"


def test_main_window_vs_bare_window(tmp_path, report):
    data = str(tmp_path / "data")
    first_shown, first_opened, _ = _times(STUDYAPP, data, "first")  # first start: migrations, seed import
    bare, shown, opened, pictures = [], [], [], 0
    for _ in range(5):  # interleaved so machine noise hits both alike
        bare.append(_times(BARE)[0])
        s, o, picture = _times(STUDYAPP, data)
        shown.append(s)
        opened.append(o)
        pictures += picture
    b, s, o = statistics.median(bare), statistics.median(shown), statistics.median(opened)
    report(f"bare PySide6 window: {b * 1000:.0f} ms; studyapp main window shown: {s * 1000:.0f} ms "
           f"(ratio {s / b:.2f}, target ≤ 1.5), its first paint the front page's picture in {pictures} of 5 "
           f"later starts; live front page filled: {o * 1000:.0f} ms; "
           f"first start (migrations, seed import): shown {first_shown * 1000:.0f} ms, "
           f"filled {first_opened * 1000:.0f} ms")
    assert pictures == 5, "a later start did not open with the front page's picture"
    assert s / b <= 1.5
