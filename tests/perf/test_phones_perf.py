"""手机答题 under load, on loopback (127.0.0.1 only; bounded in count and time): 100 phones join,
then answer each of ten questions within a 2-second window, through the real store (every answer
a room event in the SQLite database). Figures: p50/p99 answer latency (target p99 ≤ 100 ms on the
2-core machine), answers lost (target 0), and the longest stall of a 10 ms heartbeat on the host
thread meanwhile (target ≤ 50 ms; the host thread here stands for the GUI's)."""

from __future__ import annotations

import http.client
import json
import random
import statistics
import threading
import time

import pytest

from studyapp.lan.server import PhoneQuestion, PhoneQuiz
from studyapp.services import attendance, phones, room, roster, sessions
from studyapp.services.dto_records import PersonDraft, SessionDraft
from studyapp.ui.room.ops import PhoneStore

pytestmark = pytest.mark.perf

PHONES = 100
QUESTIONS = 10
WINDOW_S = 2.0


def test_a_hundred_phones_answer_ten_questions(seeded_ctx, seed_id, report) -> None:  # noqa: ANN001
    ctx = seeded_ctx
    detail = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习", document_id=seed_id))
    ids = [roster.add_person(ctx, PersonDraft(f"干部{i:03d}", "乡党委")).id for i in range(PHONES)]
    attendance.set_expected(ctx, detail.id, person_ids=ids)
    qids = room.pick_questions(ctx, seed_id, count=QUESTIONS, seed=5, types=("single",))
    run = room.start_run(ctx, "quiz", session_id=detail.id, document_id=seed_id,
                         setup={"question_ids": qids, "seconds": 30})
    people = {p.person_id: p.name for p in phones.people(ctx, run.info.id)}
    quiz = PhoneQuiz(people, PhoneStore(ctx, run.info.id), rate_max=10_000)  # (all phones are 127.0.0.1 here)
    quiz.start()
    latencies: list[float] = []
    failures: list[int] = []
    gaps: list[float] = []
    beating = threading.Event()

    def heartbeat() -> None:  # the host thread: must never wait on the phones
        last = time.perf_counter()
        while not beating.is_set():
            time.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    def post(conn: http.client.HTTPConnection, path: str, body: dict) -> tuple[int, dict]:
        conn.request("POST", f"/{quiz.code}/{path}", json.dumps(body), {"Content-Type": "application/json"})
        r = conn.getresponse()
        return r.status, json.loads(r.read())

    try:
        conns = {pid: http.client.HTTPConnection("127.0.0.1", quiz.port, timeout=10) for pid in people}
        tokens = {pid: post(conns[pid], "api/join", {"person": pid})[1]["token"] for pid in people}
        hb = threading.Thread(target=heartbeat)
        hb.start()
        for qi in range(QUESTIONS):
            quiz.show(PhoneQuestion(qi, qi + 1, QUESTIONS, "single", "单选题", f"第{qi + 1}题", ("甲", "乙", "丙", "丁"), 0), 30)
            rng = random.Random(qi)
            start = time.perf_counter()

            def phone(pid: int, at: float, start: float = start, qi: int = qi) -> None:
                time.sleep(max(0.0, start + at - time.perf_counter()))
                t = time.perf_counter()
                status, _ = post(conns[pid], "api/answer", {"token": tokens[pid], "q": qi, "answer": pid % 4})
                latencies.append(time.perf_counter() - t)
                if status != 200:
                    failures.append(status)

            threads = [threading.Thread(target=phone, args=(pid, rng.uniform(0, WINDOW_S))) for pid in people]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
            quiz.lock()
        beating.set()
        hb.join()
    finally:
        quiz.stop()
    stored = phones.answers(ctx, run.info.id)
    lost = PHONES * QUESTIONS - len(stored)
    p50 = statistics.median(latencies) * 1000
    p99 = sorted(latencies)[int(len(latencies) * 0.99) - 1] * 1000
    report(f"{PHONES} phones × {QUESTIONS} questions in {WINDOW_S:.0f} s windows: answer latency p50 {p50:.0f} ms, "
           f"p99 {p99:.0f} ms (target ≤ 100); answers lost {lost} (target 0), refused {len(failures)}; "
           f"host thread's longest stall {max(gaps) * 1000:.0f} ms (target ≤ 50)")
    assert lost == 0 and not failures
