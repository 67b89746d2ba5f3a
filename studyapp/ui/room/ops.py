"""The meeting room's operations (ui/ops.py) that need not run on the projector's own thread.

(The run's own steps — a page turned, a question shown, a contest judged — are written at
once, in order, by the controller: a contest event must never be reordered behind a later one.
They move here when the room's controller is split by mode.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from studyapp.services import files, room
from studyapp.ui.ops import QueryOp


def write_ranking_pdf(ctx, run_id: int, path: Path) -> Path:  # noqa: ANN001 - AppContext
    """The contest's ranking as a PDF file (about a second's work)."""
    return files.save_bytes(Path(path), room.contest_pdf(ctx, run_id))


def save_ranking_pdf(parent: QObject, run_id: int, path: Path) -> QueryOp:
    """打印成绩, built on the worker."""
    return QueryOp(parent, lambda ctx: write_ranking_pdf(ctx, run_id, path), lambda _p: None).titled("打印成绩")
