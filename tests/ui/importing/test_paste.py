"""粘贴导入 from the main window: the pasted document opens; an untitled paste asks for its title."""

from __future__ import annotations

from studyapp.services import documents
from tests.ui.importing.conftest import SAMPLE


def test_paste_import_opens_the_pasted_document(window, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        window.import_text(SAMPLE)
    assert finished.args[0] is not None
    assert window.windowTitle().startswith("关于加强村级财务管理的通知")
    assert window.statusBar().currentMessage().startswith("已导入《关于加强村级财务管理的通知》")


def test_an_untitled_paste_asks_for_its_title(qtbot, window) -> None:  # noqa: ANN001
    text = "各单位要认真组织学习，结合实际抓好落实。\n一、提高认识\n学习要联系实际。\n二、加强领导\n各级党组织要加强领导。"
    with qtbot.waitSignal(window.importFinished, timeout=30000) as got:
        window.import_text(text)
    result = got.args[0]
    assert result.title_guessed
    dialog = window.title_dialog
    assert dialog.isVisible() and "没有从文字中找到这份文件的标题" in dialog.labelText()
    dialog.setTextValue("关于加强学习的通知")
    dialog.accept()  # stored on the worker, after whatever the import still writes
    qtbot.waitUntil(lambda: window.reader.view.title == "关于加强学习的通知", timeout=30000)
    assert documents.get_document(window.ctx, result.document_id).title == "关于加强学习的通知"
