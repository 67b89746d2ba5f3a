"""The meeting room's operations (ui/ops.py): starting, continuing and opening a run, the paper
test's score grid, the ranking's PDF — and the run's own steps.

The run's steps (a page turned, a question shown, a contest judged, the run finished) keep one
deliberate exception to "everything on the worker", like the learner's answers: each is stored
at once on the room's thread (`*_now`, one short transaction), in the order the host pressed the
keys — a contest event is checked against the log before it and must never be reordered behind
a later one, and the projector shows a step only once it is stored (a crash loses nothing shown).
A step waits at most ROOM_WAIT_MS for another writer (an import on the worker); DatabaseBusy
after that: the controller keeps what it could not store and tries again (states), or asks the
host to press again (a contest event, which must not be replayed behind their back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from studyapp.core.contest import ContestEvent, ContestState
from studyapp.lan.server import ContestTeams
from studyapp.services import documents, files, papers, phones, room, sessions
from studyapp.services import settings as settings_service
from studyapp.services.dto import DocumentInfo, SessionInfo
from studyapp.services.dto_room import PaperSheet, RoomPage, RoomQuestion, RunInfo, RunView
from studyapp.ui.ops import Changes, CollectionOp, QueryOp

QUIZ_TYPES = ("single", "multiple", "judge", "fill")  # what a quiz or a contest asks on the projector
ROOM_WAIT_MS = 1000  # the longest a room step waits for another writer: a second, never the 5 s


# the run's steps, on the room's thread (see the module's note) ------------------------------------
@dataclass(frozen=True)
class RunContent:
    """What a run shows, read once as it opens: its pages or its questions, a contest's board,
    the seconds per question and how long a page stays before its section counts as studied."""

    pages: list[RoomPage]
    questions: list[RoomQuestion]
    contest: ContestState | None
    seconds: int
    record_delay_ms: int


def run_content_now(ctx, run: RunView) -> RunContent:  # noqa: ANN001
    kind = run.info.kind
    return RunContent(
        pages=room.reading_pages(ctx, run.info.document_id)
        if kind == "reading" and run.info.document_id is not None else [],
        questions=room.run_questions(ctx, run.info.id) if kind != "reading" else [],
        contest=room.contest_state(ctx, run.info.id) if kind == "contest" else None,
        seconds=int(run.setup.get("seconds") or settings_service.get_setting(ctx, "room.question_seconds")),
        record_delay_ms=1000 * int(settings_service.get_setting(ctx, "room.section_record_seconds")))


def save_state_now(ctx, run_id: int, changes: dict[str, Any]) -> None:  # noqa: ANN001
    """Where the run stands (page, question, timer, blanked …), merged into what is stored."""
    room.save_state(ctx, run_id, changes, wait_ms=ROOM_WAIT_MS)


def record_section_now(ctx, run_id: int, section_id: int) -> None:  # noqa: ANN001
    """The section on the projector counts as studied by the session."""
    room.record_section(ctx, run_id, section_id, wait_ms=ROOM_WAIT_MS)


def contest_event_now(ctx, run_id: int, event: ContestEvent) -> ContestState:  # noqa: ANN001
    """One contest action, checked against the stored log and stored; the board after it."""
    return room.record_contest_event(ctx, run_id, event, wait_ms=ROOM_WAIT_MS)


def finish_now(ctx, run_id: int) -> ContestState | None:  # noqa: ANN001
    """The run ends (a contest's ranking goes to the session); a contest's final board."""
    info = room.finish_run(ctx, run_id, wait_ms=ROOM_WAIT_MS)
    return room.contest_state(ctx, run_id) if info.kind == "contest" else None


def write_ranking_pdf(ctx, run_id: int, path: Path) -> Path:  # noqa: ANN001 - AppContext
    """The contest's ranking as a PDF file (about a second's work)."""
    return files.save_bytes(Path(path), room.contest_pdf(ctx, run_id))


def save_ranking_pdf(parent: QObject, run_id: int, path: Path) -> QueryOp:
    """打印成绩, built on the worker."""
    return QueryOp(parent, lambda ctx: write_ranking_pdf(ctx, run_id, path), lambda _p: None).titled("打印成绩")


# starting and continuing (launch.py) ----------------------------------------------------------------
RECENT_SESSIONS = 100

def start_form_now(ctx) -> tuple[list[SessionInfo], list[DocumentInfo], int, int]:  # noqa: ANN001
    """The start form's choices and defaults: sessions, documents, seconds per question, base score.
    A run belongs to a session being held: the newest RECENT_SESSIONS are offered, not a county's
    whole history (2,000 entries no one scrolls, and a read of every attendance row)."""
    return (sessions.session_page(ctx, RECENT_SESSIONS).infos, documents.list_documents(ctx),
            int(settings_service.get_setting(ctx, "room.question_seconds")),
            int(settings_service.get_setting(ctx, "room.base_score")))


def attendees_now(ctx, session_id: int) -> list[tuple[int, str]]:  # noqa: ANN001
    """Who is present at a session, to draw teams as the form changes (one short read)."""
    return room.people_ids(room.session_attendees(ctx, session_id))


def unfinished_now(ctx, kind: str | None = None) -> list[RunInfo]:  # noqa: ANN001
    """Runs not finished, to fill 「继续上次的…」 as the menu opens (one short read)."""
    return room.unfinished_runs(ctx, kind)


def unfinished(parent: QObject, kind: str | None, success: Callable[[list[RunInfo]], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: room.unfinished_runs(ctx, kind), success).titled("会议室")


def run_view(parent: QObject, run_id: int, success: Callable[[RunView], Any]) -> QueryOp:
    """A run as stored: where it was left, to open it again."""
    return QueryOp(parent, lambda ctx: room.get_run(ctx, run_id), success).titled("会议室")


def start_run(parent: QObject, kind: str, session_id: int | None, document_id: int, setup: dict[str, Any],
              title: str, *, questions: tuple[int, int] | None = None) -> CollectionOp[RunView]:
    """A new run. With `questions` (count, seed) the approved questions are drawn for it first."""
    def op(ctx):  # noqa: ANN001, ANN202
        full = dict(setup)
        if questions is not None:
            count, seed = questions
            full["question_ids"] = room.pick_questions(ctx, document_id, types=QUIZ_TYPES, count=count, seed=seed)
        return room.start_run(ctx, kind, session_id=session_id, document_id=document_id, setup=full, title=title)
    return CollectionOp(parent, op, Changes.of("records")).titled("会议室")



# 纸质测验 score entry (paper.py) ----------------------------------------------------------------------
def paper_sheet_now(ctx, run_id: int) -> tuple[PaperSheet, Any]:  # noqa: ANN001
    """The grid's content as the window opens: who sat the paper, its items, what was typed, and
    the grading rule."""
    return room.paper_sheet(ctx, run_id), room.grading_rule(ctx)


def store_paper_cell(parent: QObject, run_id: int, person_id: int, index: int, text: str) -> CollectionOp[None]:
    """One typed answer (stored as typed, in the order typed: one writer)."""
    return CollectionOp(parent, lambda ctx: room.set_paper_cell(ctx, run_id, person_id, index, text),
                        Changes()).titled("成绩录入")


def store_paper_variant(parent: QObject, run_id: int, person_id: int, variant: str) -> CollectionOp[None]:
    """Which paper (A/B) someone sat."""
    return CollectionOp(parent, lambda ctx: room.set_paper_variant(ctx, run_id, person_id, variant),
                        Changes()).titled("成绩录入")


def save_paper_scores(parent: QObject, run_id: int) -> CollectionOp[int]:
    """保存到学习会: the totals into the session's 成绩 (how many people)."""
    return CollectionOp(parent, lambda ctx: room.save_paper_scores(ctx, run_id), Changes.of("records")) \
        .titled("保存到学习会")


