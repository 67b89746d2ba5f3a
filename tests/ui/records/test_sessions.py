"""学习会: the seed's session is listed, a new one is created from the form, a bad date explained,
the latest session reopened, unsaved typing saved or asked about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from studyapp.services import attendance, sessions
from tests.ui.records.conftest import list_row


def test_the_seed_session_is_listed_on_first_start(records, settle) -> None:
    panel = records.show_page("sessions")
    assert panel.table.rowCount() == 1
    assert list_row(panel, 0)[:4] == ["2015-04-15", "集中学习", "乡政府二楼会议室", "王德伦"]
    # issue 10: the form opens on a new session, not on the sample one
    assert panel.current_id is None and panel.heading.full_text() == "新建学习会"
    assert panel.form.place.text() == ""
    panel.select_session(panel.infos[0].id)
    settle()  # (read on the worker)
    assert panel.form.place.text() == "乡政府二楼会议室"
    assert panel.form.leader.text() == "王德伦"
    assert "2015-04-15" in panel.heading.full_text()


def test_create_a_session_from_the_form(qtbot, records, type_text, settle) -> None:
    panel = records.show_page("sessions")
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert not panel.tabs.isTabEnabled(1)  # 考勤 once saved
    form = panel.form
    form.date.edit.clear()
    form.date.edit.setFocus()
    type_text(form.date.edit, "2015年5月20日")
    form.date.normalize()
    assert form.date.text() == "2015-05-20"  # office style understood, shown plainly
    qtbot.keyClicks(form.start, "9:00")
    qtbot.keyClicks(form.end, "11:30")
    form.mode.setCurrentText("专题辅导")
    type_text(form.place, "党员活动室")
    type_text(form.leader, "李红梅")
    type_text(form.summary, "王德伦：要带头学法。")
    assert form.dirty
    with qtbot.waitSignal(panel.sessionSaved, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert panel.table.rowCount() == 2
    assert list_row(panel, 0)[:4] == ["2015-05-20", "专题辅导", "党员活动室", "李红梅"]
    assert panel.tabs.isTabEnabled(1) and panel.tabs.isTabEnabled(2)
    detail = sessions.get_session_detail(records.ctx, panel.current_id)
    assert detail.effective_hours == 2.5 and detail.summary == "王德伦：要带头学法。"
    assert "2.5 学时" in form.hours_hint.text()


def test_a_bad_date_is_explained_and_nothing_is_stored(qtbot, records, type_text) -> None:
    panel = records.show_page("sessions")
    panel.new_session()
    panel.form.date.edit.clear()
    type_text(panel.form.date.edit, "上周三")
    assert not panel.form.save()  # refused as typed: nothing sent to be stored
    assert "无法识别日期" in panel.form.error.text()
    assert len(sessions.list_sessions(records.ctx)) == 1


def test_opened_afresh_the_latest_worked_on_session_is_one_menu_from_its_sign_in_sheet(
        qtbot, make_window, seeded_ctx, settle) -> None:  # noqa: ANN001
    """From the 首页: 学习记录, 打印, 签到表 — three clicks to the sheet of the latest session."""
    from studyapp.services import roster, sessions
    from studyapp.services.dto_records import PersonDraft, SessionDraft

    older = sessions.create_session(seeded_ctx, SessionDraft(date="2015-05-20", mode="集中学习", place="会议室"))
    latest = sessions.create_session(seeded_ctx, SessionDraft(date="2015-06-18", mode="专题辅导", place="党员活动室"))
    person = roster.add_person(seeded_ctx, PersonDraft("王德伦", "乡党委"))
    for s in (older, latest):
        attendance.set_expected(seeded_ctx, s.id, person_ids=[person.id])
    window = make_window()
    records = window.open_records("sessions")
    panel = records.pages["sessions"]
    settle()
    assert panel.current_id == latest.id and "2015-06-18" in panel.heading.full_text()


def test_leaving_unsaved_typing_with_save_stores_it_then_goes_on(qtbot, records, type_text, settle,
                                                                 monkeypatch) -> None:  # noqa: ANN001
    """保存 in 「修改还没有保存」: the typing is stored on the worker, then the chosen session is
    shown — never the other way round, and nothing typed is lost."""
    from PySide6.QtWidgets import QMessageBox

    from studyapp.services.dto_records import SessionDraft

    other = sessions.create_session(records.ctx, SessionDraft(date="2015-05-20", mode="集中学习", place="会议室"))
    panel = records.show_page("sessions")
    panel.refresh()
    settle()
    first = next(s.id for s in panel.infos if s.id != other.id)
    panel.select_session(first)
    settle()
    panel.form.place.clear()
    type_text(panel.form.place, "乡政府三楼会议室")
    assert panel.form.dirty
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Save)
    panel.table.selectRow(panel._row_of(other.id))
    settle()
    assert sessions.get_session_detail(records.ctx, first).place == "乡政府三楼会议室"
    assert panel.current_id == other.id and panel.form.place.text() == "会议室" and not panel.form.dirty


@pytest.mark.parametrize("choice", ["Save", "Discard"])
def test_closing_the_window_with_unsaved_typing_asks_and_then_closes(qtbot, records, type_text, settle,
                                                                    monkeypatch, choice) -> None:  # noqa: ANN001
    """Closing 学习记录 with unsaved typing asks 「要保存吗？」; 保存 stores it and then closes the
    window, 不保存 closes at once (the question was asked with no way to go on: the close raised
    TypeError and the window stayed)."""
    from PySide6.QtWidgets import QMessageBox

    panel = records.show_page("sessions")
    panel.refresh()
    settle()
    first = panel.infos[0].id
    panel.select_session(first)
    settle()
    panel.form.place.clear()
    type_text(panel.form.place, "乡政府三楼会议室")
    assert panel.form.dirty
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: getattr(QMessageBox.StandardButton, choice))
    records.close()
    settle()
    qtbot.waitUntil(lambda: not records.isVisible(), timeout=5000)
    stored = sessions.get_session_detail(records.ctx, first).place
    assert stored == ("乡政府三楼会议室" if choice == "Save" else "乡政府二楼会议室")


def test_a_session_changed_on_another_pc_meanwhile_asks_before_anything_is_overwritten(
        qtbot, records, type_text, settle) -> None:  # noqa: ANN001
    """The form read the session; another PC (here another context on the same records) saved a
    change; this form's 保存 is refused and the user asked: 重新载入 shows theirs, 仍然保存 puts
    this form's typing over it."""
    panel = records.show_page("sessions")
    sid = panel.infos[0].id
    panel.select_session(sid)
    settle()
    _changed_on_another_pc(records.ctx.data_dir, sid, recorder="李红梅")
    panel.form.place.clear()
    type_text(panel.form.place, "乡政府三楼会议室")
    panel.form.save()
    settle()
    qtbot.waitUntil(lambda: getattr(panel, "conflict_box", None) is not None, timeout=5000)
    box = panel.conflict_box
    assert "已被别人" in box.text() and panel.form.state_label.text().startswith("未保存")
    assert sessions.get_session_detail(records.ctx, sid).place == "乡政府二楼会议室"  # nothing written
    [reload_button] = [b for b in box.buttons() if b.text().startswith("重新载入")]
    reload_button.click()
    settle()
    assert panel.form.recorder.text() == "李红梅" and panel.form.place.text() == "乡政府二楼会议室"
    assert not panel.form.dirty
    # the other way: this form's typing over theirs, having been asked
    _changed_on_another_pc(records.ctx.data_dir, sid, host="陈志强")
    panel.form.place.clear()
    type_text(panel.form.place, "乡政府三楼会议室")
    panel.conflict_box = None
    panel.form.save()
    settle()
    qtbot.waitUntil(lambda: panel.conflict_box is not None, timeout=5000)
    [keep] = [b for b in panel.conflict_box.buttons() if b.text().startswith("仍然保存")]
    keep.click()
    settle()
    stored = sessions.get_session_detail(records.ctx, sid)
    assert stored.place == "乡政府三楼会议室" and stored.host != "陈志强" and not panel.form.dirty  # (theirs overwritten, as the button said)


