"""What the self-study screens share: times as people read them, points without a trailing .0,
labels that show typed text as text, a state a style sheet can see, buttons that never take the keyboard from the page's keys, and
questions and messages that do not block the event loop (the countdown keeps running) and
answer once, with the chosen button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from studyapp.ui.study.common import STUDY_STYLE, ask, button, label, mmss, points_text, set_state, tell, when_text


@pytest.mark.parametrize(("seconds", "shown"), [
    (None, "不限时"), (0, "00:00"), (0.2, "00:01"), (59.0, "00:59"), (1781, "29:41"), (5400, "90:00"), (-3, "00:00"),
])
def test_minutes_and_seconds(seconds: float | None, shown: str) -> None:
    assert mmss(seconds) == shown


def test_when_and_points_as_people_say_them() -> None:
    assert when_text("2015-04-15T10:32:09") == "4月15日 10:32"
    assert when_text("不是时间") == "不是时间" and when_text("") == ""
    assert [points_text(v) for v in (3, 3.0, 2.5, 0.25)] == ["3", "3", "2.5", "0.25"]


def test_a_state_the_style_sheet_sees_and_buttons_without_focus(qtbot) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(STUDY_STYLE)  # (parses without a Qt warning)
    row = label("<b>坚持</b>党的领导", "optionText", host)
    assert row.objectName() == "optionText" and row.wordWrap()
    assert row.textFormat().name == "PlainText"  # typed text is shown as text, never as markup
    set_state(row, "chosen", True)
    assert row.property("chosen") is True
    big = button("交卷", host, primary=True, tip="交卷后不能再改")
    small = button("标记", host, big=False)
    assert big.objectName() == "bigButton" and big.property("primary") and big.toolTip() == "交卷后不能再改"
    assert small.objectName() != "bigButton"
    assert all(b.focusPolicy().name == "NoFocus" for b in (big, small))


def test_a_question_answers_once_without_blocking(qtbot) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    ticks: list[int] = []
    timer = QTimer(host)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    said: list[str] = []
    box = ask(host, "交卷", "还有 3 题没有作答，确定交卷吗？", "交卷", "继续答题",
              lambda: said.append("yes"), lambda: said.append("no"))
    assert host.pending_box is box and box.isVisible()  # returned at once: the loop goes on
    qtbot.waitUntil(lambda: len(ticks) >= 2)  # the countdown keeps running while it is open
    box.yes_button.click()
    qtbot.waitUntil(lambda: said == ["yes"])
    other = ask(host, "离开", "要离开吗？", "离开", "留下", lambda: said.append("yes"), lambda: said.append("no"))
    next(b for b in other.buttons() if b.text() == "留下").click()
    qtbot.waitUntil(lambda: said == ["yes", "no"])
    timer.stop()


def test_a_message_is_kept_for_the_page_and_closes(qtbot) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    box = tell(host, "时间到", "考试时间已到，试卷已自动交卷。", warning=True)
    assert host.pending_box is box and box.icon() == QMessageBox.Icon.Warning and box.isVisible()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not box.isVisible())
