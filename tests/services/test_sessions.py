"""Study sessions created from study headers."""

from __future__ import annotations

import pytest

from studyapp.core.model import UserError
from studyapp.services import documents, sessions
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto_records import SessionDraft


def test_sessions_are_listed_newest_first(seeded_ctx: AppContext) -> None:
    documents.import_text(seeded_ctx, "通知\n学习时间：2016年5月3日\n学习方式：自学\n一、甲\n内容。")
    documents.import_text(seeded_ctx, "通知二\n学习方式：集中学习\n一、甲\n内容。")  # no date
    listed = sessions.list_sessions(seeded_ctx)
    assert [s.date for s in listed] == ["2016-05-03", "2015-04-15", None]
    assert listed[0].mode == "自学"
    assert sessions.get_session(seeded_ctx, listed[1].id) == listed[1]


def test_document_without_header_makes_no_session(ctx: AppContext) -> None:
    result = documents.import_text(ctx, "通知\n一、甲\n内容。")
    assert result.session_id is None
    assert sessions.list_sessions(ctx) == []


def test_unknown_session(ctx: AppContext) -> None:
    with pytest.raises(NotFoundError, match="学习记录"):
        sessions.get_session(ctx, 42)


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


def test_a_save_from_a_stale_copy_is_a_conflict_and_writes_nothing(seeded_ctx) -> None:
    """Two PCs on one set of records (here two contexts on one data folder): the second save made
    from a copy read before the first one's change is refused, never silently overwriting."""
    from dataclasses import replace

    from studyapp.services.context import AppContext, EditConflict

    ctx = seeded_ctx
    sid = sessions.create_session(ctx, SessionDraft(date="2015-04-15", mode="集中学习", place="二楼会议室")).id
    other = AppContext(ctx.data_dir)
    try:
        mine = sessions.get_session_detail(ctx, sid)
        theirs = sessions.get_session_detail(other, sid)
        assert mine.version == theirs.version
        stored = sessions.update_session(other, sid, replace(sessions.draft_of(theirs), place="三楼会议室"),
                                         expected_version=theirs.version)
        assert stored.version == theirs.version + 1
        with pytest.raises(EditConflict) as info:
            sessions.update_session(ctx, sid, replace(sessions.draft_of(mine), leader="王德伦"),
                                    expected_version=mine.version)
        assert "已被别人" in info.value.message
        now = sessions.get_session_detail(ctx, sid)
        assert (now.place, now.leader) == ("三楼会议室", "")  # theirs kept, mine not written
        # having been asked, the user may put theirs over it
        sessions.update_session(ctx, sid, replace(sessions.draft_of(mine), leader="王德伦"))
        assert sessions.get_session_detail(other, sid).leader == "王德伦"
    finally:
        other.close()


def test_the_list_is_read_a_page_at_a_time(ctx: AppContext) -> None:
    """A county's 2,000 sessions come a page at a time, each row with the counts the whole list
    gives it; a session to be selected further down is read down to; the list names the latest
    session with attendance wherever it is."""
    from studyapp.services import attendance, roster
    from studyapp.services.dto_records import PersonDraft

    made = [sessions.create_session(ctx, SessionDraft(date=f"2020-01-{d:02d}", mode="集中学习")).id
            for d in range(1, 26)]
    person = roster.add_person(ctx, PersonDraft(name="王德伦", unit="乡党委")).id
    attendance.set_expected(ctx, made[3], person_ids=[person])
    whole = sessions.list_sessions(ctx)
    first = sessions.session_page(ctx, 10)
    assert first.infos == whole[:10] and first.total == 25 and first.offset == 0
    assert first.latest_worked == made[3]  # (the 4th oldest: not on the first page)
    assert sessions.session_page(ctx, 10, 20).infos == whole[20:]
    assert sessions.session_page(ctx, 10, through=made[3]).infos == whole[:22]
    assert [s.expected for s in sessions.session_page(ctx, 10, 20).infos] == [0, 1, 0, 0, 0]
    assert sessions.session_page(ctx, 10, through=9999).infos == whole[:10]
