"""A long day at the office PC, compressed: the main window on the bundled document, a learner
turning pages, opening and cancelling the 练习… / 模拟考试… / 谁在学习 forms, practising and
answering, and 200 print previews of the example session's 签到表 (every other one closed while
it still builds) — then the growth of live widgets, of the process's memory (RSS) and of Python
objects per 1,000 operations after a warm-up.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/perf/test_soak_perf.py -s
Target (issue of the house): flat after warm-up. Asserted loosely (widgets: a form left behind
per opening would show as ≥ 40 widgets per opening; memory: the allocator keeps what it got).
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

PAGE_TURNS = 1000
FORMS_EACH = 100
ANSWERS = 1000
PREVIEWS = 200


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _signin_bytes(ctx) -> bytes:  # noqa: ANN001
    """The 签到表 of the bundled example session (集中学习, 2015.4.15) as a PDF."""
    from studyapp.services import printing, sessions

    infos = sessions.list_sessions(ctx)
    assert infos, "the bundled data folder holds its example session"
    return printing.signin_pdf(ctx, infos[0].id, "roster")


def widgets() -> int:
    from PySide6.QtWidgets import QApplication

    return len(QApplication.allWidgets())


def test_a_long_day_leaves_nothing_behind(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication, QDialog

    from studyapp.services import roster
    from studyapp.services.dto_records import PersonDraft
    from studyapp.ui import ops
    from studyapp.ui.app import configure_application, start_main_window

    app = QApplication.instance()
    configure_application(app)
    window = start_main_window(tmp_path / "data")
    qtbot.addWidget(window)

    def settle() -> None:
        qtbot.waitUntil(lambda: ops.pending() == 0, timeout=60000)
        QApplication.processEvents()

    qtbot.waitUntil(lambda: window.reader is not None and window.reader.view is not None, timeout=120000)
    settle()
    window.reader.read_timer.stop()
    person = roster.add_person(window.ctx, PersonDraft(name="王德伦", unit="乡政府"))
    window.study.set_person(person)
    settle()

    def measure() -> tuple[int, float, int]:
        QApplication.processEvents()
        gc.collect()
        QApplication.processEvents()
        return widgets(), rss_mb(), len(gc.get_objects())  # (dead Qt wrappers show in the last)

    def phase(name: str, n: int, step) -> None:  # noqa: ANN001
        for i in range(max(1, n // 10)):  # warm-up: caches, first paints, lazy imports
            step(i)
        settle()
        w0, r0, o0 = measure()
        t0 = time.perf_counter()
        for i in range(n):
            step(i)
            if i % 50 == 49:
                settle()
        settle()
        w1, r1, o1 = measure()
        per = 1000 / n
        print(f"\n{name}: {n} operations in {time.perf_counter() - t0:.1f} s; "
              f"widgets {w0} → {w1} ({(w1 - w0) * per:+.0f} per 1,000), RSS {r0:.0f} → {r1:.0f} MB "
              f"({(r1 - r0) * per:+.1f} MB per 1,000), Python objects {(o1 - o0) * per:+.0f} per 1,000")
        results[name] = (w1 - w0) * per
        objects[name] = (o1 - o0) * per

    results: dict[str, float] = {}
    objects: dict[str, float] = {}

    reader = window.reader

    def turn(i: int) -> None:
        if not (reader.go_next() if (i // 40) % 2 == 0 else reader.go_previous()):
            reader.go_previous() if (i // 40) % 2 == 0 else reader.go_next()

    phase("page turns", PAGE_TURNS, turn)

    def form(open_form):  # noqa: ANN001, ANN202
        def step(_i: int) -> None:
            dialog = open_form()
            assert isinstance(dialog, QDialog)
            dialog.reject()
            QApplication.processEvents()
        return step

    phase("练习… opened and cancelled", FORMS_EACH, form(lambda: window.study.practice_dialog()))
    phase("模拟考试… opened and cancelled", FORMS_EACH, form(lambda: window.study.exam_dialog()))
    phase("谁在学习 opened and cancelled", FORMS_EACH, form(lambda: window.study.choose_person()))

    from PySide6.QtCore import Qt

    from studyapp.services.dto_study import SCOPE_SECTIONS, Scope

    everything = Scope(SCOPE_SECTIONS, reader.document_id, tuple(s.id for s in reader.view.sections))

    def practice() -> None:
        if window.study.page is not None:
            window.study.close_page()
        window.study.start_practice(everything, 10, ["single", "judge"])
        settle()
        qtbot.waitUntil(lambda: window.study.page is not None and window.study.page.isVisible())

    def answer(_i: int) -> None:
        page = window.study.page
        if page is None or page.position >= len(page.questions) - 1 and page.is_answered(page.position):
            practice()  # the last one answered: a new practice (its page, its attempt)
            page = window.study.page
        q = page.questions[page.position]
        qtbot.keyClick(page, Qt.Key.Key_T if q.type == "judge" else Qt.Key.Key_A)  # 对, or option A
        qtbot.keyClick(page, Qt.Key.Key_Return)  # the verdict
        qtbot.keyClick(page, Qt.Key.Key_Return)  # the next question

    practice()
    page = window.study.page
    assert page is not None and page.questions
    qtbot.waitUntil(page.isVisible)
    before = page.info_label.text()
    answer(0)
    assert page.info_label.text() != before, (before, page.info_label.text())  # the keys reach the page
    phase("practice answers (by keys, a new practice after each last one)", ANSWERS, answer)

    # 200 print previews of a 签到表, every other one closed while it still shows 正在生成…
    # (the finished build must not call back into a closed window)
    from studyapp.ui.records.preview import PdfPreviewDialog

    data = _signin_bytes(window.ctx)

    def preview(i: int) -> None:
        dialog = PdfPreviewDialog(window.runner, "签到表", lambda _o: data, file_stem="签到表", parent=window)
        dialog.show()
        if i % 2:
            qtbot.waitUntil(lambda: dialog.page_count > 0, timeout=20000)
        dialog.close()
        QApplication.processEvents()

    phase("print previews (签到表; every other one closed while building)", PREVIEWS, preview)

    for name, growth in results.items():
        assert growth < 40 * 1000 / FORMS_EACH / 10, (name, growth)  # not a form left per opening
        assert objects[name] < 5000, (name, objects[name])  # not a wrapper left per page or answer
    window.close()
