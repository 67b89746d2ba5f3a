"""手机答题 in a 知识竞赛, on loopback: phones as buzzers (the first press to arrive wins, one
winner however many press at once), presses refused before the host opens buzzing or from
someone in no team, and the answering team's first answer taken — once, from that team only."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from studyapp.lan.server import ContestTeams, PhoneQuestion, PhoneQuiz, Turn
from tests.lan.test_server import MULTI, SINGLE, Clock, call, first_event, join
from tests.lan.test_server import Store as QuizStore


class Store(QuizStore):
    def __init__(self) -> None:
        super().__init__()
        self.buzzes: list[tuple[int, int, str]] = []

    def record_buzz(self, pid: int, index: int, team: str) -> None:
        if self.fail:
            raise OSError("disk full")
        self.buzzes.append((pid, index, team))


PEOPLE = {1: "王德伦", 2: "陈志强", 3: "李红梅", 4: "王伟", 5: "孙丽（旁听）"}
TEAMS = ContestTeams({"t1": "第一组", "t2": "第二组"}, {1: "t1", 2: "t1", 3: "t2", 4: "t2"})
FILL = PhoneQuestion(2, 3, 3, "paper", "填空题", "依法治市的目标是建设____。", (), "法治遵义", "法治遵义")


def buzz_turn(open_: bool = True, team: str | None = None, judged: bool = False) -> Turn:
    return Turn("buzz", "抢答题", team, open_, judged)


@pytest.fixture
def contest():
    store, clock = Store(), Clock()
    poked: list[int] = []
    q = PhoneQuiz(PEOPLE, store, clock=clock, teams=TEAMS, rate_max=1000, on_change=lambda: poked.append(1))
    q.start()
    q.store_, q.clock_, q.poked_ = store, clock, poked  # type: ignore[attr-defined]  # (the test's handles)
    yield q
    q.stop()


def post(q: PhoneQuiz, path: str, body: dict[str, Any]) -> tuple[int, dict]:
    status, _h, data = call(q, "POST", f"/{q.code}/api/{path}", body)
    return status, data


def test_a_phone_shows_its_team_and_the_first_buzz_wins(contest) -> None:
    tokens = {pid: join(contest, pid) for pid in (1, 3, 5)}
    assert first_event(contest, tokens[1])["team"] == "第一组"
    contest.show(SINGLE, 20, buzz_turn(open_=False))
    view = first_event(contest, tokens[3])
    assert view["contest"]["buzz"] == "wait" and view["contest"]["member"]
    # before the host opens buzzing: refused, and nothing stored
    status, data = post(contest, "buzz", {"token": tokens[3], "q": 0})
    assert status == 409 and "还没有开始抢答" in data["error"] and contest.store_.buzzes == []
    contest.show(SINGLE, 20, buzz_turn())
    assert first_event(contest, tokens[3])["contest"]["buzz"] == "open"
    # someone in no team cannot buzz
    status, data = post(contest, "buzz", {"token": tokens[5], "q": 0})
    assert status == 403 and "不在参赛队中" in data["error"]
    assert first_event(contest, tokens[5])["contest"]["member"] is False
    status, data = post(contest, "buzz", {"token": tokens[3], "q": 0})
    assert status == 200 and data["team"] == "第二组"
    assert contest.store_.buzzes == [(3, 0, "t2")] and contest.poked_ == [1]
    assert contest.snapshot().buzz == (0, "t2", 3)
    status, data = post(contest, "buzz", {"token": tokens[1], "q": 0})
    assert status == 409 and data["error"] == "第二组已抢到。"
    mine, theirs = first_event(contest, tokens[3])["contest"], first_event(contest, tokens[1])["contest"]
    assert mine["buzz"] == "won" and mine["ours"] and theirs["buzz"] == "taken" and theirs["buzzer"] == "李红梅"
    assert theirs["answering"] == "第二组" and not theirs["ours"]


def test_many_phones_buzz_at_once_and_exactly_one_wins(contest) -> None:
    people = {i: f"干部{i}" for i in range(1, 31)}
    teams = ContestTeams({"t1": "第一组", "t2": "第二组", "t3": "第三组"}, {i: f"t{i % 3 + 1}" for i in people})
    store = Store()
    q = PhoneQuiz(people, store, teams=teams, rate_max=1000)
    q.start()
    try:
        tokens = {pid: q._token(pid) for pid in people}  # (as if each had joined)
        q.show(SINGLE, 30, buzz_turn())
        results: dict[int, tuple[int, dict]] = {}
        go = threading.Barrier(len(people))

        def phone(pid: int) -> None:
            go.wait()
            results[pid] = post(q, "buzz", {"token": tokens[pid], "q": 0})

        threads = [threading.Thread(target=phone, args=(pid,)) for pid in people]
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        winners = [pid for pid, (status, _d) in results.items() if status == 200]
        assert len(results) == 30 and len(winners) == 1
        won = winners[0]
        assert store.buzzes == [(won, 0, teams.of[won])] and q.snapshot().buzz == (0, teams.of[won], won)
        losers = {d["error"] for pid, (status, d) in results.items() if pid != won}
        assert losers == {f"{teams.names[teams.of[won]]}已抢到。"}
    finally:
        q.stop()


def test_a_buzz_is_refused_when_late_judged_or_for_another_question(contest) -> None:
    token = join(contest, 2)
    contest.show(SINGLE, 10, buzz_turn())
    contest.clock_.now += 11
    status, data = post(contest, "buzz", {"token": token, "q": 0})
    assert status == 409 and "时间已到" in data["error"]
    assert first_event(contest, token)["contest"]["buzz"] == "closed"
    contest.show(MULTI, 10, buzz_turn())
    status, data = post(contest, "buzz", {"token": token, "q": 0})
    assert status == 409 and "已经结束" in data["error"]
    contest.show(MULTI, 10, buzz_turn(team="t2"))  # (the host chose a team by hand)
    status, data = post(contest, "buzz", {"token": token, "q": 1})
    assert status == 409 and "主持人选定" in data["error"]
    contest.show(MULTI, 10, Turn("compulsory", "必答题", "t1"))
    status, data = post(contest, "buzz", {"token": token, "q": 1})
    assert status == 409 and "不是抢答题" in data["error"] and contest.store_.buzzes == []


def test_only_the_answering_team_answers_once_and_the_server_grades_it(contest) -> None:
    tokens = {pid: join(contest, pid) for pid in (1, 2, 3, 5)}
    contest.show(MULTI, 20, Turn("compulsory", "必答题", "t1"))
    assert first_event(contest, tokens[3])["contest"]["answering"] == "第一组"
    for pid, why in ((3, "现在由第一组作答"), (5, "不在参赛队中")):
        status, data = post(contest, "answer", {"token": tokens[pid], "q": 1, "answer": [0, 2]})
        assert status == 409 and why in data["error"], pid
    status, _d = post(contest, "answer", {"token": tokens[2], "q": 1, "answer": [0, 2]})
    assert status == 200
    status, data = post(contest, "answer", {"token": tokens[1], "q": 1, "answer": [1]})
    assert status == 409 and "本队已由陈志强提交答案" in data["error"]
    assert contest.store_.answers == [(2, 1, [0, 2], 20.0)]
    a = contest.snapshot().team_answer
    assert a is not None and (a.question, a.team, a.person, a.correct, a.text) == (1, "t1", 2, True, "AC")
    view = first_event(contest, tokens[1])  # a teammate sees the team's answer
    assert view["answered"] and view["mine"] == [0, 2] and view["contest"]["by"] == "陈志强"
    contest.reveal()
    assert first_event(contest, tokens[1])["reveal"]["correct"] is True
    assert first_event(contest, tokens[3])["reveal"]["answer_text"] == "AC"  # every phone sees the key


def test_in_a_buzz_round_only_the_winner_answers_and_an_oral_question_is_not_taken(contest) -> None:
    tokens = {pid: join(contest, pid) for pid in (1, 3, 4)}
    contest.show(SINGLE, 20, buzz_turn())
    status, data = post(contest, "answer", {"token": tokens[3], "q": 0, "answer": 0})
    assert status == 409 and "请先抢答" in data["error"]
    assert post(contest, "buzz", {"token": tokens[1], "q": 0})[0] == 200
    status, data = post(contest, "answer", {"token": tokens[3], "q": 0, "answer": 0})
    assert status == 409 and "第一组作答" in data["error"]
    assert post(contest, "answer", {"token": tokens[1], "q": 0, "answer": 1})[0] == 200
    a = contest.snapshot().team_answer
    assert a is not None and a.team == "t1" and a.correct is False
    # judged by the host: no more answers
    contest.show(SINGLE, 20, Turn("compulsory", "必答题", "t2", judged=True))
    status, data = post(contest, "answer", {"token": tokens[3], "q": 0, "answer": 0})
    assert status == 409 and "已经判定" in data["error"]
    contest.show(FILL, 20, Turn("risk", "风险题", "t2"))
    status, data = post(contest, "answer", {"token": tokens[4], "q": 2, "answer": 0})
    assert status == 409 and "口头作答" in data["error"]
    assert first_event(contest, tokens[4])["contest"]["oral"] is True


def test_a_reopened_contest_remembers_the_buzz_and_the_team_answer() -> None:
    store = Store()
    again = PhoneQuiz(PEOPLE, store, teams=TEAMS, buzzes={0: ("t2", 4)}, known={(4, 0): 0})
    again.start()
    try:
        token = join(again, 3)
        again.show(SINGLE, None, buzz_turn())
        status, data = post(again, "buzz", {"token": join(again, 1), "q": 0})
        assert status == 409 and data["error"] == "第二组已抢到。"
        status, data = post(again, "answer", {"token": token, "q": 0, "answer": 0})
        assert status == 409 and "本队已由王伟提交答案" in data["error"]
        assert again.snapshot().team_answer is not None and store.buzzes == [] and store.answers == []
    finally:
        again.stop()


def test_a_buzz_the_database_could_not_take_does_not_count(contest) -> None:
    token = join(contest, 4)
    contest.show(SINGLE, 20, buzz_turn())
    contest.store_.fail = True
    status, data = post(contest, "buzz", {"token": token, "q": 0})
    assert status == 503 and contest.snapshot().buzz is None
    contest.store_.fail = False
    assert post(contest, "buzz", {"token": token, "q": 0})[0] == 200
