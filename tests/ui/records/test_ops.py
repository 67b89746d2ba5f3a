"""The records' operations (ui/records/ops.py): each runs its service call on the window's
worker and hands back what the panel shows; a write announces what it changed (people,
records or settings), so the other panels read again; a stale save changes nothing."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from studyapp.services import attendance, roster, sessions
from studyapp.services.context import EditConflict
from studyapp.services.dto_records import PersonDraft, SessionDraft
from studyapp.ui.ops import hub
from studyapp.ui.records import ops as records_ops


@pytest.fixture
def announced():  # noqa: ANN201
    """The areas each change the hub announces during the test touches."""
    seen: list[set[str]] = []

    def note(changes, _initiator) -> None:  # noqa: ANN001
        seen.append(set(changes.areas))

    hub().changed.connect(note)
    yield seen
    hub().changed.disconnect(note)


def _result(settle, op):  # noqa: ANN001, ANN202
    """Run an operation and wait for what it hands back (or the error it failed with)."""
    got: list = []
    threads: list = []

    def keep(value) -> None:  # noqa: ANN001
        threads.append(threading.current_thread())
        got.append(value)

    op.success(keep).failure(keep).run()
    settle()
    assert len(got) == 1 and threads == [threading.main_thread()]  # (delivered on the GUI thread)
    return got[0]


def _read(settle, make):  # noqa: ANN001, ANN202
    return _result(settle, make(lambda _v: None))


def test_the_session_list_is_read_a_page_at_a_time(host, seeded_ctx, seed_session, people, settle,  # noqa: ANN001
                                                   announced) -> None:
    """A county's years of 学习会: 100 at a time, newest first; a session to be selected, or the
    one last worked on (the list opens on it), is read down to wherever it is."""
    for i in range(230):
        sessions.create_session(seeded_ctx, SessionDraft(date=dt.date(2020, 1, 1) + dt.timedelta(days=i)))
    first = _read(settle, lambda ok: records_ops.session_list(host, ok))
    assert len(first.infos) == records_ops.SESSION_PAGE == 100 and first.total == 231 and first.offset == 0
    assert first.infos[0].date > first.infos[-1].date  # newest first
    second = _read(settle, lambda ok: records_ops.session_list(host, ok, offset=100))
    assert second.offset == 100 and not {s.id for s in first.infos} & {s.id for s in second.infos}
    last = _read(settle, lambda ok: records_ops.session_list(host, ok, offset=200))
    assert len(last.infos) == 31 and last.infos[-1].id == seed_session  # (2015: the oldest)
    through = _read(settle, lambda ok: records_ops.session_list(host, ok, through=seed_session))
    assert len(through.infos) == 231 and through.infos[-1].id == seed_session
    # nobody's attendance anywhere: the list opens on its first page
    assert len(_read(settle, lambda ok: records_ops.session_list(host, ok, opening=True)).infos) == 100
    [pid] = people(1)
    attendance.mark(seeded_ctx, seed_session, pid, "present")
    opening = _read(settle, lambda ok: records_ops.session_list(host, ok, opening=True))
    assert opening.latest_worked == seed_session and opening.infos[-1].id == seed_session
    assert announced == []  # (reads change nothing)


def test_people_are_added_changed_and_deleted_or_kept_when_on_record(host, seeded_ctx, seed_session, settle,  # noqa: ANN001
                                                                     announced) -> None:
    added = _result(settle, records_ops.save_person(host, None, PersonDraft("王德伦", "乡党委", "党委书记")))
    assert added.name == "王德伦" and added.active
    listed = _read(settle, lambda ok: records_ops.people(host, "roster", False, ok))
    assert [p.id for p in listed] == [added.id]
    changed = _result(settle, records_ops.save_person(host, added.id, PersonDraft("王德伦", "乡人民政府", "乡长"),
                                                      expected_version=added.version))
    assert changed.unit == "乡人民政府"
    stale = _result(settle, records_ops.save_person(host, added.id, PersonDraft("王德伦", "别处", "干部"),
                                                    expected_version=added.version))
    assert isinstance(stale, EditConflict) and roster.get_person(seeded_ctx, added.id).unit == "乡人民政府"
    assert _read(settle, lambda ok: records_ops.person(host, added.id, ok)).version == changed.version
    # someone on a sign-in sheet stays, inactive (old sheets print their name); someone new goes
    attendance.mark(seeded_ctx, seed_session, added.id, "present")
    assert _result(settle, records_ops.delete_person(host, added.id)) is False
    assert not roster.get_person(seeded_ctx, added.id).active
    assert _read(settle, lambda ok: records_ops.people(host, "roster", False, ok)) == []
    assert len(_read(settle, lambda ok: records_ops.people(host, "roster", True, ok))) == 1
    other = roster.add_person(seeded_ctx, PersonDraft("丁一", "司法所", "所长"))
    assert _result(settle, records_ops.delete_person(host, other.id)) is True
    assert announced == [{"people"}] * 4  # (the stale save announced nothing)


def test_attendance_marks_announce_the_records(host, seeded_ctx, seed_session, people, settle, announced) -> None:  # noqa: ANN001
    ids = people(3)
    assert _result(settle, records_ops.mark_all_present(host, seed_session, True)) == 3  # everyone expected first
    row = _result(settle, records_ops.mark(host, seed_session, ids[1], "leave", "外出培训", None))
    assert row.person_id == ids[1] and row.status == "leave" and row.reason == "外出培训"
    _result(settle, records_ops.remove_expected(host, seed_session, ids[2]))
    sheet = _read(settle, lambda ok: records_ops.attendance_sheet(host, seed_session, "roster", ok))
    assert [(r.person_id, r.status) for r in sheet] == [(ids[0], "present"), (ids[1], "leave")]
    assert _result(settle, records_ops.set_expected(host, seed_session, None)) == 3
    assert announced == [{"records"}] * 4


def test_a_score_typed_cleared_and_its_history_on_the_sheet(host, seeded_ctx, seed_session, people, settle,  # noqa: ANN001
                                                            announced) -> None:
    ids = people(2)
    attendance.set_expected(seeded_ctx, seed_session, person_ids=ids)
    _result(settle, records_ops.store_score(host, seed_session, ids[0], 86, "", False))
    _result(settle, records_ops.store_score(host, seed_session, ids[0], 90, "补考", False))
    _result(settle, records_ops.store_score(host, seed_session, ids[1], None, "", False))  # 缺考
    sheet = _read(settle, lambda ok: records_ops.score_sheet(host, seed_session, "roster", ok))
    assert [(r.person_id, r.score, r.note) for r in sheet.result.rows] == [(ids[0], 90, "补考"), (ids[1], None, "")]
    assert [e.person_id for e in sheet.expected] == ids
    assert "86 分 → 90 分" in records_ops.history_text(sheet.histories[ids[0]])
    _result(settle, records_ops.store_score(host, seed_session, ids[1], None, "", True))  # cleared: no score at all
    again = _read(settle, lambda ok: records_ops.session_scores(host, seed_session, "roster", ok))
    assert [r.person_id for r in again.rows] == [ids[0]] and again.stats.count == 1
    assert announced == [{"records"}] * 4


def test_a_session_saved_new_changed_refused_when_stale_and_deleted(host, seeded_ctx, settle, announced) -> None:  # noqa: ANN001
    draft = SessionDraft(date=records_ops.parse_session_date("2024年3月5日"), place="乡政府二楼会议室", leader="王德伦")
    made = _result(settle, records_ops.save_session(host, None, draft))
    assert made.date == "2024-03-05" and made.leader == "王德伦"
    detail = _read(settle, lambda ok: records_ops.session_detail(host, made.id, ok))
    changed = _result(settle, records_ops.save_session(host, made.id, replace(sessions.draft_of(detail), host="李红梅"),
                                                       expected_version=detail.version))
    assert changed.host == "李红梅"
    stale = _result(settle, records_ops.save_session(host, made.id, replace(sessions.draft_of(detail), host="别人"),
                                                     expected_version=detail.version))
    assert isinstance(stale, EditConflict) and sessions.get_session_detail(seeded_ctx, made.id).host == "李红梅"
    _result(settle, records_ops.delete_session(host, made.id))
    assert made.id not in {s.id for s in sessions.list_sessions(seeded_ctx)}
    assert announced == [{"records"}] * 3


def test_the_units_name_and_the_ledgers_target_are_settings(host, seeded_ctx, settle, announced) -> None:  # noqa: ANN001
    assert records_ops.unit_needs_asking_now(seeded_ctx)
    assert _result(settle, records_ops.store_unit_name(host, "  遵义市某某乡  ")) == records_ops.unit_name_now(seeded_ctx)
    assert records_ops.unit_name_now(seeded_ctx) and not records_ops.unit_needs_asking_now(seeded_ctx)
    _result(settle, records_ops.store_target(host, 56))
    assert records_ops.default_target_now(seeded_ctx) == 56
    assert announced == [{"settings"}] * 2


def test_putting_off_the_units_name_stops_the_question(host, seeded_ctx, settle) -> None:  # noqa: ANN001
    _result(settle, records_ops.put_off_unit(host))
    assert not records_ops.unit_needs_asking_now(seeded_ctx) and records_ops.unit_name_now(seeded_ctx) == ""


def test_session_forms_build_a_pdf_and_an_excel_where_the_form_is_a_table(seeded_ctx, seed_session) -> None:  # noqa: ANN001
    for form, has_sheet in (("signin", True), ("scores", True), ("record", False)):
        pdf, xlsx = records_ops.session_form(seeded_ctx, form, seed_session)
        assert pdf("roster").startswith(b"%PDF")
        assert (xlsx is not None) == has_sheet
        if xlsx is not None:
            assert xlsx("roster")[:2] == b"PK"  # (an .xlsx is a zip)


def test_a_printout_is_written_where_chosen(tmp_path: Path) -> None:
    target = tmp_path / "签到表.pdf"
    assert records_ops.write_printout(target, b"%PDF-1.4") == target and target.read_bytes() == b"%PDF-1.4"


def test_a_phone_sign_in_marks_the_person_present(seeded_ctx, seed_session, people) -> None:  # noqa: ANN001
    ids = people(2)
    attendance.set_expected(seeded_ctx, seed_session, person_ids=ids)
    assert records_ops.signin_people_now(seeded_ctx, seed_session) == {ids[0]: "王德伦", ids[1]: "欧阳丽华"}
    store = records_ops.SigninStore(seeded_ctx, seed_session)
    store.record_join(ids[1])
    marks = {r.person_id: r.status for r in attendance.sheet(seeded_ctx, seed_session, "roster")}
    assert marks == {ids[0]: None, ids[1]: "present"}
    with pytest.raises(RuntimeError):
        store.record_answer(1, 2)  # (a sign-in has no questions)
