"""The engine under 练习 and 模拟考试: attempts, answers, the clock, grading, 错题本 and cards.

practice.py and quiz.py are the doors the UI uses; this module holds what they share so the
two kinds of attempt follow one set of rules:

- every answer is stored in its own short transaction the moment it is given (upsert on
  (attempt, position)); the review card and the 错题本 are updated in the same transaction, which
  stays cheap (a few indexed rows, one FSRS step) — the UI runs it on its DB worker anyway;
- the countdown is `remaining_s`, charged with the time since `ticked_at` on each answer, flag and
  heartbeat. Resuming after a crash restarts the clock from what was left: the time the app was
  closed is not charged (at most one heartbeat interval is given back to the learner);
- a finished attempt (submitted or expired) cannot be changed: AttemptClosedError (Chinese);
- the key of a quiz question never leaves the service before the quiz is over.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import InstanceState, Mapper, Session
from sqlalchemy.orm.attributes import instance_dict

from studyapp.config import option
from studyapp.core import scheduling
from studyapp.core.blueprint import PaperItem
from studyapp.core.grading import Grade, GradingRule, answer_text, grade, is_blank
from studyapp.core.model import UserError, section_heading
from studyapp.core.paper import SourceQuestion
from studyapp.core.questions.model import BLANK
from studyapp.core.stats import fmt_score
from studyapp.db.models import Question, Section, Setting, StudySession, now
from studyapp.db.models_records import Person, Score
from studyapp.db.models_study import Attempt, AttemptAnswer, ReviewCard, WrongBookEntry
from studyapp.services import bank
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto import QuoteLocation
from studyapp.services.dto_study import (
    AnswerResult,
    AttemptQuestion,
    AttemptView,
    ExamResult,
    QuestionReview,
    SavedAnswer,
    Scope,
    UnfinishedAttempt,
)
from studyapp.services.settings import coerce

log = logging.getLogger("studyapp.study")

# An answer arriving this many seconds after the clock ran out is still taken (it was in flight
# while the countdown hit zero); later ones are refused and the quiz is handed in.
GRACE_S = 3.0


class AttemptClosedError(UserError):
    """The attempt is finished (交卷 or time up): its answers can no longer change."""


class TimeUpError(AttemptClosedError):
    """The quiz's time ran out before this answer arrived; the quiz has been handed in."""


class KeyHiddenError(UserError):
    """Asked for the key of a quiz question before the quiz is over."""


CLOSED_MESSAGE = "这次答题已经交卷，答案不能再修改。可以在成绩页查看每道题的对错。"
TIME_UP_MESSAGE = "考试时间已到，试卷已自动交卷，这道题的答案未能保存。"


# ------------------------------------------------------------------------------- lookups


def setting(session: Session, name: str) -> Any:
    """A declared setting read inside the caller's transaction (no second transaction)."""
    opt = option(name)
    row = session.get(Setting, name)
    if row is None or row.value is None:
        return opt.default
    try:
        return coerce(opt, row.value)
    except ValueError:
        return opt.default


def grading_rule(session: Session) -> GradingRule:
    """The configured multiple-choice rule (frozen into each attempt when it starts)."""
    try:
        return GradingRule(str(setting(session, "quiz.multiple_rule")),
                           str(setting(session, "quiz.partial_mode")))
    except ValueError:
        log.warning("invalid quiz.multiple_rule/partial_mode setting; using the default rule")
        return GradingRule()


def person(session: Session, person_id: int) -> Person:
    row = session.get(Person, person_id)
    if row is None:
        raise NotFoundError.of("人员", person_id, "请重新选择“谁在学习”。")
    return row


def attempt(session: Session, attempt_id: int) -> Attempt:
    row = session.get(Attempt, attempt_id)
    if row is None:
        raise NotFoundError.of("答题记录", attempt_id)
    return row


def _check_open(att: Attempt) -> None:
    if att.status != "in_progress":
        raise AttemptClosedError(CLOSED_MESSAGE)


def paper_item(att: Attempt, position: int) -> PaperItem:
    if not 0 <= position < len(att.paper):
        raise UserError(f"第 {position + 1} 题不存在（本次共 {len(att.paper)} 题）。")
    return PaperItem.from_json(att.paper[position])


