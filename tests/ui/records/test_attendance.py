"""考勤 for a room of thirty, marked by hand and imported from the tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studyapp.services import attendance, sessions
from studyapp.ui.records.attendance import STATUS_COL
from tests.ui.records.conftest import list_row


def test_mark_attendance_for_a_room_of_thirty(qtbot, records, people, seed_session, settle) -> None:
    people(30)
    panel = records.show_page("sessions")
    panel.select_session(seed_session)
    settle()
    panel.tabs.setCurrentIndex(1)
    att = panel.attendance
    settle()
    qtbot.mouseClick(att.add_button, Qt.MouseButton.LeftButton)  # 全体在册人员
    settle()  # (stored, then read again, on the worker)
    assert att.expected == 30 and att.attended == 0
    qtbot.mouseClick(att.all_present, Qt.MouseButton.LeftButton)
    settle()
    assert att.statuses() == ["出席"] * 30
    assert "应到 <b>30</b> 人" in att.counts.text() and "实到 <b>30</b> 人" in att.counts.text()

    # keys: 2 = 请假 and on to the next person, 3 = 缺席, space cycles
    att.table.setFocus()
    att.table.setCurrentCell(3, STATUS_COL)
    QTest.keyClick(att.table, Qt.Key.Key_2)
    QTest.keyClick(att.table, Qt.Key.Key_3)
    assert att.statuses()[3:5] == ["请假", "缺席"]  # shown at once, stored on the worker
    assert att.table.currentRow() == 5
    QTest.keyClick(att.table, Qt.Key.Key_Space)  # 出席 → 请假
    # a click on the 考勤 cell cycles too: 出席 → 请假 → 缺席 → 迟到
    rect = att.table.visualRect(att.table.model().index(10, STATUS_COL))
    for _ in range(3):
        QTest.mouseClick(att.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert att.statuses()[5] == "请假" and att.statuses()[10] == "迟到"
    assert att.expected == 30 and att.attended == 27  # 迟到 counts as 实到
    assert "实到 <b>27</b> 人" in att.counts.text()
    assert "请假 2" in att.detail_counts.text() and "迟到 1" in att.detail_counts.text()
    assert list_row(panel, 0)[4:] == ["30", "27"]  # the list follows the marks

    att.table.item(3, 5).setText("到县里开会")  # a reason typed in place
    settle()
    assert att.statuses()[3:5] == ["请假", "缺席"] and att.statuses()[10] == "迟到"  # no read undid a mark
    stored = {a.person_id: a for a in attendance.sheet(records.ctx, seed_session)}
    pid = att.rows[3].person_id
    assert stored[pid].status == "leave" and stored[pid].reason == "到县里开会"
    assert sessions.get_session(records.ctx, seed_session).present == 27


def test_attendance_is_imported_from_the_tab(qtbot, records, people, seed_session, tmp_path, monkeypatch,
                                            settle) -> None:  # noqa: ANN001
    """Issue 10: the 考勤 tab had no import. 导入考勤… reads a sheet (all or nothing) and names the
    expected people it leaves out, who stay 应到."""
    from PySide6.QtWidgets import QMessageBox

    from studyapp.services import roster

    people(5)
    names = [p.name for p in roster.list_people(records.ctx)]
    panel = records.show_page("sessions")
    panel.select_session(seed_session)
    panel.tabs.setCurrentIndex(1)
    att = panel.attendance
    settle()
    qtbot.mouseClick(att.add_button, Qt.MouseButton.LeftButton)
    settle()
    expected = att.expected
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    sheet = tmp_path / "考勤.csv"
    sheet.write_text("姓名,状态,原因\n" + f"{names[0]},出席,\n{names[1]},请假,外出培训\n", encoding="utf-8")
    with qtbot.waitSignal(att.imported, timeout=10000) as got:
        att.import_file(sheet)
    settle()
    assert got.args[0].stored == 2
    assert att.expected == expected  # nobody dropped from 应到
    assert shown and "未登记考勤" in shown[0] and names[2] in shown[0]
    bad = tmp_path / "错.csv"
    bad.write_text("姓名,状态\n没有这人,出席\n", encoding="utf-8")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warned.append(text)))
    att.import_file(bad)
    settle()
    assert warned and "第 2 行" in warned[0]
    panel.window().resize(1024, 700)
    panel.window().grab().save(str(tmp_path / "attendance.png"))
    assert att.import_button.isVisible() and att.import_button.geometry().right() <= att.width()


def _press(box, text: str) -> None:  # noqa: ANN001 - a QMessageBox
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_a_mark_another_pc_changed_meanwhile_is_shown_and_asked_never_overwritten(
        qtbot, records, people, seed_session, settle) -> None:  # noqa: ANN001
    """Issue 16: another PC marks 李红梅 请假（生病） after this window read the sheet. Her 缺席
    typed here is refused: the sheet shows the other PC's 请假, a question names it and asks
    「仍然改为“缺席”」; keeping theirs stores nothing, choosing mine stores it (checked against
    the mark just read)."""
    from studyapp.services.context import AppContext

    people(6)
    panel = records.show_page("sessions")
    panel.select_session(seed_session)
    panel.tabs.setCurrentIndex(1)
    att = panel.attendance
    settle()
    qtbot.mouseClick(att.add_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.mouseClick(att.all_present, Qt.MouseButton.LeftButton)
    settle()
    a = att.rows[2]
    other = AppContext(records.ctx.data_dir)  # the second PC
    try:
        [theirs] = [r for r in attendance.sheet(other, seed_session) if r.person_id == a.person_id]
        attendance.mark(other, seed_session, a.person_id, "leave", "生病", expected_version=theirs.version)
    finally:
        other.close()

    att.table.setFocus()
    att.table.setCurrentCell(2, STATUS_COL)
    QTest.keyClick(att.table, Qt.Key.Key_3)  # 缺席, over a mark this window has not seen
    settle()
    box = att.conflict_box
    assert box is not None and box.isVisible()
    assert f"{a.name}的考勤已被别人（另一台电脑或命令行）改为“请假（生病）”" in box.text()
    assert "仍然改为“缺席”吗？" in box.text()
    assert att.statuses()[2] == "请假" and att.rows[2].reason == "生病"  # the other PC's mark, shown
    stored = {r.person_id: r for r in attendance.sheet(records.ctx, seed_session)}
    assert stored[a.person_id].status == "leave"  # nothing of the refused mark

    _press(box, "保留别人的修改")
    settle()
    assert att.statuses()[2] == "请假"
    assert {r.person_id: r.status for r in attendance.sheet(records.ctx, seed_session)}[a.person_id] == "leave"

    # once more, and this time the user's mark is put over the other one
    other = AppContext(records.ctx.data_dir)
    try:
        attendance.mark(other, seed_session, a.person_id, "late", expected_version=att.rows[2].version)
    finally:
        other.close()
    att.table.setCurrentCell(2, STATUS_COL)
    QTest.keyClick(att.table, Qt.Key.Key_Space)  # (the row still at 请假 here: → 缺席)
    settle()
    box = att.conflict_box
    assert box is not None and box.isVisible() and "改为“迟到”" in box.text()
    assert att.statuses()[2] == "迟到"
    _press(box, "仍然改为“缺席（生病）”")  # (cycling keeps the reason the row had here)
    settle()
    assert att.statuses()[2] == "缺席"
    assert {r.person_id: r.status for r in attendance.sheet(records.ctx, seed_session)}[a.person_id] == "absent"


def _attendance_tab(qtbot, records, people, seed_session, settle, count: int):  # noqa: ANN001, ANN202
    people(count)
    panel = records.show_page("sessions")
    panel.select_session(seed_session)
    panel.tabs.setCurrentIndex(1)
    att = panel.attendance
    settle()
    qtbot.mouseClick(att.add_button, Qt.MouseButton.LeftButton)
    settle()
    return att


def _on_another_pc(records, act) -> None:  # noqa: ANN001
    from studyapp.services.context import AppContext

    other = AppContext(records.ctx.data_dir)  # the second PC
    try:
        act(other)
    finally:
        other.close()


def test_removing_someone_another_pc_marked_meanwhile_asks_first(qtbot, records, people, seed_session, settle,
                                                                 monkeypatch) -> None:  # noqa: ANN001
    """移出名单 of 李红梅 after another PC marked her 请假（生病）: nobody is removed, the sheet
    shows the other PC's mark and asks 「仍然把“…”移出名单」; keeping theirs leaves her there,
    choosing to remove removes her (at the version just read)."""
    from PySide6.QtWidgets import QMessageBox

    att = _attendance_tab(qtbot, records, people, seed_session, settle, 4)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes))
    a = att.rows[1]
    _on_another_pc(records, lambda other: attendance.mark(other, seed_session, a.person_id, "leave", "生病",
                                                          expected_version=a.version))
    att.table.setCurrentCell(1, STATUS_COL)
    att.remove_selected()
    settle()
    box = att.conflict_box
    assert box is not None and box.isVisible()
    name = a.display_name or a.name
    assert f"{a.name}的考勤已被改为“请假（生病）”" in box.text() and "没有移出名单" in box.text()
    assert f"仍然把“{name}”移出名单吗？" in box.text()
    assert att.expected == 4 and att.statuses()[1] == "请假"  # the other PC's mark, shown; nobody removed
    _press(box, "保留别人的修改")
    settle()
    assert a.person_id in {r.person_id for r in attendance.sheet(records.ctx, seed_session)}

    att.table.setCurrentCell(1, STATUS_COL)
    att.remove_selected()  # (from the sheet as read again: no question)
    settle()
    assert att.expected == 3 and a.person_id not in {r.person_id for r in att.rows}

    b = att.rows[0]
    _on_another_pc(records, lambda other: attendance.mark(other, seed_session, b.person_id, "late",
                                                          expected_version=b.version))
    att.table.setCurrentCell(0, STATUS_COL)
    att.remove_selected()
    settle()
    _press(att.conflict_box, f"仍然把“{b.display_name or b.name}”移出名单")
    settle()
    assert att.expected == 2
    assert b.person_id not in {r.person_id for r in attendance.sheet(records.ctx, seed_session)}


def test_all_present_after_another_pc_marked_someone_overwrites_nobody_unasked(
        qtbot, records, people, seed_session, settle) -> None:  # noqa: ANN001
    """全部出席 from a sheet read before another PC marked 第一人 请假: nobody is marked, the
    sheet shows the other PC's mark and asks; keeping theirs marks nobody, 「仍然把这些人记为
    “出席”」 marks everyone the sheet had shown unmarked, the other PC's 请假 included."""
    att = _attendance_tab(qtbot, records, people, seed_session, settle, 5)
    a = att.rows[0]
    _on_another_pc(records, lambda other: attendance.mark(other, seed_session, a.person_id, "leave", "生病",
                                                          expected_version=a.version))
    qtbot.mouseClick(att.all_present, Qt.MouseButton.LeftButton)
    settle()
    box = att.conflict_box
    assert box is not None and box.isVisible()
    assert f"{a.name}的考勤已被改为“请假（生病）”" in box.text() and "全部出席没有保存" in box.text()
    assert att.statuses() == ["请假"] + ["未登记"] * 4  # nobody marked; the other PC's mark shown
    _press(box, "保留别人的修改")
    settle()
    assert att.statuses() == ["请假"] + ["未登记"] * 4
    assert [r.status for r in attendance.sheet(records.ctx, seed_session)].count("present") == 0

    b = att.rows[1]  # once more (the sheet now read again), and this time 出席 is put over theirs
    _on_another_pc(records, lambda other: attendance.mark(other, seed_session, b.person_id, "absent",
                                                          expected_version=b.version))
    qtbot.mouseClick(att.all_present, Qt.MouseButton.LeftButton)
    settle()
    box = att.conflict_box
    assert box is not None and box.isVisible() and f"{b.name}的考勤已被改为“缺席”" in box.text()
    assert att.statuses() == ["请假", "缺席", "未登记", "未登记", "未登记"]
    _press(box, "仍然把这些人记为“出席”")
    settle()
    assert att.statuses() == ["请假", "出席", "出席", "出席", "出席"]  # (第一人's 请假 was not on the sheet's list)
    stored = {r.person_id: r.status for r in attendance.sheet(records.ctx, seed_session)}
    assert stored[a.person_id] == "leave" and stored[b.person_id] == "present"
