"""The garbage collector on the GUI thread (ui/qtfix.py): it waits for the worker, and what
exists once the data is open is frozen out of later collections."""

from __future__ import annotations

import gc

from studyapp.ui import tasks
from studyapp.ui.qtfix import MainThreadGarbageCollector


class _FakeGC:
    def __init__(self, counts: tuple[int, int, int]) -> None:
        self.counts = counts
        self.calls: list[object] = []

    def get_count(self) -> tuple[int, int, int]:
        return self.counts

    def collect(self, generation: int = 2) -> int:
        self.calls.append(generation)
        return 0

    def freeze(self) -> None:
        self.calls.append("freeze")


def _keeper(qapp, fake: _FakeGC, now: list[float]) -> MainThreadGarbageCollector:  # noqa: ANN001
    was = gc.isenabled()
    keeper = MainThreadGarbageCollector(qapp)
    keeper.timer.stop()
    if was:
        gc.enable()  # (the keeper turns automatic collection off for the whole process)
    keeper._gc = fake
    keeper._clock = lambda: now[0]
    keeper.threshold = (700, 10, 10)
    return keeper


def test_no_collection_on_the_gui_thread_while_a_job_runs(qapp) -> None:  # noqa: ANN001
    fake, now = _FakeGC((5000, 20, 20)), [100.0]
    keeper = _keeper(qapp, fake, now)
    tasks.WORKING.add(1)
    try:
        keeper.check()
        now[0] += 5
        keeper.check()
        assert fake.calls == []  # the job's objects are walked by nobody
        now[0] += keeper.MAX_DEFER_S
        keeper.check()
        assert fake.calls == [0]  # a very long job still gets its young generation collected
    finally:
        tasks.WORKING.discard(1)
    fake.calls.clear()
    keeper.check()
    assert fake.calls == [0, 1, 2]  # idle again: the usual thresholds


def test_settle_collects_once_then_freezes(qapp) -> None:  # noqa: ANN001
    fake, now = _FakeGC((0, 0, 0)), [0.0]
    keeper = _keeper(qapp, fake, now)
    keeper.settle()
    keeper.settle()
    assert fake.calls == [2, "freeze"] and keeper.settled


def test_a_job_marks_itself_working_while_it_runs(qapp, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    seen: list[bool] = []
    owner = QWidget()
    runner = tasks.TaskRunner(owner)
    task = runner.run(lambda p, c: seen.append(bool(tasks.WORKING)), title="t", show_progress=False)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert seen == [True] and not tasks.WORKING and task is not None
