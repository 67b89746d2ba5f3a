"""Reading marks, notes and progress.

`person_id` None is the local reader; self-study passes the learner to record who read what.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from studyapp.db.models import ReadMark, Section, SectionNote, now
from studyapp.services.context import AppContext, EditConflict, NotFoundError
from studyapp.services.dto import NoteView


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
    return read_note(ctx, section_id).text


def read_note(ctx: AppContext, section_id: int) -> NoteView:
    with ctx.begin() as session:
        row = session.execute(select(SectionNote.text, SectionNote.version)
                              .where(SectionNote.section_id == section_id)).first()
    return NoteView(row.text, row.version) if row is not None else NoteView("", 0)


def save_note(ctx: AppContext, section_id: int, text: str, *, wait_ms: int | None = None,
              expected_version: int | None = None) -> int:
    """Save the personal note of a section (blank text empties it); returns its version now.

    `expected_version` is the version the reader read (0: none): a note another program (another
    PC on the shared database, the command line) saved since is an EditConflict and nothing is
    written — this program's own saves since (a few in flight while typing) are not someone
    else's. None saves over whatever is there (the user chose to, having been asked).
    `wait_ms`: see AppContext.begin."""
    text = text if (text or "").strip() else ""
    with ctx.begin(write=True, wait_ms=wait_ms) as session:  # (reads the note, then writes: takes the writer lock first)
        section = _section(session, section_id)
        note = session.scalar(select(SectionNote).where(SectionNote.section_id == section_id))
        if expected_version is not None and note is not None and note.version != expected_version \
                and note.writer != ctx.writer:
            where = " ".join(x for x in (section.label, section.title[:20]) if x) or "这一节"
            raise EditConflict(f"“{where}”的笔记在您打开之后已被别人（另一台电脑或命令行）修改过，"
                               "您刚写的笔记还没有保存。")
        if note is None:
            if not text:
                return 0
            note = SectionNote(section_id=section_id, text=text, writer=ctx.writer)
            session.add(note)
        else:
            # (a blank note stays as an empty row: its version goes on rising, so a note emptied
            # and written again elsewhere is never taken for the one read)
            note.text = text
            note.updated_at = now()
            note.writer = ctx.writer
            flag_modified(note, "text")  # every save raises the version, even of the same text
        session.flush()
        return note.version
