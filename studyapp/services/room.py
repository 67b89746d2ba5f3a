"""Meeting-room mode (会议室): 集体领学, 集体测验, 知识竞赛 and 纸质测验 score entry.

Everything that happens in the room is stored the moment it happens, each action in its own
short transaction: a contest's events are appended to `room_event` (the scoreboard is replayed
from them by core.contest), the run's `state` keeps the section shown, the question index, the
timer and the blanked screen. A crash loses nothing, and `unfinished_runs` lets the UI offer
「继续上次的…」 on the next start. What the room did ends up in the session's record: sections
shown as the session's content, the contest's final ranking, the paper test's scores.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from studyapp.core.contest import (
    ContestError,
    ContestEvent,
    ContestSetup,
    ContestState,
    PaperItem,
    replay,
    result_ratio,
    sheet_total,
)
from studyapp.core.draw import Drawer
from studyapp.core.grading import GradingRule, answer_text
from studyapp.core.model import UserError, section_heading
from studyapp.core.stats import fmt_score
from studyapp.db.models import Section, StudySession, now
from studyapp.db.models_room import ROOM_KINDS, RoomEvent, RoomRun
from studyapp.services import attendance, bank, documents
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto import QUESTION_TYPE_NAMES, DocumentView, QuestionView
from studyapp.services.dto_room import (
    KIND_NAMES,
    Attendee,
    ContestRanking,
    PaperSheet,
    RankingRow,
    RoomPage,
    RoomQuestion,
    RunInfo,
    RunView,
)

log = logging.getLogger("studyapp.room")

__all__ = [
    "KIND_NAMES",
    "append_event",
    "contest_pdf",
    "contest_ranking",
    "contest_state",
    "finish_run",
    "get_run",
    "paper_sheet",
    "pick_questions",
    "reading_pages",
    "record_contest_event",
    "record_section",
    "run_questions",
    "save_paper_scores",
    "save_state",
    "session_attendees",
    "set_paper_cell",
    "set_paper_variant",
    "start_run",
    "unfinished_runs",
]


# ---------------------------------------------------------------------------------- runs


def _run(session: Session, run_id: int) -> RoomRun:
    row = session.get(RoomRun, run_id)
    if row is None:
        raise NotFoundError.of("会议室记录", run_id)
    return row


def run_row(session: Session, run_id: int) -> RoomRun:
    """The run inside the caller's transaction (NotFoundError when deleted)."""
    return _run(session, run_id)


def run_events(session: Session, run_id: int) -> list[dict[str, Any]]:
    """The run's log in order, inside the caller's transaction."""
    return _events(session, run_id)


def _session_label(row: StudySession | None) -> str:
    if row is None:
        return ""
    return " ".join(p for p in (row.date.isoformat() if row.date else "", row.mode, row.place) if p)


def _info(session: Session, row: RoomRun, count: int | None = None) -> RunInfo:
    srow = session.get(StudySession, row.session_id) if row.session_id is not None else None
    if count is None:
        count = int(session.scalar(select(func.count(RoomEvent.id)).where(RoomEvent.run_id == row.id)) or 0)
    return RunInfo(
        id=row.id, kind=row.kind, session_id=row.session_id, document_id=row.document_id,
        title=row.title, status=row.status, created_at=row.created_at.isoformat(),
        updated_at=row.updated_at.isoformat(), session_label=_session_label(srow),
        event_count=count,
    )


def _events(session: Session, run_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(RoomEvent).where(RoomEvent.run_id == run_id).order_by(RoomEvent.seq)
    )
    return [dict(r.data or {}, kind=r.kind) for r in rows]


def _view(session: Session, row: RoomRun) -> RunView:
    events = _events(session, row.id)
    return RunView(_info(session, row, len(events)), dict(row.setup or {}), dict(row.state or {}),
                   tuple(events))


