"""The document's table of contents: parts in bold with 已读/总数 of what is below them, ✓ for a
section read and ✎ for one with a note, a read mark that updates its part at once, navigation
followed without being sent back, a learner's dots with what they mean in words (their own reads
replacing the PC's), and long headings wrapped rather than cut off."""

from __future__ import annotations

import pytest

from studyapp.services.dto import DocumentView, SectionView
from studyapp.services.dto_study import SectionMastery
from studyapp.ui.reader.outline import MASTERY_ROLE, NOTE_MARK, READ_MARK, OutlineTree, mastery_tip


def _s(sid: int, parent: int | None, label: str, title: str, *, read: bool = False, note: bool = False) -> SectionView:
    depth = 0 if parent is None else 1
    return SectionView(sid, parent, depth, sid - 1, label, title, "正文。", "part" if depth == 0 else "item",
                       (label,), is_read=read, has_note=note)


VIEW = DocumentView(1, "关于读书的通知", "", {}, False, "", [
    _s(1, None, "一、", "总体要求"), _s(2, 1, "1.", "指导思想", read=True), _s(3, 1, "2.", "基本原则", note=True),
    _s(4, None, "二、", "主要任务"), _s(5, 4, "3.", "每周读书"),
])


@pytest.fixture
def tree(qtbot) -> OutlineTree:  # noqa: ANN001
    t = OutlineTree()
    qtbot.addWidget(t)
    t.resize(320, 600)
    t.show()
    t.set_document(VIEW)
    return t


def _row(tree: OutlineTree, sid: int) -> tuple[str, str]:
    item = tree.item_for(sid)
    assert item is not None
    return item.text(0), item.text(1)


def test_parts_count_what_is_read_below_them(tree: OutlineTree) -> None:
    assert tree.topLevelItemCount() == 2 and tree.item_for(1).font(0).bold() and not tree.item_for(2).font(0).bold()
    assert _row(tree, 1) == ("一、总体要求（1/2）", "")
    assert _row(tree, 2)[1] == READ_MARK and _row(tree, 3)[1] == NOTE_MARK
    assert tree.item_for(2).parent() is tree.item_for(1) and tree.item_for(1).isExpanded()
    tree.set_read(3)
    assert _row(tree, 1) == ("一、总体要求（2/2）", READ_MARK)  # every section below read: the part too
    assert _row(tree, 3)[1] == f"{NOTE_MARK} {READ_MARK}" and tree.is_read(3) and tree.progress(1) == (2, 2)
    tree.set_has_note(3, False)
    assert _row(tree, 3)[1] == READ_MARK
    tree.set_read(99)  # (a section of another document: ignored)


def test_navigation_is_followed_without_being_sent_back(tree: OutlineTree, qtbot) -> None:  # noqa: ANN001
    with qtbot.assertNotEmitted(tree.sectionActivated):
        tree.select_section(5)
    assert tree.currentItem() is tree.item_for(5)
    with qtbot.waitSignal(tree.sectionActivated) as chosen:
        tree.setCurrentItem(tree.item_for(2))  # the learner clicks a heading
    assert chosen.args == [2]
    tree.select_section(None)
    assert not tree.selectedItems()


def test_a_learners_dots_say_what_they_mean(tree: OutlineTree) -> None:
    mastery = {
        2: SectionMastery(2, "mastered", True, 5, 5, 5, 5, 4),
        3: SectionMastery(3, "practised", False, 2, 1, 2, 1, 3),
        5: SectionMastery(5, "read", True, 0, 0, 0, 0, 2),
    }
    tree.set_mastery(mastery, "已掌握：本节至少答过 3 道题")
    assert [tree.mastery_state(s) for s in (2, 3, 5, 1)] == ["mastered", "practised", "read", None]
    assert tree.item_for(2).data(0, MASTERY_ROLE) == "mastered" and not tree.item_for(2).icon(0).isNull()
    tip = tree.item_for(3).toolTip(0)
    assert "答过 2 次，答对 1 次（本节共 3 道题）" in tip and "已掌握：本节至少答过 3 道题" in tip
    # the learner's own reads count now (2 and 5), not what was read on this PC
    assert _row(tree, 1)[0] == "一、总体要求（1/2）" and _row(tree, 4)[0] == "二、主要任务（1/1）"
    tree.set_mastery(None)  # nobody chosen: the dots go, the PC's reads come back
    assert tree.mastery_state(2) is None and tree.item_for(2).icon(0).isNull()
    assert _row(tree, 4)[0] == "二、主要任务（0/1）"


@pytest.mark.parametrize(("m", "said"), [
    (SectionMastery(1, "practised", True, 4, 3, 4, 3, 6), "已练习：答过 4 次，答对 3 次（本节共 6 道题）"),
    (SectionMastery(1, "read", True, 0, 0, 0, 0, 2), "已读：还没有练习本节（本节共 2 道题）"),
    (SectionMastery(1, "unread", False, 0, 0, 0, 0, 2), "未读（本节共 2 道题）"),
])
def test_the_dot_in_words(m: SectionMastery, said: str) -> None:
    assert mastery_tip(m) == said


def test_a_long_heading_wraps_onto_more_lines(tree: OutlineTree, qtbot) -> None:  # noqa: ANN001
    long_title = "健全依法决策机制，把公众参与、专家论证、风险评估、合法性审查、集体讨论决定确定为重大行政决策法定程序"
    tree.set_document(DocumentView(2, "文件", "", {}, False, "", [_s(1, None, "一、", "短"), _s(2, None, "二、", long_title)]))
    short, long = (tree.visualItemRect(tree.item_for(s)) for s in (1, 2))
    qtbot.waitUntil(lambda: tree.visualItemRect(tree.item_for(2)).height() > tree.visualItemRect(tree.item_for(1)).height() * 2)
    assert long.width() <= tree.viewport().width()  # (no horizontal scrolling: wrapped instead)
    assert short.height() > 0
