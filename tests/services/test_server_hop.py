"""The meeting room and the self-study answer path with the database a network hop away.

On a county's shared PostgreSQL server every statement is a round trip over the office network
(a few milliseconds, not SQLite's microseconds): an action that issues one statement per question
or per person is fast at home and slow in a county. So each hot action a user waits on is counted
here — its transactions and its statements, on whatever backend the fixtures give (SQLite, or
PostgreSQL with STUDYAPP_TEST_PG) — and must be ONE transaction whose statement count does not
grow from 5 items to 50 (no N+1).

And a server that goes away mid-action (the proxy in tests/support cut): the user gets a clear
Chinese message, nothing saved before is lost, and the next action after it comes back works.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from studyapp.core.blueprint import Blueprint, BlueprintItem
from studyapp.core.model import UserError
from studyapp.services import (
    attempts,
    attendance,
    documents,
    phones,
    practice,
    quiz,
    room,
    roster,
    scores,
    sessions,
    wrongbook,
)
from studyapp.services.context import CONNECTION_LOST, AppContext, ConnectionLost, StorageError, storage_message
from studyapp.services.dto_records import PersonDraft, SessionDraft
from studyapp.services.dto_room import RoomQuestion
from studyapp.services.dto_study import Scope
from tests.conftest import AttemptKey
from tests.services.conftest import approve_drafts
from tests.support.latency_proxy import LatencyProxy
from tests.support.remote import ON_SERVER, remote_context

# -------------------------------------------------------------------------------- counting


@dataclass
class Count:
    statements: int = 0
    transactions: int = 0
    sql: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.transactions} 个事务、{self.statements} 条语句"


@contextmanager
def counting(ctx: AppContext) -> Iterator[Count]:
    """Count what `ctx` sends to its database inside the block: statements as the driver gets
    them (an executemany is one: one round trip on psycopg's pipeline), transactions begun."""
    got = Count()

    def on_statement(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        got.statements += 1
        got.sql.append(statement.split("\n")[0][:120])

    def on_begin(conn: Any) -> None:
        got.transactions += 1

    event.listen(ctx.engine, "before_cursor_execute", on_statement)
    event.listen(ctx.engine, "begin", on_begin)
    try:
        yield got
    finally:
        event.remove(ctx.engine, "before_cursor_execute", on_statement)
        event.remove(ctx.engine, "begin", on_begin)


def measure(ctx: AppContext, action: Callable[[], Any]) -> Count:
    with counting(ctx) as got:
        action()
    return got


# -------------------------------------------------------------------------------- the data


def add_people(ctx: AppContext, n: int, unit: str = "乡党委") -> list[int]:
    return [roster.add_person(ctx, PersonDraft(f"干部{i:03d}", unit)).id for i in range(n)]


def new_session(ctx: AppContext, document_id: int | None, people: list[int]) -> int:
    detail = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习", place="乡政府二楼会议室",
                                                       leader="王德伦", document_id=document_id))
    attendance.set_expected(ctx, detail.id, person_ids=people)
    return detail.id


def exam_blueprint(document_id: int, n: int) -> Blueprint:
    """`n` questions of the seed's bank (16 单选, 20 判断, 16 填空 and 14 多选 approved)."""
    counts = {"judge": min(n, 20)}
    counts["single"] = min(n - counts["judge"], 16)
    counts["fill"] = n - counts["judge"] - counts["single"]
    items = tuple(BlueprintItem(t, c, 2) for t, c in counts.items() if c > 0)
    return Blueprint(document_id=document_id, items=items, time_limit_s=1800, title="测验")


@pytest.fixture
def hop(seeded_ctx: AppContext, seed_id: int) -> tuple[AppContext, int]:
    approve_drafts(seeded_ctx, seed_id)
    return seeded_ctx, seed_id


