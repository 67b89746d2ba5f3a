"""首页: one read of what a learner's start page shows (on the task runner, ≈ the cost of 我的学习).

What to do next (continue reading where the reader stands, today's reviews, the wrong-answer
book) and how far the learner is this year (学时 from the sessions attended against the year's
target, sections read, answers right).
"""

from __future__ import annotations

from studyapp.services import documents, hours, mystudy, roster
from studyapp.services.context import AppContext
from studyapp.services.dto_study import FrontPage


def front_page(ctx: AppContext, person_id: int, document_id: int | None, section_id: int | None,
               year: int) -> FrontPage:
    person = roster.get_person(ctx, person_id)
    study = mystudy.my_study(ctx, person_id, document_id)
    got, attended = hours.person_hours(ctx, year, person_id).get(person_id, (0.0, 0))
    title = heading = ""
    if document_id is not None:
        view = documents.get_document(ctx, document_id)
        title = view.title
        section = next((s for s in view.sections if s.id == section_id), None)
        heading = section.heading if section is not None else ""
    return FrontPage(person_id=person_id, person_name=person.name, study=study, year=year, hours=got,
                     sessions=attended, target=hours.default_target(ctx), document_title=title,
                     section_heading=heading)
