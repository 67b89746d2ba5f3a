"""人员名单: import with a preview and row messages, the order switch, delete that deactivates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from studyapp.services import attendance, roster


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def open_preview(qtbot, panel, path: Path):
    with qtbot.waitSignal(panel.previewShown, timeout=10000) as shown:
        panel.import_file(path)
    return shown.args[0]


def test_import_shows_row_errors_first_then_a_clean_file_is_stored(qtbot, records, tmp_path, settle) -> None:
    panel = records.show_page("roster")
    bad = write(tmp_path, "名单.csv",
                "姓名,单位,职务,排序号,分组\n张三,乡党委,干事,1,第一党小组\n,乡党委,干事,2,\n"
                "张三,乡党委,干事,3,\n李四,财政所,会计,abc,\n")
    dialog = open_preview(qtbot, panel, bad)
    messages = [dialog.messages.item(i).text() for i in range(dialog.messages.count())]
    assert any("第 3 行" in m and "姓名" in m for m in messages), messages
    assert any("第 4 行" in m and "重复" in m for m in messages), messages  # a true duplicate is flagged
    assert any("第 5 行" in m and "排序号" in m for m in messages), messages
    assert dialog.table.item(0, 1).text() == "张三"
    assert not dialog.confirm.isEnabled()  # nothing goes in while the file has problems
    dialog.reject()
    assert roster.list_people(records.ctx) == []

    good = write(tmp_path, "名单2.csv",
                 "姓名,单位,职务,排序号,分组\n张三,乡党委,干事,1,第一党小组\n王伟,乡党委,组织委员,2,\n"
                 "王伟,财政所,所长,3,\n")
    dialog = open_preview(qtbot, panel, good)
    messages = [dialog.messages.item(i).text() for i in range(dialog.messages.count())]
    assert not any(m.startswith("✗") for m in messages)
    assert any("同名不同单位" in m for m in messages)  # told, not refused
    assert [dialog.table.item(r, 6).text() for r in range(3)] == ["新增"] * 3
    assert dialog.confirm.isEnabled()
    with qtbot.waitSignal(panel.imported, timeout=10000):
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    settle()
    # the same name in two units is shown apart
    assert panel.names() == ["张三", "王伟（乡党委）", "王伟（财政所）"]
    assert "新增 3 人" in records.statusBar().currentMessage()


def test_order_switch_puts_the_list_in_stroke_order(qtbot, records, people, settle) -> None:
    people()
    panel = records.roster
    panel.refresh()
    settle()
    assert panel.names()[:5] == ["王德伦", "欧阳丽华", "张国华", "李红梅", "丁一"]
    qtbot.mouseClick(panel.order.buttons["strokes"], Qt.MouseButton.LeftButton)
    settle()
    shown = panel.names()
    # 丁 2 strokes, 王 4, 李 7 (横 first) before 张 7 (折 first), 欧 8
    assert [n[0] for n in shown] == ["丁", "王", "王", "王", "李", "张", "欧"]
    assert shown.index("李红梅") < shown.index("张国华") < shown.index("欧阳丽华")
    qtbot.mouseClick(panel.order.buttons["roster"], Qt.MouseButton.LeftButton)
    settle()
    assert panel.names()[0] == "王德伦"


def test_deleting_someone_with_records_deactivates_and_says_so(qtbot, records, people, seed_session,
                                                               monkeypatch, settle) -> None:
    ids = people()
    attendance.mark(records.ctx, seed_session, ids[0], "present")
    panel = records.roster
    panel.refresh(select_id=ids[0])
    settle()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text, *a: told.append(text)))
    assert panel.delete_selected() is not None
    settle()
    assert panel.last_deleted is False
    assert told and "停用" in told[0] and "王德伦" in told[0]
    assert "王德伦" not in panel.names()
    panel.show_inactive.setChecked(True)
    settle()
    assert "王德伦（已停用）" in panel.names()

    panel.refresh(select_id=ids[1])  # no records: really deleted
    settle()
    assert panel.delete_selected() is not None
    settle()
    assert panel.last_deleted is True
    assert all(not n.startswith("欧阳丽华") for n in panel.names())


def test_add_person_form_refuses_a_duplicate_in_place(qtbot, records, people, settle) -> None:
    people(1)
    dialog = records.roster.make_person_dialog()
    dialog.name.setText("王德伦")
    dialog.unit.setText("乡党委")
    assert dialog.save()
    settle()
    assert "已有" in dialog.error.text()
    dialog.unit.setText("派出所")
    assert dialog.save()
    settle()
    assert records.roster.names() == ["王德伦（乡党委）", "王德伦（派出所）"]


def test_a_card_changed_on_another_pc_meanwhile_asks_before_anything_is_overwritten(
        qtbot, records, people, settle) -> None:  # noqa: ANN001
    """The card read a person; another PC (another context on the same records) changed them;
    保存 is refused and the user asked, as the 学习记录 form asks: 重新载入 shows theirs,
    仍然保存 puts this card's typing over it."""
    people(1)
    [view] = roster.list_people(records.ctx)
    dialog = records.roster.make_person_dialog(view)
    _changed_on_another_pc(records.ctx.data_dir, view.id, post="副乡长")
    dialog.post.setText("组织委员")
    assert dialog.save()
    settle()
    qtbot.waitUntil(lambda: dialog.conflict_box is not None, timeout=5000)
    assert "已被别人" in dialog.conflict_box.text() and "已被别人" in dialog.error.text()
    assert roster.get_person(records.ctx, view.id).post == "副乡长"  # nothing written
    [reload_button] = [b for b in dialog.conflict_box.buttons() if b.text().startswith("重新载入")]
    reload_button.click()
    settle()
    qtbot.waitUntil(lambda: dialog.post.text() == "副乡长", timeout=5000)
    assert "重新载入" in dialog.error.text()
    # the other way: this card's typing over theirs, having been asked
    _changed_on_another_pc(records.ctx.data_dir, view.id, note="借调县委组织部")
    dialog.post.setText("组织委员")
    dialog.conflict_box = None
    assert dialog.save()
    settle()
    qtbot.waitUntil(lambda: dialog.conflict_box is not None, timeout=5000)
    [keep] = [b for b in dialog.conflict_box.buttons() if b.text().startswith("仍然保存")]
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        keep.click()
    stored = roster.get_person(records.ctx, view.id)
    assert stored.post == "组织委员" and stored.note == ""  # (theirs overwritten, as the button said)


def _changed_on_another_pc(data_dir, person_id: int, **fields: str) -> None:  # noqa: ANN001
    """Another PC (another context on the same records) saves a change to the person's card."""
    from dataclasses import replace

    from studyapp.services.context import AppContext
    from studyapp.services.dto_records import PersonDraft

    other = AppContext(data_dir)
    try:
        theirs = roster.get_person(other, person_id)
        draft = PersonDraft(name=theirs.name, unit=theirs.unit, post=theirs.post, sort_no=theirs.sort_no,
                            note=theirs.note, active=theirs.active, groups=tuple(theirs.groups))
        roster.update_person(other, person_id, replace(draft, **fields), expected_version=theirs.version)
    finally:
        other.close()
