"""The roster (人员名册): people, groups, and importing a sheet with a preview first.

Import is two steps because offices' sheets are messy: `preview_import` reads and checks the
file and says, line by line, what is wrong and what committing would do; `commit_import` stores
it in one transaction. A true duplicate (同名同单位) is an error; the same name in another unit
is another person, shown apart as 「姓名（单位）」.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from studyapp.core.model import UserError
from studyapp.core.names import NameOrder, clean_name, name_key, order_people, refuse_control
from studyapp.core.roster import ROSTER_COLUMNS, Candidate, parse_roster
from studyapp.core.tables import locate, read_rows
from studyapp.db.models_records import (
    Attendance,
    GroupMember,
    Person,
    PersonGroup,
    Score,
)
from studyapp.db.models_study import Attempt
from studyapp.services import audit
from studyapp.services.context import AppContext, EditConflict, NotFoundError
from studyapp.services.dto_records import (
    GroupView,
    PersonDraft,
    PersonView,
    RosterImportResult,
    RosterPreview,
    RosterPreviewRow,
    display_names,
)

log = logging.getLogger("studyapp.records")


def _groups_of(session: Session, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
    stmt = (
        select(GroupMember.person_id, PersonGroup.name)
        .join(PersonGroup, PersonGroup.id == GroupMember.group_id)
        .order_by(PersonGroup.name)
    )
    if ids is not None:
        stmt = stmt.where(GroupMember.person_id.in_(list(ids)))
    out: dict[int, list[str]] = {}
    for pid, name in session.execute(stmt):
        out.setdefault(pid, []).append(name)
    return {k: tuple(v) for k, v in out.items()}


def views(session: Session, rows: list[Person]) -> list[PersonView]:
    """PersonViews (with groups and namesake-aware display names) inside a transaction."""
    groups = _groups_of(session, [p.id for p in rows])
    shown = display_names([(p.name, p.unit) for p in rows])
    return [
        PersonView(p.id, p.name, p.unit, p.post, p.sort_no, p.note, p.active,
                   groups.get(p.id, ()), d, p.version)
        for p, d in zip(rows, shown, strict=False)
    ]


def candidates(session: Session) -> list[Candidate]:
    """Everyone, for matching names in attendance and score files."""
    return [
        Candidate(p.id, p.name, p.unit, p.active)
        for p in session.scalars(select(Person).order_by(Person.sort_no, Person.id))
    ]


def list_people(
    ctx: AppContext,
    order: NameOrder | str = NameOrder.ROSTER,
    *,
    include_inactive: bool = False,
    group_id: int | None = None,
) -> list[PersonView]:
    """The roster in the office's chosen order (roster / 按姓氏笔画 / pinyin)."""
    with ctx.begin() as session:
        stmt = select(Person).order_by(Person.sort_no, Person.id)
        if not include_inactive:
            stmt = stmt.where(Person.active.is_(True))
        if group_id is not None:
            stmt = stmt.join(GroupMember, GroupMember.person_id == Person.id).where(
                GroupMember.group_id == group_id
            )
        people = views(session, list(session.scalars(stmt)))
    return order_people(people, order)


def get_person(ctx: AppContext, person_id: int) -> PersonView:
    with ctx.begin() as session:
        row = session.get(Person, person_id)
        if row is None:
            raise NotFoundError.of("人员", person_id)
        namesakes = session.scalar(select(func.count()).where(Person.name == row.name)) or 0
        [view] = views(session, [row])
    if namesakes > 1 and row.unit:
        view = replace(view, display_name=f"{row.name}（{row.unit}）")
    return view


def _next_sort_no(session: Session) -> float:
    top = session.scalar(select(func.max(Person.sort_no)))
    return float(top or 0) + 1


def _set_groups(session: Session, person_id: int, names: Iterable[str]) -> int:
    """Make the person's groups exactly `names` (creating missing groups); returns groups created."""
    created = 0
    wanted = [n.strip() for n in names if n.strip()]
    session.execute(delete(GroupMember).where(GroupMember.person_id == person_id))
    for name in dict.fromkeys(wanted):
        group = session.scalar(select(PersonGroup).where(PersonGroup.name == name))
        if group is None:
            group = PersonGroup(name=name, note="")
            session.add(group)
            session.flush()
            created += 1
        session.add(GroupMember(group_id=group.id, person_id=person_id))
    return created


