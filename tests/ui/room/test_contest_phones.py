"""手机答题 in a 知识竞赛, through the real server on loopback: the phones are buzzers (the
first press wins, the projector and the console say who, the countdown starts again for the
answer), the answering team's phone answer is judged like the host's 答对/答错 (Z undoes it),
other teams are refused, 结束 marks who joined 出席 — and a contest reopened after the host PC
stopped goes on with the same address and a press stored before the stop."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

import pytest

from studyapp.core.contest import BUZZ, COMPULSORY, ContestSetup, draw_teams
from studyapp.services import attendance, phones, room, roster, sessions
from studyapp.services.dto_records import PersonDraft, SessionDraft
from tests.ui.room.conftest import NAMES
from tests.ui.room.test_phones import call

OBJECTIVE = ("single", "multiple", "judge")


@pytest.fixture
def contest_run(seeded_ctx, seed_id):  # noqa: ANN001, ANN201
    """A contest of two teams on a session whose attendance is not taken yet (the phones take it)."""
    detail = sessions.create_session(seeded_ctx, SessionDraft(
        date="2015-04-15", mode="集中学习", place="乡政府二楼会议室", leader="王德伦", host="王德伦"))
    ids = [roster.add_person(seeded_ctx, PersonDraft(n, "乡党委")).id for n in NAMES]
    attendance.set_expected(seeded_ctx, detail.id, person_ids=ids)
    people = room.people_ids(room.session_attendees(seeded_ctx, detail.id))
    setup = {"seconds": 30, "contest": ContestSetup(draw_teams(people, 2, seed=2)).to_json(),
             "question_ids": room.pick_questions(seeded_ctx, seed_id, count=12, seed=5,
                                                 types=("single", "multiple", "judge", "fill"))}
    run = room.start_run(seeded_ctx, "contest", session_id=detail.id, document_id=seed_id, setup=setup,
                         title="依法治市知识竞赛")
    return run.info.id, detail.id


def phones_on(c) -> str:  # noqa: ANN001
    c.console.phone_address.setCurrentText("127.0.0.1")
    c.console.phone_btn.click()
    assert c.phones.on and c.audience.join_card.isVisible()
    return c.audience.join_url


def view(url: str, token: str) -> dict:
    """The phone's first server-sent event: what it shows now."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    conn.request("GET", f"{parts.path}api/events?token={token}")
    r = conn.getresponse()
    line = b""
    while not line.startswith(b"data: "):
        line = r.fp.readline()
    conn.close()
    return json.loads(line[6:])


def right_answer(q):  # noqa: ANN001, ANN201
    if q.type == "single":
        return q.answer[0] if isinstance(q.answer, list) else q.answer
    return sorted(q.answer) if q.type == "multiple" else bool(q.answer)


def show_next(c, round_: str, objective: bool | None = True) -> None:  # noqa: ANN001
    """The next question in `round_` (of the kind a phone answers, or one answered aloud)."""
    c.set_round(round_)
    c.next()
    while objective is not None and (c.questions[c.index].type in OBJECTIVE) != objective:
        c.next()
    assert c.contest.round == round_ and c.contest.question == c.index


