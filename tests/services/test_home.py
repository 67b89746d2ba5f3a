"""首页 in one read: the learner's name, where the reader stands, this year's 学时 from the
sessions attended against the year's target, and their reading (without a document open too)."""

from __future__ import annotations

import datetime as dt

import pytest

from studyapp.services import attendance, documents, home, reading, roster, sessions, settings
from studyapp.services.context import NotFoundError
from studyapp.services.dto_records import PersonDraft, SessionDraft


def _attended(ctx, person_id: int, date: str, hours: float) -> None:
    detail = sessions.create_session(ctx, SessionDraft(date=date, mode="集中学习", leader="王德伦",
                                                       host="王德伦", hours=hours))
    attendance.set_expected(ctx, detail.id, person_ids=[person_id])
    attendance.mark_all_present(ctx, detail.id)


def test_the_front_page_of_a_learner_reading_a_document(seeded_ctx, seed_id) -> None:
    year = dt.date.today().year
    person = roster.add_person(seeded_ctx, PersonDraft("王德伦", "乡党委")).id
    _attended(seeded_ctx, person, f"{year}-04-15", 2)
    _attended(seeded_ctx, person, f"{year}-05-20", 1.5)
    _attended(seeded_ctx, person, f"{year - 1}-12-01", 4)  # last year's does not count
    settings.set_setting(seeded_ctx, "hours.ledger_target", 56)
    view = documents.get_document(seeded_ctx, seed_id)
    part = next(s for s in view.sections if s.label == "三、")
    reading.mark_read(seeded_ctx, part.id, person_id=person)

    page = home.front_page(seeded_ctx, person, seed_id, part.id, year)
    assert (page.person_id, page.person_name, page.year) == (person, "王德伦", year)
    assert (page.hours, page.sessions, page.target) == (3.5, 2, 56.0)
    assert page.document_title == view.title and page.section_heading == part.heading
    assert page.study.document_id == seed_id and page.study.sections_read >= 1
    assert home.front_page(seeded_ctx, person, seed_id, part.id, year - 1).hours == 4


def test_without_a_document_or_a_session_the_page_is_still_whole(seeded_ctx) -> None:
    person = roster.add_person(seeded_ctx, PersonDraft("陈志强")).id
    page = home.front_page(seeded_ctx, person, None, None, 2026)
    assert (page.person_name, page.hours, page.sessions) == ("陈志强", 0.0, 0)
    assert (page.document_title, page.section_heading) == ("", "")
    assert page.target == float(settings.get_setting(seeded_ctx, "hours.target_party_member"))
    with pytest.raises(NotFoundError):
        home.front_page(seeded_ctx, 9999, None, None, 2026)
