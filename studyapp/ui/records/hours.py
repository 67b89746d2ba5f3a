"""学时台账: each person's study hours in a year against a target, who is short at a glance,
and the year's paper files (个人学习档案, 年度归档) one click away.

The target is a setting (hours.ledger_target), because offices count against different
yearly targets (32 for party members, 56 for branch committees, 90 for township cadres).
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.model import UserError
from studyapp.services.context import AppContext
from studyapp.services.dto_records import HoursLedger, HoursRow
from studyapp.ui import style
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.common import (
    SHORT_BG,
    Notify,
    OrderSwitch,
    make_row_table,
    muted_label,
    number,
    select_by_data,
    selected_data,
    title_label,
)
from studyapp.ui.records.preview import PdfPreviewDialog, open_preview
from studyapp.ui.rowtable import Cell, LazyRows
from studyapp.ui.tasks import TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

COLUMNS = ("序号", "姓名", "单位", "职务", "参加次数", "学时", "距目标")


class HoursPanel(QWidget):
    """The year's 学时台账 in the chosen order, shortfalls tinted, with the archive printouts."""

    previewOpened = Signal(object)  # PdfPreviewDialog

    def __init__(self, ctx: AppContext, runner: TaskRunner, notify: Notify,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.notify = notify
        self.ledger: HoursLedger | None = None
        self.shown: list[HoursRow] = []
        self.preview: PdfPreviewDialog | None = None

        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setSuffix(" 年")
        # this year: the 台账 an office keeps is the current year's (opening on the latest
        # session's year left it on the sample's 2015 after a 2026 session was added)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.target = QDoubleSpinBox(self)
        self.target.setRange(0, 500)
        self.target.setDecimals(1)
        self.target.setSingleStep(1)
        self.target.setSuffix(" 学时")
        self.target.setValue(records_ops.default_target_now(ctx))
        self.target.valueChanged.connect(lambda _v: self.refresh())
        self.save_target = QPushButton("设为默认目标", self)
        self.save_target.setToolTip("以后打开学时台账时都使用这个年度目标")
        self.save_target.clicked.connect(self.store_target)
        self.only_short = QCheckBox("只看未达标的人", self)
        self.only_short.toggled.connect(lambda _on: self._fill())
        self.order = OrderSwitch(self)
        self.order.changed.connect(lambda _o: self.refresh())
        self.summary = QLabel("", self)
        self.summary.setObjectName("hoursSummary")
        self.summary.setStyleSheet(f"font-size: 12pt; color: {style.INK};")
        self.table = make_row_table(self, COLUMNS, stretch=(3,))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.personal_button = QPushButton("个人学习档案…", self)
        self.personal_button.setToolTip("所选人员本年度的学习记录、学时和成绩，可打印存档")
        self.personal_button.clicked.connect(lambda: self.print_personal())
        self.archive_button = QPushButton("年度归档…", self)
        self.archive_button.setToolTip("本年度全部学习会的学习记录、签到表、成绩登记表，附封面和目录")
        self.archive_button.clicked.connect(lambda: self.print_archive())

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(title_label("学时台账", self))
        bar.addSpacing(16)
        bar.addWidget(QLabel("年度：", self))
        bar.addWidget(self.year)
        bar.addSpacing(10)
        bar.addWidget(QLabel("年度目标：", self))
        bar.addWidget(self.target)
        bar.addWidget(self.save_target)
        bar.addStretch(1)
        bar.addWidget(self.order)
        row2 = QHBoxLayout()
        row2.addWidget(self.summary, 1)
        row2.addWidget(self.only_short)
        foot = QHBoxLayout()
        foot.addWidget(muted_label("出席、迟到计入学时；未达到年度目标的人以浅橙色标出。", self), 1)
        foot.addWidget(self.personal_button)
        foot.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(bar)
        layout.addLayout(row2)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)
        self._seq = 0
        self.refresh()

    def refresh(self):  # noqa: ANN201 - the runner's Task
        """Read the year's ledger on the worker; the newest request wins."""
        self._seq += 1
        seq = self._seq

        def show(ledger: HoursLedger) -> None:
            if seq == self._seq:
                self.ledger = ledger
                self._fill()

        return records_ops.ledger(self, self.year.value(), self.target.value(), self.order.value(), show).run()

    def _fill(self) -> None:
        keep = selected_data(self.table)
        ledger = self.ledger
        if ledger is None:
            return
        rows = list(ledger.short if self.only_short.isChecked() else ledger.rows)
        self.shown = rows
        self.table.set_rows(LazyRows(rows, _ledger_cells))
        short = len(ledger.short)
        total = len(ledger.rows)
        self.summary.setText(
            f"{ledger.year} 年，目标 {number(ledger.target)} 学时：共 {total} 人，"
            f"已达标 {total - short} 人，<span style='color:{style.WARN_INK}'><b>未达标 {short} 人</b></span>")
        if keep is not None:
            select_by_data(self.table, keep)
        self._update_buttons()

    def short_names(self) -> list[str]:
        return [r.display_name or r.name for r in (self.ledger.short if self.ledger else ())]

    def _update_buttons(self) -> None:
        self.personal_button.setEnabled(selected_data(self.table) is not None)

    def store_target(self):  # noqa: ANN201 - the runner's Task
        value = self.target.value()
        return records_ops.store_target(self, value) \
            .success(lambda _r: self.notify(f"默认年度目标已设为 {number(value)} 学时")) \
            .failure(lambda exc: report_failure(self, "学时台账",
                                                exc if isinstance(exc, UserError) else UserError(str(exc)))).run()

    # printing -----------------------------------------------------------------------------------
    def print_personal(self, person_id: int | None = None) -> PdfPreviewDialog | None:
        pid = person_id if person_id is not None else selected_data(self.table)
        if pid is None:
            return None
        year = self.year.value()
        row = next((r for r in (self.ledger.rows if self.ledger else ()) if r.person_id == pid), None)
        who = row.display_name if row else ""
        ctx = self.ctx
        self.preview = open_preview(
            self, self.runner, "个人学习档案", records_ops.personal_archive(ctx, pid, year),
            file_stem=f"个人学习档案-{who}-{year}", ctx=ctx)
        self.previewOpened.emit(self.preview)
        return self.preview

    def print_archive(self) -> PdfPreviewDialog:
        year = self.year.value()
        ctx = self.ctx
        self.preview = open_preview(
            self, self.runner, "年度归档", records_ops.annual_archive(ctx, year),
            file_stem=f"学习记录年度归档-{year}", orders=True, order=records_ops.default_order_now(ctx), ctx=ctx)
        self.previewOpened.emit(self.preview)
        return self.preview


def _ledger_cells(r: int, row: HoursRow) -> tuple[Cell, ...]:
    """One person's line of the ledger (made when the view shows it)."""
    bg = None if row.reached else SHORT_BG
    gap = "已达标" if row.reached else f"还差 {number(row.short)}"
    return (Cell(str(r + 1), row.person_id, right=True, background=bg),
            Cell(row.display_name or row.name, background=bg), Cell(row.unit, background=bg),
            Cell(row.post, background=bg), Cell(str(row.sessions), right=True, background=bg),
            Cell(number(row.hours), right=True, background=bg),
            Cell(gap, background=bg, ink=None if row.reached else style.WARN_INK))
