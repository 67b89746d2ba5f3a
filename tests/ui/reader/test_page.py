"""One reading page laid out: the document's start with its title, adoption note, study header in
the order a record lists it and preamble; a section further in under its parts' trail, with the
sections below it; exact positions of every title and body (a search hit lands on its words, even
after characters beyond the BMP); the 原文在此处中断 notice on the last page only; hints for an
empty section or library; and a page rebuilt in the same root frame."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from studyapp.services.dto import DocumentView, SectionView
from studyapp.ui.reader.page import (
    TRUNCATED_NOTICE,
    ancestors,
    build_page,
    descendants,
    first_reading_section,
    shows_front_matter,
    utf16_len,
)

FAMILY = "Noto Sans CJK SC"


def _s(sid: int, parent: int | None, depth: int, label: str, title: str, text: str) -> SectionView:
    return SectionView(sid, parent, depth, sid - 1, label, title, text, "item", (label,))


VIEW = DocumentView(
    1, "中共遵义市委关于全面推进依法治市的实施意见", "2014年12月通过",
    {"领学人": "王德伦", "学习时间": "2015.4.15", "备注": "第一次", "学习地点": "乡政府二楼会议室"},
    True, "为贯彻落实党的十八届四中全会精神，结合我市实际，提出如下实施意见。",
    [_s(1, None, 0, "一、", "全面推进依法治市的总体要求", ""),
     _s(2, 1, 1, "1.", "指导思想", "高举中国特色社会主义伟大旗帜。"),
     _s(3, 1, 1, "2.", "基本原则", "坚持党的领导，坚持人民主体地位。"),
     _s(4, None, 0, "二、", "加强法治政府建设", ""),
     _s(5, 4, 1, "3.", "健全依法决策机制", "𠀀把公众参与作为重大决策的法定程序。"),
     _s(6, 5, 2, "（1）", "", "建立重大决策")],
)


@pytest.fixture
def doc(qtbot) -> QTextDocument:  # noqa: ANN001 - (a QApplication for the fonts)
    return QTextDocument()


def _text(doc: QTextDocument, span: tuple[int, int]) -> str:
    cursor = QTextCursor(doc)
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_the_start_of_a_document(doc: QTextDocument) -> None:
    first = first_reading_section(VIEW)
    assert first is not None and first.id == 2  # 一、 only groups: reading starts at 1.
    layout = build_page(doc, VIEW, first, family=FAMILY, point_size=16)
    text = doc.toPlainText()
    assert layout.shows_front and layout.section_ids == [1, 2]
    assert text.index(VIEW.title) < text.index("（2014年12月通过）") < text.index("学习时间") < text.index("为贯彻落实")
    assert text.index("学习时间") < text.index("学习地点") < text.index("领学人") < text.index("备注")  # a record's order
    assert text.index("为贯彻落实") < text.index("一、全面推进") < text.index("1.指导思想") < text.index("高举")
    assert "基本原则" not in text and TRUNCATED_NOTICE not in text and not layout.shows_truncation


def test_a_section_further_in_under_its_trail(doc: QTextDocument) -> None:
    layout = build_page(doc, VIEW, VIEW.sections[4], family=FAMILY, point_size=16)
    text = doc.toPlainText()
    assert not layout.shows_front and VIEW.title not in text
    assert text.index("二、加强法治政府建设") < text.index("3.健全依法决策机制") < text.index("（1）")
    assert layout.section_ids == [5, 6]
    assert layout.shows_truncation and f"⚠ {TRUNCATED_NOTICE}" in text  # the last section is on this page


def test_positions_land_on_the_words(doc: QTextDocument) -> None:
    layout = build_page(doc, VIEW, VIEW.sections[4], family=FAMILY, point_size=16)
    body = VIEW.sections[4].text
    start = body.index("公众参与")
    assert utf16_len("𠀀") == 2 and len("𠀀") == 1  # (beyond the BMP: two units in Qt, one in Python)
    assert _text(doc, layout.span(5, "text", start, start + 4)) == "公众参与"
    assert _text(doc, layout.span(5, "title", 0, 2)) == "健全"
    assert layout.span(2, "text", 0, 2) is None  # not on this page
    assert layout.span(5, "text", -5, 999) == layout.span(5, "text", 0, len(body))  # clamped to the field


def test_hints_for_nothing_to_read(doc: QTextDocument) -> None:
    assert build_page(doc, None, None, family=FAMILY, point_size=16).section_ids == []
    assert "文件库中还没有文件" in doc.toPlainText()
    build_page(doc, DocumentView(2, "空白文件", "", {}, False, "", []), None, family=FAMILY, point_size=16)
    assert "（这份文件没有正文）" in doc.toPlainText()
    lone = DocumentView(3, "文件", "", {}, False, "", [_s(1, None, 0, "一、", "总则", ""), _s(2, None, 0, "二、", "附则", "")])
    build_page(doc, lone, lone.sections[1], family=FAMILY, point_size=16)
    assert "（本节没有正文）" in doc.toPlainText()


def test_a_page_is_rebuilt_in_the_same_root_frame(doc: QTextDocument) -> None:
    build_page(doc, VIEW, VIEW.sections[1], family=FAMILY, point_size=16)
    root = doc.rootFrame()
    build_page(doc, VIEW, VIEW.sections[2], family=FAMILY, point_size=20)
    assert doc.rootFrame() is root and doc.defaultFont().pointSize() == 20
    assert "基本原则" in doc.toPlainText() and "高举" not in doc.toPlainText()  # the old page is gone


def test_the_tree_walks() -> None:
    assert [s.id for s in descendants(VIEW, VIEW.sections[3])] == [5, 6]
    assert [s.id for s in ancestors(VIEW, VIEW.sections[5])] == [4, 5]
    assert shows_front_matter(VIEW, None) and shows_front_matter(VIEW, VIEW.sections[1])
    assert not shows_front_matter(VIEW, VIEW.sections[2])  # 1. comes before it
