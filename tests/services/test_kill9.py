"""kill -9 in the middle of the work that stores things (issue 11).

A child process repeats one kind of write — a roster import, a document import, score entry,
quiz answers, a backup, a restore — and prints a line each time one is confirmed (returned to
the caller, as the screen would then say 「已保存」). The parent kills it with SIGKILL at a random
moment, then checks the data folder: the database is whole (integrity_check), everything that
was confirmed is there, and nothing is half-stored (an import is all or nothing).

The normal run does a few rounds of each; `STUDYAPP_KILL_ROUNDS=30` gives the figures of the
closing note (`STUDYAPP_KILL_ROUNDS=30 .venv/bin/python -m pytest -q tests/services/test_kill9.py`).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from studyapp.db.engine import DB_FILENAME

pytestmark = [pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX"),
              pytest.mark.sqlite_only]  # (kills a process writing the SQLite file and reads the file)

ROUNDS = int(os.environ.get("STUDYAPP_KILL_ROUNDS", "3"))
REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent('''
    import sys, random
    from pathlib import Path
    from studyapp.services.context import AppContext
    data, what, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    ctx = AppContext(data)
    rnd = random.Random(seed)
    def ok(*parts):
        print(*parts, flush=True)
    if what == "roster":
        from studyapp.services import roster
        for k in range(1000):
            f = data.parent / f"r{seed}-{k}.csv"
            f.write_text("姓名,单位\\n" + "".join(f"人{seed}x{k}x{i},单位{i % 5}\\n" for i in range(200)), encoding="utf-8")
            roster.import_roster(ctx, f)
            ok("roster", k)
    elif what == "document":
        from studyapp.services import documents
        for k in range(1000):
            f = data.parent / f"d{seed}-{k}.txt"
            f.write_text(f"关于第{seed}批第{k}号事项的意见\\n" + "".join(
                f"{n}、第{n}部分\\n" + f"坚持第{seed}-{k}-{n}条要求，落实责任。" * 30 + "\\n" for n in "一二三四五六"),
                encoding="utf-8")
            r = documents.import_file(ctx, f)
            ok("document", r.document_id)
    elif what == "scores":
        from studyapp.services import roster, scores, sessions
        from studyapp.services.dto_records import PersonDraft
        from studyapp.services.dto_records import SessionDraft
        st = sessions.create_session(ctx, SessionDraft(date="2025-03-03", content="集中学习")).id
        people = [roster.add_person(ctx, PersonDraft(name=f"人员{seed}-{i}", unit="乡党委")).id for i in range(40)]
        ok("session", st)
        for k in range(100000):
            pid = people[k % len(people)]
            value = float(k % 100)
            scores.set_score(ctx, st, pid, value)
            ok("score", st, pid, value)
    elif what == "answers":
        from studyapp.core.blueprint import Blueprint, BlueprintItem
        from studyapp.services import documents, quiz, roster
        from studyapp.services.dto_records import PersonDraft
        doc = documents.ensure_seed(ctx) or 1
        pid = roster.add_person(ctx, PersonDraft(name=f"答题人{seed}", unit="乡党委")).id
        view = quiz.start_exam(ctx, pid, Blueprint(document_id=doc, items=(BlueprintItem("judge", 8, 5),),
                                                   time_limit_s=3600), seed=seed)
        ok("attempt", view.id)
        for k in range(100000):
            pos = k % len(view.questions)
            answer = bool((k // len(view.questions)) % 2)
            quiz.save_answer(ctx, view.id, pos, answer)
            ok("answer", view.id, pos, answer)
    elif what == "backup":
        from studyapp.services import backup
        for k in range(1000):
            info = backup.make_backup(ctx, "manual")
            ok("backup", info.path)
    elif what == "restore":
        from studyapp.services import backup
        ctx.close()
        src = Path(sys.argv[4])
        for k in range(1000):
            backup.restore_file(data, src)
            ok("restore", k)
''')


def _whole(db: Path) -> bool:
    """Integrity as the next opener finds it: a writer killed mid-transaction leaves a hot
    journal, which any read-write opener (the app) rolls back first — a read-only connection
    cannot, and fails with 「attempt to write a readonly database」 (seen under load)."""
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def _kill_after(data: Path, what: str, seed: int, *extra: str) -> list[list[str]]:
    """Run the child, kill it with SIGKILL once it has confirmed something, return its lines."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(data), what, str(seed), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines: list[list[str]] = []
    rnd = random.Random(seed)
    wanted = rnd.randint(1, 6)
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.split())
        if sum(1 for x in lines if x and x[0] not in ("session", "attempt")) >= wanted:
            time.sleep(rnd.uniform(0.0, 0.05))  # somewhere inside the next write
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    rest = proc.stdout.read() if proc.stdout else ""
    # (a line the kill cut short — 「score 2 1」 of 「score 2 14 …」 — was never confirmed)
    lines += [x.split() for x in rest.splitlines(keepends=True) if x.strip() and x.endswith("\n")]
    return lines


