"""The room on one (offscreen) screen: 集体领学, 集体测验, 知识竞赛, as a host drives them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studyapp.services import room, sessions


def key(c, k: Qt.Key) -> None:
    """A clicker key, sent where the room's keyboard focus is (the projector window)."""
    QTest.keyClick(c.audience, k)


def test_reading_pages_with_clicker_keys_and_records_sections(open_room, start_run, seeded_ctx, session_id, qtbot) -> None:
    c = open_room(start_run("reading"))
    assert c.screen_mode == "single" and c.audience_window.isFullScreen()
    assert c.audience.page.section_id is None  # the cover
    assert "中共遵义市委" in c.audience.body.plain_text()
    key(c, Qt.Key.Key_PageDown)
    assert c.audience.page.heading.startswith("1.指导思想")
    assert "一、全面推进依法治市的总体要求" in c.audience.crumb.text()
    qtbot.waitUntil(lambda: sessions.get_session_detail(seeded_ctx, session_id).section_ids != ())
    key(c, Qt.Key.Key_Space)
    key(c, Qt.Key.Key_Right)
    key(c, Qt.Key.Key_Left)
    assert c.audience.page.heading.startswith("2.")
    c.flush_section()
    detail = sessions.get_session_detail(seeded_ctx, session_id)
    # 3. was only flicked past (not shown for the set seconds): it is not counted as studied
    assert [h[:2] for h in detail.section_headings] == ["1.", "2."]
    key(c, Qt.Key.Key_B)
    assert c.audience.blanked and c.audience.blank.isVisible()
    key(c, Qt.Key.Key_PageDown)  # a click on a black screen only brings the picture back
    assert not c.audience.blanked and c.audience.page.heading.startswith("2.")
    assert room.get_run(seeded_ctx, c.run_id).state["page"] == c.index == 2


def test_long_section_pages_within_before_moving_on(open_room, start_run) -> None:
    c = open_room(start_run("reading"))
    c.audience_window.showNormal()
    c.audience_window.resize(1024, 400)  # a short window: long items need two screens
    QTest.qWait(50)
    c.audience.relayout()
    for _ in range(20):
        if c.audience.page_count_in_section > 1:
            break
        c.next()
    assert c.audience.page_count_in_section > 1
    index = c.index
    c.next()
    assert c.index == index and c.audience.page_in_section == 1
    assert "（续）" in c.audience.crumb.text()
    c.previous()
    assert c.audience.page_in_section == 0


def test_quiz_reveal_shows_answer_and_source_and_timer_ends_visibly(open_room, start_run, qtbot) -> None:
    c = open_room(start_run("quiz", count=5))
    assert c.audience.mode == "question" and c.audience.question is c.questions[0]
    q = c.questions[0]
    assert q.stem[:10] in c.audience.body.plain_text().replace("＿＿＿＿", "____")
    assert "答案" not in c.audience.body.plain_text()
    key(c, Qt.Key.Key_A)
    text = c.audience.body.plain_text()
    assert f"答案：{q.answer_text}" in text and q.quote[:12] in text
    key(c, Qt.Key.Key_PageDown)
    assert c.index == 1 and not c.revealed
    c.seconds = 1
    c.reset_timer()
    key(c, Qt.Key.Key_T)
    assert c.countdown.running and c.audience.clock.isVisible()
    qtbot.waitUntil(lambda: c.audience.timed_out, timeout=4000)
    assert c.audience.times_up.isVisible() and c.audience.times_up.text() == "时间到"
    assert c.audience.clock.text() == "0"


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