SIZES = (5, 50)
# The most statements each action may send, whatever its size (measured: SQLite / PostgreSQL;
# SQLite's count includes its PRAGMA busy_timeout and BEGIN, PostgreSQL's the writer lock).
LIMITS = {
    "练习答一题": 14,  # 12 / 12
    "交卷": 26,  # 24 / 22
    "交卷（再考同一批题）": 26,
    "保存一题答案": 9,  # 7 / 7
    "手机答一题": 6,  # 5 / 4
    "手机成绩保存到学习会": 18,  # 16 / 16
    "手机考勤": 11,  # 9 / 9
    "纸质测验成绩保存": 40,  # 36 / 24, over 7 transactions (below)
    "考勤一人": 10,  # 8 / 8
    "全部出席": 9,  # 7 / 7
    "成绩一人": 9,  # 7 / 7
    "学时": 9,  # 7 / 7
}


def grows(counts: dict[int, Count]) -> bool:
    small, big = counts[SIZES[0]], counts[SIZES[1]]
    return big.statements > small.statements or big.transactions > small.transactions


def check(name: str, counts: dict[int, Count], transactions: int = 1) -> None:
    """One transaction (or the few named), a bounded number of statements, and no more for 50
    items than for 5."""
    print(show(name, counts))
    assert counts[SIZES[0]].transactions == transactions, show(name, counts)
    assert not grows(counts), show(name, counts)
    assert counts[SIZES[1]].statements <= LIMITS[name], show(name, counts)


def show(name: str, counts: dict[int, Count]) -> str:
    return f"{name}: " + "；".join(f"{n} 项 {c}" for n, c in counts.items()) + "\n" + "\n".join(counts[SIZES[1]].sql)


# -------------------------------------------------------------------------------- self-study


def test_answering_one_practice_question_is_one_short_transaction(hop, attempt_key: AttemptKey) -> None:
    ctx, doc = hop
    person = add_people(ctx, 1)[0]
    counts = {}
    for n in SIZES:
        view = practice.start_practice(ctx, person, Scope("document", doc), count=n, seed=n)
        # a wrong answer: the 错题本 entry and the review card are written too (the longest path)
        wrong, right = attempt_key.wrong(view.id, 0), attempt_key.right(view.id, 1)
        counts[n] = measure(ctx, lambda v=view, r=wrong: practice.answer(ctx, v.id, 0, r))
        again = measure(ctx, lambda v=view, r=right: practice.answer(ctx, v.id, 1, r))
        assert again.transactions == 1
    check("练习答一题", counts)


def test_handing_in_a_quiz_is_one_transaction_whatever_its_length(hop, attempt_key: AttemptKey) -> None:
    ctx, doc = hop
    people = add_people(ctx, 2)
    sid = new_session(ctx, doc, people)
    first, again = {}, {}
    for n, person in zip(SIZES, people, strict=True):
        for round_, counts in enumerate((first, again)):
            # the second time over the same questions the 错题本 entries and review cards exist
            # and are updated: right and wrong answers change different columns of them
            view = quiz.start_exam(ctx, person, exam_blueprint(doc, n), session_id=sid, seed=n)
            assert len(view.questions) == n
            for i in range(n):  # half right, half wrong
                key = attempt_key.right if (i + round_) % 2 else attempt_key.wrong
                quiz.save_answer(ctx, view.id, i, key(view.id, i))
            counts[n] = measure(ctx, lambda v=view: quiz.submit(ctx, v.id))
    check("交卷", first)
    check("交卷（再考同一批题）", again)


def test_saving_one_quiz_answer_does_not_grow_with_the_paper(hop, attempt_key: AttemptKey) -> None:
    ctx, doc = hop
    person = add_people(ctx, 1)[0]
    counts = {}
    for n in SIZES:
        view = quiz.start_exam(ctx, person, exam_blueprint(doc, n), seed=n)
        for i in range(n - 1):
            quiz.save_answer(ctx, view.id, i, attempt_key.right(view.id, i))
        last = attempt_key.right(view.id, n - 1)
        counts[n] = measure(ctx, lambda v=view, r=last, k=n - 1: quiz.save_answer(ctx, v.id, k, r))
    check("保存一题答案", counts)


