"""练习 through the keyboard: choose with 1–4 / A–D, Enter confirms, the verdict and the source
sentence appear, 在原文中查看 shows the reader at that sentence, Esc comes back, a summary ends it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from studyapp.services import wrongbook
from studyapp.services.dto_study import SCOPE_SECTIONS, Scope
from studyapp.ui.study.practice import PracticePage
from studyapp.ui.study.result import ResultPage

LETTER_KEYS = [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D, Qt.Key.Key_E]


def press_answer(qtbot, page, qtype: str, response: Any, *, digits: bool = False) -> None:
    """Give `response` the way a learner does: letters (or digits) for options, 1/2 or T/F."""
    if qtype == "judge":
        key = (Qt.Key.Key_1 if response else Qt.Key.Key_2) if digits else (
            Qt.Key.Key_T if response else Qt.Key.Key_F)
        qtbot.keyClick(page, key)
        return
    for i in response:
        key = Qt.Key(Qt.Key.Key_1.value + i) if digits else LETTER_KEYS[i]
        qtbot.keyClick(page, key)


def part_id(window, label: str) -> int:
    return next(s.id for s in window.reader.view.sections if s.label == label)


def start(qtbot, window, label: str = "三、", count: int = 4,
          types: tuple[str, ...] = ("single", "judge")) -> PracticePage:
    study = window.study
    study.start_practice(Scope(SCOPE_SECTIONS, window.reader.document_id, (part_id(window, label),)),
                         count, list(types))
    qtbot.waitUntil(lambda: isinstance(study.page, PracticePage))
    page = study.page
    qtbot.waitUntil(lambda: page.isVisible())
    return page


def test_practice_by_keys_with_verdict_source_and_summary(qtbot, study_window, seeded_ctx,
                                                           learner, key) -> None:
    window = study_window()
    study = window.study
    page = start(qtbot, window)
    ctx, aid = seeded_ctx, page.attempt.id
    assert study.stack.currentWidget() is page and not window.reader.isVisible()
    assert page.info_label.text().startswith("已做 0 / 4 题")

    # a wrong answer, chosen by key and confirmed with Enter
    item = key.item(aid, 0)
    press_answer(qtbot, page, item["type"], key.wrong(aid, 0))
    assert page.question_view.response() is not None
    assert not page.feedback.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    fb = page.feedback
    assert fb.isVisible() and "回答错误" in fb.verdict.text()
    assert "正确答案：" in fb.answers.text() and fb.result.right_answer_text in fb.answers.text()
    assert fb.result.quote and fb.result.quote in fb.quote.text()
    assert fb.where.text().startswith("出处：") and fb.source_button.isEnabled()
    assert "错题本" in fb.note.text()
    assert page.question_view.locked  # checked: the choice cannot change any more
    assert wrongbook.wrong_count(ctx, learner) == 1  # stored at once
    assert any(r.property("verdict") == "right" for r in page.question_view.rows)

    # Enter goes on; the next one right, by digits this time
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.position == 1 and not page.feedback.isVisible()
    item = key.item(aid, 1)
    press_answer(qtbot, page, item["type"], key.right(aid, 1), digits=True)
    qtbot.keyClick(page, Qt.Key.Key_Enter)
    assert "回答正确" in page.feedback.verdict.text()
    assert page.info_label.text().startswith("已做 2 / 4 题　·　答对 1 题")

    # ← shows the first question again, with its verdict
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert page.position == 0 and "回答错误" in page.feedback.verdict.text()
    quote = page.feedback.result.quote

    # 在原文中查看: the reader, at that sentence, highlighted; Esc returns to the practice
    qtbot.mouseClick(page.feedback.source_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reader.isVisible())
    assert study.stack.currentIndex() == 0 and study.return_bar.isVisible()
    assert window.reader.section_id == page.feedback.result.quote_location.section_id
    marked = "".join(window.reader.highlighted_texts())
    assert quote[:8] in marked
    assert "返回练习" in study.return_button.text()
    qtbot.keyClick(window.reader.pane, Qt.Key.Key_Escape)
    assert study.stack.currentWidget() is page and not study.return_bar.isVisible()

    # the rest right; Enter on the last checked question brings the summary
    for pos in (2, 3):
        page.show_question(pos)
        press_answer(qtbot, page, key.item(aid, pos)["type"], key.right(aid, pos))
        qtbot.keyClick(page, Qt.Key.Key_Return)
        assert "回答正确" in page.feedback.verdict.text()
    assert page.confirm_button.text().startswith("查看小结")
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(study.page, ResultPage))
    summary = study.page
    assert summary.result.correct_count == 3 and summary.result.wrong_count == 1
    assert summary.score_label.text() == "答对 3 题"
    assert summary.list.count() == 4 and "错误" in summary.list.item(0).text()
    assert summary.question_view.locked  # a finished attempt is read-only


def test_fill_blanks_are_typed_and_enter_confirms(qtbot, study_window, key, type_text) -> None:
    window = study_window()
    page = start(qtbot, window, "一、", 2, ("fill",))
    answer = key.right(page.attempt.id, 0)
    edits = page.question_view.blanks
    assert len(edits) == len(answer) and edits[0].hasFocus()
    for edit, text in zip(edits, answer, strict=True):
        edit.setFocus()
        type_text(edit, text)
    qtbot.keyClick(edits[-1], Qt.Key.Key_Return)
    assert "回答正确" in page.feedback.verdict.text()
    assert all(e.isReadOnly() for e in edits)


def test_practise_this_section_from_the_reader(qtbot, study_window) -> None:
    window = study_window()
    target = next(s for s in window.reader.view.sections if s.label == "三、")
    window.reader.show_section(target.id)
    window.study.act_section.trigger()
    qtbot.waitUntil(lambda: isinstance(window.study.page, PracticePage))
    page = window.study.page
    assert page.attempt.scope.section_ids == (target.id,)
    assert "练习" in page.title_label.text()


def test_nothing_to_review_is_a_message_not_an_error(qtbot, study_window) -> None:
    window = study_window()
    window.study.start_review()
    qtbot.waitUntil(lambda: window.study.pending_box is not None and window.study.pending_box.isVisible())
    assert "今天没有需要复习的题目" in window.study.pending_box.text()
    from PySide6.QtWidgets import QMessageBox

    assert window.study.pending_box.icon() == QMessageBox.Icon.Information  # good news, not a warning
    window.study.pending_box.accept()
    assert window.study.page is None


def test_resumed_practice_shows_its_answers_and_goes_on(qtbot, study_window, seeded_ctx, learner,
                                                        key, seed_id) -> None:
    from studyapp.services import practice

    view = practice.start_practice(seeded_ctx, learner, Scope("document", seed_id), 3, ["judge"], seed=3)
    practice.answer(seeded_ctx, view.id, 0, key.wrong(view.id, 0))
    window = study_window()
    study = window.study
    study.offer_resume()
    qtbot.waitUntil(lambda: study.dialog is not None and study.dialog.windowTitle() == "继续上次的答题")
    assert "已答 1 / 3 题" in study.dialog.list.item(0).text()
    study.dialog.accept()
    qtbot.waitUntil(lambda: isinstance(study.page, PracticePage))
    page = study.page
    assert page.position == 1 and not page.feedback.isVisible()  # the first one not yet done
    qtbot.waitUntil(lambda: page.hasFocus())  # the keys work at once, without a click
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert "回答错误" in page.feedback.verdict.text() and page.question_view.locked


@pytest.mark.sqlite_only  # (locks the SQLite file with sqlite3)
def test_a_practice_answer_while_the_database_is_busy_gets_its_verdict_and_is_stored_later(
        qtbot, study_window, seeded_ctx, key) -> None:
    """Another program holds the write lock (a long import): the learner still gets the verdict
    at once (checking is a read), the window does not wait 5 s, and the answer is stored by the
    worker when the lock is released — with its 错题本 entry."""
    import sqlite3
    import time

    from studyapp.db.engine import DB_FILENAME
    from studyapp.services import practice

    window = study_window()
    page = start(qtbot, window)
    ctx, aid = seeded_ctx, page.attempt.id
    assert wrongbook.wrong_count(ctx, page.attempt.person_id) == 0
    blocker = sqlite3.connect(str(window.ctx.data_dir / DB_FILENAME), timeout=0.1)
    blocker.isolation_level = None
    blocker.execute("BEGIN IMMEDIATE")
    try:
        t0 = time.monotonic()
        result = page.answer(key.wrong(aid, 0))
        stall = time.monotonic() - t0
        print(f"\nGUI stall of a practice answer while the database is locked: {stall * 1000:.0f} ms")
        assert stall < 1.0  # (5 s before: the default busy timeout on the GUI thread)
        assert result is not None and result.correct is False and page.feedback.isVisible()
        assert "稍后自动保存" in page.message.text()
        assert not practice.get_attempt(ctx, aid).questions[0].answered  # not stored yet
        # the next answer waits behind the kept one, in order
        page.show_question(1)
        page.answer(key.right(aid, 1))
        assert set(page._pending) == {0, 1}
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    page._retry_pending()
    qtbot.waitUntil(lambda: not page._pending, timeout=10000)
    stored = practice.get_attempt(ctx, aid).questions
    assert stored[0].answered and stored[0].correct is False and stored[1].answered
    assert page.message.text() == "答案已全部保存。"
    assert wrongbook.wrong_count(ctx, page.attempt.person_id) == 1  # the wrong one, in the 错题本


def test_setup_forms_answered_or_cancelled_are_deleted(qtbot, study_window) -> None:
    """练习… and 模拟考试… opened and cancelled again and again leave no hidden dialogs behind."""
    from PySide6.QtWidgets import QApplication, QDialog

    window = study_window()
    study = window.study

    def live() -> int:
        QApplication.sendPostedEvents(None, 0)  # deleteLater
        return sum(1 for w in QApplication.topLevelWidgets() if isinstance(w, QDialog))

    before = live()
    for _ in range(10):
        study.practice_dialog().reject()
        dialog = study.exam_dialog()
        assert dialog is not None
        dialog.reject()
    qtbot.waitUntil(lambda: live() <= before, timeout=5000)
    assert study.dialog is None


def test_a_practice_ended_early_counts_only_what_was_answered(qtbot, study_window, key) -> None:
    """Two answered of four, then 结束练习: the summary's rates are of the answered ones (an
    unanswered question is not a wrong one), and its title says 练习 once."""
    window = study_window()
    page = start(qtbot, window)
    aid = page.attempt.id
    for pos in (0, 1):
        page.show_question(pos)
        press_answer(qtbot, page, key.item(aid, pos)["type"], key.right(aid, pos))
        qtbot.keyClick(page, Qt.Key.Key_Return)
    page._finish()  # (结束练习, and yes to 「还有 2 道题没有做」)
    qtbot.waitUntil(lambda: isinstance(window.study.page, ResultPage), timeout=5000)
    summary = window.study.page
    assert summary.result.unanswered_count == 2
    assert not summary.title_label.text().startswith("练习小结：练习：")
    rates = [w.text() for w in summary.findChildren(type(summary.title_label)) if w.text().endswith("%")]
    assert rates and all(r == "100%" for r in rates), rates


def test_feedback_says_the_source_once_and_the_warning_goes_with_an_answer(qtbot, study_window, key) -> None:
    from studyapp.ui.study.practice import PLEASE_ANSWER
    from studyapp.ui.study.question import JUDGE_TEXTS, explanation_beyond_quote

    window = study_window()
    page = start(qtbot, window)
    aid = page.attempt.id
    qtbot.keyClick(page, Qt.Key.Key_Return)  # nothing chosen yet
    assert page.message.text() == PLEASE_ANSWER
    item = key.item(aid, 0)
    press_answer(qtbot, page, item["type"], key.right(aid, 0))
    assert page.message.text() == ""  # the warning goes as soon as there is an answer
    n = len(item["options"]) if item["type"] != "judge" else 2
    if item["type"] == "single":
        assert f"1–{n} 或 A–{'ABCDEFGH'[n - 1]}" in page.question_view.hint.text()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    fb = page.feedback
    assert fb.result.quote in fb.quote.text()
    # a generated 解析 is the source sentence again: shown once, in the source box
    assert not fb.explanation.isVisible() or fb.result.quote not in fb.explanation.text()
    assert JUDGE_TEXTS == ("正确", "错误")  # the words of the key and the verdict
    assert explanation_beyond_quote("原文：“甲应当乙。”题中把“甲”和“丙”说反了。", "甲应当乙。") \
        == "题中把“甲”和“丙”说反了。"
    assert explanation_beyond_quote("原文：“甲应当乙。”", "甲应当乙") == ""
    assert explanation_beyond_quote("这一条讲的是程序。", "甲应当乙。") == "这一条讲的是程序。"
