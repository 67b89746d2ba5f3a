"""我的学习: one person's reading, practice, scores over time and mastery per section.

Mastery, shown on the document tree, is deliberately simple so a learner can predict it:
- 已掌握 (mastered): at least `study.mastery_min_answers` (3) auto-graded answers on the
  section's questions (the section and its subsections), and at least `study.mastery_ratio`
  (80 %) of the last MASTERY_WINDOW (10) of them right. Only counted answers are used: first
  tries in practice and handed-in quizzes — a retry after seeing the key proves nothing;
- 已练习 (practised): at least one such answer, not (yet) mastered;
- 已读 (read): marked read (by this person), or all its subsections are, and not practised;
- 未读 (unread): none of these.
A recent slip takes "mastered" away again: it is about now, not a trophy.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import NamedTuple

from sqlalchemy import case, func, select

from studyapp.core.stats import fmt_percent
from studyapp.db.models import Question, ReadMark, Section, StudySession
from studyapp.db.models_records import Person, Score
from studyapp.db.models_study import Attempt, AttemptAnswer
from studyapp.services import attempts, review, roster, wrongbook
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonView
from studyapp.services.dto_study import MyStudy, ScorePoint, SectionMastery

__all__ = [
    "MASTERY_WINDOW", "mastery_rule_text", "my_study", "recent_learners", "score_history",
    "section_mastery",
]

log = logging.getLogger("studyapp.study")

MASTERY_WINDOW = 10


def mastery_rule_text(min_answers: int = 3, ratio: float = 0.8) -> str:
    """The mastery rule in Chinese, for a tooltip on the tree's legend."""
    return (f"已掌握：本节至少答过 {min_answers} 道题，且最近 {MASTERY_WINDOW} 次作答中"
            f"答对不少于 {fmt_percent(ratio, 0)}；已练习：答过本节的题；已读：本节已读完。")


class _Answered(NamedTuple):
    """A section's counted answers: how many, how many right, the last MASTERY_WINDOW (oldest
    first; the last are those of the newest attempts)."""

    answered: int
    right: int
    last: list[bool]


def _answers_by_section(session, person_id: int, document_id: int) -> dict[int, _Answered]:
    """Counted answers per question section. A learner's years of practice (50,000 answers) are
    counted by the database; only the newest are carried to Python — read newest attempt first
    and left off once every answered section has its last MASTERY_WINDOW."""
    counted = (Attempt.person_id == person_id, Question.document_id == document_id,
               Question.section_id.is_not(None), AttemptAnswer.correct.is_not(None),
               AttemptAnswer.answered_at.is_not(None))
    right = func.sum(case((AttemptAnswer.correct.is_(True), 1), else_=0))
    conn = session.connection()  # (plain rows: no ORM result machinery over thousands of them)
    totals = {sid: (int(n), int(r or 0)) for sid, n, r in conn.execute(
        select(Question.section_id, func.count(AttemptAnswer.id), right)
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .join(Question, Question.id == AttemptAnswer.question_id)
        .where(*counted).group_by(Question.section_id))}
    wanted = {sid: min(n, MASTERY_WINDOW) for sid, (n, _r) in totals.items()}
    last: dict[int, list[bool]] = defaultdict(list)
    missing = sum(wanted.values())
    # newest first: the person's attempts by their start (an index), each attempt's answers by time
    newest = (select(Question.section_id, AttemptAnswer.correct)
              .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
              .join(Question, Question.id == AttemptAnswer.question_id)
              .where(*counted)
              .order_by(Attempt.started_at.desc(), Attempt.id.desc(), AttemptAnswer.answered_at.desc(),
                        AttemptAnswer.id.desc())
              .execution_options(yield_per=500))
    if missing:
        rows = conn.execute(newest)
        try:
            for sid, correct in rows:
                got = last[sid]
                if len(got) < wanted[sid]:
                    got.append(bool(correct))
                    missing -= 1
                    if not missing:
                        break
        finally:
            rows.close()  # (left off early: the rest is never fetched)
    return {sid: _Answered(n, r, last.get(sid, [])[::-1]) for sid, (n, r) in totals.items()}


def _mastery(session, person_id: int, document_id: int) -> dict[int, SectionMastery]:
    min_answers = int(attempts.setting(session, "study.mastery_min_answers"))
    ratio = float(attempts.setting(session, "study.mastery_ratio"))
    sections = session.execute(
        select(Section.id, Section.parent_id)
        .where(Section.document_id == document_id)
        .order_by(Section.ordinal)
    ).all()
    children: dict[int, list[int]] = defaultdict(list)
    for sid, parent in sections:
        if parent is not None:
            children[parent].append(sid)
    read = set(session.scalars(
        select(ReadMark.section_id)
        .join(Section, Section.id == ReadMark.section_id)
        .where(Section.document_id == document_id, ReadMark.person_id == person_id)
    ))
    qcount = dict(session.execute(
        select(Question.section_id, func.count())
        .where(Question.document_id == document_id, Question.status == "approved",
               Question.section_id.is_not(None))
        .group_by(Question.section_id)
    ).all())
    own = _answers_by_section(session, person_id, document_id)
    # a section's answers are its own, then its subsections' in order: the last MASTERY_WINDOW of
    # them are the last of the parts' own last ones
    memo: dict[int, tuple[_Answered, int, bool]] = {}

    def visit(sid: int) -> tuple[_Answered, int, bool]:
        if sid in memo:
            return memo[sid]
        mine = own.get(sid)
        count, right, last = (mine.answered, mine.right, list(mine.last)) if mine else (0, 0, [])
        nq = int(qcount.get(sid, 0))
        kids = children.get(sid, [])
        kids_read = bool(kids)
        for kid in kids:
            a, n, r = visit(kid)
            count, right = count + a.answered, right + a.right
            last = (last + a.last)[-MASTERY_WINDOW:]
            nq += n
            kids_read = kids_read and r
        is_read = sid in read or kids_read
        memo[sid] = (_Answered(count, right, last), nq, is_read)
        return memo[sid]

    out: dict[int, SectionMastery] = {}
    for sid, _parent in sections:
        tally, nq, is_read = visit(sid)
        recent = tally.last
        recent_right = sum(recent)
        if tally.answered >= min_answers and recent and recent_right >= ratio * len(recent):
            state = "mastered"
        elif tally.answered:
            state = "practised"
        elif is_read:
            state = "read"
        else:
            state = "unread"
        out[sid] = SectionMastery(sid, state, is_read, tally.answered, tally.right, len(recent),
                                  recent_right, nq)
    return out


