"""成绩 typed like a spreadsheet, with live statistics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from studyapp.services import attendance, scores
from studyapp.ui.records.scores import SCORE_COL


def test_scores_typed_down_the_column_update_the_statistics(qtbot, records, people, seed_session, settle) -> None:
    ids = people(8)
    attendance.set_expected(records.ctx, seed_session)
    panel = records.show_page("sessions")
    panel.select_session(seed_session)
    panel.tabs.setCurrentIndex(2)
    sc = panel.scores
    settle()
    assert sc.table.rowCount() == 8
    assert sc.stat_values["count"].text() == "0"

    with qtbot.waitActive(records):
        records.activateWindow()
    sc.table.setFocus()
    sc.table.setCurrentCell(0, SCORE_COL)
    QTest.keyClick(sc.table, Qt.Key.Key_Return)  # Enter starts typing in the cell
    for row, typed in enumerate(("90", "80", "55", "缺考")):
        [editor] = [e for e in sc.table.viewport().findChildren(QLineEdit) if e.isVisible()]
        if typed.isascii():
            QTest.keyClicks(editor, typed)
        else:
            editor.setText(typed)  # as an input method delivers it
        QTest.keyClick(editor, Qt.Key.Key_Return)  # stores and moves down, like a spreadsheet
        qtbot.waitUntil(lambda r=row: sc.table.currentRow() == r + 1 and sc.table.state() == sc.table.State.EditingState)
    assert sc.table.currentRow() == 4
    settle()  # (each score stored on the worker, the statistics read again)
    got = {r.person_id: r.score for r in scores.session_scores(records.ctx, seed_session).rows}
    assert [got.get(i, "none") for i in ids[:5]] == [90, 80, 55, None, "none"]
    v = sc.stat_values
    assert [v[k].text() for k in ("count", "mean", "highest", "lowest")] == ["3", "75", "90", "55"]
    assert v["pass"].text() == "66.7%"
    assert sc.table.item(3, SCORE_COL).text() == "缺考"
    assert [sc.table.item(r, 4).text() for r in range(3)] == ["1", "2", "3"]  # 名次
    assert sum(b.count for b in sc.distribution.bands) == 3

    sc.table.closePersistentEditor(sc.table.item(4, SCORE_COL))
    sc.table.item(4, SCORE_COL).setText("一百")  # not a number: said so, nothing stored
    assert "不是数字" in sc.message.text()
    assert v["count"].text() == "3"


def test_a_changed_score_shows_its_history_as_a_tooltip(qtbot, records, seeded_ctx, people, seed_session,  # noqa: ANN001
                                                        settle) -> None:
    """(moved from test_window.py with the 操作记录 test it shared) the score cell of a score
    changed after it was first typed carries its history, as 操作记录 logged it."""
    ids = people(3)
    attendance.set_expected(seeded_ctx, seed_session, person_ids=ids)
    scores.set_score(seeded_ctx, seed_session, ids[0], 86)
    scores.set_score(seeded_ctx, seed_session, ids[0], 90)
    panel = records.sessions.scores
    panel.set_session(seed_session)
    settle()
    row = panel.person_ids.index(ids[0])
    tip = panel.table.item(row, 3).toolTip()
    assert "历次记录" in tip and "86 分 → 90 分" in tip
    assert panel.table.item(panel.person_ids.index(ids[1]), 3).toolTip() == ""  # (no score, no history)


def test_a_score_another_pc_entered_meanwhile_is_shown_and_asked_never_overwritten(
        qtbot, records, people, seed_session, settle) -> None:  # noqa: ANN001
    """Issue 16: another PC enters 85 for the first person after this window read the scores
    (none then). The 90 typed here is refused: the sheet shows 85, the line under the table
    and a question name it; 「仍然改为“90 分”」 stores the 90 over it."""
    from studyapp.services.context import AppContext

    ids = people(4)
    attendance.set_expected(records.ctx, seed_session)
    panel = records.show_page("sessions")
    panel.select_session(seed_session)
    panel.tabs.setCurrentIndex(2)
    sc = panel.scores
    settle()
    row = sc.person_ids.index(ids[0])
    name = sc.lines[row].name
    other = AppContext(records.ctx.data_dir)  # the second PC
    try:
        scores.set_score(other, seed_session, ids[0], 85, expected_version=0)
    finally:
        other.close()

    sc.table.item(row, SCORE_COL).setText("90")  # typed over a score this window has not seen
    settle()
    box = sc.conflict_box
    assert box is not None and box.isVisible()
    assert f"{name}的成绩已被别人（另一台电脑或命令行）改为“85 分”" in box.text()
    assert "仍然改为“90 分”吗？" in box.text()
    assert sc.table.item(row, SCORE_COL).text() == "85"  # the other PC's score, shown
    assert "未保存" in sc.message.text() and "85 分" in sc.message.text()
    assert {r.person_id: r.score for r in scores.session_scores(records.ctx, seed_session).rows} == {ids[0]: 85}

    [button] = [b for b in box.buttons() if b.text() == "仍然改为“90 分”"]
    button.click()
    settle()
    assert sc.table.item(row, SCORE_COL).text() == "90"
    assert {r.person_id: r.score for r in scores.session_scores(records.ctx, seed_session).rows} == {ids[0]: 90}
    # typed again at once, twice: each save follows the one before (no conflict with itself)
    sc.table.item(row, SCORE_COL).setText("91")
    sc.table.item(row, SCORE_COL).setText("92")
    settle()
    assert sc.conflict_box is box  # (no new question)
    assert {r.person_id: r.score for r in scores.session_scores(records.ctx, seed_session).rows} == {ids[0]: 92}


def test_at_1024_the_sheet_shows_each_unit_whole_beside_the_statistics(qtbot, records, people, seed_session,  # noqa: ANN001
                                                                      settle) -> None:
    """At 1024 px the session list and the statistics shared the room with the sheet, and its 单位
    column was squeezed to 「乡…」: the list drops 地点 and takes a third, the statistics their own
    width, and the sheet's columns fit without scrolling sideways."""
    people(12)
    attendance.set_expected(records.ctx, seed_session)
    records.resize(1024, 768)
    panel = records.show_page("sessions")
    panel.select_session(seed_session)
    panel.tabs.setCurrentIndex(2)
    settle()
    sheet = panel.scores.table
    header = sheet.horizontalHeader()
    assert header.sectionSize(2) >= sheet.fontMetrics().horizontalAdvance("农业服务中心")
    assert sum(header.sectionSize(c) for c in range(header.count())) <= sheet.viewport().width()
    listing = panel.table.horizontalHeader()
    shown = [c for c in range(listing.count()) if not listing.isSectionHidden(c)]
    assert sum(listing.sectionSize(c) for c in shown) <= panel.table.viewport().width()
    assert panel.scores.stat_values["count"].isVisible()
