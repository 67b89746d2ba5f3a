"""The audience view: what the projector shows to the room, in very large type.

Read from the back of a meeting room: a question at 60 px or more on a 1080p projector, options
almost as large, a countdown big enough to see without reading, an end signal no one can miss
(the screen edge flashes red and 时间到 is written across it), a scoreboard with ranks, and B to
blank the screen. Everything is sized from the window's height, so a 1024×768 projector shows
the same page, only smaller; a question too long for the screen shrinks as a whole until it
fits rather than being cut off. Text is laid out by QTextDocument and painted by hand, so what
is measured for fitting is exactly what is drawn.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.contest import ScoreLine
from studyapp.services.dto_room import RoomPage, RoomQuestion
from studyapp.ui import style
from studyapp.ui.room.timer import clock_text

log = logging.getLogger("studyapp.room")

# Colours: deep blue with white text reads well on office projectors in lit rooms and dark ones.
BG = style.PROJECTOR_BG
INK = style.PROJECTOR_INK
SOFT = style.PROJECTOR_SOFT
GOLD = style.PROJECTOR_GOLD
RIGHT = style.PROJECTOR_RIGHT
RIGHT_INK = style.PROJECTOR_INK
ALERT = style.PROJECTOR_ALERT
WARN = style.PROJECTOR_WARN
PANEL = style.PROJECTOR_PANEL
LETTERS = "ABCDEFGH"

REFERENCE_HEIGHT = 1080  # sizes below are px at 1080p and scale with the window's height
STEM_PX = 64
OPTION_PX = 54
ANSWER_PX = 48
QUOTE_PX = 40
READING_PX = 54
TITLE_PX = 40
CLOCK_PX = 120
BOARD_PX = 44
MIN_FIT = 0.5  # shrink a long question down to half size before anything is cut off


def _font(family: str, px: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setFamilies([family])
    font.setPixelSize(max(8, int(round(px))))
    font.setBold(bold)
    return font


def _esc(text: str) -> str:
    return html.escape(text or "").replace("\n", "<br/>")


class DocPane(QWidget):
    """Paints one QTextDocument; `offset` scrolls it by whole lines (paging within a section)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = QTextDocument(self)
        self.doc.setDocumentMargin(0)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        self.offset = 0.0
        self.clip: float | None = None  # height shown from `offset` (the next page is hidden)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_html(self, markup: str, font: QFont) -> None:
        self.doc.setDefaultFont(font)
        self.doc.setHtml(markup)
        self.doc.setTextWidth(max(1, self.width()))
        self.offset = 0.0
        self.clip = None
        self.update()

    def content_height(self, width: float | None = None) -> float:
        self.doc.setTextWidth(max(1.0, width if width is not None else self.width()))
        return float(self.doc.size().height())

    def line_tops(self) -> list[float]:
        """The top of every laid-out line (page breaks fall between lines, never through one)."""
        tops: list[float] = []
        layout = self.doc.documentLayout()
        block = self.doc.begin()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            lay = block.layout()
            for i in range(lay.lineCount()):
                tops.append(rect.top() + lay.lineAt(i).y())
            block = block.next()
        return tops

    def plain_text(self) -> str:
        return self.doc.toPlainText()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.doc.setTextWidth(max(1, self.width()))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.translate(QPointF(0, -self.offset))
        height = self.height() if self.clip is None else min(self.height(), self.clip)
        self.doc.drawContents(painter, QRectF(0, self.offset, self.width(), height))
        painter.end()


