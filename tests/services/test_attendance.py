"""考勤 through the service: who is expected (everyone, a group, then exceptions), and attendance
files taken all or nothing, naming the expected people a file leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.model import UserError
from studyapp.services import attendance, roster, sessions
from studyapp.services.attendance import RowErrors
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonDraft, SessionDraft
from tests.services.conftest import add_people, csv


def test_expected_mark_all_then_exceptions(seeded_ctx: AppContext) -> None:
    ids = add_people(seeded_ctx)
    [seed] = sessions.list_sessions(seeded_ctx)
    assert (seed.expected, seed.present) == (0, 0)
    assert attendance.set_expected(seeded_ctx, seed.id) == 6
    assert attendance.mark_all_present(seeded_ctx, seed.id) == 6
    attendance.mark(seeded_ctx, seed.id, ids[("陈志强", "乡人民政府")], "请假", "下村入户")
    attendance.mark(seeded_ctx, seed.id, ids[("孙丽", "财政所")], "late")
    info = sessions.get_session(seeded_ctx, seed.id)
    assert (info.expected, info.present) == (6, 5)  # 迟到 counts as 实到
    detail = sessions.get_session_detail(seeded_ctx, seed.id)
    assert (detail.counts.leave, detail.counts.late) == (1, 1)
    sheet = attendance.sheet(seeded_ctx, seed.id, "strokes")
    assert sheet[0].name == "王伟"  # 王 4 strokes, 伟 before 德
    with pytest.raises(UserError, match="状态"):
        attendance.mark(seeded_ctx, seed.id, ids[("孙丽", "财政所")], "开会")


def test_expected_from_a_group(ctx: AppContext) -> None:
    roster.add_person(ctx, PersonDraft("王德伦", "乡党委", groups=("党委班子",)))
    roster.add_person(ctx, PersonDraft("孙丽", "财政所"))
    s = sessions.create_session(ctx, SessionDraft(date="2015-05-01"))
    gid = roster.group_id_by_name(ctx, "党委班子")
    assert attendance.set_expected(ctx, s.id, group_id=gid) == 1
    assert [a.name for a in attendance.sheet(ctx, s.id)] == ["王德伦"]


def test_attendance_file_is_all_or_nothing(ctx: AppContext, tmp_path: Path) -> None:
    add_people(ctx)
    s = sessions.create_session(ctx, SessionDraft(date="2015-04-15"))
    bad = csv(tmp_path, "a.csv", "姓名,状态,原因\n王德伦,出席,\n王伟,出席,\n张三,缺席,\n李红梅,开会,\n")
    with pytest.raises(RowErrors) as info:
        attendance.import_attendance(ctx, s.id, bad)
    errors = info.value.errors
    assert errors[0].startswith("第 3 行：名册中有 2 个“王伟”") and "单位" in errors[0]
    assert errors[1] == "第 4 行：名册中没有“张三”，请先在名册中添加"
    assert errors[2].startswith("第 5 行：状态“开会”无效")
    assert sessions.get_session(ctx, s.id).expected == 0  # nothing stored
    good = csv(tmp_path, "b.csv", "姓名,单位,状态,原因\n王德伦,,出席,\n王伟,财政所,请假,外出培训\n王伟,乡党委,迟到,\n")
    result = attendance.import_attendance(ctx, s.id, good)
    assert (result.stored, result.added_expected) == (3, 3)
    info2 = sessions.get_session(ctx, s.id)
    assert (info2.expected, info2.present) == (3, 2)


def test_expected_people_missing_from_the_file_are_named_and_stay_expected(ctx: AppContext, tmp_path: Path) -> None:
    """Issue 10: a file listing only some of the expected is not a shorter 应到; who is missing
    is said by name (with the unit where two share a name)."""
    add_people(ctx)
    s = sessions.create_session(ctx, SessionDraft(date="2015-04-15"))
    attendance.set_expected(ctx, s.id)
    before = sessions.get_session(ctx, s.id).expected
    file = csv(tmp_path, "a.csv", "姓名,单位,状态\n王德伦,,出席\n陈志强,,出席\n李红梅,,请假\n")
    result = attendance.import_attendance(ctx, s.id, file)
    info = sessions.get_session(ctx, s.id)
    assert info.expected == before and result.stored == 3
    assert "王伟（乡党委）" in result.missing and "王伟（财政所）" in result.missing
    assert "王德伦" not in result.missing and len(result.missing) == before - 3
    assert result.missing_message().startswith(f"以下 {before - 3} 人未登记考勤：")


def test_a_mark_over_another_pcs_change_is_refused_naming_it_and_stores_nothing(ctx: AppContext,
                                                                                tmp_path: Path) -> None:
    """Two PCs on one set of records (two contexts on one data folder: the SQLite file, or the
    server when the suite runs on one). Both read the sheet; B marks 王德伦 请假; A's 缺席, made
    from the sheet it read before, is refused with a message naming him and B's mark, and
    nothing of it is stored; A reads again and its mark saves. Every save raises the version."""
    from studyapp.services.context import RecordConflict

    wang = roster.add_person(ctx, PersonDraft("王德伦", "乡党委")).id
    li = roster.add_person(ctx, PersonDraft("李明", "乡党委")).id
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15")).id
    attendance.set_expected(ctx, sid, person_ids=[wang])
    other = AppContext(ctx.data_dir)
    try:
        [mine], [theirs] = attendance.sheet(ctx, sid), attendance.sheet(other, sid)
        assert mine.version == theirs.version == 1
        stored = attendance.mark(other, sid, wang, "leave", "生病", expected_version=theirs.version)
        assert (stored.status, stored.version) == ("leave", 2)
        with pytest.raises(RecordConflict) as info:
            attendance.mark(ctx, sid, wang, "absent", expected_version=mine.version)
        assert info.value.message == ("王德伦的考勤已被别人（另一台电脑或命令行）改为“请假（生病）”（在您打开之后），"
                                      "您记的“缺席”没有保存。请看过别人的修改后再改。")
        assert (info.value.person_id, info.value.current) == (wang, "请假（生病）")
        [now] = attendance.sheet(ctx, sid)
        assert (now.status, now.reason, now.version) == ("leave", "生病", 2)
        again = attendance.mark(ctx, sid, wang, "absent", expected_version=now.version)
        assert (again.status, again.reason, again.version) == ("absent", "", 3)
        assert [(a.status, a.version) for a in attendance.sheet(other, sid)] == [("absent", 3)]

        # someone not on the sheet A read (version 0: no row) whom B marked meanwhile
        attendance.mark(other, sid, li, "late", expected_version=0)
        with pytest.raises(RecordConflict, match="李明的考勤已被别人.*改为“迟到”"):
            attendance.mark(ctx, sid, li, "present", expected_version=0)
        # someone B took off the list since A read them
        attendance.remove_expected(other, sid, [li])
        with pytest.raises(RecordConflict, match="李明已被别人.*移出本次学习会的应到名单"):
            attendance.mark(ctx, sid, li, "present", expected_version=1)
        assert [a.person_id for a in attendance.sheet(ctx, sid)] == [wang]
        # None: the user was shown the other mark and chose to put theirs over it
        assert attendance.mark(ctx, sid, wang, "present", expected_version=None).version == 4
    finally:
        other.close()


def test_an_import_overwrites_knowingly_and_a_sheet_read_before_it_is_refused(ctx: AppContext,
                                                                             tmp_path: Path) -> None:
    """An attendance sheet imported on B is an explicit decision: it writes over A's marks (no
    version checked) and raises their versions, so A's next mark from the sheet it read before
    the import is refused and names the imported mark."""
    from studyapp.services.context import RecordConflict

    wang = roster.add_person(ctx, PersonDraft("王德伦", "乡党委")).id
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15")).id
    attendance.set_expected(ctx, sid, person_ids=[wang])
    [mine] = attendance.sheet(ctx, sid)
    attendance.mark(ctx, sid, wang, "present", expected_version=mine.version)
    other = AppContext(ctx.data_dir)
    try:
        attendance.import_attendance(other, sid, csv(tmp_path, "a.csv", "姓名,状态,原因\n王德伦,请假,外出培训\n"))
    finally:
        other.close()
    with pytest.raises(RecordConflict, match="改为“请假（外出培训）”"):
        attendance.mark(ctx, sid, wang, "late", expected_version=mine.version + 1)
    [now] = attendance.sheet(ctx, sid)
    assert (now.status, now.version) == ("leave", mine.version + 2)


def _two_pcs_on_one_session(ctx: AppContext, names: tuple[str, ...]) -> tuple[int, list[int], AppContext]:
    """A session expecting `names` (in that order), and a second context on the same records
    (another PC: the SQLite file, or the server when the suite runs on one)."""
    ids = [roster.add_person(ctx, PersonDraft(name, "乡党委")).id for name in names]
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15")).id
    attendance.set_expected(ctx, sid, person_ids=ids)
    return sid, ids, AppContext(ctx.data_dir)


def _seen(ctx: AppContext, sid: int) -> dict[int, int]:
    return {a.person_id: a.version for a in attendance.sheet(ctx, sid)}


def _marks(ctx: AppContext, sid: int) -> dict[int, str | None]:
    return {a.person_id: a.status for a in attendance.sheet(ctx, sid)}


def test_removing_someone_another_pc_marked_since_is_refused(ctx: AppContext) -> None:
    """移出名单 from a sheet read before B marked 王德伦 请假: refused, naming him and B's mark;
    nobody is removed. Read again, the removal goes ahead; someone B already removed is simply
    gone (no conflict); without the versions (the command line) it removes whatever is there."""
    from studyapp.services.context import RecordConflict

    sid, (wang, li, zhang), other = _two_pcs_on_one_session(ctx, ("王德伦", "李明", "张华"))
    try:
        seen = _seen(ctx, sid)
        attendance.mark(other, sid, wang, "leave", "生病", expected_version=seen[wang])
        with pytest.raises(RecordConflict) as info:
            attendance.remove_expected(ctx, sid, [wang, li], seen=seen)
        assert info.value.message == ("王德伦的考勤已被改为“请假（生病）”（别人在另一台电脑或命令行上、在您打开之后改的），"
                                      "没有移出名单。请看过别人的修改后再改。")
        assert (info.value.person_id, info.value.current) == (wang, "请假（生病）")
        assert _marks(ctx, sid) == {wang: "leave", li: None, zhang: None}  # (李明 not removed either)
        attendance.remove_expected(ctx, sid, [wang], seen=_seen(ctx, sid))
        assert set(_marks(ctx, sid)) == {li, zhang}
        attendance.remove_expected(other, sid, [li])
        attendance.remove_expected(ctx, sid, [li], seen=seen)  # (already gone: nothing to refuse)
        assert set(_marks(other, sid)) == {zhang}
        attendance.mark(other, sid, zhang, "late")
        attendance.remove_expected(ctx, sid, [zhang])  # None: over whatever is there
        assert _marks(other, sid) == {}
    finally:
        other.close()


def test_replacing_the_expected_list_keeps_what_another_pc_marked_or_added_since(ctx: AppContext) -> None:
    """set_expected(replace=True) from a sheet read before: it would drop 李明, whom B marked
    since, or 张华, whom B added since — refused, nothing changed; read again, it replaces."""
    from studyapp.services.context import RecordConflict

    sid, (wang, li), other = _two_pcs_on_one_session(ctx, ("王德伦", "李明"))
    zhang = roster.add_person(ctx, PersonDraft("张华", "乡党委")).id
    try:
        seen = _seen(ctx, sid)
        attendance.mark(other, sid, li, "absent", expected_version=seen[li])
        with pytest.raises(RecordConflict, match="李明的考勤已被改为“缺席”.*应到名单没有更改"):
            attendance.set_expected(ctx, sid, person_ids=[wang], replace=True, seen=seen)
        assert _marks(ctx, sid) == {wang: None, li: "absent"}
        seen = _seen(ctx, sid)
        attendance.set_expected(other, sid, person_ids=[zhang])
        with pytest.raises(RecordConflict, match="张华已被加入本次学习会的应到名单"):
            attendance.set_expected(ctx, sid, person_ids=[wang], replace=True, seen=seen)
        assert set(_marks(ctx, sid)) == {wang, li, zhang}
        assert attendance.set_expected(ctx, sid, person_ids=[wang], replace=True, seen=_seen(ctx, sid)) == 1
        assert _marks(other, sid) == {wang: None}
    finally:
        other.close()


def test_all_present_from_a_stale_sheet_overwrites_nobody(ctx: AppContext) -> None:
    """全部出席 for the people A's sheet showed unmarked: B marked 王德伦 请假 and removed 张华
    meanwhile — refused, naming both, nobody marked; read again, the rest are marked and B's
    mark stays; A may then choose to put 出席 over B's mark (checked at the version read again)."""
    from studyapp.services.context import RecordConflict

    sid, (wang, li, zhang), other = _two_pcs_on_one_session(ctx, ("王德伦", "李明", "张华"))
    try:
        seen = _seen(ctx, sid)
        attendance.mark(other, sid, wang, "leave", "生病", expected_version=seen[wang])
        attendance.remove_expected(other, sid, [zhang])
        with pytest.raises(RecordConflict) as info:
            attendance.mark_all_present(ctx, sid, seen=seen)
        assert "王德伦的考勤已被改为“请假（生病）”、张华已被移出本次学习会的应到名单" in info.value.message
        assert "全部出席没有保存" in info.value.message
        assert _marks(ctx, sid) == {wang: "leave", li: None}
        now = attendance.sheet(ctx, sid)
        unmarked = {a.person_id: a.version for a in now if a.status is None}
        assert attendance.mark_all_present(ctx, sid, seen=unmarked) == 1
        assert _marks(other, sid) == {wang: "leave", li: "present"}
        # the user, shown B's 请假, puts 出席 over it: at the version read again
        again = {wang: _seen(ctx, sid)[wang]}
        assert attendance.mark_all_present(ctx, sid, seen=again, only_unmarked=False) == 1
        assert _marks(other, sid) == {wang: "present", li: "present"}
        with pytest.raises(RecordConflict):  # (that version is gone now: a third change is caught)
            attendance.mark_all_present(ctx, sid, seen=again, only_unmarked=False)
    finally:
        other.close()


def test_the_bulk_present_write_refuses_a_row_changed_since_it_was_read(ctx: AppContext) -> None:
    """mark_present's one UPDATE for the room checks each row's version as the ORM does for
    one row: a row changed after it was read (here by a statement in the same transaction,
    as another writer would) fails the whole write (EditConflict), nothing stored."""
    from sqlalchemy import select, update

    from studyapp.db.models import StudySession
    from studyapp.db.models_records import Attendance
    from studyapp.services.context import EditConflict

    sid, (wang, li), other = _two_pcs_on_one_session(ctx, ("王德伦", "李明"))
    other.close()
    with pytest.raises(EditConflict), ctx.begin(write=True) as session:
        st = session.get(StudySession, sid)
        assert st is not None
        rows = list(session.scalars(select(Attendance).where(Attendance.session_id == sid)))
        session.execute(update(Attendance.__table__).where(Attendance.__table__.c.person_id == li)
                        .values(status="leave", version=Attendance.__table__.c.version + 1))
        attendance.mark_present(session, ctx.actor, st, rows)
    assert _marks(ctx, sid) == {wang: None, li: None}
