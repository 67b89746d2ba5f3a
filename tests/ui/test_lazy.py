"""LazyPage: a tab's page is built when first shown (after the window is painted) or first
asked for, once."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from studyapp.ui.lazy import LazyPage


def test_a_page_is_built_once_when_asked_for(qtbot) -> None:
    made: list[QLabel] = []

    def build(parent):
        made.append(QLabel("页", parent))
        return made[-1]

    holder = LazyPage(build)
    qtbot.addWidget(holder)
    assert not holder.built and holder.if_built() is None and not made
    page = holder.page()
    assert holder.built and holder.if_built() is page and holder.page() is page and len(made) == 1
    assert page.parent() is holder


def test_a_hidden_tab_waits_and_a_shown_one_is_built_after_the_paint(qtbot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first = LazyPage(lambda parent: QLabel("第一页", parent))
    second = LazyPage(lambda parent: QLabel("第二页", parent))
    tabs.addTab(first, "一")
    tabs.addTab(second, "二")
    tabs.show()
    assert not first.built  # (shown: built on the next turn of the event loop, not inside show)
    qtbot.waitUntil(lambda: first.built, timeout=2000)
    assert not second.built
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: second.built, timeout=2000)
    assert second.page().text() == "第二页"
