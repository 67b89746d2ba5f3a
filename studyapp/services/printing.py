"""Printed forms from the database: assemble the reports' plain data, call the builders.

The builders (studyapp.reports.forms) never see the database; this module is the one place
that decides what a session's 签到表, 学习记录 and 成绩登记表 show, so the app, the CLI and the
annual archive print the same thing. The unit name in every header is setting org.unit_name.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from sqlalchemy import select

from studyapp.core.model import UserError
from studyapp.core.names import NameOrder
from studyapp.core.stats import fmt_score
from studyapp.db.models import StudySession
from studyapp.db.models_records import Attendance, Person, Score
from studyapp.reports.forms import (
    Absence,
    AnnualArchiveData,
    ArchiveEntry,
    PersonalArchiveData,
    RecordData,
    ScoreRow,
    ScoreSheetData,
    SessionForms,
    SigninData,
    SigninRow,
    build_annual_archive,
    build_personal_archive,
    build_score_sheet,
    build_signin_sheet,
    build_study_record,
    score_sheet_xlsx,
    signin_sheet_xlsx,
)
from studyapp.services import attendance, files, hours, roster, scores, sessions
from studyapp.services.context import AppContext
from studyapp.services.dto_records import STATUS_NAMES, SessionDetail
from studyapp.services.settings import get_setting

log = logging.getLogger("studyapp.records")

FORMS = ("signin", "signin_archive", "record", "scores")


def unit_name(ctx: AppContext) -> str:
    return str(get_setting(ctx, "org.unit_name") or "").strip()


UNIT_MAX = 40


def clean_unit_name(name: str) -> str:
    """The unit's name as it will be stored (spaces folded); UserError (Chinese) for a name no
    form can print. No database: a form checks it before it closes."""
    clean = " ".join(name.split())
    if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in name.replace("\n", "").replace("\t", "")):
        raise UserError("单位名称里有不能打印的控制字符，请重新输入。")
    if len(clean) > UNIT_MAX:
        raise UserError(f"单位名称太长（{len(clean)} 个字），请不超过 {UNIT_MAX} 个字。")
    return clean


def set_unit_name(ctx: AppContext, name: str) -> str:
    """Store the unit that heads every printed form (「某某乡党委」); "" clears it. Returns what
    was stored. UserError (Chinese) for a name no form can print."""
    from studyapp.services.settings import set_setting

    clean = clean_unit_name(name)
    set_setting(ctx, "org.unit_name", clean)
    set_setting(ctx, "org.unit_asked", True)
    return clean


def unit_needs_asking(ctx: AppContext) -> bool:
    """Whether the GUI should ask for the unit (not set, and not asked before)."""
    return not unit_name(ctx) and not bool(get_setting(ctx, "org.unit_asked"))


def unit_asked(ctx: AppContext) -> None:
    """The user chose 以后再说: not asked again (the 设置 menu still has it)."""
    from studyapp.services.settings import set_setting

    set_setting(ctx, "org.unit_asked", True)


def default_order(ctx: AppContext) -> str:
    value = str(get_setting(ctx, "records.print_order") or "roster")
    return value if value in {o.value for o in NameOrder} else NameOrder.ROSTER.value


def _date(detail: SessionDetail) -> dt.date | None:
    return dt.date.fromisoformat(detail.date) if detail.date else None


def meeting_name(detail: SessionDetail) -> str:
    """「《文件》集中学习」, or the session's content and mode when no document is attached."""
    subject = f"《{detail.document_title}》" if detail.document_title else detail.content
    return f"{subject}{detail.mode}" if subject else detail.mode


def _time_text(detail: SessionDetail) -> str:
    return detail.time_text


def signin_data(
    ctx: AppContext, session_id: int, order: NameOrder | str | None = None, blank_rows: int = 0,
    archived: bool = False,
) -> SigninData:
    """签到表: the expected attendees (or, when none are set, everyone active on the roster).

    Blank for signing before the meeting; `archived` gives the copy filed afterwards, with
    请假/缺席/迟到 noted and 实到 counted from the attendance."""
    order = order or default_order(ctx)
    detail = sessions.get_session_detail(ctx, session_id)
    marked = attendance.sheet(ctx, session_id, order)
    present = None
    tally = ""
    if marked:
        rows = []
        for a in marked:
            note = ""
            if a.status in ("leave", "absent", "late"):
                note = "：".join(p for p in (STATUS_NAMES[a.status], a.reason) if p)
            rows.append(SigninRow(a.name, a.unit, a.post, note))
        counted = [a for a in marked if a.status]
        if archived and counted:
            present = sum(1 for a in marked if a.status in ("present", "late"))
            kinds = [(STATUS_NAMES[s], sum(1 for a in marked if a.status == s)) for s in ("leave", "absent", "late")]
            tally = "，".join(f"{name} {n} 人" for name, n in kinds if n)
    else:
        rows = [SigninRow(p.name, p.unit, p.post) for p in roster.list_people(ctx, order)]
    return SigninData(
        title="签到表（存档）" if archived else "签到表",
        archived=archived,
        present=present,
        tally=tally,
        unit=unit_name(ctx),
        meeting=meeting_name(detail),
        date=_date(detail),
        time=_time_text(detail),
        place=detail.place,
        host=detail.host,
        leader=detail.leader,
        rows=rows,
        blank_rows=blank_rows,
    )