def section_mastery(ctx: AppContext, person_id: int, document_id: int) -> dict[int, SectionMastery]:
    """Mastery of every section of a document for the tree (section id → SectionMastery)."""
    with ctx.begin() as session:
        return _mastery(session, person_id, document_id)


def score_history(ctx: AppContext, person_id: int) -> list[ScorePoint]:
    """Scores over time, oldest first: handed-in timed quizzes, and session tests' 成绩 that did
    not come from one of those quizzes (paper tests typed in by the recorder)."""
    with ctx.begin() as session:
        return _scores(session, person_id)


def _scores(session, person_id: int) -> list[ScorePoint]:
    points: list[ScorePoint] = []
    quiz_ids: set[int] = set()
    # (the columns a score needs, not whole attempts: each carries its frozen paper, and a
    # learner's years of quizzes read whole took a tenth of a second)
    for att in session.execute(
        select(Attempt.id, Attempt.submitted_at, Attempt.started_at, Attempt.score, Attempt.full_marks,
               Attempt.title, Attempt.session_id)
        .where(Attempt.person_id == person_id, Attempt.kind == "exam", Attempt.status != "in_progress")
    ):
        quiz_ids.add(att.id)
        when = att.submitted_at or att.started_at
        points.append(ScorePoint(when.date().isoformat(), float(att.score or 0), att.full_marks,
                                 att.title, "exam", attempt_id=att.id,
                                 session_id=att.session_id))
    for score, st in session.execute(
        select(Score, StudySession)
        .join(StudySession, StudySession.id == Score.session_id)
        .where(Score.person_id == person_id, Score.score.is_not(None))
    ):
        if score.paper_id in quiz_ids:
            continue
        day = st.date or score.updated_at.date()
        points.append(ScorePoint(day.isoformat(), float(score.score), float(st.full_marks or 100),
                                 st.content or "学习测试", "session", session_id=st.id))
    points.sort(key=lambda p: (p.date, p.attempt_id or 0))
    return points


def my_study(ctx: AppContext, person_id: int, document_id: int | None = None) -> MyStudy:
    """Everything of 我的学习 for one person (and one document for the reading and mastery)."""
    due = review.due_count(ctx, person_id)
    wrong = wrongbook.wrong_count(ctx, person_id)
    with ctx.begin() as session:
        attempts.person(session, person_id)
        kinds = dict(session.execute(
            select(Attempt.kind, func.count())
            .where(Attempt.person_id == person_id)
            .where((Attempt.kind == "practice") | (Attempt.status != "in_progress"))
            .group_by(Attempt.kind)
        ).all())
        answered, right = session.execute(
            select(func.count(AttemptAnswer.id),
                   func.coalesce(func.sum(case((AttemptAnswer.correct.is_(True), 1), else_=0)), 0))
            .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
            .where(Attempt.person_id == person_id, AttemptAnswer.correct.is_not(None),
                   AttemptAnswer.answered_at.is_not(None))
        ).one()
        mastery: dict[int, SectionMastery] = {}
        sections_read = section_count = 0
        if document_id is not None:
            mastery = _mastery(session, person_id, document_id)
            section_count = len(mastery)
            sections_read = sum(1 for m in mastery.values() if m.read)
        min_answers = int(attempts.setting(session, "study.mastery_min_answers"))
        ratio = float(attempts.setting(session, "study.mastery_ratio"))
        scores = _scores(session, person_id)
    return MyStudy(
        person_id=person_id, document_id=document_id, sections_read=sections_read,
        section_count=section_count, practice_count=int(kinds.get("practice", 0)),
        exam_count=int(kinds.get("exam", 0)), answered=int(answered or 0),
        right=int(right or 0), wrongbook_count=wrong, due_today=due, scores=tuple(scores),
        mastery=mastery, mastery_rule=mastery_rule_text(min_answers, ratio),
    )



def recent_learners(ctx: AppContext, limit: int = 8) -> list[PersonView]:
    """People who studied on this data folder lately, most recent first — the top of
    「谁在学习？」 on a shared PC (the full roster and 「添加」 come from services.roster)."""
    with ctx.begin() as session:
        last = func.max(Attempt.started_at).label("last")
        ids = [pid for pid, _ in session.execute(
            select(Attempt.person_id, last).group_by(Attempt.person_id)
            .order_by(last.desc()).limit(limit)
        )]
        rows = {p.id: p for p in session.scalars(
            select(Person).where(Person.id.in_(ids), Person.active.is_(True)))}
        return roster.views(session, [rows[i] for i in ids if i in rows])
