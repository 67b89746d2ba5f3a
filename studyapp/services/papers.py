"""试卷 from a document's approved questions: A/B variants, answer sheet and answer key as PDF.

Only approved questions go on paper: a question nobody has checked against the text must not
decide anyone's score. The selection and shuffles are deterministic per seed (core.paper), so
printing again with the same seed gives the same paper and key.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from studyapp.core.model import DocumentError
from studyapp.core.paper import DEFAULT_BLUEPRINT, Paper, SourceQuestion, build_variants
from studyapp.services import bank, documents
from studyapp.services.context import AppContext
from studyapp.services.settings import get_setting

log = logging.getLogger("studyapp.records")


class NoApprovedQuestions(DocumentError):
    """The document has no approved questions to put on a paper."""


def make_papers(
    ctx: AppContext,
    document_id: int,
    *,
    seed: int = 0,
    variants: Sequence[str] = ("A", "B"),
    types: Iterable[str] | None = None,
    section_ids: Iterable[int] | None = None,
    minutes: int | None = None,
    blueprint: Sequence[tuple[str, int, float]] = DEFAULT_BLUEPRINT,
) -> list[Paper]:
    """The variants of a paper on `document_id` (NotFoundError / NoApprovedQuestions in Chinese)."""
    view = documents.get_document(ctx, document_id)
    questions = bank.approved_questions(ctx, document_id, types=types, section_ids=section_ids)
    if not questions:
        raise NoApprovedQuestions(
            f"文件《{view.title}》还没有审核通过的试题，无法组卷。"
            "请先在题库中生成并审核试题（studyapp bank generate），或导入已审核的题库。"
        )
    pool = [
        SourceQuestion(
            type=q.type, stem=q.stem, options=tuple(q.options), answer=q.answer, quote=q.quote,
            source=q.section_heading or "".join(q.section_path), explanation=q.explanation,
            question_id=q.id, uid=q.uid,
        )
        for q in questions
    ]
    minutes = int(get_setting(ctx, "paper.minutes")) if minutes is None else minutes
    papers = build_variants(pool, title=f"《{view.title}》", seed=seed, variants=variants,
                            minutes=minutes, blueprint=blueprint)
    log.info("paper on document %d, seed %d: %d questions, %s points",
             document_id, seed, len(papers[0].questions), papers[0].total)
    return papers


def paper_pdfs(
    ctx: AppContext, document_id: int, *, seed: int = 0, variants: Sequence[str] = ("A", "B")
) -> tuple[bytes, bytes]:
    """(试卷 with 答题卡, 参考答案) as PDF bytes."""
    from studyapp.reports.forms.paper import build_answer_key, build_paper_pdf
    from studyapp.services.printing import unit_name

    papers = make_papers(ctx, document_id, seed=seed, variants=variants)
    unit = unit_name(ctx)
    return build_paper_pdf(papers, unit), build_answer_key(papers, unit)
