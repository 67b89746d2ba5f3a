"""The main window: its title follows the document shown, every menu speaks Chinese, 关于 and
数据文件夹 say what the program does and where the records are, the zoom says the size it set,
and closing keeps the note being typed and where the window and the reader were."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction

from studyapp.services import documents, reading
from studyapp.ui.settings import ops as settings_ops

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_title_follows_the_document(window, seeded_ctx, seed_id, qtbot) -> None:  # noqa: ANN001
    title = documents.get_document(seeded_ctx, seed_id).title
    assert window.windowTitle() == f"{title} - 学习测评"
    other = documents.import_text(seeded_ctx, "关于读书的通知\n一、总体要求\n1. 每周读书一次。\n").document_id
    window.open_document(other)
    qtbot.waitUntil(lambda: window.windowTitle() == "关于读书的通知 - 学习测评")


def test_every_menu_and_action_speaks_chinese(window) -> None:  # noqa: ANN001
    menus = [m for m in window.menuBar().actions() if m.menu() is not None]
    assert [m.text() for m in menus] == ["文件(&F)", "查看(&V)", "学习(&S)", "题库(&Q)", "学习记录(&R)", "会议室(&M)", "帮助(&H)"]
    actions = [a for m in menus for a in m.menu().actions() if not a.isSeparator()]
    assert len(actions) > 20
    assert all(CJK.search(a.text()) for a in actions), [a.text() for a in actions if not CJK.search(a.text())]
    tips = [a.toolTip() for a in window.findChildren(QAction) if a.toolTip() and a.toolTip() != a.text()]
    assert all(CJK.search(t) for t in tips)


def test_about_describes_the_whole_program_and_the_data_folder(window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    window.show_about()
    text = shown[0]
    for part in ("阅读", "练习与考试", "会议室", "学习记录", str(window.ctx.data_dir)):
        assert part in text


def test_the_data_folder_is_shown_with_how_to_carry_it(window) -> None:  # noqa: ANN001
    box = window.show_data_folder()
    text = box.text()
    assert str(window.ctx.data_dir) in text and "日志文件夹" in text and "portable" in text
    assert any(b.text() == "打开文件夹" for b in box.buttons())
    box.close()


def test_the_zoom_says_the_size_it_set(window) -> None:  # noqa: ANN001
    from studyapp.ui.reader.view import FONT_STEP

    base = window.reader.zoom_reset()
    window.zoom_in()
    assert window.statusBar().currentMessage() == f"字号：{base + FONT_STEP} 磅"
    window.zoom_out()
    window.zoom_out()
    assert window.statusBar().currentMessage() == f"字号：{base - FONT_STEP} 磅"
    window.zoom_reset()
    assert window.statusBar().currentMessage() == f"字号：{base} 磅（默认）"


def test_closing_keeps_the_note_and_where_everything_was(window, seeded_ctx, seed_id) -> None:  # noqa: ANN001
    section = next(s for s in window.reader.view.sections if s.label == "2.")
    window.reader.show_section(section.id)
    window.reader.note.edit.setPlainText("关闭前刚写的笔记")  # not yet saved by its timer
    window.resize(1100, 700)
    window.close()
    assert reading.get_note(seeded_ctx, section.id) == "关闭前刚写的笔记"
    for name in ("window.geometry", "window.state", "window.splitter"):
        assert settings_ops.value_now(seeded_ctx, name), name
