"""Issue 11: a learner named 「<h1>…</h1>」 or a document titled 「<img src=x>」 is shown as those
characters, never rendered as rich text — in the status bar, 谁在学习, the 题库 window, the
exam setup, the person dialog and message boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from studyapp.services import documents, roster
from studyapp.services.dto_records import PersonDraft

NAME = "<h1>王伟</h1>"
TITLE = "<img src=x>实施意见<b>"


def rich_labels(root: QWidget, needle: str) -> list[str]:
    """Labels that show `needle` (or a part of it) and would render it as rich text."""
    from PySide6.QtGui import Qt as _Qt

    bad = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if needle not in text and needle.replace("<", "&lt;").replace(">", "&gt;") not in text \
                and "王伟" not in text and "实施意见" not in text:
            continue
        fmt = label.textFormat()
        rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and _Qt.mightBeRichText(text))
        if rich and needle in text:  # the raw tags inside rich text: they would render
            bad.append(f"{label.objectName() or type(label.parent()).__name__}: {text[:60]}")
    return bad


def test_learner_and_document_names_are_plain_text_everywhere(qtbot, make_window, seeded_ctx) -> None:
    person = roster.add_person(seeded_ctx, PersonDraft(NAME, "乡党委"))
    [doc] = documents.list_documents(seeded_ctx)
    documents.rename_document(seeded_ctx, doc.id, TITLE)
    window = make_window()
    window.study.set_person(roster.get_person(seeded_ctx, person.id))
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert rich_labels(window, NAME) == [] and rich_labels(window, TITLE) == []

    window.study.choose_person()  # 谁在学习？
    who = window.study.dialog
    assert rich_labels(who, NAME) == []
    who.reject()

    bank = window.open_bank(document_id=doc.id)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert TITLE in bank.windowTitle()  # a window title is always plain text
    assert rich_labels(bank, TITLE) == []

    from studyapp.ui.study.setup import ExamSetupDialog

    window.study.exam_dialog()
    qtbot.waitUntil(lambda: isinstance(window.study.dialog, ExamSetupDialog))
    assert rich_labels(window.study.dialog, TITLE) == [] and rich_labels(window.study.dialog, NAME) == []
    window.study.dialog.reject()
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            assert rich_labels(w, NAME) == [] and rich_labels(w, TITLE) == [], w


def test_message_boxes_show_names_as_typed(qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, "人员名单", f"名册中已有“{NAME}（乡党委）”，不能重复。")
    qtbot.addWidget(box)
    box.show()
    assert box.textFormat() == Qt.TextFormat.PlainText  # every box, by the app's filter
    box.close()
