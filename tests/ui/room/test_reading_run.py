"""集体领学 on one (offscreen) screen: pages turned with a clicker's keys, the sections shown long
enough recorded as studied, B to blank the screen, a long section paged within."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studyapp.services import room, sessions
from tests.ui.room.conftest import key


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
