"""Reading in the main window: what a cadre sees and does with the seed document."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from studyapp.services import reading
from studyapp.services import settings as settings_service
from studyapp.ui.reader.outline import NOTE_MARK, READ_MARK


def _top_texts(window) -> list[str]:  # noqa: ANN001
    tree = window.outline
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_first_start_shows_parts_items_and_the_opening_text(window) -> None:  # noqa: ANN001
    tree = window.outline
    assert tree.topLevelItemCount() == 4
    assert sum(tree.topLevelItem(i).childCount() for i in range(4)) == 13
    tops = _top_texts(window)
    assert tops[0] == "一、全面推进依法治市的总体要求（0/3）"
    assert [t[:2] for t in tops] == ["一、", "二、", "三、", "四、"]
    assert tree.topLevelItem(3).child(1).text(0) == "13.优化司法职权配置"
    assert tree.currentItem().text(0) == "1.指导思想"

    text = window.pane.toPlainText()
    assert "中共遵义市委关于全面推进依法治市的实施意见" in text
    assert "2014年11月12日" in text  # adoption note
    for field in ("学习时间", "2015.4.15", "学习方式", "集中学习", "乡政府二楼会议室", "领学人", "王德伦"):
        assert field in text
    assert "指导思想" in text and "以马克思列宁主义" in text
    assert "原文在此处中断" not in text
    assert "遵义" in window.windowTitle()


def test_last_section_says_the_text_is_cut_off(window) -> None:  # noqa: ANN001
    last = window.reader.view.sections[-1]
    window.reader.show_section(last.id)
    assert "原文在此处中断" in window.pane.toPlainText()
    # a part page covers its children, so part 四 shows the notice as well
    window.reader.show_section(window.reader.view.sections[last.ordinal - 2].id)
    assert window.reader.section.label == "四、"
    text = window.pane.toPlainText()
    assert "13.优化司法职权配置" in text and "原文在此处中断" in text


def test_a_part_page_reads_its_items(window) -> None:  # noqa: ANN001
    part = window.reader.view.sections[0]
    window.outline.setCurrentItem(window.outline.topLevelItem(0))
    assert window.reader.section_id == part.id
    text = window.pane.toPlainText()
    assert "1.指导思想" in text and "2.总体目标" in text and "3.基本原则" in text
    assert window.reader.position.text() == "本部分 3 节"  # a heading over its sections is no 节 itself


def test_next_and_previous_section_by_keyboard(window, qtbot) -> None:  # noqa: ANN001
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.outline.currentItem().text(0) == "2.总体目标"
    assert "按照中央、省委部署" in window.pane.toPlainText()
    # counted over the 13 sections read, not the 4 part headings above them (2.总体目标 is the 2nd)
    assert window.reader.position.text() == "第 2 / 13 节"
    qtbot.keyClick(window.pane, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.outline.currentItem().text(0) == "1.指导思想"

    # PageDown scrolls first, and turns the page at the end of the section
    bar = window.pane.verticalScrollBar()
    for _ in range(30):
        if window.outline.currentItem().text(0) != "1.指导思想":
            break
        qtbot.keyClick(window.pane, Qt.Key.Key_PageDown)
    assert window.outline.currentItem().text(0) == "2.总体目标"
    assert bar.value() == 0
    qtbot.keyClick(window.pane, Qt.Key.Key_PageUp)
    assert window.outline.currentItem().text(0) == "1.指导思想"


def test_font_size_is_adjustable_and_remembered(make_window, qtbot, seeded_ctx, settle) -> None:  # noqa: ANN001
    window = make_window()
    assert window.pane.point_size == 20
    qtbot.keyClick(window.pane, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.point_size == 22
    assert window.pane.document().defaultFont().pointSize() == 22
    settle()
    assert settings_service.get_setting(seeded_ctx, "reader.font_size") == 22
    window.close()

    again = make_window()
    assert again.pane.point_size == 22
    qtbot.keyClick(again.pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(again.pane, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert again.pane.point_size == 18
    again.act_zoom_reset.trigger()
    settle()
    assert settings_service.get_setting(seeded_ctx, "reader.font_size") == 20


def test_section_is_marked_read_after_it_was_shown(make_window, qtbot, seeded_ctx) -> None:  # noqa: ANN001
    window = make_window(read_after=0)
    section = window.reader.section
    item = window.outline.item_for(section.id)
    qtbot.waitUntil(lambda: READ_MARK in item.text(1))
    assert section.id in reading.read_section_ids(seeded_ctx, window.reader.document_id)
    assert window.outline.topLevelItem(0).text(0).endswith("（1/3）")

    window.reader.go_next()
    qtbot.waitUntil(lambda: window.outline.topLevelItem(0).text(0).endswith("（2/3）"))
    window.reader.go_next()
    qtbot.waitUntil(lambda: window.outline.topLevelItem(0).text(0).endswith("（3/3）"))
    assert READ_MARK in window.outline.topLevelItem(0).text(1)  # a finished part gets its mark


def test_a_quick_glance_does_not_count_as_read(make_window, qtbot, seeded_ctx) -> None:  # noqa: ANN001
    window = make_window(read_after=3600)
    first = window.reader.section_id
    window.reader.go_next()
    assert not window.reader.read_timer.isActive() or window.reader.read_timer.remainingTime() > 1000
    assert first not in reading.read_section_ids(seeded_ctx, window.reader.document_id)


def test_note_is_saved_and_shown_again(make_window, qtbot, seeded_ctx, type_text, settle) -> None:  # noqa: ANN001
    window = make_window()
    settle()
    section_id = window.reader.section_id
    edit = window.reader.note.edit
    type_text(edit, "重点：法治道路")
    qtbot.waitUntil(lambda: reading.get_note(seeded_ctx, section_id) == "重点：法治道路")
    settle()  # (stored on the worker; the window hears of it just after)
    assert NOTE_MARK in window.outline.item_for(section_id).text(1)

    type_text(edit, "。")
    window.reader.go_next()  # navigation saves a pending note at once
    settle()
    assert reading.get_note(seeded_ctx, section_id) == "重点：法治道路。"
    assert edit.toPlainText() == ""
    window.reader.go_previous()
    settle()
    assert edit.toPlainText() == "重点：法治道路。"
    window.close()

    again = make_window()
    settle()
    assert again.reader.section_id == section_id
    assert again.reader.note.edit.toPlainText() == "重点：法治道路。"


@pytest.mark.sqlite_only  # (locks the SQLite file with sqlite3; the server's writer lock: tests/db/test_shared.py)
def test_a_note_typed_while_another_program_writes_is_kept_and_saved_later(make_window, qtbot, seeded_ctx,
                                                                           type_text, settle) -> None:  # noqa: ANN001
    """A long import elsewhere holds the write lock: the window does not freeze, the note is not
    lost on moving to the next section, and it is stored once the lock is released."""
    import time

    window = make_window()
    reader = window.reader
    section_id = reader.section_id
    with _write_lock(seeded_ctx):
        type_text(reader.note.edit, "重点：依法治市")
        t0 = time.monotonic()
        reader.go_next()  # navigation saves at once — or keeps it
        assert time.monotonic() - t0 < 1.0  # (5 s before, on the window's thread)
        assert reading.get_note(seeded_ctx, section_id) == ""
        reader.go_previous()
        assert reader.note.edit.toPlainText() == "重点：依法治市"  # shown from what is kept
        reader.set_font_size(reader.pane.point_size + 1)  # not remembered this time, and no error
    qtbot.waitUntil(lambda: reading.get_note(seeded_ctx, section_id) == "重点：依法治市", timeout=10000)
    settle()  # (stored on the worker; the window hears of it just after)
    assert not reader._unsaved_notes
    assert NOTE_MARK in window.outline.item_for(section_id).text(1)


def test_window_size_splitter_and_place_are_restored(make_window, qtbot, seeded_ctx) -> None:  # noqa: ANN001
    window = make_window()
    window.resize(760, 560)  # the offscreen screen is 800×800; restoring clamps to the screen
    window.reader.splitter.setSizes([260, 490])
    sizes = window.reader.splitter.sizes()
    target = window.reader.view.sections[6]
    window.outline.setCurrentItem(window.outline.item_for(target.id))
    assert window.reader.section_id == target.id
    window.close()
    assert settings_service.get_setting(seeded_ctx, "window.geometry")

    again = make_window(size=None)
    assert (again.width(), again.height()) == (760, 560)
    assert again.reader.splitter.sizes() == sizes
    assert again.reader.section_id == target.id
    assert again.outline.currentItem().text(0) == target.heading


def test_turning_pages_leaves_no_dead_text_frames(make_window) -> None:  # noqa: ANN001
    """Each page used to leave the wrapper of a deleted root frame behind (the margins live on
    the root frame, and QTextDocument.clear() makes a new one): 5,613 after 5,000 turns."""
    import gc

    from PySide6.QtGui import QTextFrame

    window = make_window()
    reader = window.reader

    def frames() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if isinstance(o, QTextFrame))

    for _ in range(5):
        reader.go_next()
    before = frames()
    for _ in range(40):
        reader.go_next()
        reader.go_previous()
    assert frames() - before <= 2
    assert reader.pane.document().rootFrame().frameFormat().leftMargin() > 0  # the margins still apply


def test_a_note_another_pc_saved_meanwhile_is_asked_about_never_overwritten(make_window, qtbot, seeded_ctx,
                                                                           type_text, settle) -> None:  # noqa: ANN001
    """Issue 16: the reader shows a section's note; another PC saves that note. The typing here
    is not saved over it: a question names the section — 重新载入 shows the other PC's note,
    仍然保存 stores this one. The reader's own saves while typing never ask."""

    window = make_window()
    settle()
    reader = window.reader
    section_id = reader.section_id
    type_text(reader.note.edit, "重点")
    qtbot.waitUntil(lambda: reading.get_note(seeded_ctx, section_id) == "重点")
    type_text(reader.note.edit, "：法治道路")
    qtbot.waitUntil(lambda: reading.get_note(seeded_ctx, section_id) == "重点：法治道路")
    settle()
    assert reader.conflict_box is None  # (its own saves)

    _saved_on_another_pc(seeded_ctx, section_id, "王德伦：第一部分要背")
    type_text(reader.note.edit, "。")
    qtbot.waitUntil(lambda: reader.conflict_box is not None, timeout=5000)
    assert "笔记" in reader.conflict_box.text() and "已被别人" in reader.conflict_box.text()
    assert reading.get_note(seeded_ctx, section_id) == "王德伦：第一部分要背"
    assert reader.note.status.text() == "别人修改过这条笔记，您的笔记还没有保存"
    _press(reader.conflict_box, "重新载入")
    settle()
    assert reader.note.edit.toPlainText() == "王德伦：第一部分要背"

    reader.conflict_box = None
    type_text(reader.note.edit, "；第二部分也要")  # (from the note now read: no question)
    qtbot.waitUntil(lambda: reading.get_note(seeded_ctx, section_id) == "王德伦：第一部分要背；第二部分也要")
    settle()
    assert reader.conflict_box is None

    _saved_on_another_pc(seeded_ctx, section_id, "另一台电脑又改了")
    type_text(reader.note.edit, "。")
    qtbot.waitUntil(lambda: reader.conflict_box is not None, timeout=5000)
    _press(reader.conflict_box, "仍然保存")
    qtbot.waitUntil(lambda: reading.get_note(seeded_ctx, section_id) == "王德伦：第一部分要背；第二部分也要。")


