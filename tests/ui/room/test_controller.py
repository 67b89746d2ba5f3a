"""The room controller: one controller per mode, where a run stands kept when the database is busy
(another writer — an import on the worker — holds it longer than a room step waits) and stored a
moment later, a run reopened where it was left, and on one screen the console behind Tab/F1 (the
projector unplugged folds it into the overlay)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from studyapp.services import room
from studyapp.services.context import DatabaseBusy
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.contest_run import ContestRun
from studyapp.ui.room.quiz_run import QuizRun
from studyapp.ui.room.reading_run import ReadingRun
from tests.ui.room.conftest import key


def test_each_mode_has_its_own_controller(open_room, start_run) -> None:
    assert isinstance(open_room(start_run("reading")), ReadingRun)
    assert type(open_room(start_run("quiz"))) is QuizRun
    assert isinstance(open_room(start_run("contest")), ContestRun)


def test_a_step_the_busy_database_refused_is_kept_and_stored_a_second_later(open_room, start_run, seeded_ctx,
                                                                             monkeypatch, qtbot) -> None:
    c = open_room(start_run("quiz"))
    real = room_ops.save_state_now
    refused = []

    def busy_once(ctx, run_id, changes):  # noqa: ANN001, ANN202
        if not refused:
            refused.append(dict(changes))
            raise DatabaseBusy("数据库正忙")
        return real(ctx, run_id, changes)

    def fail_always(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise DatabaseBusy("数据库正忙")

    monkeypatch.setattr(room_ops, "save_state_now", fail_always)
    c.next()
    assert c.index == 1 and c._unsaved.get("question") == 1  # the room moved on; the step is kept
    monkeypatch.setattr(room_ops, "save_state_now", busy_once)  # the database frees up
    qtbot.waitUntil(lambda: room.get_run(seeded_ctx, c.run_id).state.get("question") == 1, timeout=5000)
    assert not c._unsaved


@pytest.mark.parametrize("kind", ["reading", "quiz", "contest"])
def test_the_run_reopens_where_it_was_left_in_every_mode(open_room, start_run, seeded_ctx, kind: str) -> None:
    run_id = start_run(kind)
    c = open_room(run_id)
    c.next()
    c.next()
    index = c.index
    c.close()
    again = open_room(run_id)
    assert again.index == index


def test_single_screen_controls_behind_tab_and_f1(open_room, start_run) -> None:
    c = open_room(start_run("quiz", count=3))
    assert not c.overlay_visible
    key(c, Qt.Key.Key_Tab)
    assert c.overlay_visible and c.console.isVisible()
    assert c.console.window() is c.audience_window
    key(c, Qt.Key.Key_F1)
    assert not c.overlay_visible


def test_unplugging_the_projector_folds_the_console_into_the_overlay(open_room, start_run) -> None:
    from PySide6.QtGui import QGuiApplication

    c = open_room(start_run("quiz", count=3))
    primary = QGuiApplication.primaryScreen()
    assert c.place([primary]) == "single"
    assert c.console.parent() is c.audience_window.overlay and not c.console_window.isVisible()
