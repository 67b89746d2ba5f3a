"""知识竞赛 replayed from its events; paper-test cells graded as typed."""

from __future__ import annotations

import pytest

from studyapp.core.contest import (
    BUZZ,
    COMPULSORY,
    RISK,
    ContestError,
    ContestEvent,
    ContestRules,
    ContestSetup,
    PaperItem,
    Team,
    buzz_text,
    describe,
    draw_teams,
    grade_cell,
    individual_teams,
    replay,
    sheet_total,
)
from studyapp.core.grading import MULTIPLE_PARTIAL, GradingRule


def setup3(base: float = 100) -> ContestSetup:
    return ContestSetup((Team("t1", "第一组"), Team("t2", "第二组"), Team("t3", "第三组")),
                        ContestRules(base_score=base))


def play(setup: ContestSetup, *actions) -> object:
    """Apply builder calls in turn: ("show", round, q[, team]) / ("judge", ok[, team, stake]) …"""
    state = replay(setup, [])
    for name, *args in actions:
        event = getattr(state, name)(*args)
        state = replay(setup, (*state.events, event))
    return state


def test_compulsory_round_goes_round_the_teams_in_turn() -> None:
    s = setup3()
    state = play(s, ("show", COMPULSORY, 0), ("judge", True), ("show", COMPULSORY, 1),
                 ("judge", False), ("show", COMPULSORY, 2))
    assert state.team == "t3"  # third question: third team
    assert state.scores == {"t1": 110, "t2": 100, "t3": 100}
    assert state.right["t1"] == 1 and state.wrong["t2"] == 1
    with pytest.raises(ContestError, match="必答题由第三组作答"):
        state.judge(True, "t1")


def test_buzz_needs_the_team_that_buzzed_and_wrong_answers_lose_points() -> None:
    state = play(setup3(), ("show", BUZZ, 0))
    with pytest.raises(ContestError, match="抢到答题权"):
        state.judge(True)
    state = play(setup3(), ("show", BUZZ, 0), ("judge", False, "t2"))
    assert state.scores["t2"] == 90
    with pytest.raises(ContestError, match="已经判定"):
        state.judge(True, "t3")


def test_risk_stakes_are_won_or_lost() -> None:
    state = play(setup3(), ("show", RISK, 0, "t1"), ("judge", True, None, 30),
                 ("show", RISK, 1, "t2"), ("judge", False, None, 20))
    assert state.scores == {"t1": 130, "t2": 80, "t3": 100}
    with pytest.raises(ContestError, match="10、20、30"):
        play(setup3(), ("show", RISK, 2, "t3")).judge(True, None, 25)


def test_undo_is_recorded_and_cancels_the_last_scoring_action() -> None:
    state = play(setup3(), ("show", BUZZ, 0), ("judge", True, "t1"), ("adjust", "t2", 5, "裁判加分"))
    state = play(setup3(), ("show", BUZZ, 0), ("judge", True, "t1"), ("adjust", "t2", 5, "裁判加分"),
                 ("undo",))
    assert state.scores == {"t1": 110, "t2": 100, "t3": 100}
    assert [e.kind for e in state.events][-1] == "undo"  # undo is itself in the log
    state = replay(state.setup, (*state.events, state.undo()))
    assert state.scores == {"t1": 100, "t2": 100, "t3": 100}
    assert not state.judged  # the buzz question is open again for another team
    assert state.team is None
    state = replay(state.setup, (*state.events, state.judge(True, "t3")))
    assert state.scores["t3"] == 110
    with pytest.raises(ContestError, match="没有可以撤销"):
        play(setup3(), ("show", BUZZ, 0)).undo()


def test_ties_share_a_rank_and_replay_is_deterministic() -> None:
    s = setup3()
    state = play(s, ("show", BUZZ, 0), ("judge", True, "t2"), ("show", BUZZ, 1), ("judge", True, "t3"))
    board = state.scoreboard()
    assert [(line.name, line.rank) for line in board] == [("第二组", 1), ("第三组", 1), ("第一组", 3)]
    stored = [e.to_json() for e in state.events]  # what the database keeps
    again = replay(s, stored)
    assert again.scores == state.scores and again.scoreboard() == board


def test_finished_contest_refuses_scoring() -> None:
    state = play(setup3(), ("show", BUZZ, 0), ("finish",))
    assert state.finished
    with pytest.raises(ContestError, match="已经结束"):
        state.judge(True, "t1")


def test_setup_checks_and_json_round_trip() -> None:
    with pytest.raises(ContestError, match="至少需要两个队"):
        ContestSetup((Team("t1", "甲"),))
    with pytest.raises(ContestError, match="名称重复"):
        ContestSetup((Team("t1", "甲"), Team("t2", "甲")))
    s = setup3(base=50)
    assert ContestSetup.from_json(s.to_json()) == s
    assert replay(s, []).scores["t1"] == 50
    assert ContestEvent.from_json({"kind": "judge", "team": "t1", "correct": True, "points": 10}).points == 10


def test_teams_are_drawn_evenly_and_reproducibly() -> None:
    people = [(i, f"人{i}") for i in range(1, 12)]
    teams = draw_teams(people, 3, seed=7)
    assert sorted(len(t.members) for t in teams) == [3, 4, 4]
    assert sorted(pid for t in teams for pid in t.person_ids) == list(range(1, 12))
    assert draw_teams(people, 3, seed=7) == teams
    assert [t.name for t in teams] == ["第一组", "第二组", "第三组"]
    with pytest.raises(ContestError, match="不够分成"):
        draw_teams(people[:2], 3)
    solo = individual_teams(people[:3])
    assert [t.name for t in solo] == ["人1", "人2", "人3"]


