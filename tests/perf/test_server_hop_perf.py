"""The hot actions of self-study and the meeting room with the shared PostgreSQL server a network
hop away: through the proxy of tests/support with 0 ms and then 5 ms added each way (a county
network), each action's median time and the statements it sends.

    bash scripts/test-postgres.sh -s -p no:randomly tests/perf/test_server_hop_perf.py

A statement is a round trip, so an action's time over the hop should be its time without the
hop plus about (statements + BEGIN/COMMIT and the pool's check) × 10 ms. The bound checked is a
loose ratio against that estimate, measured in the same run: an action with hidden round trips
(a read per question or per person that the count missed) would exceed it many times over.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from studyapp.services import attendance, documents, phones, practice, quiz, scores
from studyapp.services.context import AppContext
from studyapp.services.dto_study import Scope
from tests.conftest import AttemptKey
from tests.services.conftest import approve_drafts
from tests.services.test_server_hop import _phone_quiz, add_people, counting, exam_blueprint, new_session
from tests.support.remote import ON_SERVER, remote_context

pytestmark = [pytest.mark.perf,
              pytest.mark.skipif(not ON_SERVER, reason="needs the test PostgreSQL cluster (scripts/test-postgres.sh)")]

DELAYS_MS = (0.0, 5.0)
REPEAT = 5
PEOPLE = 30
QUESTIONS = 30


def _timed(ctx: AppContext, setup: Callable[[int], Any], action: Callable[[Any], Any]) -> tuple[float, int, int]:
    """Median ms of `action(setup(i))` over REPEAT runs (setup not timed), and the statements and
    transactions of the last run."""
    times = []
    for i in range(REPEAT):
        arg = setup(i)
        with counting(ctx) as got:
            t = time.perf_counter()
            action(arg)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), got.statements, got.transactions


def test_hot_actions_over_a_network_hop(seeded_template: Path, tmp_path: Path, report) -> None:  # noqa: ANN001
    folder = tmp_path / "remote"
    folder.mkdir()
    with remote_context(seeded_template, folder) as (ctx, proxy):
        [doc] = documents.list_documents(ctx)
        approve_drafts(ctx, doc.id)
        keys = AttemptKey(ctx)
        person = add_people(ctx, 1, unit="自学")[0]
        people = add_people(ctx, PEOPLE)
        figures: dict[str, dict[float, tuple[float, int, int]]] = {}

        def run(name: str, setup: Callable[[int], Any], action: Callable[[Any], Any], delay: float) -> None:
            figures.setdefault(name, {})[delay] = _timed(ctx, setup, action)

        for delay in DELAYS_MS:
            proxy.delay_ms = delay
            practice_view = practice.start_practice(ctx, person, Scope("document", doc.id), count=REPEAT, seed=int(delay))
            run("练习答一题（写错题本）", lambda i, v=practice_view: (v.id, i, keys.wrong(v.id, i)),
                lambda a: practice.answer(ctx, *a), delay)
            exam = quiz.start_exam(ctx, person, exam_blueprint(doc.id, QUESTIONS), seed=int(delay))
            run("考试保存一题答案", lambda i, v=exam: (v.id, i, keys.right(v.id, i)),
                lambda a: quiz.save_answer(ctx, *a), delay)

            def answered_exam(i: int, d: float = delay) -> int:
                view = quiz.start_exam(ctx, person, exam_blueprint(doc.id, QUESTIONS), seed=int(d) * 100 + i)
                for k in range(QUESTIONS):
                    quiz.save_answer(ctx, view.id, k, (keys.right if k % 2 else keys.wrong)(view.id, k))
                return view.id

            run(f"交卷（{QUESTIONS} 题）", answered_exam, lambda a: quiz.submit(ctx, a), delay)

            def phone_room(i: int) -> tuple[int, int, list[Any]]:
                sid = new_session(ctx, doc.id, people)
                run_id, questions = _phone_quiz(ctx, doc.id, people, sid)
                for k, pid in enumerate(people):
                    phones.record_answer(ctx, run_id, pid, questions[0].index, questions[0].answer if k % 2 else None, 2.0)
                return sid, run_id, questions

            rooms = [phone_room(i) for i in range(REPEAT)]
            run("手机答一题", lambda i, r=rooms: (r[i][1], people[i], r[i][2][1].index, r[i][2][1].answer),
                lambda a: phones.record_answer(ctx, *a, 3.0), delay)
            run(f"手机考勤（{PEOPLE} 人）", lambda i, r=rooms: r[i][1], lambda r: phones.mark_joined_present(ctx, r), delay)
            run(f"手机成绩保存到学习会（{PEOPLE} 人）", lambda i, r=rooms: r[i][1], lambda r: phones.save_scores(ctx, r), delay)
            run(f"全部出席（{PEOPLE} 人）", lambda i: new_session(ctx, doc.id, people),
                lambda s: attendance.mark_all_present(ctx, s), delay)
            run("成绩录入一人", lambda i, r=rooms: (r[i][0], people[i]), lambda a: scores.set_score(ctx, *a, 5), delay)
            run("考勤一人（含学时）", lambda i, r=rooms: (r[i][0], people[i]),
                lambda a: attendance.mark(ctx, *a, "present", hours=2.0), delay)

    report(f"hot actions over the proxy (median of {REPEAT}; statements; transactions):")
    report(f"{'action':<28} {'0 ms':>9} {'5 ms each way':>14} {'statements':>11} {'tx':>3} {'ratio*':>7}")
    ratios = {}
    for name, by_delay in figures.items():
        t0, n, tx = by_delay[DELAYS_MS[0]]
        t5, n5, _ = by_delay[DELAYS_MS[1]]
        # each round trip costs 2 × 5 ms over the hop: the statements, plus BEGIN, COMMIT and
        # the pool's check of the connection for each transaction
        expected = 2 * DELAYS_MS[1] * (n5 + 3 * tx)
        ratios[name] = (t5 - t0) / expected
        report(f"{name:<28} {t0:>7.1f}ms {t5:>12.1f}ms {n:>11} {tx:>3} {ratios[name]:>7.2f}")
    report("* (time at 5 ms − time at 0 ms) / (10 ms × (statements + 3 × transactions))")
    for name, ratio in ratios.items():
        assert ratio <= 2.0, f"{name}: {ratio:.2f} × the round trips counted — a hidden statement per item?"
