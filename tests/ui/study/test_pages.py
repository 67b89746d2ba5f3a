"""The frame every self-study page shares: a title and an info line, a card no wider than a
readable line, a button row, keys that work while the focus is anywhere on the page and only
then, and the controller's hooks (leaving saves first; a plain page leaves nothing open)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from studyapp.ui.study.pages import CARD_MAX_WIDTH, StudyPage


class Page(StudyPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("练习：一、总体要求", parent)
        self.saved = 0
        self.field = QLineEdit(self.card)
        self.body.addWidget(self.field)
        self.buttons.addWidget(QPushButton("确定", self))

    def about_to_leave(self) -> None:
        self.saved += 1


def test_the_frame_and_its_hooks(qtbot) -> None:  # noqa: ANN001
    page = Page()
    qtbot.addWidget(page)
    page.resize(1600, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.title_label.text() == "练习：一、总体要求" and page.info_label.text() == ""
    assert page.card.width() <= CARD_MAX_WIDTH < page.width()  # a wide screen gets margins
    assert (page.return_text, page.is_exam, page.in_progress(), page.leave_text()) == ("返回", False, False, "")
    page.stop()
    assert page.saved == 1  # thrown away: what was typed is saved first
    page.activate()
    qtbot.waitUntil(page.hasFocus)


def test_a_pages_keys_work_only_while_the_focus_is_on_it(qtbot) -> None:  # noqa: ANN001
    window = QWidget()
    qtbot.addWidget(window)
    page = Page(window)
    elsewhere = QLineEdit(window)
    elsewhere.move(0, 650)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    pressed: list[str] = []
    page.key(Qt.Key.Key_F5, lambda: pressed.append("F5"))
    page.field.setFocus()
    qtbot.waitUntil(page.field.hasFocus)
    QTest.keyClick(page.field, Qt.Key.Key_F5)
    assert pressed == ["F5"]  # in a child of the page
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    QTest.keyClick(elsewhere, Qt.Key.Key_F5)
    assert pressed == ["F5"]  # outside the page: not its key
