"""操作记录: every change to the study records, the scores and the question bank, with when, who
(this PC's window or the command line), what, and the value before and after.

Services call `record()` inside the transaction that makes the change, so a change and its log
entry are stored together or not at all. `entries()` reads the log for the 操作记录 window, the
CLI (`studyapp audit`) and the history of a session's scores (`score_histories()`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from studyapp.core.stats import fmt_score
from studyapp.db.models_records import AuditEntry
from studyapp.services.context import AppContext

AREAS = ("成绩", "考勤", "名册", "学习记录", "题库", "设置")
ABSENT = "缺考"


@dataclass(frozen=True)
class AuditView:
    id: int
    at: dt.datetime
    actor: str
    area: str
    action: str
    target: str
    old: str
    new: str
    session_id: int | None = None
    person_id: int | None = None

    def change(self) -> str:
        if self.old and self.new:
            return f"{self.old} → {self.new}"
        return self.new or self.old


def record(session: Session, actor: str, area: str, action: str, target: str, old: str = "", new: str = "",
           *, session_id: int | None = None, person_id: int | None = None,
           question_id: int | None = None) -> None:
    """Add one entry to the log (in the caller's transaction); an unchanged value is not logged."""
    if action == "修改" and old == new:
        return
    session.add(AuditEntry(actor=actor or "", area=area, action=action, target=target[:500],
                           old=old[:500], new=new[:500], session_id=session_id, person_id=person_id,
                           question_id=question_id))


class Batch:
    """The entries of one change to many rows (a room's scores, 全部出席), written together by
    write(): one statement, where adding them one by one costs a round trip each on a shared
    server (SQLite's ORM inserts them singly to learn ids the log never needs)."""

    def __init__(self, session: Session, actor: str) -> None:
        self.session, self.actor = session, actor or ""
        self.rows: list[dict[str, object]] = []

    def record(self, area: str, action: str, target: str, old: str = "", new: str = "", *,
               session_id: int | None = None, person_id: int | None = None,
               question_id: int | None = None) -> None:
        """As record() (an unchanged value is not logged), kept until write()."""
        if action == "修改" and old == new:
            return
        self.rows.append({"actor": self.actor, "area": area, "action": action, "target": target[:500],
                          "old": old[:500], "new": new[:500], "session_id": session_id,
                          "person_id": person_id, "question_id": question_id})

    def write(self) -> None:
        if self.rows:
            self.session.execute(insert(AuditEntry), self.rows)
            self.rows = []


def target(st, person) -> str:  # noqa: ANN001 - StudySession, Person
    """「2015-04-15 集中学习 · 王德伦（乡党委）」: what an entry of the 操作记录 is about."""
    when = f"{st.date:%Y-%m-%d}" if st is not None and st.date else ""
    what = (st.mode or (st.content or "")[:12]) if st is not None else ""
    who = f"{person.name}（{person.unit}）" if person is not None and person.unit else (person.name if person else "")
    return " · ".join(x for x in (f"{when} {what}".strip(), who) if x)


def score_text(score: float | None, exists: bool = True) -> str:
    if not exists:
        return ""
    return ABSENT if score is None else f"{fmt_score(score)} 分"


def _view(e: AuditEntry) -> AuditView:
    return AuditView(e.id, e.at, e.actor, e.area, e.action, e.target, e.old, e.new, e.session_id, e.person_id)


def entries(ctx: AppContext, *, limit: int = 500, area: str | None = None,
            session_id: int | None = None) -> list[AuditView]:
    """The newest entries first."""
    with ctx.begin() as session:
        q = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        if area:
            q = q.where(AuditEntry.area == area)
        if session_id is not None:
            q = q.where(AuditEntry.session_id == session_id)
        return [_view(e) for e in session.scalars(q)]


def score_histories(ctx: AppContext, session_id: int) -> dict[int, list[AuditView]]:
    """Every person's score changes in one study session (person id → oldest first)."""
    out: dict[int, list[AuditView]] = {}
    with ctx.begin() as session:
        q = (select(AuditEntry).where(AuditEntry.area == "成绩", AuditEntry.session_id == session_id)
             .order_by(AuditEntry.at, AuditEntry.id))
        for e in session.scalars(q):
            if e.person_id is not None:
                out.setdefault(e.person_id, []).append(_view(e))
    return out


def history_text(history: list[AuditView]) -> str:
    """「历次记录」 of a score, one line per change, for a tooltip or a printout."""
    return "\n".join(f"{h.at:%Y-%m-%d %H:%M}　{h.actor}　{h.action}　{h.change()}" for h in history)