def start_run(
    ctx: AppContext,
    kind: str,
    *,
    session_id: int | None,
    document_id: int | None,
    setup: Mapping[str, Any] | None = None,
    title: str = "",
    state: Mapping[str, Any] | None = None,
) -> RunView:
    """Begin a run in the room. A contest's setup is checked here (two teams at least …)."""
    if kind not in ROOM_KINDS:
        raise UserError(f"未知的会议室模式“{kind}”。")
    setup = dict(setup or {})
    if kind == "contest":
        try:
            ContestSetup.from_json(setup.get("contest") or {})
        except ContestError as e:
            raise UserError(e.message) from e
    with ctx.begin() as session:
        if session_id is not None and session.get(StudySession, session_id) is None:
            raise NotFoundError.of("学习记录", session_id)
        if document_id is not None:
            documents._document(session, document_id)
        row = RoomRun(kind=kind, session_id=session_id, document_id=document_id, title=title.strip(),
                      setup=setup, state=dict(state or {}), status="open")
        session.add(row)
        session.flush()
        log.info("room run %d started: %s, session %s, document %s", row.id, kind, session_id,
                 document_id)
        return _view(session, row)


def unfinished_runs(ctx: AppContext, kind: str | None = None) -> list[RunInfo]:
    """Runs not finished, most recent first: what 「继续上次的…」 offers after a crash or a break."""
    with ctx.begin() as session:
        stmt = select(RoomRun).where(RoomRun.status == "open")
        if kind is not None:
            stmt = stmt.where(RoomRun.kind == kind)
        rows = session.scalars(stmt.order_by(RoomRun.updated_at.desc(), RoomRun.id.desc())).all()
        return [_info(session, r) for r in rows]


def get_run(ctx: AppContext, run_id: int) -> RunView:
    with ctx.begin() as session:
        return _view(session, _run(session, run_id))


def save_state(ctx: AppContext, run_id: int, changes: Mapping[str, Any], *, wait_ms: int | None = None) -> dict[str, Any]:
    """Merge `changes` into the run's state (section, question index, timer, blanked …).
    `wait_ms`: the longest to wait for another writer (DatabaseBusy after), see AppContext.begin."""
    with ctx.begin(write=True, wait_ms=wait_ms) as session:
        return merge_state(_run(session, run_id), changes)


def merge_state(row: RoomRun, changes: Mapping[str, Any]) -> dict[str, Any]:
    """save_state inside the caller's transaction."""
    state = dict(row.state or {})
    state.update(changes)
    row.state = state  # a new dict, so SQLAlchemy sees the JSON change
    row.updated_at = now()
    return state


def append_event(ctx: AppContext, run_id: int, kind: str, data: Mapping[str, Any] | None = None) -> int:
    """Append one event to a run's log in its own transaction; returns its sequence number.
    It reads the last number, then writes the next: it takes the writer lock first, so the
    phones' writer and the host window appending at the same moment never both take the same
    number (on PostgreSQL that was a refused insert, on SQLite a busy error — an answer lost)."""
    with ctx.begin(write=True) as session:
        return _append(session, _run(session, run_id), kind, data or {})


def _append(session: Session, row: RoomRun, kind: str, data: Mapping[str, Any]) -> int:
    if row.status != "open":
        raise UserError("这次活动已经结束，不能再记录。")
    last = session.scalar(select(func.max(RoomEvent.seq)).where(RoomEvent.run_id == row.id)) or 0
    payload = {k: v for k, v in data.items() if k != "kind"}
    session.add(RoomEvent(run_id=row.id, seq=int(last) + 1, kind=kind, data=payload))
    row.updated_at = now()
    session.flush()
    return int(last) + 1


def finish_run(ctx: AppContext, run_id: int, *, wait_ms: int | None = None) -> RunInfo:
    """Close a run: a contest gets its FINISH event and its final ranking saved to the session."""
    with ctx.begin(write=True, wait_ms=wait_ms) as session:
        row = _run(session, run_id)
        if row.status == "finished":
            return _info(session, row)
        if row.kind == "contest":
            setup = ContestSetup.from_json((row.setup or {}).get("contest") or {})
            state = replay(setup, _contest_events(session, row.id))
            if not state.finished:
                _append(session, row, "finish", state.finish().to_json())
                state = replay(setup, _contest_events(session, row.id))
            _save_ranking(session, row, state)
        row.status = "finished"
        row.finished_at = now()
        row.updated_at = now()
        log.info("room run %d finished", run_id)
        return _info(session, row)


