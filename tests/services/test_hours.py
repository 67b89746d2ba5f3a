"""The 学时台账 through the service: hours per person against the year's target."""

from __future__ import annotations

from studyapp.services import attendance, hours, sessions
from studyapp.services.context import AppContext
from studyapp.services.dto_records import SessionDraft
from studyapp.services.settings import set_setting
from tests.services.conftest import add_people


def test_hours_ledger_with_a_target(ctx: AppContext) -> None:
    ids = add_people(ctx)
    a = sessions.create_session(ctx, SessionDraft(date="2015-04-15", hours=4))
    b = sessions.create_session(ctx, SessionDraft(date="2015-06-01", start_time="14:00", end_time="16:00"))
    sessions.create_session(ctx, SessionDraft(date="2016-01-10", hours=8))  # another year
    for s in (a, b):
        attendance.set_expected(ctx, s.id)
        attendance.mark_all_present(ctx, s.id)
    wdl, czq = ids[("王德伦", "乡党委")], ids[("陈志强", "乡人民政府")]
    attendance.mark(ctx, a.id, czq, "请假", "公差")
    attendance.mark(ctx, b.id, wdl, "出席", hours=1)  # left early: 1 学时 instead of 2
    book = hours.ledger(ctx, 2015, target=6)
    got = {r.display_name: r for r in book.rows}
    assert got["王德伦"].hours == 5 and got["王德伦"].short == 1
    assert got["陈志强"].hours == 2 and got["陈志强"].sessions == 1
    assert got["孙丽"].hours == 6 and got["孙丽"].reached
    assert {r.display_name for r in book.short} == {"王德伦", "陈志强"}
    set_setting(ctx, "hours.ledger_target", 32)
    assert hours.ledger(ctx, 2015).target == 32


def test_each_session_credits_its_own_hours_when_most_share_one_value(ctx: AppContext) -> None:
    """The sums are made in the database with the commonest 学时 as the default and the other
    sessions named: every session still credits its own, an override its own, and a year's
    sessions only."""
    ids = add_people(ctx)
    wdl, czq = ids[("王德伦", "乡党委")], ids[("陈志强", "乡人民政府")]
    common = [sessions.create_session(ctx, SessionDraft(date=f"2016-0{m}-10")) for m in (1, 2, 3)]  # 1 学时 each
    lecture = sessions.create_session(ctx, SessionDraft(date="2016-05-20", hours=4))
    timed = sessions.create_session(ctx, SessionDraft(date="2016-07-01", start_time="14:30", end_time="16:00"))
    outside = sessions.create_session(ctx, SessionDraft(date="2017-01-02", hours=8))
    for s in (*common, lecture, timed, outside):
        attendance.set_expected(ctx, s.id, person_ids=[wdl, czq])
        attendance.mark_all_present(ctx, s.id)
    attendance.mark(ctx, common[0].id, czq, "迟到")  # late still earns the session's 学时
    attendance.mark(ctx, lecture.id, czq, "请假", "公差")  # on leave: nothing…
    attendance.mark(ctx, timed.id, czq, "请假", "补学", hours=1)  # …unless credited by hand
    got = {r.person_id: r for r in hours.ledger(ctx, 2016, target=10).rows}
    assert (got[wdl].hours, got[wdl].sessions) == (3 + 4 + 1.5, 5)
    assert (got[czq].hours, got[czq].sessions) == (3 + 1, 3)
    assert hours.person_hours(ctx, 2016, czq) == {czq: (4.0, 3)}
    assert hours.person_hours(ctx, 2018) == {}
