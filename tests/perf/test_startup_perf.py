"""Start-up: time until the main window is shown, against a bare PySide6 window (target ≤ 1.5×).

Both are whole processes started the same way (interpreter, imports, QApplication, a window
shown and painted once, exit), so the ratio is what a user feels at a double-click. The data
folder already holds the seed (the first start, which imports it, is measured separately).
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
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents()
"""

STUDYAPP = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from studyapp.services import AppContext
from studyapp.ui.app import configure_application, open_main_window
app = QApplication([])
configure_application(app)
ctx = AppContext(Path(sys.argv[1]))
w = open_main_window(ctx); app.processEvents()
ctx.close()
"""


def _run(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def test_main_window_vs_bare_window(tmp_path, report):
    data = str(tmp_path / "data")
    first = _run(STUDYAPP, data)  # first start: migrates and imports the seed
    bare, ours = [], []
    for _ in range(5):  # interleaved so machine noise hits both alike
        bare.append(_run(BARE))
        ours.append(_run(STUDYAPP, data))
    b, o = statistics.median(bare), statistics.median(ours)
    report(f"bare PySide6 window: {b * 1000:.0f} ms; studyapp main window: {o * 1000:.0f} ms; "
           f"ratio {o / b:.2f} (target ≤ 1.5); first start with seed import {first * 1000:.0f} ms")
    assert o / b <= 1.5