def _answer_row(session: Session, attempt_id: int, position: int) -> AttemptAnswer | None:
    return session.scalar(
        select(AttemptAnswer).where(
            AttemptAnswer.attempt_id == attempt_id, AttemptAnswer.position == position
        )
    )


def _answered(row: AttemptAnswer | None) -> AttemptAnswer | None:
    """The row when the question was answered (a row may only hold a flag)."""
    return row if row is not None and row.answered_at is not None else None


def _jsonable(response: Any) -> Any:
    if isinstance(response, tuple | list):
        return [_jsonable(r) for r in response]
    return response


def source_questions(views: Iterable[Any]) -> list[SourceQuestion]:
    """Bank QuestionViews (or ORM rows) as the drawing code's SourceQuestion."""
    return [
        SourceQuestion(type=v.type, stem=v.stem, options=tuple(v.options or ()),
                       answer=list(v.answer) if isinstance(v.answer, list | tuple) else v.answer,
                       quote=v.quote, explanation=v.explanation, question_id=v.id, uid=v.uid)
        for v in views
    ]


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


# ------------------------------------------------------------------------------- the clock


def _stamp_deadline(att: Attempt, now_ts: float) -> None:
    if att.remaining_s is not None:
        att.deadline = dt.datetime.fromtimestamp(now_ts + max(0.0, att.remaining_s)).replace(
            microsecond=0
        )


def tick(att: Attempt, now_ts: float | None = None) -> float | None:
    """Charge the time since the last tick; return the remaining seconds (may be negative)."""
    if att.remaining_s is None:
        return None
    now_ts = time.time() if now_ts is None else now_ts
    elapsed = max(0.0, now_ts - (att.ticked_at or now_ts))
    remaining = att.remaining_s - elapsed
    att.remaining_s = max(0.0, remaining)
    att.ticked_at = now_ts
    _stamp_deadline(att, now_ts)
    return remaining


def restart_clock(att: Attempt, now_ts: float | None = None) -> None:
    """Resume: the clock goes on from what was left; the time the app was closed is free."""
    now_ts = time.time() if now_ts is None else now_ts
    if att.remaining_s is not None:
        att.ticked_at = now_ts
        _stamp_deadline(att, now_ts)


# ------------------------------------------------------------------------------- views


def _blanks(item: PaperItem) -> int:
    if item.type != "fill":
        return 0
    if isinstance(item.answer, list | tuple) and item.answer:
        return len(item.answer)
    return max(1, item.stem.count(BLANK))


def attempt_view(session: Session, att: Attempt) -> AttemptView:
    """The attempt as the UI shows (or resumes) it: saved responses and flags, no keys."""
    rows = {
        a.position: a
        for a in session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == att.id))
    }
    questions = []
    for data in att.paper:
        item = PaperItem.from_json(data)
        a = rows.get(item.position)
        done = _answered(a)
        questions.append(AttemptQuestion(
            position=item.position, question_id=item.question_id, type=item.type,
            stem=item.stem, options=item.options, points=item.points, blanks=_blanks(item),
            response=done.response if done else None, answered=done is not None,
            flagged=bool(a.flagged) if a is not None else False,
            correct=done.correct if (done and (att.kind == "practice" or
                                               att.status != "in_progress")) else None,
        ))
    rule = GradingRule.from_json((att.blueprint or {}).get("rule"))
    return AttemptView(
        id=att.id, person_id=att.person_id, kind=att.kind, status=att.status, title=att.title,
        document_id=att.document_id, scope=Scope.from_json(att.scope),
        questions=tuple(questions), started_at=att.started_at.isoformat(),
        time_limit_s=att.time_limit_s, remaining_s=att.remaining_s, full_marks=att.full_marks,
        session_id=att.session_id, rule_text=rule.description,
    )


def get_attempt(ctx: AppContext, attempt_id: int) -> AttemptView:
    """An attempt as it stands (does not touch its clock)."""
    with ctx.begin() as session:
        return attempt_view(session, attempt(session, attempt_id))


def resume_attempt(ctx: AppContext, attempt_id: int) -> AttemptView:
    """Open an unfinished attempt again (「继续上次的答题」): same questions, same option order,
    saved answers and flags, and the countdown going on from the time that was left."""
    with ctx.begin() as session:
        att = attempt(session, attempt_id)
        _check_open(att)
        restart_clock(att)
        log.info("attempt %d resumed with %s s left", att.id, att.remaining_s)
        return attempt_view(session, att)


