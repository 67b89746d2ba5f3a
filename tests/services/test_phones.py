"""手机答题 through the services: who may bind, answers stored as they come (first wins), the
scores and per-question results saved to the session, attendance taken from who joined."""

from __future__ import annotations

import pytest

from studyapp.core.model import UserError
from studyapp.services import attendance, phones, room, scores, sessions
from studyapp.services.context import AppContext
from tests.services.test_room_service import NAMES, make_session


def start_quiz(ctx: AppContext, document_id: int, session_id: int | None) -> int:
    qids = room.pick_questions(ctx, document_id, count=8, seed=5)
    run = room.start_run(ctx, "quiz", session_id=session_id, document_id=document_id,
                         setup={"question_ids": qids, "seconds": 20}, title="依法治市测验")
    return run.info.id


def test_phone_answers_are_kept_first_come_and_land_in_the_session(seeded_ctx: AppContext, seed_id: int) -> None:
    sid, people = make_session(seeded_ctx, seed_id, mark=False)
    attendance.mark(seeded_ctx, sid, people[5], "leave")
    run_id = start_quiz(seeded_ctx, seed_id, sid)
    # who a phone may bind to: expected, not excused
    assert [p.name for p in phones.people(seeded_ctx, run_id)] == NAMES[:5]
    questions = [q for q in room.run_questions(seeded_ctx, run_id) if q.type in phones.PHONE_TYPES]
    assert questions
    q = questions[0]
    right = q.answer if q.type != "single" else (q.answer[0] if isinstance(q.answer, list) else q.answer)
    wrong = (right + 1) % len(q.options) if q.type == "single" else (not right if q.type == "judge" else [0, 1, 2, 3])
    a, b = people[0], people[1]
    phones.record_join(seeded_ctx, run_id, a)
    phones.record_join(seeded_ctx, run_id, b)
    phones.record_answer(seeded_ctx, run_id, a, q.index, right, 12.5)
    phones.record_answer(seeded_ctx, run_id, b, q.index, wrong, 3.0)
    phones.record_answer(seeded_ctx, run_id, a, q.index, wrong, 1.0)  # a replay: the first answer stays
    assert phones.answers(seeded_ctx, run_id) == {(a, q.index): right, (b, q.index): wrong}
    tally = phones.tally(seeded_ctx, run_id)
    assert tally.joined == (a, b) and tally.answered == {q.index: (a, b)}
    assert phones.mark_joined_present(seeded_ctx, run_id) == 2
    marks = {r.person_id: r.status for r in attendance.sheet(seeded_ctx, sid)}
    assert marks[a] == marks[b] == "present" and marks[people[2]] is None and marks[people[5]] == "leave"
    assert phones.save_scores(seeded_ctx, run_id) == 2
    got = {r.person_id: r for r in scores.session_scores(seeded_ctx, sid).rows}
    assert got[a].score == 1 and got[b].score == 0 and got[a].note == "手机答题"
    assert sessions.get_session_detail(seeded_ctx, sid).full_marks == len(questions)
    assert people[2] not in got  # (nobody answered for them: no score, not a zero)
    # every answer lands in the 试题分析: one row per question, the first one answered by both
    items = scores.session_scores(seeded_ctx, sid).items
    assert len(items) == len(questions)
    first = next(i for i in items if i.question_id == q.id)
    assert first.stat.correct_rate == 0.5


def test_a_quiz_without_a_session_cannot_take_phones(seeded_ctx: AppContext, seed_id: int) -> None:
    run_id = start_quiz(seeded_ctx, seed_id, None)
    with pytest.raises(UserError, match="没有关联学习会"):
        phones.people(seeded_ctx, run_id)
    with pytest.raises(UserError, match="没有关联学习会"):
        phones.save_scores(seeded_ctx, run_id)


def test_a_phone_sign_in_marks_present_and_keeps_a_late_mark(seeded_ctx: AppContext, seed_id: int) -> None:
    sid, people = make_session(seeded_ctx, seed_id, mark=False)
    attendance.mark(seeded_ctx, sid, people[1], "late")
    attendance.mark(seeded_ctx, sid, people[2], "leave")
    assert {p.person_id for p in phones.signin_people(seeded_ctx, sid)} == set(people)  # (one on leave may come)
    assert phones.sign_in(seeded_ctx, sid, people[0]) is True
    assert phones.sign_in(seeded_ctx, sid, people[1]) is False  # 迟到 stays
    assert phones.sign_in(seeded_ctx, sid, people[2]) is True  # came after all
    marks = {r.person_id: (r.status, r.reason) for r in attendance.sheet(seeded_ctx, sid)}
    assert marks[people[0]] == ("present", "") and marks[people[1]][0] == "late"
    assert marks[people[2]][0] == "present"


def test_a_contest_keeps_the_phones_buzzes_apart_from_its_own_log(seeded_ctx: AppContext, seed_id: int) -> None:
    from studyapp.core.contest import BUZZ, ContestSetup, draw_teams

    sid, people = make_session(seeded_ctx, seed_id)
    teams = draw_teams(room.people_ids(room.session_attendees(seeded_ctx, sid)), 3, seed=1)
    run_id = room.start_run(seeded_ctx, "contest", session_id=sid, document_id=seed_id,
                            setup={"contest": ContestSetup(teams).to_json(), "seconds": 20,
                                   "question_ids": room.pick_questions(seeded_ctx, seed_id, count=4, seed=3)},
                            title="依法治市知识竞赛").info.id
    team = room.get_run(seeded_ctx, run_id).contest_setup.teams[1]
    pid = team.person_ids[0]
    state = room.record_contest_event(seeded_ctx, run_id, room.contest_state(seeded_ctx, run_id).show(BUZZ, 0))
    phones.record_buzz(seeded_ctx, run_id, pid, 0, team.id)
    phones.record_buzz(seeded_ctx, run_id, people[0], 0, "t1")  # (a later one: the first stays)
    assert phones.buzzes(seeded_ctx, run_id) == {0: (team.id, pid)}
    # the contest's board is not changed by a phone's press until the host records the buzz
    assert room.contest_state(seeded_ctx, run_id).team is None
    room.record_contest_event(seeded_ctx, run_id, state.buzz(team.id, pid, 0))
    replayed = room.contest_state(seeded_ctx, run_id)
    assert (replayed.team, replayed.buzzer) == (team.id, pid)