def delete_run(ctx: AppContext, run_id: int) -> None:
    """Drop a run nobody wants to continue (its log goes with it)."""
    with ctx.begin() as session:
        session.delete(_run(session, run_id))


# ---------------------------------------------------------------------------------- people


def session_attendees(ctx: AppContext, session_id: int) -> list[Attendee]:
    """Those present (出席/迟到); when nobody is marked yet, everyone expected (marking often
    happens after the contest)."""
    rows = attendance.sheet(ctx, session_id)
    present = [r for r in rows if r.status in ("present", "late")]
    chosen = present or [r for r in rows if r.status is None]
    return [Attendee(r.person_id, r.display_name, r.unit) for r in chosen]


# ---------------------------------------------------------------------------------- 集体领学


def reading_pages(ctx: AppContext, document_id: int) -> list[RoomPage]:
    """The document as projector pages: a cover, then every section that has something to read.

    A heading with nothing but sub-sections gets no page of its own: it is shown above its
    first items as a breadcrumb, so paging never lands on an empty screen.
    """
    view = documents.get_document(ctx, document_id)
    return pages_of(view)


def pages_of(view: DocumentView) -> list[RoomPage]:
    by_id = {s.id: s for s in view.sections}
    has_children = {s.parent_id for s in view.sections if s.parent_id is not None}
    pages = [RoomPage(0, None, view.title, "", view.preamble.strip(), view.note.strip())]
    for s in view.sections:
        if not s.text.strip() and s.id in has_children:
            continue
        chain = []
        parent = s.parent_id
        while parent is not None and parent in by_id:
            chain.append(by_id[parent])
            parent = by_id[parent].parent_id
        crumb = " › ".join(section_heading(a.label, a.title, "") for a in reversed(chain))
        heading = section_heading(s.label, s.title, "").strip()
        pages.append(RoomPage(len(pages), s.id, heading, crumb, s.text.strip()))
    return pages


def record_section(ctx: AppContext, run_id: int, section_id: int, *, wait_ms: int | None = None) -> None:
    """The section shown to the room counts as studied: add it to the session's content.

    Sections are kept in reading order, without repeats. A session on another document keeps
    its own content (the run's document is only recorded when the session has none yet).
    """
    with ctx.begin(write=True, wait_ms=wait_ms) as session:
        row = _run(session, run_id)
        sec = session.get(Section, section_id)
        if sec is None:
            raise NotFoundError("这个章节已不存在，可能文件已被删除。")
        _append(session, row, "section", {"section": section_id})
        state = dict(row.state or {})
        state["section_id"] = section_id
        row.state = state
        if row.session_id is None:
            return
        srow = session.get(StudySession, row.session_id)
        if srow is None:
            return
        if srow.document_id is None:
            srow.document_id = sec.document_id
        if srow.document_id != sec.document_id:
            log.info("session %d studies another document; section %d not recorded",
                     srow.id, section_id)
            return
        ids = [int(i) for i in (srow.section_ids or [])]
        if section_id in ids:
            return
        ordinal = dict(session.execute(
            select(Section.id, Section.ordinal).where(Section.id.in_([*ids, section_id]))
        ).all())
        ids.append(section_id)
        srow.section_ids = sorted((i for i in ids if i in ordinal), key=lambda i: ordinal[i])
        if not srow.content.strip():
            title = sec.document.title
            srow.content = f"《{title}》"


# ---------------------------------------------------------------------------------- questions


