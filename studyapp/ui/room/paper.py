"""纸质测验成绩录入: a grid of attendees × questions typed like a spreadsheet.

The clerk reads an answer sheet and types its letters: each objective cell is graded the moment
it is typed (green right, red wrong), subjective cells take points, the row total updates live,
and Enter moves on to the next question (then to the next person), so a stack of 40 sheets is
typed without touching the mouse. Every cell is stored as typed (a crash loses nothing);
「保存到学习会」 writes the totals as the session's scores.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.contest import CellResult, grade_cell
from studyapp.core.stats import fmt_score
from studyapp.services import AppContext
from studyapp.services.dto_room import PaperSheet
from studyapp.ui import style
from studyapp.ui.cells import item_at
from studyapp.ui.room import ops as room_ops
from studyapp.ui.tasks import TaskRunner

log = logging.getLogger("studyapp.room")

TYPE_SHORT = {"single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答"}
RIGHT_BG = style.CELL_RIGHT_BG
WRONG_BG = style.CELL_WRONG_BG
ERROR_BG = style.CELL_ERROR_BG
FIRST_Q_COL = 2  # 姓名 | 卷 | questions … | 总分


class EntryTable(QTableWidget):
    """A QTableWidget where Enter, typing or not, moves to the next cell like a spreadsheet."""

    advanced = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.advance()
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in the editor
            self.advance()

    def advance(self) -> None:
        """Next question in the row; after the last one, the next person's first question."""
        row, col = self.currentRow(), self.currentColumn()
        last_col = self.columnCount() - 2  # the total is not typed
        if col < last_col:
            col += 1
        elif row < self.rowCount() - 1:
            row, col = row + 1, FIRST_Q_COL
        self.setCurrentCell(row, col)
        self.advanced.emit()


