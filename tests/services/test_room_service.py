"""Meeting-room runs through the services: stored as they happen, reopened where they were,
and landing in the session's record (sections studied, contest ranking, paper scores)."""

from __future__ import annotations

import pytest

from studyapp.core.contest import BUZZ, COMPULSORY, RISK, ContestSetup, draw_teams
from studyapp.core.model import UserError
from studyapp.services import attendance, room, roster, scores, sessions
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonDraft, SessionDraft

NAMES = ["王德伦", "陈志强", "李红梅", "王伟", "孙丽", "张明"]


def make_session(ctx: AppContext, document_id: int | None, mark: bool = True) -> tuple[int, list[int]]:
    """A 集中学习 session with six people present."""
    detail = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习",
                                                       place="乡政府二楼会议室", leader="王德伦",
                                                       document_id=document_id))
    ids = [roster.add_person(ctx, PersonDraft(n, "乡党委")).id for n in NAMES]
    attendance.set_expected(ctx, detail.id, person_ids=ids)
    if mark:
        attendance.mark_all_present(ctx, detail.id)
    return detail.id, ids


def start_contest(ctx: AppContext, document_id: int, session_id: int) -> int:
    people = room.people_ids(room.session_attendees(ctx, session_id))
    setup = ContestSetup(draw_teams(people, 3, seed=1))
    qids = room.pick_questions(ctx, document_id, count=12, seed=3)
    run = room.start_run(ctx, "contest", session_id=session_id, document_id=document_id,
                         setup={"contest": setup.to_json(), "question_ids": qids, "seconds": 20},
                         title="依法治市知识竞赛")
    return run.info.id


def test_contest_events_replay_into_the_same_board(seeded_ctx: AppContext, seed_id: int) -> None:
    sid, _ = make_session(seeded_ctx, seed_id)
    run_id = start_contest(seeded_ctx, seed_id, sid)
    state = room.contest_state(seeded_ctx, run_id)
    assert sum(len(t.members) for t in state.setup.teams) == 6
    for ev in (lambda s: s.show(COMPULSORY, 0), lambda s: s.judge(True),
               lambda s: s.show(BUZZ, 1), lambda s: s.judge(False, "t3"),
               lambda s: s.show(RISK, 2, "t2"), lambda s: s.judge(True, None, 20),
               lambda s: s.undo()):
        state = room.record_contest_event(seeded_ctx, run_id, ev(state))
    again = room.contest_state(seeded_ctx, run_id)
    assert again.scores == state.scores == {"t1": 110, "t2": 100, "t3": 90}
    assert [e["kind"] for e in room.get_run(seeded_ctx, run_id).events][-1] == "undo"
    with pytest.raises(UserError, match="不存在的参赛队"):
        room.record_contest_event(seeded_ctx, run_id,
                                  type(state.events[0])("adjust", team="t9", points=5))


def test_finish_saves_ranking_to_the_session_and_prints(seeded_ctx: AppContext, seed_id: int) -> None:
    sid, _ = make_session(seeded_ctx, seed_id)
    run_id = start_contest(seeded_ctx, seed_id, sid)
    state = room.contest_state(seeded_ctx, run_id)
    state = room.record_contest_event(seeded_ctx, run_id, state.show(BUZZ, 0))
    state = room.record_contest_event(seeded_ctx, run_id, state.judge(True, "t2"))
    assert [r.id for r in room.unfinished_runs(seeded_ctx)] == [run_id]
    room.finish_run(seeded_ctx, run_id)
    assert room.unfinished_runs(seeded_ctx) == []
    detail = sessions.get_session_detail(seeded_ctx, sid)
    assert detail.test_summary.startswith("知识竞赛：第1名 ")
    assert "110 分" in detail.test_summary
    pdf = room.contest_pdf(seeded_ctx, run_id)
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000
    with pytest.raises(UserError, match="已经结束"):
        room.append_event(seeded_ctx, run_id, "show", {})


