"""The 题库's list (ui/bank/tree.py): questions under the document's sections, a tree model whose
rows are plain values and whose cells are made when painted; what it shows, and how a reviewer
moves and selects in it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from studyapp.services.dto import DocumentView, SectionView
from studyapp.ui import style
from studyapp.ui.bank.tree import (
    COL_STATUS,
    COL_STEM,
    COL_TYPE,
    QUESTION_ID_ROLE,
    SECTION_ID_ROLE,
    STATUS_ROLE,
    QuestionTree,
)

from .conftest import question_view

TITLE = "关于全面推进依法治市的实施意见"


def _section(id_: int, parent: int | None, label: str, title: str, ordinal: int) -> SectionView:
    return SectionView(id_, parent, 0 if parent is None else 1, ordinal, label, title, f"{title}的正文。", "part",
                       (label,))


DOCUMENT = DocumentView(1, TITLE, "", {}, False, "", [
    _section(1, None, "一、", "总体要求", 0),
    _section(11, 1, "1.", "指导思想", 1),
    _section(12, 1, "2.", "总体目标", 2),
    _section(2, None, "二、", "科学立法", 3),
    _section(21, 2, "3.", "立法体制", 4),
    _section(3, None, "三、", "严格执法", 5),  # (no question: not listed)
])


def _views():  # noqa: ANN202
    """Six questions in reading order, one of them from a section no longer in the document."""
    return [
        question_view(id=101, section_id=11, stem=f"根据《{TITLE}》“指导思想”部分填空：依法治市坚持____。",
                      type="fill", options=(), answer=["党的领导"]),
        question_view(id=102, section_id=11, stem=f"《{TITLE}》中，指导思想是什么？", status="approved"),
        question_view(id=103, section_id=12, stem="总体目标是什么？", type="multiple", answer=[0, 1]),
        question_view(id=104, section_id=21, stem="立法体制怎样完善？", type="judge", options=(), answer=True,
                      status="retired"),
        question_view(id=105, section_id=2, stem="科学立法的要求是什么？", type="short", options=(), answer=["要点"]),
        question_view(id=106, section_id=99, stem="出处已删的题？"),
    ]


@pytest.fixture
def tree(qtbot):  # noqa: ANN001, ANN201
    tree = QuestionTree()
    qtbot.addWidget(tree)
    tree.resize(600, 400)
    tree.set_questions(DOCUMENT, _views())
    tree.show()
    qtbot.waitExposed(tree)
    return tree


def _tops(tree: QuestionTree) -> list[str]:
    return [tree.topLevelItem(i).text(COL_STEM) for i in range(tree.topLevelItemCount())]


def test_sections_with_their_counts_above_their_questions_in_reading_order(tree) -> None:  # noqa: ANN001
    # a part counts its items' questions too; a section without questions is left out; questions
    # whose section is gone gather at the end under a heading that says so
    assert _tops(tree) == ["一、总体要求（3）", "二、科学立法（2）", "（出处章节已不在文件中）（1）"]
    first = tree.topLevelItem(0)
    assert [first.child(i).text(COL_STEM) for i in range(first.childCount())] == ["1.指导思想（2）", "2.总体目标（1）"]
    second = tree.topLevelItem(1)
    assert second.child(0).text(COL_STEM) == "3.立法体制（1）"
    assert second.child(1).question_id == 105  # a question of the part itself, beside its items
    assert tree.question_ids() == [101, 102, 103, 104, 105, 106]
    assert tree.section_item(3) is None and tree.section_item(11).parent() is first
    assert first.child(5) is None and tree.topLevelItem(9) is None
    model = tree.model()
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["试题", "题型", "状态"]
    assert model.rowCount() == 3 and model.columnCount() == 3 and model.parent(QModelIndex()) == QModelIndex()


def test_a_question_row_shows_its_stem_without_the_documents_name_its_type_and_status(tree) -> None:  # noqa: ANN001
    fill, choice = tree.question_item(101), tree.question_item(102)
    # 「根据《…》“指导思想”部分填空：」 repeated on every row would hide what differs between them
    assert fill.text(COL_STEM) == "依法治市坚持____。"
    assert choice.text(COL_STEM) == "指导思想是什么？"
    assert (fill.text(COL_TYPE), fill.text(COL_STATUS)) == ("填空", "草稿")
    assert (choice.text(COL_TYPE), choice.text(COL_STATUS)) == ("单选", "已审核")
    # the whole stem, as written, is the tooltip; the ids and status ride on the row for the window
    assert fill.data(COL_STEM, Qt.ItemDataRole.ToolTipRole).startswith(f"根据《{TITLE}》")
    assert fill.data(COL_STEM, QUESTION_ID_ROLE) == 101 and fill.data(COL_STEM, STATUS_ROLE) == "draft"
    assert fill.data(COL_TYPE, QUESTION_ID_ROLE) is None


def test_section_rows_are_bold_span_the_row_and_carry_their_id(tree) -> None:  # noqa: ANN001
    part = tree.topLevelItem(0)
    font = part.data(COL_STEM, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert part.data(COL_STEM, SECTION_ID_ROLE) == 1 and part.data(COL_STEM, Qt.ItemDataRole.ToolTipRole) == "一、总体要求"
    assert part.text(COL_TYPE) == part.text(COL_STATUS) == "" and part.data(COL_TYPE, Qt.ItemDataRole.FontRole) is None
    assert tree.isFirstColumnSpanned(0, QModelIndex())
    assert tree.isExpanded(tree.model().index(0, 0))  # every section open: its questions in view
    gone = tree.topLevelItem(2)
    assert gone.data(COL_STEM, Qt.ItemDataRole.ToolTipRole) is None


def _ink(row, column: int) -> QColor:  # noqa: ANN001
    return row.data(column, Qt.ItemDataRole.ForegroundRole).color()


def test_status_and_type_have_their_colours_and_a_retired_question_is_greyed(tree) -> None:  # noqa: ANN001
    draft, approved, retired = tree.question_item(101), tree.question_item(102), tree.question_item(104)
    assert _ink(draft, COL_STATUS) == QColor(style.DRAFT)
    assert _ink(approved, COL_STATUS) == QColor(style.READ_MARK)
    assert _ink(retired, COL_STATUS) == QColor(style.RETIRED)
    assert _ink(draft, COL_TYPE) == QColor(style.TYPE_COLORS["fill"])
    assert _ink(retired, COL_TYPE) == QColor(style.TYPE_COLORS["judge"])
    assert _ink(draft, COL_STEM) == QColor(style.INK) and _ink(retired, COL_STEM) == QColor(style.MUTED)


def test_a_question_changed_in_place_shows_its_new_status_without_a_rebuild(tree, qtbot) -> None:  # noqa: ANN001
    row = tree.question_item(101)
    tree.select_question(101)
    with qtbot.waitSignal(tree.model().dataChanged):
        tree.update_question(question_view(id=101, section_id=11, stem="改过的题干", type="fill", options=(),
                                           answer=["党的领导"], status="approved"))
    assert tree.question_item(101) is row and tree.current_question_id() == 101  # same row, still current
    assert row.text(COL_STEM) == "改过的题干" and row.text(COL_STATUS) == "已审核"
    assert _ink(row, COL_STATUS) == QColor(style.READ_MARK)
    tree.update_question(question_view(id=999))  # (a question not listed: nothing to do)
    assert tree.question_ids() == [101, 102, 103, 104, 105, 106]


def test_rows_below_the_window_are_not_built_until_scrolled_to(qtbot) -> None:  # noqa: ANN001
    """A bank of 2,000 questions: the model holds plain rows; only what is painted gets its text."""
    tree = QuestionTree()
    qtbot.addWidget(tree)
    tree.resize(600, 300)
    views = [question_view(id=1000 + i, section_id=11 if i < 1000 else 21, stem=f"第 {i} 题") for i in range(2000)]
    tree.set_questions(DOCUMENT, views)
    tree.show()
    qtbot.waitExposed(tree)
    tree.grab()  # (painted, as on screen)
    made = [q for q in tree.question_ids() if tree.question_item(q)._stem is not None]
    assert made and made == tree.question_ids()[:len(made)] and len(made) < 40
    last = tree.question_item(2999)
    assert last._stem is None
    tree.select_question(2999)
    tree.grab()
    assert last._stem == "第 1999 题"
    assert _tops(tree) == ["一、总体要求（1000）", "二、科学立法（1000）"]


def test_a_long_list_is_laid_out_a_page_at_a_time(qtbot) -> None:  # noqa: ANN001
    """2,000 questions: the view is shown the first rows and a page more as it scrolls to their
    end (a tree view lays out every row it is shown, on the GUI thread); a row asked for further
    on, and Ctrl+A, show what they need. Built apart from the view (build_listing: no Qt call,
    it runs on the worker) and handed over whole."""
    from studyapp.ui.bank.tree import FIRST_PAGE, PAGE, build_listing

    tree = QuestionTree()
    qtbot.addWidget(tree)
    tree.resize(600, 300)
    views = [question_view(id=1000 + i, section_id=11 if i < 1000 else 21, stem=f"第 {i} 题") for i in range(2000)]
    listing = build_listing(tree, DOCUMENT, views)
    assert [r.pos for r in listing.order] == list(range(len(listing.order)))  # sections and questions: 2,005 rows
    tree.set_listing(listing)
    tree.show()
    qtbot.waitExposed(tree)
    model = tree.model()
    first = model.index(0, 0)
    items = model.index(0, 0, first)  # 1.指导思想 under 一、
    assert tree.rows.limit == FIRST_PAGE and model.rowCount(items) == FIRST_PAGE - 2
    assert tree.question_ids() == [v.id for v in views]  # (all listed, whatever is laid out)
    assert model.rowCount() == 1  # (二、 is further down than the first page: not shown yet)

    bar = tree.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to the end of what is shown: a page more
    qtbot.waitUntil(lambda: tree.rows.limit == FIRST_PAGE + PAGE)
    assert model.rowCount(items) == FIRST_PAGE + PAGE - 2 and tree.isExpanded(items)

    assert tree.select_question(2999)  # the last question: shown, open under its heading, selected
    assert tree.rows.limit == len(listing.order) and tree.current_question_id() == 2999
    assert model.rowCount() == 2 and _tops(tree) == ["一、总体要求（1000）", "二、科学立法（1000）"]
    second = model.index(1, 0)
    assert tree.isExpanded(second) and tree.isFirstColumnSpanned(1, QModelIndex())
    assert tree.isExpanded(model.index(0, 0, second))

    tree.set_questions(DOCUMENT, views)  # Ctrl+A: every question, those not shown yet too
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(tree.selected_question_ids()) == 2000


def test_only_the_rows_on_screen_of_the_seed_bank_are_made(bank_window) -> None:  # noqa: ANN001
    """The same in the 题库 window on the seed's bank: a row's text is made when it is painted, so
    the rows far below the window are never made until scrolled to."""
    bw = bank_window
    bw.grab()  # (painted, as on screen)
    ids = bw.tree.question_ids()
    first, last = bw.tree.question_item(ids[0]), bw.tree.question_item(ids[-1])
    assert first._stem is not None and last._stem is None
    bw.tree.select_question(ids[-1])
    bw.grab()
    assert last._stem == last.text(0) and last.text(0)


def test_selecting_questions_and_sections(tree, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(tree.currentItemChanged) as changed:
        assert tree.select_question(103)
    now, before = changed.args
    assert now is tree.question_item(103) and before is None
    assert tree.currentItem() is now and tree.current_question_id() == 103 and tree.current_section_id() == 12
    assert tree.select_section(2) and tree.current_question_id() is None and tree.current_section_id() == 2
    assert not tree.select_question(999) and not tree.select_question(None) and not tree.select_section(3)
    tree.select_question(106)
    assert tree.current_section_id() is None  # (its section is gone: nothing to regenerate or show)

    # several rows at once (the current row is selected too until cleared); a section among them
    # is no question
    tree.clearSelection()
    with qtbot.waitSignal(tree.itemSelectionChanged):
        tree.question_item(101).setSelected(True)
    tree.question_item(104).setSelected(True)
    tree.section_item(12).setSelected(True)
    assert sorted(tree.selected_question_ids()) == [101, 104] and tree.question_item(104).isSelected()
    tree.question_item(104).setSelected(False)
    assert tree.selected_question_ids() == [101] and len(tree.selectedItems()) == 2


def test_up_and_down_step_from_question_to_question_over_the_headings(tree, qtbot) -> None:  # noqa: ANN001
    tree.setFocus()
    tree.select_question(102)
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # over 2.总体目标's heading
    assert tree.current_question_id() == 103
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # over 二、 and 3.
    assert tree.current_question_id() == 104
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    assert tree.current_question_id() == 102
    tree.select_question(101)
    assert not tree.step(-1) and tree.current_question_id() == 101  # the first stays the first
    tree.select_question(106)
    assert not tree.step(1) and tree.current_question_id() == 106
    # from a heading: down to its first question, up to the question before it
    tree.select_section(2)
    assert tree.step(1) and tree.current_question_id() == 104
    tree.select_section(2)
    assert tree.step(-1) and tree.current_question_id() == 103
    tree.select_section(1)
    assert not tree.step(-1)


def test_a_r_e_ask_the_window_to_approve_retire_and_edit(tree, qtbot) -> None:  # noqa: ANN001
    tree.setFocus()
    tree.select_question(101)
    for key, signal in ((Qt.Key.Key_A, tree.approveKey), (Qt.Key.Key_R, tree.retireKey), (Qt.Key.Key_E, tree.editKey)):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.keyClick(tree, key)
    with qtbot.waitSignal(tree.approveKey, timeout=1000):  # (caps lock or Shift held: the same)
        qtbot.keyClick(tree, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.assertNotEmitted(tree.approveKey):  # Ctrl+A selects all, as in any list
        qtbot.keyClick(tree, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(tree.selected_question_ids()) == 6


def test_an_empty_list_has_no_rows_and_nothing_current(qtbot) -> None:  # noqa: ANN001
    tree = QuestionTree()
    qtbot.addWidget(tree)
    tree.set_questions(DOCUMENT, _views())
    tree.set_questions(None, [])  # (a rebuild forgets the rows before it)
    assert tree.topLevelItemCount() == 0 and tree.question_ids() == [] and tree.question_item(101) is None
    assert tree.currentItem() is None and tree.current_section_id() is None and not tree.step(1)
