"""The meeting room's operations: what a run shows as it opens, its steps stored at once (state
merged, a section counted as studied, a contest judged and finished), a new run drawn and
announced from the worker, the paper test's grid typed and saved into the session, the run's
paper and key printed to a folder, and what a phone quiz starts from."""

from __future__ import annotations

from pathlib import Path

from studyapp.services import documents, room, scores, sessions, settings
from studyapp.ui.ops import hub
from studyapp.ui.room import ops as room_ops


def test_what_each_run_shows_as_it_opens(seeded_ctx, start_run) -> None:
    settings.set_setting(seeded_ctx, "room.section_record_seconds", 7)
    reading = room_ops.run_content_now(seeded_ctx, room.get_run(seeded_ctx, start_run("reading")))
    assert reading.pages and reading.questions == [] and reading.contest is None
    assert reading.pages[0].section_id is None  # the cover first
    assert reading.record_delay_ms == 7000
    quiz = room_ops.run_content_now(seeded_ctx, room.get_run(seeded_ctx, start_run("quiz", count=4, seconds=45)))
    assert len(quiz.questions) == 4 and quiz.seconds == 45 and quiz.pages == []
    assert {q.type for q in quiz.questions} <= set(room_ops.QUIZ_TYPES)
    contest = room_ops.run_content_now(seeded_ctx, room.get_run(seeded_ctx, start_run("contest", teams=2)))
    assert contest.contest is not None and len(contest.contest.setup.teams) == 2


def test_the_steps_are_stored_at_once(seeded_ctx, seed_id, start_run, session_id) -> None:
    run_id = start_run("reading")
    room_ops.save_state_now(seeded_ctx, run_id, {"page": 3})
    room_ops.save_state_now(seeded_ctx, run_id, {"blanked": True})
    state = room.get_run(seeded_ctx, run_id).state
    assert state["page"] == 3 and state["blanked"] is True  # merged, not replaced
    section = next(s for s in documents.get_document(seeded_ctx, seed_id).sections if s.label == "2.")
    room_ops.record_section_now(seeded_ctx, run_id, section.id)
    assert section.id in sessions.get_session_detail(seeded_ctx, session_id).section_ids
    assert room_ops.finish_now(seeded_ctx, run_id) is None  # (only a contest has a board)
    assert room_ops.unfinished_now(seeded_ctx) == []


def test_a_contest_judged_and_finished_goes_to_the_session(seeded_ctx, start_run, session_id, tmp_path: Path) -> None:
    run_id = start_run("contest", teams=2)
    state = room.contest_state(seeded_ctx, run_id)
    state = room_ops.contest_event_now(seeded_ctx, run_id, state.show("compulsory", 0))
    team = state.team
    state = room_ops.contest_event_now(seeded_ctx, run_id, state.judge(True))
    assert state.scores[team] == state.setup.rules.base_score + state.setup.rules.compulsory_right
    assert [r.id for r in room_ops.unfinished_now(seeded_ctx, "contest")] == [run_id]
    final = room_ops.finish_now(seeded_ctx, run_id)
    assert final is not None and final.finished
    assert sessions.get_session_detail(seeded_ctx, session_id).test_summary.startswith("知识竞赛：第1名")
    pdf = room_ops.write_ranking_pdf(seeded_ctx, run_id, tmp_path / "名次.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_the_start_form_reads_its_choices_and_who_is_present(seeded_ctx, session_id) -> None:
    settings.set_setting(seeded_ctx, "room.question_seconds", 40)
    listed, docs, seconds, base = room_ops.start_form_now(seeded_ctx)
    assert session_id in [s.id for s in listed] and docs and seconds == 40 and base > 0
    present = room_ops.attendees_now(seeded_ctx, session_id)
    assert len(present) == 6 and {name for _pid, name in present} >= {"王德伦", "孙丽"}


def test_a_new_run_is_drawn_on_the_worker_and_announced(window, seeded_ctx, seed_id, session_id, qtbot, settle) -> None:
    made = []
    with qtbot.waitSignal(hub().changed) as announced:
        room_ops.start_run(window, "quiz", session_id, seed_id, {"seconds": 20}, "依法治市集体测验",
                           questions=(5, 3)).success(made.append).run()
    settle()
    [view] = made
    assert announced.args[0].touches("records")
    assert view.info.kind == "quiz" and view.info.title == "依法治市集体测验" and len(view.setup["question_ids"]) == 5
    assert [r.id for r in room_ops.unfinished_now(seeded_ctx, "quiz")] == [view.info.id]


def test_the_paper_grid_is_typed_and_saved_into_the_session(window, seeded_ctx, start_run, session_id, settle) -> None:
    run_id = start_run("paper")
    sheet, _rule = room_ops.paper_sheet_now(seeded_ctx, run_id)
    person = sheet.people[0].person_id
    item = sheet.items["B"][0]
    typed = "√" if item.type == "judge" else "A"
    room_ops.store_paper_variant(window, run_id, person, "B").run()
    room_ops.store_paper_cell(window, run_id, person, 0, typed).run()
    settle()
    sheet, _rule = room_ops.paper_sheet_now(seeded_ctx, run_id)
    assert sheet.variant(person) == "B" and sheet.cells[(person, 0)] == typed
    saved = []
    room_ops.save_paper_scores(window, run_id).success(saved.append).run()
    settle()
    assert saved == [1]
    [row] = [r for r in scores.session_scores(seeded_ctx, session_id).rows if r.score is not None]
    assert row.person_id == person


def test_the_runs_paper_and_key_are_printed_to_a_folder(window, start_run, tmp_path: Path, settle) -> None:
    run_id = start_run("paper")
    room_ops.write_run_papers(window, run_id, tmp_path).run()
    settle()
    assert (tmp_path / "试卷.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "参考答案.pdf").read_bytes().startswith(b"%PDF")


def test_a_phone_quiz_starts_from_who_is_present_and_what_was_stored(seeded_ctx, start_run) -> None:
    quiz = start_run("quiz", count=3)
    setup = room_ops.phone_setup_now(seeded_ctx, quiz)
    assert len(setup.people) == 6 and setup.teams is None and setup.joined == () and setup.known == {}
    person = next(iter(setup.people))
    store = room_ops.PhoneStore(seeded_ctx, quiz)
    store.record_join(person)
    store.record_answer(person, 0, [0], 4.0)
    again = room_ops.phone_setup_now(seeded_ctx, quiz)
    assert again.joined == (person,) and (person, 0) in again.known
    contest = room_ops.phone_setup_now(seeded_ctx, start_run("contest", teams=2))
    assert contest.teams is not None and contest.buzzes == {}


def test_the_start_form_offers_the_newest_sessions_not_the_whole_history(seeded_ctx, monkeypatch) -> None:
    """A run belongs to the session being held: the form lists the newest sessions first, and no
    more than RECENT_SESSIONS of them (a county keeps 2,000 a year)."""
    from studyapp.services.dto_records import SessionDraft

    for day in ("2015-04-15", "2016-05-20", "2014-03-01"):
        sessions.create_session(seeded_ctx, SessionDraft(date=day, mode="集中学习"))
    monkeypatch.setattr(room_ops, "RECENT_SESSIONS", 2)
    offered, documents_offered, seconds, _base = room_ops.start_form_now(seeded_ctx)
    assert [s.date for s in offered] == sorted((s.date for s in sessions.list_sessions(seeded_ctx)), reverse=True)[:2]
    assert documents_offered and seconds > 0
