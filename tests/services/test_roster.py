"""Roster import: preview with row-by-row messages, commit, broken files, namesakes, ordering."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from studyapp.core.model import UserError
from studyapp.services import roster
from studyapp.services.context import AppContext
from studyapp.services.dto_records import PersonDraft


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ROSTER_CSV = """龙坑乡干部名册,,,,
姓 名,单位/部门,职务,排序号,分组
王德伦,乡党委,党委书记,1,党委班子
陈志强,乡人民政府,乡长,2,党委班子
李红梅,乡党委,党委副书记,3,
王伟,乡党委,组织干事,4,
王伟,财政所,会计,5,
"""


def test_preview_then_commit_with_a_title_row_and_flexible_headers(ctx: AppContext, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "名册.csv", ROSTER_CSV)
    preview = roster.preview_import(ctx, path)
    assert preview.ok and preview.counts == {"new": 5, "update": 0, "same": 0}
    assert roster.list_people(ctx) == []  # a preview stores nothing
    assert any("同名不同单位" in w for w in preview.warnings)
    result = roster.commit_import(ctx, preview)
    assert (result.added, result.groups_created) == (5, 1)
    people = roster.list_people(ctx)
    assert [p.name for p in people] == ["王德伦", "陈志强", "李红梅", "王伟", "王伟"]
    assert [p.display_name for p in people][-2:] == ["王伟（乡党委）", "王伟（财政所）"]
    assert people[0].groups == ("党委班子",) and people[0].post == "党委书记"
    # importing again changes nothing
    again = roster.preview_import(ctx, path)
    assert again.counts == {"new": 0, "update": 0, "same": 5}


def test_gbk_csv_is_read(ctx: AppContext, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "gbk.csv", "姓名,部门,职务\n王德伦,乡党委,党委书记\n", "gbk")
    _, result = roster.import_roster(ctx, path)
    assert result.added == 1
    [p] = roster.list_people(ctx)
    assert (p.name, p.unit) == ("王德伦", "乡党委")


def test_xlsx_import_with_numbers_as_floats(ctx: AppContext, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [["姓名*", "单位", "职务", "排序号"],
                                            ["赵明", "乡纪委", "纪委书记", 2.0],
                                            ["刘建军", "乡人大主席团", "主席", 1]])
    roster.import_roster(ctx, path)
    assert [p.name for p in roster.list_people(ctx)] == ["刘建军", "赵明"]


def test_row_errors_are_reported_by_line_and_nothing_is_stored(ctx: AppContext, tmp_path: Path) -> None:
    text = "姓名,单位,排序号\n王德伦,乡党委,1\n陈志强,乡人民政府,2\n,财政所,3\n李红梅,乡党委,4\n王德伦,乡党委,6\n孙丽,财政所,x\n"
    path = write_csv(tmp_path / "bad.csv", text)
    preview = roster.preview_import(ctx, path)
    assert preview.errors == (
        "第 4 行：姓名为空",
        "第 6 行：与第 2 行重复（同名同单位：王德伦（乡党委））",
        "第 7 行：排序号“x”不是数字",
    )
    with pytest.raises(UserError, match="3 处问题"):
        roster.commit_import(ctx, preview)
    assert roster.list_people(ctx) == []
    result = roster.commit_import(ctx, preview, skip_invalid=True)
    assert result.added == 3 and result.skipped == 3


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.xlsx", b"this is not a workbook", "不是有效的 Excel 文件"),
        ("empty.csv", b"", "空的"),
        ("cols.csv", "编号,电话\n1,123\n".encode(), "找不到“姓名”列"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls"),
        ("names.txt", "王德伦".encode(), "不支持的文件类型"),
        ("header.csv", "姓名,单位\n".encode(), "只有表头"),
    ],
)
def test_broken_files_give_chinese_messages(ctx: AppContext, tmp_path: Path, name: str,
                                            content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=message):
        roster.preview_import(ctx, path)


def test_missing_file(ctx: AppContext, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="找不到文件"):
        roster.preview_import(ctx, tmp_path / "nope.csv")


def test_same_name_in_two_units_allowed_true_duplicate_refused(ctx: AppContext) -> None:
    roster.add_person(ctx, PersonDraft("王伟", "乡党委"))
    other = roster.add_person(ctx, PersonDraft("王　伟", "财政所"))  # padded name is cleaned
    assert other.name == "王伟" and other.display_name == "王伟（财政所）"
    with pytest.raises(UserError, match="已有"):
        roster.add_person(ctx, PersonDraft("王伟", "乡党委"))


def test_orders_roster_strokes_pinyin(ctx: AppContext) -> None:
    for i, name in enumerate(["张国华", "王德伦", "欧阳丽华", "丁一", "李红梅"]):
        roster.add_person(ctx, PersonDraft(name, "乡政府", sort_no=i))
    assert [p.name for p in roster.list_people(ctx, "roster")] == ["张国华", "王德伦", "欧阳丽华", "丁一", "李红梅"]
    # 丁 2 strokes, 王 4, 李 7, 张 7 (李 starts with 横, 张 with 折), 欧 8
    assert [p.name for p in roster.list_people(ctx, "strokes")] == ["丁一", "王德伦", "李红梅", "张国华", "欧阳丽华"]
    assert [p.name for p in roster.list_people(ctx, "pinyin")] == ["丁一", "李红梅", "欧阳丽华", "王德伦", "张国华"]


def test_delete_person_with_records_deactivates(ctx: AppContext) -> None:
    from studyapp.services import attendance, sessions
    from studyapp.services.dto_records import SessionDraft

    p = roster.add_person(ctx, PersonDraft("孙丽", "财政所"))
    q = roster.add_person(ctx, PersonDraft("朱红", "社会事务办公室"))
    s = sessions.create_session(ctx, SessionDraft(date="2015.4.15"))
    attendance.mark(ctx, s.id, p.id, "出席")
    assert roster.delete_person(ctx, p.id) is False  # kept for old sheets, but inactive
    assert roster.delete_person(ctx, q.id) is True
    assert roster.list_people(ctx) == []
    assert [x.name for x in roster.list_people(ctx, include_inactive=True)] == ["孙丽"]


def test_a_middle_dot_name_is_kept_and_found_without_its_dot(ctx: AppContext, tmp_path: Path) -> None:
    """Issue 10: 阿依古丽·买买提 was stored as 阿依古丽买买提. Kept as written (any dot → U+00B7);
    a file without the dot finds the same person, and adding her again is refused."""
    from studyapp.core.roster import Candidate, resolve

    path = write_csv(tmp_path / "r.csv", "姓名,单位\n阿依古丽•买买提,司法所\n王芳,司法所\n")
    preview = roster.preview_import(ctx, path)
    roster.commit_import(ctx, preview)
    stored = [p.name for p in roster.list_people(ctx)]
    assert "阿依古丽\u00b7买买提" in stored and "阿依古丽买买提" not in stored
    again = roster.preview_import(ctx, write_csv(tmp_path / "r2.csv", "姓名,单位\n阿依古丽买买提,司法所\n"))
    assert [r.action for r in again.rows] == ["same"]
    with pytest.raises(UserError):
        roster.add_person(ctx, PersonDraft(name="阿依古丽.买买提", unit="司法所"))
    people = [Candidate(p.id, p.name, p.unit, p.active) for p in roster.list_people(ctx)]
    pid, problem = resolve("阿依古丽买买提", "", people, 2)
    assert problem is None and pid == next(p.id for p in people if p.name.startswith("阿依古丽"))


def test_two_imports_at_once_store_each_person_once(ctx: AppContext, tmp_path: Path) -> None:
    """Two copies of the app (or a CLI and the app) import the same roster at the same moment:
    each import takes the write lock before it reads who exists (BEGIN IMMEDIATE), so the
    second sees the first one's people — no unique-index failure, no one stored twice."""
    import threading

    from studyapp.services.context import AppContext as Ctx

    lines = "姓名,单位\n" + "".join(f"人员{i:03d},单位{i % 7}\n" for i in range(400))
    path = write_csv(tmp_path / "名册.csv", lines)
    other = Ctx(ctx.data_dir)
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(c: AppContext) -> None:
        try:
            preview = roster.preview_import(c, path)
            barrier.wait()  # both have read the (empty) roster before either writes
            roster.commit_import(c, preview)
        except BaseException as e:  # noqa: BLE001 - the test reports it
            errors.append(e)

    threads = [threading.Thread(target=run, args=(c,)) for c in (ctx, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert not errors, errors
    assert len(roster.list_people(ctx)) == 400


def test_the_same_document_imported_twice_at_once_is_stored_once(ctx: AppContext, tmp_path: Path) -> None:
    import threading

    from studyapp.core.model import AlreadyImported
    from studyapp.services import documents
    from studyapp.services.context import AppContext as Ctx

    path = tmp_path / "意见.txt"
    path.write_text("关于加强学习的意见\n一、总体要求\n" + "坚持学以致用，推动工作落实。" * 40 + "\n二、主要任务\n"
                    + "建立学习制度，每月集中学习一次。" * 40 + "\n", encoding="utf-8")
    other = Ctx(ctx.data_dir)
    outcomes: list[object] = []

    def run(c: AppContext) -> None:
        try:
            outcomes.append(documents.import_file(c, path))
        except AlreadyImported as e:
            outcomes.append(e)
        except BaseException as e:  # noqa: BLE001
            outcomes.append(("error", e))

    threads = [threading.Thread(target=run, args=(c,)) for c in (ctx, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert not any(isinstance(o, tuple) for o in outcomes), outcomes
    assert sum(isinstance(o, AlreadyImported) for o in outcomes) <= 1
    titles = [d.title for d in documents.list_documents(ctx)]
    assert titles.count("关于加强学习的意见") == 1


def test_a_person_changed_on_another_pc_is_not_overwritten_from_a_stale_card(ctx) -> None:
    from dataclasses import replace as _replace

    from studyapp.services.context import AppContext, EditConflict

    p = roster.add_person(ctx, PersonDraft("王伟", "乡党委", post="委员"))
    other = AppContext(ctx.data_dir)
    try:
        roster.update_person(other, p.id, PersonDraft("王伟", "乡党委", post="副书记"), expected_version=p.version)
        with pytest.raises(EditConflict):
            roster.update_person(ctx, p.id, _replace(PersonDraft("王伟", "乡党委"), note="调任"), expected_version=p.version)
        assert roster.get_person(ctx, p.id).post == "副书记"
        again = roster.get_person(ctx, p.id)
        assert again.version == p.version + 1
        roster.update_person(ctx, p.id, PersonDraft("王伟", "乡党委", post="副书记", note="调任"),
                             expected_version=again.version)
        assert roster.get_person(other, p.id).note == "调任"
    finally:
        other.close()


def test_a_person_s_groups_changed_on_another_pc_are_not_overwritten_from_a_stale_card(ctx) -> None:
    """The groups are part of the card: another PC putting the person in a group (and nothing
    else) raises the card's version, so the stale card's save is refused, not dropping the group."""
    from studyapp.services.context import AppContext, EditConflict

    p = roster.add_person(ctx, PersonDraft("王伟", "乡党委", post="委员", groups=("第一党小组",)))
    other = AppContext(ctx.data_dir)
    try:
        roster.update_person(other, p.id, PersonDraft("王伟", "乡党委", post="委员", groups=("第一党小组", "村干部")),
                             expected_version=p.version)
        with pytest.raises(EditConflict):
            roster.update_person(ctx, p.id, PersonDraft("王伟", "乡党委", post="委员", note="调任", groups=("第一党小组",)),
                                 expected_version=p.version)
        assert set(roster.get_person(ctx, p.id).groups) == {"第一党小组", "村干部"}
        same = roster.update_person(other, p.id, PersonDraft("王伟", "乡党委", post="委员", groups=("村干部", "第一党小组")),
                                    expected_version=p.version + 1)
        assert same.version == p.version + 1  # the same groups: no change, no new version
    finally:
        other.close()


def _large_roster(tmp_path: Path, people: int = 700) -> Path:
    """More people than one transaction writes (roster.IMPORT_CHUNK), in groups of their own."""
    return write_csv(tmp_path / "大名册.csv", "姓名,单位,职务,分组\n" + "".join(
        f"人员{i:04d},单位{i % 7},干事,新组{i % 3}\n" for i in range(people)) + "王德伦,乡党委,乡长,\n")


def _nothing_of_it(ctx: AppContext) -> None:
    """The roster as before the import: no new person (not even inactive), the old card, no
    new group, no journal."""
    from studyapp.db.models import Setting

    people = roster.list_people(ctx, include_inactive=True)
    assert [(p.name, p.post) for p in people] == [("王德伦", "党委书记")]
    assert [g.name for g in roster.list_groups(ctx)] == []
    with ctx.begin() as session:
        assert session.get(Setting, roster.JOURNAL) is None


def test_a_large_import_that_fails_halfway_stores_nothing(ctx: AppContext, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The chunks written before the failure (the disk full, the server gone) are removed
    again: the user is told the import failed, and the roster is as it was."""
    from studyapp.services.context import StorageError

    roster.add_person(ctx, PersonDraft("王德伦", "乡党委", post="党委书记"))
    preview = roster.preview_import(ctx, _large_roster(tmp_path))
    insert = roster._insert_people
    calls: list[int] = []

    def failing(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 3:
            raise StorageError("磁盘空间不足，数据未能保存。请清理磁盘空间后重试。")
        return insert(*args, **kwargs)

    monkeypatch.setattr(roster, "_insert_people", failing)
    with pytest.raises(StorageError, match="磁盘空间不足"):
        roster.commit_import(ctx, preview)
    assert len(calls) == 3  # two chunks were stored before
    _nothing_of_it(ctx)
    monkeypatch.setattr(roster, "_insert_people", insert)
    result = roster.commit_import(ctx, preview)  # tried again: all of it
    assert (result.added, result.updated, result.groups_created) == (700, 1, 3)
    assert len(roster.list_people(ctx)) == 701


def test_a_cancelled_large_import_stores_nothing(ctx: AppContext, tmp_path: Path) -> None:
    from studyapp.core.model import Cancelled, CancelToken

    roster.add_person(ctx, PersonDraft("王德伦", "乡党委", post="党委书记"))
    preview = roster.preview_import(ctx, _large_roster(tmp_path))
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int, _text: str) -> None:
        seen.append(done)
        if done >= roster.IMPORT_CHUNK:
            token.cancel()  # 「取消」 pressed with the first chunk stored

    with pytest.raises(Cancelled):
        roster.commit_import(ctx, preview, progress=progress, cancel=token)
    assert seen[-1] == roster.IMPORT_CHUNK
    _nothing_of_it(ctx)


def test_an_import_cut_off_by_a_power_cut_is_never_shown_and_is_removed_later(
        ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program killed halfway leaves its chunks' people inactive (not in the roster) and its
    journal; once the journal has not moved for JOURNAL_STALE_S, the next start (or import)
    removes them."""
    from studyapp.core.model import Cancelled, CancelToken
    from studyapp.ui.start.ops import seed_and_start

    roster.add_person(ctx, PersonDraft("王德伦", "乡党委", post="党委书记"))
    preview = roster.preview_import(ctx, _large_roster(tmp_path))
    token = CancelToken()
    monkeypatch.setattr(roster, "_undo", lambda _ctx, _token: None)  # the program died: no undo ran
    with pytest.raises(Cancelled):
        roster.commit_import(ctx, preview, cancel=token,
                             progress=lambda done, _t, _x: token.cancel() if done else None)
    assert [p.name for p in roster.list_people(ctx)] == ["王德伦"]  # nothing of it shown
    assert len(roster.list_people(ctx, include_inactive=True)) == 1 + roster.IMPORT_CHUNK
    monkeypatch.undo()
    assert roster.recover_interrupted_import(ctx) is False  # (it may still be running elsewhere)
    monkeypatch.setattr(roster, "JOURNAL_STALE_S", -1.0)
    seed_and_start(ctx)  # the next start
    _nothing_of_it(ctx)