def _changed_on_another_pc(data_dir, session_id: int, **fields: str) -> None:  # noqa: ANN001
    """Another PC (another context on the same records) saves a change to the session."""
    from dataclasses import replace

    from studyapp.services.context import AppContext

    other = AppContext(data_dir)
    try:
        theirs = sessions.get_session_detail(other, session_id)
        sessions.update_session(other, session_id, replace(sessions.draft_of(theirs), **fields),
                                expected_version=theirs.version)
    finally:
        other.close()


def test_a_long_list_is_read_as_it_is_scrolled(qtbot, records, people, seeded_ctx, settle) -> None:
    """An office with years of sessions: the list opens on the first page with the number of
    all of them, on the latest session with attendance even below that page, and reads the
    rest as it is scrolled down to."""
    from studyapp.services.dto_records import SessionDraft
    from studyapp.ui.records.ops import SESSION_PAGE

    made = [sessions.create_session(seeded_ctx, SessionDraft(date=f"2020-{1 + d // 28:02d}-{1 + d % 28:02d}",
                                                             mode="集中学习")).id
            for d in range(SESSION_PAGE + 30)]
    [person] = people(1)
    attendance.set_expected(seeded_ctx, made[5], person_ids=[person])  # (far below the first page)
    panel = records.show_page("sessions")
    panel._opened = False  # (as a window opened afresh)
    panel.refresh()
    settle()
    assert panel.count_label.text() == f"共 {SESSION_PAGE + 31} 次学习会"
    assert panel.current_id == made[5] and panel.table.rowCount() > SESSION_PAGE
    assert selected_row_id(panel) == made[5]


