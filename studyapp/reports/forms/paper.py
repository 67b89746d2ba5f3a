"""试卷 / 答题卡 / 参考答案: a printed test paper from approved questions, in A/B variants.

Looks like the papers offices hand out: the document and 学习测试卷（A卷） as the title, a line for
姓名/单位/得分, a 题号/得分 grid for the marker, parts headed 「一、单选题（每题 2 分，共 20 分）」,
and an answer sheet (答题卡) with bubbles to fill. The answer key is a separate PDF giving each
answer with the sentence it comes from, so a marker (or a cadre who disputes a mark) can check
it against the text. Each variant is numbered on its own (A卷 第 1 页 共 3 页), because each is
handed out on its own.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from studyapp.core.paper import LETTERS, Paper, PaperPart, PaperQuestion
from studyapp.core.stats import fmt_score
from studyapp.reports.forms import base

log = logging.getLogger("studyapp.reports")

_BLANK = re.compile(r"_{2,}")
_PAREN = re.compile(r"[（(]\s*[\u3000 ]*\s*[）)]")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
NUMBER_W = 9 * mm  # the question-number column
BRACKET_W = 16 * mm  # the answer-bracket column of choice and true/false questions


# ---------------------------------------------------------------------------------- page furniture


class _PartMark(Flowable):
    """Zero-size marker: pages from here on are numbered within `part` (A卷, 答题卡 …)."""

    def __init__(self, part: str, header: str, number: int | None = None) -> None:
        super().__init__()
        self.part = part
        self.header = header
        self.number = number

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._part = self.part
        self.canv._form_title = self.header
        # the number that reprints the same paper, and that the meeting room's score grid asks
        self.canv._paper_no = self.number


class _PaperCanvas(base._NumberedCanvas):
    """第 N 页 共 M 页 counted per variant, prefixed by its name (A卷 第 1 页 共 3 页)."""

    def save(self) -> None:
        totals = Counter(state.get("_part", "") for state in self._pages)
        seen: Counter[str] = Counter()
        for state in self._pages:
            self.__dict__.update(state)
            part = state.get("_part", "")
            seen[part] += 1
            if self._footer:
                self.saveState()
                self.setFont(base.styles().font, 9)
                self.setFillColor(base.LIGHT_RULE)
                prefix = f"{part}　" if part else ""
                number = state.get("_paper_no")
                suffix = f"　试卷编号 {number}" if number is not None else ""
                self.drawCentredString(
                    base.PAGE_W / 2, 11 * mm, f"{prefix}第 {seen[part]} 页 共 {totals[part]} 页{suffix}"
                )
                self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)


class _Styles:
    """The paper's styles. Wrapped question text keeps one em free at the right: reportlab hangs
    a closing mark that may not open a line (。，”）) past the line's end, and without that
    room it ran up to 3 mm past the right margin."""

    def __init__(self) -> None:
        st = base.styles()
        font = st.font
        self.doc_title = ParagraphStyle("ptitle", fontName=font, fontSize=15, leading=22,
                                        alignment=TA_CENTER, wordWrap="CJK")
        self.unit = ParagraphStyle("punit", fontName=font, fontSize=15, leading=22, spaceAfter=1,
                                   alignment=TA_CENTER, wordWrap="CJK")
        self.info = ParagraphStyle("pinfo", fontName=font, fontSize=10.5, leading=16,
                                   alignment=TA_CENTER, wordWrap="CJK")
        self.part = ParagraphStyle("ppart", fontName=font, fontSize=12, leading=20,
                                   spaceBefore=3 * mm, spaceAfter=1.5 * mm, wordWrap="CJK")
        self.question = ParagraphStyle("pq", fontName=font, fontSize=10.5, leading=18,
                                       leftIndent=7 * mm, firstLineIndent=-7 * mm, rightIndent=10.5,
                                       wordWrap="CJK")
        self.option = ParagraphStyle("popt", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
        self.option_stem = ParagraphStyle("pstem", fontName=font, fontSize=10.5, leading=18,
                                          rightIndent=10.5, wordWrap="CJK")
        self.key = ParagraphStyle("pkey", fontName=font, fontSize=10, leading=14, rightIndent=10,
                                  wordWrap="CJK")
        self.small = ParagraphStyle("psmall", fontName=font, fontSize=9, leading=13, rightIndent=9,
                                    wordWrap="CJK")
        self.note = ParagraphStyle("pnote", fontName=font, fontSize=9.5, leading=14,
                                   leftIndent=4 * mm, firstLineIndent=-4 * mm, wordWrap="CJK")


class _BoldTitle(base.Title):
    """The paper's big title (学习测试卷（A卷）)."""


