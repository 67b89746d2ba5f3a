"""手机答题: the people of a study session answer a meeting-room quiz on their phones, over the
office LAN (the server is studyapp.lan; this is its door to the database).

Every answer is stored in the run as it arrives (a room event: person, question, response,
seconds) — the host PC crashing mid-quiz loses none, and a reopened quiz goes on. At the end the
answers are saved to the session like a paper test's: each person's score (one point a question,
the session's 满分 the number of questions) and their per-question results for the 试题分析.

In a 知识竞赛 the phones' presses of 抢答 are stored the same way (a room event: person, question,
team); the contest's own log (core.contest: the buzz, the judging) is kept by the host's side,
and its ranking, not the phones' answers, goes to the session."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from studyapp.core.grading import grade
from studyapp.core.model import UserError
from studyapp.db.models import StudySession
from studyapp.db.models_records import Attendance
from studyapp.services import attendance, scores
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.room import (
    append_event,
    get_run,
    grading_rule_of,
    merge_state,
    questions_of,
    run_events,
    run_row,
)

log = logging.getLogger("studyapp.phones")

ANSWER_EVENT = "phone_answer"
JOIN_EVENT = "phone_join"
BUZZ_EVENT = "phone_buzz"
PHONE_TYPES = ("single", "multiple", "judge")  # a blank or a short answer is written on paper


@dataclass(frozen=True)
class PhonePerson:
    """Someone a phone may bind to: expected at the session and not excused or absent."""

    person_id: int
    name: str  # as the phone lists it (with the unit when two share a name)
    unit: str = ""


@dataclass(frozen=True)
class PhoneTally:
    """What the host sees of a phone quiz: who joined, and who answered which question."""

    joined: tuple[int, ...]
    answered: dict[int, tuple[int, ...]]  # question index → person ids, in order of arrival


def people(ctx: AppContext, run_id: int) -> list[PhonePerson]:
    """The people a phone of this run may bind to: the session's expected attendees, except
    those already marked 请假 or 缺席."""
    run = get_run(ctx, run_id)
    if run.info.session_id is None:
        raise UserError("这次测验没有关联学习会：手机答题需要学习会的应到人员名单。")
    rows = attendance.sheet(ctx, run.info.session_id)
    return [PhonePerson(r.person_id, r.display_name, r.unit) for r in rows if r.status not in ("leave", "absent")]


def signin_people(ctx: AppContext, session_id: int) -> list[PhonePerson]:
    """手机签到 for any study session: everyone expected may sign in (one marked 请假 who came
    after all too)."""
    return [PhonePerson(r.person_id, r.display_name, r.unit) for r in attendance.sheet(ctx, session_id)]


def sign_in(ctx: AppContext, session_id: int, person_id: int) -> bool:
    """A phone signed someone in: 出席, unless already marked 出席 or 迟到 (a 迟到 stays)."""
    row = next((r for r in attendance.sheet(ctx, session_id) if r.person_id == person_id), None)
    if row is not None and row.status in ("present", "late"):
        return False
    attendance.mark(ctx, session_id, person_id, "present")  # (the audit log says when)
    return True


def record_join(ctx: AppContext, run_id: int, person_id: int) -> None:
    """A phone bound to this person (kept in the run: who joined survives a restart)."""
    append_event(ctx, run_id, JOIN_EVENT, {"person": int(person_id)})


def record_answer(ctx: AppContext, run_id: int, person_id: int, index: int, response: Any,
                  seconds: float) -> None:
    """One phone's answer to question `index`, stored at once. The server has checked the
    person, the open question, the time and that it is the first answer; the store keeps the
    first answer too (a replay after a restart changes nothing)."""
    append_event(ctx, run_id, ANSWER_EVENT, {"person": int(person_id), "q": int(index),
                                            "r": response, "s": round(float(seconds), 2)})


def record_buzz(ctx: AppContext, run_id: int, person_id: int, index: int, team: str) -> None:
    """A phone won the 抢答 of question `index` for `team` (the server decided it was first)."""
    append_event(ctx, run_id, BUZZ_EVENT, {"person": int(person_id), "q": int(index), "team": str(team)})


def buzzes(ctx: AppContext, run_id: int) -> dict[int, tuple[str, int]]:
    """question index → (team, person): who won each 抢答 on a phone (the first stored)."""
    out: dict[int, tuple[str, int]] = {}
    for e in get_run(ctx, run_id).events:
        if e.get("kind") == BUZZ_EVENT:
            out.setdefault(int(e["q"]), (str(e["team"]), int(e["person"])))
    return out


def answers(ctx: AppContext, run_id: int) -> dict[tuple[int, int], Any]:
    """(person, question index) → response: the first answer of each person to each question."""
    out: dict[tuple[int, int], Any] = {}
    for e in get_run(ctx, run_id).events:
        if e.get("kind") == ANSWER_EVENT:
            out.setdefault((int(e["person"]), int(e["q"])), e.get("r"))
    return out


def tally(ctx: AppContext, run_id: int) -> PhoneTally:
    joined: list[int] = []
    answered: dict[int, list[int]] = {}
    seen: set[tuple[int, int]] = set()
    for e in get_run(ctx, run_id).events:
        if e.get("kind") == JOIN_EVENT and int(e["person"]) not in joined:
            joined.append(int(e["person"]))
        elif e.get("kind") == ANSWER_EVENT:
            key = (int(e["person"]), int(e["q"]))
            if key not in seen:
                seen.add(key)
                answered.setdefault(key[1], []).append(key[0])
    return PhoneTally(tuple(joined), {q: tuple(p) for q, p in answered.items()})


def mark_joined_present(ctx: AppContext, run_id: int) -> int:
    """考勤 from the phones: everyone who joined and is not yet marked is marked 出席 — in one
    transaction, whatever the size of the room."""
    with ctx.begin(write=True) as session:
        row = run_row(session, run_id)
        st = session.get(StudySession, row.session_id) if row.session_id is not None else None
        if st is None:
            return 0
        joined = {int(e["person"]) for e in run_events(session, row.id) if e.get("kind") == JOIN_EVENT}
        unmarked = [a for a in session.scalars(select(Attendance).where(Attendance.session_id == st.id))
                    if a.person_id in joined and a.status is None]
        return attendance.mark_present(session, ctx.actor, st, unmarked)


def save_scores(ctx: AppContext, run_id: int) -> int:
    """保存到学习会: each person who answered gets one point per question answered right (the
    grading rule of the settings for partly right multiple answers) and their per-question
    results; the session's 满分 becomes the number of questions. Returns how many people.
    One transaction: the room's scores are stored all together or not at all, in the same few
    statements for five people or fifty."""
    with ctx.begin(write=True) as session:
        row = run_row(session, run_id)
        if row.session_id is None:
            raise UserError("这次测验没有关联学习会，无法保存成绩。")
        questions = [q for q in questions_of(session, row) if q.type in PHONE_TYPES]
        if not questions:
            raise UserError("这次测验没有可自动评分的试题（简答题不能用手机评分）。")
        given: dict[tuple[int, int], Any] = {}
        for e in run_events(session, row.id):
            if e.get("kind") == ANSWER_EVENT:
                given.setdefault((int(e["person"]), int(e["q"])), e.get("r"))
        rule = grading_rule_of(session)
        srow = session.get(StudySession, row.session_id)
        if srow is None:
            raise NotFoundError("学习会已被删除，无法保存成绩。")
        srow.full_marks = float(len(questions))
        entries = []
        for pid in sorted({p for p, _ in given}):
            total = 0.0
            results = []
            for q in questions:
                response = given.get((pid, q.index))
                g = grade({"type": q.type, "answer": q.answer}, response, rule, 1.0)
                total += g.points if response is not None else 0.0
                results.append({"q": q.id, "r": round(g.points, 4) if response is not None else 0.0})
            entries.append(scores.ScoreEntry(pid, round(total, 2), "手机答题", results))
        saved = scores.write_scores(session, ctx.actor, srow, entries)
        merge_state(row, {"phones_saved": True, "phones_saved_at": dt.datetime.now().isoformat(timespec="seconds")})
        session_id = srow.id
    log.info("phone quiz %d: %d scores saved to session %d", run_id, saved, session_id)
    return saved
