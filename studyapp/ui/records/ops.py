"""The records' operations (ui/ops.py): every panel of ui/records reads and writes through here,
never through a service itself (tests/ui/test_ops.py keeps it so)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from studyapp.services import (
    attendance,
    audit,
    documents,
    files,
    hours,
    papers,
    phones,
    printing,
    roster,
    scores,
    sessions,
)
from studyapp.services.dto import DocumentInfo, DocumentView, SessionPage
from studyapp.services.dto_records import (
    AttendanceRow,
    FileImportResult,
    GroupView,
    HoursLedger,
    PersonDraft,
    PersonView,
    RosterImportResult,
    RosterPreview,
    SessionDetail,
    SessionDraft,
    SessionScores,
)
from studyapp.services.settings import get_setting, set_setting
from studyapp.ui.ops import Changes, CollectionOp, QueryOp


# reads kept synchronous: a form's starting values ------------------------------------------------
def default_target_now(ctx) -> float:  # noqa: ANN001 - AppContext
    """The year's target the 台账 opens with (a setting)."""
    return hours.default_target(ctx)


def default_order_now(ctx) -> str:  # noqa: ANN001
    """The order printouts start in (a setting)."""
    return printing.default_order(ctx)


def unit_name_now(ctx) -> str:  # noqa: ANN001
    """The unit's name as the printouts head it (a setting)."""
    return printing.unit_name(ctx)


def unit_needs_asking_now(ctx) -> bool:  # noqa: ANN001
    """Whether a printout should offer to fill in the unit's name (not set, never put off)."""
    return printing.unit_needs_asking(ctx)


UNIT_MAX = printing.UNIT_MAX
clean_unit_name = printing.clean_unit_name  # (a check of the typed name, no database)

AUDIT_AREAS = audit.AREAS
AuditView = audit.AuditView