# ------------------------------------------------------------------------------------ paper test

ITEMS = (
    PaperItem(1, "single", 2, [2]),
    PaperItem(2, "multiple", 4, [0, 1, 3]),
    PaperItem(3, "judge", 2, False),
    PaperItem(4, "fill", 2, ["依法治市"]),
    PaperItem(5, "short", 10, ["要点"]),
)


def test_letters_grade_objective_questions_at_once() -> None:
    assert grade_cell(ITEMS[0], "c").points == 2 and grade_cell(ITEMS[0], "c").text == "C"
    assert grade_cell(ITEMS[0], "Ｃ").correct  # full-width letter from an IME
    assert grade_cell(ITEMS[0], "B").points == 0
    assert grade_cell(ITEMS[0], "BC").points == 0  # two marks on a single choice
    assert grade_cell(ITEMS[1], "dab").text == "ABD" and grade_cell(ITEMS[1], "dab").points == 4
    assert grade_cell(ITEMS[1], "AB").points == 0
    assert grade_cell(ITEMS[1], "AB", GradingRule(MULTIPLE_PARTIAL)).points == 2
    assert grade_cell(ITEMS[2], "B").correct and grade_cell(ITEMS[2], "×").text == "×"
    assert grade_cell(ITEMS[2], "a").points == 0
    assert "选项字母" in grade_cell(ITEMS[0], "E").error
    assert grade_cell(ITEMS[0], "").points is None


def test_subjective_points_are_typed_and_checked() -> None:
    assert grade_cell(ITEMS[4], "7.5").points == 7.5
    assert "0～10" in grade_cell(ITEMS[4], "12").error
    assert grade_cell(ITEMS[3], "2").points == 2
    total, results = sheet_total(ITEMS, {0: "C", 1: "ABD", 2: "×", 3: "2", 4: "6"})
    assert total == 16 and all(r.error == "" for r in results)


def test_going_back_to_a_compulsory_question_keeps_its_team_and_the_turn() -> None:
    state = play(setup3(), ("show", COMPULSORY, 0), ("show", COMPULSORY, 1), ("show", COMPULSORY, 0))
    assert state.team == "t1"
    state = replay(state.setup, (*state.events, state.show(COMPULSORY, 2)))
    assert state.team == "t3"


def teams_with_people() -> ContestSetup:
    return ContestSetup((Team("t1", "第一组", ("王德伦", "陈志强"), (1, 2)),
                         Team("t2", "第二组", ("李红梅", "张三"), (3, 4))))


def test_a_buzz_names_the_answering_team_and_replays_the_same_after_a_restart() -> None:
    s = teams_with_people()
    state = play(s, ("show", BUZZ, 0), ("buzz", "t2", 4, 0))
    assert state.team == "t2" and state.buzzer == 4 and state.buzz_team == "t2"
    # stored as JSON and read back (the database): the same board, the same buzz
    again = replay(s, [e.to_json() for e in state.events])
    assert (again.team, again.buzzer) == ("t2", 4)
    assert state.events[-1].to_json() == {"kind": "buzzed", "round": BUZZ, "question": 0, "team": "t2", "person": 4}
    assert describe(state.events[-1], s) == "第二组抢到（张三）"
    assert buzz_text(s, "t1", None) == "第一组抢到"
    # one winner a question; judged as the buzzing team by default
    with pytest.raises(ContestError, match="第二组已抢到"):
        state.buzz("t1", 1)
    state = replay(s, (*state.events, state.judge(False)))
    assert state.scores["t2"] == 90 and state.judged
    # undoing the judgement keeps the buzz: the same team answers again
    state = replay(s, (*state.events, state.undo()))
    assert state.team == "t2" and not state.judged and state.scores["t2"] == 100
    # a new question: nobody has buzzed
    state = replay(s, (*state.events, state.show(BUZZ, 1)))
    assert state.team is None and state.buzzer is None


def test_a_buzz_is_refused_outside_a_buzz_question_late_or_from_a_non_member() -> None:
    s = teams_with_people()
    with pytest.raises(ContestError, match="不是抢答题"):
        play(s, ("show", COMPULSORY, 0)).buzz("t1", 1)
    state = play(s, ("show", BUZZ, 1))
    with pytest.raises(ContestError, match="已经结束"):
        state.buzz("t1", 1, 0)  # (a press for the question before)
    with pytest.raises(ContestError, match="不是第一组的队员"):
        state.buzz("t1", 3)
    judged = play(s, ("show", BUZZ, 1), ("judge", True, "t1"))
    with pytest.raises(ContestError, match="已经判定"):
        judged.buzz("t2", 3)
    # a buzz event that arrives after the question moved on changes nothing on replay
    late = replay(s, (*play(s, ("show", BUZZ, 1), ("show", BUZZ, 2)).events,
                      ContestEvent("buzzed", round=BUZZ, question=1, team="t2", person=3)))
    assert late.team is None


def test_risk_questions_go_round_the_teams_in_turn_too() -> None:
    state = play(setup3(), ("show", RISK, 0), ("judge", True, None, 20), ("show", RISK, 1))
    assert state.team == "t2" and state.scores["t1"] == 120
    state = replay(state.setup, (*state.events, state.show(RISK, 0)))  # back to the first: still its team
    assert state.team == "t1"


def test_in_an_individual_contest_the_buzzer_is_the_team() -> None:
    s = ContestSetup(individual_teams([(7, "王德伦"), (8, "李红梅")]), individual=True)
    state = play(s, ("show", BUZZ, 0), ("buzz", "p8", 8))
    assert describe(state.events[-1], s) == "李红梅抢到"
