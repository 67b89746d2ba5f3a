"""The question bank (题库) of a document: generate, list, review, edit, locate sources.

Generation runs core's pure generator on the document rebuilt from its stored sections, so
what the bank says always matches what the reader shows. Reviewed work is never lost to a
regeneration: questions are matched by `uid` (core's Question.id) and only unreviewed
generated drafts are replaced or removed. Every function returns DTOs, never ORM objects.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, func, literal, select
from sqlalchemy.orm import Session, aliased

from studyapp.core.model import Cancelled, ParsedDocument, ParsedSection, UserError, section_heading
from studyapp.core.questions.model import BLANK, QUESTION_TYPES, BankResult, make_id
from studyapp.core.questions.model import Question as CoreQuestion
from studyapp.core.questions.text import label_of
from studyapp.db.models import QUESTION_STATUSES, Document, Question, Section, now
from studyapp.services import audit
from studyapp.services.context import AppContext, EditConflict, NotFoundError
from studyapp.services.dto import (
    QUESTION_TYPE_NAMES,
    BankCounts,
    CancelToken,
    DocumentView,
    GenerateResult,
    ProgressFn,
    QuestionDraft,
    QuestionRow,
    QuestionSaved,
    QuestionView,
    QuoteLocation,
    StatusOutcome,
)

log = logging.getLogger("studyapp.services")

# Chinese wording of the verifier's reason codes (core/questions/verify.py), for the editor.
REASON_MESSAGES: dict[str, str] = {
    "bad_type": "题型无效",
    "no_tags": "没有标签（原则、措施、目标等）",
    "bad_difficulty": "难度应为 1（易）、2（中）或 3（难）",
    "quote_missing": "没有出处原文，无法与原文核对",
    "source_section_missing": "出处所在的章节在文件中找不到",
    "quote_not_verbatim": "出处原文与文件中的文字不一致",
    "dangling_stem": "题干离开上下文读不懂（以“其”“上述”“前款”等开头或指代）",
    "fill_blank_count": "填空的空数与答案个数不一致",
    "fill_not_in_quote": "把答案填回空中后，与出处原文对不上",
    "fill_function_word": "填空的答案是虚词（的、和、要、必须等），不宜作为考点",
    "fill_half_word": "填空挖掉了半个词",
    "fill_answer_given": "题干中已经出现了答案",
    "judge_answer": "判断题的答案应为“对”或“错”",
    "judge_statement_short": "判断题的陈述太短",
    "judge_true_not_in_quote": "答案为“对”，但这句话不在出处原文中",
    "judge_false_in_quote": "答案为“错”，但这句话原样出现在出处原文中",
    "judge_no_original": "答案为“错”的判断题，解析中应给出原文",
    "short_points": "简答题至少要有两个答案要点",
    "short_point_not_in_quote": "简答题的答案要点不在出处原文中",
    "options_count": "选项个数不合适（单选 4 个，多选 4～6 个）",
    "answer_index": "答案不是有效的选项",
    "multiple_correct_count": "多选题应有至少两个、但不是全部选项为正确答案",
    "option_empty": "有空白选项",
    "options_duplicate": "有重复的选项",
    "options_substring": "有的选项包含在另一个选项之中",
    "options_length": "选项长短相差太大",
    "key_not_in_quote": "正确选项不在出处原文中",
    "key_in_quote": "否定式题干（不属于/不是…）的正确选项却出现在出处原文中",
    "distractor_in_quote": "错误选项也出现在出处原文中",
    "negative_option_not_in_quote": "否定式题干的错误选项应出现在出处原文中",
    "near_duplicate_stem": "与题库中另一道题几乎相同",
    "duplicate_stem": "与题库中另一道题相同",
}

STATUS_ORDER = {s: i for i, s in enumerate(QUESTION_STATUSES)}
_BLANK_RUN = re.compile(r"_{2,}")


def reason_message(code: str) -> str:
    """A verifier reason in Chinese (unknown codes are shown as-is, not hidden)."""
    return REASON_MESSAGES.get(code, f"未通过校验（{code}）")


# ---------------------------------------------------------------------------------- documents


@dataclass
class _DocTree:
    """A stored document rebuilt for core, with the way back from label paths to section ids."""

    parsed: ParsedDocument
    path_to_id: dict[tuple[str, ...], int]
    id_to_path: dict[int, tuple[str, ...]]
    ordinal: dict[int, int]
    heading: dict[int, str]
    children: dict[int, list[int]]
    fields: dict[int, tuple[str, str]]  # id -> (title, text)

    def subtree(self, section_id: int) -> list[int]:
        """The section and all its descendants, in reading order."""
        out = [section_id]
        for child in self.children.get(section_id, []):
            out.extend(self.subtree(child))
        return out


def _load_tree(session: Session, document_id: int) -> _DocTree:
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError.of("文件", document_id)
    rows = session.execute(
        select(
            Section.id, Section.parent_id, Section.kind, Section.number, Section.label,
            Section.title, Section.text, Section.ordinal,
        )
        .where(Section.document_id == document_id)
        .order_by(Section.ordinal)
    ).all()
    parsed = ParsedDocument(
        title=doc.title, note=doc.note, meta=dict(doc.meta or {}), truncated=doc.truncated,
        preamble=doc.preamble,
    )
    nodes: dict[int, ParsedSection] = {}
    tree = _DocTree(parsed, {}, {}, {}, {}, {}, {})
    for row in rows:
        node = ParsedSection(label=row.label, title=row.title, text=row.text, kind=row.kind,
                             number=row.number)
        nodes[row.id] = node
        parent = nodes.get(row.parent_id) if row.parent_id is not None else None
        if parent is None:
            parsed.sections.append(node)
            path: tuple[str, ...] = (label_of(node),)
        else:
            parent.children.append(node)
            tree.children.setdefault(row.parent_id, []).append(row.id)
            path = tree.id_to_path[row.parent_id] + (label_of(node),)
        tree.path_to_id.setdefault(path, row.id)
        tree.id_to_path[row.id] = path
        tree.ordinal[row.id] = row.ordinal
        tree.heading[row.id] = section_heading(row.label, row.title, row.text)
        tree.fields[row.id] = (row.title, row.text)
    return tree


def parsed_document(ctx: AppContext, document_id: int) -> ParsedDocument:
    """The stored document as core's ParsedDocument (what the generator and verifier read)."""
    with ctx.begin() as session:
        return _load_tree(session, document_id).parsed


