"""Reading marks, notes and progress.

`person_id` None is the local reader; self-study passes the learner to record who read what.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from studyapp.db.models import ReadMark, Section, SectionNote, now
from studyapp.services.context import AppContext, NotFoundError


def _section(session: Session, section_id: int) -> Section:
    section = session.get(Section, section_id)
    if section is None:
        raise NotFoundError.of("章节", section_id)
    return section


def _person_is(person_id: int | None):
    return ReadMark.person_id.is_(None) if person_id is None else ReadMark.person_id == person_id


def mark_read(ctx: AppContext, section_id: int, *, person_id: int | None = None) -> None:
    """Mark a section read (idempotent: the first time it was read is kept)."""
    with ctx.begin() as session:
        _section(session, section_id)
        exists = session.scalar(
            select(ReadMark.id).where(ReadMark.section_id == section_id, _person_is(person_id))
        )
        if exists is None:
            session.add(ReadMark(section_id=section_id, person_id=person_id))


def unmark_read(ctx: AppContext, section_id: int, *, person_id: int | None = None) -> None:
    """Forget that a section was read (e.g. "mark unread" in the tree)."""
    with ctx.begin() as session:
        for mark in session.scalars(
            select(ReadMark).where(ReadMark.section_id == section_id, _person_is(person_id))
        ):
            session.delete(mark)


def clock() -> dt.datetime:
    """The time read marks are stamped with (a run of the app notes when it started)."""
    return now()


def claim_reads(ctx: AppContext, person_id: int, since: dt.datetime) -> int:
    """Reads made with nobody chosen since `since` (this run of the app) become the reads of the
    learner who then picks their name; returns how many sections were added to their progress."""
    with ctx.begin() as session:
        anonymous = set(session.scalars(
            select(ReadMark.section_id).where(ReadMark.person_id.is_(None), ReadMark.read_at >= since)))
        if not anonymous:
            return 0
        theirs = set(session.scalars(
            select(ReadMark.section_id).where(ReadMark.person_id == person_id,
                                              ReadMark.section_id.in_(anonymous))))
        new = sorted(anonymous - theirs)
        at = now()
        session.add_all(ReadMark(section_id=s, person_id=person_id, read_at=at) for s in new)
        return len(new)


def read_section_ids(
    ctx: AppContext, document_id: int, *, person_id: int | None = None
) -> set[int]:
    with ctx.begin() as session:
        return set(
            session.scalars(
                select(ReadMark.section_id)
                .join(Section, Section.id == ReadMark.section_id)
                .where(Section.document_id == document_id, _person_is(person_id))
            )
        )


def get_note(ctx: AppContext, section_id: int) -> str:
    """The note of a section ("" when there is none)."""
    with ctx.begin() as session:
        text = session.scalar(select(SectionNote.text).where(SectionNote.section_id == section_id))
    return text or ""


def save_note(ctx: AppContext, section_id: int, text: str, *, wait_ms: int | None = None) -> None:
    """Save (or, for blank text, delete) the personal note of a section (`wait_ms`: see
    AppContext.begin)."""
    with ctx.begin(write=True, wait_ms=wait_ms) as session:  # (reads the note, then writes: takes the writer lock first)
        _section(session, section_id)
        note = session.scalar(select(SectionNote).where(SectionNote.section_id == section_id))
        if not (text or "").strip():
            if note is not None:
                session.delete(note)
            return
        if note is None:
            session.add(SectionNote(section_id=section_id, text=text))
        else:
            note.text = text
            note.updated_at = now()
