"""Printed forms assembled from the database: unit header, attendance, hours, archives."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from studyapp.services import attendance, printing, roster, scores, sessions
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonDraft, SessionDraft
from studyapp.services.settings import set_setting
from tests.services.conftest import add_people

UNIT = "遵义县龙坑乡人民政府"


def text_of(pdf: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return "".join(out.split())


@pytest.fixture
def office(seeded_ctx: AppContext) -> tuple[AppContext, int, list[int]]:
    set_setting(seeded_ctx, "org.unit_name", UNIT)
    ids = [roster.add_person(seeded_ctx, PersonDraft(n, u, p)).id for n, u, p in
           [("王德伦", "乡党委", "党委书记"), ("陈志强", "乡人民政府", "乡长"), ("李红梅", "乡党委", "副书记")]]
    [seed] = sessions.list_sessions(seeded_ctx)
    attendance.set_expected(seeded_ctx, seed.id)
    attendance.mark_all_present(seeded_ctx, seed.id)
    attendance.mark(seeded_ctx, seed.id, ids[1], "请假", "参加县里会议")
    scores.set_score(seeded_ctx, seed.id, ids[0], 92)
    scores.set_score(seeded_ctx, seed.id, ids[2], 81.5)
    return seeded_ctx, seed.id, ids


def test_signin_lists_expected_with_leave_note(office) -> None:
    ctx, sid, _ = office
    data = printing.signin_data(ctx, sid, "roster")
    assert [r.name for r in data.rows] == ["王德伦", "陈志强", "李红梅"]
    assert data.rows[1].note == "请假：参加县里会议"
    text = text_of(printing.signin_pdf(ctx, sid))
    assert UNIT in text and "应到3人" in text and "《中共遵义市委关于全面推进依法治市的实施意见》集中学习" in text


def test_signin_without_expected_uses_the_roster(seeded_ctx: AppContext) -> None:
    roster.add_person(seeded_ctx, PersonDraft("孙丽", "财政所"))
    [seed] = sessions.list_sessions(seeded_ctx)
    assert [r.name for r in printing.signin_data(seeded_ctx, seed.id).rows] == ["孙丽"]


def test_record_fields(office) -> None:
    ctx, sid, _ = office
    data = printing.record_data(ctx, sid)
    assert (data.expected, data.present, data.leader) == (3, 2, "王德伦")
    assert data.absences[0].name == "陈志强" and data.absences[0].reason == "参加县里会议"
    assert "平均分 86.8" in data.test_summary  # 86.75 rounded half up
    assert data.hours == 1.0


def test_scores_sheet_follows_settings(office) -> None:
    ctx, sid, _ = office
    set_setting(ctx, "records.show_rank", False)
    set_setting(ctx, "records.excellent_ratio", 0.9)
    data = printing.scores_data(ctx, sid)
    assert not data.show_rank and data.excellent_ratio == 0.9
    # everyone expected is listed; 陈志强 was on leave: 缺考, with the reason
    assert [r.score for r in data.rows] == [92, None, 81.5]
    assert data.rows[1].name == "陈志强" and data.rows[1].note == "请假：参加县里会议"
    assert printing.scores_xlsx(ctx, sid)[:2] == b"PK"


def test_personal_and_annual_archives(office) -> None:
    ctx, _, ids = office
    other = sessions.create_session(ctx, SessionDraft(date="2015年6月1日", mode="专题辅导", hours=4,
                                                      content="宪法专题讲座"))
    attendance.mark(ctx, other.id, ids[0], "出席")
    personal = printing.personal_archive_data(ctx, ids[0], 2015)
    assert [e.hours for e in personal.entries] == [1.0, 4.0]
    assert personal.entries[0].score == "92" and personal.target_hours == 32
    text = text_of(printing.personal_archive_pdf(ctx, ids[0], 2015))
    assert "个人学习档案" in text and "王德伦" in text and "尚差27学时" in text
    leave = printing.personal_archive_data(ctx, ids[1], 2015)
    assert leave.entries[0].hours == 0 and leave.entries[0].note == "请假：参加县里会议"
    annual = printing.annual_archive_data(ctx, 2015)
    assert len(annual.sessions) == 2
    assert annual.sessions[0].signin is not None and annual.sessions[0].scores is not None
    assert annual.sessions[1].scores is None
    text = text_of(printing.annual_archive_pdf(ctx, 2015))
    assert "学习记录汇编" in text and "宪法专题讲座" in text and "目录" in text


def test_a_latecomer_is_present_and_noted_apart(office) -> None:
    """Issue 10: latecomers were listed among 缺席人员. They count among 实到, noted apart."""
    ctx, sid, ids = office
    attendance.mark(ctx, sid, ids[2], "迟到", "")
    data = printing.record_data(ctx, sid)
    assert [a.name for a in data.absences] == ["陈志强"] and data.late == ["李红梅"]
    assert (data.expected, data.present) == (3, 2)
    text = text_of(printing.record_pdf(ctx, sid))
    assert "实到2人（其中迟到" in text and "1人：李红梅）" in text  # the cell wraps


def test_signin_sheet_blank_before_the_meeting_archived_after(seeded_ctx: AppContext, tmp_path: Path) -> None:
    """Issue 10: the sheet passed round is blank for signing; the filed copy notes absences."""
    import io

    from pypdf import PdfReader

    from studyapp.services import printing

    ids = add_people(seeded_ctx)
    [seed] = sessions.list_sessions(seeded_ctx)
    attendance.set_expected(seeded_ctx, seed.id)
    attendance.mark_all_present(seeded_ctx, seed.id)
    attendance.mark(seeded_ctx, seed.id, ids[("陈志强", "乡人民政府")], "请假", "下村入户")
    attendance.mark(seeded_ctx, seed.id, ids[("李红梅", "乡党委")], "absent")
    attendance.mark(seeded_ctx, seed.id, ids[("孙丽", "财政所")], "late")

    def text(data: bytes) -> str:
        return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).replace(" ", "")

    blank = text(printing.session_form_pdf(seeded_ctx, "signin", seed.id))
    assert "请假" not in blank and "缺席" not in blank and "下村入户" not in blank
    assert "应到6人，实到________人" in blank and "存档" not in blank
    filed = text(printing.session_form_pdf(seeded_ctx, "signin_archive", seed.id))
    assert "签到表（存档）" in filed and "请假：下村入户" in filed and "缺席" in filed and "迟到" in filed
    assert "应到6人，实到4人（请假1人，缺席1人，迟到1人）" in filed
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(printing.signin_xlsx(seeded_ctx, seed.id))).active
    assert not any("请假" in str(c.value) for row in sheet.iter_rows() for c in row if c.value)


def test_score_counts_agree_between_the_sheet_the_record_and_the_cli(seeded_ctx: AppContext) -> None:
    """应考 is everyone expected: the 学习记录's 测试情况 says what the 成绩登记表 prints."""
    from studyapp.services import printing

    ids = add_people(seeded_ctx)
    [seed] = sessions.list_sessions(seeded_ctx)
    attendance.set_expected(seeded_ctx, seed.id)
    scores.set_score(seeded_ctx, seed.id, ids[("王德伦", "乡党委")], 95)
    scores.set_score(seeded_ctx, seed.id, ids[("王伟", "财政所")], 70)
    sheet = printing.scores_data(seeded_ctx, seed.id)
    assert len(sheet.rows) == 6 and sum(r.score is None for r in sheet.rows) == 4
    record = printing.record_data(seeded_ctx, seed.id)
    assert "应考 6 人，实考 2 人，缺考 4 人" in record.test_summary
    assert [r.name for r in sheet.rows].count("王伟") == 2  # plain names; the 单位 column tells them apart
