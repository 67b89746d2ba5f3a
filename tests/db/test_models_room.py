"""The meeting-room tables: a run goes with its study session and keeps its events in order
(one event per place in the log), a deleted document leaves the run (its title says what it
was), and kinds and statuses are checked by the database itself."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, exc, select

from studyapp.db.models import Document, StudySession
from studyapp.db.models_room import RoomEvent, RoomRun
from studyapp.services import sessions
from studyapp.services.dto_records import SessionDraft


def _run(ctx, document_id: int | None = None, session_id: int | None = None, **kw) -> int:
    with ctx.begin() as session:
        run = RoomRun(kind=kw.pop("kind", "contest"), document_id=document_id, session_id=session_id,
                      title="依法治市知识竞赛", setup={"seconds": 30}, **kw)
        session.add(run)
        session.flush()
        session.add_all([RoomEvent(run_id=run.id, seq=1, kind="show", data={"question": 0}),
                         RoomEvent(run_id=run.id, seq=2, kind="judge", data={"team": "t1", "correct": True})])
        return run.id


def test_a_run_goes_with_its_session_events_and_all(seeded_ctx) -> None:
    detail = sessions.create_session(seeded_ctx, SessionDraft(date="2015-04-15"))
    run_id = _run(seeded_ctx, session_id=detail.id)
    with seeded_ctx.begin() as session:
        assert [e.kind for e in session.scalars(select(RoomEvent).order_by(RoomEvent.seq))] == ["show", "judge"]
        session.execute(delete(StudySession).where(StudySession.id == detail.id))
    with seeded_ctx.begin() as session:
        assert session.get(RoomRun, run_id) is None
        assert session.scalars(select(RoomEvent)).all() == []


def test_a_deleted_document_leaves_the_run(seeded_ctx, seed_id) -> None:
    run_id = _run(seeded_ctx, document_id=seed_id)
    with seeded_ctx.begin() as session:
        session.execute(delete(Document).where(Document.id == seed_id))
    with seeded_ctx.begin() as session:
        run = session.get(RoomRun, run_id)
        assert run is not None and run.document_id is None and run.title == "依法治市知识竞赛"
        assert run.status == "open" and run.setup == {"seconds": 30} and run.state == {}


def test_one_event_per_place_in_the_log(seeded_ctx) -> None:
    run_id = _run(seeded_ctx)
    with pytest.raises(exc.IntegrityError), seeded_ctx.begin() as session:
        session.add(RoomEvent(run_id=run_id, seq=2, kind="undo"))


@pytest.mark.parametrize("bad", [{"kind": "lottery"}, {"status": "paused"}])
def test_kinds_and_statuses_are_checked_by_the_database(seeded_ctx, bad: dict) -> None:
    with pytest.raises(exc.IntegrityError):
        _run(seeded_ctx, **bad)