# 手机答题 (studyapp.lan serves the phones; these are its doors to the database) -----------------------
PHONE_TYPES = phones.PHONE_TYPES  # what a phone answers (a blank or a short answer is written on paper)

@dataclass(frozen=True)
class PhoneSetup:
    """What a phone quiz starts from: who may bind, what was answered and who joined before (a
    quiz reopened after the host PC stopped goes on)."""

    people: dict[int, str]
    known: dict[tuple[int, int], Any]
    joined: tuple[int, ...]
    teams: ContestTeams | None = None  # 知识竞赛: who plays for which team
    buzzes: dict[int, tuple[str, int]] | None = None  # 知识竞赛: the presses of 抢答 won before


def phone_setup_now(ctx, run_id: int) -> PhoneSetup:  # noqa: ANN001
    people = {p.person_id: p.name for p in phones.people(ctx, run_id)}
    run = room.get_run(ctx, run_id)
    teams = None
    if run.info.kind == "contest":
        setup = run.contest_setup
        teams = ContestTeams({t.id: t.name for t in setup.teams},
                             {pid: t.id for t in setup.teams for pid in t.person_ids}, setup.individual)
    return PhoneSetup(people, phones.answers(ctx, run_id), phones.tally(ctx, run_id).joined, teams,
                      phones.buzzes(ctx, run_id) if teams is not None else None)


