"""导入 from the main window: progress, the new document opens, bad or missing files explained, the
same text again offers the copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from studyapp.services import documents
from tests.ui.importing.conftest import SAMPLE


@pytest.fixture
def warnings_shown(monkeypatch) -> list[tuple[str, str]]:  # noqa: ANN001
    """Capture QMessageBox.warning instead of blocking on a modal box."""
    shown: list[tuple[str, str]] = []

    def fake_warning(_parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    return shown


def test_import_txt_runs_in_the_background_and_opens_the_document(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "通知.txt"
    path.write_text(SAMPLE, encoding="gb18030")
    before = len(documents.list_documents(window.ctx))

    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        task = window.import_file(path)
        progress: list[tuple[int, int, str]] = []
        task.progressed.connect(lambda d, t, m: progress.append((d, t, m)))
        assert window.runner.busy
        assert task.dialog is not None and task.dialog.labelText() == "正在导入“通知.txt”…"
    result = finished.args[0]
    assert result is not None and result.title == "关于加强村级财务管理的通知"
    assert progress and any("保存" in m for _d, _t, m in progress)
    assert window.statusBar().currentMessage() == (
        f"已导入《关于加强村级财务管理的通知》，共 {result.section_count} 个章节"
    )
    # the import is done; the bank of the new document is being generated in the background
    assert window.runner.busy
    with qtbot.waitSignal(window.bankGenerated, timeout=30000):
        pass
    assert not window.runner.busy

    assert len(documents.list_documents(window.ctx)) == before + 1
    assert window.reader.document_id == result.document_id
    assert window.outline.topLevelItemCount() == 2
    assert "1.建立台账" in window.pane.toPlainText()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("空白.txt", b""),
        ("图片.txt", bytes(range(256)) * 40),
        ("旧格式.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        ("坏的.docx", b"PK\x03\x04 not really a zip"),
    ],
)
def test_bad_file_gets_a_chinese_message_and_nothing_changes(
    window, qtbot, tmp_path: Path, warnings_shown, name: str, content: bytes  # noqa: ANN001
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    shown_doc = window.reader.document_id
    before = documents.list_documents(window.ctx)
    with qtbot.waitSignal(window.importFinished, timeout=20000) as finished:
        window.import_file(path)
    assert finished.args[0] is None
    [(title, message)] = warnings_shown
    assert title == "导入文件"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message) and "Traceback" not in message
    assert documents.list_documents(window.ctx) == before
    assert window.reader.document_id == shown_doc


def test_missing_file_is_explained(window, qtbot, tmp_path: Path, warnings_shown) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.importFinished, timeout=20000):
        window.import_file(tmp_path / "不存在.txt")
    [(_title, message)] = warnings_shown
    assert "找不到文件" in message


def test_importing_the_same_text_again_offers_the_copy(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Issue 10: the seed imported four times gave four documents and four sessions. The same
    words (here in another encoding and with other line breaks) are not stored again: the
    cadre is told and offered the copy in the 文件库."""
    first = tmp_path / "通知.txt"
    first.write_text(SAMPLE, encoding="utf-8")
    with qtbot.waitSignal(window.importFinished, timeout=20000) as done:
        window.import_file(first)
    doc_id = done.args[0].document_id
    with qtbot.waitSignal(window.bankGenerated, timeout=30000):
        pass
    before = len(documents.list_documents(window.ctx))
    shown: list[str] = []

    def fake_exec(box) -> int:  # noqa: ANN001
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.buttons()[0])
    other = next(d.id for d in documents.list_documents(window.ctx) if d.id != doc_id)
    window.open_document(other)
    assert window.reader.document_id == other
    again = tmp_path / "通知（副本）.txt"
    again.write_text(SAMPLE.replace("\n", "\r\n\r\n"), encoding="gb18030")
    with qtbot.waitSignal(window.importFinished, timeout=20000) as done:
        window.import_file(again)
    assert done.args[0] is None
    assert len(documents.list_documents(window.ctx)) == before
    assert shown and "已在文件库中" in shown[0] and f"编号 {doc_id}" in shown[0]
    assert window.reader.document_id == doc_id