# ---------------------------------------------------------------------------------- views


def _view(row: Any, tree: _DocTree | None = None) -> QuestionView:
    """(`row`: a Question, or a row of its columns)"""
    sid = row.section_id
    ordinal = -1
    heading = ""
    if sid is not None and tree is not None:
        ordinal = tree.ordinal.get(sid, -1)
        heading = tree.heading.get(sid, "")
    answer = row.answer
    if isinstance(answer, list):
        answer = list(answer)
    return QuestionView(
        id=row.id, uid=row.uid, document_id=row.document_id, section_id=sid,
        section_ordinal=ordinal, section_heading=heading,
        section_path=tuple(row.section_path or ()), type=row.type, stem=row.stem,
        options=tuple(row.options or ()), answer=answer, explanation=row.explanation,
        quote=row.quote, tags=tuple(row.tags or ()), difficulty=row.difficulty,
        origin=row.origin, status=row.status, created_at=row.created_at.isoformat(),
        updated_at=row.updated_at.isoformat(),
        reviewed_at=row.reviewed_at.isoformat() if row.reviewed_at else None,
        version=int(row.version or 1),
    )


def _sort_key(view: QuestionView | QuestionRow) -> tuple[int, int]:
    # Reading order; questions without a section (lost or never had one) come last.
    return (view.section_ordinal if view.section_ordinal >= 0 else 1 << 30, view.id)


def to_core(view: QuestionView) -> CoreQuestion:
    """The stored question as core's Question (for exporters, the verifier and quizzes)."""
    answer = list(view.answer) if isinstance(view.answer, (list, tuple)) else view.answer
    return CoreQuestion(
        type=view.type, stem=view.stem, options=list(view.options), answer=answer,
        explanation=view.explanation,
        source={"section": list(view.section_path), "quote": view.quote},
        tags=list(view.tags), difficulty=view.difficulty, id=view.uid,
    )


def group_by_section(views: Sequence[QuestionView]) -> list[tuple[int | None, str, list[QuestionView]]]:
    """(section_id, heading, questions) groups in the order given (list_questions' order)."""
    groups: list[tuple[int | None, str, list[QuestionView]]] = []
    for v in views:
        if groups and groups[-1][0] == v.section_id:
            groups[-1][2].append(v)
        else:
            groups.append((v.section_id, v.section_heading or "（未关联章节）", [v]))
    return groups


# ---------------------------------------------------------------------------------- shape


def normalize_blanks(stem: str) -> str:
    """Any run of two or more underscores is one blank, written as "____" (the contract)."""
    return _BLANK_RUN.sub(BLANK, stem)


def check_shape(
    qtype: str, stem: str, options: Sequence[str], answer: Any
) -> list[str]:
    """Why a question cannot be stored at all (Chinese; empty when it is well-formed).

    This is the hard floor under the verifier: a malformed key would mark right answers wrong
    in a quiz, so it is refused, while content doubts are only warnings.
    """
    errors: list[str] = []
    if qtype not in QUESTION_TYPES:
        return [f"题型“{qtype}”无效，应为单选题、多选题、判断题、填空题或简答题。"]
    name = QUESTION_TYPE_NAMES[qtype]
    if not (stem or "").strip():
        errors.append("题干不能为空。")
    opts = [str(o) for o in options]
    if qtype in ("single", "multiple"):
        if len(opts) < 2:
            errors.append(f"{name}至少要有两个选项。")
        if any(not o.strip() for o in opts):
            errors.append("选项不能为空白。")
        elif len({o.strip() for o in opts}) != len(opts):
            errors.append("选项不能重复。")
        if len(opts) > 6:
            errors.append("选项最多 6 个（A～F）。")
        ok_list = isinstance(answer, (list, tuple)) and all(
            isinstance(i, int) and not isinstance(i, bool) for i in answer
        )
        if not ok_list or not answer:
            errors.append(f"{name}的答案应为选项字母（如 A 或 ABD）。")
        else:
            bad = [i for i in answer if not 0 <= i < len(opts)]
            if bad:
                letters = "".join(_letter(i) for i in bad)
                errors.append(f"答案“{letters}”超出了选项范围。")
            elif len(set(answer)) != len(answer):
                errors.append("答案中有重复的选项。")
            elif qtype == "single" and len(answer) != 1:
                errors.append("单选题只能有一个正确答案。")
            elif qtype == "multiple" and len(answer) < 2:
                errors.append("多选题至少要有两个正确答案。")
    elif opts:
        errors.append(f"{name}不应有选项。")
    if qtype == "judge" and not isinstance(answer, bool):
        errors.append("判断题的答案应为“对”或“错”。")
    if qtype in ("fill", "short"):
        ok = isinstance(answer, (list, tuple)) and answer and all(
            isinstance(a, str) and a.strip() for a in answer
        )
        if not ok:
            what = "每个空的答案" if qtype == "fill" else "答案要点"
            errors.append(f"{name}要写出{what}，不能为空。")
        elif qtype == "fill":
            blanks = (stem or "").count(BLANK)
            if blanks == 0:
                errors.append("填空题的题干中没有空（用 ____ 表示要填的空）。")
            elif blanks != len(answer):
                errors.append(f"填空题有 {blanks} 个空，但给了 {len(answer)} 个答案。")
    return errors


def _letter(i: int) -> str:
    return chr(ord("A") + i) if 0 <= i < 26 else str(i + 1)