def unfinished_attempts(ctx: AppContext, person_id: int) -> list[UnfinishedAttempt]:
    """A person's attempts still in progress, newest first (for 「继续上次的答题」).

    Quizzes whose time had already run out when the app stopped are handed in first
    (expire_overdue), so they are not offered.
    """
    expire_overdue(ctx, person_id)
    with ctx.begin() as session:
        atts = list(session.scalars(
            select(Attempt)
            .where(Attempt.person_id == person_id, Attempt.status == "in_progress")
            .order_by(Attempt.started_at.desc(), Attempt.id.desc())
        ))
        counts = dict(session.execute(
            select(AttemptAnswer.attempt_id, func.count())
            .where(AttemptAnswer.attempt_id.in_([a.id for a in atts]),
                   AttemptAnswer.answered_at.is_not(None))
            .group_by(AttemptAnswer.attempt_id)
        ).all()) if atts else {}
        return [
            UnfinishedAttempt(a.id, a.kind, a.title, a.started_at.isoformat(),
                              int(counts.get(a.id, 0)), len(a.paper), a.remaining_s)
            for a in atts
        ]


# ------------------------------------------------------------------------------- sources


def _heading(sec: Section | None) -> str:
    if sec is None:
        return ""
    return section_heading(sec.label, sec.title, sec.text)  # the tree's and the bank's rule


def _locate(session: Session, q: Question, sec: Section | None,
            trees: dict[int, Any] | None = None) -> QuoteLocation | None:
    """Where 「在原文中查看」 jumps: first the question's own section (cheap, the usual case), then
    the full search of bank.quote_location (subsections, then the whole document). `trees`
    keeps each document's tree for the next question of the same paper (read once, not per
    question: every read is a round trip to a shared server)."""
    quote = q.quote or ""
    if not quote.strip():
        return None
    if sec is not None:
        for name, value in (("text", sec.text), ("title", sec.title)):
            hit = bank.locate_in(value, quote)
            if hit is not None:
                return QuoteLocation(section_id=sec.id, field=name, start=hit[0], end=hit[1])
    trees = {} if trees is None else trees
    tree = trees.get(q.document_id)
    if tree is None:
        tree = trees[q.document_id] = bank.load_tree(session, q.document_id)
    candidates: list[int] = []
    if q.section_id is not None and q.section_id in tree.fields:
        candidates = tree.subtree(q.section_id)
    return bank.search_quote(quote, (candidates, sorted(tree.fields, key=lambda i: tree.ordinal[i])), tree.fields)


class _Source:
    __slots__ = ("explanation", "heading", "location", "quote", "section_id")

    def __init__(self, explanation: str = "", quote: str = "", section_id: int | None = None,
                 heading: str = "", location: QuoteLocation | None = None) -> None:
        self.explanation, self.quote, self.section_id = explanation, quote, section_id
        self.heading, self.location = heading, location


def _sources(session: Session, question_ids: Iterable[int | None]) -> dict[int, _Source]:
    """Explanation, quote and its location for questions, with two queries for the lot."""
    ids = sorted({q for q in question_ids if q is not None})
    if not ids:
        return {}
    rows = list(session.scalars(select(Question).where(Question.id.in_(ids))))
    sec_ids = {r.section_id for r in rows if r.section_id is not None}
    sections = {
        s.id: s for s in session.scalars(select(Section).where(Section.id.in_(sec_ids)))
    } if sec_ids else {}
    out = {}
    trees: dict[int, Any] = {}
    for q in rows:
        sec = sections.get(q.section_id) if q.section_id is not None else None
        out[q.id] = _Source(q.explanation, q.quote, q.section_id, _heading(sec),
                            _locate(session, q, sec, trees))
    return out


def _result(
    att: Attempt, item: PaperItem, response: Any, g: Grade, src: _Source | None, *,
    counted: bool = True, in_wrongbook: bool = False, next_review: dt.datetime | None = None,
) -> AnswerResult:
    src = src or _Source()
    return AnswerResult(
        attempt_id=att.id, position=item.position, question_id=item.question_id, type=item.type,
        correct=g.correct, points=g.points, max_points=g.max_points, partial=g.partial,
        response=response,
        response_text=answer_text(item.type, response) if not is_blank(response) else "（未作答）",
        right_answer=item.answer, right_answer_text=answer_text(item.type, item.answer),
        explanation=src.explanation, quote=src.quote, section_id=src.section_id,
        section_heading=src.heading, quote_location=src.location, counted=counted,
        in_wrongbook=in_wrongbook,
        next_review=next_review.date().isoformat() if next_review is not None else None,
    )


