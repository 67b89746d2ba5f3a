"""编辑试题 / 新增试题: the key entered as asked, malformed input refused, warnings shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studyapp.services import bank


def _first(bw, **filters):  # noqa: ANN001, ANN003, ANN202
    return bank.list_questions(bw.ctx, bw.document_id, **filters)[0]


def test_editing_a_generated_question_makes_it_edited(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    q = _first(bw, type="single", origin="generated")
    bw.tree.select_question(q.id)
    qtbot.mouseClick(bw.edit_button, Qt.MouseButton.LeftButton)
    ed = bw.editor
    assert ed is not None and ed.windowTitle() == "编辑试题"
    assert ed.current_type() == "single"
    assert ed.options_editor.options() == list(q.options)
    assert ed.options_editor.correct() == list(q.answer)
    assert ed.quote_edit.toPlainText() == q.quote

    new_stem = q.stem + "（请选择一项）"
    ed.stem_edit.setPlainText(new_stem)
    with qtbot.waitSignal(ed.saved):
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    settle()
    stored = bank.get_question(bw.ctx, q.id)
    assert stored.stem == new_stem and stored.origin == "edited"
    assert bw.current().origin == "edited"
    assert new_stem[-10:] in bw.preview_text() and "来源：修改" in bw.preview_text()


def test_the_verifiers_warnings_are_shown_in_chinese(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    q = _first(bw, type="fill")
    ed = bw.make_editor(bank.get_question(bw.ctx, q.id))
    settle()
    assert ed.message_text() == ""  # a verified question opens without doubts
    ed.fill_edits[0].setText("完全不同的词")  # the filled stem no longer matches the quote
    assert ed.save()
    settle()
    assert ed.isVisible()  # the reviewer reads the warning before leaving
    text = ed.message_text()
    assert text.startswith("已保存。校验提醒")
    assert "与出处原文对不上" in text
    assert ed.close_button.text() == "完成"
    # the warning is also there the next time the question is opened
    ed.reject()
    again = bw.make_editor(bank.get_question(bw.ctx, q.id))
    settle()
    assert "与出处原文对不上" in again.message_text()
    again.reject()


def test_malformed_input_is_refused_with_a_clear_message(bank_window) -> None:  # noqa: ANN001
    bw = bank_window
    ed = bw.add_question()
    before = bank.bank_counts(bw.ctx, bw.document_id).total
    assert not ed.save()
    assert "请填写题干" in ed.message_text()
    ed.stem_edit.setPlainText("依法治市的总体目标是到哪一年？")
    for edit, text in zip([r[1] for r in ed.options_editor.rows], ["2015年", "2018年", "2020年", ""], strict=False):
        edit.setText(text)
    assert not ed.save()
    assert "有选项还是空白" in ed.message_text() and "选出一个正确答案" in ed.message_text()

    ed.type_combo.setCurrentIndex(ed.type_combo.findData("fill"))
    ed.stem_edit.setPlainText("到____年，依法治市取得显著成效，实现____。")
    assert len(ed.fill_edits) == 2
    ed.fill_edits[0].setText("2020")
    assert not ed.save()
    assert "请为每个空写出答案" in ed.message_text()
    ed.type_combo.setCurrentIndex(ed.type_combo.findData("multiple"))
    assert ed.options_editor.multiple
    assert not ed.save()
    assert "至少勾选两个正确答案" in ed.message_text()
    assert bank.bank_counts(bw.ctx, bw.document_id).total == before
    ed.reject()


def test_adding_a_question_by_hand(bank_window, qtbot, settle) -> None:  # noqa: ANN001
    bw = bank_window
    section = next(s for s in bw.document.sections if s.heading.startswith("2."))
    bw.tree.select_section(section.id)
    qtbot.mouseClick(bw.add_button, Qt.MouseButton.LeftButton)
    ed = bw.editor
    assert ed.windowTitle() == "新增试题"
    assert ed.section_combo.currentData() == section.id
    ed.stem_edit.setPlainText("按照实施意见，全面推进依法治市的目标年份是哪一年？")
    ed.options_editor.add_row("2025年")
    assert len(ed.options_editor.rows) == 5
    for (_l, edit, _m, _r), text in zip(ed.options_editor.rows, ["2015年", "2018年", "2020年", "2022年"], strict=False):
        edit.setText(text)
    ed.options_editor.rows[2][2].setChecked(True)
    ed.quote_edit.setPlainText("到2020年,地方立法扎实推进")
    ed.tag_boxes["目标"].setChecked(True)
    with qtbot.waitSignal(ed.saved) as saved:
        ed.save()
    settle()
    view = saved.args[0]
    assert view.origin == "manual" and view.status == "draft"
    assert view.options == ("2015年", "2018年", "2020年", "2022年", "2025年") and view.answer == [2]
    assert view.section_id == section.id and view.tags == ("目标",)
    assert bw.tree.current_question_id() == view.id
    assert bw.tree.question_item(view.id).parent() is bw.tree.section_item(section.id)
    assert "来源：手工" in bw.preview_text()
    if ed.isVisible():  # the verifier may doubt a hand-written question; it is saved anyway
        assert ed.message_text().startswith("已保存")
        ed.accept()


def _changed_on_another_pc(data_dir, question_id: int, **fields) -> None:  # noqa: ANN001, ANN003
    """Another PC on the same bank (here another context on the data folder) saves a change."""
    from dataclasses import replace

    from studyapp.services.context import AppContext

    other = AppContext(data_dir)
    try:
        theirs = bank.get_question(other, question_id)
        bank.update_question(other, question_id, replace(bank.draft_of(theirs), **fields),
                             expected_version=theirs.version)
    finally:
        other.close()


def test_a_question_changed_on_another_pc_meanwhile_asks_before_anything_is_overwritten(
        bank_window, qtbot, settle) -> None:  # noqa: ANN001
    """The editor read the question; another PC saved a change to it; this editor's 保存 is
    refused and the user asked, as in the 学习记录 form: 重新载入 shows theirs, 仍然保存 puts
    this editor's typing over it."""
    bw = bank_window
    q = _first(bw, type="single", origin="generated")
    bw.tree.select_question(q.id)
    ed = bw.edit_current()
    settle()
    _changed_on_another_pc(bw.ctx.data_dir, q.id, explanation="另一台电脑补充的解析")
    ed.stem_edit.setPlainText(q.stem + "（本机修改）")
    assert ed.save()
    settle()
    qtbot.waitUntil(lambda: ed.conflict_box is not None, timeout=5000)
    box = ed.conflict_box
    assert box.windowTitle() == "试题已被修改" and f"编号 {q.id}" in box.text() and "已被别人" in box.text()
    assert ed.isVisible() and "已被别人" in ed.message_text()  # said in the form too
    assert bank.get_question(bw.ctx, q.id).stem == q.stem  # nothing written
    [reload_button] = [b for b in box.buttons() if b.text().startswith("重新载入")]
    reload_button.click()
    settle()
    assert ed.stem_edit.toPlainText() == q.stem  # the typing dropped ...
    assert ed.explanation_edit.toPlainText() == "另一台电脑补充的解析"  # ... theirs shown
    assert "已被别人" not in ed.message_text() and ed.isVisible()
    # the reloaded copy saves as it is; now the other way: this editor's typing over theirs
    _changed_on_another_pc(bw.ctx.data_dir, q.id, difficulty=3 if q.difficulty != 3 else 1)
    ed.conflict_box = None
    ed.stem_edit.setPlainText(q.stem + "（本机修改）")
    assert ed.save()
    settle()
    qtbot.waitUntil(lambda: ed.conflict_box is not None, timeout=5000)
    [keep] = [b for b in ed.conflict_box.buttons() if b.text().startswith("仍然保存")]
    with qtbot.waitSignal(ed.saved, timeout=5000):
        keep.click()
    settle()
    stored = bank.get_question(bw.ctx, q.id)
    assert stored.stem == q.stem + "（本机修改）" and stored.explanation == "另一台电脑补充的解析"
    assert stored.difficulty == q.difficulty  # (theirs overwritten, as the button said)
    assert bw.current().stem == stored.stem  # the list follows the save
