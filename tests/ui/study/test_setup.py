"""An empty quiz dialog says why and leads to the review: 「本文件已生成 N 道题，尚未审核。」 + 去审核."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.services import bank


def _unreview(ctx) -> None:  # noqa: ANN001
    """Every question back to 待审核, as after a fresh import and generation."""
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE question SET status = 'draft'")


def test_practice_dialog_says_why_and_leads_to_the_review(qtbot, study_window, seeded_ctx, seed_id, settle) -> None:  # noqa: ANN001
    total = len(bank.list_questions(seeded_ctx, seed_id))
    _unreview(seeded_ctx)
    window = study_window()
    dialog = window.study.practice_dialog()
    assert dialog.hint.isVisible()
    assert dialog.hint.text() == f"本文件已生成 {total} 道题，尚未审核。审核通过后才能用于练习和考试。"
    assert dialog.hint.button.text() == "去审核"
    # nothing to practise from the document: no zeros offered, no start
    assert not dialog.radios["document"].isEnabled() and not dialog.button_box.ok.isEnabled()

    qtbot.mouseClick(dialog.hint.button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()  # nothing was started
    bw = window.bank_windows[seed_id]
    qtbot.waitExposed(bw)
    settle()
    assert bw.in_review() and bw.review.current() is not None
    assert bw.review.progress_text() == f"第 1 / {total} 道，已通过 0，已停用 0"


def test_exam_dialog_says_why_instead_of_zeros(qtbot, study_window, seeded_ctx, seed_id, settle) -> None:  # noqa: ANN001
    total = len(bank.list_questions(seeded_ctx, seed_id))
    _unreview(seeded_ctx)
    window = study_window()
    dialog = window.study.exam_dialog()
    assert dialog.hint.isVisible() and f"已生成 {total} 道题，尚未审核" in dialog.hint.text()
    assert not dialog.button_box.ok.isEnabled()
    with qtbot.waitSignal(dialog.hint.reviewRequested) as asked:
        qtbot.mouseClick(dialog.hint.button, Qt.MouseButton.LeftButton)
    assert asked.args == [seed_id] and not dialog.isVisible()
    settle()
    assert window.bank_windows[seed_id].in_review()


def test_dialogs_with_approved_questions_show_no_hint(study_window) -> None:  # noqa: ANN001
    window = study_window()
    practice = window.study.practice_dialog()
    assert not practice.hint.isVisible() and practice.hint.text() == ""
    assert practice.radios["document"].isEnabled() and practice.button_box.ok.isEnabled()
    practice.reject()
    exam = window.study.exam_dialog()
    assert not exam.hint.isVisible() and exam.button_box.ok.isEnabled()
    exam.reject()


def test_a_document_without_questions_leads_to_its_bank(qtbot, study_window, seeded_ctx, seed_id) -> None:  # noqa: ANN001
    with seeded_ctx.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM question")
    window = study_window()
    dialog = window.study.exam_dialog()
    assert "还没有试题" in dialog.hint.text() and dialog.hint.button.text() == "打开题库"
    qtbot.mouseClick(dialog.hint.button, Qt.MouseButton.LeftButton)
    bw = window.bank_windows[seed_id]
    assert not bw.in_review() and bw.generate_button.isVisible()
