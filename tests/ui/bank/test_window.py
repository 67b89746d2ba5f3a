"""The 题库 window on the seed's bank: what a reviewer sees and does."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from studyapp.services import bank
from studyapp.ui import style
from studyapp.ui.bank.names import STATUS_NAMES, TYPE_NAMES, counts_text, letter
from studyapp.ui.bank.tree import COL_STATUS, COL_TYPE, QUESTION_ID_ROLE


def _rows(bw) -> list[tuple[str, str]]:  # noqa: ANN001
    """(题型, 状态) of every listed question row."""
    out = []
    for qid in bw.tree.question_ids():
        item = bw.tree.question_item(qid)
        out.append((item.text(COL_TYPE), item.text(COL_STATUS)))
    return out


def _first(bw, **filters):  # noqa: ANN001, ANN003, ANN202
    return bank.list_questions(bw.ctx, bw.document_id, **filters)[0]


def test_opens_the_seed_bank_grouped_by_section_with_counts(bank_window, seed_id) -> None:  # noqa: ANN001
    bw = bank_window
    assert bw.document_id == seed_id
    assert "题库" in bw.windowTitle() and "遵义" in bw.windowTitle()
    tops = [bw.tree.topLevelItem(i).text(0) for i in range(bw.tree.topLevelItemCount())]
    assert [t[:2] for t in tops] == ["一、", "二、", "三、", "四、"]
    assert tops[0].startswith("一、全面推进依法治市的总体要求（")
    first_part = bw.tree.topLevelItem(0)
    assert first_part.child(0).text(0).startswith("1.指导思想（")
    assert first_part.child(0).child(0).data(0, QUESTION_ID_ROLE) is not None

    counts = bank.bank_counts(bw.ctx, seed_id)
    assert counts.total >= 60
    assert bw.counts_label.text() == counts_text(counts.draft, counts.approved, counts.retired)
    assert len(bw.tree.question_ids()) == counts.total
    assert bw.shown_label.text() == f"显示 {counts.total} / {counts.total} 道"
    # the first question is selected and previewed, its section heading still in view
    assert bw.current() is not None and bw.tree.current_question_id() == bw.tree.question_ids()[0]
    assert bw.current().stem in bw.preview_text()
    assert not bw.tree.visualItemRect(first_part).isEmpty()
    assert {t for t, _s in _rows(bw)} <= set(TYPE_NAMES.values())
    assert {s for _t, s in _rows(bw)} <= set(STATUS_NAMES.values())


def test_filters_and_search_change_the_list(bank_window, qtbot, type_text, settle) -> None:  # noqa: ANN001
    bw = bank_window
    total = len(bw.tree.question_ids())
    bw.type_filter.setCurrentIndex(bw.type_filter.findData("judge"))
    settle()
    judges = bank.list_questions(bw.ctx, bw.document_id, type="judge")
    assert 0 < len(bw.tree.question_ids()) == len(judges) < total
    assert {t for t, _s in _rows(bw)} == {"判断"}
    assert bw.shown_label.text() == f"显示 {len(judges)} / {total} 道"

    bw.type_filter.setCurrentIndex(0)
    bw.tag_filter.setCurrentIndex(bw.tag_filter.findData("原则"))
    settle()
    principles = bank.list_questions(bw.ctx, bw.document_id, tag="原则")
    assert len(bw.tree.question_ids()) == len(principles) > 0
    assert all("原则" in bw.views[q].tags for q in bw.tree.question_ids())

    bw.tag_filter.setCurrentIndex(0)
    bw.origin_filter.setCurrentIndex(bw.origin_filter.findData("manual"))
    settle()
    manual = bank.list_questions(bw.ctx, bw.document_id, origin="manual")
    assert sorted(bw.tree.question_ids()) == sorted(q.id for q in manual)
    # a combination nothing matches says so instead of showing an empty pane
    bw.type_filter.setCurrentIndex(bw.type_filter.findData("short"))
    bw.status_filter.setCurrentIndex(bw.status_filter.findData("retired"))
    settle()
    if not bank.list_questions(bw.ctx, bw.document_id, type="short", status="retired",
                               origin="manual"):
        assert bw.tree.question_ids() == []
        assert "没有符合筛选条件的试题" in bw.preview_text()
    bw.type_filter.setCurrentIndex(0)
    bw.status_filter.setCurrentIndex(0)
    bw.origin_filter.setCurrentIndex(0)
    settle()

    # the search box filters as one types (after a short pause)
    bw.search.setFocus()
    type_text(bw.search, "司法")
    qtbot.waitUntil(lambda: 0 < len(bw.tree.question_ids()) < total, timeout=3000)
    for qid in bw.tree.question_ids():
        v = bw.views[qid]
        assert "司法" in "".join((v.stem, *v.options, v.explanation, v.quote, v.section_heading))
    bw.search.clear()
    qtbot.waitUntil(lambda: len(bw.tree.question_ids()) == total, timeout=3000)


def test_preview_shows_the_question_as_the_learner_sees_it_and_its_source(bank_window) -> None:  # noqa: ANN001
    bw = bank_window
    q = _first(bw, type="multiple")
    assert bw.tree.select_question(q.id)
    text = bw.preview_text()
    assert q.stem.replace("\u3000", " ").split("（")[0][:20] in text.replace("\u3000", " ")
    for i, option in enumerate(q.options):
        assert f"{letter(i)}．{option}" in text
    assert "答案" in text and "".join(letter(i) for i in q.answer) in text
    assert "出处" in text and q.section_heading in text
    assert "一、全面推进依法治市的总体要求 › 2.总体目标" in text

    # the quoted sentence is highlighted inside its paragraph
    loc = bank.quote_location(bw.ctx, q.id)
    section = bw.sections[loc.section_id]
    marked = _highlighted(bw.preview)
    assert marked == section.text[loc.start:loc.end]

    fill = _first(bw, type="fill")
    bw.tree.select_question(fill.id)
    assert "____" in bw.preview_text() and fill.answer[0] in bw.preview_text()
    judge = _first(bw, type="judge")
    bw.tree.select_question(judge.id)
    assert "○ 对" in bw.preview_text() and "○ 错" in bw.preview_text()


def _highlighted(browser) -> str:  # noqa: ANN001
    """Text of the fragments painted with the source-mark background."""
    out = []
    block = browser.document().begin()
    want = QColor(style.SOURCE_MARK)
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().background().color() == want:
                out.append(frag.text())
            it += 1
        block = block.next()
    return "".join(out)


def test_approve_retire_and_restore_change_status_and_counts(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    q = _first(bw, status="draft")
    bw.tree.select_question(q.id)
    before = bank.bank_counts(bw.ctx, bw.document_id)

    qtbot.mouseClick(bw.approve_button, Qt.MouseButton.LeftButton)
    settle()
    assert bank.get_question(bw.ctx, q.id).status == "approved"
    assert bw.tree.question_item(q.id).text(COL_STATUS) == "已审核"
    assert bw.counts_label.text() == counts_text(before.draft - 1, before.approved + 1, before.retired)
    assert not bw.approve_button.isEnabled() and bw.retire_button.isEnabled()

    qtbot.mouseClick(bw.retire_button, Qt.MouseButton.LeftButton)
    settle()
    assert bank.get_question(bw.ctx, q.id).status == "retired"
    assert bw.tree.question_item(q.id).text(COL_STATUS) == "已停用"
    assert bw.counts_label.text() == counts_text(before.draft - 1, before.approved, before.retired + 1)
    assert bw.restore_button.isEnabled()

    qtbot.mouseClick(bw.restore_button, Qt.MouseButton.LeftButton)
    settle()
    assert bank.get_question(bw.ctx, q.id).status == "draft"
    assert bw.counts_label.text() == counts_text(before.draft, before.approved, before.retired)


def test_keyboard_review_moves_approves_retires_and_edits(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    ids = bw.tree.question_ids()
    bw.tree.setFocus()
    bw.tree.select_question(ids[0])
    # ↓ goes from the last question of 1.指导思想 to the first of 2.总体目标, skipping the heading
    first_section = bw.views[ids[0]].section_id
    last_in_first = max(i for i, q in enumerate(ids) if bw.views[q].section_id == first_section)
    bw.tree.select_question(ids[last_in_first])
    qtbot.keyClick(bw.tree, Qt.Key.Key_Down)
    assert bw.tree.current_question_id() == ids[last_in_first + 1]
    qtbot.keyClick(bw.tree, Qt.Key.Key_Up)
    assert bw.tree.current_question_id() == ids[last_in_first]

    target = bw.tree.current_question_id()
    qtbot.keyClick(bw.tree, Qt.Key.Key_A)  # approve, then on to the next question
    settle()
    assert bank.get_question(bw.ctx, target).status == "approved"
    assert bw.tree.current_question_id() == ids[last_in_first + 1]
    qtbot.keyClick(bw.tree, Qt.Key.Key_R)
    settle()
    assert bank.get_question(bw.ctx, ids[last_in_first + 1]).status == "retired"
    qtbot.keyClick(bw.tree, Qt.Key.Key_E)
    assert bw.editor is not None and bw.editor.isVisible()
    assert bw.editor.question_id == bw.tree.current_question_id()
    bw.editor.reject()


def test_approving_under_a_status_filter_goes_on_with_the_next_draft(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    bw.status_filter.setCurrentIndex(bw.status_filter.findData("draft"))
    settle()
    ids = bw.tree.question_ids()
    bw.tree.select_question(ids[0])
    bw.tree.setFocus()
    qtbot.keyClick(bw.tree, Qt.Key.Key_A)
    settle()
    assert ids[0] not in bw.tree.question_ids()
    assert bw.tree.current_question_id() == ids[1]


def test_bulk_approve_of_the_selection_and_of_the_filtered_drafts(bank_window, yes_to_questions, settle) -> None:  # noqa: ANN001
    bw = bank_window
    ids = bw.tree.question_ids()[:3]
    for qid in ids:
        bw.tree.question_item(qid).setSelected(True)
    assert bw.bulk_button.text() == "审核通过所选（3）"
    assert bw.approve_bulk() == 3
    settle()
    assert all(bank.get_question(bw.ctx, q).status == "approved" for q in ids)

    bw.tree.clearSelection()
    bw.type_filter.setCurrentIndex(bw.type_filter.findData("judge"))
    settle()
    drafts = [q.id for q in bank.list_questions(bw.ctx, bw.document_id, type="judge", status="draft")]
    assert bw.bulk_button.text() == "全部审核通过…"
    assert bw.approve_bulk() == len(drafts) > 0
    settle()
    assert "全部" in yes_to_questions[-1] and str(len(drafts)) in yes_to_questions[-1]
    assert bank.list_questions(bw.ctx, bw.document_id, type="judge", status="draft") == []
    counts = bank.bank_counts(bw.ctx, bw.document_id)
    assert bw.counts_label.text() == counts_text(counts.draft, counts.approved, counts.retired)


def test_bulk_approve_leaves_alone_a_question_changed_on_another_pc(bank_window, yes_to_questions, settle,  # noqa: ANN001
                                                                  monkeypatch) -> None:  # noqa: ANN001
    """The list was read, another PC changed one of the selected questions: 审核通过所选 approves
    the others, leaves that one a draft and says which and why; the list shows it as it is now."""
    from studyapp.services.context import AppContext

    bw = bank_window
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *_a, **_k: told.append(text)))
    bw.status_filter.setCurrentIndex(bw.status_filter.findData("draft"))
    settle()
    ids = bw.tree.question_ids()[:3]
    other = AppContext(bw.ctx.data_dir)
    try:
        view = bank.get_question(other, ids[1])
        bank.update_question(other, view.id, replace(bank.draft_of(view), explanation="另一台电脑改过"),
                             expected_version=view.version)
    finally:
        other.close()
    for qid in ids:
        bw.tree.question_item(qid).setSelected(True)
    assert bw.approve_bulk() == 3
    settle()
    assert [bank.get_question(bw.ctx, q).status for q in ids] == ["approved", "draft", "approved"]
    assert told and f"编号 {ids[1]}" in told[-1] and "已被别人" in told[-1] and "已审核通过 2 道试题" in told[-1]
    assert bw.tree.question_ids()[0] == ids[1]  # the draft filter: it stays, as stored now
    assert bw.views[ids[1]].explanation == "另一台电脑改过"


def test_view_source_switches_the_reader_to_the_sentence(window, bank_window, qtbot) -> None:  # noqa: ANN001
    bw = bank_window
    q = next(v for v in bank.list_questions(bw.ctx, bw.document_id, type="judge")
             if v.section_heading.startswith("7."))
    bw.tree.select_question(q.id)
    qtbot.mouseClick(bw.source_button, Qt.MouseButton.LeftButton)
    loc = bank.quote_location(bw.ctx, q.id)
    assert window.reader.section_id == loc.section_id
    assert window.outline.currentItem().text(0).startswith("7.")
    section = window.reader.section
    assert window.reader.highlighted_texts() == [section.text[loc.start:loc.end]]
    assert "出处原文" in window.statusBar().currentMessage()
    # moving on in the reader drops the mark
    window.reader.go_next()
    assert window.reader.highlighted_texts() == []


def test_regenerate_section_runs_in_the_background(bank_window, qtbot) -> None:  # noqa: ANN001
    bw = bank_window
    q = _first(bw)
    bw.tree.select_question(q.id)
    bank.approve(bw.ctx, q.id)
    with qtbot.waitSignal(bw.runner.idle, timeout=30000):
        task = bw.regenerate_section()
        assert task is not None and bw.runner.busy
    assert "已重新生成" in bw.statusBar().currentMessage()
    assert bank.get_question(bw.ctx, q.id).status == "approved"  # reviewed work is kept
    assert bw.tree.current_section_id() == q.section_id


def test_the_readers_contents_open_the_bank_at_a_section(window, qtbot, settle) -> None:  # noqa: ANN001
    part = window.reader.view.sections[-3]
    assert part.label == "四、"
    window.reader.bankRequested.emit(part.id)
    bw = window.bank_windows[window.reader.document_id]
    settle()
    assert bw.isVisible()
    assert bw.tree.current_section_id() == part.id
    assert "四、" in bw.preview_text()
    # the same document's bank is one window
    assert window.open_bank() is bw


def test_the_bank_menu_offers_open_generate_import_and_exports(window) -> None:  # noqa: ANN001
    menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu()}
    bank_menu = menus["题库(&Q)"]
    texts = [a.text() for a in bank_menu.actions() if not a.isSeparator()]
    assert texts == ["打开题库…", "逐题审核…", "生成试题", "导入 Excel 题库…", "导出题库…", "组卷打印…"]
    window.act_bank.trigger()
    assert window.bank_windows[window.reader.document_id].isVisible()


def test_deleting_the_document_closes_its_bank(window, bank_window, qtbot, seed_id) -> None:  # noqa: ANN001
    from studyapp.services import documents

    documents.delete_document(window.ctx, seed_id)
    window._deleted(seed_id)  # what the 文件库 reports after a deletion
    assert not bank_window.isVisible()
    qtbot.waitUntil(lambda: seed_id not in window.bank_windows, timeout=5000)



def _copied_bank(ctx, document_id: int, total: int) -> None:  # noqa: ANN001 - AppContext
    """The seed's bank copied out to `total` draft questions (a long bank, as a county's)."""
    from sqlalchemy import insert, select

    from studyapp.db.models import Question

    with ctx.begin(write=True) as s:
        rows = [{c.key: getattr(q, c.key) for c in Question.__table__.columns if c.key != "id"}
                for q in s.scalars(select(Question).where(Question.document_id == document_id))]
        s.execute(insert(Question), [dict(rows[k % len(rows)], uid=f"copy-{k}")
                                     for k in range(total - len(rows))])


def test_a_long_bank_lists_light_rows_and_reads_a_question_whole_when_it_is_shown(window, seeded_ctx, seed_id,  # noqa: ANN001
                                                                                  qtbot, settle) -> None:
    """1,000 questions: every one listed, but only those around the one shown are read whole
    (its options, key, tags, source); further down, a question's row shows at once and its
    whole text a moment later; deciding, editing and 查看原文 work on it all the same."""
    from studyapp.ui.bank.ops import FULL_PAGE
    from studyapp.ui.bank.tree import FIRST_PAGE

    _copied_bank(seeded_ctx, seed_id, 1000)
    bw = window.open_bank()
    qtbot.waitExposed(bw)
    settle()
    ids = bw.tree.question_ids()
    assert len(ids) == len(bw.listed) == 1000 and bw.shown_label.text() == "显示 1000 / 1000 道"
    assert len(bw.views) <= FULL_PAGE + FULL_PAGE // 5 and ids[0] in bw.views and ids[-1] not in bw.views
    assert bw.tree.rows.limit == FIRST_PAGE  # (the rows the view lays out: a page, not the bank)

    last = ids[-1]
    bw.tree.select_question(last)
    assert bw.tree.current_question_id() == last and bw.current() is None
    assert "正在读取" in bw.preview_text() and bw.current_row().stem in bw.preview_text()
    assert bw.approve_button.isEnabled() and bw.edit_button.isEnabled()
    settle()
    assert bw.current().id == last and "答案" in bw.preview_text()
    assert last in bw.views and len(bw.views) < len(ids)

    # 审核通过 from the row alone (its status and version), the list following
    middle = ids[len(ids) // 2]
    bw.tree.select_question(middle)
    assert bw.approve_current() == 1
    settle()
    assert bank.get_question(bw.ctx, middle).status == "approved" and bw.listed[middle].status == "approved"
    assert bw.tree.question_item(middle).text(COL_STATUS) == STATUS_NAMES["approved"]

    # the editor on a question not read yet opens once it has been read
    far = ids[-300]
    assert far not in bw.views
    bw.tree.select_question(far)
    assert bw.edit_current() is None
    settle()
    assert bw.editor is not None and bw.editor.isVisible() and bw.editor.question_id == far
    bw.editor.reject()
    settle()


def test_f5_reads_what_another_pc_reviewed(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    """On a shared database a reviewer at another PC approves a question: F5 reads the bank again."""
    from PySide6.QtTest import QTest

    from studyapp.services.context import AppContext

    bw = bank_window
    q = _first(bw, status="draft")
    other = AppContext(bw.ctx.data_dir)  # the second PC
    try:
        bank.approve(other, q.id)
    finally:
        other.close()
    settle()
    assert bw.tree.question_item(q.id).text(COL_STATUS) != "已审核"
    bw.activateWindow()
    QTest.keyClick(bw, Qt.Key.Key_F5)
    settle()
    assert bw.tree.question_item(q.id).text(COL_STATUS) == "已审核"
