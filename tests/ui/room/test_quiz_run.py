"""集体测验 on one (offscreen) screen: the question without its key, A to show the answer and its
source, the countdown ending visibly."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.room.conftest import key


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
