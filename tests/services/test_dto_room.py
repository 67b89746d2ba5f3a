"""The plain records of the meeting room: how a run is named in 「继续上次的…」, the contest's
setup read back from a stored run, which options turn green when the answer is shown, and whose
paper (A or B) a row of the 纸质测验 grid is."""

from __future__ import annotations

from studyapp.core.contest import ContestRules, ContestSetup, PaperItem, Team
from studyapp.services.dto_room import PaperSheet, RoomQuestion, RunInfo, RunView


def _run(kind: str = "contest", title: str = "《遵义市依法治市》", session_label: str = "") -> RunInfo:
    return RunInfo(3, kind, None, 1, title, "open", "2015-04-15T09:00:00", "2015-04-15T14:32:10",
                   session_label=session_label)


def test_a_run_is_named_by_its_kind_title_session_and_last_use() -> None:
    assert _run(session_label="2015-04-15 集中学习 乡政府二楼会议室").label == (
        "知识竞赛：《遵义市依法治市》（2015-04-15 集中学习 乡政府二楼会议室），上次操作 2015-04-15 14:32")
    assert _run("paper", title="").label == "纸质测验，上次操作 2015-04-15 14:32"
    assert [_run(k).kind_name for k in ("reading", "quiz", "contest", "paper")] == [
        "集体领学", "集体测验", "知识竞赛", "纸质测验"]


def test_a_stored_contest_setup_is_read_back_as_it_was() -> None:
    setup = ContestSetup((Team("t1", "第一队", ("王德伦",), (1,)), Team("t2", "第二队", ("孙丽",), (2,))),
                         ContestRules(base_score=50, risk_stakes=(5.0, 10.0)))
    view = RunView(_run(), {"contest": setup.to_json()}, {})
    assert view.contest_setup == setup


def _question(qtype: str, answer: object) -> RoomQuestion:
    return RoomQuestion(0, 9, qtype, "", "题干", ("甲", "乙", "丙", "丁"), answer, "", "", "")


def test_the_options_marked_green_are_the_key_of_a_choice_question_only() -> None:
    assert _question("multiple", [0, 2, 3]).correct_options == (0, 2, 3)
    assert _question("single", 1).correct_options == (1,)  # (a bare index, as older runs stored it)
    assert _question("single", [1]).correct_options == (1,)
    assert _question("judge", True).correct_options == ()
    assert _question("fill", ["依法治市"]).correct_options == ()


def test_each_row_of_the_paper_grid_has_its_variant_a_by_default() -> None:
    items = (PaperItem(1, "judge", 2, True), PaperItem(2, "single", 2, (1,)))
    sheet = PaperSheet(5, None, "测验", 100.0, {"A": items, "B": items[::-1]}, (), variant_of={7: "B"})
    assert sheet.variants == ("A", "B")
    assert sheet.variant(7) == "B" and sheet.variant(8) == "A"
    assert PaperSheet(5, None, "测验", 100.0, {}, ()).variant(8) == "A"