# ------------------------------------------------------------------------------- 错题本 and cards


class _Known:
    """What grading writes on, read for a whole paper in three statements: which questions are
    still in the bank, and the learner's 错题本 entries and review cards of them. 交卷 grades
    every question of a quiz; read one by one that was three round trips per question to a
    shared server. With `batch`, the new entries and cards are written together at the end
    (write()): one statement a table, where the ORM would insert them one by one to learn ids
    nobody needs here."""

    __slots__ = ("batch", "cards", "entries", "new", "questions", "session")

    def __init__(self, session: Session, person_id: int, question_ids: Iterable[int | None], *,
                 batch: bool = False) -> None:
        ids = sorted({q for q in question_ids if q is not None})
        self.session, self.batch = session, batch
        self.new: list[WrongBookEntry | ReviewCard] = []
        self.questions: set[int] = set()
        self.entries: dict[int, WrongBookEntry] = {}
        self.cards: dict[int, ReviewCard] = {}
        if not ids:
            return
        self.questions = set(session.scalars(select(Question.id).where(Question.id.in_(ids))))
        self.entries = {e.question_id: e for e in session.scalars(
            select(WrongBookEntry).where(WrongBookEntry.person_id == person_id,
                                         WrongBookEntry.question_id.in_(ids)))}
        self.cards = {c.question_id: c for c in session.scalars(
            select(ReviewCard).where(ReviewCard.person_id == person_id, ReviewCard.question_id.in_(ids)))}

    def add(self, row: WrongBookEntry | ReviewCard) -> None:
        if self.batch:
            self.new.append(row)
        else:
            self.session.add(row)

    def write(self) -> None:
        """Write what grading changed (batch): the new rows kept by add(), the values set on each,
        one executemany a table; the changed rows already stored, all their columns, one
        executemany a table too (the ORM would send one UPDATE per row whenever two rows in a
        row change different columns — a right answer, then a wrong one). Those rows then
        leave the session, so it does not write them again."""
        writes: list[tuple[type[WrongBookEntry] | type[ReviewCard], list[dict[str, Any]], list[dict[str, Any]]]] = []
        for table, stored in ((WrongBookEntry, self.entries), (ReviewCard, self.cards)):
            mapper: Mapper[Any] = sa_inspect(table)
            columns = {a.key: a.columns[0].key for a in mapper.column_attrs}
            rows = [{columns[k]: v for k, v in instance_dict(r).items() if k in columns}
                    for r in self.new if isinstance(r, table)]
            changed = [r for r in stored.values() if _state(r).persistent and _state(r).modified]
            writes.append((table, [{a: getattr(r, a) for a in columns} for r in changed], rows))
            for r in changed:
                self.session.expunge(r)
        # (all of them gathered and let go of first: a statement sent flushes what the session holds)
        for table, updates, rows in writes:
            if updates:
                self.session.execute(update(table), updates)  # (by primary key: one executemany)
            for keys in dict.fromkeys(tuple(sorted(v)) for v in rows):  # (one statement per shape of row)
                self.session.execute(insert(table), [v for v in rows if tuple(sorted(v)) == keys])
        self.new.clear()


def _state(row: object) -> InstanceState[Any]:
    return sa_inspect(row)


