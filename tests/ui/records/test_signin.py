"""手机签到 for any study session: the 考勤 page starts it, a phone (here HTTP on loopback) taps a
name, the person is 出席 at once; a 迟到 already marked stays; closing stops the server."""

from __future__ import annotations

from studyapp.services import attendance
from tests.ui.room.test_phones import call


def test_a_phone_signs_a_person_in(qtbot, records, people, seed_session, settle) -> None:  # noqa: ANN001
    ids = people(4)
    attendance.set_expected(records.ctx, seed_session, person_ids=ids)
    attendance.mark(records.ctx, seed_session, ids[1], "late")
    panel = records.show_page("sessions")
    panel.refresh()
    settle()
    panel.select_session(seed_session)
    settle()
    att = panel.attendance
    dialog = att.phone_signin()
    dialog.address.setCurrentText("127.0.0.1")
    dialog.start_button.click()
    assert dialog.quiz is not None and not dialog.qr.pixmap().isNull()
    url = dialog.quiz.url
    status, listed = call(url, "api/people")
    assert status == 200 and {p["id"] for p in listed["people"]} == set(ids)
    for pid in (ids[0], ids[1]):
        assert call(url, "api/join", {"person": pid})[0] == 200
    marks = {r.person_id: r.status for r in attendance.sheet(records.ctx, seed_session)}
    assert marks[ids[0]] == "present" and marks[ids[1]] == "late" and marks[ids[2]] is None
    qtbot.waitUntil(lambda: "已签到 <b>2</b> / 4" in dialog.status.text(), timeout=3000)
    dialog.reject()
    settle()
    assert dialog.quiz is None
    assert att.statuses()[:4].count("出席") >= 1
