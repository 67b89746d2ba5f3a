"""The 学习记录 menu of the main window, and the 试题分析 link into the 题库."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from studyapp.services import attendance, bank, scores, sessions


def test_records_menu_opens_one_window_on_the_chosen_page(qtbot, window, settle) -> None:
    from studyapp.ui.records.window import RecordsWindow

    [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "学习记录(&R)"]
    texts = [a.text() for a in menu.actions()]
    assert texts == ["人员名单…", "学习会…", "学时台账…"]
    menu.actions()[1].trigger()
    records = window.records_window
    assert isinstance(records, RecordsWindow) and records.isVisible()
    assert records.built_pages() == []  # (the window is painted first, its page built right after)
    qtbot.waitUntil(lambda: records.built_pages() == ["sessions"], timeout=5000)  # the others when first shown
    assert records.current_page() is records.sessions
    settle()
    assert records.sessions.table.item(0, 0).text() == "2015-04-15"
    assert not records.sessions._attendance_page.built  # 考勤 and 成绩 too
    records.sessions.select_session(records.sessions.infos[0].id)
    qtbot.waitUntil(lambda: records.sessions.current_id is not None, timeout=10000)
    assert not records.sessions._attendance_page.built
    records.sessions.tabs.setCurrentIndex(1)
    settle()
    assert records.sessions._attendance_page.built and not records.sessions._scores_page.built
    assert records.sessions.attendance.session_id == records.sessions.current_id is not None
    menu.actions()[2].trigger()
    assert window.records_window is records  # raised, not opened twice
    qtbot.waitUntil(lambda: records.built_pages() == ["sessions", "hours"], timeout=5000)
    assert records.current_page() is records.hours
    records.close()


def test_item_analysis_flags_and_links_to_the_bank(qtbot, window, people, settle) -> None:
    from studyapp.ui.records.window import open_records

    ctx = window.ctx
    doc = window.reader.document_id
    bank.generate_for_document(ctx, doc)
    questions = [q.id for q in bank.list_questions(ctx, doc)][:3]
    ids = people(12)
    [session] = [s.id for s in sessions.list_sessions(ctx)]
    attendance.set_expected(ctx, session)
    for i, pid in enumerate(ids):
        strong = i < 6
        # the strong half misses question 3, the weak half gets it: a suspicious item
        answers = [{"q": questions[0], "r": 1 if strong else 0}, {"q": questions[1], "r": 1},
                   {"q": questions[2], "r": 0 if strong else 1}]
        scores.set_score(ctx, session, pid, 90 - i * 3, answers=answers)

    records = open_records(window, "sessions")
    records.sessions.select_session(session)
    records.sessions.tabs.setCurrentIndex(2)
    settle()
    items = records.sessions.scores.items
    assert items.rowCount() == 3
    assert items.item(2, 3).text()  # flagged with a short Chinese note
    button = items.cellWidget(2, 4)
    assert isinstance(button, QPushButton) and button.text() == "在题库中查看"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    bank_window = window.bank_windows[doc]
    settle()
    assert bank_window.isVisible()
    assert bank_window.tree.current_question_id() == questions[2]
    bank_window.close()
    records.close()



def test_f5_reads_what_another_pc_saved(qtbot, records, seed_session, settle) -> None:
    """On a shared database another PC's saves show when a page is read again: 记录 → 刷新 (F5)
    reads every page now — the 人员名单, the 学习会 list, the chosen session's 考勤."""
    from PySide6.QtGui import QKeySequence

    from studyapp.services import roster
    from studyapp.services.context import AppContext
    from studyapp.services.dto_records import PersonDraft, SessionDraft

    assert records.refresh_action.shortcut() == QKeySequence("F5")
    records.show_page("sessions")
    records.sessions.select_session(seed_session)
    qtbot.waitUntil(lambda: records.sessions.current_id == seed_session, timeout=10000)
    settle()
    before_rows = records.sessions.table.rowCount()
    other = AppContext(records.ctx.data_dir)  # the second PC
    try:
        person = roster.add_person(other, PersonDraft("韦其他", "财政所", "干事")).id
        sessions.create_session(other, SessionDraft(date="2015-05-20", mode="集中学习", place="村委会"))
        attendance.set_expected(other, seed_session, person_ids=[person])
    finally:
        other.close()
    settle()
    assert "韦其他" not in records.roster.names()
    records.refresh_action.trigger()
    settle()
    assert "韦其他" in records.roster.names()
    assert records.sessions.table.rowCount() == before_rows + 1
    att = records.sessions.attendance
    assert "韦其他" in {att.table.item(r, c).text() for r in range(att.table.rowCount())
                        for c in range(att.table.columnCount()) if att.table.item(r, c) is not None}
    assert "已刷新" in records.statusBar().currentMessage()
