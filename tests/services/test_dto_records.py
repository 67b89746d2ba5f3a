"""The plain records of the roster, sessions, attendance, scores and 学时: namesakes told apart by
their unit, the Chinese words for actions and statuses, 实到, the time shown, who is short of the
year's target, and the message naming people a file left unmarked."""

from __future__ import annotations

from studyapp.services.dto_records import (
    AttendanceCounts,
    AttendanceRow,
    FileImportResult,
    HoursLedger,
    HoursRow,
    RosterPreview,
    RosterPreviewRow,
    SessionDetail,
    display_names,
)


def test_namesakes_are_told_apart_by_their_unit_and_nobody_else_is() -> None:
    people = [("王伟", "乡党委"), ("王伟", "财政所"), ("孙丽", "财政所"), ("李明", ""), ("李明", "")]
    assert display_names(people) == ["王伟（乡党委）", "王伟（财政所）", "孙丽", "李明", "李明"]
    assert display_names([]) == []


def test_a_roster_preview_counts_what_committing_will_do() -> None:
    def row(n: int, action: str) -> RosterPreviewRow:
        return RosterPreviewRow(n, f"人员{n}", "", "", None, (), "", action)

    preview = RosterPreview("名单.csv", rows=(row(2, "new"), row(3, "new"), row(4, "same")))
    assert preview.ok and preview.counts == {"new": 2, "update": 0, "same": 1}
    assert [r.action_name for r in preview.rows] == ["新增", "新增", "不变"]
    assert row(5, "update").action_name == "更新"
    assert not RosterPreview("名单.csv", errors=("第 3 行：缺少姓名",)).ok


def test_attended_counts_the_late_and_an_unmarked_row_says_so() -> None:
    assert AttendanceCounts(expected=10, present=6, late=2, leave=1, absent=1).attended == 8
    unmarked = AttendanceRow(1, "王德伦", "乡党委", "", 1.0, "王德伦", None, "", None)
    assert unmarked.status_name == "未登记"
    assert AttendanceRow(1, "王德伦", "", "", 1.0, "王德伦", "late", "", None).status_name == "迟到"


def test_a_session_shows_its_time_as_far_as_it_is_known() -> None:
    def detail(start: str | None, end: str | None) -> SessionDetail:
        return SessionDetail(1, "2015-04-15", start, end, "集中学习", "", "", "", "", "", "", None, "", (), (),
                             "", "", None, 1.0, 100.0)

    assert detail("09:00", "11:30").time_text == "09:00—11:30"
    assert detail("09:00", None).time_text == "09:00"
    assert detail(None, None).time_text == ""


def test_the_people_a_file_left_unmarked_are_named() -> None:
    assert FileImportResult(stored=3).missing_message() == ""
    assert FileImportResult(stored=3, missing=("王芳（司法所）", "孙丽")).missing_message() == (
        "以下 2 人未登记考勤：王芳（司法所）、孙丽")


def test_the_ledger_lists_who_is_short_of_the_target() -> None:
    reached = HoursRow(1, "王德伦", "", "", "王德伦", 34.0, 12, 0.0)
    short = HoursRow(2, "孙丽", "", "", "孙丽", 20.0, 8, 12.0)
    ledger = HoursLedger(2026, 32.0, (reached, short))
    assert reached.reached and not short.reached
    assert ledger.short == (short,)
