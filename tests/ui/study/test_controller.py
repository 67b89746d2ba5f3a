"""The study controller's mastery for the chosen learner, shown as dots and counts on the reader's
tree."""

from __future__ import annotations

from studyapp.services import roster
from tests.ui.study.conftest import practise


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