def record_data(ctx: AppContext, session_id: int, order: NameOrder | str | None = None) -> RecordData:
    """学习记录: fields, 应到/实到, absentees with reasons, content, discussion, 测试情况, 学时."""
    order = order or default_order(ctx)
    detail = sessions.get_session_detail(ctx, session_id)
    marked = attendance.sheet(ctx, session_id, order)
    # latecomers were there: they count among 实到 and are noted apart, not as 缺席人员
    absences = [
        Absence(a.display_name, STATUS_NAMES[a.status], a.reason)
        for a in marked
        if a.status in ("leave", "absent")
    ]
    late = [a.display_name for a in marked if a.status == "late"]
    test_summary = detail.test_summary
    if not test_summary:
        test_summary = scores.summary_text(scores.session_scores(ctx, session_id),
                                           expected=sessions.get_session(ctx, session_id).expected)
    content_note = detail.content
    if detail.document_title and content_note.strip() in ("", f"《{detail.document_title}》"):
        content_note = ""
    return RecordData(
        unit=unit_name(ctx),
        date=_date(detail),
        time=_time_text(detail),
        mode=detail.mode,
        place=detail.place,
        host=detail.host,
        leader=detail.leader,
        recorder=detail.recorder,
        expected=detail.counts.expected,
        present=detail.counts.attended,
        absences=absences,
        late=late,
        document=f"《{detail.document_title}》" if detail.document_title else "",
        sections=list(detail.section_headings),
        content_note=content_note,
        discussion=detail.summary,
        test_summary=test_summary,
        hours=detail.effective_hours,
    )


def scores_data(ctx: AppContext, session_id: int, order: NameOrder | str | None = None) -> ScoreSheetData:
    """成绩登记表 with the office's pass/excellent lines and whether ranks are shown."""
    order = order or default_order(ctx)
    detail = sessions.get_session_detail(ctx, session_id)
    pass_ratio = float(get_setting(ctx, "records.pass_ratio"))
    excellent_ratio = float(get_setting(ctx, "records.excellent_ratio"))
    result = scores.session_scores(ctx, session_id, order, pass_ratio=pass_ratio,
                                   excellent_ratio=excellent_ratio)
    subject = (
        f"《{detail.document_title}》学习测试" if detail.document_title
        else f"{detail.content or detail.mode}测试"
    )
    # everyone expected is listed: who has no score is 缺考, with the reason of their absence
    scored = {r.person_id: r for r in result.rows}
    rows: list[ScoreRow] = []
    for a in (attendance.sheet(ctx, session_id, order) if scored else ()):  # no scores: no test
        r = scored.pop(a.person_id, None)
        if r is not None:
            rows.append(ScoreRow(r.name, r.unit, r.score, r.note))
        else:
            why = "：".join(p for p in (STATUS_NAMES.get(a.status or "", ""), a.reason) if p)
            rows.append(ScoreRow(a.name, a.unit, None, why))
    # (plain names: the 单位 column tells 王芳 of 司法所 from 王芳 of 财政所, as on the 签到表)
    rows += [ScoreRow(r.name, r.unit, r.score, r.note) for r in scored.values()]
    return ScoreSheetData(
        unit=unit_name(ctx),
        subject=subject,
        date=_date(detail),
        rows=rows,
        full_marks=result.full_marks,
        pass_ratio=pass_ratio,
        excellent_ratio=excellent_ratio,
        show_rank=bool(get_setting(ctx, "records.show_rank")),
        items=[i.stat for i in result.items],
    )


def signin_pdf(ctx: AppContext, session_id: int, order: NameOrder | str | None = None) -> bytes:
    """The 签到表 to pass round: blank for signing."""
    return build_signin_sheet(signin_data(ctx, session_id, order))


def signin_archive_pdf(ctx: AppContext, session_id: int, order: NameOrder | str | None = None) -> bytes:
    """签到表（存档）: the copy filed after the meeting, absences noted and 实到 counted."""
    return build_signin_sheet(signin_data(ctx, session_id, order, archived=True))


def record_pdf(ctx: AppContext, session_id: int, order: NameOrder | str | None = None) -> bytes:
    return build_study_record(record_data(ctx, session_id, order))


def scores_pdf(ctx: AppContext, session_id: int, order: NameOrder | str | None = None) -> bytes:
    return build_score_sheet(scores_data(ctx, session_id, order))


def session_form_pdf(
    ctx: AppContext, form: str, session_id: int, order: NameOrder | str | None = None
) -> bytes:
    """One of FORMS ("signin", "signin_archive", "record", "scores") as PDF bytes."""
    builders = {"signin": signin_pdf, "signin_archive": signin_archive_pdf, "record": record_pdf,
                "scores": scores_pdf}
    return builders[form](ctx, session_id, order)


