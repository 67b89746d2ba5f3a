"""成绩: a session's scores, typed in or imported, with statistics and the 试题分析.

Statistics come from core.stats so the screen, the CLI and the printed 成绩登记表 agree. Score
files are all-or-nothing like attendance sheets. When per-question results are stored (from a
quiz, or given to `set_score`), the item analysis flags questions the strong scorers missed —
often a badly generated item — with the question's id so the 题库 can open it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Text, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from studyapp.core.model import UserError
from studyapp.core.names import NameOrder, order_people
from studyapp.core.roster import SCORE_COLUMNS, parse_scores
from studyapp.core.stats import item_analysis, ranks, score_stats
from studyapp.core.tables import locate, read_rows
from studyapp.db.models import StudySession, now
from studyapp.db.models_records import Person, Score
from studyapp.services import audit, roster
from studyapp.services.attendance import RowErrors
from studyapp.services.context import AppContext, NotFoundError, RecordConflict
from studyapp.services.dto_records import (
    FileImportResult,
    ItemView,
    ScoreRowView,
    SessionScores,
    display_names,
)

log = logging.getLogger("studyapp.records")

PASS_RATIO = 0.6
EXCELLENT_RATIO = 0.85


def _session(session: Session, session_id: int, *, lock: bool = False) -> StudySession:
    """The session, or NotFoundError; `lock` as attendance._session (the server's row lock)."""
    row = session.get(StudySession, session_id, with_for_update=lock or None)
    if row is None:
        raise NotFoundError.of("学习记录", session_id)
    return row


def _check(score: float | None, full_marks: float) -> None:
    if score is not None and not 0 <= score <= full_marks + 1e-9:
        raise UserError(f"得分 {score:g} 超出范围（0～{full_marks:g} 分）。")


def _answers(answers: Sequence[Any] | None) -> list[dict[str, Any]] | None:
    """Per-question results as stored: [{"q": id or label, "r": 1/0/fraction/None}, …].

    Accepts that shape, or a plain list of results (labelled 第1题, 第2题 … by position).
    """
    if answers is None:
        return None
    out: list[dict[str, Any]] = []
    for i, item in enumerate(answers):
        if isinstance(item, dict):
            q, r = item.get("q", f"第{i + 1}题"), item.get("r")
        else:
            q, r = f"第{i + 1}题", item
        if r is not None:
            r = float(r)
            if not 0 <= r <= 1:
                raise UserError(f"第 {i + 1} 题的得分率 {r:g} 应在 0～1 之间。")
        out.append({"q": q, "r": r})
    return out


@dataclass(frozen=True)
class ScoreEntry:
    """One person's score to store (write_scores): None is 缺考; `answers` None keeps the
    per-question results already stored; `paper_id` the quiz it came from (None: typed in)."""

    person_id: int
    score: float | None
    note: str = ""
    answers: Sequence[Any] | None = None
    paper_id: int | None = None


def write_scores(session: Session, actor: str, row: StudySession, entries: Sequence[ScoreEntry],
                 action: str | None = None) -> int:
    """Store (or replace) the scores of many people of one session inside the caller's
    transaction, with their 操作记录 entries: a fixed handful of statements however many people
    (the people and their scores read at once, new rows and log entries inserted together) — a
    room of fifty saved over a county network is not fifty round trips. `action` names the log
    entry (录入/修改 by default). Returns how many were stored."""
    full = float(row.full_marks or 100)
    for e in entries:
        _check(e.score, full)
    ids = list(dict.fromkeys(e.person_id for e in entries))
    if not ids:
        return 0
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(ids)))}
    missing = [i for i in ids if i not in people]
    if missing:
        raise NotFoundError.of("人员", missing[0])
    existing = {s.person_id: s for s in session.scalars(
        select(Score).where(Score.session_id == row.id, Score.person_id.in_(ids)))}
    log_batch = audit.Batch(session, actor)
    new_rows: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    stamp = now()
    for e in entries:
        s = existing.get(e.person_id)
        log_batch.record("成绩", action or ("修改" if s is not None else "录入"), audit.target(row, people[e.person_id]),
                         audit.score_text(s.score, s is not None) if s is not None else "", audit.score_text(e.score),
                         session_id=row.id, person_id=e.person_id)
        answers = _answers(e.answers) if e.answers is not None else None
        if s is None:
            values: dict[str, Any] = {"session_id": row.id, "person_id": e.person_id, "score": e.score,
                      "note": e.note.strip(), "paper_id": e.paper_id, "updated_at": stamp}
            if answers is not None:  # (left out, not None: a SQL NULL, as before, not JSON null)
                values["answers"] = answers
            new_rows.append(values)
            continue
        # (a score typed or imported is no longer a quiz's: paper_id None)
        change: dict[str, Any] = {"_id": s.id, "_score": e.score, "_note": e.note.strip(), "_paper": e.paper_id}
        if answers is not None:
            change["_answers"] = answers
        changed.append(change)
    _update_scores(session, changed, stamp)
    for keys in dict.fromkeys(tuple(v) for v in new_rows):  # (one statement per shape of row)
        session.execute(insert(Score), [v for v in new_rows if tuple(v) == keys])
    log_batch.write()
    return len(entries)