def _after_grading(
    session: Session, att: Attempt, item: PaperItem, g: Grade, response: Any, *,
    seconds: float | None = None, hinted: bool = False, when: dt.datetime | None = None,
    known: _Known | None = None,
) -> tuple[bool, dt.datetime | None]:
    """Update the 错题本 and the review card after a counted, auto-graded answer.

    Returns (question now in the 错题本, next review time). The 错题本 rule (WRONGBOOK_RULE): a
    mistake puts the question in (again); a right answer takes it out only when it comes in a
    later attempt than the last mistake — getting it right straight after seeing the key proves
    little. Unanswered questions (time ran out) touch neither: nothing was tried.
    """
    qid = item.question_id
    if qid is None or g.correct is None or not g.answered:
        return False, None
    if known is None:
        known = _Known(session, att.person_id, [qid])
    if qid not in known.questions:  # deleted from the bank meanwhile
        return False, None
    stamp = when or now()
    entry = known.entries.get(qid)
    if not g.correct:
        original = item.original_indexes(_jsonable(response))
        if entry is None:
            entry = WrongBookEntry(person_id=att.person_id, question_id=qid, wrong_count=0,
                                   first_wrong_at=stamp)
            known.add(entry)
            known.entries[qid] = entry
        entry.wrong_count = (entry.wrong_count or 0) + 1
        entry.last_wrong_at = stamp
        entry.last_wrong_attempt_id = att.id
        entry.last_response = original
        entry.cleared_at = None
        in_book = True
    elif entry is not None and entry.cleared_at is None:
        if entry.last_wrong_attempt_id != att.id:
            entry.cleared_at = stamp
            in_book = False
        else:
            in_book = True
    else:
        in_book = False

    rating = scheduling.rating_for(g.correct, qtype=item.type, seconds=seconds, hinted=hinted,
                                   partial=g.partial)
    if rating is None:
        return in_book, None
    card = known.cards.get(qid)
    retention = float((att.blueprint or {}).get("retention") or scheduling.DEFAULT_RETENTION)
    reviewed = scheduling.review(card.state if card is not None else None, rating, card_id=qid,
                                 when=stamp, desired_retention=retention)
    if card is None:
        card = ReviewCard(person_id=att.person_id, question_id=qid, reps=0, lapses=0)
        known.add(card)
        known.cards[qid] = card
    card.state = reviewed.state
    card.due = reviewed.due
    card.last_review = reviewed.last_review
    card.reps = (card.reps or 0) + 1
    if rating == scheduling.Rating.Again:
        card.lapses = (card.lapses or 0) + 1
    return in_book, reviewed.due


def _in_book_ids(session: Session, person_id: int, question_ids: Iterable[int | None]) -> set[int]:
    """Which of these questions are in the learner's 错题本 now (one statement for a paper)."""
    ids = sorted({q for q in question_ids if q is not None})
    if not ids:
        return set()
    return set(session.scalars(select(WrongBookEntry.question_id).where(
        WrongBookEntry.person_id == person_id, WrongBookEntry.question_id.in_(ids),
        WrongBookEntry.cleared_at.is_(None))))


def _in_book(session: Session, person_id: int, qid: int | None) -> bool:
    if qid is None:
        return False
    return session.scalar(
        select(WrongBookEntry.id).where(
            WrongBookEntry.person_id == person_id, WrongBookEntry.question_id == qid,
            WrongBookEntry.cleared_at.is_(None),
        )
    ) is not None


# ------------------------------------------------------------------------------- answering


def _grade_practice(session: Session, attempt_id: int, position: int, response: Any):  # noqa: ANN202
    """An open practice's item at `position` and the grade of `response` (checking and storing
    grade alike)."""
    att = attempt(session, attempt_id)
    _check_open(att)
    if att.kind != "practice":
        raise ValueError("quiz answers go through quiz.save_answer (the key stays hidden)")
    item = paper_item(att, position)
    rule = GradingRule.from_json((att.blueprint or {}).get("rule"))
    return att, item, grade(item, response, rule, item.points)


def check_practice_answer(ctx: AppContext, attempt_id: int, position: int, response: Any) -> AnswerResult:
    """The verdict on a practice answer without storing it: a read, which never waits for a
    writer (the page shows it while the answer waits for a busy database; see practice.check)."""
    with ctx.begin() as session:
        att, item, g = _grade_practice(session, attempt_id, position, response)
        row = _answer_row(session, att.id, position)
        first = row is None or (row.tries or 0) == 0 or row.answered_at is None
        in_book = (g.correct is False) if first else _in_book(session, att.person_id, item.question_id)
        src = _sources(session, [item.question_id]).get(item.question_id or -1)
        return _result(att, item, _jsonable(response), g, src, counted=first, in_wrongbook=in_book)


