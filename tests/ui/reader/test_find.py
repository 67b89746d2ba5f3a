"""查找 in the reader: hits by section, highlighted, width-insensitive, an article by its number."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_find_lists_hits_by_section_and_highlights_them(window, qtbot, type_text, settle) -> None:  # noqa: ANN001
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = window.reader.find_panel
    assert window.reader.tabs.currentWidget() is panel
    assert panel.query.hasFocus()
    type_text(panel.query, "依法治市")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    settle()

    hits = window.reader.hits
    assert len(hits) >= 5
    assert panel.count.text().endswith(f"共 {len(hits)} 处")
    listing = panel.results.toPlainText()
    assert "1.指导思想" in listing and "处）" in listing
    marked = window.reader.highlighted_texts()
    assert marked and all(t == "依法治市" for t in marked)
    first = window.reader.hit_index
    shown = window.reader.section_id

    qtbot.keyClick(panel.query, Qt.Key.Key_Return)  # Enter again: next hit
    assert window.reader.hit_index == first + 1
    qtbot.keyClick(panel.query, Qt.Key.Key_F3)
    assert window.reader.hit_index == first + 2
    for _ in range(len(hits)):
        if window.reader.section_id != shown:
            break
        window.reader.next_hit()
    assert window.reader.section_id != shown  # hits in later sections open them
    assert "依法治市" in window.reader.highlighted_texts()

    qtbot.keyClick(panel.query, Qt.Key.Key_Escape)
    assert window.pane.extraSelections() == []
    assert window.reader.tabs.currentIndex() == 0


def test_find_is_width_insensitive_and_says_when_nothing_is_found(window, qtbot, settle) -> None:  # noqa: ANN001
    window.reader.show_find()
    window.reader.search("２０２０")
    settle()
    assert window.reader.hits  # full-width digits find 2020
    assert window.reader.highlighted_texts() == ["2020"]
    window.reader.search("量子计算机")
    settle()
    assert window.reader.hits == []
    assert "没有找到" in window.reader.find_panel.count.text()


def test_find_an_article_by_its_number_jumps_there(make_window, qtbot, seeded_ctx, settle) -> None:  # noqa: ANN001
    """查找 「第四十三条」 (or 「第43条」) in a law opens that article and marks its first sentence."""
    from pathlib import Path

    from studyapp.services import documents

    law = Path(__file__).resolve().parents[2] / "data" / "documents" / "jiancha-fa-2018.txt"
    doc_id = documents.import_file(seeded_ctx, law).document_id
    window = make_window()
    window.open_document(doc_id, None)
    window.reader.show_find()
    window.reader.search("第43条")
    settle()
    hits = window.reader.hits
    assert hits
    article = next(s for s in window.reader.view.sections if s.id == hits[0].section_id)
    assert article.label == "第四十三条" and window.reader.section_id == article.id
    assert window.reader.highlighted_texts()[0] == "监察机关采取留置措施，应当由监察机关领导人员集体研究决定。"
