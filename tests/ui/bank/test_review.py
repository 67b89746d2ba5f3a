"""逐题审核 in the 题库 window: one pending question at a time, a key for each decision."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton

from studyapp.services import bank, bankreview
from studyapp.ui.bank.names import counts_text
from studyapp.ui.ops import hub


def test_review_shows_one_pending_question_with_its_key_and_source(bank_window, settle) -> None:  # noqa: ANN001
    bw = bank_window
    pending = bankreview.pending_questions(bw.ctx, bw.document_id)
    assert bw.review_button.isEnabled()
    bw.start_review(pending[0].id)
    settle()
    assert len(bw.review.queue) == len(pending)
    assert bw.in_review() and bw.review.isVisible() and not bw.tree.isVisible()
    panel = bw.review
    assert panel.progress_text() == f"第 1 / {len(pending)} 道，已通过 0，已停用 0"
    assert panel.progress_label.text() == panel.progress_text()
    # a choice question: stem, every option, the key marked on its options, the explanation
    choice = next(q for q in pending if q.type == "multiple")
    panel._go([q.id for q in panel.queue].index(choice.id))
    text = panel.question_text()
    assert "多选" in text and "待审核" in text and choice.stem[:12] in text
    for option in choice.options:
        assert option in text
    assert text.count("✓ 正确答案") == len(choice.answer)
    if choice.explanation:
        assert "解析" in text
    # beside it, the sentence it came from under its section path
    source = panel.source_text()
    assert choice.quote[:15] in source
    assert " › " in source or choice.section_heading in source


def test_keys_approve_retire_go_back_and_return_to_the_list(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    pending = bankreview.pending_questions(bw.ctx, bw.document_id)
    n = len(pending)
    bw.start_review(pending[0].id)
    settle()
    panel = bw.review
    assert panel.hasFocus() or bw.focusWidget() is panel

    with qtbot.waitSignal(hub().changed):
        qtbot.keyClick(panel, Qt.Key.Key_Y)  # 通过, and on to the next question
    settle()
    assert bank.get_question(bw.ctx, pending[0].id).status == "approved"
    assert panel.current().id == pending[1].id
    assert panel.progress_text() == f"第 2 / {n} 道，已通过 1，已停用 0"

    qtbot.keyClick(panel, Qt.Key.Key_Return)  # Enter = 通过
    qtbot.keyClick(panel, Qt.Key.Key_N)  # 停用
    settle()
    assert bank.get_question(bw.ctx, pending[1].id).status == "approved"
    assert bank.get_question(bw.ctx, pending[2].id).status == "retired"
    assert panel.progress_text() == f"第 4 / {n} 道，已通过 2，已停用 1"
    counts = bank.bank_counts(bw.ctx, bw.document_id)
    assert bw.counts_label.text() == counts_text(counts.draft, counts.approved, counts.retired)

    qtbot.keyClick(panel, Qt.Key.Key_Right)  # skip one without deciding
    assert panel.current().id == pending[4].id
    assert bank.get_question(bw.ctx, pending[3].id).status == "draft"
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    qtbot.keyClick(panel, Qt.Key.Key_Left)  # back to the retired one: change one's mind
    assert panel.current().id == pending[2].id and "已停用" in panel.question_text()
    qtbot.keyClick(panel, Qt.Key.Key_Y)
    settle()
    assert bank.get_question(bw.ctx, pending[2].id).status == "approved"
    assert panel.progress_text() == f"第 4 / {n} 道，已通过 3，已停用 0"
    qtbot.keyClick(panel, Qt.Key.Key_Delete)  # Delete = 停用
    settle()
    assert bank.get_question(bw.ctx, pending[3].id).status == "retired"

    qtbot.keyClick(panel, Qt.Key.Key_Escape)  # back to the list, at the question reviewed last
    settle()
    assert not bw.in_review() and bw.tree.isVisible()
    assert bw.tree.current_question_id() == pending[4].id
    assert bw.views[pending[2].id].status == "approved" and bw.views[pending[3].id].status == "retired"


def test_e_opens_the_editor_and_the_review_shows_the_saved_question(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    q = next(v for v in bankreview.pending_questions(bw.ctx, bw.document_id) if v.type == "judge")
    bw.start_review(q.id)
    settle()
    qtbot.keyClick(bw.review, Qt.Key.Key_E)
    ed = bw.editor
    assert ed is not None and ed.windowTitle() == "编辑试题"
    ed.stem_edit.setPlainText(q.stem + "（已核对）")
    with qtbot.waitSignal(ed.saved):
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    ed.reject()
    assert bw.in_review() and bw.review.current().id == q.id
    assert "（已核对）" in bw.review.question_text() and "来源：修改" in bw.review.question_text()
    qtbot.keyClick(bw.review, Qt.Key.Key_Y)  # an edit still needs the decision
    settle()
    assert bank.get_question(bw.ctx, q.id).status == "approved"


def test_the_end_of_the_queue_sums_up_and_nothing_pending_keeps_the_list(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    pending = bankreview.pending_questions(bw.ctx, bw.document_id)
    bw.start_review()
    settle()
    bw.review.start(pending[:2])  # a short round
    qtbot.keyClick(bw.review, Qt.Key.Key_Y)
    qtbot.keyClick(bw.review, Qt.Key.Key_N)
    settle()
    assert bw.review.current() is None
    assert bw.review.progress_text() == "审核完成：共 2 道，已通过 1，已停用 1"
    assert "本轮审核完成" in bw.review.question_text()
    assert f"还有 {len(pending) - 2} 道待审核" in bw.review.question_text()
    assert bw.review.restart_button.isVisible()
    qtbot.keyClick(bw.review, Qt.Key.Key_Y)  # nothing to decide: nothing happens
    assert bank.bank_counts(bw.ctx, bw.document_id).draft == len(pending) - 2
    bw.review.restart()
    settle()
    assert bw.review.current().id == pending[2].id

    bank.approve(bw.ctx, [q.id for q in pending])
    bw.close_review()
    bw.refresh()
    settle()
    assert not bw.review_button.isEnabled()
    bw.start_review()
    settle()
    assert not bw.in_review()
    assert "没有待审核的试题" in bw.statusBar().currentMessage()


def _fits(button: QPushButton) -> bool:
    """Visible, inside its window, and wide enough for its text (nothing cut off at 1024×768)."""
    window = button.window()
    top_left = button.mapTo(window, QPoint(0, 0))
    inside = (top_left.x() >= 0 and top_left.y() >= 0
              and top_left.x() + button.width() <= window.width()
              and top_left.y() + button.height() <= window.height())
    return button.isVisible() and inside and button.width() >= button.minimumSizeHint().width()


def test_review_fits_a_1024_by_768_screen(bank_window, qtbot, tmp_path: Path, settle) -> None:  # noqa: ANN001
    bw = bank_window
    bw.showNormal()
    bw.resize(1024, 728)  # 768 less a taskbar
    pending = bankreview.pending_questions(bw.ctx, bw.document_id)
    bw.start_review(next(q.id for q in pending if q.type == "multiple"))
    settle()
    qtbot.waitUntil(lambda: bw.review.isVisible())
    assert bw.width() <= 1024 and bw.height() <= 728
    panel = bw.review
    for b in (panel.previous_button, panel.approve_button, panel.retire_button, panel.edit_button,
              panel.source_button, panel.next_button, panel.back_button):
        assert _fits(b), b.text()
    assert panel.question_view.width() >= 400 and panel.source_view.width() >= 300
    assert panel.question_view.height() >= 380
    shot = tmp_path / "review-1024x768.png"
    assert bw.grab().save(str(shot))
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (bw.width(), bw.height())


def test_the_bank_menu_opens_the_review(qtbot, window, seed_id, settle) -> None:  # noqa: ANN001
    """题库 → 逐题审核… : the document being read, one question at a time."""
    with window.ctx.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE question SET status = 'draft'")
    menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}
    assert window.act_review in menus["题库(&Q)"].actions()
    window.act_review.trigger()
    bw = window.bank_windows[seed_id]
    qtbot.waitExposed(bw)
    settle()
    assert bw.in_review() and bw.review.current() is not None


def test_a_decision_on_a_question_changed_on_another_pc_is_refused_and_the_question_reloaded(
        bank_window, qtbot, settle, monkeypatch) -> None:  # noqa: ANN001
    """通过 decides on the question as the reviewer read it: another PC changed it meanwhile, so
    the decision is refused with a message and the review goes back to the question as it is
    stored now, to be read and decided again."""
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from studyapp.services.context import AppContext

    bw = bank_window
    pending = bankreview.pending_questions(bw.ctx, bw.document_id)
    bw.start_review(pending[0].id)
    settle()
    panel = bw.review
    other = AppContext(bw.ctx.data_dir)
    try:
        theirs = bank.get_question(other, pending[0].id)
        bank.update_question(other, theirs.id, replace(bank.draft_of(theirs), explanation="另一台电脑改过的解析"),
                             expected_version=theirs.version)
    finally:
        other.close()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a, **_k: told.append(text)))
    qtbot.keyClick(panel, Qt.Key.Key_Y)
    settle()
    [message] = told
    assert f"编号 {pending[0].id}" in message and "已被别人" in message and "审核通过" in message
    stored = bank.get_question(bw.ctx, pending[0].id)
    assert stored.status == "draft"  # nothing decided
    assert panel.current().id == pending[0].id and panel.current() == stored  # back to it, as stored now
    assert "另一台电脑改过的解析" in panel.question_text() and "待审核" in panel.question_text()
    qtbot.keyClick(panel, Qt.Key.Key_Y)  # read again, decided again
    settle()
    assert bank.get_question(bw.ctx, pending[0].id).status == "approved" and len(told) == 1


def test_changing_ones_mind_before_the_first_decision_is_stored_is_no_conflict(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    """Y, ← and N at keyboard speed: the second decision follows the first one's write (the
    version it gives the question), it is not refused as someone else's change."""
    bw = bank_window
    pending = bankreview.pending_questions(bw.ctx, bw.document_id)
    bw.start_review(pending[0].id)
    settle()
    panel = bw.review
    qtbot.keyClick(panel, Qt.Key.Key_Y)
    qtbot.keyClick(panel, Qt.Key.Key_Left)
    qtbot.keyClick(panel, Qt.Key.Key_N)
    settle()  # (a refusal would open a message box: the suite fails on one nobody clicks)
    stored = bank.get_question(bw.ctx, pending[0].id)
    assert stored.status == "retired" and panel.queue[0] == stored