def _warnings(q: CoreQuestion, parsed: ParsedDocument) -> list[str]:
    """The verifier's reasons in Chinese: shown to the editor, never a refusal."""
    from studyapp.core.questions.verify import verify

    if not q.quote.strip():
        return [reason_message("quote_missing")]
    return [reason_message(code) for code in verify(q, parsed)]


# ---------------------------------------------------------------------------------- generation


def _core_generate(
    parsed: ParsedDocument,
    seed: int,
    progress: ProgressFn | None,
    cancel: CancelToken | None,
    sections: list[list[str]] | None = None,
) -> BankResult:
    from studyapp.core.questions import (
        generate_bank,  # the segmenter loads on first use
    )

    return generate_bank(parsed, seed, progress=progress, cancel=cancel, sections=sections)


def _reviewed(row: Question) -> bool:
    """Anything a person touched (or brought in) is kept by regeneration."""
    return not (row.origin == "generated" and row.status == "draft")


def _apply_core(row: Question, q: CoreQuestion) -> None:
    row.type = q.type
    row.stem = q.stem
    row.options = list(q.options)
    row.answer = list(q.answer) if isinstance(q.answer, list) else q.answer
    row.explanation = q.explanation
    row.quote = q.quote
    row.section_path = list(q.section)
    row.tags = list(q.tags)
    row.difficulty = int(q.difficulty)


def _same_content(row: Question, q: CoreQuestion) -> bool:
    answer = list(q.answer) if isinstance(q.answer, list) else q.answer
    return (
        row.type == q.type and row.stem == q.stem and list(row.options or []) == list(q.options)
        and row.answer == answer and row.explanation == q.explanation and row.quote == q.quote
        and list(row.section_path or []) == list(q.section) and list(row.tags or []) == list(q.tags)
        and row.difficulty == int(q.difficulty)
    )


def _merge(
    session: Session,
    document_id: int,
    tree: _DocTree,
    questions: Sequence[CoreQuestion],
    scope: set[int] | None,
) -> tuple[int, int, int, int]:
    """Store a generated bank over the stored one; returns (added, refreshed, kept, removed)."""
    stmt = select(Question).where(Question.document_id == document_id)
    if scope is not None:
        stmt = stmt.where(Question.section_id.in_(scope))
    rows = list(session.scalars(stmt.order_by(Question.id)))
    by_uid: dict[str, list[Question]] = {}
    for row in rows:
        by_uid.setdefault(row.uid, []).append(row)
    # a reviewed row edited into exactly what the generator now proposes is that question
    edited_as = {make_id(r.type, r.stem, list(r.section_path or []), r.quote or ""): r
                 for r in rows if _reviewed(r)}
    added = refreshed = 0
    seen: set[str] = set()
    stamp = now()
    for q in questions:
        if q.id in seen:
            continue
        seen.add(q.id)
        existing = by_uid.get(q.id, [])
        if any(_reviewed(r) for r in existing) or q.id in edited_as:
            continue
        if existing:
            row = existing[0]
            if not _same_content(row, q):
                _apply_core(row, q)
                row.section_id = tree.path_to_id.get(tuple(q.section))
                row.updated_at = stamp
                refreshed += 1
            continue
        row = Question(
            document_id=document_id, section_id=tree.path_to_id.get(tuple(q.section)), uid=q.id,
            origin="generated", status="draft", created_at=stamp, updated_at=stamp,
        )
        _apply_core(row, q)
        session.add(row)
        added += 1
    kept = sum(1 for r in rows if _reviewed(r))
    removed = 0
    for uid, group in by_uid.items():
        drafts = [r for r in group if not _reviewed(r)]
        # a stale draft, or a duplicate of a kept/refreshed row
        extra = drafts if uid not in seen or len(drafts) < len(group) else drafts[1:]
        for r in extra:
            session.delete(r)
            removed += 1
    session.flush()
    return added, refreshed, kept, removed


