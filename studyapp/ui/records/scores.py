"""成绩 of one session: typed like a spreadsheet (Enter goes down), or imported from a sheet;
statistics and a small distribution beside it; the 试题分析 where per-question results exist.

The list is everyone expected at the session (plus anyone who already has a score), so a clerk
with the marked paper pile types down the column without adding people first. Statistics come
from the scores service — the same figures the printed 成绩登记表 shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.core.stats import Band, ScoreStats, fmt_percent, fmt_score
from studyapp.services.context import AppContext, RecordConflict
from studyapp.services.dto_records import FileImportResult, SessionScores
from studyapp.ui import style
from studyapp.ui.conflict import ask_reapply
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.common import (
    ERROR_INK,
    Notify,
    OrderSwitch,
    cell,
    choose_table_file,
    make_table,
    muted_label,
    title_label,
)
from studyapp.ui.records.sheet import SheetModel, SheetView
from studyapp.ui.rowtable import Cell
from studyapp.ui.tasks import TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

COLUMNS = ("序号", "姓名", "单位", "得分", "名次", "备注")
SCORE_COL = 3
RANK_COL = 4
NOTE_COL = 5
ITEM_COLUMNS = ("题号", "正确率", "区分度", "提示", "")
ABSENT_WORDS = {"缺考", "缺", "未考", "-", "—"}


def parse_score(text: str) -> tuple[bool, float | None]:
    """(is_blank, score): blank clears, 缺考 is None, a number is a score; ValueError otherwise."""
    text = text.strip().replace("，", ".").replace("。", ".").replace("分", "")
    if not text:
        return True, None
    if text in ABSENT_WORDS:
        return False, None
    return False, float(text)


def percent(rate: float | None) -> str:
    return fmt_percent(rate)


@dataclass(slots=True)
class ScoreLine:
    """One person's row of the 成绩 sheet as shown: the score as typed or stored, its 名次 and
    备注, and — when what was typed is refused — why (shown in red, as its tooltip)."""

    person_id: int
    name: str
    unit: str
    score: str = ""
    rank: str = ""
    note: str = ""
    tip: str = ""  # the score's history, or why it was refused
    refused: bool = False
    # the stored score's version as this sheet knows it (0: none; each save made here raises it
    # by one): a save over a score another PC changed since is refused (RecordConflict)
    version: int = 0


class ScoreTable(SheetView):
    """A table that behaves like a spreadsheet column: Enter stores and opens the next row."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter/Return
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            row, col = self.currentRow(), self.currentColumn()
            if row + 1 < self.rowCount():
                self.setCurrentCell(row + 1, col)
                self.edit(self.currentIndex())
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event) -> None:
        """Enter on a cell not being edited starts editing it (then Enter goes down)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            item = self.currentItem()
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(self.currentIndex())
                return
        super().keyPressEvent(event)


class Distribution(QWidget):
    """Score bands as horizontal bars: how many people in each range, at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bands: list[Band] = []
        self.setFixedHeight(140)

    def set_bands(self, bands: list[Band]) -> None:
        self.bands = list(bands)
        self.setFixedHeight(max(60, 26 * len(self.bands) + 8))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, max(120, 26 * len(self.bands) + 8))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_w = max([metrics.horizontalAdvance(b.label) for b in self.bands] + [40]) + 10
        count_w = metrics.horizontalAdvance("000 人") + 8
        top = max((b.count for b in self.bands), default=0) or 1
        bar_w = max(10, self.width() - label_w - count_w - 8)
        for i, band in enumerate(self.bands):
            y = 4 + i * 26
            painter.setPen(QColor(style.INK))
            painter.drawText(QRectF(0, y, label_w - 8, 22),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), band.label)
            painter.fillRect(QRectF(label_w, y + 3, bar_w, 16), QColor(style.FRAME))
            if band.count:
                painter.fillRect(QRectF(label_w, y + 3, bar_w * band.count / top, 16), QColor(style.ACCENT))
            painter.drawText(QRectF(label_w + bar_w + 6, y, count_w, 22),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), f"{band.count} 人")
        painter.end()


