"""The score page of a finished attempt: a quiz's score against the pass line (undecided while
简答 wait), a practice's 小结 with its rate of the questions answered, every question listed with
its mark in words, the first wrong one opened, read-only, ↑/↓ through the list, and the buttons
that lead on (错题本 only when something was wrong)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from studyapp.services.dto_study import AnswerResult, ExamResult, QuestionReview
from studyapp.ui.study.result import ResultPage, mark_of, per_type, practice_title

OPTIONS = ("甲", "乙", "丙", "丁")


def _review(n: int, qtype: str, correct: bool | None, *, answered: bool = True, partial: bool = False,
            points: float = 0.0, flagged: bool = False) -> QuestionReview:
    result = AnswerResult(
        attempt_id=1, position=n, question_id=100 + n, type=qtype, correct=correct, points=points, max_points=2.0,
        partial=partial, response=([1] if qtype == "single" else True) if answered else None,
        response_text="B" if answered else "（未作答）", right_answer=[0] if qtype == "single" else True,
        right_answer_text="A" if qtype == "single" else "正确", explanation="", quote=f"第{n + 1}题的原文。",
        section_id=None, section_heading="", quote_location=None)
    return QuestionReview(f"第{n + 1}题的题干____。", OPTIONS if qtype == "single" else (), flagged, result, answered)


def _result(kind: str = "exam", **kw: Any) -> ExamResult:
    items = (_review(0, "single", True, points=2), _review(1, "single", False, flagged=True),
             _review(2, "judge", True, points=2), _review(3, "judge", None, answered=False))
    fields = dict(attempt_id=1, kind=kind, status="submitted", title="练习：一、总体要求" if kind == "practice" else "依法治市",
                  score=4.0, full_marks=8.0, correct_count=2, wrong_count=1, unanswered_count=1, pending_manual=0,
                  started_at="2026-03-01T09:00:00", submitted_at="2026-03-01T09:12:30", duration_s=750.0 if kind == "exam" else None,
                  items=items, pass_line=4.8 if kind == "exam" else None)
    fields.update(kw)
    return ExamResult(**fields)  # type: ignore[arg-type]  # (the test's keyword table)


@pytest.fixture
def show(qtbot):  # noqa: ANN001, ANN201
    def make(result: ExamResult) -> ResultPage:
        page = ResultPage(result)
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        qtbot.waitExposed(page)
        return page
    return make


def _texts(page: ResultPage) -> str:
    return " ".join(w.text() for w in page.findChildren(QLabel))


def test_a_quiz_shows_its_score_against_the_pass_line(show) -> None:  # noqa: ANN001
    page = show(_result())
    assert page.title_label.text() == "成绩：依法治市" and page.info_label.text() == "已交卷 · 2026-03-01 09:12"
    assert page.score_label.text() == "4 分"
    shown = _texts(page)
    assert "满分 8 分，及格线 4.8 分：未及格" in shown and "用时 12:30" in shown
    assert "答错的题已记入错题本" in shown and "2 / 4" in shown  # (each type: 2 of its 4 points)
    buttons = [b.text() for b in page.findChildren(QPushButton)]
    assert "错题本" in buttons and "再考一次" in buttons and "返回阅读" in buttons


def test_undecided_while_short_answers_wait_to_be_marked(show) -> None:  # noqa: ANN001
    page = show(_result(pending_manual=1, score=6.0))
    assert "（简答题评分后才能判定是否及格）" in _texts(page) and "简答 1 题（不自动评分）" in _texts(page)


def test_a_practice_summary_rates_the_questions_answered(show) -> None:  # noqa: ANN001
    page = show(_result("practice", wrong_count=0))
    assert page.title_label.text() == "练习小结：一、总体要求"
    assert page.score_label.text() == "答对 2 题"
    shown = _texts(page)
    # 单选 1 right of 2 answered: 50%; 判断 1 right of the 1 answered (one left alone): 100%
    assert "共 4 题，做了 2 题" in shown and "50%" in shown and "100%" in shown
    buttons = [b.text() for b in page.findChildren(QPushButton)]
    assert "错题本" not in buttons and "再练一次" in buttons


def test_every_question_is_listed_and_reviewed_read_only(show, qtbot) -> None:  # noqa: ANN001
    page = show(_result())
    rows = [page.list.item(i).text() for i in range(page.list.count())]
    assert rows == [" 1. ✔ 正确", " 2. ✘ 错误  ⚑", " 3. ✔ 正确", " 4. ○ 未答"]
    assert page.list.currentRow() == 1  # the first wrong one
    view = page.question_view
    assert view.locked and view.response() == [1] and view.rows[0].tag.text() == "✔ 正确答案"
    assert page.feedback.verdict.text() == "✘ 回答错误" and "再次作答" not in page.feedback.note.text()
    page.list.setFocus()
    QTest.keyClick(page.list, Qt.Key.Key_Down)
    assert page.list.currentRow() == 2 and view.meta.text().startswith("第 3 题 / 共 4 题")
    with qtbot.waitSignal(page.againRequested):
        next(b for b in page.findChildren(QPushButton) if b.text() == "再考一次").click()


def test_marks_per_type_and_the_practice_title() -> None:
    assert mark_of(_review(0, "single", True))[0] == "✔ 正确"
    assert mark_of(_review(0, "single", False, partial=True))[0] == "◐ 部分"
    assert mark_of(_review(0, "short", None))[0] == "◇ 自查"
    assert mark_of(_review(0, "judge", None, answered=False))[0] == "○ 未答"
    assert per_type(_result()) == [("单选题", 2, 1, 2.0, 4.0, 2), ("判断题", 2, 1, 2.0, 4.0, 1)]
    assert practice_title("练习：一、总体要求") == practice_title("练习:一、总体要求") == "一、总体要求"