def pick_questions(
    ctx: AppContext,
    document_id: int,
    *,
    section_ids: Iterable[int] | None = None,
    types: Iterable[str] | None = None,
    count: int | None = None,
    seed: int = 0,
) -> list[int]:
    """Approved questions for the room, in reading order; a seeded sample when `count` is set.

    Only approved questions: a question nobody checked against the text must not be put in
    front of a room (and decide a contest).
    """
    views = bank.approved_questions(ctx, document_id, types=types, section_ids=section_ids)
    if not views:
        title = documents.get_document(ctx, document_id).title
        raise UserError(
            f"文件《{title}》还没有审核通过的试题。请先在题库中生成并审核试题，再开始测验或竞赛。")
    if count is not None and 0 < count < len(views):
        # none of the room's questions gives another's answer away; back in reading order
        order = {v.id: i for i, v in enumerate(views)}
        views = sorted(Drawer().take(views, count, random.Random(f"room:{seed}")), key=lambda v: order[v.id])
    return [v.id for v in views]


def _room_question(index: int, v: QuestionView) -> RoomQuestion:
    if v.type == "short":
        points = v.answer if isinstance(v.answer, (list, tuple)) else [v.answer]
        text = "；".join(str(p) for p in points if p)
    else:
        text = answer_text(v.type, v.answer)
        if v.type == "single" and v.options:
            idx = v.answer[0] if isinstance(v.answer, (list, tuple)) else v.answer
            if isinstance(idx, int) and 0 <= idx < len(v.options):
                text = f"{text}．{v.options[idx]}"
    return RoomQuestion(
        index=index, id=v.id, type=v.type, type_name=QUESTION_TYPE_NAMES.get(v.type, v.type),
        stem=v.stem, options=tuple(v.options), answer=v.answer, answer_text=text, quote=v.quote,
        source=v.section_heading, explanation=v.explanation,
    )


def run_questions(ctx: AppContext, run_id: int) -> list[RoomQuestion]:
    """The run's questions in the order chosen at its start (deleted ones are skipped)."""
    with ctx.begin() as session:
        return questions_of(session, _run(session, run_id))


def questions_of(session: Session, row: RoomRun) -> list[RoomQuestion]:
    """run_questions inside the caller's transaction."""
    ids = [int(i) for i in (row.setup or {}).get("question_ids") or []]
    found = bank.views_of(session, ids)
    views: list[QuestionView] = []
    for qid in ids:
        if qid in found:
            views.append(found[qid])
        else:
            log.warning("run %d: question %d no longer exists", row.id, qid)
    return [_room_question(i, v) for i, v in enumerate(views)]


# ---------------------------------------------------------------------------------- 知识竞赛


def contest_state(ctx: AppContext, run_id: int) -> ContestState:
    """The scoreboard and the current question, replayed from the stored events."""
    view = get_run(ctx, run_id)
    if view.info.kind != "contest":
        raise UserError("这不是一场知识竞赛。")
    return replay(view.contest_setup, [e for e in view.events if e.get("kind") in _CONTEST_KINDS])


_CONTEST_KINDS = ("show", "buzzed", "judge", "adjust", "undo", "finish")


def _contest_events(session: Session, run_id: int) -> list[dict[str, Any]]:
    """The contest's own log (the phones' joins, presses and answers are logged beside it)."""
    return [e for e in _events(session, run_id) if e.get("kind") in _CONTEST_KINDS]


def record_contest_event(ctx: AppContext, run_id: int, event: ContestEvent, *, wait_ms: int | None = None) -> ContestState:
    """Store one contest action at once and return the board after it.

    The event is checked by replaying the stored log with it, in the same transaction, so two
    windows (console and projector) can never write a log that does not replay.
    """
    with ctx.begin(write=True, wait_ms=wait_ms) as session:
        row = _run(session, run_id)
        if row.kind != "contest":
            raise UserError("这不是一场知识竞赛。")
        setup = ContestSetup.from_json((row.setup or {}).get("contest") or {})
        try:
            state = replay(setup, [*_contest_events(session, row.id), event])
        except ContestError as e:
            raise UserError(e.message) from e
        _append(session, row, event.kind, event.to_json())
    return state


def _ranking_rows(state: ContestState) -> tuple[RankingRow, ...]:
    return tuple(
        RankingRow(line.rank, line.name, "、".join(line.members), line.score, line.right, line.wrong)
        for line in state.scoreboard()
    )


