"""Lay out one reading page (a section, with its sub-sections) into a QTextDocument.

The page is built with QTextCursor rather than HTML so that the position of every title and body
in the document is known exactly: search hits from `documents.search` (offsets into a field's
text) can then be highlighted precisely, whatever width/case folding the search did.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from studyapp.core.model import label_gap
from studyapp.services.dto import DocumentView, SectionView
from studyapp.ui import style

#: study-header fields in the order a record form lists them
META_ORDER = ("学习时间", "学习方式", "学习地点", "主持人", "领学人", "记录人", "参加人员")
TRUNCATED_NOTICE = "原文在此处中断"
LINE_HEIGHT_PERCENT = 160


def utf16_len(text: str) -> int:
    """QTextDocument counts UTF-16 units; Python counts code points (differs beyond the BMP)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class PageLayout:
    """What a built page contains and where each field starts in the QTextDocument."""

    section_id: int | None
    section_ids: list[int] = field(default_factory=list)
    shows_front: bool = False
    shows_truncation: bool = False
    #: (section_id or None for the preamble, "title" | "text" | "preamble") -> (position, text)
    fields: dict[tuple[int | None, str], tuple[int, str]] = field(default_factory=dict)

    def span(self, section_id: int | None, field_name: str, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of [start, end) in a field, or None if the field is not on the page."""
        entry = self.fields.get((section_id, field_name))
        if entry is None:
            return None
        base, text = entry
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        return base + utf16_len(text[:start]), base + utf16_len(text[:end])


def descendants(view: DocumentView, section: SectionView) -> list[SectionView]:
    """Sections below `section`, in reading order (they follow it until depth returns)."""
    out: list[SectionView] = []
    for s in view.sections[section.ordinal + 1:]:
        if s.depth <= section.depth:
            break
        out.append(s)
    return out


def ancestors(view: DocumentView, section: SectionView) -> list[SectionView]:
    by_id = {s.id: s for s in view.sections}
    chain: list[SectionView] = []
    parent = section.parent_id
    while parent is not None and parent in by_id:
        chain.append(by_id[parent])
        parent = by_id[parent].parent_id
    return list(reversed(chain))


def shows_front_matter(view: DocumentView, section: SectionView | None) -> bool:
    """The title, note, study header and preamble open the page of the document's start.

    That is the root (no section), or a section preceded only by its own ancestors
    (for the seed: 一、 and 1.指导思想).
    """
    if section is None:
        return True
    preceding = {s.id for s in view.sections[: section.ordinal]}
    return preceding <= {a.id for a in ancestors(view, section)}


def first_reading_section(view: DocumentView) -> SectionView | None:
    """Where reading starts: go down from the first section while it only groups others."""
    if not view.sections:
        return None
    current = view.sections[0]
    while not current.text.strip():
        nxt = view.sections[current.ordinal + 1] if current.ordinal + 1 < len(view.sections) else None
        if nxt is None or nxt.parent_id != current.id:
            break
        current = nxt
    return current


class PageBuilder:
    """Writes a page into a QTextDocument with one consistent typographic scale."""

    def __init__(self, document: QTextDocument, family: str, point_size: int) -> None:
        self.doc = document
        self.family = family
        self.size = point_size
        self.cursor = QTextCursor(document)
        self._first_block = True

    # formats -------------------------------------------------------------------------
    def _char(self, scale: float = 1.0, *, bold: bool = False, color: str = style.INK) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = QFont(self.family)
        font.setFamilies([self.family])
        font.setPointSizeF(max(6.0, self.size * scale))
        font.setBold(bold)
        fmt.setFont(font)
        fmt.setForeground(QBrush(QColor(color)))
        return fmt

    def _block(
        self,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        indent_chars: float = 0.0,
        top: float = 0.0,
        bottom: float = 0.45,
        line_height: int = LINE_HEIGHT_PERCENT,
    ) -> QTextBlockFormat:
        """Margins are in multiples of the base font size, so the page scales as a whole."""
        px = self.size * 96 / 72  # one em in pixels
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        fmt.setTextIndent(indent_chars * px)
        fmt.setTopMargin(top * px)
        fmt.setBottomMargin(bottom * px)
        fmt.setLineHeight(float(line_height), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def _new_block(self, block: QTextBlockFormat, char: QTextCharFormat) -> None:
        if self._first_block:
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(char)
            self._first_block = False
        else:
            self.cursor.insertBlock(block, char)

    def _write(self, text: str, char: QTextCharFormat) -> int:
        """Insert text; returns the position where it starts ("\\n" becomes a block break)."""
        pos = self.cursor.position()
        self.cursor.insertText(text, char)
        return pos

    # pieces ---------------------------------------------------------------------------
    def front_matter(self, view: DocumentView, layout: PageLayout) -> None:
        layout.shows_front = True
        self._new_block(self._block(align=Qt.AlignmentFlag.AlignHCenter, bottom=0.3, line_height=140),
                        self._char(1.3, bold=True))
        self._write(view.title, self._char(1.3, bold=True))
        note = view.note.strip()
        if note:
            if note[0] not in "（(":  # an adoption note is printed in parentheses
                note = f"（{note}）"
            self._new_block(self._block(align=Qt.AlignmentFlag.AlignHCenter, bottom=0.5),
                            self._char(0.85, color=style.MUTED))
            self._write(note, self._char(0.85, color=style.MUTED))
        meta = _ordered_meta(view.meta)
        if meta:
            self._meta_table(meta)
        if view.preamble.strip():
            self._paragraphs(None, "preamble", view.preamble, layout, top=0.4)

    def _meta_table(self, meta: list[tuple[str, str]]) -> None:
        """The study header as a neat two-row grid: names above values."""
        px = self.size * 96 / 72
        cols = len(meta)
        fmt = QTextTableFormat()
        fmt.setBorder(1)
        fmt.setBorderBrush(QBrush(QColor(style.BORDER)))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(px * 0.15)
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setTopMargin(px * 0.3)
        fmt.setBottomMargin(px * 0.5)
        fmt.setBackground(QBrush(QColor(style.FRAME)))
        self._new_block(self._block(bottom=0), self._char(0.85))
        table = self.cursor.insertTable(2, cols, fmt)
        for col, (name, value) in enumerate(meta):
            for row, (text, char) in enumerate(
                ((name, self._char(0.7, color=style.MUTED)), (value, self._char(0.8)))
            ):
                cell = table.cellAt(row, col)
                cur = cell.firstCursorPosition()
                cur.setBlockFormat(self._block(align=Qt.AlignmentFlag.AlignHCenter, bottom=0, line_height=120))
                cur.insertText(text, char)
        self.cursor = QTextCursor(self.doc)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def _paragraphs(
        self,
        section_id: int | None,
        field_name: str,
        text: str,
        layout: PageLayout,
        *,
        top: float = 0.0,
    ) -> None:
        """Body text, first-line indented by two characters as Chinese documents are set."""
        self._new_block(self._block(indent_chars=2, top=top), self._char())
        pos = self._write(text, self._char())
        layout.fields[(section_id, field_name)] = (pos, text)

    def heading(self, section: SectionView, layout: PageLayout, *, level: int) -> None:
        scale = {0: 1.2, 1: 1.08}.get(level, 1.0)
        top = 0.9 if level == 0 else 0.6
        self._new_block(self._block(top=top, bottom=0.3, line_height=140), self._char(scale, bold=True))
        self._write(section.label + (label_gap(section.label) if section.title else ""), self._char(scale, bold=True))
        if section.title:
            pos = self._write(section.title, self._char(scale, bold=True))
            layout.fields[(section.id, "title")] = (pos, section.title)

    def crumbs(self, chain: list[SectionView]) -> None:
        """The parts above the shown section, in small grey type, so the reader knows where he is."""
        if not chain:
            return
        text = " › ".join(s.heading for s in chain)
        self._new_block(self._block(top=0.2, bottom=0.0, line_height=130), self._char(0.8, color=style.MUTED))
        self._write(text, self._char(0.8, color=style.MUTED))

    def body(self, section: SectionView, layout: PageLayout) -> None:
        if section.text:
            self._paragraphs(section.id, "text", section.text, layout)

    def empty_hint(self, text: str) -> None:
        self._new_block(self._block(top=0.6), self._char(0.9, color=style.MUTED))
        self._write(text, self._char(0.9, color=style.MUTED))

    def truncation_notice(self) -> None:
        """An unmistakable note that the source text stops here (the seed is cut mid-sentence)."""
        px = self.size * 96 / 72
        fmt = QTextFrameFormat()
        fmt.setBackground(QBrush(QColor(style.WARN_BG)))
        fmt.setBorder(1)
        fmt.setBorderBrush(QBrush(QColor(style.WARN_BORDER)))
        fmt.setPadding(px * 0.5)
        fmt.setTopMargin(px * 0.8)
        frame = self.cursor.insertFrame(fmt)
        cur = frame.firstCursorPosition()
        cur.setBlockFormat(self._block(bottom=0, line_height=140))
        cur.insertText(f"⚠ {TRUNCATED_NOTICE}", self._char(0.95, bold=True, color=style.WARN_INK))
        cur.insertBlock(self._block(bottom=0, line_height=140))
        cur.insertText("导入的原文到这里就结束了，后面的内容缺失。如需完整内容，请导入完整的文件。",
                       self._char(0.85, color=style.WARN_INK))
        self.cursor = QTextCursor(self.doc)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)


def _ordered_meta(meta: dict[str, str]) -> list[tuple[str, str]]:
    known = [(k, meta[k]) for k in META_ORDER if meta.get(k)]
    rest = [(k, v) for k, v in meta.items() if k not in META_ORDER and v]
    return known + rest


def _empty(document: QTextDocument) -> None:
    """Remove the previous page but keep the document's root frame. QTextDocument.clear()
    makes a new root frame each time, and PySide keeps the wrapper of every old one alive (the
    margins are set on the root frame: 5,613 dead QTextFrame wrappers after 5,000 page turns)."""
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.removeSelectedText()
    cursor.setBlockFormat(QTextBlockFormat())
    cursor.setBlockCharFormat(QTextCharFormat())
    cursor.setCharFormat(QTextCharFormat())


def build_page(
    document: QTextDocument,
    view: DocumentView | None,
    section: SectionView | None,
    *,
    family: str,
    point_size: int,
) -> PageLayout:
    """Fill `document` with the page of `section` (None: the document's front page)."""
    _empty(document)
    font = QFont(family)
    font.setFamilies([family])
    font.setPointSize(point_size)
    document.setDefaultFont(font)
    layout = PageLayout(section_id=section.id if section else None)
    b = PageBuilder(document, family, point_size)
    if view is None:
        b.empty_hint("文件库中还没有文件。请点菜单「文件 → 导入…」或「粘贴导入…」导入学习材料。")
        return layout
    if shows_front_matter(view, section):
        b.front_matter(view, layout)
    if section is not None:
        chain = ancestors(view, section)
        if not layout.shows_front:
            b.crumbs(chain)
        elif chain:
            for a in chain:  # at the start of the document show the opening part's heading too
                b.heading(a, layout, level=a.depth)
                layout.section_ids.append(a.id)
                if a.text.strip():
                    b.body(a, layout)
        b.heading(section, layout, level=0 if not layout.shows_front else section.depth)
        b.body(section, layout)
        layout.section_ids.append(section.id)
        below = descendants(view, section)
        for child in below:
            b.heading(child, layout, level=1 + min(child.depth - section.depth, 2))
            b.body(child, layout)
            layout.section_ids.append(child.id)
        if not section.text.strip() and not below:
            b.empty_hint("（本节没有正文）")
    elif not view.sections and not view.preamble.strip():
        b.empty_hint("（这份文件没有正文）")
    last = view.sections[-1] if view.sections else None
    if view.truncated and (last is None or last.id in layout.section_ids):
        b.truncation_notice()
        layout.shows_truncation = True
    return layout