def test_state_is_saved_and_runs_reopen(seeded_ctx: AppContext, seed_id: int) -> None:
    run = room.start_run(seeded_ctx, "quiz", session_id=None, document_id=seed_id,
                         setup={"question_ids": room.pick_questions(seeded_ctx, seed_id, count=5)})
    room.save_state(seeded_ctx, run.info.id, {"question": 3, "timer_ms": 12000, "blanked": True})
    room.save_state(seeded_ctx, run.info.id, {"revealed": True})
    again = room.get_run(seeded_ctx, run.info.id)
    assert again.state == {"question": 3, "timer_ms": 12000, "blanked": True, "revealed": True}
    qs = room.run_questions(seeded_ctx, run.info.id)
    assert len(qs) == 5 and all(q.quote for q in qs)
    assert [r.kind_name for r in room.unfinished_runs(seeded_ctx)] == ["集体测验"]


def test_sections_shown_become_the_sessions_content(seeded_ctx: AppContext, seed_id: int) -> None:
    sid, _ = make_session(seeded_ctx, None)
    pages = room.reading_pages(seeded_ctx, seed_id)
    assert pages[0].section_id is None and pages[0].heading.startswith("中共遵义市委")
    assert pages[1].heading.startswith("1.指导思想") and pages[1].breadcrumb.startswith("一、")
    assert all(p.text or p.heading for p in pages)
    run = room.start_run(seeded_ctx, "reading", session_id=sid, document_id=seed_id)
    for page in (pages[2], pages[1], pages[2]):
        room.record_section(seeded_ctx, run.info.id, page.section_id)
    detail = sessions.get_session_detail(seeded_ctx, sid)
    assert detail.section_ids == (pages[1].section_id, pages[2].section_id)  # reading order, once
    assert detail.document_id == seed_id and detail.content.startswith("《中共遵义市委")
    assert room.get_run(seeded_ctx, run.info.id).state["section_id"] == pages[2].section_id


def test_paper_cells_grade_and_land_in_the_session(seeded_ctx: AppContext, seed_id: int) -> None:
    sid, people = make_session(seeded_ctx, seed_id)
    run = room.start_run(seeded_ctx, "paper", session_id=sid, document_id=seed_id,
                         setup={"seed": 0, "variants": ["A", "B"]})
    sheet = room.paper_sheet(seeded_ctx, run.info.id)
    assert len(sheet.people) == 6 and sheet.variants == ("A", "B")
    items_a = sheet.items["A"]
    first = items_a[0]
    assert first.type == "single"
    right = "ABCD"[first.answer[0]]
    wrong = "ABCD"[(first.answer[0] + 1) % 4]
    p1, p2 = people[0], people[1]
    room.set_paper_cell(seeded_ctx, run.info.id, p1, 0, right.lower())
    room.set_paper_cell(seeded_ctx, run.info.id, p2, 0, wrong)
    room.set_paper_variant(seeded_ctx, run.info.id, p2, "B")
    sheet = room.paper_sheet(seeded_ctx, run.info.id)
    assert sheet.variant(p2) == "B" and sheet.cells[(p1, 0)] == right.lower()
    assert room.person_total(sheet, p1) == first.points
    assert room.save_paper_scores(seeded_ctx, run.info.id) == 2
    got = {r.person_id: r for r in scores.session_scores(seeded_ctx, sid).rows}
    assert got[p1].score == first.points and got[p1].note == "A卷"
    assert got[p2].note == "B卷"
    assert sessions.get_session_detail(seeded_ctx, sid).full_marks == sheet.full_marks


def test_attendees_fall_back_to_expected_when_nobody_is_marked(seeded_ctx: AppContext, seed_id: int) -> None:
    sid, _ = make_session(seeded_ctx, seed_id, mark=False)
    assert [a.name for a in room.session_attendees(seeded_ctx, sid)] == NAMES


def test_no_approved_questions_is_a_clear_message(ctx: AppContext) -> None:
    from studyapp.services import documents

    result = documents.import_text(ctx, "测试文件\n一、总则\n1.第一条内容很长很长。")
    with pytest.raises(UserError, match="还没有审核通过的试题"):
        room.pick_questions(ctx, result.document_id)
