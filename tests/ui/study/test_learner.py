"""「谁在学习？」: filter, add, first use; reading progress belongs to the learner chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.services import roster
from studyapp.ui.study.learner import AddPersonDialog, WhoDialog
from studyapp.ui.study.setup import PracticeSetupDialog


def test_who_is_studying_filter_add_and_first_use(qtbot, make_window, seeded_ctx, learner,
                                                  type_text, settle) -> None:
    window = make_window()
    study = window.study
    assert study.person is None and study.status_text() == "学习者：请选择"
    assert study.menu.title() == "学习(&S)"
    assert [a.text() for a in study.menu.actions() if a.text()] == [
        "首页", "谁在学习…", "继续上次的答题…", "练习…", "练习本节", "模拟考试…", "错题本…", "今日复习", "我的学习…"]
    study.act_practice.trigger()  # first use asks who is studying
    who = study.dialog
    assert isinstance(who, WhoDialog)
    settle()
    type_text(who.filter, "李")
    visible = [who.people.item(i).text() for i in range(who.people.count()) if not who.people.item(i).isHidden()]
    assert visible == ["李红梅　乡党委"] and who.people.currentItem().text() == "李红梅　乡党委"

    # 添加: name and unit, no password; a duplicate is explained
    who.filter.clear()
    add = who.add_person()
    assert isinstance(add, AddPersonDialog)
    type_text(add.name, "王德伦")
    type_text(add.unit, "乡党委")
    add.accept()
    settle()
    assert add.isVisible() and "已有" in add.error.text()
    add.name.clear()
    add.unit.clear()
    type_text(add.name, "张国华")
    type_text(add.unit, "农业服务中心")
    add.accept()
    settle()
    assert who.people.currentItem().text() == "张国华　农业服务中心"
    qtbot.keyClick(who.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(study.dialog, PracticeSetupDialog))  # then what was asked for
    assert study.person.name == "张国华"
    qtbot.waitUntil(lambda: study.status_text() == "学习者：张国华 · 今日待复习 0 题")
    assert "张国华" in study.status_label.text()
    assert any(p.name == "张国华" for p in roster.list_people(seeded_ctx))


def test_reads_before_choosing_belong_to_the_learner_and_a_personal_pc_remembers(
        qtbot, make_window, seeded_ctx, learner, settle) -> None:
    """Issue 10: reading progress belongs to a learner — what was read before anyone was chosen
    is kept for the one who then picks their name; 「个人电脑」 brings them back at the next start."""
    from studyapp.services import documents, reading

    window = make_window()
    settle()  # (the window's own first reads and writes run on its worker: this test writes beside them)
    study = window.study
    doc = window.reader.document_id
    assert study.person is None
    ids = [s.id for s in documents.get_document(seeded_ctx, doc).sections][:2]
    for sid in ids:
        reading.mark_read(seeded_ctx, sid)  # as the reader does with nobody chosen
    assert not reading.read_section_ids(seeded_ctx, doc, person_id=learner)

    study.act_who.trigger()
    who = study.dialog
    settle()
    for i in range(who.people.count()):
        item = who.people.item(i)
        if item.text().startswith("王德伦"):
            who.people.setCurrentItem(item)
    who.remember_box.setChecked(True)
    who.accept()
    settle()
    qtbot.waitUntil(lambda: set(ids) <= reading.read_section_ids(seeded_ctx, doc, person_id=learner), timeout=10000)
    assert len(ids) == 2

    window.close()
    again = make_window()
    assert again.study.person is not None and again.study.person.id == learner  # remembered