def record_practice_answer(
    ctx: AppContext, attempt_id: int, position: int, response: Any, *,
    seconds: float | None = None, hinted: bool = False, wait_ms: int | None = None,
) -> AnswerResult:
    """Check and store a practice answer at once; see practice.answer."""
    with ctx.begin(write=True, wait_ms=wait_ms) as session:  # (reads the attempt, then writes: takes the writer lock first)
        att, item, g = _grade_practice(session, attempt_id, position, response)
        row = _answer_row(session, att.id, position)
        if row is None:
            row = AttemptAnswer(attempt_id=att.id, position=position,
                                question_id=item.question_id, flagged=False, tries=0)
            session.add(row)
        first = (row.tries or 0) == 0 or row.answered_at is None
        row.tries = (row.tries or 0) + 1
        next_review = None
        if first:
            stamp = now()
            row.response = _jsonable(response)
            row.correct, row.points = g.correct, g.points
            row.answered_at, row.seconds = stamp, seconds
            in_book, next_review = _after_grading(session, att, item, g, response,
                                                  seconds=seconds, hinted=hinted, when=stamp)
        else:
            in_book = _in_book(session, att.person_id, item.question_id)
        src = _sources(session, [item.question_id]).get(item.question_id or -1)
        result = _result(att, item, _jsonable(response), g, src, counted=first,
                         in_wrongbook=in_book, next_review=next_review)
    log.debug("practice %d #%d: %s", attempt_id, position, g.correct)
    return result


def save_exam_answer(
    ctx: AppContext, attempt_id: int, position: int, response: Any, *,
    seconds: float | None = None, wait_ms: int | None = None, delayed_s: float = 0.0,
) -> SavedAnswer:
    """Store a quiz answer without judging it; see quiz.save_answer. `delayed_s`: how long ago
    the learner gave it (a save retried after a busy database) — time it was on the clock."""
    time_up = False
    with ctx.begin(write=True, wait_ms=wait_ms) as session:  # (reads the attempt, then writes: takes the writer lock first)
        att = attempt(session, attempt_id)
        _check_open(att)
        if att.kind != "exam":
            raise ValueError("practice answers go through practice.answer")
        item = paper_item(att, position)
        remaining = tick(att)
        if remaining is not None and remaining + max(0.0, delayed_s) < -GRACE_S:
            time_up = True
        else:
            row = _answer_row(session, att.id, position)
            if row is None:
                row = AttemptAnswer(attempt_id=att.id, position=position,
                                    question_id=item.question_id, flagged=False, tries=0)
                session.add(row)
            row.tries = (row.tries or 0) + 1
            blank = is_blank(response)
            row.response = None if blank else _jsonable(response)
            row.answered_at = None if blank else now()
            if seconds is not None:
                row.seconds = (row.seconds or 0.0) + seconds
            session.flush()
            answered = session.scalar(
                select(func.count()).where(AttemptAnswer.attempt_id == att.id,
                                           AttemptAnswer.answered_at.is_not(None))
            ) or 0
            saved = SavedAnswer(att.id, position, att.remaining_s, int(answered))
    if time_up:
        finish(ctx, attempt_id, status="expired")
        raise TimeUpError(TIME_UP_MESSAGE)
    return saved


def set_flag(ctx: AppContext, attempt_id: int, position: int, flagged: bool = True) -> None:
    """Mark a question to come back to (标记) — stored like an answer, survives a crash."""
    with ctx.begin() as session:
        att = attempt(session, attempt_id)
        _check_open(att)
        item = paper_item(att, position)
        tick(att)
        row = _answer_row(session, att.id, position)
        if row is None:
            row = AttemptAnswer(attempt_id=att.id, position=position,
                                question_id=item.question_id, tries=0)
            session.add(row)
        row.flagged = bool(flagged)


def heartbeat(ctx: AppContext, attempt_id: int) -> SavedAnswer:
    """Store the clock (the UI calls this every few seconds during a quiz).

    When the time is over (beyond the grace) the quiz is handed in and TimeUpError raised.
    """
    time_up = False
    with ctx.begin() as session:
        att = attempt(session, attempt_id)
        _check_open(att)
        remaining = tick(att)
        time_up = remaining is not None and remaining < -GRACE_S
        answered = session.scalar(
            select(func.count()).where(AttemptAnswer.attempt_id == att.id,
                                       AttemptAnswer.answered_at.is_not(None))
        ) or 0
        saved = SavedAnswer(att.id, -1, att.remaining_s, int(answered))
    if time_up:
        finish(ctx, attempt_id, status="expired")
        raise TimeUpError("考试时间已到，试卷已自动交卷。")
    return saved


# ------------------------------------------------------------------------------- finishing