def test_a_note_held_after_a_conflict_is_asked_about_on_closing(make_window, qtbot, seeded_ctx, type_text,
                                                                 settle, monkeypatch) -> None:  # noqa: ANN001
    """A note whose save met another PC's note, kept with 取消, is not dropped without a word when
    the window closes: 不关闭 keeps the window open, 仍然保存 stores it over the other note."""
    window = make_window()
    reader, section_id = _typed_after_another_pcs_save(window, qtbot, seeded_ctx, type_text, settle)
    qtbot.waitUntil(lambda: reader.conflict_box is not None, timeout=5000)
    _press(reader.conflict_box, "取消")
    assert reader.held_notes() == [section_id]
    _close_not_then_overwrite(window, monkeypatch, seeded_ctx, section_id)


def test_a_note_typed_just_before_closing_that_meets_another_pcs_note_is_asked_about(
        make_window, qtbot, seeded_ctx, type_text, settle, monkeypatch) -> None:  # noqa: ANN001
    """Typed within the autosave pause, then the window closed at once: the closing save meets
    another PC's note. Its answer is waited for before the window goes — the note is asked about
    (仍然保存 stores it), never dropped without a word after the worker has stopped."""
    window = make_window()
    reader, section_id = _typed_after_another_pcs_save(window, qtbot, seeded_ctx, type_text, settle)
    # (the pause has not passed: the close saves it)
    _close_not_then_overwrite(window, monkeypatch, seeded_ctx, section_id)
    assert reader.conflict_box is None  # (the closing question asked, not a second box)


