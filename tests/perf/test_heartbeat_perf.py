"""The window never stalls: a 10 ms heartbeat on the GUI thread while long work runs on the
worker (the issue's target: the longest gap ≤ 50 ms). The app is started as a user starts it
(offscreen), the data opened and settled; then a question bank is generated twice for a large
document on the main window's runner, and the gaps between heartbeats are reported for each: the
first run of a process loads the segmenter (rjieba builds its dictionary holding the
interpreter's lock, ≈130 ms, once), the second is every later generation."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .test_questions_perf import fresh_text

pytestmark = pytest.mark.perf

# the 10 ms heartbeat on the GUI thread both children run: the gaps between its beats
HEARTBEAT = r"""
gaps, last = [], [0.0]
def beat():
    now = time.perf_counter()
    if last[0]:
        gaps.append(now - last[0])
    last[0] = now
hb = QTimer(); hb.setInterval(10); hb.timeout.connect(beat)
"""

CHILD = r"""
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studyapp.ui.app import configure_application, start_main_window
from studyapp.core.outline import parse_text
app = QApplication([])
configure_application(app)
w = start_main_window(Path(tempfile.mkdtemp()))
doc = parse_text(Path(sys.argv[2]).read_text(encoding="utf-8"))
runs = []
__HEARTBEAT__def go():
    from studyapp.core.questions import generate_bank, segment
    if not runs:
        print("LOADED %s" % segment.loaded(), flush=True)
    gaps.clear(); last[0] = 0.0
    hb.start()
    def done(_result):
        hb.stop()
        g = sorted(gaps)
        print("GAPS %.1f %.1f %d" % (g[-1] * 1000, g[int(len(g) * 0.99)] * 1000, len(g)), flush=True)
        runs.append(1)
        if len(runs) == 2:
            app.quit()
        else:
            QTimer.singleShot(500, go)
    w.runner.run(lambda p, c: generate_bank(doc), title="生成", on_success=done, show_progress=False)
w.opened.connect(lambda: QTimer.singleShot(2500, go))  # after the collector has settled
app.exec()
w.ctx.close()
""".replace("__HEARTBEAT__", HEARTBEAT)


def test_gui_thread_keeps_beating_during_generation(tmp_path) -> None:  # noqa: ANN001 - pytest's
    text = tmp_path / "large.txt"  # (written here: the child's first generation loads the segmenter)
    text.write_text(fresh_text(500000, seed=3), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    here = os.path.dirname(__file__)
    out = subprocess.run([sys.executable, "-c", CHILD, here, str(text)], env=env, capture_output=True,
                         text=True, timeout=300)
    assert "LOADED False" in out.stdout, out.stdout + out.stderr  # the first run loads it
    (first, later) = [x.split()[1:] for x in out.stdout.splitlines() if x.startswith("GAPS")]
    print(f"\nheartbeat (10 ms) while generating 0.5 MB: longest gap {later[0]} ms, p99 {later[1]} ms, "
          f"{later[2]} beats; the process's first generation (loads the segmenter): longest {first[0]} ms, "
          f"p99 {first[1]} ms (target: longest ≤ 50 ms; measured 170 ms before the collector waited for "
          "the worker, 30–110 ms before a worker segmenting paused for waiting threads)")
    assert float(later[0]) < 250  # generous: a return of the collector onto the GUI thread shows here


IMPORT_CHILD = r"""
import sys, tempfile, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from studyapp.ui.app import configure_application, start_main_window
app = QApplication([])
configure_application(app)
w = start_main_window(Path(tempfile.mkdtemp()))
__HEARTBEAT__def go():
    from studyapp.services import documents
    hb.start()
    def done(_result):
        hb.stop()
        g = sorted(gaps)
        print("GAPS %.1f %.1f %d" % (g[-1] * 1000, g[int(len(g) * 0.99)] * 1000, len(g)), flush=True)
        app.quit()
    w.runner.run(lambda p, c: documents.import_file(w.ctx, Path(sys.argv[1])), title="导入", on_success=done,
                 show_progress=False)
w.opened.connect(lambda: QTimer.singleShot(2500, go))
app.exec()
w.ctx.close()
""".replace("__HEARTBEAT__", HEARTBEAT)


def test_gui_thread_keeps_beating_during_an_import(tmp_path) -> None:  # noqa: ANN001 - pytest's
    text = tmp_path / "large.txt"
    text.write_text(fresh_text(1_000_000, seed=5), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", IMPORT_CHILD, str(text)], env=env, capture_output=True,
                         text=True, timeout=300)
    line = next((x for x in out.stdout.splitlines() if x.startswith("GAPS")), None)
    assert line is not None, out.stdout + out.stderr
    worst, p99, n = line.split()[1:]
    print(f"\nheartbeat (10 ms) while importing 1 MB: longest gap {worst} ms, p99 {p99} ms, {n} beats "
          "(target: longest ≤ 50 ms; measured 174 ms at the issue's filing, ~105 ms before the words of a text were "
          "folded line by line)")
    assert float(worst) < 250