# -------------------------------------------------------------------------------- the meeting room


def _phone_quiz(ctx: AppContext, doc: int, people: list[int], sid: int) -> tuple[int, list[RoomQuestion]]:
    qids = room.pick_questions(ctx, doc, types=["single", "judge"], count=8, seed=5)
    run = room.start_run(ctx, "quiz", session_id=sid, document_id=doc,
                         setup={"question_ids": qids, "seconds": 20}, title="测验")
    questions = room.run_questions(ctx, run.info.id)
    for pid in people:
        phones.record_join(ctx, run.info.id, pid)
    return run.info.id, questions


def test_a_phone_answer_in_the_meeting_room_does_not_grow_with_the_room(hop) -> None:
    ctx, doc = hop
    counts = {}
    for n in SIZES:
        people = add_people(ctx, n, unit=f"单位{n}")
        sid = new_session(ctx, doc, people)
        run_id, questions = _phone_quiz(ctx, doc, people, sid)
        for pid in people[1:]:
            phones.record_answer(ctx, run_id, pid, questions[0].index, questions[0].answer, 3.0)
        counts[n] = measure(ctx, lambda r=run_id, p=people[0], q=questions[0]:
                            phones.record_answer(ctx, r, p, q.index, q.answer, 4.0))
    check("手机答一题", counts)


def test_two_writers_appending_to_one_run_lose_nothing(hop) -> None:
    """The phones' answers (the LAN server's writer) and the host window's own actions (its task
    runner) append to the same run at once: every event is kept, each with its own number —
    neither writer may read the same last number and collide with the other."""
    ctx, doc = hop
    people = add_people(ctx, 2)
    sid = new_session(ctx, doc, people)
    run_id, questions = _phone_quiz(ctx, doc, people, sid)
    errors: list[BaseException] = []

    def append(pid: int) -> None:
        try:
            for k in range(40):
                phones.record_answer(ctx, run_id, pid, k, questions[0].answer, 1.0)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=append, args=(pid,)) for pid in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    events = room.get_run(ctx, run_id).events
    assert sum(1 for e in events if e.get("kind") == phones.ANSWER_EVENT) == 80


def test_the_rooms_scores_and_attendance_are_saved_in_one_transaction(hop) -> None:
    ctx, doc = hop
    saved, present = {}, {}
    for n in SIZES:
        people = add_people(ctx, n, unit=f"单位{n}")
        sid = new_session(ctx, doc, people)
        run_id, questions = _phone_quiz(ctx, doc, people, sid)
        for k, pid in enumerate(people):
            for q in questions[:3]:
                phones.record_answer(ctx, run_id, pid, q.index, q.answer if k % 2 else None, 3.0)
        present[n] = measure(ctx, lambda r=run_id: phones.mark_joined_present(ctx, r))
        saved[n] = measure(ctx, lambda r=run_id: phones.save_scores(ctx, r))
        got = scores.session_scores(ctx, sid)
        assert len(got.rows) == n
        assert sorted({r.status for r in attendance.sheet(ctx, sid)}) == ["present"]
    check("手机成绩保存到学习会", saved)
    check("手机考勤", present)


def test_the_paper_tests_scores_are_saved_in_one_transaction(hop) -> None:
    ctx, doc = hop
    counts = {}
    for n in SIZES:
        people = add_people(ctx, n, unit=f"单位{n}")
        sid = new_session(ctx, doc, people)
        attendance.mark_all_present(ctx, sid)
        run = room.start_run(ctx, "paper", session_id=sid, document_id=doc, setup={"seed": 3}, title="纸质测验")
        sheet = room.paper_sheet(ctx, run.info.id)
        for pid in people:
            room.set_paper_cell(ctx, run.info.id, pid, 0, "A")
        counts[n] = measure(ctx, lambda r=run.info.id: room.save_paper_scores(ctx, r))
        assert len(scores.session_scores(ctx, sid).rows) == n
        assert sheet.people
    # the sheet is read as the window shows it (the run, the paper drawn again from the bank, the
    # people present: six short reads), then every score is written in one transaction
    check("纸质测验成绩保存", counts, transactions=7)


