"""「本文件已生成 N 道题，尚未审核。」 (ui/bank/hint.py): the box that says why a document cannot be
quizzed yet and leads to its review with one click — on the seed's bank of drafts."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout

from studyapp.services import bank
from studyapp.ui.bank.hint import HINT_WIDTH, ReviewHint, open_review


def _set_all(ctx, status: str, where: str = "") -> None:  # noqa: ANN001
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE question SET status = '{status}' {where}")


def _hint(qtbot, ctx, **kw) -> ReviewHint:  # noqa: ANN001, ANN003
    hint = ReviewHint(ctx, **kw)
    qtbot.addWidget(hint)
    return hint


def test_a_bank_of_drafts_says_so_and_offers_the_review(qtbot, seeded_ctx, seed_id) -> None:  # noqa: ANN001
    total = bank.bank_counts(seeded_ctx, seed_id).total
    hint = _hint(qtbot, seeded_ctx)
    assert hint.isHidden() and hint.text() == ""  # (nothing to say before it is given a document)
    assert hint.set_document(seed_id)
    assert not hint.isHidden() and hint.document_id == seed_id
    assert hint.text() == f"本文件已生成 {total} 道题，尚未审核。审核通过后才能用于练习和考试。"
    assert hint.button.text() == "去审核" and "逐题审核" in hint.button.toolTip()
    # a dialog's Enter starts what the dialog is for, not the review
    assert not hint.button.autoDefault() and not hint.button.isDefault()
    # the paper and room dialogs say what they would use the questions for
    paper = _hint(qtbot, seeded_ctx, what="组卷")
    paper.set_document(seed_id)
    assert paper.text().endswith("审核通过后才能用于组卷。")


def test_approved_questions_hide_the_box(qtbot, seeded_ctx, seed_id) -> None:  # noqa: ANN001
    [first, *_] = bank.list_questions(seeded_ctx, seed_id)
    bank.approve(seeded_ctx, first.id)
    hint = _hint(qtbot, seeded_ctx)
    assert not hint.set_document(seed_id)
    assert hint.isHidden() and hint.text() == ""
    assert not hint.set_document(None) and hint.isHidden()


def test_retired_and_missing_questions_lead_to_the_bank_instead(qtbot, seeded_ctx, seed_id) -> None:  # noqa: ANN001
    total = bank.bank_counts(seeded_ctx, seed_id).total
    hint = _hint(qtbot, seeded_ctx)
    _set_all(seeded_ctx, "retired", "WHERE type = 'judge'")
    judges = bank.bank_counts(seeded_ctx, seed_id).retired
    assert hint.set_document(seed_id)
    assert hint.text().startswith(f"本文件已生成 {total} 道题，其中 {total - judges} 道尚未审核。")
    _set_all(seeded_ctx, "retired")
    assert hint.set_document(seed_id)
    assert hint.text().startswith(f"本文件的 {total} 道题都已停用") and hint.button.text() == "打开题库"
    assert "生成、恢复或新增" in hint.button.toolTip()
    with seeded_ctx.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM question")
    assert hint.set_document(seed_id) and "还没有试题" in hint.text() and hint.button.text() == "打开题库"


def test_a_document_that_is_gone_shows_nothing_and_is_logged(qtbot, seeded_ctx, caplog) -> None:  # noqa: ANN001
    hint = _hint(qtbot, seeded_ctx)
    with caplog.at_level(logging.WARNING, logger="studyapp.ui"):
        assert not hint.set_document(9999)
    assert hint.isHidden() and "9999" in caplog.text


def test_the_box_asks_for_no_more_than_its_width_and_grows_taller(qtbot, seeded_ctx, seed_id) -> None:  # noqa: ANN001
    hint = _hint(qtbot, seeded_ctx)
    hint.set_document(seed_id)
    hint.label.setText(hint.label.text() * 4)  # (a long message: wrapped, not widening the dialog)
    size = hint.sizeHint()
    assert size.width() <= HINT_WIDTH and size.height() >= hint.heightForWidth(size.width())


def test_in_a_dialog_the_button_closes_it_and_opens_the_review(qtbot, window, seed_id, settle) -> None:  # noqa: ANN001
    dialog = QDialog(window)
    hint = ReviewHint(window.ctx, dialog)
    QVBoxLayout(dialog).addWidget(hint)
    assert hint.set_document(seed_id)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(hint.reviewRequested) as asked:
        qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)
    assert asked.args == [seed_id]
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected  # nothing was started
    bw = window.bank_windows[seed_id]
    qtbot.waitExposed(bw)
    settle()
    assert bw.in_review() and bw.review.current() is not None


def test_open_review_finds_the_main_window_from_anywhere(qtbot, window, seed_id, settle) -> None:  # noqa: ANN001
    # from a widget of the main window, and from no widget at all (the visible main window)
    bw = open_review(window.reader, seed_id)
    settle()
    assert bw is window.bank_windows[seed_id] and bw.in_review()
    assert open_review(None, seed_id) is bw


def test_without_a_main_window_the_review_is_not_opened(qtbot, seeded_ctx, seed_id, caplog) -> None:  # noqa: ANN001
    hint = _hint(qtbot, seeded_ctx)
    hint.set_document(seed_id)
    with caplog.at_level(logging.WARNING, logger="studyapp.ui"):
        qtbot.mouseClick(hint.button, Qt.MouseButton.LeftButton)  # (no crash: logged instead)
        assert open_review(hint, seed_id) is None
    assert "no main window" in caplog.text
