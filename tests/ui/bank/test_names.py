"""The words the 题库 screen shows for codes (ui/bank/names.py): keys written as a teacher
writes them on the answer sheet, and one set of names for types, statuses and counts."""

from __future__ import annotations

from studyapp.ui.bank.names import (
    LETTERS,
    MAX_OPTIONS,
    MIN_OPTIONS,
    STATUS_NAMES,
    TYPE_NAMES,
    answer_text,
    counts_text,
    letter,
)

from .conftest import question_view


def test_options_are_lettered_a_to_f_and_beyond_that_numbered() -> None:
    assert [letter(i) for i in range(MAX_OPTIONS)] == list("ABCDEF") == list(LETTERS)
    # (an option past F, or a broken index, still gets a readable label instead of an IndexError)
    assert letter(6) == "7" and letter(-1) == "0"
    assert MIN_OPTIONS <= MAX_OPTIONS


def test_each_type_of_key_reads_as_on_the_answer_sheet() -> None:
    assert answer_text(question_view(type="single", answer=[1])) == "B"
    assert answer_text(question_view(type="multiple", answer=[0, 2, 3])) == "ACD"
    assert answer_text(question_view(type="judge", options=(), answer=True)) == "对"
    assert answer_text(question_view(type="judge", options=(), answer=False)) == "错"
    assert answer_text(question_view(type="fill", options=(), answer=["依法", "治市"])) == "依法；治市"
    assert answer_text(question_view(type="short", options=(), answer=["要点一", "要点二"])) == "1. 要点一\n2. 要点二"


def test_a_key_not_filled_in_reads_as_nothing_rather_than_failing() -> None:
    # (a manual question saved half-done: the list and the preview show an empty key, not a crash)
    for qtype in ("single", "multiple", "judge", "fill", "short"):
        assert answer_text(question_view(type=qtype, answer=None)) == ""  # (a judge without its key is not 错)


def test_short_names_for_types_and_the_services_names_for_statuses() -> None:
    assert TYPE_NAMES == {"single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答"}
    assert STATUS_NAMES["draft"] == "草稿" and STATUS_NAMES["approved"] == "已审核" and STATUS_NAMES["retired"] == "已停用"


def test_counts_read_draft_approved_retired() -> None:
    assert counts_text(3, 40, 2) == "草稿 3 · 已审核 40 · 已停用 2"
