"""The roster (人员名册): people, groups, and importing a sheet with a preview first.

Import is two steps because offices' sheets are messy: `preview_import` reads and checks the
file and says, line by line, what is wrong and what committing would do; `commit_import` stores
it, all or nothing (a large roster in short chunks that appear together: see IMPORT_CHUNK). A true duplicate (同名同单位) is an error; the same name in another unit
is another person, shown apart as 「姓名（单位）」.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import bindparam, delete, exists, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from studyapp.core.model import Cancelled, CancelToken, ProgressFn, UserError
from studyapp.core.names import NameOrder, clean_name, name_key, order_people, refuse_control
from studyapp.core.roster import ROSTER_COLUMNS, Candidate, parse_roster
from studyapp.core.tables import locate, read_rows
from studyapp.db.models import Setting, now
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
        had = _groups_of(session, [row.id]).get(row.id, ())
        _set_groups(session, row.id, draft.groups)
        if set(had) != {g.strip() for g in draft.groups if g.strip()}:
            # the groups are part of the card: a change of them alone raises its version too, so
            # an editor holding a copy from before is told, not overruled
            flag_modified(row, "name")
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


# A large roster is written in chunks, so that no transaction holds the writer lock for long (an
# answer on another PC waits at most a chunk's time, not the whole import's: 1,500 people in one
# transaction held it for seconds). The import stays all or nothing: new people are first stored
# inactive (not in the roster, in no sign-in list), a chunk per transaction, then one short
# transaction makes them active and applies the changes to people already there — the roster
# changes at one moment, for this PC and every other. What the chunks stored is written down in a
# journal (the setting below) in the same transactions; a failure or a cancel removes it again
# from there, and an import cut off by a power cut or a killed process is removed by the next
# roster import, once its journal has not moved for JOURNAL_STALE_S.
IMPORT_CHUNK = 250  # new people per transaction (a few tens of ms of writing)
JOURNAL = "_state.roster_import"
JOURNAL_STALE_S = 60.0  # a journal not moved for this long belongs to an import that died
_JOURNAL_POLL_S = 0.2
# between two chunks on SQLite, a pause longer than the longest sleep of a waiting writer's busy
# handler (100 ms): it tries again within the pause and gets the lock, instead of missing every
# short gap between chunks for the whole import (PostgreSQL queues the waiters of its lock)
_SQLITE_CHUNK_PAUSE_S = 0.12


def _key(name: str, unit: str) -> tuple[str, str]:
    return name_key(name), unit


def _stored(session: Session) -> dict[tuple[str, str], Person]:
    """Everyone, by folded name and unit (one query, read under the writer lock)."""
    return {_key(p.name, p.unit): p for p in session.scalars(select(Person))}


def _db_now(session: Session) -> dt.datetime:
    """The database's clock (UTC, naive): the same for every PC of a shared database."""
    value = session.scalar(select(func.current_timestamp()))
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    assert isinstance(value, dt.datetime)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def _group_ids(session: Session, names: Iterable[str]) -> tuple[dict[str, int], list[int]]:
    """Ids of the named groups, creating the missing ones: (name → id, ids created)."""
    wanted = list(dict.fromkeys(n for n in names if n))
    if not wanted:
        return {}, []
    have = {g.name: g.id for g in session.scalars(select(PersonGroup).where(PersonGroup.name.in_(wanted)))}
    created = []
    for name in wanted:
        if name not in have:
            group = PersonGroup(name=name, note="")
            session.add(group)
            session.flush()
            have[name] = group.id
            created.append(group.id)
    return have, created


def _clean_groups(groups: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(g.strip() for g in groups if g.strip()))


def _insert_people(session: Session, rows: list[RosterPreviewRow], next_no: float, *,
                   active: bool) -> tuple[list[int], float, list[int]]:
    """Insert `rows` as new people with their groups, in a few statements however many:
    (ids in the order of rows, the next free 排序号, ids of groups created)."""
    if not rows:
        return [], next_no, []
    stamp = now()
    values = []
    for r in rows:
        sort_no = r.sort_no if r.sort_no is not None else next_no
        if r.sort_no is None:
            next_no += 1
        values.append({"name": r.name, "unit": r.unit, "post": r.post, "note": r.note, "active": active,
                       "sort_no": sort_no, "created_at": stamp, "version": 1})
    # (one executemany, then the ids by name and unit, which are unique: an INSERT … RETURNING
    # in file order is one statement per row on SQLite)
    session.execute(insert(Person), values)
    found = {(n, u): i for i, n, u in session.execute(
        select(Person.id, Person.name, Person.unit).where(Person.name.in_({r.name for r in rows})))}
    ids = [found[(r.name, r.unit)] for r in rows]
    groups, created = _group_ids(session, (g for r in rows for g in _clean_groups(r.groups)))
    members = [{"group_id": groups[g], "person_id": pid}
               for r, pid in zip(rows, ids, strict=True) for g in _clean_groups(r.groups)]
    if members:
        session.execute(insert(GroupMember), members)
    return ids, next_no, created


