"""One question on screen and the verdict under it: the response handed back in the shape the
services take for every type (keys or clicks choose, 多选 toggles), a saved response shown on
resume, numbered blanks with Enter walking to the next empty one, nothing changes once locked;
the key marked in words as well as colour; the feedback panel's verdicts, notes, explanation
beyond the quote and 「在原文中查看」 only where the sentence can be found."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studyapp.services.dto import QuoteLocation
from studyapp.services.dto_study import AnswerResult, AttemptQuestion
from studyapp.ui.study.question import FeedbackPanel, QuestionView, explanation_beyond_quote

OPTIONS = ("坚持党的领导", "坚持人民主体地位", "坚持法律面前人人平等", "坚持从实际出发")


def _q(qtype: str, *, stem: str = "全面推进依法治市必须____。", blanks: int = 0, response: Any = None,
       position: int = 0) -> AttemptQuestion:
    options = OPTIONS if qtype in ("single", "multiple") else ()
    return AttemptQuestion(position, 9, qtype, stem, options, 2.0, blanks, response, response is not None)


@pytest.fixture
def view(qtbot) -> QuestionView:  # noqa: ANN001
    v = QuestionView()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    return v


def test_a_single_choice_is_one_row_and_hands_back_its_index(view: QuestionView, qtbot) -> None:  # noqa: ANN001
    view.set_question(_q("single", position=2), 10, show_points=True)
    assert view.meta.text() == "第 3 题 / 共 10 题　·　单选题（2 分）"
    assert [r.badge.text() for r in view.rows] == ["A", "B", "C", "D"] and "A–D" in view.hint.text()
    assert view.response() is None
    with qtbot.waitSignal(view.optionClicked) as clicked:
        QTest.mouseClick(view.rows[1], Qt.MouseButton.LeftButton)
    assert clicked.args == [1] and view.response() == [1]
    with qtbot.waitSignal(view.responseChanged) as changed:
        view.choose(3)
    assert changed.args == [[3]] and [r.property("chosen") for r in view.rows] == [False, False, False, True]
    assert not view.choose(7)  # no such option


def test_a_multiple_choice_toggles_and_hands_back_sorted_indexes(view: QuestionView) -> None:
    view.set_question(_q("multiple"), 5)
    for i in (2, 0, 3):
        view.choose(i)
    assert view.response() == [0, 2, 3]
    view.choose(2)
    assert view.response() == [0, 3]
    view.choose(0)
    view.choose(3)
    assert view.response() is None


def test_a_judgement_is_right_or_wrong_in_words(view: QuestionView) -> None:
    view.set_question(_q("judge", stem="依法治市只是政法部门的事。"), 5)
    assert [r.text.text() for r in view.rows] == ["正确", "错误"] and "1（或 T）" in view.hint.text()
    view.choose(1)
    assert view.response() is False
    view.choose(0)
    assert view.response() is True


def test_numbered_blanks_and_enter_walking_to_the_next_empty_one(view: QuestionView, qtbot) -> None:  # noqa: ANN001
    view.set_question(_q("fill", stem="坚持____与____相结合。", blanks=2), 3)
    assert view.stem.text() == "坚持＿＿（1）＿＿与＿＿（2）＿＿相结合。" and len(view.blanks) == 2
    assert view.focus_input() and view.blanks[0].hasFocus()
    view.blanks[0].setText("依法治国")
    QTest.keyClick(view.blanks[0], Qt.Key.Key_Return)
    assert view.blanks[1].hasFocus()
    view.blanks[1].setText("以德治国")
    with qtbot.waitSignal(view.confirmRequested):
        QTest.keyClick(view.blanks[1], Qt.Key.Key_Return)
    assert view.response() == ["依法治国", "以德治国"]


def test_a_saved_response_is_shown_on_resume_without_a_change(view: QuestionView, qtbot) -> None:  # noqa: ANN001
    with qtbot.assertNotEmitted(view.responseChanged):
        view.set_question(_q("multiple", response=[1, 3]), 5)
        assert view.response() == [1, 3]
        view.set_question(_q("judge", response=False), 5)
        assert view.response() is False and view.rows[1].property("chosen")
        view.set_question(_q("fill", blanks=1, response=["党的领导"]), 5)
        assert view.blanks[0].text() == "党的领导"
        view.set_question(_q("short", stem="简述依法治市的总体要求。", response="要点一"), 5)
        assert view.short is not None and view.response() == "要点一"


def test_nothing_changes_once_locked(view: QuestionView) -> None:
    view.set_question(_q("single"), 5)
    view.choose(0)
    view.set_locked(True)
    assert not view.choose(2) and view.response() == [0] and view.hint.isHidden()
    QTest.mouseClick(view.rows[2], Qt.MouseButton.LeftButton)
    assert view.response() == [0]
    view.set_question(_q("fill", blanks=1), 5)
    view.set_locked(True)
    assert view.blanks[0].isReadOnly() and not view.focus_input()


def _result(**kw: Any) -> AnswerResult:
    fields = dict(attempt_id=1, position=0, question_id=9, type="single", correct=False, points=0.0, max_points=2.0,
                  partial=False, response=[2], response_text="C", right_answer=[0], right_answer_text="A",
                  explanation="原文：“坚持党的领导。”", quote="坚持党的领导。", section_id=3,
                  section_heading="1.指导思想", quote_location=QuoteLocation(3, "text", 0, 7))
    fields.update(kw)
    return AnswerResult(**fields)  # type: ignore[arg-type]  # (the test's keyword table)


def test_the_key_and_a_wrong_choice_are_marked_in_words(view: QuestionView) -> None:
    view.set_question(_q("single"), 5)
    view.choose(2)
    view.show_verdict(_result())
    assert [r.tag.text() for r in view.rows] == ["✔ 正确答案", "", "✘ 你的选择", ""]
    assert [r.property("verdict") for r in view.rows] == ["right", "", "wrong", ""]


def test_the_feedback_panel_says_the_verdict_and_what_follows(qtbot) -> None:  # noqa: ANN001
    panel = FeedbackPanel()
    qtbot.addWidget(panel)
    panel.show_result(_result(in_wrongbook=True))
    assert panel.isVisible() and panel.verdict.text() == "✘ 回答错误"
    assert panel.answers.text() == "你的答案：C　　　正确答案：A"
    assert panel.explanation.isHidden()  # the explanation only repeats the quote shown below
    assert panel.where.text() == "出处：1.指导思想" and panel.quote.text() == "“坚持党的领导。”"
    assert "已记入错题本" in panel.note.text()
    with qtbot.waitSignal(panel.sourceRequested) as asked:
        panel.source_button.click()
    assert asked.args[0].section_id == 3

    panel.show_result(_result(correct=True, counted=False, in_wrongbook=True, next_review="2026-03-05",
                              explanation="原文：“坚持党的领导。”题中把“A”和“B”说反了。"))
    assert panel.verdict.text() == "✔ 回答正确" and panel.explanation.text() == "解析：题中把“A”和“B”说反了。"
    note = panel.note.text()
    assert "再次作答，只检查对错" in note and "单独再答对一次才会移出" in note and "下次复习：2026-03-05" in note

    panel.show_result(_result(partial=True, points=1.0, type="multiple"))
    assert panel.verdict.text() == "◐ 部分正确（得 1 分）"
    panel.show_result(_result(response=None, response_text="（未作答）"))
    assert panel.verdict.text() == "✘ 未作答"
    panel.show_result(dataclasses.replace(_result(correct=None, type="short", right_answer_text="党的领导；人民主体"),
                                          quote_location=None, quote=""))
    assert panel.verdict.text().startswith("参考答案") and panel.answers.text() == "参考要点：党的领导；人民主体"
    assert not panel.source_button.isEnabled() and "找不到这句原文" in panel.source_button.toolTip()
    assert panel.quote.text() == "（这道题没有记录原文出处）"
    panel.clear()
    assert panel.isHidden() and panel.result is None


@pytest.mark.parametrize(("explanation", "quote", "left"), [
    ("原文：“坚持党的领导。”", "坚持党的领导。", ""),
    ("原文：“坚持党的领导。”题中把“A”和“B”说反了。", "坚持党的领导", "题中把“A”和“B”说反了。"),
    ("这是另一句话。", "坚持党的领导。", "这是另一句话。"),
    ("原文：“别的句子。”", "坚持党的领导。", "原文：“别的句子。”"),
    ("", "坚持党的领导。", ""),
])
def test_an_explanation_beyond_its_quote(explanation: str, quote: str, left: str) -> None:
    assert explanation_beyond_quote(explanation, quote) == left
