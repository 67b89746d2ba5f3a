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
