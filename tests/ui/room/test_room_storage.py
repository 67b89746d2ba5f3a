"""Where a run stands and what a contest scored, when the database is busy (another writer — an
import on the worker — holds it longer than a room step waits)."""

from __future__ import annotations

import pytest

from studyapp.services import room
from studyapp.services.context import DatabaseBusy
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.contest_run import ContestRun
from studyapp.ui.room.quiz_run import QuizRun
from studyapp.ui.room.reading_run import ReadingRun


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


def test_a_contest_event_the_busy_database_refused_is_not_shown(open_room, start_run, seeded_ctx,
                                                                   monkeypatch) -> None:
    c = open_room(start_run("contest"))
    c.next()  # the first question
    team = c.contest.team
    before = dict(c.contest.scores)

    def busy(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
        raise DatabaseBusy("数据库正忙，请稍后再试。")

    monkeypatch.setattr(room_ops, "contest_event_now", busy)
    c.judge(team, True)
    assert c.contest.scores == before and not c.contest.judged  # nothing scored behind the host's back
    assert room.contest_state(seeded_ctx, c.run_id).scores == before
    monkeypatch.undo()
    c.judge(team, True)  # pressed again
    assert c.contest.scores[team] > before[team]


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
