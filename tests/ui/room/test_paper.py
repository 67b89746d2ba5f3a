"""纸质测验 score entry typed like a spreadsheet: letters grade at once, Enter moves on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studyapp.services import room, scores
from studyapp.ui.room.paper import FIRST_Q_COL, RIGHT_BG, WRONG_BG, PaperEntryWindow


def type_cell(table, text: str) -> None:
    """Type into the grid as a clerk does: the first key opens the cell, the rest go to it."""
    for ch in text:
        QTest.keyClicks(QApplication.focusWidget() or table, ch)
    QTest.keyClick(QApplication.focusWidget() or table, Qt.Key.Key_Return)
    QApplication.processEvents()  # the editor commits on a queued call, as in the real event loop


def open_grid(qtbot, ctx, run_id: int) -> PaperEntryWindow:  # noqa: ANN001
    """The score-entry window of a run, shown and active (typing goes to it)."""
    win = PaperEntryWindow(ctx, run_id)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    return win


def letter(item, right: bool) -> str:
    if item.type == "judge":
        return ("a" if item.answer else "b") if right else ("b" if item.answer else "a")
    keys = sorted(item.answer)
    if right:
        return "".join("abcd"[k] for k in keys)
    return "abcd"[(keys[0] + 1) % 4] if item.type == "single" else "abcd"[keys[0]]


def test_typing_letters_grades_totals_live_and_saves(qtbot, seeded_ctx, start_run, session_id) -> None:
    run_id = start_run("paper")
    win = open_grid(qtbot, seeded_ctx, run_id)
    table = win.table
    table.setFocus()
    items = win.sheet.items["A"]
    assert table.rowCount() == 6 and table.columnCount() == FIRST_Q_COL + len(items) + 1
    assert (table.currentRow(), table.currentColumn()) == (0, FIRST_Q_COL)

    type_cell(table, letter(items[0], True))  # right
    type_cell(table, letter(items[1], False))  # wrong
    assert (table.currentRow(), table.currentColumn()) == (0, FIRST_Q_COL + 2)  # Enter moved on
    first = table.item(0, FIRST_Q_COL)
    assert first.text() == letter(items[0], True).upper()
    assert first.background().color().name() == RIGHT_BG
    assert table.item(0, FIRST_Q_COL + 1).background().color().name() == WRONG_BG
    assert win.total_of(0) == f"{items[0].points:g}"
    assert "已录入 1/6 人" in win.summary.text()

    table.setCurrentCell(0, FIRST_Q_COL + len(items) - 1)  # the last question: Enter wraps
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert (table.currentRow(), table.currentColumn()) == (1, FIRST_Q_COL)

    # what was typed is stored as typed (on the window's worker, in order): a new window shows it again
    qtbot.waitUntil(lambda: not win.runner.busy)
    again = PaperEntryWindow(seeded_ctx, run_id)
    qtbot.addWidget(again)
    assert again.total_of(0) == f"{items[0].points:g}"

    with qtbot.waitSignal(win.saved, timeout=10000):
        qtbot.mouseClick(win.save_btn, Qt.MouseButton.LeftButton)
    got = scores.session_scores(seeded_ctx, session_id)
    [row] = [r for r in got.rows if r.score is not None]
    assert row.score == items[0].points and got.full_marks == win.sheet.full_marks


def test_variant_column_switches_the_key(qtbot, seeded_ctx, start_run) -> None:
    run_id = start_run("paper")
    win = open_grid(qtbot, seeded_ctx, run_id)
    table = win.table
    table.setFocus()
    table.setCurrentCell(2, 1)
    type_cell(table, "b")
    assert table.item(2, 1).text() == "B"
    pid = win.sheet.people[2].person_id
    qtbot.waitUntil(lambda: not win.runner.busy)
    assert room.paper_sheet(seeded_ctx, run_id).variant(pid) == "B"
    b_first = win.sheet.items["B"][0]
    table.setCurrentCell(2, FIRST_Q_COL)
    type_cell(table, letter(b_first, True))
    assert win.total_of(2) == f"{b_first.points:g}"


def test_what_was_typed_last_is_stored_when_the_window_closes(qtbot, seeded_ctx, start_run) -> None:
    """Cells are stored on the window's own worker; closing the window waits for them."""
    run_id = start_run("paper")
    win = open_grid(qtbot, seeded_ctx, run_id)
    first = win.sheet.items["A"][0]
    win.table.setFocus()
    win.table.setCurrentCell(0, FIRST_Q_COL)
    type_cell(win.table, letter(first, True))
    win.close()  # at once, the write perhaps still queued
    pid = win.sheet.people[0].person_id
    assert room.paper_sheet(seeded_ctx, run_id).cells.get((pid, 0), "").upper() == letter(first, True).upper()
