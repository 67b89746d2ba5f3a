"""Start-up: time until the main window is on screen, against a bare PySide6 window.

Both are whole processes started the same way (interpreter, imports, QApplication, a window
shown and painted once); the clock stops when the child says the window is painted, so what
the process does on exit is not counted. The ratio is what a user feels at a double-click.
The data folder already holds the seed (the first start, which imports it, is reported too).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
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
from studyapp.ui.app import configure_application, open_main_window
from studyapp.services import AppContext
app = QApplication([])
configure_application(app)
ctx = AppContext(Path(sys.argv[1]))
w = open_main_window(ctx); app.processEvents()
print("SHOWN", flush=True)
ctx.close()
"""


def _time_to_shown(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t
    proc.wait(timeout=60)
    assert line.strip() == "SHOWN", "the child never showed its window"
    return elapsed


def test_main_window_vs_bare_window(tmp_path, report):
    data = str(tmp_path / "data")
    first = _time_to_shown(STUDYAPP, data)  # first start: migrates and imports the seed
    bare, ours = [], []
    for _ in range(5):  # interleaved so machine noise hits both alike
        bare.append(_time_to_shown(BARE))
        ours.append(_time_to_shown(STUDYAPP, data))
    b, o = statistics.median(bare), statistics.median(ours)
    report(f"bare PySide6 window: {b * 1000:.0f} ms; studyapp main window with the seed: "
           f"{o * 1000:.0f} ms; ratio {o / b:.2f} (target ≤ 1.5); "
           f"first start with migrations and seed import {first * 1000:.0f} ms")
    assert o / b <= 1.5
