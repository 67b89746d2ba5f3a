"""The 题库's operations: each the service call it runs and, for a write, what it changes
(ui/ops.py). The widgets of ui/bank call these, never a service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from studyapp.services import bank, bankreview, documents, exchange
from studyapp.services.dto import (
    BankCounts,
    BankImportReport,
    DocumentView,
    QuestionDraft,
    QuestionRow,
    QuestionView,
    StatusOutcome,
)
from studyapp.ui.ops import Changes, CollectionOp, QueryOp

# pure helpers of the bank's rules (no database): the editor checks a draft as the services do
normalize_blanks = bank.normalize_blanks
check_shape = bank.check_shape
generated_headline = bankreview.generated_headline
not_ready_message = bankreview.not_ready_message
locate = bank.locate_quote  # where a question's sentence is in the document the window holds


# reads ----------------------------------------------------------------------------------------------
FULL_PAGE = 250  # whole questions read at a time as the reviewer steps down the list
OPEN_PAGE = 60  # whole questions read with a long list, around the one it opens on: a screenful and more
row_of = bank.row_of


@dataclass
class BankList:
    """The 题库's list as the worker hands it over: the light rows under the filters (in
    reading order), the bank's counts, the whole questions of a page of rows around the one to
    show, and what `arrange` made of the rows on the worker (the list's tree)."""

    rows: list[QuestionRow]
    counts: BankCounts
    views: dict[int, QuestionView] = field(default_factory=dict)
    arranged: Any = None


def page_around(ids: list[int], at: int | None, size: int = FULL_PAGE) -> list[int]:
    """The ids of a page of the list around `at` (from the start when it is not listed): a
    little before it, most after it (a reviewer steps down the list)."""
    i = ids.index(at) if at is not None and at in ids else 0
    start = max(0, min(i - size // 5, len(ids) - size))
    return ids[start:start + size]


def load_list(parent: QObject, document_id: int, filters: dict[str, str | None],
              success: Callable[[BankList], Any], *, around: int | None = None,
              arrange: Callable[[list[QuestionRow]], Any] | None = None) -> QueryOp:
    """The questions under the filters (and the search words, `filters["search"]`) as light
    rows, the bank's counts, and the whole questions of a screenful around `around` — of
    every row for a bank no longer than a page (one transaction; the reviewer's steps read
    further ahead)."""
    def op(ctx):  # noqa: ANN001, ANN202
        rows, counts, views = bank.list_page(ctx, document_id, filters, around, OPEN_PAGE, whole_up_to=FULL_PAGE)
        return BankList(rows, counts, views, arrange(rows) if arrange is not None else None)
    return QueryOp(parent, op, success).titled("题库")


def questions(parent: QObject, question_ids: list[int], success: Callable[[dict[int, QuestionView]], Any]) -> QueryOp:
    """The whole questions of `question_ids` (a page of the list, as the reviewer steps into it)."""
    return QueryOp(parent, lambda ctx: bank.get_questions(ctx, question_ids), success).titled("题库")


def counts(parent: QObject, document_id: int, success: Callable[[BankCounts], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: bank.bank_counts(ctx, document_id), success).titled("题库")


def counts_now(ctx, document_id: int) -> BankCounts:  # noqa: ANN001 - AppContext
    """The bank's counts, read at once: a setup dialog decides whether it can start before it
    is shown (the hint in it says why not). One indexed count; the one read kept synchronous."""
    return bank.bank_counts(ctx, document_id)


def question(parent: QObject, question_id: int, success: Callable[[QuestionView], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: bank.get_question(ctx, question_id), success).titled("题库")


def pending(parent: QObject, document_id: int, success: Callable[[list[QuestionView]], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: bankreview.pending_questions(ctx, document_id), success).titled("逐题审核")


def verify_question(parent: QObject, question_id: int, success: Callable[[tuple[str, ...]], Any]) -> QueryOp:
    return QueryOp[tuple[str, ...]](parent, lambda ctx: bank.verify_question(ctx, question_id), success).titled("修改试题")


def document_now(ctx, document_id: int) -> DocumentView:  # noqa: ANN001 - AppContext
    """The document a 题库 window is about, read once when it opens (its outline and title)."""
    return documents.get_document(ctx, document_id)


# writes ---------------------------------------------------------------------------------------------
def set_status(parent: QObject, action: str, versions: dict[int, int], document_id: int
               ) -> CollectionOp[StatusOutcome]:
    """审核通过 / 停用 / 恢复 of the questions the list shows, at the versions it shows them
    (`versions`: id → version): one changed meanwhile by someone else is left alone and named,
    one malformed is not approved; the others go ahead."""
    return CollectionOp(parent, lambda ctx: bank.set_status_as_seen(ctx, versions, action),
                        Changes.bank(document_id)).titled("题库")


stale_message = bank.stale_message


def decide(parent: QObject, question_id: int, approve: bool, document_id: int,
           expected_version: int | None = None) -> CollectionOp[QuestionView]:
    """逐题审核's 通过 / 停用: the question as it is afterwards. `expected_version`: the version
    the reviewer saw (a question changed since is an EditConflict, nothing changed)."""
    def op(ctx):  # noqa: ANN001, ANN202
        (bank.approve if approve else bank.retire)(ctx, question_id, expected_version=expected_version)
        return bank.get_question(ctx, question_id)
    return CollectionOp(parent, op, Changes.bank(document_id)).titled("审核")


def save_question(parent: QObject, document_id: int, question_id: int | None,
                  draft: QuestionDraft, expected_version: int | None = None) -> CollectionOp:
    """The editor's 保存: a new manual question, or the changed one (with the verifier's warnings).
    `expected_version`: the version the editor read (a question changed since is an
    EditConflict); None overwrites."""
    def op(ctx):  # noqa: ANN001, ANN202
        if question_id is None:
            return bank.add_manual_question(ctx, document_id, draft)
        return bank.update_question(ctx, question_id, draft, expected_version=expected_version)
    return CollectionOp(parent, op, Changes.bank(document_id)).titled("保存试题")


def regenerate_section(parent: QObject, section_id: int, document_id: int, heading: str) -> CollectionOp:
    def op(ctx, progress, cancel):  # noqa: ANN001, ANN202
        return bank.regenerate_section(ctx, section_id, progress=progress, cancel=cancel)
    return CollectionOp(parent, op, Changes.bank(document_id)).with_progress(
        "重新生成本节", f"正在为「{heading}」重新生成试题…")


def generate(parent: QObject, document_id: int, seed: int | None = None) -> CollectionOp:
    """生成试题 for a whole document: the result and the bank's counts afterwards."""
    def op(ctx, progress, cancel):  # noqa: ANN001, ANN202
        result = bank.generate_for_document(ctx, document_id, seed=seed, progress=progress, cancel=cancel)
        return result, bank.bank_counts(ctx, document_id)
    return CollectionOp(parent, op, Changes.bank(document_id)).with_progress("生成试题", "正在生成试题…")


def export_file(parent: QObject, document_id: int, target: Path) -> QueryOp:
    """导出题库 to a file (Excel, bank file, a platform's format): how many questions."""
    return QueryOp(parent, lambda ctx, _p, _c: exchange.export_file(ctx, document_id, target), lambda _n: None) \
        .with_progress("导出题库", f"正在导出到“{target.name}”…")


def import_file(parent: QObject, document_id: int, source: Path) -> CollectionOp[BankImportReport]:
    """导入题库 from an Excel sheet or a bank file: the report (the bank changed when it is ok)."""
    return CollectionOp(parent, lambda ctx, _p, _c: exchange.import_file(ctx, document_id, source),
                        lambda report: Changes.bank(document_id) if report.ok else Changes()) \
        .with_progress("导入题库", f"正在检查并导入“{source.name}”…")
