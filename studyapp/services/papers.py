"""试卷 from a document's approved questions: A/B variants, answer sheet and answer key as PDF.

Only approved questions go on paper: a question nobody has checked against the text must not
decide anyone's score. The selection and shuffles are deterministic per seed (core.paper), so
printing again with the same seed gives the same paper and key.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence

from studyapp.core.model import UserError
from studyapp.core.paper import (
    DEFAULT_BLUEPRINT,
    TYPE_ORDER,
    TYPE_TITLES,
    Paper,
    SourceQuestion,
    blueprint_total,
    build_variants,
)
from studyapp.services import bank, documents
from studyapp.services.context import AppContext
from studyapp.services.settings import get_setting

log = logging.getLogger("studyapp.records")


class NoApprovedQuestions(UserError):
    """The document has no approved questions to put on a paper."""


def available_counts(ctx: AppContext, document_id: int) -> dict[str, int]:
    """Approved questions of a document per type (every type of TYPE_ORDER, zeros included).

    The 组卷 dialog shows these beside the counts asked for, so a clerk sees before printing
    that the bank holds, say, one 简答题 and the paper will make up the points elsewhere.
    """
    documents.get_document(ctx, document_id)  # NotFoundError in Chinese for a deleted document
    counts = Counter(q.type for q in bank.approved_questions(ctx, document_id))
    return {t: counts.get(t, 0) for t in TYPE_ORDER}


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
    """The variants of a paper on `document_id` (NotFoundError / NoApprovedQuestions in Chinese).

    Types the blueprint asks none of are left out of the pool, so a paper of only 判断题 and
    单选题 is not topped up with 填空题; a short bank is topped up to the blueprint's total.
    """
    view = documents.get_document(ctx, document_id)
    wanted = [t for t, count, _p in blueprint if count > 0]
    if types is not None:
        wanted = [t for t in wanted if t in set(types)]
    if not wanted:
        raise NoApprovedQuestions("请至少为一种题型设置题数，再组卷。")
    questions = bank.approved_questions(ctx, document_id, types=wanted, section_ids=section_ids)
    if not questions:
        if types is None and section_ids is None and not bank.approved_questions(ctx, document_id):
            raise NoApprovedQuestions(
                f"文件《{view.title}》还没有审核通过的试题，无法组卷。"
                "请先在题库中生成并审核试题（studyapp bank generate），或导入已审核的题库。"
            )
        names = "、".join(TYPE_TITLES.get(t, t) for t in wanted)
        raise NoApprovedQuestions(
            f"文件《{view.title}》没有审核通过的{names}，无法按所选题型组卷。"
            "请选择其他题型，或先在题库中审核这些题型的试题。"
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
                            minutes=minutes, blueprint=blueprint,
                            target_total=blueprint_total(blueprint))
    log.info("paper on document %d, seed %d: %d questions, %s points",
             document_id, seed, len(papers[0].questions), papers[0].total)
    return papers


def paper_pdf(ctx: AppContext, papers: Sequence[Paper], *, answer_sheets: bool = True) -> bytes:
    """试卷 (each variant, then its 答题卡 unless `answer_sheets` is False) as PDF bytes.

    Takes the Paper objects rather than a seed so a preview of the paper and one of the key
    render the very same selection, made once.
    """
    from studyapp.reports.forms.paper import build_paper_pdf
    from studyapp.services.printing import unit_name

    return build_paper_pdf(papers, unit_name(ctx), answer_sheets=answer_sheets)


def key_pdf(ctx: AppContext, papers: Sequence[Paper]) -> bytes:
    """参考答案 of the variants (each answer with its 出处 and quoted sentence) as PDF bytes."""
    from studyapp.reports.forms.paper import build_answer_key
    from studyapp.services.printing import unit_name

    return build_answer_key(papers, unit_name(ctx))


def paper_pdfs(
    ctx: AppContext,
    document_id: int,
    *,
    seed: int = 0,
    variants: Sequence[str] = ("A", "B"),
    minutes: int | None = None,
    blueprint: Sequence[tuple[str, int, float]] = DEFAULT_BLUEPRINT,
    answer_sheets: bool = True,
) -> tuple[bytes, bytes]:
    """(试卷 with 答题卡, 参考答案) as PDF bytes."""
    papers = make_papers(ctx, document_id, seed=seed, variants=variants, minutes=minutes,
                         blueprint=blueprint)
    return paper_pdf(ctx, papers, answer_sheets=answer_sheets), key_pdf(ctx, papers)