def signin_xlsx(ctx: AppContext, session_id: int, order: NameOrder | str | None = None,
                archived: bool = False) -> bytes:
    return signin_sheet_xlsx(signin_data(ctx, session_id, order, archived=archived))


def scores_xlsx(ctx: AppContext, session_id: int, order: NameOrder | str | None = None) -> bytes:
    return score_sheet_xlsx(scores_data(ctx, session_id, order))


# ---------------------------------------------------------------------------------- archives


def _session_ids_of_year(ctx: AppContext, year: int) -> list[int]:
    with ctx.begin() as session:
        return list(
            session.scalars(
                select(StudySession.id)
                # (a range of dates: searched on the date's index, where a year extracted from
                # every row was a scan of all sessions ever held)
                .where(StudySession.date >= dt.date(year, 1, 1), StudySession.date < dt.date(year + 1, 1, 1))
                .order_by(StudySession.date, StudySession.start_time, StudySession.id)
            )
        )


def personal_archive_data(ctx: AppContext, person_id: int, year: int) -> PersonalArchiveData:
    """个人学习档案: the person's sessions of the year with 学时 credited and scores."""
    person = roster.get_person(ctx, person_id)
    per_hour = float(get_setting(ctx, "hours.branch_study"))
    ids = _session_ids_of_year(ctx, year)
    with ctx.begin() as session:
        marks = {
            a.session_id: a
            for a in session.scalars(
                select(Attendance).where(Attendance.person_id == person_id, Attendance.session_id.in_(ids))
            )
        }
        got = {
            s.session_id: s
            for s in session.scalars(
                select(Score).where(Score.person_id == person_id, Score.session_id.in_(ids))
            )
        }
    entries = []
    for sid in ids:
        if sid not in marks and sid not in got:
            continue
        detail = sessions.get_session_detail(ctx, sid)
        a = marks.get(sid)
        earned = hours.credited(a.status if a else None, a.hours if a else None,
                                sessions.effective_hours(detail.hours, detail.start_time,
                                                         detail.end_time, per_hour))
        s = got.get(sid)
        score = "" if s is None else (fmt_score(s.score) if s.score is not None else "缺考")
        note = ""
        if a is not None and a.status in ("leave", "absent", "late"):
            note = "：".join(p for p in (STATUS_NAMES[a.status], a.reason) if p)
        content = f"《{detail.document_title}》" if detail.document_title else detail.content
        entries.append(ArchiveEntry(_date(detail), detail.mode, content, earned, score, note))
    return PersonalArchiveData(
        unit=unit_name(ctx), year=year, name=person.name, person_unit=person.unit,
        post=person.post, target_hours=hours.default_target(ctx), entries=entries,
    )


def personal_archive_pdf(ctx: AppContext, person_id: int, year: int) -> bytes:
    return build_personal_archive(personal_archive_data(ctx, person_id, year))


def annual_archive_data(
    ctx: AppContext, year: int, order: NameOrder | str | None = None
) -> AnnualArchiveData:
    """A year's sessions: each 学习记录, plus its 签到表 and 成绩登记表 where there are any."""
    order = order or default_order(ctx)
    forms = []
    for sid in _session_ids_of_year(ctx, year):
        record = record_data(ctx, sid, order)
        signin = signin_data(ctx, sid, order, archived=True) if record.expected else None
        sheet = scores_data(ctx, sid, order)
        forms.append(SessionForms(record, signin, sheet if sheet.rows else None))
    return AnnualArchiveData(unit=unit_name(ctx), year=year, sessions=forms,
                             compiled_on=dt.date.today())


def annual_archive_pdf(ctx: AppContext, year: int, order: NameOrder | str | None = None) -> bytes:
    data = annual_archive_data(ctx, year, order)
    log.info("annual archive %d: %d sessions", year, len(data.sessions))
    return build_annual_archive(data)


def person_ids(ctx: AppContext) -> list[int]:
    with ctx.begin() as session:
        return list(session.scalars(select(Person.id).order_by(Person.sort_no, Person.id)))


# ---------------------------------------------------------------------------------- saving files


def save_audit_xlsx(ctx: AppContext, rows: list[tuple[str, ...]], path: Path) -> Path:
    """The 操作记录 shown (时间、操作人、类别、操作、对象、改动) as a printable .xlsx."""
    from studyapp.reports.forms.excel import audit_xlsx

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    return files.save_bytes(path, audit_xlsx(unit_name(ctx), rows))


def save_audit_pdf(ctx: AppContext, rows: list[tuple[str, ...]], path: Path, scope: str = "") -> Path:
    """The 操作记录 shown as a printed form (PDF), to be signed and filed."""
    from studyapp.reports.forms.audit import build_audit_log

    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return files.save_bytes(path, build_audit_log(unit_name(ctx), rows, scope))