def _heavy(text: str, size: float = 20) -> _BoldTitle:
    title = _BoldTitle(text, size=size, space_after=2 * mm)
    title.char_space = size * 0.15
    return title


def part_heading(part: PaperPart) -> str:
    """一、单选题（每题 2 分，共 20 分）"""
    return (
        f"{part.numeral}、{part.title}（每题 {fmt_score(part.points_each)} 分，"
        f"共 {fmt_score(part.total)} 分）"
    )


# A blank must print with its width: reportlab collapses spaces, ideographic ones too, so
# blanks and answer brackets are drawn with no-break spaces, which keep their width (and
# carry the underline). In the bundled font a no-break space is about a quarter of an em.
_NBSP = "\u00a0"


def _em(n: float, font_size: float = 10.5) -> str:
    """No-break spaces `n` em wide at the paper's question size."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from studyapp.reports import fonts

    width = stringWidth(_NBSP, fonts.FONT_NAME, font_size) or font_size / 4
    return _NBSP * max(1, round(n * font_size / width))


def _blank_markup(answer_len: int) -> str:
    """An underlined blank as wide as the answer needs (4 to 14 em), never narrower."""
    width = max(4, min(14, answer_len + 2))
    return "<u>" + _em(width) + "</u>"


def _bracket() -> str:
    """「（　　）」 for the answer of a choice or true/false item, two em wide inside."""
    return "（" + _em(2) + "）"


def _stem_markup(q: PaperQuestion) -> str:
    stem = base.esc(q.stem.strip())
    if q.type == "fill":
        answers = list(q.answer or []) if isinstance(q.answer, (list, tuple)) else [q.answer]
        parts = _BLANK.split(stem)
        out = parts[0]
        for i, rest in enumerate(parts[1:]):
            size = len(str(answers[i])) if i < len(answers) else 4
            out += _blank_markup(size) + rest
        return out
    if q.type in ("single", "multiple") and _PAREN.search(stem):
        return _PAREN.sub(lambda _m: _bracket(), stem, count=1)
    return stem  # the answer bracket of the others stands in its own column (_numbered)


def _trailing_bracket(q: PaperQuestion) -> bool:
    """Whether the question's answer bracket follows the stem (not inside it): it then stands
    at the right, on the stem's last line, never split over two lines, all brackets aligned."""
    return q.type == "judge" or (q.type in ("single", "multiple") and not _PAREN.search(q.stem))


def _options_table(q: PaperQuestion, sty: _Styles) -> Table | None:
    """Options in 4, 2 or 1 columns, whichever fits the longest option on one line."""
    if not q.options:
        return None
    texts = [f"{LETTERS[i]}. {o}" for i, o in enumerate(q.options)]
    avail = base.CONTENT_W - NUMBER_W
    longest = max(stringWidth(t, sty.option.fontName, sty.option.fontSize) for t in texts)
    n = len(texts)
    for cols in (4, 2, 1):
        if cols <= n and longest <= avail / cols - 4 * mm:
            break
    else:
        cols = 1
    cells = [Paragraph(base.esc(t), sty.option) for t in texts]
    rows = [cells[i: i + cols] for i in range(0, n, cols)]
    if len(rows[-1]) < cols:
        rows[-1] += [""] * (cols - len(rows[-1]))
    table = Table(rows, colWidths=[avail / cols] * cols, hAlign="RIGHT")
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _candidate_lines(sty: _Styles) -> Table:
    """姓名：______ 单位：__________ 得分：______ with ruled blanks to write on."""
    st = base.styles()
    labels = ["姓名：", "", "单位：", "", "得分：", ""]
    widths = [13 * mm, 34 * mm, 13 * mm, 66 * mm, 13 * mm, base.CONTENT_W - 139 * mm]
    table = Table([[Paragraph(t, st.field) if t else "" for t in labels]], colWidths=widths,
                  hAlign="CENTER")
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        *[("LINEBELOW", (c, 0), (c, 0), 0.8, base.GRID) for c in (1, 3, 5)],
    ]))
    return table