def _check_draft(draft: PersonDraft) -> tuple[str, str]:
    for label, value in (("姓名", draft.name), ("单位", draft.unit), ("职务", draft.post),
                         ("备注", draft.note), ("党小组", "".join(draft.groups))):
        refuse_control(label, value)
    name = clean_name(draft.name)
    if not name:
        raise UserError("姓名不能为空。")
    return name, draft.unit.strip()


def _same_person(session: Session, name: str, unit: str, *, other_than: int | None = None) -> Person | None:
    """The person of that name and unit, the name compared folded (阿依古丽买买提 stored before
    names kept their middle dot is 阿依古丽·买买提)."""
    key = name_key(name)
    for row in session.scalars(select(Person).where(Person.unit == unit)):
        if row.id != other_than and name_key(row.name) == key:
            return row
    return None


def add_person(ctx: AppContext, draft: PersonDraft) -> PersonView:
    """Add one person; a person with the same name and unit already there is refused."""
    name, unit = _check_draft(draft)
    with ctx.begin(write=True) as session:
        if _same_person(session, name, unit) is not None:
            who = f"{name}（{unit}）" if unit else name
            raise UserError(f"名册中已有“{who}”。同名的人员请填写不同的单位加以区分。")
        row = Person(
            name=name, unit=unit, post=draft.post.strip(), note=draft.note.strip(),
            sort_no=draft.sort_no if draft.sort_no is not None else _next_sort_no(session),
            active=draft.active,
        )
        session.add(row)
        session.flush()
        _set_groups(session, row.id, draft.groups)
        person_id = row.id
        audit.record(session, ctx.actor, "名册", "新增", _who(row), "", _card(row), person_id=person_id)
    log.info("added person %d", person_id)
    return get_person(ctx, person_id)


def update_person(ctx: AppContext, person_id: int, draft: PersonDraft, *,
                  expected_version: int | None = None) -> PersonView:
    """Change a person's card. `expected_version` is the version the editor read: a person
    changed since (another PC, the command line) is an EditConflict and nothing is written."""
    name, unit = _check_draft(draft)
    with ctx.begin(write=True) as session:
        row = session.get(Person, person_id)
        if row is None:
            raise NotFoundError.of("人员", person_id)
        if expected_version is not None and row.version != expected_version:
            raise EditConflict(f"“{_who(row)}”在您打开之后已被别人（另一台电脑或命令行）修改过，您的修改没有保存。"
                               "请重新打开名册，看过别人的修改后再改。")
        if _same_person(session, name, unit, other_than=person_id) is not None:
            raise UserError(f"名册中已有“{name}（{unit or '未填单位'}）”，不能重复。")
        before = _card(row)
        row.name, row.unit, row.post, row.note = name, unit, draft.post.strip(), draft.note.strip()
        row.active = draft.active
        if draft.sort_no is not None:
            row.sort_no = draft.sort_no
        _set_groups(session, row.id, draft.groups)
        audit.record(session, ctx.actor, "名册", "修改", _who(row), before, _card(row), person_id=person_id)
    return get_person(ctx, person_id)


def _who(p: Person) -> str:
    return f"{p.name}（{p.unit}）" if p.unit else p.name


def _card(p: Person) -> str:
    """What the 操作记录 shows of a person: name, unit, post, and whether in the roster."""
    return "，".join(x for x in (_who(p), p.post, "" if p.active else "已停用") if x)


def delete_person(ctx: AppContext, person_id: int) -> bool:
    """Delete a person without records; one with attendance, scores or answers of their own
    is deactivated instead (old sign-in sheets must still print their name, and their practice,
    错题本 and reviews must not vanish). Returns True if really deleted."""
    with ctx.begin(write=True) as session:
        row = session.get(Person, person_id)
        if row is None:
            raise NotFoundError.of("人员", person_id)
        used = session.scalar(select(func.count()).where(Attendance.person_id == person_id)) or 0
        used += session.scalar(select(func.count()).where(Score.person_id == person_id)) or 0
        used += session.scalar(select(func.count()).where(Attempt.person_id == person_id)) or 0
        if used:
            audit.record(session, ctx.actor, "名册", "停用", _who(row), _card(row), "已停用（有学习记录，保留）",
                         person_id=person_id)
            row.active = False
            return False
        audit.record(session, ctx.actor, "名册", "删除", _who(row), _card(row), "", person_id=person_id)
        session.delete(row)
        return True


def list_groups(ctx: AppContext) -> list[GroupView]:
    with ctx.begin() as session:
        rows = session.execute(
            select(PersonGroup, func.count(GroupMember.person_id))
            .outerjoin(GroupMember, GroupMember.group_id == PersonGroup.id)
            .group_by(PersonGroup.id)
            .order_by(PersonGroup.name)
        ).all()
        return [GroupView(g.id, g.name, g.note, n) for g, n in rows]