def _apply_to_stored(session: Session, pairs: list[tuple[RosterPreviewRow, Person]]) -> tuple[int, int, int]:
    """Update people already there in the fields the file fills (and reactivate them), in a
    few statements: (updated, unchanged, groups created)."""
    have = _groups_of(session, [p.id for _, p in pairs]) if pairs else {}
    wanted: dict[int, list[str]] = {}
    changes: list[dict[str, object]] = []
    unchanged = 0
    for r, p in pairs:
        post, note = r.post or p.post, r.note or p.note
        sort_no = r.sort_no if r.sort_no is not None else p.sort_no
        add = [g for g in _clean_groups(r.groups) if g not in have.get(p.id, ())
               and g not in wanted.get(p.id, [])]
        if post == p.post and note == p.note and sort_no == p.sort_no and p.active and not add:
            unchanged += 1
            continue
        wanted.setdefault(p.id, []).extend(add)
        changes.append({"pid": p.id, "post": post, "note": note, "sort_no": sort_no})
    table = Person.metadata.tables[Person.__tablename__]
    if changes:
        # (raising the version: an editor holding an older copy of the card is told, not overruled)
        session.execute(
            update(table).where(table.c.id == bindparam("pid")).values(
                post=bindparam("post"), note=bindparam("note"), sort_no=bindparam("sort_no"), active=True,
                version=table.c.version + 1),
            changes)
    groups, created = _group_ids(session, (g for names in wanted.values() for g in names))
    members = [{"group_id": groups[g], "person_id": pid} for pid, names in wanted.items() for g in names]
    if members:
        session.execute(insert(GroupMember), members)
    return len(changes), unchanged, len(created)


def _read_journal(session: Session, token: str) -> Setting:
    row = session.get(Setting, JOURNAL)
    if row is None or not isinstance(row.value, dict) or row.value.get("token") != token:
        # (another PC took it for the journal of a dead import: this one was too slow for it)
        raise UserError("导入名册的时间过长，被另一台电脑当作中断的导入撤销了，名册没有改变。请重新导入。")
    return row


def _write_journal(session: Session, row: Setting, **changes: object) -> None:
    value = dict(row.value)
    value.update(changes, beat=_db_now(session).isoformat())
    row.value = value  # (a new dict: the JSON column sees the change)


def _open_journal(ctx: AppContext, cancel: CancelToken | None) -> str:
    """Start this import's journal; while another roster import runs (another PC), wait for
    it to finish; a journal that has not moved for JOURNAL_STALE_S is a dead import's: undo it
    first. Returns this import's token."""
    token = uuid.uuid4().hex
    while True:
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        with ctx.begin(write=True) as session:
            row = session.get(Setting, JOURNAL)
            if row is None:
                session.add(Setting(name=JOURNAL, value={"token": token, "staged": [], "groups": [],
                                                         "beat": _db_now(session).isoformat()}))
                return token
            stale = _stale(session, row)
            if stale:
                log.warning("undoing a roster import cut off earlier (journal %s)", row.value)
                _write_journal(session, row, token=token)  # taken over: undone below
        if stale:
            _undo(ctx, token)
            continue
        time.sleep(_JOURNAL_POLL_S)


def recover_interrupted_import(ctx: AppContext) -> bool:
    """Undo a roster import cut off by a power cut or a killed program (its journal has not
    moved for JOURNAL_STALE_S): its people were stored inactive, never shown. True if one was.
    Run at start-up and before an import; an import still running elsewhere is left alone."""
    token = uuid.uuid4().hex
    with ctx.begin(write=True) as session:
        row = session.get(Setting, JOURNAL)
        if row is None or not _stale(session, row):
            return False
        log.warning("undoing a roster import cut off earlier (journal %s)", row.value)
        _write_journal(session, row, token=token)  # taken over: undone below
    _undo(ctx, token)
    return True


def _stale(session: Session, row: Setting) -> bool:
    beat = row.value.get("beat") if isinstance(row.value, dict) else None
    if not isinstance(beat, str):
        return True
    return (_db_now(session) - dt.datetime.fromisoformat(beat)).total_seconds() > JOURNAL_STALE_S