def _score_grid(paper: Paper) -> Table:
    """题号 一 二 三 … 总分 / 得分 blank: the marker's table on the first page."""
    head = ["题号", *[p.numeral for p in paper.parts], "总分"]
    row = ["得分", *([""] * (len(paper.parts) + 1))]
    first = 18 * mm
    each = min(22 * mm, (base.CONTENT_W - first) / (len(head) - 1))
    table = Table([head, row], colWidths=[first] + [each] * (len(head) - 1),
                  rowHeights=[7 * mm, 10 * mm], hAlign="CENTER")
    table.setStyle(base.grid_style())
    return table


def _title_block(paper: Paper, subtitle: str, sty: _Styles, unit: str = "") -> list:
    """(the unit that sets the paper,) the document, and the paper's name (学习测试卷（A卷）)."""
    head = [Paragraph(base.esc(unit), sty.unit)] if unit else []
    return head + [
        Paragraph(base.esc(paper.title), sty.doc_title),
        Spacer(1, 1 * mm),
        _heavy(f"{subtitle}（{paper.variant}卷）"),
    ]


# ---------------------------------------------------------------------------------- the paper


def _numbered(number: int, para: Paragraph, bracket: bool = False) -> Table:
    """The question number in its own narrow column, so two-digit numbers never touch the stem;
    with `bracket`, the answer bracket in its own column at the right, on the stem's last line."""
    st = _Styles()
    if bracket:
        row = [Paragraph(f"{number}.", st.option), para, Paragraph(_bracket(), st.option_stem)]
        widths = [NUMBER_W, base.CONTENT_W - NUMBER_W - BRACKET_W, BRACKET_W]
    else:
        row = [Paragraph(f"{number}.", st.option), para]
        widths = [NUMBER_W, base.CONTENT_W - NUMBER_W]
    table = Table([row], colWidths=widths)
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (2, 0), (2, 0), "BOTTOM"),
    ]))
    return table


def _question_items(q: PaperQuestion, sty: _Styles, lines: bool = True) -> list:
    items: list = [_numbered(q.number, Paragraph(_stem_markup(q), sty.option_stem), _trailing_bracket(q))]
    options = _options_table(q, sty)
    if options is not None:
        items.append(options)
    if q.type == "short" and lines:  # (with an 答题卡 the answer goes there, not on the paper)
        items.append(Spacer(1, 2 * mm))
        items.append(_RuledLines(5))
    items.append(Spacer(1, 2.2 * mm))
    return items


class _RuledLines(Flowable):
    """Ruled lines to write a short answer on."""

    def __init__(self, lines: int, gap: float = 9 * mm, indent: float = NUMBER_W) -> None:
        super().__init__()
        self.lines, self.gap, self.indent = lines, gap, indent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.lines * self.gap

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(colors.Color(0.55, 0.55, 0.55))
        c.setLineWidth(0.4)
        for i in range(self.lines):
            y = (self.lines - i - 1) * self.gap + 1
            c.line(self.indent, y, self.width, y)
        c.restoreState()


def paper_story(paper: Paper, unit: str = "", answer_sheet: bool = True) -> list:
    """The flowables of one variant: title, candidate lines, score grid, parts and questions.

    Without an 答题卡 the instructions say to answer on the paper itself, not on a sheet that
    was never handed out.
    """
    sty = _Styles()
    story: list = [_PartMark(f"{paper.variant}卷", f"学习测试卷（{paper.variant}卷）", paper.seed)]
    story += _title_block(paper, "学习测试卷", sty, unit)
    story.append(Paragraph(
        f"考试时间：{paper.minutes} 分钟　　满分：{fmt_score(paper.total)} 分　　"
        f"共 {len(paper.parts)} 大题 {len(paper.questions)} 小题", sty.info))
    story += [Spacer(1, 3 * mm), _candidate_lines(sty), Spacer(1, 3 * mm), _score_grid(paper),
              Spacer(1, 2 * mm)]
    story.append(Paragraph(
        f"注意：{'请将答案填写在答题卡上' if answer_sheet else '请将答案直接写在试卷上'}；"
        "单选题只有一个正确选项，多选题有两个或两个以上正确选项，多选、少选、错选均不得分。", sty.small))
    for part in paper.parts:
        # the heading goes with the part's first question, whatever its height (no fixed
        # reserve that sends a one-line 简答题 to a page of its own)
        for k, q in enumerate(part.questions):
            items = _question_items(q, sty, lines=not answer_sheet)
            if k == 0:
                items = [Paragraph(part_heading(part), sty.part), *items]
            story.append(KeepTogether(items))
    return story