def _save_ranking(session: Session, row: RoomRun, state: ContestState) -> None:
    """The final ranking goes into the session: meta (for printing again) and 测试情况."""
    if row.session_id is None:
        return
    srow = session.get(StudySession, row.session_id)
    if srow is None:
        return
    rows = _ranking_rows(state)
    meta = dict(srow.meta or {})
    meta["contest"] = {
        "run_id": row.id,
        "ranking": [{"rank": r.rank, "name": r.name, "members": r.members, "score": r.score,
                     "right": r.right, "wrong": r.wrong} for r in rows],
    }
    srow.meta = meta
    summary = "知识竞赛：" + "，".join(f"第{r.rank}名 {r.name}（{fmt_score(r.score)} 分）" for r in rows) + "。"
    if not (srow.test_summary or "").strip() or (srow.test_summary or "").startswith("知识竞赛："):
        srow.test_summary = summary
    log.info("contest ranking of run %d saved to session %d", row.id, srow.id)


def contest_ranking(ctx: AppContext, run_id: int) -> ContestRanking:
    """The ranking (final, or as it stands) with the session's heading, for the printed form."""
    view = get_run(ctx, run_id)
    state = contest_state(ctx, run_id)
    date = place = host = ""
    with ctx.begin() as session:
        srow = session.get(StudySession, view.info.session_id) if view.info.session_id else None
        if srow is not None:
            date = srow.date.isoformat() if srow.date else ""
            place, host = srow.place, srow.host or srow.leader
    return ContestRanking(
        run_id=run_id, session_id=view.info.session_id, title=view.info.title, date=date or None,
        place=place, host=host, rows=_ranking_rows(state),
        base_score=state.setup.rules.base_score,
        question_count=len({e.question for e in state.events if e.kind == "show"}),
        individual=state.setup.individual,
    )


def contest_pdf(ctx: AppContext, run_id: int) -> bytes:
    """知识竞赛成绩 as PDF bytes (A4, the same header and footer as the other forms)."""
    from studyapp.reports.forms.contest import (
        ContestRow,
        ContestSheetData,
        build_contest_ranking,
    )
    from studyapp.services.printing import unit_name

    r = contest_ranking(ctx, run_id)
    data = ContestSheetData(
        unit=unit_name(ctx), title=r.title, date=dt.date.fromisoformat(r.date) if r.date else None,
        place=r.place, host=r.host, base_score=r.base_score, question_count=r.question_count,
        individual=r.individual,
        rows=tuple(ContestRow(x.rank, x.name, x.members, x.score, x.right, x.wrong) for x in r.rows),
    )
    return build_contest_ranking(data)


# ---------------------------------------------------------------------------------- 纸质测验


def grading_rule(ctx: AppContext) -> GradingRule:
    """The office's 多选 rule when the self-study settings declare one; all-or-nothing otherwise."""
    with ctx.begin() as session:
        return grading_rule_of(session)


def grading_rule_of(session: Session) -> GradingRule:
    """grading_rule inside the caller's transaction."""
    from studyapp.services.attempts import setting

    try:
        return GradingRule(str(setting(session, "quiz.multiple_rule")), str(setting(session, "quiz.partial_mode")))
    except (KeyError, ValueError):
        return GradingRule()


def _paper_items(ctx: AppContext, run: RunView) -> dict[str, tuple[PaperItem, ...]]:
    from studyapp.services.papers import make_papers

    if run.info.document_id is None:
        raise UserError("这次纸质测验的学习文件已被删除，无法对照答案。")
    seed = int(run.setup.get("seed", 0))
    variants = tuple(run.setup.get("variants") or ("A", "B"))
    papers = make_papers(ctx, run.info.document_id, seed=seed, variants=variants)
    return {
        p.variant: tuple(
            PaperItem(q.number, q.type, q.points, q.answer, max(2, len(q.options)), q.question_id)
            for q in p.questions
        )
        for p in papers
    }