def _update_scores(session: Session, changed: list[dict[str, Any]], stamp: Any) -> None:
    """Write these score rows' new values, raising each version, in one statement per shape (with
    or without per-question results) — the ORM's version check would send one UPDATE per row.
    `_note` None keeps the stored note (an import's line without one)."""
    table = Score.metadata.tables[Score.__tablename__]
    values: dict[str, Any] = {"score": bindparam("_score"), "updated_at": stamp,
                              "note": func.coalesce(bindparam("_note", type_=Text()), table.c.note),
                              "version": table.c.version + 1}
    with_answers = [c for c in changed if "_answers" in c]
    plain = [c for c in changed if "_answers" not in c]
    for group, extra in ((plain, {}), (with_answers, {"answers": bindparam("_answers", type_=table.c.answers.type)})):
        if not group:
            continue
        if "_paper" in group[0]:
            extra = {**extra, "paper_id": bindparam("_paper")}
        session.execute(update(table).where(table.c.id == bindparam("_id")).values(**values, **extra), group)


def set_score(
    ctx: AppContext,
    session_id: int,
    person_id: int,
    score: float | None,
    note: str = "",
    answers: Sequence[Any] | None = None,
    paper_id: int | None = None,
    *,
    expected_version: int | None = None,
) -> int:
    """Store (or replace) one person's score; None is 缺考. Returns the row's new version.

    `expected_version` is the version of the person's score the sheet read (ScoreRowView.version;
    0: no score then): a score another PC (or the command line, an import, a quiz) entered,
    changed or deleted since is a RecordConflict naming the person and the score stored now, and
    nothing is written. None stores over whatever is there (the command line, a user who was
    shown the other score and chose to put theirs over it)."""
    with ctx.begin(write=True) as session:
        row = _session(session, session_id, lock=expected_version is not None)
        if expected_version is not None:
            _check_version(session, session_id, person_id, expected_version, audit.score_text(score))
        write_scores(session, ctx.actor, row, [ScoreEntry(person_id, score, note, answers, paper_id)])
        session.flush()  # (the version counter is raised by the write)
        return int(session.scalar(select(Score.version).where(
            Score.session_id == session_id, Score.person_id == person_id)) or 0)


def _check_version(session: Session, session_id: int, person_id: int, expected: int, mine: str) -> None:
    """A RecordConflict when the person's score is not at the version the sheet read (0: none)."""
    s = session.scalar(select(Score).where(Score.session_id == session_id, Score.person_id == person_id))
    if (s.version if s is not None else 0) == expected:
        return
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError.of("人员", person_id)
    yours = f"您填的“{mine}”" if mine else "您的删除"
    if s is None:
        current = "无成绩"
        what = f"{person.name}的成绩已被别人（另一台电脑或命令行）删除（在您打开之后）"
    else:
        current = audit.score_text(s.score)
        what = f"{person.name}的成绩已被别人（另一台电脑或命令行）改为“{current}”（在您打开之后）"
    log.info("score conflict: person %d, stored %s, version %d", person_id, current, s.version if s else 0)
    raise RecordConflict(f"{what}，{yours}没有保存。请看过别人的修改后再改。", person_id, current)


def clear_score(ctx: AppContext, session_id: int, person_id: int, *, expected_version: int | None = None) -> None:
    """Delete one person's score (none at all, not 缺考). `expected_version` as for set_score."""
    with ctx.begin(write=True) as session:
        _session(session, session_id, lock=expected_version is not None)
        if expected_version is not None:
            _check_version(session, session_id, person_id, expected_version, "")
        for s in session.scalars(
            select(Score).where(Score.session_id == session_id, Score.person_id == person_id)
        ):
            st, person = session.get(StudySession, session_id), session.get(Person, person_id)
            audit.record(session, ctx.actor, "成绩", "删除", audit.target(st, person), audit.score_text(s.score), "",
                         session_id=session_id, person_id=person_id)
            session.delete(s)


