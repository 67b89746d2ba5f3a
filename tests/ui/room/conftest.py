"""Room fixtures: a 集中学习 session on the seed with six people present, and room runs on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from studyapp.core.contest import ContestSetup, draw_teams
from studyapp.services import attendance, room, roster, sessions
from studyapp.services.dto_records import PersonDraft, SessionDraft

NAMES = ["王德伦", "陈志强", "李红梅", "王伟", "孙丽", "张明"]


def key(c, k) -> None:  # noqa: ANN001 - a RoomController and a Qt.Key
    """A clicker key, sent where the room's keyboard focus is (the projector window)."""
    from PySide6.QtTest import QTest

    QTest.keyClick(c.audience, k)


@pytest.fixture
def session_id(seeded_ctx, seed_id) -> int:
    detail = sessions.create_session(seeded_ctx, SessionDraft(
        date="2015-04-15", mode="集中学习", place="乡政府二楼会议室", leader="王德伦", host="王德伦"))
    ids = [roster.add_person(seeded_ctx, PersonDraft(n, "乡党委")).id for n in NAMES]
    attendance.set_expected(seeded_ctx, detail.id, person_ids=ids)
    attendance.mark_all_present(seeded_ctx, detail.id)
    return detail.id


@pytest.fixture
def start_run(seeded_ctx, seed_id, session_id) -> Callable[..., int]:
    def start(kind: str, *, teams: int = 3, count: int = 10, seconds: int = 30) -> int:
        setup: dict = {"seconds": seconds}
        if kind in ("quiz", "contest"):
            setup["question_ids"] = room.pick_questions(seeded_ctx, seed_id, count=count, seed=5,
                                                        types=("single", "multiple", "judge", "fill"))
        if kind == "contest":
            people = room.people_ids(room.session_attendees(seeded_ctx, session_id))
            setup["contest"] = ContestSetup(draw_teams(people, teams, seed=2)).to_json()
        if kind == "paper":
            setup = {"seed": 0, "variants": ["A", "B"]}
        title = {"reading": "《中共遵义市委关于全面推进依法治市的实施意见》", "quiz": "依法治市集体测验",
                 "contest": "依法治市知识竞赛", "paper": "依法治市纸质测验"}[kind]
        return room.start_run(seeded_ctx, kind, session_id=session_id, document_id=seed_id,
                              setup=setup, title=title).info.id

    return start


@pytest.fixture
def open_room(qtbot, seeded_ctx) -> Iterator[Callable[..., object]]:
    """Open a run on the projector (one offscreen screen: single full-screen view)."""
    from PySide6.QtWidgets import QApplication

    from studyapp.ui.room.controller import RoomController, open_run

    made: list[RoomController] = []

    def make(run_id: int, size: tuple[int, int] | None = None) -> RoomController:
        family = str(QApplication.instance().property("studyapp_font_family"))
        settings = __import__("studyapp.services.settings", fromlist=["x"])
        settings.set_setting(seeded_ctx, "room.section_record_seconds", 0)
        c = open_run(seeded_ctx, room.get_run(seeded_ctx, run_id), family)
        c.start()
        if size is not None:
            c.audience_window.showNormal()
            c.audience_window.setFixedSize(*size)
        qtbot.waitExposed(c.audience_window)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()
    QApplication.processEvents()