def paper_sheet(ctx: AppContext, run_id: int) -> PaperSheet:
    """The grid: people present × the paper's questions, with every cell typed so far."""
    run = get_run(ctx, run_id)
    if run.info.kind != "paper":
        raise UserError("这不是一次纸质测验。")
    items = _paper_items(ctx, run)
    people = session_attendees(ctx, run.info.session_id) if run.info.session_id else []
    cells: dict[tuple[int, int], str] = {}
    variant_of: dict[int, str] = {}
    for e in run.events:
        if e.get("kind") == "cell":
            cells[(int(e["person"]), int(e["col"]))] = str(e.get("text", ""))
        elif e.get("kind") == "variant":
            variant_of[int(e["person"])] = str(e["variant"])
    first = next(iter(items.values()), ())
    return PaperSheet(
        run_id=run_id, session_id=run.info.session_id, title=run.info.title,
        full_marks=sum(i.points for i in first), items=items, people=tuple(people),
        cells=cells, variant_of=variant_of, saved=bool(run.state.get("saved")),
    )


def set_paper_cell(ctx: AppContext, run_id: int, person_id: int, col: int, text: str) -> None:
    """Store one typed cell at once (the grid is typed for an hour; a crash must lose nothing)."""
    append_event(ctx, run_id, "cell", {"person": int(person_id), "col": int(col), "text": text})


def set_paper_variant(ctx: AppContext, run_id: int, person_id: int, variant: str) -> None:
    append_event(ctx, run_id, "variant", {"person": int(person_id), "variant": variant})


def person_total(sheet: PaperSheet, person_id: int, rule: GradingRule | None = None) -> float:
    items = sheet.items[sheet.variant(person_id)]
    typed = {c: t for (p, c), t in sheet.cells.items() if p == person_id}
    return sheet_total(items, typed, rule)[0]


def save_paper_scores(ctx: AppContext, run_id: int) -> int:
    """保存到学习会: each person with something typed gets their total (and the per-question
    results for the 试题分析); the session's 满分 becomes the paper's. Returns how many."""
    from studyapp.services import scores

    sheet = paper_sheet(ctx, run_id)
    if sheet.session_id is None:
        raise UserError("这次纸质测验没有关联学习会，无法保存成绩。")
    rule = grading_rule(ctx)
    entries = []
    for person in sheet.people:
        typed = {c: t for (p, c), t in sheet.cells.items() if p == person.person_id and t.strip()}
        if not typed:
            continue
        items = sheet.items[sheet.variant(person.person_id)]
        total, results = sheet_total(items, typed, rule)
        errors = [r.error for r in results if r.error]
        if errors:
            raise UserError(f"{person.name}：{errors[0]}请改正后再保存。")
        answers = [
            {"q": item.question_id if item.question_id is not None else f"第{item.number}题",
             "r": result_ratio(item, r)}
            for item, r in zip(items, results, strict=False)
        ]
        entries.append(scores.ScoreEntry(person.person_id, round(total, 2), f"{sheet.variant(person.person_id)}卷",
                                         answers))
    # the scores, the 满分 and the run's 已保存 together or not at all, in the same few statements
    # for a room of five or fifty
    with ctx.begin(write=True) as session:
        srow = session.get(StudySession, sheet.session_id)
        if srow is None:
            raise NotFoundError("学习会已被删除，无法保存成绩。")
        if abs(float(srow.full_marks or 100) - sheet.full_marks) > 1e-9:
            srow.full_marks = sheet.full_marks
        saved = scores.write_scores(session, ctx.actor, srow, entries)
        merge_state(_run(session, run_id), {"saved": True, "saved_at": dt.datetime.now().isoformat(timespec="seconds")})
    log.info("paper run %d: %d scores saved to session %d", run_id, saved, sheet.session_id)
    return saved


def people_ids(people: Sequence[Attendee]) -> list[tuple[int, str]]:
    """(person_id, name) pairs as core.contest.draw_teams wants them."""
    return [(p.person_id, p.name) for p in people]