def test_a_bad_cell_on_the_paper_test_saves_nobodys_score(hop) -> None:
    """All or nothing: one person's mistyped cell stops the save before anyone is stored (it
    used to store the people above that row, then stop)."""
    ctx, doc = hop
    people = add_people(ctx, 3)
    sid = new_session(ctx, doc, people)
    attendance.mark_all_present(ctx, sid)
    run_id = room.start_run(ctx, "paper", session_id=sid, document_id=doc, setup={"seed": 3}, title="纸质测验").info.id
    sheet = room.paper_sheet(ctx, run_id)
    for pid in people[:2]:
        first = sheet.items[sheet.variant(pid)][0]
        good = {"single": "A", "multiple": "A", "judge": "√"}.get(first.type, "0")
        room.set_paper_cell(ctx, run_id, pid, 0, good)
    room.set_paper_cell(ctx, run_id, people[2], 0, "？？")
    with pytest.raises(UserError, match="干部002：第 1 题请输入"):
        room.save_paper_scores(ctx, run_id)
    assert scores.session_scores(ctx, sid).rows == ()
    assert not room.paper_sheet(ctx, run_id).saved
    room.set_paper_cell(ctx, run_id, people[2], 0, "")
    assert room.save_paper_scores(ctx, run_id) == 2


# -------------------------------------------------------------------------------- records


def test_marking_attendance_and_scores_does_not_grow_with_the_session(hop) -> None:
    ctx, doc = hop
    one_mark, all_present, one_score, hours = {}, {}, {}, {}
    for n in SIZES:
        people = add_people(ctx, n, unit=f"单位{n}")
        sid = new_session(ctx, doc, people)
        one_mark[n] = measure(ctx, lambda s=sid, p=people[0]: attendance.mark(ctx, s, p, "leave", "出差"))
        all_present[n] = measure(ctx, lambda s=sid: attendance.mark_all_present(ctx, s))
        one_score[n] = measure(ctx, lambda s=sid, p=people[-1]: scores.set_score(ctx, s, p, 88))
        # the 学时 ledger's own write: an hours override for one person
        hours[n] = measure(ctx, lambda s=sid, p=people[1]: attendance.mark(ctx, s, p, "present", hours=2.5))
    for name, c in (("考勤一人", one_mark), ("全部出席", all_present), ("成绩一人", one_score), ("学时", hours)):
        check(name, c)


# -------------------------------------------------------------------------------- a lost connection

needs_server = pytest.mark.skipif(not ON_SERVER, reason="needs the test PostgreSQL cluster's socket (STUDYAPP_TEST_PG)")


@pytest.fixture
def remote(seeded_template: Path, data_dir: Path) -> Iterator[tuple[AppContext, LatencyProxy]]:
    """The seed on the shared server, reached through the proxy, with its bank approved."""
    with remote_context(seeded_template, data_dir) as (ctx, proxy):
        [doc] = documents.list_documents(ctx)
        approve_drafts(ctx, doc.id)
        yield ctx, proxy