def test_phones_buzz_answer_for_their_team_and_the_contest_judges_it(open_room, contest_run, seeded_ctx,
                                                                    qtbot, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    run_id, session_id = contest_run
    c = open_room(run_id, size=(1024, 768))  # (a county meeting room's projector)
    assert c.console.phone_box is not None and not c.console.phone_leaders.isVisible()
    url = phones_on(c)
    t1, t2 = c.setup.teams
    base = c.setup.rules.base_score
    tokens = {pid: call(url, "api/join", {"person": pid})[1]["token"] for pid in (*t1.person_ids, *t2.person_ids)}
    first = view(url, tokens[t2.person_ids[0]])
    assert first["team"] == t2.name and first["question"] is None  # (the phone shows its team)
    qtbot.waitUntil(lambda: c.audience.join_count.text() == "已加入 6 / 6 人", timeout=3000)

    # 抢答: the countdown runs (出题后自动开始), the phones' button is live; the first press wins
    show_next(c, BUZZ)
    assert c.countdown.running and view(url, tokens[t1.person_ids[0]])["contest"]["buzz"] == "open"
    winner = t2.person_ids[1]
    status, got = call(url, "api/buzz", {"token": tokens[winner], "q": c.index})
    assert status == 200 and got["team"] == t2.name
    status, got = call(url, "api/buzz", {"token": tokens[t1.person_ids[0]], "q": c.index})
    assert status == 409 and got["error"] == f"{t2.name}已抢到。"
    qtbot.waitUntil(lambda: c.contest.team == t2.id, timeout=3000)
    who = t2.member_name(winner)
    assert c.contest.buzzer == winner
    assert c.audience.banner.text() == f"抢答题　{t2.name}抢到（{who}）"
    assert c.console.log.item(c.console.log.count() - 1).text() == f"{t2.name}抢到（{who}）"
    assert c.console.status.text().startswith(f"{t2.name}抢到（{who}）")
    assert c.countdown.running and c.countdown.remaining_ms > (c.seconds - 2) * 1000  # (time for the answer)
    assert [e for e in room.get_run(seeded_ctx, run_id).events if e["kind"] == "buzzed"]  # in the contest's log
    qtbot.wait(50)
    assert c.audience_window.grab().save(str(tmp_path / "projector_buzz.png"))  # (to look at)

    # the winning team answers on a phone: another team is refused, the first answer counts, judged at once
    q = c.questions[c.index]
    status, got = call(url, "api/answer", {"token": tokens[t1.person_ids[0]], "q": q.index, "answer": right_answer(q)})
    assert status == 409 and f"现在由{t2.name}作答" in got["error"]
    status, got = call(url, "api/answer", {"token": tokens[t2.person_ids[0]], "q": q.index, "answer": right_answer(q)})
    assert status == 200, got
    qtbot.waitUntil(lambda: c.contest.judged, timeout=3000)
    assert c.contest.scores[t2.id] == base + c.setup.rules.buzz_right
    assert "在手机上答" in c.console.status.text() and "答对" in c.console.status.text()
    status, got = call(url, "api/answer", {"token": tokens[t2.person_ids[1]], "q": q.index, "answer": right_answer(q)})
    assert status == 409
    # Z undoes the phone's judgement like a click's, and the phone's answer is not judged again
    c.undo()
    assert not c.contest.judged and c.contest.team == t2.id and c.contest.scores[t2.id] == base
    qtbot.wait(1200)  # (two polls of the tally)
    assert not c.contest.judged
    c.judge(t2.id, False)  # (the host's own ruling)
    assert c.contest.scores[t2.id] == base + c.setup.rules.buzz_wrong
    c.toggle_reveal()  # 公布答案: every phone shows the key
    assert view(url, tokens[t1.person_ids[0]])["reveal"]["answer_text"] == q.answer_text

    # 必答: only the team in turn answers
    show_next(c, COMPULSORY)
    turn = c.setup.team(c.contest.team)
    other = t1 if turn is t2 else t2
    q = c.questions[c.index]
    assert view(url, tokens[other.person_ids[0]])["contest"]["answering"] == turn.name
    status, got = call(url, "api/answer", {"token": tokens[other.person_ids[0]], "q": q.index, "answer": right_answer(q)})
    assert status == 409
    before = c.contest.scores[turn.id]
    status, got = call(url, "api/answer", {"token": tokens[turn.person_ids[0]], "q": q.index, "answer": right_answer(q)})
    assert status == 200
    qtbot.waitUntil(lambda: c.contest.judged, timeout=3000)
    assert c.contest.scores[turn.id] == before + c.setup.rules.compulsory_right

    # 填空/简答 are answered aloud: the phone says so and the host judges
    show_next(c, COMPULSORY, objective=False)
    turn = c.setup.team(c.contest.team)
    assert view(url, tokens[turn.person_ids[0]])["contest"]["oral"] is True

    # a 抢答 without the countdown running: a press is too early until the host starts it (T)
    c.set_autostart(False)
    show_next(c, BUZZ, objective=None)
    assert not c.countdown.running
    status, got = call(url, "api/buzz", {"token": tokens[t1.person_ids[0]], "q": c.index})
    assert status == 409 and "还没有开始抢答" in got["error"]
    c.toggle_timer()
    status, got = call(url, "api/buzz", {"token": tokens[t1.person_ids[0]], "q": c.index})
    assert status == 200
    qtbot.waitUntil(lambda: c.contest.team == t1.id, timeout=3000)

    # 结束: the ranking is saved as before; who joined by phone is marked 出席
    from studyapp.ui.room import contest_run
    monkeypatch.setattr(contest_run, "require", lambda *_a, **_k: True)
    c.finish(confirm=False)
    assert c.contest.finished and not c.phones.on
    qtbot.waitUntil(lambda: "登记出席 6 人" in c.console.status.text(), timeout=5000)
    assert {r.status for r in attendance.sheet(seeded_ctx, session_id)} == {"present"}
    assert sessions.get_session_detail(seeded_ctx, session_id) is not None


def test_a_reopened_contest_serves_the_same_address_and_takes_a_press_stored_before_the_stop(
        open_room, contest_run, seeded_ctx, qtbot) -> None:  # noqa: ANN001
    run_id, _sid = contest_run
    c = open_room(run_id)
    url = phones_on(c)
    t1, _t2 = c.setup.teams
    token = call(url, "api/join", {"person": t1.person_ids[0]})[1]["token"]
    show_next(c, BUZZ)
    index = c.index
    c.close()  # (the host PC stopped; a press had been stored but not yet taken into the contest)
    phones.record_buzz(seeded_ctx, run_id, t1.person_ids[0], index, t1.id)
    again = open_room(run_id)
    assert again.phones.on and again.audience.join_url == url
    qtbot.waitUntil(lambda: again.contest.team == t1.id, timeout=3000)
    assert again.contest.buzzer == t1.person_ids[0] and "抢到" in again.audience.banner.text()
    phone = view(url, token)  # the phone goes on with its token
    assert phone["team"] == t1.name and phone["contest"]["buzz"] == "won"
