"""A text with no heading that reads as a title: the import asks for one (named after the file
until then), and what is typed becomes the document's title."""

from __future__ import annotations

from studyapp.core.outline import looks_like_title
from studyapp.services import documents


def test_titles_that_read_as_titles_and_those_that_do_not() -> None:
    assert looks_like_title("中共遵义市委关于全面推进依法治市的实施意见")
    assert looks_like_title("中华人民共和国监察法（2018年）")
    assert looks_like_title("中国共产党纪律检查委员会工作条例")
    assert not looks_like_title("")
    assert not looks_like_title("桥汬漠鞍楂涓浜")  # text decoded with the wrong encoding
    assert not looks_like_title("各单位要认真学习，抓好落实。")  # a first sentence
    assert not looks_like_title("scan_0012")


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
