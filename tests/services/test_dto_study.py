"""The plain records of self-study: a scope kept across a restart (JSON), the Chinese names of
kinds, statuses and mastery, what a learner's progress and a score read as, and 及格 against the
pass line (undecided while 简答 wait for marking)."""

from __future__ import annotations

from studyapp.services.dto_study import (
    ExamResult,
    MyStudy,
    Scope,
    ScorePoint,
    SectionMastery,
    UnfinishedAttempt,
)


def test_a_scope_survives_its_json() -> None:
    scope = Scope("sections", 3, (11, 12))
    assert Scope.from_json(scope.to_json()) == scope and scope.name == "章节"
    assert Scope.from_json(None) == Scope() and Scope().name == "全文"
    assert Scope.from_json({"kind": "wrongbook"}).name == "错题本"
    assert Scope.from_json({"kind": "review", "section_ids": ["4"]}).section_ids == (4,)


def _exam(score: float, full: float = 100.0, pass_line: float | None = 60.0, pending: int = 0,
          status: str = "submitted") -> ExamResult:
    fields = {f: None for f in ExamResult.__dataclass_fields__}
    fields.update(score=score, full_marks=full, pass_line=pass_line, pending_manual=pending, status=status)
    return ExamResult(**fields)  # type: ignore[arg-type]  # (only the fields the properties read)


def test_passed_against_the_pass_line_and_undecided_while_marking_is_pending() -> None:
    assert _exam(60).passed is True and _exam(59.5).passed is False
    assert _exam(90, pass_line=None).passed is None  # a practice has no pass line
    assert _exam(90, pending=1).passed is None  # a 简答题 is still to be marked by hand
    assert _exam(45, full=50).percent == 90.0 and _exam(0, full=0).percent == 0.0
    assert _exam(10, status="expired").status_name == "超时交卷"
    assert _exam(10).status_name == "已交卷"


def test_names_a_learner_reads() -> None:
    assert UnfinishedAttempt(1, "exam", "", "", 3, 10, 100.0).kind_name == "模拟考试"
    assert UnfinishedAttempt(1, "practice", "", "", 0, 5, None).kind_name == "练习"
    mastery = SectionMastery(5, "mastered", True, 8, 8, 5, 5, 6)
    assert mastery.state_name == "已掌握"
    assert ScorePoint("2026-03-01", 43, 50, "模拟考试", "exam").percent == 86.0


def test_accuracy_is_unknown_before_the_first_answer() -> None:
    def study(answered: int, right: int) -> MyStudy:
        return MyStudy(1, None, 0, 10, 0, 0, answered, right, 0, 0)

    assert study(0, 0).accuracy is None
    assert study(8, 6).accuracy == 0.75
