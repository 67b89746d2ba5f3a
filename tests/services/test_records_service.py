"""Sessions, attendance, scores and the 学时台账, through the services."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.model import UserError
from studyapp.services import attendance, documents, hours, roster, scores, sessions
from studyapp.services.attendance import RowErrors
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto_records import PersonDraft, SessionDraft
from studyapp.services.settings import set_setting

PEOPLE = [("王德伦", "乡党委"), ("陈志强", "乡人民政府"), ("李红梅", "乡党委"),
          ("王伟", "乡党委"), ("王伟", "财政所"), ("孙丽", "财政所")]


def add_people(ctx: AppContext) -> dict[tuple[str, str], int]:
    return {(n, u): roster.add_person(ctx, PersonDraft(n, u)).id for n, u in PEOPLE}


def csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("written", ["2015.4.15", "2015年4月15日", "2015-04-15", "二〇一五年四月十五日"])
def test_session_dates_in_office_styles(ctx: AppContext, written: str) -> None:
    s = sessions.create_session(ctx, SessionDraft(date=written, mode="专题辅导"))
    assert s.date == "2015-04-15"


def test_session_create_update_delete(seeded_ctx: AppContext, seed_id: int) -> None:
    doc = documents.get_document(seeded_ctx, seed_id)
    parts = [s.id for s in doc.sections if s.depth == 0][:2]
    s = sessions.create_session(seeded_ctx, SessionDraft(
        date="2016年3月1日", start_time="9:00", end_time="11:30", mode="研讨交流", place="党员活动室",
        host="陈志强", leader="王德伦", recorder="吴海燕", document_id=seed_id,
        section_ids=tuple(reversed(parts)), summary="王德伦：要带头学法。\n李红梅：要抓好落实。"))
    assert s.effective_hours == 2.5  # 2½ hours at 1 学时 per hour
    assert s.section_headings[0].startswith("一、")  # reading order, whatever the input order
    assert s.document_title.startswith("中共遵义市委")
    from dataclasses import replace

    s2 = sessions.update_session(seeded_ctx, s.id, replace(sessions.draft_of(s), hours=4))
    assert s2.effective_hours == 4 and s2.summary.startswith("王德伦")
    sessions.delete_session(seeded_ctx, s.id)
    with pytest.raises(NotFoundError):
        sessions.get_session(seeded_ctx, s.id)


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (SessionDraft(date="上周三"), "无法识别日期"),
        (SessionDraft(start_time="25:00"), "开始时间"),
        (SessionDraft(start_time="10:00", end_time="9:00"), "应晚于"),
        (SessionDraft(mode=""), "学习方式"),
        (SessionDraft(section_ids=(1,)), "学习文件"),
    ],
)
def test_session_bad_input(ctx: AppContext, draft: SessionDraft, message: str) -> None:
    with pytest.raises(UserError, match=message):
        sessions.create_session(ctx, draft)


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


def test_scores_stats_and_all_or_nothing(ctx: AppContext, tmp_path: Path) -> None:
    add_people(ctx)
    s = sessions.create_session(ctx, SessionDraft(date="2015-04-15"))
    bad = csv(tmp_path, "s.csv", "姓名,得分\n王德伦,95\n陈志强,abc\n李红梅,120\n")
    with pytest.raises(RowErrors) as info:
        scores.import_scores(ctx, s.id, bad)
    assert [e[:5] for e in info.value.errors] == ["第 3 行", "第 4 行"]
    assert scores.session_scores(ctx, s.id).rows == ()
    good = csv(tmp_path, "g.csv", "姓名,单位,得分\n王德伦,,95\n陈志强,,80\n李红梅,,80\n孙丽,,缺考\n王伟,财政所,55\n")
    assert scores.import_scores(ctx, s.id, good).stored == 5
    result = scores.session_scores(ctx, s.id)
    st = result.stats
    assert (st.count, st.mean, st.highest, st.lowest) == (4, 77.5, 95, 55)
    assert st.pass_rate == 0.75 and st.excellent_rate == 0.25
    by_name = {r.display_name: r for r in result.rows}
    assert by_name["陈志强"].rank == by_name["李红梅"].rank == 2 and by_name["王伟"].rank == 4
    assert by_name["孙丽"].score is None and by_name["孙丽"].rank is None
    assert "应考 5 人，实考 4 人，缺考 1 人" in scores.summary_text(result)


def test_item_analysis_from_per_question_answers(ctx: AppContext) -> None:
    s = sessions.create_session(ctx, SessionDraft(date="2015-04-15"))
    for i in range(12):
        p = roster.add_person(ctx, PersonDraft(f"人员{i}", "乡政府"))
        good = i >= 6
        # question 7 is missed by the strong and got by the weak: a suspicious item
        answers = [{"q": 1, "r": 1 if good else 0}, {"q": 7, "r": 0 if good else 1}]
        scores.set_score(ctx, s.id, p.id, 90 if good else 50, answers=answers)
    items = scores.session_scores(ctx, s.id).items
    assert [i.question_id for i in items] == [1, 7]
    assert items[0].stat.discrimination == 1.0
    assert items[1].stat.needs_review and "负区分度" in items[1].stat.flags[0]


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


def test_every_change_to_a_score_is_in_the_audit_log(seeded_ctx) -> None:
    """成绩 86 typed, changed to 90, a quiz kept out, the cell cleared: the 操作记录 lists each
    change with its before and after, and the score's history reads in order."""
    from studyapp.services import audit, roster, scores, sessions
    from studyapp.services.dto_records import PersonDraft, SessionDraft

    ctx = seeded_ctx
    st = sessions.create_session(ctx, SessionDraft(date="2025-03-03", content="依法治市")).id
    pid = roster.add_person(ctx, PersonDraft(name="王德伦", unit="乡党委")).id
    scores.set_score(ctx, st, pid, 86)
    scores.set_score(ctx, st, pid, 86)  # (the same value again: nothing to log)
    scores.set_score(ctx, st, pid, 90)
    scores.set_score(ctx, st, pid, None)
    scores.clear_score(ctx, st, pid)
    history = audit.score_histories(ctx, st)[pid]
    assert [(h.action, h.old, h.new) for h in history] == [
        ("录入", "", "86 分"), ("修改", "86 分", "90 分"), ("修改", "90 分", "缺考"), ("删除", "缺考", "")]
    assert all(h.actor == "本机" and "王德伦（乡党委）" in h.target and "2025-03-03" in h.target for h in history)
    assert "86 分 → 90 分" in audit.history_text(history)
    newest = audit.entries(ctx, limit=10)
    assert newest[0].action == "删除" and any(e.area == "名册" and e.action == "新增" for e in newest)
