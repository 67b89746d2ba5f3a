"""文件库: list, rename, delete with confirmation, open."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from studyapp.services import documents

OTHER = "关于做好春季防火工作的通知\n一、提高认识\n1.加强宣传。\n2.落实责任。\n二、加强巡查\n3.重点时段巡查。\n"


def _titles(dialog) -> list[str]:  # noqa: ANN001
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def test_library_lists_documents_with_their_figures(window, settle) -> None:  # noqa: ANN001
    documents.import_text(window.ctx, OTHER)
    dialog = window.make_library_dialog()
    settle()  # (the list is read on the worker)
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert headers == ["标题", "通过日期", "章节数", "阅读进度", "导入时间"]
    assert dialog.table.rowCount() == 2
    seed_row = next(r for r in range(2) if "遵义" in dialog.table.item(r, 0).text())
    assert dialog.table.item(seed_row, 0).text().endswith("（正在阅读）")
    assert dialog.table.item(seed_row, 1).text() == "2014-11-12"
    assert dialog.table.item(seed_row, 2).text() == "17"
    assert dialog.table.item(seed_row, 3).text() == "0/17（0%）"


def test_open_from_library(window, settle) -> None:  # noqa: ANN001
    other = documents.import_text(window.ctx, OTHER)
    dialog = window.make_library_dialog()
    settle()  # (the list is read on the worker)
    dialog.select_document(other.document_id)
    dialog.open_selected()
    assert window.reader.document_id == other.document_id
    assert "关于做好春季防火工作的通知" in window.pane.toPlainText()


def test_rename_updates_the_list_and_the_open_document(window, monkeypatch, settle) -> None:  # noqa: ANN001
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("依法治市实施意见（学习本）", True)))
    dialog = window.make_library_dialog()
    settle()  # (the list is read on the worker)
    dialog.select_document(window.reader.document_id)
    dialog.rename_selected()
    settle()
    assert _titles(dialog) == ["依法治市实施意见（学习本）（正在阅读）"]
    assert window.windowTitle().startswith("依法治市实施意见（学习本）")
    assert window.outline.topLevelItemCount() == 4  # still reading the same document

    warned: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("   ", True)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warned.append(text)))
    dialog.rename_selected()
    settle()
    assert warned and "标题" in warned[0]
    assert _titles(dialog) == ["依法治市实施意见（学习本）（正在阅读）"]


def test_delete_asks_naming_the_document_and_removes_it(window, monkeypatch, settle) -> None:  # noqa: ANN001
    other = documents.import_text(window.ctx, OTHER)
    dialog = window.make_library_dialog()
    settle()  # (the list is read on the worker)
    asked: list[str] = []

    def answer(reply):  # noqa: ANN001, ANN202
        def question(_parent, _title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            asked.append(text)
            return reply
        return staticmethod(question)

    seed_id = window.reader.document_id
    dialog.select_document(seed_id)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog.delete_selected()
    settle()
    assert "《中共遵义市委关于全面推进依法治市的实施意见》" in asked[-1]
    assert dialog.table.rowCount() == 2  # 否: nothing happens

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    dialog.delete_selected()
    settle()
    assert [d.id for d in documents.list_documents(window.ctx)] == [other.document_id]
    assert dialog.table.rowCount() == 1
    assert window.reader.document_id == other.document_id  # the window moved to what is left

    dialog.select_document(other.document_id)
    dialog.delete_selected()
    settle()
    assert documents.list_documents(window.ctx) == []
    assert window.reader.document_id is None
    assert "文件库中还没有文件" in window.pane.toPlainText()
    assert window.outline.topLevelItemCount() == 0


def _press(box, text: str) -> None:  # noqa: ANN001 - a QMessageBox
    [button] = [b for b in box.buttons() if b.text().startswith(text)]
    button.click()


def test_a_document_renamed_on_another_pc_meanwhile_asks_before_renaming_it(window, monkeypatch, qtbot,
                                                                            settle) -> None:  # noqa: ANN001
    """Issue 16: another PC renames the document after this 文件库 was read. This rename is
    refused and asked about: 重新载入 shows the other PC's title, 仍然保存 renames it all the same."""
    from studyapp.services.context import AppContext

    doc = window.reader.document_id
    dialog = window.make_library_dialog()
    settle()
    other = AppContext(window.ctx.data_dir)
    try:
        documents.rename_document(other, doc, "遵义市依法治市实施意见（另一台电脑）")
    finally:
        other.close()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("依法治市实施意见（学习本）", True)))
    dialog.select_document(doc)
    dialog.rename_selected()
    qtbot.waitUntil(lambda: dialog.conflict_box is not None, timeout=5000)
    assert "《遵义市依法治市实施意见（另一台电脑）》" in dialog.conflict_box.text()
    assert documents.list_documents(window.ctx)[0].title == "遵义市依法治市实施意见（另一台电脑）"
    _press(dialog.conflict_box, "重新载入")
    settle()
    assert _titles(dialog) == ["遵义市依法治市实施意见（另一台电脑）（正在阅读）"]
    assert window.windowTitle().startswith("遵义市依法治市实施意见（另一台电脑）")  # (the reader's too)

    dialog.conflict_box = None
    other = AppContext(window.ctx.data_dir)
    try:
        documents.rename_document(other, doc, "第三个标题")
    finally:
        other.close()
    dialog.rename_selected()  # (from the list read before the third title)
    qtbot.waitUntil(lambda: dialog.conflict_box is not None, timeout=5000)
    _press(dialog.conflict_box, "仍然保存")
    settle()
    assert documents.list_documents(window.ctx)[0].title == "依法治市实施意见（学习本）"
    assert _titles(dialog) == ["依法治市实施意见（学习本）（正在阅读）"]