# reads ----------------------------------------------------------------------------------------------
def audit_entries(parent: QObject, area: str | None, limit: int,
                  success: Callable[[list[AuditView]], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: audit.entries(ctx, limit=limit, area=area), success).titled("操作记录")


def export_audit(parent: QObject, rows: list[tuple[str, ...]], path: Path, scope: str, pdf: bool) -> QueryOp:
    """导出操作记录 as a PDF or an Excel workbook (the path written)."""
    def op(ctx, _p, _c):  # noqa: ANN001, ANN202
        if pdf:
            return printing.save_audit_pdf(ctx, rows, path, scope)
        return printing.save_audit_xlsx(ctx, rows, path)
    return QueryOp(parent, op, lambda _p: None).with_progress("导出操作记录", "正在导出操作记录…")

def ledger(parent: QObject, year: int, target: float, order: str,
           success: Callable[[HoursLedger], Any]) -> QueryOp:
    """A year's 学时台账 (at a county's size, a read of the year's attendance: on the worker)."""
    return QueryOp(parent, lambda ctx: hours.ledger(ctx, year, target, order), success).titled("学时台账")


SESSION_PAGE = 100  # 学习会 read at a time: a screenful several times over


def session_list(parent: QObject, success: Callable[[SessionPage], Any], *, offset: int = 0,
                 through: int | None = None, opening: bool = False) -> QueryOp:
    """A page of 学习会 with their attendance counts (a county's 2,000 sessions are read a page
    at a time as the list scrolls; the counts are grouped over the page's sessions only).
    `through`: a session to be selected, read down to it; `opening`: read down to the latest
    session with attendance too (the list opens on it)."""
    def op(ctx):  # noqa: ANN001, ANN202
        page = sessions.session_page(ctx, SESSION_PAGE, offset, through=through)
        latest = page.latest_worked
        if opening and latest is not None and all(s.id != latest for s in page.infos):
            page = sessions.session_page(ctx, SESSION_PAGE, offset, through=latest)
        return page
    return QueryOp(parent, op, success).titled("学习会")


def people(parent: QObject, order: str, include_inactive: bool,
           success: Callable[[list[PersonView]], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: roster.list_people(ctx, order, include_inactive=include_inactive),
                   success).titled("人员名单")


def group_names_now(ctx) -> list[str]:  # noqa: ANN001
    """The roster's groups, offered in the person form before it is shown."""
    return [g.name for g in roster.list_groups(ctx)]


def preview_import(parent: QObject, path: Path, success: Callable[[RosterPreview], Any]) -> QueryOp:
    """Read and check a roster file (nothing stored yet)."""
    return QueryOp(parent, lambda ctx, _p, _c: roster.preview_import(ctx, path), success) \
        .with_progress("导入人员名单", f"正在读取“{path.name}”…")


# printouts: the builders a preview runs on the worker ---------------------------------------------
def personal_archive(ctx, person_id: int, year: int) -> Callable[[str], bytes]:  # noqa: ANN001
    return lambda _order: printing.personal_archive_pdf(ctx, person_id, year)


def annual_archive(ctx, year: int) -> Callable[[str], bytes]:  # noqa: ANN001
    return lambda order: printing.annual_archive_pdf(ctx, year, order or None)


def write_printout(path: Path, data: bytes) -> Path:
    """Write a printout to the chosen file — run on the worker by the preview, which may have no
    database behind it (a paper's preview): no context needed. UserError for a full disk or a
    file another program holds open."""
    return files.save_bytes(path, data)


# writes ---------------------------------------------------------------------------------------------
def store_unit_name(parent: QObject, name: str) -> CollectionOp[str]:
    """单位名称: what heads every printed form (the name stored)."""
    return CollectionOp(parent, lambda ctx: printing.set_unit_name(ctx, name), Changes.of("settings")) \
        .titled("单位名称")


def put_off_unit(parent: QObject) -> CollectionOp[None]:
    """以后再说 / 不再提示: the forms stop offering to fill in the unit's name."""
    return CollectionOp(parent, lambda ctx: printing.unit_asked(ctx), Changes.of("settings")).titled("单位名称")


def store_target(parent: QObject, target: float) -> CollectionOp:
    """设为默认目标."""
    return CollectionOp(parent, lambda ctx: set_setting(ctx, "hours.ledger_target", target),
                        Changes.of("settings")).titled("学时台账")


def save_person(parent: QObject, person_id: int | None, draft: PersonDraft,
                expected_version: int | None = None) -> CollectionOp[PersonView]:
    """The person form's 保存: someone new, or the changes to someone (as read at
    `expected_version`: changed by someone else since, an EditConflict)."""
    def op(ctx):  # noqa: ANN001, ANN202
        if person_id is None:
            return roster.add_person(ctx, draft)
        return roster.update_person(ctx, person_id, draft, expected_version=expected_version)
    return CollectionOp(parent, op, Changes.of("people")).titled("人员")


def person(parent: QObject, person_id: int, success: Callable[[PersonView], Any]) -> QueryOp:
    """One person as stored now (重新载入 after another PC changed the card)."""
    return QueryOp(parent, lambda ctx: roster.get_person(ctx, person_id), success).titled("人员名单")


def delete_person(parent: QObject, person_id: int) -> CollectionOp[bool]:
    """Delete someone, or — with attendance or scores on record — deactivate (False)."""
    return CollectionOp(parent, lambda ctx: roster.delete_person(ctx, person_id), Changes.of("people")) \
        .titled("删除人员")


def commit_import(parent: QObject, preview: RosterPreview, skip_invalid: bool) -> CollectionOp[RosterImportResult]:
    return CollectionOp(parent, lambda ctx, progress, cancel: roster.commit_import(
        ctx, preview, skip_invalid=skip_invalid, progress=progress, cancel=cancel),
                        Changes.of("people")).with_progress("导入人员名单", "正在导入人员…")


# 考勤 (attendance.py) -------------------------------------------------------------------------------
def attendance_sheet(parent: QObject, session_id: int, order: str,
                     success: Callable[[list[AttendanceRow]], Any]) -> QueryOp:
    """A session's expected attendees with their marks."""
    return QueryOp(parent, lambda ctx: attendance.sheet(ctx, session_id, order), success).titled("考勤")


def groups(parent: QObject, success: Callable[[list[GroupView]], Any]) -> QueryOp:
    """The roster's groups, to choose who is expected."""
    return QueryOp(parent, lambda ctx: roster.list_groups(ctx), success).titled("考勤")


def mark(parent: QObject, session_id: int, person_id: int, status: str, reason: str,
         hours_: float | None, expected_version: int | None = None) -> CollectionOp[AttendanceRow]:
    """One person's mark (the row as stored). `expected_version`: the row's version the sheet
    read (changed by someone else since: a RecordConflict, nothing stored; None: over it)."""
    return CollectionOp(parent, lambda ctx: attendance.mark(ctx, session_id, person_id, status, reason, hours_,
                                                            expected_version=expected_version),
                        Changes.of("records")).titled("考勤")


def set_expected(parent: QObject, session_id: int, group_id: int | None) -> CollectionOp[int]:
    """加入应到名单: everyone active, or a group (how many are expected now)."""
    return CollectionOp(parent, lambda ctx: attendance.set_expected(ctx, session_id, group_id=group_id),
                        Changes.of("records")).titled("考勤")


def mark_all_present(parent: QObject, session_id: int, expect_everyone: bool,
                     seen: dict[int, int] | None = None, *, only_unmarked: bool = True) -> CollectionOp[int]:
    """全部出席: everyone not yet marked (first everyone active, when nobody is expected yet).
    `seen`: the people the sheet showed unmarked, at the versions it read (someone else's
    change since: a RecordConflict, nobody marked); with `only_unmarked` off, those people
    whatever they are marked now (the user chose to put 出席 over another PC's marks)."""
    def op(ctx):  # noqa: ANN001, ANN202
        if expect_everyone:
            attendance.set_expected(ctx, session_id)
        return attendance.mark_all_present(ctx, session_id, only_unmarked=only_unmarked, seen=seen)
    return CollectionOp(parent, op, Changes.of("records")).titled("考勤")


def remove_expected(parent: QObject, session_id: int, person_id: int,
                    version: int | None = None) -> CollectionOp[None]:
    """移出名单. `version`: the person's row as the sheet read it (changed by someone else since:
    a RecordConflict, nobody removed; None: whatever it is now)."""
    seen = {person_id: version} if version is not None else None
    return CollectionOp(parent, lambda ctx: attendance.remove_expected(ctx, session_id, [person_id], seen=seen),
                        Changes.of("records")).titled("考勤")


def import_attendance(parent: QObject, session_id: int, path: Path) -> CollectionOp[FileImportResult]:
    """An attendance sheet, all or nothing."""
    return CollectionOp(parent, lambda ctx, _p, _c: attendance.import_attendance(ctx, session_id, path),
                        Changes.of("records")).with_progress("导入考勤", f"正在导入“{path.name}”…")


# 成绩 (scores.py) -------------------------------------------------------------------------------------
history_text = audit.history_text  # (how a changed score's history reads in its tooltip: no database)


@dataclass(frozen=True)
class ScoreSheet:
    """What the 成绩 tab shows: the scores with their statistics, everyone expected, and the
    history of each score changed after it was first recorded."""

    result: SessionScores
    expected: list[AttendanceRow] = field(default_factory=list)
    histories: dict = field(default_factory=dict)


def _session_scores(ctx, session_id: int, order: str) -> SessionScores:  # noqa: ANN001
    return scores.session_scores(ctx, session_id, order,
                                 pass_ratio=float(get_setting(ctx, "records.pass_ratio")),
                                 excellent_ratio=float(get_setting(ctx, "records.excellent_ratio")))


def score_sheet(parent: QObject, session_id: int, order: str, success: Callable[[ScoreSheet], Any]) -> QueryOp:
    def op(ctx):  # noqa: ANN001, ANN202
        return ScoreSheet(_session_scores(ctx, session_id, order), attendance.sheet(ctx, session_id, order),
                          audit.score_histories(ctx, session_id))
    return QueryOp(parent, op, success).titled("成绩")


def session_scores(parent: QObject, session_id: int, order: str, success: Callable[[SessionScores], Any]) -> QueryOp:
    """The scores again, with ranks and statistics, after one was typed."""
    return QueryOp(parent, lambda ctx: _session_scores(ctx, session_id, order), success).titled("成绩")


def store_score(parent: QObject, session_id: int, person_id: int, value: float | None, note: str,
                clear: bool, expected_version: int | None = None) -> CollectionOp[None]:
    """One typed score (None: 缺考) with its note, or — cleared, without a note — none at all.
    `expected_version`: the score's version the sheet read (0: none; changed by someone else
    since: a RecordConflict, nothing stored; None: over whatever is there)."""
    def op(ctx):  # noqa: ANN001, ANN202
        if clear:
            scores.clear_score(ctx, session_id, person_id, expected_version=expected_version)
        else:
            scores.set_score(ctx, session_id, person_id, value, note, expected_version=expected_version)
    return CollectionOp(parent, op, Changes.of("records")).titled("成绩")


def import_scores(parent: QObject, session_id: int, path: Path) -> CollectionOp[FileImportResult]:
    """A score sheet, all or nothing."""
    return CollectionOp(parent, lambda ctx, _p, _c: scores.import_scores(ctx, session_id, path),
                        Changes.of("records")).with_progress("导入成绩", f"正在导入“{path.name}”…")


# 学习会 (sessions.py) ----------------------------------------------------------------------------------
parse_session_date = sessions.parse_session_date  # (the date as typed: no database)


def document_list(parent: QObject, success: Callable[[list[DocumentInfo]], Any]) -> QueryOp:
    """The 文件库, for the document a session studied."""
    return QueryOp(parent, lambda ctx: documents.list_documents(ctx), success).titled("学习会")


def document(parent: QObject, document_id: int, success: Callable[[DocumentView], Any]) -> QueryOp:
    """A document with its sections, to choose the parts a session studied."""
    return QueryOp(parent, lambda ctx: documents.get_document(ctx, document_id), success).titled("选择学习章节")


def session_detail(parent: QObject, session_id: int, success: Callable[[SessionDetail], Any]) -> QueryOp:
    return QueryOp(parent, lambda ctx: sessions.get_session_detail(ctx, session_id), success).titled("学习会")


def save_session(parent: QObject, session_id: int | None, draft: SessionDraft,
                 expected_version: int | None = None) -> CollectionOp[SessionDetail]:
    """The 学习记录 form's 保存: a new session, or the changes to one (the session as stored).
    `expected_version`: the version the form read (a session changed since is an EditConflict);
    None overwrites."""
    def op(ctx):  # noqa: ANN001, ANN202
        if session_id is None:
            return sessions.create_session(ctx, draft)
        return sessions.update_session(ctx, session_id, draft, expected_version=expected_version)
    return CollectionOp(parent, op, Changes.of("records")).titled("学习会")


def delete_session(parent: QObject, session_id: int) -> CollectionOp[None]:
    """A session with its attendance and scores."""
    return CollectionOp(parent, lambda ctx: sessions.delete_session(ctx, session_id), Changes.of("records")) \
        .titled("删除学习会")


def session_form(ctx, form: str, session_id: int) -> tuple[Callable[[str], bytes], Callable[[str], bytes] | None]:  # noqa: ANN001
    """签到表 / 学习记录 / 成绩登记表 of a session: the PDF builder a preview runs on the worker, and
    the Excel builder of the same table where it is one."""
    def pdf(order: str) -> bytes:
        return printing.session_form_pdf(ctx, form, session_id, order or None)

    xlsx: Callable[[str], bytes] | None = None
    if form in ("signin", "signin_archive"):
        xlsx = lambda order: printing.signin_xlsx(ctx, session_id, order, archived=form == "signin_archive")  # noqa: E731
    elif form == "scores":
        xlsx = lambda order: printing.scores_xlsx(ctx, session_id, order)  # noqa: E731
    return pdf, xlsx


# 组卷打印 (paper.py) ------------------------------------------------------------------------------------
def documents_now(ctx) -> list[DocumentInfo]:  # noqa: ANN001
    """The 文件库 the 组卷 dialog opens with (its starting values: a short read)."""
    return documents.list_documents(ctx)


def paper_minutes_now(ctx) -> int:  # noqa: ANN001
    """The exam time a paper starts with (a setting)."""
    return int(get_setting(ctx, "paper.minutes") or 60)


def available_counts(parent: QObject, document_id: int, success: Callable[[dict[str, int]], Any]) -> QueryOp:
    """Approved questions of a document per type, shown beside the counts asked for."""
    return QueryOp(parent, lambda ctx: papers.available_counts(ctx, document_id), success).titled("组卷打印")


def make_papers(parent: QObject, document_id: int, seed: int, variants: tuple[str, ...], minutes: int,
                blueprint: tuple[tuple[str, int, float], ...], success: Callable[[list], Any]) -> QueryOp:
    """The one selection of questions the 试卷 and its 参考答案 are both rendered from."""
    return QueryOp(parent, lambda ctx: papers.make_papers(ctx, document_id, seed=seed, variants=variants,
                                                          minutes=minutes, blueprint=blueprint),
                   success).titled("组卷打印").quietly()


def paper_builders(ctx, made: list, answer_sheets: bool) -> tuple[Callable[[str], bytes], Callable[[str], bytes]]:  # noqa: ANN001
    """The builders the two previews run on the worker: the 试卷 (with its 答题卡) and the key."""
    return (lambda _order: papers.paper_pdf(ctx, made, answer_sheets=answer_sheets),
            lambda _order: papers.key_pdf(ctx, made))


# 手机签到 (studyapp.lan serves the phones; these are its doors to the database) -------------------------
def signin_people_now(ctx, session_id: int) -> dict[int, str]:  # noqa: ANN001
    """Who may sign in on a phone: the session's expected attendees (id → name as listed)."""
    return {p.person_id: p.name for p in phones.signin_people(ctx, session_id)}


class SigninStore:
    """The sign-in server's store: a join marks the person 出席 at once (one short transaction
    on the server's writer thread)."""

    def __init__(self, ctx, session_id: int) -> None:  # noqa: ANN001
        self.ctx, self.session_id = ctx, session_id

    def record_join(self, person_id: int) -> None:
        phones.sign_in(self.ctx, self.session_id, person_id)

    def record_answer(self, *_args: object) -> None:
        raise RuntimeError("手机签到没有试题")