def _write_session_score(session: Session, att: Attempt, grades: Sequence[tuple[int | None, Grade]]
                         ) -> None:
    """A quiz taken in a study session gives that session its 成绩 (scaled to its 满分) — only
    when the person has none there yet. A recorded score (entered from a paper test, or an
    earlier quiz) is never overwritten by taking the quiz again: the attempt keeps its result
    and the records keep theirs, until the administrator changes the score in 成绩登记."""
    st = session.get(StudySession, att.session_id) if att.session_id is not None else None
    if st is None or att.score is None:
        return
    row = session.scalar(
        select(Score).where(Score.session_id == st.id, Score.person_id == att.person_id)
    )
    if row is not None and row.score is not None and row.paper_id != att.id:
        log.info("attempt %d not counted: session %d already has %s for person %d",
                 att.id, st.id, row.score, att.person_id)
        return
    full = float(st.full_marks or 100)
    scaled = round(att.score * full / att.full_marks, 1) if att.full_marks else 0.0
    from studyapp.services import audit

    audit.record(session, "测验", "成绩", "测验计入", audit.target(st, session.get(Person, att.person_id)),
                 audit.score_text(row.score) if row is not None else "", audit.score_text(scaled),
                 session_id=st.id, person_id=att.person_id)
    if row is None:
        row = Score(session_id=st.id, person_id=att.person_id, note="")
        session.add(row)
    row.score = scaled
    row.answers = [{"q": qid if qid is not None else f"第{i + 1}题", "r": g.fraction}
                   for i, (qid, g) in enumerate(grades)]
    row.paper_id = att.id
    row.updated_at = now()
    log.info("attempt %d gives session %d a score of %s", att.id, st.id, scaled)


def finish(ctx: AppContext, attempt_id: int, *, status: str = "submitted") -> ExamResult:
    """Hand in (交卷) or expire an attempt and return its score page.

    Idempotent: finishing a finished attempt returns its result (the countdown may fire just
    after the learner pressed 交卷). A quiz is graded here; practice answers were graded as given.
    """
    with ctx.begin() as session:
        att = attempt(session, attempt_id)
        if att.status == "in_progress":
            _grade_and_close(session, att, status)
        return _exam_result(session, att)


def _grade_and_close(session: Session, att: Attempt, status: str) -> None:
    tick(att)
    rows = {
        a.position: a
        for a in session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == att.id))
    }
    rule = GradingRule.from_json((att.blueprint or {}).get("rule"))
    stamp = now()
    total = 0.0
    grades: list[tuple[int | None, Grade]] = []
    items = [PaperItem.from_json(data) for data in att.paper]
    known = _Known(session, att.person_id, [i.question_id for i in items], batch=True) if att.kind == "exam" else None
    for item in items:
        row = rows.get(item.position)
        done = _answered(row)
        if att.kind == "exam":
            g = grade(item, done.response if done else None, rule, item.points)
            if row is not None:
                row.correct, row.points = (g.correct if done else (
                    None if item.type == "short" else False)), g.points
            if done:
                _after_grading(session, att, item, g, done.response, seconds=done.seconds,
                               when=stamp, known=known)
        else:  # practice: the first tries already carry their verdicts
            g = Grade(done.correct if done else False,
                      float(done.points or 0) if done else 0.0, item.points, done is not None)
        total += g.points
        grades.append((item.question_id, g))
    if known is not None:
        known.write()
    att.status = status
    att.submitted_at = stamp
    att.score = round(total, 2)
    if att.kind == "exam" and att.session_id is not None:
        _write_session_score(session, att, grades)
    log.info("attempt %d %s: %s / %s", att.id, status, att.score, att.full_marks)