def import_scores(ctx: AppContext, session_id: int, path: Path) -> FileImportResult:
    """Store a score sheet (.csv/.xlsx: 姓名, 得分, optional 单位/备注); any bad line stores nothing.

    The names are matched before the writer lock is taken, and the scores are written in a few
    statements however many lines: one short transaction, all or nothing.

    An import is an explicit decision about the whole sheet: it writes over the scores stored
    now, whoever entered them (no version is checked; each overwritten score is in the 操作记录
    with its old value), and raises their versions — a window that read a score before the
    import and saves over it is refused (RecordConflict) and shown the imported score."""
    path = Path(path)
    table = locate(read_rows(path), SCORE_COLUMNS, path.name)
    with ctx.begin() as session:  # (a read: another PC can write meanwhile)
        row = _session(session, session_id)
        lines, errors = parse_scores(table, roster.candidates(session), float(row.full_marks or 100))
    if errors:
        raise RowErrors(errors, "成绩")
    if not lines:
        raise UserError(f"文件“{path.name}”只有表头，没有成绩。")
    with ctx.begin(write=True) as session:
        row = _session(session, session_id, lock=True)
        full = float(row.full_marks or 100)
        for line in lines:  # (the full marks may have been changed meanwhile)
            _check(line.score, full)
        names = {p.id: p for p in session.scalars(select(Person).where(
            Person.id.in_([line.person_id for line in lines])))}
        if len(names) < len(lines):
            raise UserError(f"导入“{path.name}”时名册中有人员被删除，成绩没有导入。请重新导入。")
        existing = {
            s.person_id: s
            for s in session.scalars(select(Score).where(Score.session_id == session_id))
        }
        log_batch = audit.Batch(session, ctx.actor)
        new_rows: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        stamp = now()
        for line in lines:
            s = existing.get(line.person_id)
            log_batch.record("成绩", f"导入（{path.name}）", audit.target(row, names.get(line.person_id)),
                             audit.score_text(s.score) if s is not None else "", audit.score_text(line.score),
                             session_id=session_id, person_id=line.person_id)
            if s is None:
                new_rows.append({"session_id": session_id, "person_id": line.person_id, "score": line.score,
                                 "note": line.note, "updated_at": stamp})
                continue
            changed.append({"_id": s.id, "_score": line.score, "_note": line.note or None})
        _update_scores(session, changed, stamp)  # (raising each version: a window holding the old score is refused)
        if new_rows:
            session.execute(insert(Score), new_rows)
        log_batch.write()
    log.info("scores of session %d from %s: %d lines", session_id, path.name, len(lines))
    return FileImportResult(len(lines))


def _items(rows: Sequence[tuple[float | None, list[dict[str, Any]] | None]]) -> list[ItemView]:
    """The 试题分析 of the (score, answers) of a session's scores."""
    with_answers = [(score, answers) for score, answers in rows if answers and score is not None]
    if not with_answers:
        return []
    keys: list[Any] = []
    for _score, answers in with_answers:
        for a in answers:
            if a.get("q") not in keys:
                keys.append(a.get("q"))
    matrix = []
    totals = []
    for score, answers in with_answers:
        got = {a.get("q"): a.get("r") for a in answers}
        matrix.append([got.get(k) for k in keys])
        totals.append(float(score or 0))
    labels = [f"第{i + 1}题" for i in range(len(keys))]
    stats = item_analysis(matrix, totals, labels)
    return [ItemView(st, k if isinstance(k, int) else None) for st, k in zip(stats, keys, strict=False)]


def session_scores(
    ctx: AppContext,
    session_id: int,
    order: NameOrder | str = NameOrder.ROSTER,
    *,
    pass_ratio: float = PASS_RATIO,
    excellent_ratio: float = EXCELLENT_RATIO,
) -> SessionScores:
    """Scores of a session in the chosen order, with ranks, statistics and the 试题分析."""
    with ctx.begin() as session:
        srow = _session(session, session_id)
        full = float(srow.full_marks or 100)
        rows = list(
            session.execute(  # (plain columns: a Score and a Person object for each of 1,000 people
                # cost twice the read itself)
                select(Score.score, Score.note, Score.answers, Score.version, Person.id, Person.name, Person.unit,
                       Person.sort_no)
                .join(Person, Person.id == Score.person_id)
                .where(Score.session_id == session_id)
                .order_by(Person.sort_no, Person.id)
            )
        )
        items = _items([(r.score, r.answers) for r in rows])
    values = [r.score for r in rows]
    rank = ranks(values)
    shown = display_names([(r.name, r.unit) for r in rows])
    views = [
        ScoreRowView(p.id, p.name, p.unit, p.sort_no, d, p.score, p.note, r, p.version)
        for p, d, r in zip(rows, shown, rank, strict=False)
    ]
    stats = score_stats(values, full, pass_ratio, excellent_ratio)
    return SessionScores(session_id, full, tuple(order_people(views, order)), stats, tuple(items))


def summary_text(scores: SessionScores, expected: int = 0) -> str:
    """「满分 100 分，应考 25 人，实考 23 人，缺考 2 人，平均分 86.5，……，优秀率 47.8%。」 for the
    学习记录 and the CLI."""
    from studyapp.core.stats import fmt_percent, fmt_score

    st = scores.stats
    if not st.count:
        return ""
    # 应考 is everyone expected at the session (as the 成绩登记表 lists them): who has no score
    # is 缺考, whether marked so or never entered
    absent = max(sum(1 for r in scores.rows if r.score is None), expected - st.count)
    text = (
        f"满分 {fmt_score(scores.full_marks)} 分，应考 {st.count + absent} 人，实考 {st.count} 人"
        + (f"，缺考 {absent} 人" if absent else "")
        + f"，平均分 {fmt_score(st.mean)}，最高分 {fmt_score(st.highest)}，最低分 {fmt_score(st.lowest)}，"
        f"及格率 {fmt_percent(st.pass_rate)}，优秀率 {fmt_percent(st.excellent_rate)}。"
    )
    return text