# ---------------------------------------------------------------------------------- answer sheet


class _Bubbles(Flowable):
    """One question on the answer sheet: its number and a row of [A] [B] [C] [D] to fill."""

    BOX_W = 6.2 * mm
    BOX_H = 3.6 * mm
    GAP = 1.6 * mm

    def __init__(self, number: int, marks: Sequence[str]) -> None:
        super().__init__()
        self.number = number
        self.marks = list(marks)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = 8 * mm + len(self.marks) * (self.BOX_W + self.GAP)
        return self.width, self.BOX_H + 2.4 * mm

    def draw(self) -> None:
        c = self.canv
        font = base.styles().font
        c.saveState()
        c.setFont(font, 9.5)
        y = 1.2 * mm
        c.drawRightString(6.5 * mm, y + 0.9 * mm, str(self.number))
        x = 8 * mm
        c.setLineWidth(0.6)
        for mark in self.marks:
            c.setStrokeColor(colors.Color(0.25, 0.25, 0.25))
            c.roundRect(x, y, self.BOX_W, self.BOX_H, 1.2 * mm)
            c.setFont(font, 7.5)
            c.setFillColor(colors.Color(0.3, 0.3, 0.3))
            c.drawCentredString(x + self.BOX_W / 2, y + 0.95 * mm, mark)
            x += self.BOX_W + self.GAP
        c.restoreState()


