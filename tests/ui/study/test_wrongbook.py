"""The 错题本: a wrong answer lands there and practising it right clears it; entries that start
alike are told apart."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.services import wrongbook
from studyapp.services.dto_study import WRONGBOOK_RULE
from studyapp.ui.study.practice import PracticePage
from studyapp.ui.study.wrongbook import WrongBookPage
from tests.ui.study.conftest import practise


def test_wrong_answer_lands_in_the_wrongbook_and_practising_it_clears_it(qtbot, study_window,
                                                                         key, learner) -> None:
    window = study_window()
    part = next(s.id for s in window.reader.view.sections if s.label == "二、")
    page = practise(qtbot, window, part, 2)
    aid = page.attempt.id
    page.answer(key.wrong(aid, 0))
    assert "回答错误" in page.feedback.verdict.text()
    page.show_question(1)
    page.answer(key.right(aid, 1))

    window.study.act_wrongbook.trigger()  # the practice is not ended: leaving it is asked first
    box = window.study.pending_box
    assert "还没有结束" in box.text() and "继续上次的答题" in box.text()
    qtbot.mouseClick(box.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.study.page, WrongBookPage))
    book = window.study.page
    assert book.data.book.count == 1 and WRONGBOOK_RULE in book.layout().itemAt(1).widget().text()
    group = book.tree.topLevelItem(0)
    assert group.text(0).endswith("（1 题）") and group.childCount() == 1
    assert book.current is not None and book.current.question_id == page.attempt.questions[0].question_id
    assert "正确答案" in book.answers.text() and book.practice_button.isEnabled()

    # 在原文中查看 from the book, and back
    qtbot.mouseClick(book.source_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reader.isVisible())  # (where the sentence stands now: read on the worker)
    assert window.reader.highlighted_texts()
    window.study.return_to_page()

    qtbot.mouseClick(book.practice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.study.page, PracticePage))
    again = window.study.page
    assert again.attempt.title.startswith("错题本练习") and len(again.questions) == 1
    again.answer(key.right(again.attempt.id, 0))
    assert wrongbook.wrong_count(window.ctx, learner) == 0  # right on its own later: out


def test_wrongbook_entries_that_start_alike_are_told_apart() -> None:
    from studyapp.ui.study.wrongbook import distinct_stems

    stems = ["下列关于全面推进依法治市的总体要求的说法，正确的是哪一项关于法治政府的？",
             "下列关于全面推进依法治市的总体要求的说法，正确的是哪一项关于立法的？", "短题干"]
    labels = distinct_stems(stems)
    assert len(set(labels)) == 3 and labels[2] == "短题干"
    assert "法治政府" in labels[0] and "立法" in labels[1]