class AudienceView(QWidget):
    """The projector's picture; the controller tells it what to show, it only draws."""

    blankedChanged = Signal(bool)

    def __init__(self, family: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.family = family
        self.setObjectName("audienceView")
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(BG))
        self.setPalette(pal)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)  # no arrow on the projected picture
        self.mode = "none"  # reading | question | board
        self.page: RoomPage | None = None
        self.question: RoomQuestion | None = None
        self.revealed = False
        self.fit = 1.0  # the scale a long question was shrunk to
        self._q_pos = (0, 0)
        self._page_pos = (0, 0)
        self._tops: list[float] = []
        self._page_starts: list[float] = [0.0]
        self._page_no = 0
        self._scores: list[ScoreLine] = []
        self._timer_visible = False
        self._timer_ms = 0
        self._expired = False
        self._flashes = 0

        self.info = QLabel(self)
        self.banner = QLabel(self)
        self.clock = QLabel(self)
        for lbl in (self.info, self.clock):
            lbl.setStyleSheet(f"color: {SOFT}; background: transparent;")
        self.banner.setStyleSheet(f"color: {GOLD}; background: transparent;")
        self.banner.hide()
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock.hide()
        # left: the banner (round, team) in gold over the position line; right: the countdown
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.banner)
        heading.addWidget(self.info)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignTop)

        self.crumb = QLabel(self)
        self.crumb.setWordWrap(True)
        self.crumb.setStyleSheet(f"color: {GOLD}; background: transparent;")
        self.body = DocPane(self)
        self.more = QLabel("", self)
        self.more.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.more.setStyleSheet(f"color: {GOLD}; background: transparent;")
        self.more.hide()

        self.board = DocPane(self)
        self.stack_host = QWidget(self)
        self.stack = QStackedLayout(self.stack_host)
        reading = QWidget(self.stack_host)
        rl = QVBoxLayout(reading)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.crumb)
        rl.addWidget(self.body, 1)
        rl.addWidget(self.more)
        self.stack.addWidget(reading)
        self.stack.addWidget(self.board)

        self.strip = QWidget(self)
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip.hide()

        self.outer = QVBoxLayout(self)
        self.outer.addLayout(top)
        self.outer.addWidget(self.stack_host, 1)
        self.outer.addWidget(self.strip)

        # overlays, positioned by hand over everything
        self.toast_label = QLabel(self)
        self.toast_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toast_label.hide()
        self._toast_timer = QTimer(self)
        self._toast_timer.setSingleShot(True)
        self._toast_timer.timeout.connect(self.toast_label.hide)
        self.times_up = QLabel("时间到", self)
        self.times_up.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.times_up.hide()
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(250)
        self._flash_timer.timeout.connect(self._flash)
        # 手机答题: the QR code and the address, in the top right corner while phones are on
        self.join_card = QWidget(self)
        self.join_card.setObjectName("joinCard")
        self.join_card.setStyleSheet("QWidget#joinCard { background: white; border: 2px solid #b3261e; border-radius: 8px; }")
        jl = QVBoxLayout(self.join_card)
        jl.setContentsMargins(8, 8, 8, 6)
        jl.setSpacing(2)
        self.join_qr = QLabel(self.join_card)
        self.join_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.join_text = QLabel(self.join_card)
        self.join_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.join_text.setWordWrap(True)
        self.join_count = QLabel(self.join_card)
        self.join_count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.join_count.setWordWrap(True)
        self.join_count.setStyleSheet("color: #b3261e;")
        jl.addWidget(self.join_qr)
        jl.addWidget(self.join_text)
        jl.addWidget(self.join_count)
        self.join_card.hide()
        self.join_url = ""
        self._join_pix: QPixmap | None = None
        self.blank = QWidget(self)
        self.blank.setObjectName("blankScreen")
        self.blank.setStyleSheet("background: black;")
        self.blank.hide()
        self._restyle()

    # 手机答题 --------------------------------------------------------------------------------------
    def show_join(self, url: str, qr: QPixmap | None) -> None:
        """The QR code and the short address phones open, over the top right corner."""
        self.join_url = url
        self._join_pix = qr
        address, _, code = url.removeprefix("http://").partition("/")
        self.join_text.setText(f"<b>手机扫码答题</b><br>{html.escape(address)}<br>/{html.escape(code)}")
        self.join_card.show()
        self._place_join()

    def set_join_count(self, answered: int, expected: int, distribution: Sequence[tuple[str, int]] = (),
                       leaders: Sequence[tuple[str, int]] = ()) -> None:
        """本题已答 N / M 人 (how many, never what); after 公布答案, how many chose each option;
        the 排行榜 when the host turned it on."""
        text = f"本题已答 {answered} / {expected} 人"
        if distribution:
            text += "<br>" + "　".join(f"{html.escape(k)} {n}" for k, n in distribution)
        if leaders:
            text += "<br><br>排行榜<br>" + "<br>".join(f"{i}. {html.escape(name)}　{n} 题"
                                                     for i, (name, n) in enumerate(leaders, start=1))
        self.set_join_text(text)

    def set_join_text(self, text: str) -> None:
        """The line under the QR code (a contest: 已加入 N / M 人); `text` is markup, escaped by the caller.
        (Only the card is fitted again: the QR code and the fonts keep their size.)"""
        if text != self.join_count.text():
            self.join_count.setText(text)
            if self.join_card.isVisible():
                self._fit_join_card()

    def hide_join(self) -> None:
        self.join_url = ""
        self.join_card.hide()
        self._restyle()
        QTimer.singleShot(0, self.relayout)

    def _place_join(self) -> None:
        if not self.join_card.isVisible():
            return
        side = max(120, int(min(self.width(), self.height()) * 0.22))
        self.join_qr.setFixedSize(side, side)
        pix = self._join_pix
        if pix is not None and not pix.isNull():  # (from the original: a QR code scaled twice blurs)
            self.join_qr.setPixmap(pix.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.FastTransformation))
        self.join_text.setFont(_font(self.family, max(12.0, 26 * self.k)))
        self.join_count.setFont(_font(self.family, max(12.0, 28 * self.k), bold=True))
        self._fit_join_card()

    def _fit_join_card(self) -> None:
        self.join_card.adjustSize()
        self.join_card.move(self.width() - self.join_card.width() - 12, 12)
        self.join_card.raise_()
        self.blank.raise_()
        # the question, its clock and its options keep clear of the card
        m = self.outer.contentsMargins()
        right = max(m.left(), self.join_card.width() + 24)
        if m.right() != right:
            self.outer.setContentsMargins(m.left(), m.top(), right, m.bottom())
            QTimer.singleShot(0, self.relayout)

    # sizes -----------------------------------------------------------------------------------
    @property
    def k(self) -> float:
        """Scale of this screen against 1080p (a 768-line projector gets 0.71)."""
        return max(0.4, self.height() / REFERENCE_HEIGHT)

    def px(self, size: float) -> int:
        return int(round(size * self.k))

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)

    def _restyle(self) -> None:
        k = self.k
        margin = self.px(56)
        right = self.join_card.width() + 24 if self.join_card.isVisible() else margin
        self.outer.setContentsMargins(margin, self.px(28), max(margin, right), self.px(28))
        self.outer.setSpacing(self.px(18))
        self.info.setFont(_font(self.family, TITLE_PX * k))
        self.banner.setFont(_font(self.family, TITLE_PX * 1.15 * k, bold=True))
        self.crumb.setFont(_font(self.family, TITLE_PX * k))
        self.more.setFont(_font(self.family, 30 * k))
        self.clock.setFont(_font(self.family, CLOCK_PX * k, bold=True))
        self.clock.setMinimumWidth(self.px(230))
        self.times_up.setFont(_font(self.family, 200 * k, bold=True))
        self.times_up.setStyleSheet(f"color: white; background: {style.PROJECTOR_TIME_UP}; border: {self.px(8)}px solid white;"
                                    f"border-radius: {self.px(24)}px;")
        self.toast_label.setFont(_font(self.family, 64 * k, bold=True))
        self._style_clock()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()
        self.blank.setGeometry(self.rect())
        w, h = self.width(), self.height()
        self.times_up.setGeometry(int(w * 0.18), int(h * 0.3), int(w * 0.64), int(h * 0.4))
        self._place_toast()
        self._place_join()
        QTimer.singleShot(0, self.relayout)  # after the layouts have given the panes their size

    def relayout(self) -> None:
        """Lay the current content out again at this size (fonts depend on the height)."""
        if self.mode == "reading" and self.page is not None:
            self._layout_page(keep_page=True)
        elif self.mode == "question" and self.question is not None:
            self._layout_question()
        elif self.mode == "board":
            self._layout_board()
        self._layout_strip()

    # 集体领学 ----------------------------------------------------------------------------------
    def show_page(self, page: RoomPage, index: int, count: int) -> None:
        self.mode = "reading"
        self.page = page
        self.question = None
        self.set_banner("")
        self._page_pos = (index, count)
        self.stack.setCurrentIndex(0)
        self.crumb.show()
        self.more.show()
        self.crumb.setText(page.breadcrumb)
        self._page_no = 0
        self._layout_page(keep_page=False)

    def _layout_page(self, keep_page: bool) -> None:
        page = self.page
        assert page is not None
        k = self.k
        index, count = self._page_pos
        self.info.setText(f"集体领学　{index + 1} / {count}")
        # a section a few lines too long is shrunk a little rather than leaving a one-line page
        for f in (1.0, 0.95, 0.9, 0.85, 0.8):
            self._build_page(READING_PX * k * f)
            if len(self._page_starts) == 1:
                break
        if len(self._page_starts) > 1:
            self._build_page(READING_PX * k)
        if not keep_page:
            self._page_no = 0
        self._page_no = min(self._page_no, len(self._page_starts) - 1)
        self._apply_page()

    def _build_page(self, body_px: float) -> None:
        page = self.page
        assert page is not None
        if page.section_id is None:  # the cover: title centred, note and preamble below
            parts = [f"<p align='center' style='font-size:{int(body_px * 1.15)}px; color:{GOLD};'>"
                     f"<b>{_esc(page.heading)}</b></p>"]
            if page.note:
                parts.append(f"<p align='center' style='font-size:{int(body_px * 0.7)}px; color:{SOFT};'>"
                             f"{_esc(page.note)}</p>")
            if page.text:
                parts.append(f"<p style='line-height:150%; color:{INK};'>{_esc(page.text)}</p>")
            markup = "".join(parts)
        else:
            markup = (f"<p style='font-size:{int(body_px * 1.05)}px; color:{GOLD};'><b>{_esc(page.heading)}</b></p>"
                      f"<p style='line-height:150%; color:{INK};'>{_esc(page.text)}</p>")
        self.body.set_html(markup, _font(self.family, body_px))
        self.body.doc.setTextWidth(max(1, self.body.width()))
        self._tops = self.body.line_tops()
        view_h = max(1, self.body.height())
        starts = [0.0]
        for top in self._tops:
            if top - starts[-1] > 0 and self._bottom_of_line(top) - starts[-1] > view_h:
                starts.append(top)
        self._page_starts = starts
        self._laid_size = self.body.size()

    def _bottom_of_line(self, top: float) -> float:
        after = [t for t in self._tops if t > top]
        return after[0] if after else self.body.content_height()

    def _apply_page(self) -> None:
        self.body.offset = self._page_starts[self._page_no]
        more = self._page_no < len(self._page_starts) - 1
        # both lines stay in the layout (maybe empty) so the text area keeps its height
        self.more.setText("▼ 下页继续" if more else "")
        # hide what belongs to the next page: no line is ever shown cut in half
        self.body.clip = (self._page_starts[self._page_no + 1] - self.body.offset) if more else None
        self.body.update()
        if self.page is not None:  # a continuation screen names its section above the text
            crumb = self.page.breadcrumb
            if self._page_no > 0:
                crumb = " › ".join(p for p in (crumb, f"{self.page.heading}（续）") if p)
            self.crumb.setText(crumb)

    @property
    def page_count_in_section(self) -> int:
        return len(self._page_starts)

    @property
    def page_in_section(self) -> int:
        return self._page_no

    def _fresh(self) -> None:
        """Lay the page out again if the window changed size since (the relayout after a resize
        is queued; a clicker press may come first)."""
        if self.mode == "reading" and self.page is not None and self.body.size() != getattr(self, "_laid_size", None):
            self._layout_page(keep_page=True)

    def page_down(self) -> bool:
        """Next screenful of a long section; False when the section's end is already shown."""
        self._fresh()
        if self.mode == "reading" and self._page_no < len(self._page_starts) - 1:
            self._page_no += 1
            self._apply_page()
            return True
        return False

    def page_up(self) -> bool:
        self._fresh()
        if self.mode == "reading" and self._page_no > 0:
            self._page_no -= 1
            self._apply_page()
            return True
        return False

    def last_page_of_section(self) -> None:
        """Coming back from the next section lands on the end of this one, as slides do."""
        self._page_no = len(self._page_starts) - 1
        self._apply_page()

    # 集体测验 / 知识竞赛 -------------------------------------------------------------------------
    def show_question(self, q: RoomQuestion, index: int, count: int, *, banner: str = "",
                      revealed: bool = False) -> None:
        self.mode = "question"
        self.question = q
        self.page = None
        self.revealed = revealed
        self._q_pos = (index, count)
        self.set_banner(banner)
        self.crumb.hide()
        self.more.hide()
        self.stack.setCurrentIndex(0)
        self._layout_question()

    def reveal(self, on: bool = True) -> None:
        self.revealed = on
        if self.mode == "question":
            self._layout_question()

    def set_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def _options(self, q: RoomQuestion) -> list[tuple[str, str, bool]]:
        if q.type == "judge":
            return [("√", "正确", bool(q.answer)), ("×", "错误", not bool(q.answer))]
        right = set(q.correct_options)
        return [(LETTERS[i], text, i in right) for i, text in enumerate(q.options)]

    def question_html(self, f: float) -> str:
        """The question at scale `f` (1.0 = full size); the fit loop shrinks f for long ones."""
        q = self.question
        assert q is not None
        k = self.k * f
        stem = q.stem.replace("____", "＿＿＿＿")
        if self.revealed and q.type == "fill":
            answers = q.answer if isinstance(q.answer, (list, tuple)) else [q.answer]
            for a in answers:
                stem = stem.replace("＿＿＿＿", f"\x00{a}\x01", 1)
        stem_html = _esc(stem).replace("\x00", f"<u><span style='color:{GOLD};'>").replace("\x01", "</span></u>")
        parts = [f"<p style='font-size:{int(STEM_PX * k)}px; line-height:130%; color:{INK};'>"
                 f"{stem_html}</p>"]
        opts = self._options(q)
        if opts:
            pad = int(10 * k)
            rows = []
            two_cols = q.type == "judge" or all(len(t) <= 8 for _, t, _ in opts)
            cells = []
            for letter, text, right in opts:
                hit = self.revealed and right
                bg = RIGHT if hit else PANEL
                mark = "　✔" if hit else ""
                cells.append(
                    f"<td bgcolor='{bg}' style='padding:{pad}px; font-size:{int(OPTION_PX * k)}px; "
                    f"color:{RIGHT_INK if hit else INK};'><b>{letter}</b>．{_esc(text)}{mark}</td>")
            if two_cols:
                for i in range(0, len(cells), 2):
                    rows.append("<tr>" + "".join(cells[i:i + 2]) + "</tr>")
            else:
                rows = [f"<tr>{c}</tr>" for c in cells]
            parts.append(f"<table width='100%' cellspacing='{int(14 * k)}' cellpadding='{pad}'>"
                         + "".join(rows) + "</table>")
        if self.revealed:
            parts.append(
                f"<p style='font-size:{int(ANSWER_PX * k)}px; color:{GOLD};'><b>答案：{_esc(q.answer_text)}</b></p>")
            if q.quote:
                source = f"（{_esc(q.source)}）" if q.source else ""
                parts.append(
                    f"<p style='font-size:{int(QUOTE_PX * k)}px; line-height:130%; color:{SOFT};'>"
                    f"出处{source}：“{_esc(q.quote)}”</p>")
        return "".join(parts)

    @property
    def stem_px(self) -> int:
        """The question text's pixel size as shown (tests hold it to ≥ 40 px at 1080p)."""
        return int(STEM_PX * self.k * self.fit)

    def _layout_question(self) -> None:
        q = self.question
        assert q is not None
        index, count = self._q_pos
        self.info.setText(f"第 {index + 1} 题 / 共 {count} 题　{q.type_name}")
        avail_w = max(1, self.body.width())
        avail_h = max(1, self.body.height())
        f = 1.0
        while True:
            self.body.set_html(self.question_html(f), _font(self.family, STEM_PX * self.k * f))
            if self.body.content_height(avail_w) <= avail_h or f <= MIN_FIT:
                break
            f = round(f - 0.05, 2)
        if f <= MIN_FIT and self.body.content_height(avail_w) > avail_h and self.isVisible():
            log.warning("question %s does not fit even at %.0f%%", q.id, f * 100)
        self.fit = f

    # scoreboard ------------------------------------------------------------------------------
    def set_scores(self, lines: Sequence[ScoreLine] | None, order: Sequence[str] = ()) -> None:
        """The strip under a contest question (teams in `order`, so each finds its place, with
        rank badges) and the full board (by rank)."""
        self._scores = list(lines or [])
        self._order = list(order)
        self._layout_strip()
        if self.mode == "board":
            self._layout_board()

    def _layout_strip(self) -> None:
        while self.strip_layout.count():
            item = self.strip_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        lines = self._scores
        show = bool(lines) and self.mode != "board" and len(lines) <= 8
        self.strip.setVisible(show)
        if not show:
            return
        k = self.k
        order = {tid: i for i, tid in enumerate(getattr(self, "_order", []))}
        by_setup = sorted(lines, key=lambda s: order.get(s.team_id, len(order)))
        size = BOARD_PX * k * (1.0 if len(lines) <= 5 else 0.8)
        self.strip_layout.setSpacing(self.px(16))
        for line in by_setup:
            lbl = QLabel(self.strip)
            lead = line.rank == 1
            lbl.setText(f"<span style='color:{GOLD if lead else SOFT};'>第{line.rank}名</span>　"
                        f"{_esc(line.name)}　<b>{line.score:g}</b>")
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lbl.setFont(_font(self.family, size))
            lbl.setStyleSheet(f"color:{INK}; background:{PANEL}; border-radius:{self.px(12)}px;"
                              f"padding:{self.px(10)}px;" + (f"border: {max(2, self.px(4))}px solid {GOLD};" if lead else ""))
            self.strip_layout.addWidget(lbl, 1)

    def show_board(self, title: str = "积分榜") -> None:
        """The full scoreboard: every team with rank and score, leaders in gold."""
        self.mode = "board"
        self.board_title = title
        self.stack.setCurrentIndex(1)
        self.clock.hide()
        self._layout_board()
        self._layout_strip()

    def _layout_board(self) -> None:
        k = self.k
        self.set_banner(getattr(self, "board_title", "积分榜"))
        self.info.setText("")
        lines = self._scores
        avail_h = max(1, self.board.height())
        f = 1.0
        while True:
            size = int(BOARD_PX * 1.4 * k * f)
            rows = []
            for line in lines:
                color = GOLD if line.rank == 1 else INK
                rows.append(
                    f"<tr><td align='center' style='color:{color};'>第 {line.rank} 名</td>"
                    f"<td style='color:{color};'>{_esc(line.name)}</td>"
                    f"<td align='right' style='color:{color};'><b>{line.score:g}</b> 分</td></tr>")
            markup = (f"<table width='100%' cellspacing='0' cellpadding='{int(12 * k * f)}' "
                      f"style='font-size:{size}px;'>{''.join(rows)}</table>")
            self.board.set_html(markup, _font(self.family, size))
            if self.board.content_height() <= avail_h or f <= 0.4:
                break
            f = round(f - 0.05, 2)

    # countdown ---------------------------------------------------------------------------------
    def set_timer(self, ms: int, visible: bool = True) -> None:
        self._timer_ms = ms
        self._timer_visible = visible
        self.clock.setVisible(visible and self.mode == "question")
        self.clock.setText(clock_text(ms))
        if ms > 0 and self._expired:
            self.clear_timeout()
        self._style_clock()

    def _style_clock(self) -> None:
        ms = self._timer_ms
        if self._expired or ms <= 5000:
            bg, ink = ALERT, "white"
        elif ms <= 10000:
            bg, ink = WARN, "white"
        else:
            bg, ink = PANEL, GOLD
        self.clock.setStyleSheet(f"color:{ink}; background:{bg}; border-radius:{self.px(20)}px;"
                                 f"padding: 0 {self.px(18)}px;")

    @property
    def timed_out(self) -> bool:
        return self._expired

    def timeout(self) -> None:
        """The end signal: 时间到 across the screen and the picture flashing red a few times."""
        self._expired = True
        self.clock.setText("0")
        self._style_clock()
        self.times_up.show()
        self.times_up.raise_()
        self._flashes = 0
        self._flash_timer.start()

    def clear_timeout(self) -> None:
        self._expired = False
        self._flash_timer.stop()
        self.times_up.hide()
        self._set_bg(BG)
        self._style_clock()

    def _flash(self) -> None:
        self._flashes += 1
        self._set_bg(ALERT if self._flashes % 2 else BG)
        if self._flashes >= 8:
            self._flash_timer.stop()
            self._set_bg(BG)

    def _set_bg(self, color: str) -> None:
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(color))
        self.setPalette(pal)

    # toast, blank ------------------------------------------------------------------------------
    def toast(self, text: str, color: str = RIGHT, ms: int = 2500, ink: str = "white", *,
              under_question: bool = False) -> None:
        """A short message over the picture: 「第二组 答对 +10」; `under_question` (「第二组抢到
        （张三）」, the question still to be answered): in the free space under it, if there is any."""
        self._toast_under = under_question
        self.toast_label.setText(text)
        self.toast_label.setStyleSheet(f"color:{ink}; background:{color}; border-radius:{self.px(20)}px;"
                                       f"padding:{self.px(20)}px {self.px(50)}px;")
        self.toast_label.setFont(_font(self.family, 64 * self.k, bold=True))  # (a style sheet drops the font set before)
        self.toast_label.adjustSize()
        self._place_toast()
        self.toast_label.show()
        self.toast_label.raise_()
        self.blank.raise_()
        self._toast_timer.start(ms)

    def _place_toast(self) -> None:
        t = self.toast_label
        t.adjustSize()
        y = int(self.height() * 0.12)
        if getattr(self, "_toast_under", False) and self.mode == "question":
            top = self.body.mapTo(self, self.body.rect().topLeft()).y()
            below = top + int(min(self.body.content_height(), self.body.height())) + self.px(24)
            bottom = self.strip.y() if self.strip.isVisible() else self.height()
            if below + t.height() <= bottom - self.px(12):
                y = below
        t.move(max(0, (self.width() - t.width()) // 2), y)

    @property
    def blanked(self) -> bool:
        return self.blank.isVisible()

    def set_blanked(self, on: bool) -> None:
        """B on a clicker: the projector goes black (the room looks at the speaker)."""
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(on)
        if on:
            self.blank.raise_()
        self.blankedChanged.emit(on)
