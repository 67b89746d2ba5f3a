"""The meeting-room start dialog: a document with nothing approved says why and leads to the review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from studyapp.services import bank
from studyapp.ui.room.launch import StartDialog


def test_quiz_start_dialog_leads_to_the_review(qtbot, window, seeded_ctx, seed_id, settle) -> None:  # noqa: ANN001
    total = len(bank.list_questions(seeded_ctx, seed_id))
    with seeded_ctx.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE question SET status = 'draft'")
    dialog = StartDialog(seeded_ctx, "quiz", window, seed_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.hint.isVisible()
    assert dialog.hint.text() == (f"本文件已生成 {total} 道题，尚未审核。"
                                  "审核通过后才能用于集体测验、知识竞赛和纸质测验。")
    assert not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.hint.button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and not dialog.isVisible()
    settle()
    assert window.bank_windows[seed_id].in_review()


def test_room_dialogs_with_approved_questions_show_no_hint(qtbot, window, seeded_ctx, seed_id) -> None:  # noqa: ANN001
    for kind in ("quiz", "contest", "paper", "reading"):
        dialog = StartDialog(seeded_ctx, kind, window, seed_id)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.hint.isVisible(), kind
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), kind
        dialog.reject()
