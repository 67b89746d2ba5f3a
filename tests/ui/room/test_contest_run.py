"""知识竞赛 as a host drives it: the scoring buttons of the team whose turn it is, undo, the
scoreboard, reopening after a restart, 结束 saving the ranking into the session and printing it,
the main window's PIN asked first, the host's messages kept off the projection, and a judgement
the busy database refused not shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from studyapp.services import room, sessions
from studyapp.services.context import DatabaseBusy
from studyapp.ui.room import ops as room_ops
from tests.ui.room.conftest import key


def test_contest_scoring_buttons_undo_key_and_reopen(open_room, start_run, seeded_ctx, qtbot) -> None:
    run_id = start_run("contest", teams=3)
    c = open_room(run_id)
    c.next()  # first 必答 question, first team's turn
    state = c.contest
    first = state.setup.teams[0].id
    assert state.team == first
    score, right, _wrong = c.console.team_rows[first]
    other_right = c.console.team_rows[state.setup.teams[1].id][1]
    assert right.isEnabled() and not other_right.isEnabled()  # 必答: only the answering team
    qtbot.mouseClick(right, Qt.MouseButton.LeftButton)
    assert c.contest.scores[first] == 110
    assert c.audience.toast_label.isVisible() and "答对 +10" in c.audience.toast_label.text()
    assert "110" in score.text()
    c.set_round("buzz")
    c.next()
    third = state.setup.teams[2].id
    c.judge(third, False)
    assert c.contest.scores[third] == 90
    key(c, Qt.Key.Key_Z)  # undo the wrong buzz
    assert c.contest.scores[third] == 100
    assert [e.kind for e in c.contest.events][-1] == "undo"
    key(c, Qt.Key.Key_S)
    assert c.audience.mode == "board" and "第 1 名" in c.audience.board.plain_text()
    c.close()
    again = open_room(run_id)  # as after a restart: same scores, same question
    assert again.contest.scores == {first: 110, state.setup.teams[1].id: 100, third: 100}
    assert again.index == 1 and again.audience.mode == "board"

def test_contest_finish_saves_ranking_and_prints(open_room, start_run, seeded_ctx, session_id, tmp_path,
                                                monkeypatch, settle) -> None:
    c = open_room(start_run("contest", teams=2))
    c.next()
    c.judge(c.contest.team, True)
    c.finish(confirm=False)
    assert c.contest.finished and c.audience.mode == "board"
    assert "最终名次" in c.audience.banner.text()
    assert room.unfinished_runs(seeded_ctx) == []
    assert sessions.get_session_detail(seeded_ctx, session_id).test_summary.startswith("知识竞赛：第1名")
    pdf = c.save_ranking_pdf(tmp_path / "rank.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    # 打印成绩 from the console: built on the worker, the console says where it went
    from studyapp.ui import filedialogs

    target = tmp_path / "成绩.pdf"
    monkeypatch.setattr(filedialogs, "save_path", lambda *_a, **_k: str(target))
    task = c.print_ranking()
    assert task is not None and "正在生成" in c.console.status.text()
    settle()
    assert target.read_bytes().startswith(b"%PDF") and str(target) in c.console.status.text()

def test_the_finish_button_asks_before_it_ends_a_contest(open_room, start_run) -> None:
    """「结束并保存」 asks first (a clicked signal's checked=False once passed for confirm=False)."""
    from unittest import mock

    from PySide6.QtWidgets import QMessageBox

    c = open_room(start_run("contest", teams=2))
    with mock.patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.No) as asked:
        c.console.finish_btn.click()
    asked.assert_called_once()
    assert not c.contest.finished

def test_on_one_screen_the_hosts_messages_stay_off_the_projection(open_room, start_run) -> None:
    """「必答题由第一组作答，不能判给第二组。」 is for the host: on a mirrored laptop it goes to the
    console (under Tab) with a beep, never as a toast the room reads."""
    from unittest import mock

    c = open_room(start_run("contest", teams=2))
    assert c.screen_mode == "single" and not c.overlay_visible
    c.next()
    other = next(t.id for t in c.setup.teams if t.id != c.contest.team)
    with mock.patch.object(QApplication, "beep") as beeped:
        c.judge(other, True)
    beeped.assert_called_once()
    assert not c.audience.toast_label.isVisible()
    assert "不能判给" in c.console.status.text()

def test_the_room_asks_the_main_windows_pin_before_saving_to_the_records(
        open_room, start_run, seeded_ctx, session_id, make_window) -> None:
    """The projector's console and the score grid are windows of their own (no parent): saving
    a contest's ranking or paper scores into the session still asks the main window's PIN."""
    from unittest import mock

    from studyapp.services import admin
    from studyapp.ui.room.paper import PaperEntryWindow

    window = make_window()
    admin.set_pin(seeded_ctx, "2468")
    window.admin_gate.lock()
    window.admin_gate.ask = lambda *_a: ("", False)  # a learner at the PC: no PIN
    c = open_room(start_run("contest", teams=2))
    c.next()
    c.judge(c.contest.team, True)
    c.finish(confirm=False)
    assert not c.contest.finished and room.unfinished_runs(seeded_ctx)
    grid = PaperEntryWindow(seeded_ctx, start_run("paper"), None)
    with mock.patch.object(admin, "verify") as checked:
        assert grid.save_scores() is False
    checked.assert_not_called()
    window.admin_gate.ask = lambda *_a: ("2468", True)
    c.finish(confirm=False)
    assert c.contest.finished
    grid.close()

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