class PaperEntryWindow(QWidget):
    """The score-entry window of one 纸质测验 run."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, run_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.run_id = run_id
        self.runner = TaskRunner(self)  # (a window of its own: its writes on its own worker, in order)
        self.sheet: PaperSheet
        self.sheet, self.rule = room_ops.paper_sheet_now(ctx, run_id)
        self.setWindowTitle(f"纸质测验成绩录入 - {self.sheet.title or '学习测评'}")
        self.resize(1200, 720)
        self._loading = False

        layout = QVBoxLayout(self)
        hint = QLabel("按答题卡输入字母即判分（判断题：A 或 √ 为正确，B 或 × 为错误；大小写均可），"
                      "填空、简答题输入得分；回车到下一题，一行录完自动到下一人。“卷”列输入 A 或 B。")
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        layout.addWidget(hint)
        self.table = EntryTable(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        self.summary = QLabel()
        foot.addWidget(self.summary, 1)
        self.print_btn = QPushButton("打印试卷…")
        self.print_btn.clicked.connect(self.print_papers)
        self.save_btn = QPushButton("保存到学习会")
        self.save_btn.setProperty("primary", True)
        self.save_btn.clicked.connect(self.save_scores)
        foot.addWidget(self.print_btn)
        foot.addWidget(self.save_btn)
        layout.addLayout(foot)
        self._fill()
        self.table.itemChanged.connect(self._changed)
        self.table.setCurrentCell(0, FIRST_Q_COL)

    # grid ----------------------------------------------------------------------------------------
    @property
    def items(self):
        return self.sheet.items[self.sheet.variants[0]]

    def _fill(self) -> None:
        self._loading = True
        items = self.items
        people = self.sheet.people
        self.table.setColumnCount(FIRST_Q_COL + len(items) + 1)
        self.table.setRowCount(len(people))
        headers = ["姓名", "卷"] + [f"{it.number}\n{TYPE_SHORT.get(it.type, '')}\n{fmt_score(it.points)}分"
                                   for it in items] + [f"总分\n（满分 {fmt_score(self.sheet.full_marks)}）"]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([str(i + 1) for i in range(len(people))])
        for r, person in enumerate(people):
            name = QTableWidgetItem(person.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(self.sheet.variant(person.person_id)))
            for c in range(len(items)):
                text = self.sheet.cells.get((person.person_id, c), "")
                self.table.setItem(r, FIRST_Q_COL + c, QTableWidgetItem(text))
            total = QTableWidgetItem("")
            total.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(r, FIRST_Q_COL + len(items), total)
            self._regrade_row(r)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, max(90, self.table.columnWidth(0)))
        for c in range(FIRST_Q_COL, FIRST_Q_COL + len(items)):
            self.table.setColumnWidth(c, 58)
        self._loading = False
        self._update_summary()

    def _row_items(self, row: int):
        pid = self.sheet.people[row].person_id
        return self.sheet.items.get(item_at(self.table, row, 1).text().strip().upper() or "A",
                                    self.sheet.items[self.sheet.variant(pid)])

    def _regrade_row(self, row: int) -> float | None:
        """Grade a row's cells against that person's variant; returns the total (None if empty)."""
        loading, self._loading = self._loading, True
        items = self._row_items(row)
        total = 0.0
        typed = False
        for c, item in enumerate(items):
            cell = item_at(self.table, row, FIRST_Q_COL + c)
            result: CellResult = grade_cell(item, cell.text(), self.rule)
            if result.text and result.text != cell.text() and not result.error:
                cell.setText(result.text)  # abd → ABD, a → √ on judge questions
            color = None
            if result.error:
                color = ERROR_BG
            elif result.correct is True:
                color = RIGHT_BG
            elif result.correct is False:
                color = WRONG_BG
            cell.setBackground(QBrush(QColor(color)) if color else QBrush())
            cell.setToolTip(result.error or (f"得 {fmt_score(result.points)} 分" if result.points is not None else ""))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if cell.text().strip():
                typed = True
            total += result.points or 0.0
        total_item = item_at(self.table, row, FIRST_Q_COL + len(self.items))
        total_item.setText(fmt_score(total) if typed else "")
        self._loading = loading
        return total if typed else None

    def total_of(self, row: int) -> str:
        return item_at(self.table, row, FIRST_Q_COL + len(self.items)).text()

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        row, col = item.row(), item.column()
        pid = self.sheet.people[row].person_id
        if col == 1:
            variant = item.text().strip().upper()
            if variant not in self.sheet.items:
                self._loading = True
                item.setText(self.sheet.variant(pid))
                self._loading = False
                self.summary.setText(f"“卷”只能是 {'、'.join(self.sheet.variants)}。")
                return
            if variant != item.text():
                self._loading = True
                item.setText(variant)
                self._loading = False
            room_ops.store_paper_variant(self, self.run_id, pid, variant).failure(self._refused).run()
        elif FIRST_Q_COL <= col < FIRST_Q_COL + len(self.items):
            room_ops.store_paper_cell(self, self.run_id, pid, col - FIRST_Q_COL, item.text().strip()) \
                .failure(self._refused).run()
        self._regrade_row(row)
        self._update_summary()

    def closeEvent(self, event) -> None:  # noqa: ANN001 - QCloseEvent
        self.runner.shutdown()  # (what was typed last is stored before the window goes)
        super().closeEvent(event)

    def _refused(self, exc: BaseException) -> None:
        QMessageBox.warning(self, "成绩录入", getattr(exc, "message", str(exc)))

    def _update_summary(self) -> None:
        totals = [self._regrade_row(r) for r in range(self.table.rowCount())]
        done = [t for t in totals if t is not None]
        text = f"已录入 {len(done)}/{len(totals)} 人"
        if done:
            text += f"，平均分 {fmt_score(sum(done) / len(done))}，最高分 {fmt_score(max(done))}，最低分 {fmt_score(min(done))}"
        self.summary.setText(text)

    # actions -------------------------------------------------------------------------------------
    def save_scores(self) -> bool:
        """保存到学习会 (an administrator's step), stored on the worker after the typed cells;
        `saved` carries how many people. False when the administrator's PIN was not given."""
        from studyapp.ui.admin import require

        if not require(self, "把成绩保存到学习会", self.ctx):
            return False

        def done(count: int) -> None:
            self.summary.setText(f"已把 {count} 人的成绩保存到学习会。")
            self.saved.emit(count)

        def refused(exc: BaseException) -> None:
            QMessageBox.warning(self, "保存到学习会", getattr(exc, "message", str(exc)))

        room_ops.save_paper_scores(self, self.run_id).success(done).failure(refused).run()
        return True

    def print_papers(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择保存试卷的文件夹")
        if not folder:
            return
        room_ops.write_run_papers(self, self.run_id, Path(folder)) \
            .success(lambda written: self.summary.setText(f"已保存试卷和参考答案到 {written}")).run()