def _undo(ctx: AppContext, token: str) -> None:
    """Remove what the journal's chunks stored, a chunk per transaction, then the journal.
    Someone given records meanwhile (attendance marked on another PC) stays, inactive, as
    delete_person would keep them. A failure here leaves the journal for the next import."""
    try:
        while True:
            with ctx.begin(write=True) as session:
                row = session.get(Setting, JOURNAL)
                if row is None or not isinstance(row.value, dict) or row.value.get("token") != token:
                    return
                staged = [int(i) for i in row.value.get("staged", [])]
                if staged:
                    ids, rest = staged[:IMPORT_CHUNK], staged[IMPORT_CHUNK:]
                    used = (exists().where(Attendance.person_id == Person.id)
                            | exists().where(Score.person_id == Person.id)
                            | exists().where(Attempt.person_id == Person.id))
                    session.execute(delete(Person).where(Person.id.in_(ids), Person.active.is_(False), ~used)
                                    .execution_options(synchronize_session=False))
                    _write_journal(session, row, staged=rest)
                    continue
                groups = [int(i) for i in row.value.get("groups", [])]
                if groups:
                    members = select(GroupMember.group_id).where(GroupMember.group_id == PersonGroup.id)
                    session.execute(delete(PersonGroup).where(PersonGroup.id.in_(groups), ~members.exists())
                                    .execution_options(synchronize_session=False))
                session.delete(row)
                return
    except Exception:  # noqa: BLE001 - the import's own error is the one the user is told
        log.exception("could not undo the roster import %s; the next import will", token)


def commit_import(
    ctx: AppContext, preview: RosterPreview, *, skip_invalid: bool = False,
    progress: ProgressFn | None = None, cancel: CancelToken | None = None,
) -> RosterImportResult:
    """Store a previewed roster: all of it or, on any failure or a cancel, nothing.

    With errors in the preview nothing is stored unless `skip_invalid` (the GUI's 「跳过有问题的
    行」); existing people (same name and unit) are updated only in the fields the file fills,
    and reactivated. Lines without 排序号 go after everyone, in file order. Up to IMPORT_CHUNK
    new people are stored in one transaction; more in chunks, made visible together at the end
    (see IMPORT_CHUNK above).
    """
    if preview.errors and not skip_invalid:
        raise UserError(
            f"文件有 {len(preview.errors)} 处问题，未导入任何人员：\n" + "\n".join(preview.errors)
        )
    rows = list({_key(r.name, r.unit): r for r in reversed(preview.rows)}.values())[::-1]  # (once each)
    new = [r for r in rows if r.action == "new"]
    staged: dict[tuple[str, str], int] = {}
    groups_created = 0
    token: str | None = None
    try:
        if len(new) <= IMPORT_CHUNK:
            recover_interrupted_import(ctx)  # (a large one cut off before: its people go first)
        else:
            token = mine = _open_journal(ctx, cancel)
            next_no: float | None = None
            for start in range(0, len(new), IMPORT_CHUNK):
                if start and ctx.engine.dialect.name == "sqlite":
                    time.sleep(_SQLITE_CHUNK_PAUSE_S)
                if progress is not None:
                    progress(start, len(new), f"正在保存名册：{start}/{len(new)} 人…")
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                with ctx.begin(write=True) as session:
                    journal = _read_journal(session, mine)
                    there = {_key(n, u) for n, u in session.execute(select(Person.name, Person.unit))}
                    chunk = [r for r in new[start:start + IMPORT_CHUNK] if _key(r.name, r.unit) not in there]
                    if next_no is None:
                        next_no = _next_sort_no(session)
                    ids, next_no, created = _insert_people(session, chunk, next_no, active=False)
                    staged.update({_key(r.name, r.unit): pid for r, pid in zip(chunk, ids, strict=True)})
                    _write_journal(session, journal, staged=[*journal.value["staged"], *ids],
                                   groups=[*journal.value["groups"], *created])
                groups_created += len(created)
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if progress is not None:
            progress(len(new), len(new), "正在保存名册…")
        with ctx.begin(write=True) as session:  # the switch: one short transaction
            journal_row = _read_journal(session, token) if token is not None else None
            ids = list(staged.values())
            for start in range(0, len(ids), 5000):
                session.execute(update(Person).where(Person.id.in_(ids[start:start + 5000])).values(active=True)
                                .execution_options(synchronize_session=False))
            stored = _stored(session)
            pairs = [(r, stored[k]) for r in rows if (k := _key(r.name, r.unit)) not in staged and k in stored]
            missing = [r for r in rows if (k := _key(r.name, r.unit)) not in staged and k not in stored]
            inserted, _, created = _insert_people(session, missing, _next_sort_no(session), active=True)
            updated, unchanged, made = _apply_to_stored(session, pairs)
            added = len(staged) + len(inserted)
            groups_created += len(created) + made
            audit.record(session, ctx.actor, "名册", f"导入（{preview.source_name}）", "名册", "",
                         f"新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人")
            if journal_row is not None:
                session.delete(journal_row)
    except BaseException:
        if token is not None:
            _undo(ctx, token)
        raise
    log.info("roster import %s: +%d ~%d =%d", preview.source_name, added, updated, unchanged)
    return RosterImportResult(added, updated, unchanged, groups_created, len(preview.errors))


def import_roster(ctx: AppContext, path: Path) -> tuple[RosterPreview, RosterImportResult]:
    """Preview and commit in one go (the CLI); any line error stores nothing."""
    preview = preview_import(ctx, path)
    return preview, commit_import(ctx, preview)