def _typed_after_another_pcs_save(window, qtbot, ctx, type_text, settle):  # noqa: ANN001, ANN202
    """The reader's note 「重点」 is stored; another PC then saves that note; 「：依法治市」 is typed."""
    settle()
    reader = window.reader
    section_id = reader.section_id
    type_text(reader.note.edit, "重点")
    qtbot.waitUntil(lambda: reading.get_note(ctx, section_id) == "重点")
    settle()
    _saved_on_another_pc(ctx, section_id, "王德伦：第一部分要背")
    type_text(reader.note.edit, "：依法治市")
    return reader, section_id


def _close_not_then_overwrite(window, monkeypatch, ctx, section_id: int) -> None:  # noqa: ANN001
    """Closing asks once: 不关闭 keeps the window and stores nothing; 仍然保存 stores the note and closes."""
    from studyapp.ui import conflict

    asked: list[int] = []
    monkeypatch.setattr(conflict, "ask_on_close", lambda _parent, n: asked.append(n) or "cancel")
    window.close()
    assert asked == [1] and window.isVisible()  # (not closed)
    assert reading.get_note(ctx, section_id) == "王德伦：第一部分要背"
    monkeypatch.setattr(conflict, "ask_on_close", lambda _parent, n: asked.append(n) or "overwrite")
    window.close()
    assert asked == [1, 1] and not window.isVisible()
    assert reading.get_note(ctx, section_id) == "重点：依法治市"


