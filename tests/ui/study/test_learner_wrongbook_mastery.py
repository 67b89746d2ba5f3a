"""「谁在学习？」, the 错题本 after a wrong answer, 我的学习, the status bar, and the mastery dots
on the reader's tree."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.services import review, roster, wrongbook
from studyapp.services.dto_study import SCOPE_SECTIONS, WRONGBOOK_RULE, Scope
from studyapp.ui.study.learner import AddPersonDialog, WhoDialog
from studyapp.ui.study.mystudy import MyStudyPage
from studyapp.ui.study.practice import PracticePage
from studyapp.ui.study.result import ResultPage
from studyapp.ui.study.setup import PracticeSetupDialog
from studyapp.ui.study.wrongbook import WrongBookPage


def practise(qtbot, window, section_id: int, count: int = 4) -> PracticePage:
    window.study.start_practice(Scope(SCOPE_SECTIONS, window.reader.document_id, (section_id,)), count,
                                ["single", "judge"])
    qtbot.waitUntil(lambda: isinstance(window.study.page, PracticePage))
    return window.study.page


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


def test_wrong_answer_lands_in_the_wrongbook_and_practising_it_clears_it(qtbot, study_window,
                                                                         key, learner) -> None:
    window = study_window()
    part = next(s.id for s in window.reader.view.sections if s.label == "二、")
    page = practise(qtbot, window, part, 2)
    aid = page.attempt.id
    page.answer(key.wrong(aid, 0))
    assert "回答错误" in page.feedback.verdict.text()
    page.show_question(1)
    page.answer(key.right(aid, 1))

    window.study.act_wrongbook.trigger()  # the practice is not ended: leaving it is asked first
    box = window.study.pending_box
    assert "还没有结束" in box.text() and "继续上次的答题" in box.text()
    qtbot.mouseClick(box.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.study.page, WrongBookPage))
    book = window.study.page
    assert book.data.book.count == 1 and WRONGBOOK_RULE in book.layout().itemAt(1).widget().text()
    group = book.tree.topLevelItem(0)
    assert group.text(0).endswith("（1 题）") and group.childCount() == 1
    assert book.current is not None and book.current.question_id == page.attempt.questions[0].question_id
    assert "正确答案" in book.answers.text() and book.practice_button.isEnabled()

    # 在原文中查看 from the book, and back
    qtbot.mouseClick(book.source_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reader.isVisible())  # (where the sentence stands now: read on the worker)
    assert window.reader.highlighted_texts()
    window.study.return_to_page()

    qtbot.mouseClick(book.practice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.study.page, PracticePage))
    again = window.study.page
    assert again.attempt.title.startswith("错题本练习") and len(again.questions) == 1
    again.answer(key.right(again.attempt.id, 0))
    assert wrongbook.wrong_count(window.ctx, learner) == 0  # right on its own later: out


def test_status_bar_and_my_study(qtbot, study_window, key, learner) -> None:
    window = study_window()
    study = window.study
    assert study.status_text() == f"学习者：王德伦 · 今日待复习 {review.due_count(window.ctx, learner)} 题"
    part = next(s.id for s in window.reader.view.sections if s.label == "三、")
    page = practise(qtbot, window, part, 3)
    for pos in range(3):
        page.show_question(pos)
        page.answer(key.right(page.attempt.id, pos))
    page.end()
    qtbot.waitUntil(lambda: isinstance(study.page, ResultPage))
    study.act_my_study.trigger()
    qtbot.waitUntil(lambda: isinstance(study.page, MyStudyPage))
    mine = study.page
    s = mine.data.study
    assert s.practice_count == 1 and s.answered == 3 and s.right == 3
    rows = {mine.sections.topLevelItem(i).text(0).strip(): mine.sections.topLevelItem(i).text(1)
            for i in range(mine.sections.topLevelItemCount())}
    assert rows["三、深入推进依法行政,加快建设法治政府"] == "已掌握"
    assert rows["1.指导思想"] == "未读"
    qtbot.mouseClick(mine.close_button, Qt.MouseButton.LeftButton)
    assert study.page is None and window.reader.isVisible()  # 返回阅读


def test_mastery_marks_appear_in_the_tree(qtbot, make_window, seeded_ctx, learner, key) -> None:
    window = make_window(read_after=0)
    tree = window.outline
    sections = {s.heading: s.id for s in window.reader.view.sections}
    assert all(tree.mastery_state(sid) is None for sid in sections.values())  # nobody chosen
    study = window.study
    with qtbot.waitSignal(study.masteryUpdated):
        study.set_person(roster.get_person(seeded_ctx, learner))
    assert tree.mastery_state(sections["1.指导思想"]) in ("unread", "read")

    # reading a section (the reader's own timer) marks it read for this learner
    target = sections["2.总体目标"]
    with qtbot.waitSignal(study.masteryUpdated, timeout=5000):
        window.reader.show_section(target)
    qtbot.waitUntil(lambda: tree.mastery_state(target) == "read")
    assert "已读" in tree.item_for(target).toolTip(0)

    # practise part 三 right: it becomes mastered, with words in the tooltip
    part = sections["三、深入推进依法行政,加快建设法治政府"]
    page = practise(qtbot, window, part, 4)
    for pos in range(4):
        page.show_question(pos)
        page.answer(key.right(page.attempt.id, pos))
    with qtbot.waitSignal(study.masteryUpdated, timeout=5000):
        page.end()
    assert tree.mastery_state(part) == "mastered"
    item = tree.item_for(part)
    assert not item.icon(0).isNull() and "已掌握" in item.toolTip(0) and "答对 4 次" in item.toolTip(0)
    assert tree.mastery_state(sections["13.优化司法职权配置"]) == "unread"
    assert item.text(0).startswith("三、")  # the heading and its ✓/✎ column are unchanged


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


def test_wrongbook_entries_that_start_alike_are_told_apart() -> None:
    from studyapp.ui.study.wrongbook import distinct_stems

    stems = ["下列关于全面推进依法治市的总体要求的说法，正确的是哪一项关于法治政府的？",
             "下列关于全面推进依法治市的总体要求的说法，正确的是哪一项关于立法的？", "短题干"]
    labels = distinct_stems(stems)
    assert len(set(labels)) == 3 and labels[2] == "短题干"
    assert "法治政府" in labels[0] and "立法" in labels[1]


def test_the_tree_counts_the_learners_own_reads_as_my_study_does(qtbot, make_window, seeded_ctx, learner) -> None:
    """Someone else read 2.总体目标 on this PC: once a learner is chosen, ✓ and 已读/总数 are the
    learner's (as 我的学习 and the 首页 count them), and reading it marks it for the learner."""
    from studyapp.services import documents, mystudy, reading

    doc = documents.list_documents(seeded_ctx)[0].id
    sections = {s.heading: s.id for s in documents.get_document(seeded_ctx, doc).sections}
    target, part = sections["2.总体目标"], sections["一、全面推进依法治市的总体要求"]
    reading.mark_read(seeded_ctx, target)  # read on this PC last week, nobody chosen
    import datetime as dt

    from sqlalchemy import update

    from studyapp.db.models import ReadMark

    with seeded_ctx.begin() as session:
        session.execute(update(ReadMark).values(read_at=dt.datetime(2015, 4, 8, 9, 0)))
    window = make_window(read_after=0)
    tree = window.outline
    assert tree.is_read(target)  # nobody chosen: what was read on this PC
    with qtbot.waitSignal(window.study.masteryUpdated):
        window.study.set_person(roster.get_person(seeded_ctx, learner))
    assert not tree.is_read(target)
    mine = mystudy.my_study(seeded_ctx, learner, window.reader.document_id)
    assert sum(1 for sid in sections.values() if tree.is_read(sid)) == mine.sections_read
    with qtbot.waitSignal(window.study.masteryUpdated, timeout=5000):
        window.reader.show_section(target)  # the learner reads it now
    qtbot.waitUntil(lambda: tree.is_read(target))
    assert tree.progress(part)[0] >= 1
    assert mystudy.my_study(seeded_ctx, learner, window.reader.document_id).mastery[target].read