def _exam_result(session: Session, att: Attempt) -> ExamResult:
    rows = {
        a.position: a
        for a in session.scalars(select(AttemptAnswer).where(AttemptAnswer.attempt_id == att.id))
    }
    items = [PaperItem.from_json(d) for d in att.paper]
    sources = _sources(session, [i.question_id for i in items])
    rule = GradingRule.from_json((att.blueprint or {}).get("rule"))
    in_book = _in_book_ids(session, att.person_id, [i.question_id for i in items])
    reviews = []
    right = wrong = unanswered = pending = 0
    for item in items:
        row = rows.get(item.position)
        done = _answered(row)
        answered = done is not None
        response = done.response if done else None
        if att.kind == "exam":
            g = grade(item, response, rule, item.points)
        else:
            g = Grade(done.correct if done else False,
                      float(done.points or 0) if done else 0.0, item.points, answered,
                      partial=bool(done and not done.correct and (done.points or 0) > 0))
        if not answered:
            unanswered += 1
        elif g.correct is None:
            pending += 1
        elif g.correct:
            right += 1
        else:
            wrong += 1
        src = sources.get(item.question_id) if item.question_id is not None else None
        result = _result(att, item, response, g, src, in_wrongbook=item.question_id in in_book)
        reviews.append(QuestionReview(item.stem, item.options,
                                      bool(row.flagged) if row is not None else False,
                                      result, answered))
    duration = None
    if att.time_limit_s is not None and att.remaining_s is not None:
        duration = max(0.0, att.time_limit_s - att.remaining_s)
    return ExamResult(
        attempt_id=att.id, kind=att.kind, status=att.status, title=att.title,
        score=float(att.score or 0), full_marks=att.full_marks, correct_count=right,
        wrong_count=wrong, unanswered_count=unanswered, pending_manual=pending,
        started_at=att.started_at.isoformat(),
        submitted_at=att.submitted_at.isoformat() if att.submitted_at else "",
        duration_s=duration, items=tuple(reviews), session_id=att.session_id,
        session_note=_session_note(session, att),
        pass_line=(float(setting(session, "records.pass_ratio")) * att.full_marks
                   if att.kind == "exam" and att.full_marks else None),
    )


def _session_note(session: Session, att: Attempt) -> str:
    """What became of a quiz taken for a study session: counted, or kept out of the records
    because the person already had a score there (never overwritten without asking)."""
    if att.kind != "exam" or att.session_id is None or att.status == "in_progress":
        return ""
    st = session.get(StudySession, att.session_id)
    if st is None:
        return ""
    row = session.scalar(
        select(Score).where(Score.session_id == st.id, Score.person_id == att.person_id))
    if row is not None and row.paper_id == att.id:
        return f"本次成绩已计入学习记录（{st.date:%Y年%m月%d日}的学习会，{fmt_score(row.score)} 分）。"
    if row is not None and row.score is not None:
        return (f"你在这次学习会（{st.date:%Y年%m月%d日}）已有成绩 {fmt_score(row.score)} 分，本次成绩没有覆盖它。"
                "如需改用本次成绩，请管理员在学习记录的成绩登记中改填。")
    return ""


def result(ctx: AppContext, attempt_id: int) -> ExamResult:
    """The score page of a finished attempt (history, 「查看成绩」)."""
    with ctx.begin() as session:
        att = attempt(session, attempt_id)
        if att.status == "in_progress":
            raise KeyHiddenError("这次答题还没有交卷，交卷后才能查看成绩和答案。")
        return _exam_result(session, att)


def feedback(ctx: AppContext, attempt_id: int, position: int) -> AnswerResult:
    """The verdict of an answered practice question or of any question of a finished attempt
    (re-shown after a resume, or from the score page)."""
    with ctx.begin() as session:
        att = attempt(session, attempt_id)
        item = paper_item(att, position)
        done = _answered(_answer_row(session, att.id, position))
        if att.status == "in_progress" and (att.kind == "exam" or done is None):
            raise KeyHiddenError("这道题还没有作答或考试尚未交卷，暂不能查看答案。")
        response = done.response if done else None
        rule = GradingRule.from_json((att.blueprint or {}).get("rule"))
        g = grade(item, response, rule, item.points)
        src = _sources(session, [item.question_id]).get(item.question_id or -1)
        return _result(att, item, response, g, src,
                       in_wrongbook=_in_book(session, att.person_id, item.question_id))


def expire_overdue(ctx: AppContext, person_id: int | None = None) -> list[int]:
    """Hand in the quizzes whose time was already up when the app stopped (run at start).

    With the resume rule (closed time is free) only quizzes stopped with no time left qualify.
    Returns the ids of the attempts expired.
    """
    with ctx.begin() as session:
        stmt = select(Attempt.id).where(
            Attempt.status == "in_progress", Attempt.kind == "exam",
            Attempt.remaining_s.is_not(None), Attempt.remaining_s <= 0,
        )
        if person_id is not None:
            stmt = stmt.where(Attempt.person_id == person_id)
        ids = list(session.scalars(stmt))
    for aid in ids:
        finish(ctx, aid, status="expired")
    if ids:
        log.info("expired %d overdue quizzes", len(ids))
    return ids