@pytest.mark.sqlite_only  # (locks the SQLite file with sqlite3)
def test_closing_while_another_program_writes_keeps_the_note_until_it_is_stored_or_dropped(
        make_window, qtbot, seeded_ctx, type_text, monkeypatch) -> None:  # noqa: ANN001
    """The database stays busy past the long wait at closing: the note is not lost without a word.
    不关闭 keeps the window (and the note); 再试一次 once the lock is gone stores it and closes."""
    from studyapp.services import context
    from studyapp.ui import conflict

    monkeypatch.setattr(context, "LONG_WAIT_MS", 200)
    window = make_window()
    reader = window.reader
    section_id = reader.section_id
    asked: list[int] = []
    with _write_lock(seeded_ctx) as blocker:
        type_text(reader.note.edit, "重点：依法治市")
        monkeypatch.setattr(conflict, "ask_busy_on_close", lambda _parent, n: asked.append(n) or "cancel")
        window.close()
        assert asked == [1] and window.isVisible()
        assert reader.note.edit.toPlainText() == "重点：依法治市"

        def release_then_retry(_parent, n: int) -> str:  # noqa: ANN001
            asked.append(n)
            blocker.execute("ROLLBACK")
            return "retry"

        monkeypatch.setattr(conflict, "ask_busy_on_close", release_then_retry)
        window.close()
    assert asked == [1, 1] and not window.isVisible()
    assert reading.get_note(seeded_ctx, section_id) == "重点：依法治市"


@contextlib.contextmanager
def _write_lock(ctx) -> Iterator[sqlite3.Connection]:  # noqa: ANN001 - an AppContext
    """Another program holds the SQLite file's write lock (a long import) until the block ends or
    the caller rolls back on the connection it is given."""
    from studyapp.db.engine import DB_FILENAME

    blocker = sqlite3.connect(str(ctx.data_dir / DB_FILENAME), timeout=0.1)
    blocker.isolation_level = None
    blocker.execute("BEGIN IMMEDIATE")
    try:
        yield blocker
    finally:
        if blocker.in_transaction:
            blocker.execute("ROLLBACK")
        blocker.close()


def _saved_on_another_pc(ctx, section_id: int, text: str) -> None:  # noqa: ANN001 - an AppContext
    """Another PC (a second context on the same data folder) saves the section's note."""
    from studyapp.services.context import AppContext

    other = AppContext(ctx.data_dir)
    try:
        reading.save_note(other, section_id, text)
    finally:
        other.close()


def _press(box, text: str) -> None:  # noqa: ANN001 - a QMessageBox
    [button] = [b for b in box.buttons() if b.text().startswith(text)]
    button.click()
