"""首页: the learner's front door — their name big, what to do next one click away, this year's
学时 and reading; the administrator's tools in a quiet row at the foot."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from studyapp.services import attendance, roster, sessions
from studyapp.services.dto_records import PersonDraft, SessionDraft


def _home(window, qtbot):  # noqa: ANN001, ANN202
    from studyapp.ui.study.home import HomePage

    task = window.study.open_home()
    if task is not None:
        qtbot.waitUntil(lambda: isinstance(window.study.page, HomePage), timeout=5000)
    return window.study.page


def test_a_known_learner_is_one_click_from_the_first_question(qtbot, make_window, seeded_ctx, tmp_path) -> None:
    window = make_window()
    person = roster.add_person(seeded_ctx, PersonDraft("王德伦", "乡党委"))
    detail = sessions.create_session(seeded_ctx, SessionDraft(
        date=f"{__import__('datetime').date.today().year}-04-15", mode="集中学习", place="乡政府二楼会议室",
        leader="王德伦", host="王德伦", hours=2))
    attendance.set_expected(seeded_ctx, detail.id, person_ids=[person.id])
    attendance.mark_all_present(seeded_ctx, detail.id)
    window.study.set_person(roster.get_person(seeded_ctx, person.id))
    part = next(s.id for s in window.reader.view.sections if s.label == "三、")
    window.reader.show_section(part)  # where the learner left off (its practice has 单选 and 判断)
    home = _home(window, qtbot)
    assert window.study.home_shown
    assert home.name_label.text() == "王德伦"
    assert "继续阅读" in home.read_button.text() and "三、" in home.read_button.text()
    assert "今天没有要复习的题" in home.review_button.text() and not home.review_button.isEnabled()
    shown = " ".join(w.text() for w in home.findChildren(type(home.name_label)))
    assert "2 / " in shown and "年学时（参加 1 次学习会）" in shown
    home.resize(1000, 640)
    home.grab().save(str(tmp_path / "home.png"))
    # click 1: 练习本节 — the practice of the section being read opens on its first question
    from studyapp.ui.study.practice import PracticePage

    home.practise_button.click()
    qtbot.waitUntil(lambda: isinstance(window.study.page, PracticePage), timeout=5000)
    page = window.study.page
    QApplication.processEvents()
    assert page.question_view.isVisible() and page.position == 0  # the first question, on screen
    # click 2: a click on an option of a 单选/判断 answers it (a 多选 waits for 确定)
    from PySide6.QtCore import Qt

    first = next(i for i, q in enumerate(page.questions) if q.type in ("single", "judge"))
    page.show_question(first)
    qtbot.mouseClick(page.question_view.rows[0], Qt.MouseButton.LeftButton)
    assert page.is_answered(page.position) and page.feedback.isVisible()


def test_without_a_learner_the_front_door_asks_who(qtbot, make_window) -> None:
    window = make_window()
    window.study.person = None
    home = _home(window, qtbot)
    assert home.name_label.text() == "还没有选择学习者"
    home.choose_button.click()
    from studyapp.ui.study.learner import WhoDialog

    assert isinstance(window.study.dialog, WhoDialog)
    window.study.dialog.reject()


def test_the_administrators_tools_are_at_the_foot(qtbot, make_window) -> None:
    window = make_window()
    window.study.person = None
    home = _home(window, qtbot)
    home.admin_buttons["records"].click()
    assert window.records_window.isVisible()
    home.read_button.click()
    assert not window.study.home_shown and window.study.stack.currentIndex() == 0
