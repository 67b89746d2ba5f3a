"""审核 (review) of a document's bank as a whole: the pending queue, approving or retiring many
questions by number, and the plain words a cadre reads about it.

A generated question counts for nothing until a person has checked it against the text, so
every quiz, paper and room draws only approved questions. These use cases serve the places
that lead a cadre there: the one-question-at-a-time review in the 题库 window, the hint in
the quiz and paper dialogs («本文件已生成 86 道题，尚未审核…»), and `studyapp bank
approve|retire`. Single questions are approved and retired by `bank.approve`/`bank.retire`;
this module adds the document-wide forms on top of them. Every function returns plain data.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from studyapp.core.names import is_id
from studyapp.db.models import Document, Question, now
from studyapp.services import bank
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto import BankCounts, QuestionView

__all__ = [
    "ReviewOutcome",
    "approve_in_document",
    "find_questions",
    "generated_headline",
    "not_ready_message",
    "outcome_text",
    "pending_questions",
    "retire_in_document",
]

log = logging.getLogger("studyapp.services")


@dataclass(frozen=True)
class ReviewOutcome:
    """What approving or retiring did, and where the document's bank stands afterwards.

    `refused` holds a Chinese line per question that could not be approved (malformed key);
    the others were approved all the same.
    """

    changed: int
    approved: int
    pending: int
    retired: int
    refused: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------- queries


def pending_questions(ctx: AppContext, document_id: int) -> list[QuestionView]:
    """The questions waiting for review (草稿), in reading order: the 审核 queue."""
    return bank.list_questions(ctx, document_id, status="draft")


def _title(session, document_id: int) -> str:  # noqa: ANN001 - Session
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError.of("文件", document_id)
    return doc.title


def find_questions(ctx: AppContext, document_id: int, keys: Sequence[str | int]) -> list[int]:
    """The stored ids of a document's questions named by number (编号) or by uid (the `id` of
    `studyapp questions --json` and of the bank file), in the order given, without repeats.

    A key that names no question of this document raises NotFoundError (Chinese), so nothing
    is changed on a typo.
    """
    with ctx.begin() as session:
        title = _title(session, document_id)
        rows = session.execute(
            select(Question.id, Question.uid).where(Question.document_id == document_id)
        ).all()
    by_id = {qid: qid for qid, _uid in rows}
    by_uid = {uid.lower(): qid for qid, uid in rows}
    found: list[int] = []
    for key in keys:
        text = str(key).strip()
        qid = by_id.get(int(text)) if is_id(text) else None
        if qid is None:
            qid = by_uid.get(text.lower())
        if qid is None:
            raise NotFoundError(
                f"文件《{title}》中没有编号为“{text}”的试题。"
                f"可用 studyapp bank list {document_id} 查看试题编号。")
        if qid not in found:
            found.append(qid)
    return found


def _outcome(ctx: AppContext, document_id: int, changed: int,
             refused: Iterable[str] = ()) -> ReviewOutcome:
    counts = bank.bank_counts(ctx, document_id)
    return ReviewOutcome(changed=changed, approved=counts.approved, pending=counts.draft,
                         retired=counts.retired, refused=tuple(refused))


# ---------------------------------------------------------------------------------- changes


def approve_in_document(
    ctx: AppContext, document_id: int, keys: Sequence[str | int] | None = None
) -> ReviewOutcome:
    """审核通过: the questions named by `keys`, or (None) every pending question of the document.

    Named questions are all-or-nothing, as `bank.approve`: a malformed one refuses the lot with
    a Chinese UserError. Approving every pending question approves the well-formed ones and
    lists the others in `refused`: one broken question must not hold back eighty good ones.
    """
    if keys is not None:
        ids = find_questions(ctx, document_id, keys)
        return _outcome(ctx, document_id, bank.approve(ctx, ids) if ids else 0)
    refused: list[str] = []
    changed = 0
    with ctx.begin(write=True) as session:  # (reads the drafts, then approves them: the writer lock first)
        _title(session, document_id)
        rows = list(session.scalars(
            select(Question).where(Question.document_id == document_id, Question.status == "draft")
            .order_by(Question.id)))
        stamp = now()
        for row in rows:
            errors = bank.check_shape(row.type, row.stem, row.options or [], row.answer)
            if errors:
                refused.append(f"试题（编号 {row.id}）格式有误，未通过：{errors[0]}")
                continue
            row.status = "approved"
            row.updated_at = row.reviewed_at = stamp
            changed += 1
    log.info("document %d: %d pending question(s) approved, %d refused", document_id, changed,
             len(refused))
    return _outcome(ctx, document_id, changed, refused)


def retire_in_document(
    ctx: AppContext, document_id: int, keys: Sequence[str | int] | None = None
) -> ReviewOutcome:
    """停用: the questions named by `keys`, or (None) every pending question of the document.

    Approved questions are retired only when named: retiring "all" clears the review queue,
    it never takes questions out of quizzes that a reviewer already let in.
    """
    if keys is not None:
        ids = find_questions(ctx, document_id, keys)
        return _outcome(ctx, document_id, bank.retire(ctx, ids) if ids else 0)
    with ctx.begin() as session:
        _title(session, document_id)
        ids = list(session.scalars(
            select(Question.id).where(Question.document_id == document_id,
                                      Question.status == "draft")))
    return _outcome(ctx, document_id, bank.retire(ctx, ids) if ids else 0)


# ---------------------------------------------------------------------------------- words


def outcome_text(action: str, outcome: ReviewOutcome) -> str:
    """「已通过 12 道，仍有 74 道待审核」 / 「已停用 3 道，待审核的已全部处理完」."""
    verb = {"approve": "已通过", "retire": "已停用"}[action]
    if outcome.changed == 0 and outcome.pending == 0:
        return "没有待审核的试题，未作改动"
    rest = f"仍有 {outcome.pending} 道待审核" if outcome.pending else "待审核的试题已全部处理完"
    return f"{verb} {outcome.changed} 道，{rest}"


def generated_headline(generated: int, pending: int) -> str:
    """How a generation result reads to a cadre: 「已生成 86 道，待审核」.

    Only what is there to do; what the checker threw away is a detail for the log.
    """
    if generated == 0:
        return "没有生成新的试题"
    if pending >= generated:
        return f"已生成 {generated} 道，待审核"
    if pending == 0:
        return f"已生成 {generated} 道，都已审核过"
    return f"已生成 {generated} 道，{pending} 道待审核"


def not_ready_message(counts: BankCounts, *, what: str = "练习和考试") -> str | None:
    """Why a document cannot be quizzed yet (None when it has approved questions).

    「本文件已生成 86 道题，尚未审核。审核通过后才能用于练习和考试。」
    """
    if counts.approved > 0:
        return None
    if counts.total == 0:
        return f"本文件还没有试题。请先在题库中生成试题，审核通过后才能用于{what}。"
    if counts.draft == 0:
        return f"本文件的 {counts.total} 道题都已停用，没有可用的试题。请在题库中恢复或新增试题并审核。"
    if counts.retired:
        return (f"本文件已生成 {counts.total} 道题，其中 {counts.draft} 道尚未审核。"
                f"审核通过后才能用于{what}。")
    return f"本文件已生成 {counts.total} 道题，尚未审核。审核通过后才能用于{what}。"