@pytest.fixture
def folder(tmp_path: Path, seeded_template: Path) -> Path:
    import shutil

    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(seeded_template, data / DB_FILENAME)
    return data


def _rows(data: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(f"{(data / DB_FILENAME).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_roster_import_killed(folder: Path, seed: int) -> None:
    lines = _kill_after(folder, "roster", 100 + seed)
    assert _whole(folder / DB_FILENAME)
    done = {int(k) for w, k in lines if w == "roster"}
    for k in range(max(done, default=-1) + 2):
        n = _rows(folder, "SELECT count(*) FROM person WHERE name LIKE ?", f"人{100 + seed}x{k}x%")[0][0]
        assert n in (0, 200), f"import {k} half-stored: {n} of 200"
        if k in done:
            assert n == 200, f"confirmed import {k} lost"


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_document_import_killed(folder: Path, seed: int) -> None:
    lines = _kill_after(folder, "document", 200 + seed)
    assert _whole(folder / DB_FILENAME)
    confirmed = {int(d) for w, d in lines if w == "document"}
    stored = {i for (i,) in _rows(folder, "SELECT id FROM document")}
    assert confirmed <= stored
    for (doc_id,) in _rows(folder, "SELECT id FROM document WHERE title LIKE '关于第%'"):
        assert _rows(folder, "SELECT count(*) FROM section WHERE document_id = ?", doc_id)[0][0] >= 6


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_score_entry_killed(folder: Path, seed: int) -> None:
    lines = _kill_after(folder, "scores", 300 + seed)
    assert _whole(folder / DB_FILENAME)
    writes = [(int(p[1]), int(p[2]), float(p[3])) for p in lines if p[0] == "score"]
    assert writes, "the child confirmed no score before it was killed"
    last: dict[tuple[int, int], float] = {}
    for st, pid, value in writes:
        last[(st, pid)] = value
    # the write in flight when the process died: the next person in turn, the next value
    k = len(writes)
    people = sorted({pid for _, pid, _ in writes} | set())
    in_flight_value = float(k % 100)
    for (st, pid), value in last.items():
        found = _rows(folder, "SELECT score FROM score WHERE session_id = ? AND person_id = ?", st, pid)
        assert found, (f"confirmed score lost: session {st}, person {pid}, {value}", lines[-5:],
                       _rows(folder, "SELECT session_id, person_id, score FROM score"),
                       _rows(folder, "SELECT id FROM study_session"))
        (stored,) = found[0]
        if stored != value:  # only the write in flight may have landed after the last 「已保存」
            assert stored == in_flight_value and k >= len(people), (pid, stored, value)


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_quiz_answers_killed(folder: Path, seed: int) -> None:
    lines = _kill_after(folder, "answers", 400 + seed)
    assert _whole(folder / DB_FILENAME)
    answers = [p for p in lines if p[0] == "answer"]
    assert answers, "the child confirmed no answer before it was killed"
    attempt = int(answers[0][1])
    confirmed_positions = {int(p[2]) for p in answers}
    stored = {pos for (pos,) in _rows(folder, "SELECT position FROM attempt_answer WHERE attempt_id = ? "
                                              "AND answered_at IS NOT NULL", attempt)}
    assert confirmed_positions <= stored


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_backup_killed(folder: Path, seed: int) -> None:
    lines = _kill_after(folder, "backup", 500 + seed)
    assert _whole(folder / DB_FILENAME)
    for parts in lines:
        if parts[0] == "backup":
            assert _whole(Path(parts[1])), f"a confirmed backup is damaged: {parts[1]}"
    from studyapp.services import backup

    assert all(b.ok for b in backup.list_backups(folder))  # a killed one is a .part, never listed


@pytest.mark.parametrize("seed", range(ROUNDS))
def test_restore_killed(folder: Path, tmp_path: Path, seed: int) -> None:
    from studyapp.services import backup
    from studyapp.services.context import AppContext

    with AppContext(folder) as ctx:
        source = backup.make_backup(ctx, "manual", dest=tmp_path / "source.sqlite3").path
    _kill_after(folder, "restore", 600 + seed, str(source))
    assert _whole(folder / DB_FILENAME)
    with AppContext(folder) as ctx:  # opens (migrations, quick_check) as the app would
        assert ctx is not None