def test_the_rest_of_a_long_list_is_read_when_scrolled_to(qtbot, records, seeded_ctx, settle) -> None:
    from studyapp.services.dto_records import SessionDraft
    from studyapp.ui.records.ops import SESSION_PAGE

    made = [sessions.create_session(seeded_ctx, SessionDraft(date=f"2020-{1 + d // 28:02d}-{1 + d % 28:02d}",
                                                             mode="集中学习")).id
            for d in range(SESSION_PAGE + 30)]
    panel = records.show_page("sessions")
    panel.refresh()
    settle()
    assert panel.table.rowCount() == SESSION_PAGE and panel.current_id is None
    assert panel.count_label.text() == f"共 {SESSION_PAGE + 31} 次学习会"
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.table.rowCount() == SESSION_PAGE + 31, timeout=10000)
    assert list_row(panel, SESSION_PAGE + 30)[0] == "2015-04-15"  # the seed's, oldest, last
    assert [s.id for s in panel.infos][:2] == [made[-1], made[-2]]


def selected_row_id(panel) -> int | None:  # noqa: ANN001
    from studyapp.ui.records.common import selected_data

    return selected_data(panel.table)


def test_the_session_form_fits_the_page_at_1024(qtbot, seeded_ctx, seed_session, settle) -> None:
    """At 1024×768 the 学习会 page shows its list whole and the form without a horizontal scroll
    bar: the date reads whole (「2015-04-15」, not 「·05」), a long document title is elided in the
    heading (whole in its tooltip) rather than pushing the list into a scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    from studyapp.ui.records.window import RecordsWindow

    window = RecordsWindow(seeded_ctx)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("sessions")
    settle()
    panel = window.sessions
    panel.table.selectRow(0)
    settle()
    scroll = panel.form.findChild(QScrollArea)
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    edit = panel.form.date.edit
    assert edit.width() >= edit.fontMetrics().horizontalAdvance("2015-04-15") + 12
    assert not panel.table.horizontalScrollBar().isVisible()
    assert "遵义" in panel.heading.full_text() and panel.heading.toolTip() == panel.heading.full_text()
    assert panel.heading.fontMetrics().horizontalAdvance(panel.heading.text()) <= panel.heading.width()
    # 考勤 and 成绩: the order switch shows its whole names (「册顺」「氏笔」 before)
    for tab in (1, 2):
        panel.tabs.setCurrentIndex(tab)
        settle()
        switch = (panel.attendance if tab == 1 else panel.scores).order
        for button in switch.buttons.values():
            assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()) + 16
    window.runner.shutdown()