class ScoresPanel(QWidget):
    """Scores of one session with live statistics; `open_question(id)` opens one in the 题库."""

    statsChanged = Signal(object)  # ScoreStats
    imported = Signal(object)  # FileImportResult, once a score sheet is stored

    def __init__(self, ctx: AppContext, runner: TaskRunner, notify: Notify,
                 open_question: Callable[[int], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.notify = notify
        self.open_question = open_question
        self.session_id: int | None = None
        self.result: SessionScores | None = None
        self.person_ids: list[int] = []
        self.lines: list[ScoreLine] = []
        self._last_dir = ""
        self._reading: object | None = None  # the newest read asked for
        self._edits = 0  # scores typed here: a read asked for before one of them is read again
        self._after_read: list[Callable[[], object]] = []  # to do once the sheet read next is shown
        self._asking: set[int] = set()  # people whose 「仍然改为……？」 is open (asked once each)
        self.conflict_box: QMessageBox | None = None  # the last such question (tests answer it)

        self.import_button = QPushButton("导入成绩…", self)
        self.import_button.setToolTip("从 Excel（.xlsx）或 CSV 文件导入：姓名、得分，可加单位、备注")
        self.import_button.clicked.connect(lambda: self.import_file())
        self.order = OrderSwitch(self)
        self.order.changed.connect(lambda _o: self.reload())
        self.lines_label = muted_label("", self)
        self.lines_label.setWordWrap(True)
        # the rows stay self.lines; the cells on screen are worked out from them (ui/records/sheet.py)
        self.sheet = SheetModel(COLUMNS, self._cells, editable=(SCORE_COL, NOTE_COL), parent=self)
        self.sheet.edited.connect(self._typed)
        self.table = ScoreTable(self.sheet, self, stretch=(NOTE_COL,))  # (单位 fits its text; 备注 takes the rest)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.hint = muted_label("输入得分后按回车到下一人；写“缺考”记为缺考，清空表示未录入。", self)
        self.hint.setWordWrap(True)
        self.message = QLabel("", self)
        self.message.setStyleSheet(f"color: {ERROR_INK};")
        self.message.setWordWrap(True)

        # statistics --------------------------------------------------------------------------------
        self.stat_values: dict[str, QLabel] = {}
        stats_box = QWidget(self)
        stats_box.setObjectName("statsBox")
        stats_box.setStyleSheet(f"#statsBox {{ background: {style.PAPER}; border: 1px solid {style.BORDER};"
                                " border-radius: 4px; }")
        grid = QGridLayout(stats_box)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        for i, (key, text) in enumerate((("count", "参考人数"), ("mean", "平均分"), ("highest", "最高分"),
                                         ("lowest", "最低分"), ("pass", "及格率"), ("excellent", "优秀率"))):
            name = muted_label(text, stats_box)
            value = QLabel("—", stats_box)
            value.setObjectName(f"stat_{key}")
            value.setStyleSheet(f"font-size: 15pt; font-weight: bold; color: {style.INK};")
            # (two to a row: three were as wide as the sheet's 单位 column needed at 1024 px)
            grid.addWidget(name, (i // 2) * 2, i % 2)
            grid.addWidget(value, (i // 2) * 2 + 1, i % 2)
            self.stat_values[key] = value
        self.distribution = Distribution(self)
        self.distribution.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.items = make_table(self, ITEM_COLUMNS, stretch=(3,))
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
        self.items_label = muted_label("", self)
        self.items_label.setWordWrap(True)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(8)
        right_layout.addWidget(stats_box)
        right_layout.addWidget(muted_label("分数分布", right))
        right_layout.addWidget(self.distribution)
        right_layout.addWidget(title_label("试题分析", right))
        right_layout.addWidget(self.items_label)
        right_layout.addWidget(self.items, 3)
        right_layout.addStretch(1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(8)
        # (the order on a row of its own, under 导入成绩…: beside it, with the statistics to the
        # right, the row squeezed its buttons to 「名册」「姓氏」 at 1024 px)
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        order_row = QHBoxLayout()
        order_row.addWidget(self.order)
        order_row.addStretch(1)
        left_layout.addLayout(bar)
        left_layout.addLayout(order_row)
        left_layout.addWidget(self.lines_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.hint)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        # the sheet takes the room: the statistics need only their own width (at 1024 px the two
        # halves shared it, and the sheet's 单位 column was squeezed to nothing)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self._stats_side = right
        self._sized = False  # the two sides' shares set once, on the first showing (then the user's)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 4)
        layout.addWidget(splitter)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """The sheet takes the room it needs first (at 1024 px the two halves shared it and the
        单位 column was squeezed to nothing); on a wider screen the statistics and the 试题分析
        beside it get a third."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = self.splitter.width()
            stats = self._stats_side.minimumSizeHint().width()
            if width >= 800:
                stats = max(stats, round(width * 0.34))
            self.splitter.setSizes([width - stats, stats])

    # data ------------------------------------------------------------------------------------------
    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self.reload()

    def reload(self, then: Callable[[], object] | None = None) -> None:
        """Everyone expected (in the chosen order) plus anyone scored, with their scores — read
        on the worker (the newest request wins; one asked for before a score typed here is read
        again after it). `then` runs once the sheet read is shown (whichever read that is)."""
        self.message.setText("")
        if then is not None:
            self._after_read.append(then)
        if self.session_id is None:
            self._reading = None
            self._after_read.clear()
            self._show(None)
            return
        token = self._reading = object()
        edits, sid = self._edits, self.session_id

        def arrived(sheet: records_ops.ScoreSheet) -> None:
            if token is not self._reading or sid != self.session_id:
                return
            if edits != self._edits:
                self.reload()
                return
            self._show(sheet)
            waiting, self._after_read = self._after_read, []
            for step in waiting:
                step()

        records_ops.score_sheet(self, sid, self.order.value(), arrived).run()

    def _show(self, sheet: records_ops.ScoreSheet | None) -> None:
        self.result = sheet.result if sheet else None
        expected = sheet.expected if sheet else []
        histories = sheet.histories if sheet else {}
        by_id = {r.person_id: r for r in (self.result.rows if self.result else ())}
        rows: list[tuple[int, str, str]] = [(a.person_id, a.display_name or a.name, a.unit) for a in expected]
        seen = {pid for pid, _n, _u in rows}
        rows += [(r.person_id, r.display_name or r.name, r.unit) for r in (self.result.rows if self.result else ())
                 if r.person_id not in seen]
        self.person_ids = [pid for pid, _n, _u in rows]
        lines = []
        for pid, name, unit in rows:
            got = by_id.get(pid)
            line = ScoreLine(pid, name, unit, note=got.note if got else "", version=got.version if got else 0)
            if got is not None:
                line.score = fmt_score(got.score) if got.score is not None else "缺考"
            if len(histories.get(pid, ())) > 1:  # changed after it was first recorded: say so
                line.tip = "这个成绩改过，历次记录：\n" + records_ops.history_text(histories[pid])
            lines.append(line)
        self.lines = lines
        self.sheet.reset(len(lines))  # (one reset: the view asks for the rows it draws)
        self._show_result()
        enabled = self.session_id is not None
        self.import_button.setEnabled(enabled)
        self.lines_label.setText("还没有应到人员：请先在“考勤”中加入应到名单，或导入成绩文件。")
        self.lines_label.setVisible(enabled and not rows)

    def _show_result(self) -> None:
        """Ranks, statistics, distribution and 试题分析 from the last service result."""
        result = self.result
        ranks = {r.person_id: r.rank for r in result.rows} if result else {}
        for line in self.lines:
            rank = ranks.get(line.person_id)
            line.rank = "" if rank is None else str(rank)
        self.sheet.column_changed(RANK_COL)
        stats = result.stats if result else None
        self._show_stats(stats)
        self._show_items(result)
        if stats is not None:
            self.statsChanged.emit(stats)

    def _show_stats(self, st: ScoreStats | None) -> None:
        v = self.stat_values
        if st is None or not st.count:
            for label in v.values():
                label.setText("—")
            v["count"].setText("0")
            self.distribution.set_bands(st.bands if st else [])
            return
        v["count"].setText(f"{st.count}")
        v["mean"].setText(fmt_score(st.mean))
        v["highest"].setText(fmt_score(st.highest))
        v["lowest"].setText(fmt_score(st.lowest))
        v["pass"].setText(percent(st.pass_rate))
        v["excellent"].setText(percent(st.excellent_rate))
        v["pass"].setToolTip(f"及格线 {fmt_score(st.pass_line)} 分，及格 {st.pass_count} 人")
        v["excellent"].setToolTip(f"优秀线 {fmt_score(st.excellent_line)} 分，优秀 {st.excellent_count} 人")
        self.distribution.set_bands(st.bands)

    def _show_items(self, result: SessionScores | None) -> None:
        items = result.items if result else ()
        self.items.setRowCount(len(items))
        for r, item in enumerate(items):
            st = item.stat
            flagged = bool(st.flags)
            bg = style.WARN_BG if flagged else None
            values = (st.label, percent(st.correct_rate),
                      "—" if st.discrimination is None else f"{st.discrimination:.2f}", "需复核" if flagged else "")
            groups = f"高分组正确率 {percent(st.upper_rate)}，低分组正确率 {percent(st.lower_rate)}"
            for c, value in enumerate(values):
                self.items.setItem(r, c, cell(value, right=c in (1, 2), background=bg,
                                              data=item.question_id if c == 0 else None,
                                              tip=groups if c == 2 else "；".join(st.flags)))
            self.items.setItem(r, 4, cell(""))
            if item.question_id is not None and self.open_question is not None:
                button = QPushButton("在题库中查看", self.items)
                button.setStyleSheet("QPushButton { padding: 1px 8px; min-height: 18px; }")
                button.setToolTip("打开题库，核对这道题和它的出处原文")
                button.clicked.connect(lambda _c=False, q=item.question_id: self.open_question(q))
                self.items.setCellWidget(r, 4, button)
                self.items.horizontalHeader().resizeSection(4, button.sizeHint().width() + 12)
        if not items:
            self.items_label.setText("没有逐题答题数据（手工录入或导入的总分不做试题分析）。")
        else:
            n_flagged = sum(1 for i in items if i.stat.flags)
            self.items_label.setText(
                f"共 {len(items)} 题" + (f"，其中 {n_flagged} 题需要复核（标黄），可能题目本身有问题。" if n_flagged else "。"))
        self.items.setVisible(bool(items))

    # typing ----------------------------------------------------------------------------------------
    def _cells(self, row: int) -> tuple[Cell, ...]:
        """One row as drawn (a refused score in red, its reason as the tooltip)."""
        line = self.lines[row]
        # (the 单位 column is narrow beside the statistics on a 1024-wide screen: the whole unit as
        # its tooltip)
        return (Cell(str(row + 1), line.person_id, right=True), Cell(line.name), Cell(line.unit, tip=line.unit),
                Cell(line.score, right=True, tip=line.tip, ink=ERROR_INK if line.refused else None),
                Cell(line.rank, right=True), Cell(line.note))

    def _typed(self, row: int, column: int, text: str) -> None:
        if self.session_id is None or not 0 <= row < len(self.lines):
            return
        if column == SCORE_COL:
            self.lines[row].score = text
        elif column == NOTE_COL:
            self.lines[row].note = text
        else:
            return
        self.sheet.row_changed(row)
        self.store_row(row)

    def store_row(self, row: int) -> bool:
        """Check the typed score of one row, store it with its note on the worker, then show the
        ranks and statistics again. False (and said under the table) when it is no score."""
        line = self.lines[row]
        pid, text, note = line.person_id, line.score, line.note
        try:
            blank, value = parse_score(text)
        except ValueError:
            self._refuse(row, f"{line.name}的得分“{text.strip()}”不是数字。请填写分数，或写“缺考”。")
            return False
        line.refused = False
        line.tip = ""
        if value is not None:
            line.score = fmt_score(value)
        elif not blank:
            line.score = "缺考"
        self.sheet.row_changed(row)
        self.message.setText("")
        self._edits += 1
        sid, order = self.session_id, self.order.value()
        if sid is None:
            return False  # (no session shown: nothing to store into)
        clear = blank and not note.strip()
        expected = line.version
        line.version = 0 if clear else expected + 1  # (what this save leaves: the next one follows it)

        def stored(_none: None) -> None:
            if sid == self.session_id:
                records_ops.session_scores(self, sid, order, shown).run()

        def shown(result: SessionScores) -> None:
            if sid == self.session_id and order == self.order.value():
                self.result = result
                self._show_result()

        def refused(exc: BaseException) -> None:
            if isinstance(exc, RecordConflict):  # (another PC's score: show it, then ask)
                self.reload(lambda: self._conflicted(sid, exc, text, note, value, blank))
            elif isinstance(exc, UserError) and 0 <= row < len(self.lines) and self.lines[row].person_id == pid:
                self._refuse(row, exc.message)
            else:
                report_failure(self, "成绩", exc)

        records_ops.store_score(self, sid, pid, value, note, clear, expected) \
            .success(stored).failure(refused).run()
        return True

    def _conflicted(self, sid: int | None, exc: RecordConflict, text: str, note: str, value: float | None,
                    blank: bool) -> None:
        """The sheet, read again, shows the other PC's score: say so (under the table and in a
        question) and ask whether to put the user's score over it (stored at the version just
        read: a third change is caught too)."""
        pid = exc.person_id
        if sid != self.session_id or pid in self._asking:
            return  # (another session shown now, or already asked about this person)
        self._asking.add(pid)
        self.message.setText(f"未保存：{exc.message}")
        mine = "空白（删除成绩）" if blank and not note.strip() else "缺考" if value is None else f"{fmt_score(value)} 分"

        def reapply() -> None:
            row = next((i for i, line in enumerate(self.lines) if line.person_id == pid), None)
            if sid != self.session_id or row is None:
                return
            self.lines[row].score, self.lines[row].note = text, note
            self.sheet.row_changed(row)
            self.store_row(row)

        box = ask_reapply(self, "成绩已被别人修改", exc.message, mine, reapply=reapply)
        box.finished.connect(lambda _r: self._asking.discard(pid))
        self.conflict_box = box

    def _refuse(self, row: int, message: str) -> None:
        line = self.lines[row]
        line.refused = True
        line.tip = message
        self.sheet.row_changed(row)
        self.message.setText(f"未保存：{message}")

    def type_scores(self, values: list[str], start_row: int = 0) -> None:
        """Put values into the 得分 column as typing would (used by quick entry and tests)."""
        for offset, value in enumerate(values):
            self.sheet.setData(self.sheet.index(start_row + offset, SCORE_COL), value)

    # import ----------------------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> None:
        """Import a score sheet on the worker; any bad line stores nothing and is listed."""
        if self.session_id is None:
            return
        path = path or choose_table_file(self, "导入成绩", self._last_dir)
        if path is None:
            return
        path = Path(path)
        self._last_dir = str(path.parent)
        self._edits += 1
        records_ops.import_scores(self, self.session_id, path).success(self._imported).run()

    def _imported(self, result: FileImportResult) -> None:
        self.reload()
        self.notify(f"已导入 {result.stored} 人的成绩")
        self.imported.emit(result)