def generate_for_document(
    ctx: AppContext,
    document_id: int,
    *,
    seed: int = 0,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> GenerateResult:
    """(Re)generate a document's bank: new questions become drafts, reviewed ones stay as they are.

    The generator runs outside any transaction (it can take a while on a large document);
    the merge is one transaction. Raises Cancelled when `cancel` is set before the merge.
    """
    with ctx.begin() as session:
        tree = _load_tree(session, document_id)
    if progress is not None:
        progress(0, 0, "正在生成试题…")
    bank = _core_generate(tree.parsed, seed, progress, cancel)
    if cancel is not None and cancel.cancelled:
        raise Cancelled()
    if progress is not None:
        progress(0, 0, "正在保存到题库…")
    with ctx.begin(write=True) as session:  # (reads the bank, then merges into it: the writer lock first)
        tree = _load_tree(session, document_id)  # the document may have gone meanwhile
        added, refreshed, kept, removed = _merge(session, document_id, tree, bank.questions, None)
    result = GenerateResult(
        document_id=document_id, generated=len(bank.questions), added=added, refreshed=refreshed,
        kept=kept, removed=removed, dropped=dict(sorted(bank.dropped.items())),
    )
    log.info("generated bank of document %d: %s", document_id, result)
    return result


def regenerate_section(
    ctx: AppContext,
    section_id: int,
    *,
    seed: int = 0,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> GenerateResult:
    """Regenerate the questions of one section (and its subsections) only.

    Core draws distractors from the whole document and gives a section the same questions as a
    full run with the same seed; only questions whose source lies in the subtree are merged.
    """
    with ctx.begin() as session:
        section = session.get(Section, section_id)
        if section is None:
            raise NotFoundError.of("章节", section_id)
        document_id = section.document_id
        tree = _load_tree(session, document_id)
    paths = [list(tree.id_to_path[i]) for i in tree.subtree(section_id)]
    bank = _core_generate(tree.parsed, seed, progress, cancel, paths)
    if cancel is not None and cancel.cancelled:
        raise Cancelled()
    with ctx.begin(write=True) as session:  # (reads the bank, then merges into it: the writer lock first)
        tree = _load_tree(session, document_id)
        if section_id not in tree.id_to_path:
            raise NotFoundError.of("章节", section_id)
        scope = set(tree.subtree(section_id))
        mine = [q for q in bank.questions if tree.path_to_id.get(tuple(q.section)) in scope]
        added, refreshed, kept, removed = _merge(session, document_id, tree, mine, scope)
    result = GenerateResult(
        document_id=document_id, generated=len(mine), added=added, refreshed=refreshed,
        kept=kept, removed=removed, dropped=dict(sorted(bank.dropped.items())),
    )
    log.info("regenerated section %d: %s", section_id, result)
    return result


# ---------------------------------------------------------------------------------- queries


def list_questions(
    ctx: AppContext,
    document_id: int,
    *,
    type: str | None = None,
    tag: str | None = None,
    status: str | None = None,
    origin: str | None = None,
    section_id: int | None = None,
) -> list[QuestionView]:
    """The bank in reading order (by section, then as stored), filtered.

    `section_id` includes the questions of its subsections. Use group_by_section() to group.
    """
    with ctx.begin() as session:
        tree = _load_tree(session, document_id)
        # the columns as plain rows, not ORM objects: a county's bank of 5,000 questions spent
        # most of its read building and tracking objects nobody changes
        stmt = select(*Question.__table__.columns).where(Question.document_id == document_id)
        if type:
            stmt = stmt.where(Question.type == type)
        if status:
            stmt = stmt.where(Question.status == status)
        if origin:
            stmt = stmt.where(Question.origin == origin)
        if section_id is not None:
            stmt = stmt.where(Question.section_id.in_(tree.subtree(section_id)))
        views = [_view(r, tree) for r in session.execute(stmt)]
    if tag:
        views = [v for v in views if tag in v.tags]
    views.sort(key=_sort_key)
    return views


def _contains(dialect: str, column: Any, word: str) -> ColumnElement[bool]:
    """`word in column`, as Python's `in` says it: case-sensitive, no wildcard characters (LIKE
    folds ASCII case on SQLite and would need escaping for % and _)."""
    if dialect == "postgresql":
        return func.strpos(column, literal(word)) > 0
    return func.instr(column, literal(word)) > 0


def _any_element(dialect: str, column: Any, test: Any) -> ColumnElement[bool]:
    """Some element of a JSON list column passes `test(element)` (options, tags)."""
    fn = func.json_array_elements_text if dialect == "postgresql" else func.json_each
    elements = fn(column).table_valued("value")
    return exists(select(literal(1)).select_from(elements).where(test(elements.c.value)))


def list_rows(
    ctx: AppContext,
    document_id: int,
    *,
    type: str | None = None,
    tag: str | None = None,
    status: str | None = None,
    origin: str | None = None,
    section_id: int | None = None,
    search: str = "",
) -> list[QuestionRow]:
    """The 题库's list: the questions under the filters in reading order (list_questions'
    order), each as a light row.

    `search`: words separated by spaces, every one found (case-sensitive, as typed) in the
    stem, an option, the explanation, the quoted sentence or the section's heading — asked of
    the database, so a county's bank is not read whole to find ten questions.
    """
    with ctx.begin() as session:
        return _list_rows(session, document_id, type=type, tag=tag, status=status, origin=origin,
                          section_id=section_id, search=search)


def _list_rows(
    session: Session,
    document_id: int,
    *,
    type: str | None = None,
    tag: str | None = None,
    status: str | None = None,
    origin: str | None = None,
    section_id: int | None = None,
    search: str = "",
) -> list[QuestionRow]:
    """list_rows inside the caller's transaction. The database puts the rows in reading order
    (the section's ordinal, then the id; questions without a section of this document last):
    the list is read already sorted, and the document's sections only when a search word or a
    section's subtree needs them."""
    words = search.split()
    dialect = session.get_bind().dialect.name
    if session.get(Document, document_id) is None:
        raise NotFoundError.of("文件", document_id)
    sections = session.execute(
        select(Section.id, Section.parent_id, Section.label, Section.title, Section.text)
        .where(Section.document_id == document_id)
    ).all() if words or section_id is not None else []
    place = aliased(Section)
    stmt = (
        select(  # (QuestionRow's fields, in its order)
            Question.id, Question.section_id, func.coalesce(place.ordinal, -1), Question.type, Question.status,
            Question.origin, Question.stem, func.coalesce(Question.version, 1),
            (Question.quote != "").label("has_quote"),
        )
        .outerjoin(place, (place.id == Question.section_id) & (place.document_id == document_id))
        .where(Question.document_id == document_id)
    )
    if type:
        stmt = stmt.where(Question.type == type)
    if status:
        stmt = stmt.where(Question.status == status)
    if origin:
        stmt = stmt.where(Question.origin == origin)
    if tag:
        stmt = stmt.where(_any_element(dialect, Question.tags, lambda value: value == tag))
    if section_id is not None:
        children: dict[int, list[int]] = {}
        for r in sections:
            if r.parent_id is not None:
                children.setdefault(r.parent_id, []).append(r.id)
        scope, todo = [], [section_id]
        while todo:
            sid = todo.pop()
            scope.append(sid)
            todo.extend(children.get(sid, []))
        stmt = stmt.where(Question.section_id.in_(scope))
    for word in words:
        headed = [r.id for r in sections if word in section_heading(r.label, r.title, r.text)]
        stmt = stmt.where(
            _contains(dialect, Question.stem, word)
            | _contains(dialect, Question.explanation, word)
            | _contains(dialect, Question.quote, word)
            | _any_element(dialect, Question.options, lambda value, w=word: _contains(dialect, value, w))
            | (Question.section_id.in_(headed) if headed else False)
        )
    stmt = stmt.order_by(place.ordinal.is_(None), place.ordinal, Question.id)
    # plain tuples from the connection (the ORM's row handling cost more than the query)
    return list(map(QuestionRow._make, session.connection().execute(stmt)))


def list_page(
    ctx: AppContext, document_id: int, filters: dict[str, str | None], around: int | None, page: int,
    *, whole_up_to: int = 0,
) -> tuple[list[QuestionRow], BankCounts, dict[int, QuestionView]]:
    """What the 题库 window shows when it opens or filters, in one transaction (one trip to a
    shared server, not three): the light rows under `filters` (list_rows' keywords), the
    bank's counts — worked out from the rows themselves when nothing filters them — and the
    whole questions of the `page` rows around `around` (from the top when it is not listed),
    or of every row when there are no more than `whole_up_to`."""
    with ctx.begin() as session:
        rows = _list_rows(session, document_id, type=filters.get("type"), tag=filters.get("tag"),
                          status=filters.get("status"), origin=filters.get("origin"),
                          search=filters.get("search") or "")
        if any(v is not None for v in filters.values()):
            counts = _bank_counts(session, document_id)
        else:  # (the rows are the whole bank: no second read of it)
            tally = Counter((r.status, r.type, r.origin) for r in rows)
            counts = _counts_of((st, ty, org, n) for (st, ty, org), n in tally.items())
        ids = [r.id for r in rows]
        page = len(ids) if len(ids) <= whole_up_to else page
        i = ids.index(around) if around is not None and around in ids else 0
        start = max(0, min(i - page // 5, len(ids) - page))
        return rows, counts, views_of(session, ids[start:start + page])


def row_of(view: QuestionView) -> QuestionRow:
    """The list's row of a whole question (after a decision or an edit read it again)."""
    return QuestionRow(id=view.id, section_id=view.section_id, section_ordinal=view.section_ordinal,
                       type=view.type, status=view.status, origin=view.origin, stem=view.stem,
                       version=view.version, has_quote=view.quote != "")


def get_questions(ctx: AppContext, question_ids: Iterable[int]) -> dict[int, QuestionView]:
    """The whole questions of `question_ids` that still exist, by id (the 题库 reads those
    around the one previewed, not the whole list)."""
    with ctx.begin() as session:
        return views_of(session, question_ids)


def views_of(session: Session, question_ids: Iterable[int]) -> dict[int, QuestionView]:
    """The questions that still exist of `question_ids`, by id, inside the caller's transaction:
    one read for the questions and one per document's tree (a room's twenty questions are not
    twenty transactions to a shared server)."""
    ids = sorted(set(question_ids))
    if not ids:
        return {}
    rows = list(session.scalars(select(Question).where(Question.id.in_(ids))))
    trees = {d: _load_tree(session, d) for d in sorted({r.document_id for r in rows})}
    return {r.id: _view(r, trees[r.document_id]) for r in rows}


def get_question(ctx: AppContext, question_id: int) -> QuestionView:
    with ctx.begin() as session:
        row = _question(session, question_id)
        return _view(row, _load_tree(session, row.document_id))


def approved_questions(
    ctx: AppContext,
    document_id: int,
    types: Iterable[str] | None = None,
    section_ids: Iterable[int] | None = None,
) -> list[QuestionView]:
    """What quizzes draw from by default: approved questions, in reading order.

    `section_ids` include their subsections (a quiz on 「二、」 covers its items 4.–8.).
    """
    with ctx.begin() as session:
        tree = _load_tree(session, document_id)
        stmt = select(Question).where(
            Question.document_id == document_id, Question.status == "approved"
        )
        if types is not None:
            stmt = stmt.where(Question.type.in_(list(types)))
        if section_ids is not None:
            scope: set[int] = set()
            for sid in section_ids:
                if sid in tree.id_to_path:
                    scope.update(tree.subtree(sid))
            stmt = stmt.where(Question.section_id.in_(scope))
        views = [_view(r, tree) for r in session.scalars(stmt)]
    views.sort(key=_sort_key)
    return views


def bank_counts(ctx: AppContext, document_id: int) -> BankCounts:
    """Questions per status (for the 题库 header and the 文件库), per type and per origin."""
    with ctx.begin() as session:
        return _bank_counts(session, document_id)


def _bank_counts(session: Session, document_id: int) -> BankCounts:
    if session.get(Document, document_id) is None:
        raise NotFoundError.of("文件", document_id)
    rows = session.execute(
        select(Question.status, Question.type, Question.origin, func.count(Question.id))
        .where(Question.document_id == document_id)
        .group_by(Question.status, Question.type, Question.origin)
    ).all()
    return _counts_of((st, ty, org, n) for st, ty, org, n in rows)


def _counts_of(rows: Iterable[tuple[str, str, str, int]]) -> BankCounts:
    """BankCounts of (status, type, origin, how many) rows."""
    status: Counter[str] = Counter()
    types: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    for st, ty, org, n in rows:
        status[st] += n
        types[ty] += n
        origins[org] += n
    return BankCounts(
        draft=status["draft"], approved=status["approved"], retired=status["retired"],
        by_type={t: types[t] for t in QUESTION_TYPES if types[t]},
        by_origin=dict(sorted(origins.items())),
    )


def _question(session: Session, question_id: int) -> Question:
    row = session.get(Question, question_id)
    if row is None:
        raise NotFoundError.of("试题", question_id)
    return row


def _check_version(row: Question, expected_version: int | None, what: str) -> None:
    """A question changed since the copy that was read (`expected_version`; None: overwrite, the
    user chose to) is an EditConflict naming it: nothing is written. `what` is what was refused."""
    if expected_version is None or row.version == expected_version:
        return
    stem = " ".join(row.stem.split())
    name = stem if len(stem) <= 30 else stem[:30] + "…"
    raise EditConflict(f"试题（编号 {row.id}：{name}）在您打开之后已被别人（另一台电脑或命令行）修改过，"
                       f"{what}没有保存。")


# ---------------------------------------------------------------------------------- review


def _ids(ids: int | Iterable[int]) -> list[int]:
    return [ids] if isinstance(ids, int) else list(dict.fromkeys(ids))


def _set_status(ctx: AppContext, ids: int | Iterable[int], status: str,
                expected_version: int | None = None) -> int:
    wanted = _ids(ids)
    if expected_version is not None and len(wanted) != 1:
        raise ValueError("expected_version is the version of one question")
    changed = 0
    # (reads, then writes on what it read: the writer lock first, so another PC's change is
    # either seen here or waits for this one; never a stale row overwritten in between)
    with ctx.begin(write=True) as session:
        rows = {r.id: r for r in session.scalars(select(Question).where(Question.id.in_(wanted)))}
        missing = [i for i in wanted if i not in rows]
        if missing:
            raise NotFoundError.of("试题", missing[0])
        if expected_version is not None:
            _check_version(rows[wanted[0]], expected_version, f"您的“{_STATUS_ACTIONS[status]}”")
        if status == "approved":
            for r in rows.values():
                errors = check_shape(r.type, r.stem, r.options or [], r.answer)
                if errors:
                    raise UserError(f"试题（编号 {r.id}）格式有误，不能通过审核：{errors[0]}请先修改。")
        stamp = now()
        for r in rows.values():
            if status == "draft" and r.status != "retired":
                continue  # restore only brings back retired questions
            if r.status == status:
                continue
            _put_status(session, ctx, r, status, stamp)
            changed += 1
    log.info("%d question(s) set to %s", changed, status)
    return changed


def _put_status(session: Session, ctx: AppContext, r: Question, status: str, stamp: datetime) -> None:
    """One question's decision, with its line in the 操作记录."""
    audit.record(session, ctx.actor, "题库", _STATUS_ACTIONS[status], f"试题 {r.id}：{r.stem[:40]}",
                 _STATUS_NAMES.get(r.status, r.status), _STATUS_NAMES.get(status, status), question_id=r.id)
    r.status = status
    r.updated_at = stamp
    if status in ("approved", "retired"):
        r.reviewed_at = stamp


_STATUS_NAMES = {"draft": "待审核", "approved": "已通过", "retired": "已停用"}
_FIELD_NAMES = {"type": "题型", "stem": "题干", "options": "选项", "answer": "答案", "explanation": "解析",
                "quote": "出处原文", "tags": "标签", "difficulty": "难度"}
_STATUS_ACTIONS = {"draft": "恢复", "approved": "审核通过", "retired": "停用"}


def set_status_as_seen(ctx: AppContext, versions: dict[int, int], action: str) -> StatusOutcome:
    """审核通过 / 停用 / 恢复 (`action`: approve, retire, restore) of the questions a list showed,
    at the versions it showed them (`versions`: id → version). A question another PC (or the
    command line) changed since is left as it is and named in `stale` — its reviewer has not
    read what it says now — and the rest go ahead; a malformed question is not approved and its
    message is in `refused`. One transaction under the writer lock."""
    status = {"approve": "approved", "retire": "retired", "restore": "draft"}[action]
    wanted = list(dict.fromkeys(versions))
    changed, stale, refused = 0, [], []
    with ctx.begin(write=True) as session:
        rows = {r.id: r for r in session.scalars(select(Question).where(Question.id.in_(wanted)))}
        stamp = now()
        for qid in wanted:
            r = rows.get(qid)
            if r is not None and (status == "draft" and r.status != "retired" or r.status == status):
                continue  # already as asked (another PC decided the same): nothing to do, no conflict
            if r is None or r.version != versions[qid]:
                stale.append(qid)  # (a question deleted meanwhile is stale too: nothing to decide)
                continue
            if status == "approved":
                errors = check_shape(r.type, r.stem, r.options or [], r.answer)
                if errors:
                    refused.append(f"试题（编号 {r.id}）格式有误，不能通过审核：{errors[0]}请先修改。")
                    continue
            _put_status(session, ctx, r, status, stamp)
            changed += 1
    log.info("%d question(s) set to %s, %d stale, %d refused", changed, status, len(stale), len(refused))
    return StatusOutcome(changed, tuple(stale), tuple(refused))


def stale_message(stale: Sequence[int], action: str) -> str:
    """The reviewer's word for questions left alone because someone else changed them."""
    what = {"approve": "审核通过", "retire": "停用", "restore": "恢复"}[action]
    ids = "、".join(str(i) for i in stale[:8]) + ("等" if len(stale) > 8 else "")
    return (f"{len(stale)} 道试题（编号 {ids}）在列表打开之后已被别人（另一台电脑或命令行）修改过，"
            f"没有{what}：列表已刷新，请看过它们现在的内容后再决定。")


def approve(ctx: AppContext, ids: int | Iterable[int], *, expected_version: int | None = None) -> int:
    """Approve (审核通过) one or many questions; returns how many changed.

    A malformed question is refused (UserError) and then nothing changes. `expected_version`
    (one question only): the version the reviewer saw; a question changed since (another PC,
    the command line) is an EditConflict and nothing changes. None decides whatever is there.
    """
    return _set_status(ctx, ids, "approved", expected_version)


def retire(ctx: AppContext, ids: int | Iterable[int], *, expected_version: int | None = None) -> int:
    """Retire (停用) questions: kept in the bank, never drawn into a quiz, never regenerated.
    `expected_version` as for approve."""
    return _set_status(ctx, ids, "retired", expected_version)


def restore(ctx: AppContext, ids: int | Iterable[int]) -> int:
    """Bring retired questions back as drafts (to be reviewed again)."""
    return _set_status(ctx, ids, "draft")


# ---------------------------------------------------------------------------------- editing


def _draft_fields(draft: QuestionDraft) -> dict[str, Any]:
    from studyapp.core.names import refuse_control

    refuse_control("题干", draft.stem)
    for o in draft.options:
        refuse_control("选项", str(o))
    refuse_control("答案", str(draft.answer))
    refuse_control("解析", draft.explanation)
    stem = normalize_blanks((draft.stem or "").strip())
    answer = draft.answer
    if isinstance(answer, tuple):
        answer = list(answer)
    if draft.type in ("fill", "short") and isinstance(answer, list):
        answer = [str(a).strip() for a in answer]
    options = [str(o).strip() for o in draft.options]
    errors = check_shape(draft.type, stem, options, answer)
    if errors:
        raise UserError("试题格式有误，未保存：" + "".join(errors))
    difficulty = int(draft.difficulty) if draft.difficulty in (1, 2, 3) else 2
    tags = [t.strip() for t in draft.tags if t and t.strip()]
    return {
        "type": draft.type, "stem": stem, "options": options, "answer": answer,
        "explanation": (draft.explanation or "").strip(), "quote": (draft.quote or "").strip(),
        "tags": list(dict.fromkeys(tags)), "difficulty": difficulty,
    }


def update_question(ctx: AppContext, question_id: int, draft: QuestionDraft, *,
                    expected_version: int | None = None) -> QuestionSaved:
    """Save an editor's changes; a generated/imported question becomes origin "edited".

    The uid is kept, so a regeneration recognises the question and leaves the edit alone.
    The verifier's doubts come back as warnings (the editor decides); a malformed key
    (wrong answer shape) is refused with a Chinese UserError and nothing changes.
    `expected_version` is the version the editor read: a question changed since (another PC on
    the shared database, the command line, a review decision) is an EditConflict and nothing is
    written; None overwrites whatever is there (the user chose to, having been asked).
    """
    fields = _draft_fields(draft)
    with ctx.begin(write=True) as session:
        row = _question(session, question_id)
        _check_version(row, expected_version, "您的修改")
        tree = _load_tree(session, row.document_id)
        section_id = draft.section_id if draft.section_id is not None else row.section_id
        if section_id is not None and section_id not in tree.id_to_path:
            raise NotFoundError.of("章节", section_id)
        changed = any(getattr(row, k) != v for k, v in fields.items()) or section_id != row.section_id
        if changed:
            edited = [_FIELD_NAMES.get(k, k) for k, v in fields.items() if getattr(row, k) != v]
            audit.record(session, ctx.actor, "题库", "修改", f"试题 {row.id}：{row.stem[:40]}",
                         "", "改了" + "、".join(edited or ["所在章节"]), question_id=row.id)
            for k, v in fields.items():
                setattr(row, k, v)
            row.section_id = section_id
            if section_id is not None:
                row.section_path = list(tree.id_to_path[section_id])
            if row.origin in ("generated", "imported"):
                row.origin = "edited"
            row.updated_at = now()
        session.flush()
        view = _view(row, tree)
        parsed = tree.parsed
    log.info("question %d updated", question_id)
    return QuestionSaved(view, tuple(_warnings(to_core(view), parsed)))


def draft_of(view: QuestionView) -> QuestionDraft:
    """The draft that reproduces a stored question (for changing one field with
    dataclasses.replace, as sessions.draft_of does for a session)."""
    answer = list(view.answer) if isinstance(view.answer, (list, tuple)) else view.answer
    return QuestionDraft(
        type=view.type, stem=view.stem, options=tuple(view.options), answer=answer,
        explanation=view.explanation, quote=view.quote, tags=tuple(view.tags),
        difficulty=view.difficulty, section_id=view.section_id,
    )


def add_manual_question(
    ctx: AppContext, document_id: int, draft: QuestionDraft, *, status: str = "draft"
) -> QuestionSaved:
    """Add a question written by hand (origin "manual"); warnings as for update_question."""
    if status not in QUESTION_STATUSES:
        raise ValueError(status)
    fields = _draft_fields(draft)
    with ctx.begin() as session:
        tree = _load_tree(session, document_id)
        path: tuple[str, ...] = ()
        if draft.section_id is not None:
            if draft.section_id not in tree.id_to_path:
                raise NotFoundError.of("章节", draft.section_id)
            path = tree.id_to_path[draft.section_id]
        uid = make_id(fields["type"], fields["stem"], list(path), fields["quote"])
        taken = session.scalar(
            select(Question.id).where(Question.document_id == document_id, Question.uid == uid)
        )
        if taken is not None:
            raise UserError(f"题库中已有相同的试题（编号 {taken}），未重复添加。")
        stamp = now()
        row = Question(
            document_id=document_id, section_id=draft.section_id, uid=uid,
            section_path=list(path), origin="manual", status=status, created_at=stamp,
            updated_at=stamp, reviewed_at=stamp if status != "draft" else None, **fields,
        )
        session.add(row)
        session.flush()
        view = _view(row, tree)
        parsed = tree.parsed
    log.info("manual question %d added to document %d", view.id, document_id)
    return QuestionSaved(view, tuple(_warnings(to_core(view), parsed)))


def verify_question(ctx: AppContext, question_id: int) -> tuple[str, ...]:
    """The verifier's Chinese warnings for a stored question (empty: it checks out)."""
    with ctx.begin() as session:
        row = _question(session, question_id)
        tree = _load_tree(session, row.document_id)
        view = _view(row, tree)
    return tuple(_warnings(to_core(view), tree.parsed))


# ---------------------------------------------------------------------------------- 查看原文


def _folded(text: str) -> tuple[str, list[int]]:
    """NFKC-folded text without whitespace, and for each folded char its offset in `text`.

    The verifier compares quotes in this form, so the reader must search in it too.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                chars.append(c)
                origin.append(i)
    return "".join(chars), origin


def locate_in(text: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of `quote` in `text`, ignoring width and whitespace differences."""
    needle, _ = _folded(quote)
    if not needle:
        return None
    hay, origin = _folded(text)
    pos = hay.find(needle)
    if pos < 0:
        return None
    return origin[pos], origin[pos + len(needle) - 1] + 1


def locate_quote(document: DocumentView, question: QuestionView) -> QuoteLocation | None:
    """quote_location on a document already read (the 题库 window holds it): no database."""
    quote = question.quote
    if not quote.strip():
        return None
    by_id = {s.id: s for s in document.sections}
    candidates: list[int] = []
    start = question.section_id if question.section_id in by_id else next(
        (s.id for s in document.sections if s.path == tuple(question.section_path)), None) \
        if question.section_path else None
    if start is not None:
        inside = {start}
        for s in document.sections:  # (reading order: a child comes after its parent)
            if s.parent_id in inside:
                inside.add(s.id)
        candidates = [s.id for s in document.sections if s.id in inside]
    fields = {s.id: (s.title, s.text) for s in document.sections}
    return search_quote(quote, (candidates, [s.id for s in document.sections]), fields)


def search_quote(quote: str, groups: Sequence[Sequence[int]],
                 fields: dict[int, tuple[str, str]]) -> QuoteLocation | None:
    """The first section (group by group, in order) whose text or title holds the quote; for a
    quote that runs over several paragraphs or articles (a choice among statements of
    neighbouring articles quotes them all) and is found nowhere whole, where its first paragraph
    stands — where the reader is taken. `fields` maps a section id to (title, text)."""
    first = quote.strip().split("\n", 1)[0]
    needles = [quote] + ([first] if first and first != quote.strip() else [])
    for needle in needles:
        for group in groups:
            for cid in group:
                title, text = fields[cid]
                for name, value in (("text", text), ("title", title)):
                    hit = locate_in(value, needle)
                    if hit is not None:
                        return QuoteLocation(section_id=cid, field=name, start=hit[0], end=hit[1])
    return None


def quote_location(ctx: AppContext, question_id: int) -> QuoteLocation | None:
    """Where 「查看原文」 jumps: the quote in its section's text (or title, or a subsection).

    Falls back to the whole document when the question lost its section; None when the
    sentence is nowhere (e.g. a manual question without a source).
    """
    with ctx.begin() as session:
        row = _question(session, question_id)
        tree = _load_tree(session, row.document_id)
        quote, sid = row.quote, row.section_id
    if not quote.strip():
        return None
    candidates: list[int] = []
    if sid is not None and sid in tree.fields:
        candidates = tree.subtree(sid)
    elif row.section_path and tuple(row.section_path) in tree.path_to_id:
        candidates = tree.subtree(tree.path_to_id[tuple(row.section_path)])
    return search_quote(quote, (candidates, sorted(tree.fields, key=lambda i: tree.ordinal[i])), tree.fields)


# ---------------------------------------------------------------------------------- imports


@dataclass
class Incoming:
    """A question read from a bank file or a sheet, before it is stored.

    `origin`/`status` None keep a matched row's review state (Excel has no such columns);
    for a new row they default to imported/draft. `where` names it in messages (第 5 行).
    """

    question: CoreQuestion
    where: str
    origin: str | None = None
    status: str | None = None
    section_id: int | None = None
    resolved: bool = False  # section_id already decided by the reader of the file


def store_incoming(
    session: Session, document_id: int, tree: _DocTree, items: Sequence[Incoming]
) -> tuple[int, int, int]:
    """Insert or update (matched by uid) inside the caller's transaction.

    Returns (added, updated, unchanged). Questions of the bank not in `items` are left alone:
    importing adds and corrects, it never deletes a reviewer's work.
    """
    rows: dict[str, Question] = {}
    # an edited question keeps its first uid; a file without ids (Excel) names it by what it
    # says now, so match that too, or re-importing one's own export would duplicate edits
    by_content: dict[str, Question] = {}
    for known in session.scalars(
        select(Question).where(Question.document_id == document_id).order_by(Question.id)
    ):
        rows.setdefault(known.uid, known)
        by_content.setdefault(
            make_id(known.type, known.stem, list(known.section_path or []), known.quote or ""), known)
    added = updated = unchanged = 0
    stamp = now()
    for item in items:
        q = item.question
        section_id = item.section_id if item.resolved else tree.path_to_id.get(tuple(q.section))
        row = rows.get(q.id) or by_content.get(q.id)
        if row is None:
            status = item.status or "draft"
            row = Question(
                document_id=document_id, section_id=section_id, uid=q.id,
                origin=item.origin or "imported", status=status, created_at=stamp,
                updated_at=stamp, reviewed_at=stamp if status != "draft" else None,
            )
            _apply_core(row, q)
            session.add(row)
            rows[q.id] = row
            added += 1
            continue
        same = _same_content(row, q) and row.section_id == section_id
        origin = item.origin or row.origin
        if item.origin is None and not same and row.origin == "generated":
            origin = "edited"
        status = item.status or row.status
        if same and origin == row.origin and status == row.status:
            unchanged += 1
            continue
        _apply_core(row, q)
        row.section_id = section_id
        if status != row.status and status != "draft":
            row.reviewed_at = stamp
        row.origin, row.status = origin, status
        row.updated_at = stamp
        updated += 1
    session.flush()
    return added, updated, unchanged


def load_tree(session: Session, document_id: int) -> _DocTree:
    """The stored document rebuilt for core, with its section-id maps (for bankfile/exchange)."""
    return _load_tree(session, document_id)


def section_of_quote(tree: _DocTree, quote: str) -> int | None:
    """The deepest section whose own text (or title) holds the quote, or None."""
    best: int | None = None
    for sid in sorted(tree.fields, key=lambda i: tree.ordinal[i]):
        title, text = tree.fields[sid]
        if locate_in(text, quote) is not None or locate_in(title, quote) is not None:
            return sid
        if best is None and locate_in(f"{title}\n{text}", quote) is not None:
            best = sid
    return best


def document_views(ctx: AppContext, document_id: int, *, statuses: Iterable[str] | None = None
                   ) -> tuple[str, list[QuestionView]]:
    """(document title, questions in reading order) for the exporters."""
    with ctx.begin() as session:
        tree = _load_tree(session, document_id)
        stmt = select(Question).where(Question.document_id == document_id)
        if statuses is not None:
            stmt = stmt.where(Question.status.in_(list(statuses)))
        views = [_view(r, tree) for r in session.scalars(stmt)]
    views.sort(key=_sort_key)
    return tree.parsed.title, views
