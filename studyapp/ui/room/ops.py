"""The meeting room's operations (ui/ops.py): starting, continuing and opening a run, the paper
test's score grid, the ranking's PDF.

(The run's own steps — a page turned, a question shown, a contest judged — are written at
once, in order, by the controller: a contest event must never be reordered behind a later one.
They move here when the room's controller is split by mode.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from studyapp.services import documents, files, papers, room, sessions
from studyapp.services import settings as settings_service
from studyapp.services.dto import DocumentInfo, SessionInfo
from studyapp.services.dto_room import PaperSheet, RunInfo, RunView
from studyapp.ui.ops import Changes, CollectionOp, QueryOp

QUIZ_TYPES = ("single", "multiple", "judge", "fill")  # what a quiz or a contest asks on the projector


def write_ranking_pdf(ctx, run_id: int, path: Path) -> Path:  # noqa: ANN001 - AppContext
    """The contest's ranking as a PDF file (about a second's work)."""
    return files.save_bytes(Path(path), room.contest_pdf(ctx, run_id))


def save_ranking_pdf(parent: QObject, run_id: int, path: Path) -> QueryOp:
    """打印成绩, built on the worker."""
    return QueryOp(parent, lambda ctx: write_ranking_pdf(ctx, run_id, path), lambda _p: None).titled("打印成绩")


# starting and continuing (launch.py) ----------------------------------------------------------------
def start_form_now(ctx) -> tuple[list[SessionInfo], list[DocumentInfo], int, int]:  # noqa: ANN001
    """The start form's choices and defaults: sessions, documents, seconds per question, base score."""
    return (sessions.list_sessions(ctx), documents.list_documents(ctx),
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
