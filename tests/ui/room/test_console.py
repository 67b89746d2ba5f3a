"""The presenter console: no control takes the keyboard (a clicker's keys always reach the
room), the answer and its source for the host's eyes only, what each mode shows, the buttons
driving the room, the countdown's controls, the contest's stakes only in the 风险题 round with
加分/扣分 and a log of every scoring, and a compact overlay on a low screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QListWidget

from tests.ui.room.conftest import key


def test_no_control_takes_the_keyboard_from_the_room(open_room, start_run) -> None:
    c = open_room(start_run("contest", teams=2))
    controls = c.console.findChildren(QAbstractButton) + c.console.findChildren(QListWidget)
    assert controls and all(w.focusPolicy() == Qt.FocusPolicy.NoFocus for w in controls)
    c.console.next_btn.click()
    key(c, Qt.Key.Key_PageDown)  # a clicker after a click on the console: still the room's
    assert c.index == 1


def test_the_answer_is_for_the_host_until_it_is_shown(open_room, start_run) -> None:
    c = open_room(start_run("quiz", count=3))
    q = c.questions[0]
    console = c.console
    assert q.stem[:8] in console.current.text() and "第 1/3 题" in console.current.text()
    assert f"答案：{q.answer_text}" in console.answer.text() and "（未公布）" in console.answer.text()
    assert "答案" not in c.audience.body.plain_text()  # the room does not see it
    assert console.next_item.text().startswith("第 2 题：")
    console.reveal_btn.click()
    assert console.reveal_btn.isChecked() and "（已公布）" in console.answer.text()
    assert f"答案：{q.answer_text}" in c.audience.body.plain_text()


def test_reading_has_no_answer_box_reveal_or_countdown(open_room, start_run) -> None:
    c = open_room(start_run("reading"))
    titles = [box.title() for box in c.console.findChildren(QGroupBox)]
    assert "当前" in titles and "下一项" in titles
    assert not any(t.startswith("答案") for t in titles) and "倒计时" not in titles
    assert c.console.reveal_btn.parent() is None or not c.console.reveal_btn.isVisible()
    assert "公布答案" not in c.console.keys.text() and "翻页" in c.console.keys.text()


def test_the_buttons_drive_the_room(open_room, start_run) -> None:
    c = open_room(start_run("quiz", count=3))
    console = c.console
    assert not console.prev_btn.isEnabled() and console.next_btn.isEnabled()
    console.next_btn.click()
    console.next_btn.click()
    assert c.index == 2 and not console.next_btn.isEnabled() and console.next_item.text() == "（已是最后一项）"
    console.prev_btn.click()
    assert c.index == 1
    console.blank_btn.click()
    assert c.audience.blanked and console.blank_btn.isChecked()
    console.blank_btn.click()
    assert not c.audience.blanked and not console.blank_btn.isChecked()


def test_the_countdown_controls(open_room, start_run) -> None:
    c = open_room(start_run("quiz", count=3, seconds=30))
    console = c.console
    console.seconds.setValue(45)
    assert c.seconds == 45 and c.countdown.remaining_ms == 45_000 and console.clock.text() == "45"
    console.timer_btn.click()
    assert c.countdown.running and console.timer_btn.text() == "暂停"
    console.timer_btn.click()
    assert not c.countdown.running and console.timer_btn.text() == "开始"
    console.reset_btn.click()
    assert c.countdown.remaining_ms == 45_000


def test_contest_stakes_adjustments_and_the_log(open_room, start_run) -> None:
    c = open_room(start_run("contest", teams=2))
    console = c.console
    stakes = list(console.stake_buttons.values())
    assert stakes and not any(b.isEnabled() for b in stakes)  # 必答: no stake to choose
    console.round_buttons["risk"].click()
    assert all(b.isEnabled() for b in stakes) and console.round_buttons["risk"].isChecked()
    first = c.setup.teams[0].id
    before = c.contest.scores[first]
    plus = next(b for b in console.findChildren(QAbstractButton) if b.text() == "加分")  # (the first team's row)
    plus.click()
    assert c.contest.scores[first] == before + 5
    assert console.log.count() >= 1 and "5" in console.log.item(console.log.count() - 1).text()
    assert console.undo_btn.isEnabled() and console.undo_btn.toolTip().startswith("撤销：")
    console.undo_btn.click()
    assert c.contest.scores[first] == before


def test_a_compact_console_drops_the_preview_and_the_keys(open_room, start_run) -> None:
    c = open_room(start_run("quiz", count=3))
    c.console.set_compact(True)
    assert c.console.next_box.isHidden() and c.console.keys.isHidden()
    c.console.set_compact(False)
    assert not c.console.next_box.isHidden() and not c.console.keys.isHidden()