@contextmanager
def cut_at(ctx: AppContext, proxy: LatencyProxy, starts: str) -> Iterator[None]:
    """Cut the proxy just before the first statement that starts with `starts` is sent: the
    server goes away in the middle of the action."""
    fired = []

    def on_statement(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if not fired and statement.lstrip().upper().startswith(starts.upper()):
            fired.append(statement)
            proxy.cut()

    event.listen(ctx.engine, "before_cursor_execute", on_statement)
    try:
        yield
    finally:
        event.remove(ctx.engine, "before_cursor_execute", on_statement)
    assert fired, f"no statement starting with {starts!r} was sent"


@needs_server
def test_a_practice_answer_cut_off_mid_way_is_not_saved_and_the_next_one_works(remote) -> None:
    ctx, proxy = remote
    attempt_key = AttemptKey(ctx)
    [doc] = documents.list_documents(ctx)
    person = add_people(ctx, 1)[0]
    view = practice.start_practice(ctx, person, Scope("document", doc.id), count=5, seed=1)
    first = practice.answer(ctx, view.id, 0, attempt_key.wrong(view.id, 0))
    assert first.in_wrongbook
    second = attempt_key.wrong(view.id, 1)
    with cut_at(ctx, proxy, "INSERT INTO wrong_book"), pytest.raises(ConnectionLost) as lost:
        practice.answer(ctx, view.id, 1, second)
    assert lost.value.message == CONNECTION_LOST
    assert isinstance(lost.value, UserError)  # (shown as a message by the ops layer, never a traceback)
    with pytest.raises(StorageError) as away:  # still away: a clear message, not a traceback
        practice.answer(ctx, view.id, 1, second)
    print("still away:", away.value.message)
    assert away.value.message in (CONNECTION_LOST, storage_message(OSError("could not connect")))
    proxy.restore()
    # the network is back: the next action connects again; what was saved before is all there
    again = practice.answer(ctx, view.id, 1, second)
    assert again.counted and again.in_wrongbook  # (the cut one was never stored: this is the first try)
    book = wrongbook.wrong_book(ctx, person)
    assert {e.question_id for e in book.items} == {first.question_id, again.question_id}


@needs_server
def test_handing_in_cut_off_mid_way_keeps_the_quiz_open_with_its_answers(remote) -> None:
    ctx, proxy = remote
    attempt_key = AttemptKey(ctx)
    [doc] = documents.list_documents(ctx)
    person = add_people(ctx, 1)[0]
    view = quiz.start_exam(ctx, person, exam_blueprint(doc.id, 10), seed=2)
    for i in range(10):
        quiz.save_answer(ctx, view.id, i, attempt_key.right(view.id, i))
    with cut_at(ctx, proxy, "UPDATE attempt SET status"), pytest.raises(ConnectionLost):
        quiz.submit(ctx, view.id)
    proxy.restore()
    resumed = attempts.get_attempt(ctx, view.id)
    assert resumed.status == "in_progress"
    assert sum(1 for q in resumed.questions if q.answered) == 10
    result = quiz.submit(ctx, view.id)
    assert result.correct_count == 10 and result.status == "submitted"


@needs_server
def test_the_rooms_scores_cut_off_mid_way_save_nobody_and_then_everybody(remote) -> None:
    ctx, proxy = remote
    [doc] = documents.list_documents(ctx)
    people = add_people(ctx, 6)
    sid = new_session(ctx, doc.id, people)
    run_id, questions = _phone_quiz(ctx, doc.id, people, sid)
    for pid in people:
        phones.record_answer(ctx, run_id, pid, questions[0].index, questions[0].answer, 2.0)
    with cut_at(ctx, proxy, "INSERT INTO audit_entry"), pytest.raises(ConnectionLost):
        phones.save_scores(ctx, run_id)
    proxy.restore()
    assert scores.session_scores(ctx, sid).rows == ()
    assert phones.save_scores(ctx, run_id) == 6
    assert len(scores.session_scores(ctx, sid).rows) == 6


@needs_server
def test_a_server_restarted_between_actions_is_not_noticed(remote) -> None:
    """The pooled connections died with the server (overnight); they are checked before use,
    so the morning's first action simply connects again."""
    ctx, proxy = remote
    people = add_people(ctx, 2)
    sid = new_session(ctx, None, people)
    proxy.cut()
    proxy.restore()
    assert attendance.mark(ctx, sid, people[0], "present").status == "present"
    assert proxy.connections >= 2