def group_id_by_name(ctx: AppContext, name: str) -> int:
    with ctx.begin() as session:
        gid = session.scalar(select(PersonGroup.id).where(PersonGroup.name == name.strip()))
    if gid is None:
        raise NotFoundError(f"找不到名为“{name}”的分组。")
    return gid


# ---------------------------------------------------------------------------------- import


def preview_import(ctx: AppContext, path: Path) -> RosterPreview:
    """Read and check a roster sheet (.xlsx/.csv); nothing is stored.

    Raises UserError when the file as a whole cannot be used (not a table, empty, no 姓名
    column); line problems come back in `errors`/`warnings`, one Chinese message per line.
    """
    path = Path(path)
    table = locate(read_rows(path), ROSTER_COLUMNS, path.name)
    parsed = parse_roster(table)
    if not parsed.rows and not parsed.errors:
        raise UserError(f"文件“{path.name}”只有表头，没有人员。")
    with ctx.begin() as session:
        stored = {(name_key(p.name), p.unit): p for p in session.scalars(select(Person))}
        groups = _groups_of(session)
    rows: list[RosterPreviewRow] = []
    for r in parsed.rows:
        old = stored.get((name_key(r.name), r.unit))
        if old is None:
            action = "new"
        else:
            same = (
                (not r.post or r.post == old.post)
                and (r.sort_no is None or r.sort_no == old.sort_no)
                and (not r.groups or set(r.groups) <= set(groups.get(old.id, ())))
                and (not r.note or r.note == old.note)
                and old.active
            )
            action = "same" if same else "update"
        rows.append(
            RosterPreviewRow(r.line, r.name, r.unit, r.post, r.sort_no, r.groups, r.note, action,
                             None if old is None else old.id)
        )
    warnings = [m.text for m in parsed.messages if not m.error]
    if table.unknown_headers:
        warnings.append("以下列未导入：" + "、".join(table.unknown_headers))
    errors = [m.text for m in sorted(parsed.errors, key=lambda m: m.line)]
    log.info("roster preview of %s: %d rows, %d errors", path.name, len(rows), len(errors))
    return RosterPreview(path.name, tuple(rows), tuple(errors), tuple(warnings))


def commit_import(
    ctx: AppContext, preview: RosterPreview, *, skip_invalid: bool = False
) -> RosterImportResult:
    """Store a previewed roster in one transaction.

    With errors in the preview nothing is stored unless `skip_invalid` (the GUI's 「跳过有问题的
    行」); existing people (same name and unit) are updated only in the fields the file fills,
    and reactivated. Lines without 排序号 go after everyone, in file order.
    """
    if preview.errors and not skip_invalid:
        raise UserError(
            f"文件有 {len(preview.errors)} 处问题，未导入任何人员：\n" + "\n".join(preview.errors)
        )
    added = updated = unchanged = created = 0
    with ctx.begin(write=True) as session:
        next_no = _next_sort_no(session)
        for r in preview.rows:
            row = _same_person(session, r.name, r.unit)
            if row is None:
                row = Person(name=r.name, unit=r.unit, post=r.post, note=r.note, active=True,
                             sort_no=r.sort_no if r.sort_no is not None else next_no)
                if r.sort_no is None:
                    next_no += 1
                session.add(row)
                session.flush()
                added += 1
                if r.groups:
                    created += _set_groups(session, row.id, r.groups)
                continue
            if r.action == "same":
                unchanged += 1
                continue
            row.post = r.post or row.post
            row.note = r.note or row.note
            row.active = True
            if r.sort_no is not None:
                row.sort_no = r.sort_no
            if r.groups:
                have = set(_groups_of(session, [row.id]).get(row.id, ()))
                created += _set_groups(session, row.id, sorted(have | set(r.groups)))
            updated += 1
        audit.record(session, ctx.actor, "名册", f"导入（{preview.source_name}）", "名册", "",
                     f"新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人")
    log.info("roster import %s: +%d ~%d =%d", preview.source_name, added, updated, unchanged)
    return RosterImportResult(added, updated, unchanged, created, len(preview.errors))


def import_roster(ctx: AppContext, path: Path) -> tuple[RosterPreview, RosterImportResult]:
    """Preview and commit in one go (the CLI); any line error stores nothing."""
    preview = preview_import(ctx, path)
    return preview, commit_import(ctx, preview)
