"""Two screens: the audience view full-screen on the projector, the console on the laptop.

Qt picks its platform once per process, so this runs a small script in a fresh process on the
offscreen platform with a config file declaring two virtual screens, and checks what it prints.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "Laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
        {"name": "Projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1},
    ]
}

SCRIPT = textwrap.dedent(
    """
    import json, sys, tempfile
    from pathlib import Path
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from studyapp.ui.app import configure_application

    app = QApplication([])
    family = configure_application(app)
    from studyapp.services import AppContext, documents, room
    from studyapp.core.contest import ContestSetup, Team
    from studyapp.ui.room.controller import open_run

    ctx = AppContext(Path(sys.argv[1]))
    doc = documents.ensure_seed(ctx)
    setup = ContestSetup((Team("t1", "第一组"), Team("t2", "第二组")))
    qids = room.pick_questions(ctx, doc, count=5, types=("single",))
    run = room.start_run(ctx, "contest", session_id=None, document_id=doc,
                         setup={"contest": setup.to_json(), "question_ids": qids})
    c = open_run(ctx, room.get_run(ctx, run.info.id), family)
    c.start()
    c.next()
    QTest.qWait(200)
    out = {
        "screens": [s.name() for s in QGuiApplication.screens()],
        "mode": c.screen_mode,
        "audience_screen": c.audience_window.screen().name(),
        "audience_full": c.audience_window.isFullScreen(),
        "audience_geometry": list(c.audience_window.geometry().getRect()),
        "console_screen": c.console_window.screen().name(),
        "console_visible": c.console_window.isVisible(),
        "console_in_window": c.console.window() is c.console_window,
        "stem_px": c.audience.stem_px,
        "answer_on_console": c.console.answer.text(),
        "answer_on_projector": "答案" in c.audience.body.plain_text(),
    }
    out["unplugged"] = c.place([QGuiApplication.primaryScreen()])
    out["unplugged_screen"] = c.audience_window.screen().name()
    out["replugged"] = c.place()
    c.close()
    ctx.close()
    print("RESULT " + json.dumps(out, ensure_ascii=False))
    """
)


def test_audience_on_the_projector_console_on_the_laptop(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    script = tmp_path / "two_screens.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               PYTHONPATH=str(Path(__file__).resolve().parents[3]))
    proc = subprocess.run([sys.executable, str(script), str(tmp_path / "data")], capture_output=True, check=False,
                          text=True, env=env, timeout=180)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    got = json.loads(line[len("RESULT "):])
    assert got["screens"] == ["Laptop", "Projector"]
    assert got["mode"] == "dual"
    assert got["audience_screen"] == "Projector" and got["audience_full"]
    assert got["audience_geometry"] == [1366, 0, 1920, 1080]
    assert got["console_screen"] == "Laptop" and got["console_visible"] and got["console_in_window"]
    assert got["stem_px"] >= 40  # readable from the back of the room at 1080p
    assert got["answer_on_console"].startswith("<b>答案：") and not got["answer_on_projector"]
    assert got["unplugged"] == "single" and got["unplugged_screen"] == "Laptop"
    assert got["replugged"] == "dual"