class PhoneStore:
    """services.phones bound to a run, for the server's writer thread (one short transaction
    per join or answer; the server waits for it before telling the phone it is stored)."""

    def __init__(self, ctx, run_id: int) -> None:  # noqa: ANN001
        self.ctx, self.run_id = ctx, run_id

    def record_join(self, person_id: int) -> None:
        phones.record_join(self.ctx, self.run_id, person_id)

    def record_answer(self, person_id: int, index: int, response: Any, seconds: float) -> None:
        phones.record_answer(self.ctx, self.run_id, person_id, index, response, seconds)

    def record_buzz(self, person_id: int, index: int, team: str) -> None:
        phones.record_buzz(self.ctx, self.run_id, person_id, index, team)


def mark_phones_present(parent: QObject, run_id: int) -> CollectionOp[int]:
    """知识竞赛 (its ranking is its score): 出席 for who joined by phone; how many were marked."""
    return CollectionOp(parent, lambda ctx: phones.mark_joined_present(ctx, run_id),
                        Changes.of("records", "people")).titled("按手机加入登记出席")


def save_phone_scores(parent: QObject, run_id: int, mark_present: bool) -> CollectionOp[tuple[int, int]]:
    """The phones' answers into the session's 成绩 (and, when asked, 出席 for who joined):
    (scores saved, people marked present)."""
    def op(ctx):  # noqa: ANN001, ANN202
        marked = phones.mark_joined_present(ctx, run_id) if mark_present else 0
        return phones.save_scores(ctx, run_id), marked

    return CollectionOp(parent, op, Changes.of("records", "people")).titled("保存手机答题成绩")


def write_run_papers(parent: QObject, run_id: int, folder: Path) -> QueryOp:
    """打印试卷: the run's paper and key (the same selection as the sheets handed out) as PDFs."""
    def op(ctx, _p, _c):  # noqa: ANN001, ANN202
        run = room.get_run(ctx, run_id)
        paper, key = papers.paper_pdfs(ctx, run.info.document_id, seed=int(run.setup.get("seed", 0)),
                                       variants=tuple(run.setup.get("variants") or ("A", "B")))
        files.save_bytes(Path(folder, "试卷.pdf"), paper)
        files.save_bytes(Path(folder, "参考答案.pdf"), key)
        return folder
    return QueryOp(parent, op, lambda _f: None).with_progress("打印试卷", "正在生成试卷和参考答案…")