def _bubble_grid(part: PaperPart, per_row: int) -> Table:
    cells: list[Any] = []  # the bubbles, and blanks to fill the last row
    for q in part.questions:
        marks = ["√", "×"] if q.type == "judge" else [LETTERS[i] for i in range(len(q.options) or 4)]
        cells.append(_Bubbles(q.number, marks))
    # As many per row as the widest question allows (a 5-option question needs more room).
    widest = max(c.wrap(0, 0)[0] for c in cells) + 5 * mm
    per_row = max(1, min(per_row, int((base.CONTENT_W - 4 * mm) // widest)))
    rows = [cells[i: i + per_row] for i in range(0, len(cells), per_row)]
    if rows and len(rows[-1]) < per_row:
        rows[-1] += [""] * (per_row - len(rows[-1]))
    width = (base.CONTENT_W - 4 * mm) / per_row
    table = Table(rows, colWidths=[width] * per_row, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, base.GRID),
        ("LINEAFTER", (0, 0), (-2, -1), 0.3, colors.Color(0.6, 0.6, 0.6)),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _fill_lines(part: PaperPart, sty: _Styles) -> Table:
    st = base.styles()
    cells = []
    for q in part.questions:
        blanks = len(q.answer) if isinstance(q.answer, (list, tuple)) and q.answer else 1
        line = "　".join(f"<u>{'&nbsp;' * (40 if blanks == 1 else 18)}</u>" for _ in range(blanks))
        cells.append(Paragraph(f"{q.number}.&nbsp;{line}", st.field))
    rows = [cells[i: i + 2] for i in range(0, len(cells), 2)]
    if rows and len(rows[-1]) < 2:
        rows[-1].append("")
    table = Table(rows, colWidths=[base.CONTENT_W / 2] * 2, hAlign="CENTER")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, base.GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


class _AnswerBox(Flowable):
    """The box a 简答题 is answered in, sized to the page it lands on.

    It takes its share of the height left on the page (the boxes still to come share the
    rest), between MIN_LINES and MAX_LINES ruled lines: on the page of the other parts it fits
    what is left rather than leaving a near-empty page with one box on it; on a page of its
    own the boxes share the page. The part's heading is drawn with the first box, so the two
    never part."""

    MIN_LINES, MAX_LINES, GAP = 4, 16, 9 * mm
    HEAD_H, NUMBER_H, PAD = 8 * mm, 7 * mm, 3 * mm

    def __init__(self, number: int, remaining: int, heading: str = "") -> None:
        super().__init__()
        self.number, self.remaining, self.heading = number, max(1, remaining), heading
        self.lines = self.MIN_LINES

    def _height(self, lines: int) -> float:
        return (self.HEAD_H if self.heading else 0) + self.NUMBER_H + lines * self.GAP + self.PAD + 2 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        if availHeight > 2000:  # measured without a page (KeepTogether): its smallest size
            self.lines = self.MIN_LINES
        else:
            share = availHeight / self.remaining
            fixed = self._height(0)
            self.lines = max(self.MIN_LINES, min(self.MAX_LINES, int((share - fixed) // self.GAP)))
        return availWidth, self._height(self.lines)

    def split(self, availWidth: float, availHeight: float) -> list:
        return []  # never cut: the whole box goes to the next page

    def draw(self) -> None:
        c = self.canv
        st = base.styles()
        top = self._height(self.lines)
        c.saveState()
        if self.heading:
            c.setFont(st.font, 11)
            c.drawString(0, top - 5.5 * mm, self.heading)
            top -= self.HEAD_H
        box_h = top - 2 * mm
        c.setStrokeColor(base.GRID)
        c.setLineWidth(0.8)
        c.rect(0, 2 * mm, self.width, box_h)
        c.setFont(st.font, 10.5)
        c.drawString(2 * mm, 2 * mm + box_h - 5 * mm, f"{self.number}.")
        c.setStrokeColor(colors.Color(0.55, 0.55, 0.55))
        c.setLineWidth(0.4)
        first = 2 * mm + box_h - self.NUMBER_H - self.GAP + 1
        for i in range(self.lines):
            y = first - i * self.GAP
            c.line(2 * mm, y, self.width - 2 * mm, y)
        c.restoreState()


def answer_sheet_story(paper: Paper, unit: str = "") -> list:
    """答题卡: candidate box, instructions, a bubble grid per choice part, lines for the rest."""
    sty = _Styles()
    story: list = [PageBreak(), _PartMark(f"{paper.variant}卷答题卡", f"答题卡（{paper.variant}卷）", paper.seed)]
    story += _title_block(paper, "答 题 卡", sty, unit)
    info = Table(
        [["姓　名", "", "单　位", "", "卷　别", f"{paper.variant} 卷"],
         ["得　分", "", "阅卷人", "", "复核人", ""]],
        colWidths=[18 * mm, 32 * mm, 18 * mm, 56 * mm, 18 * mm, base.CONTENT_W - 142 * mm],
        rowHeights=[10 * mm, 10 * mm], hAlign="CENTER",
    )
    info.setStyle(base.grid_style(header_rows=0, extra=[
        ("BACKGROUND", (0, 0), (0, -1), base.HEADER_FILL),
        ("BACKGROUND", (2, 0), (2, -1), base.HEADER_FILL),
        ("BACKGROUND", (4, 0), (4, -1), base.HEADER_FILL),
    ]))
    story += [Spacer(1, 2 * mm), info, Spacer(1, 3 * mm)]
    notes = [
        "1. 答题前，请先填写姓名和单位，并核对卷别。",
        "2. 选择题、判断题请将所选项的方框涂黑（▄），修改时用橡皮擦干净；判断题正确涂“√”，错误涂“×”。",
        "3. 填空题、简答题请用黑色签字笔在规定区域内作答，超出区域的答案无效。",
    ]
    story.append(Table([[Paragraph("注意事项", sty.small)], *[[Paragraph(n, sty.note)] for n in notes]],
                       colWidths=[base.CONTENT_W], hAlign="CENTER",
                       style=TableStyle([("BOX", (0, 0), (-1, -1), 0.6, base.GRID),
                                         ("LEFTPADDING", (0, 0), (-1, -1), 5),
                                         ("TOPPADDING", (0, 0), (-1, -1), 1),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])))
    for part in paper.parts:
        block: list = [Paragraph(part_heading(part), sty.part)]
        if part.type in ("single", "multiple"):
            block.append(_bubble_grid(part, 4))
        elif part.type == "judge":
            block.append(_bubble_grid(part, 5))
        elif part.type == "fill":
            block.append(_fill_lines(part, sty))
        if part.type == "short":
            n = len(part.questions)
            for k, q in enumerate(part.questions):
                story.append(_AnswerBox(q.number, n - k, part_heading(part) if k == 0 else ""))
        else:
            story.append(KeepTogether(block))
    return story


def build_paper_pdf(papers: Sequence[Paper], unit: str = "", answer_sheets: bool = True) -> bytes:
    """试卷 (each variant, numbered on its own), each followed by its 答题卡 when asked."""
    story: list = []
    for i, paper in enumerate(papers):
        if i:
            story.append(PageBreak())
        story += paper_story(paper, unit, answer_sheets)
        if answer_sheets:
            story += answer_sheet_story(paper, unit)
    pdf = _render(story, unit, "学习测试卷")
    log.debug("paper: %d variants, %d bytes", len(papers), len(pdf))
    return pdf


# ---------------------------------------------------------------------------------- answer key


def _key_answer(q: PaperQuestion, sty: _Styles) -> Paragraph:
    if q.type in ("single", "multiple"):
        picked = [f"{LETTERS[i]}. {q.options[i]}" for i in sorted(q.answer or []) if i < len(q.options)]
        text = f"<font size=11>{q.answer_text}</font><br/>" + "<br/>".join(base.esc(p) for p in picked)
    elif q.type == "short":
        points = list(q.answer or []) if isinstance(q.answer, (list, tuple)) else [str(q.answer)]
        each = q.points / len(points) if points else q.points
        text = "<br/>".join(f"{CIRCLED[i] if i < len(CIRCLED) else i + 1} {base.esc(str(p))}"
                            for i, p in enumerate(points))
        text += f"<br/><font size=8.5>（每个要点 {fmt_score(each)} 分，意思相近即可）</font>"
    else:
        text = base.esc(q.answer_text)
    return Paragraph(text, sty.key)


def _norm_quote(s: str) -> str:
    return re.sub(r"[\s“”\"。.]", "", s)


def _key_source(q: PaperQuestion, sty: _Styles) -> Paragraph:
    lines = []
    if q.source:
        lines.append(f"出处：{base.esc(q.source)}")
    if q.quote:
        # no full stop before the closing quote: reportlab hangs one closing mark past a full
        # line, not two, so 「。”」 could leave 「”」 alone at the start of the next line
        lines.append(f"原文：“{base.esc(q.quote.strip().rstrip('。.'))}”")
    if q.type == "judge" and not q.answer and q.explanation:
        # the explanation opens with the same 原文 the row already prints: keep what it adds
        note = re.sub(r"^原文[:：]\s*“.*?”[。.]?\s*", "", q.explanation.strip(), count=1, flags=re.S)
        if q.quote and _norm_quote(q.quote) in _norm_quote(note):
            note = ""
        if note:
            lines.append(f"说明：{base.esc(note)}")
    return Paragraph("<br/>".join(lines) or "—", sty.small)


def answer_key_story(paper: Paper, unit: str = "") -> list:
    sty = _Styles()
    story: list = [_PartMark(f"{paper.variant}卷答案", f"参考答案（{paper.variant}卷）", paper.seed)]
    story += _title_block(paper, "参考答案及评分标准", sty, unit)
    story.append(Paragraph(
        f"满分 {fmt_score(paper.total)} 分。每题答案后附出处原文，阅卷和讲评时可对照原文核对。",
        sty.info))
    story.append(Spacer(1, 2 * mm))
    widths = [13 * mm, 52 * mm, base.CONTENT_W - 65 * mm]
    for part in paper.parts:
        # a key row with its quoted sentence is 20–30 mm tall: less room than a heading, the
        # column titles and one row would leave the part's heading alone at the foot of a page
        story.append(CondPageBreak(45 * mm))
        story.append(Paragraph(part_heading(part), sty.part))
        rows: list[list] = [["题号", "答案", "出处与原文"]]
        for q in part.questions:
            rows.append([str(q.number), _key_answer(q, sty), _key_source(q, sty)])
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="CENTER")
        table.setStyle(base.grid_style(extra=[("ALIGN", (1, 1), (-1, -1), "LEFT"),
                                              ("VALIGN", (0, 1), (-1, -1), "TOP")]))
        story.append(table)
    return story


def build_answer_key(papers: Sequence[Paper], unit: str = "") -> bytes:
    """参考答案 of each variant (answer, source section and quoted sentence per question)."""
    story: list = []
    for i, paper in enumerate(papers):
        if i:
            story.append(PageBreak())
        story += answer_key_story(paper, unit)
    return _render(story, unit, "参考答案")


def _render(story: list, unit: str, title: str) -> bytes:
    buffer = io.BytesIO()
    doc = base.make_doc(buffer, unit, title)
    doc.build(story, canvasmaker=_PaperCanvas)
    return buffer.getvalue()
