"""考勤 of one session, built for a room of 50: add the expected people, 全部出席, then mark
the few exceptions by clicking or with the keyboard, reasons typed in place.

Every mark is stored at once (one short service call), so closing the window or a power cut
loses nothing; the 应到/实到 counts are worked out from the rows on screen as they change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studyapp.services.context import AppContext, RecordConflict
from studyapp.services.dto_records import STATUS_NAMES, AttendanceRow, FileImportResult, GroupView
from studyapp.ui import style
from studyapp.ui.conflict import ask_reapply
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.common import (
    STATUS_COLORS,
    Notify,
    OrderSwitch,
    choose_table_file,
    muted_label,
    primary,
)
from studyapp.ui.records.sheet import SheetModel, SheetView
from studyapp.ui.rowtable import Cell
from studyapp.ui.tasks import TaskRunner, report_failure

log = logging.getLogger("studyapp.ui")

COLUMNS = ("序号", "姓名", "单位", "职务", "考勤", "原因")
STATUS_COL = 4
REASON_COL = 5
CYCLE = ("present", "leave", "absent", "late")
KEYS: dict[int, str] = {Qt.Key.Key_1: "present", Qt.Key.Key_2: "leave", Qt.Key.Key_3: "absent", Qt.Key.Key_4: "late"}
ALL_ACTIVE = -1
STATUS_TIP = "单击切换；数字键 1 出席、2 请假、3 缺席、4 迟到"


def next_status(status: str | None) -> str:
    """出席 → 请假 → 缺席 → 迟到 → 出席 (unmarked starts at 出席)."""
    if status not in CYCLE:
        return CYCLE[0]
    return CYCLE[(CYCLE.index(status) + 1) % len(CYCLE)]


class _Keys(QObject):
    """Space cycles the selected person's mark; 1–4 set it and move to the next person."""

    def __init__(self, panel: AttendancePanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self.panel.table.state() == self.panel.table.State.EditingState:
            return False
        if not isinstance(event, QKeyEvent) or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        row = self.panel.table.currentRow()
        if row < 0:
            return False
        if key == Qt.Key.Key_Space:
            self.panel.cycle(row)
            return True
        if key in KEYS:
            self.panel.set_status(row, KEYS[key])
            if row + 1 < self.panel.table.rowCount():
                self.panel.table.setCurrentCell(row + 1, STATUS_COL)
            return True
        return False


class AttendancePanel(QWidget):
    """Expected attendees of one session and their marks, with live 应到/实到."""

    countsChanged = Signal(int)  # session id
    imported = Signal(object)  # FileImportResult, once an attendance sheet is stored

    def __init__(self, ctx: AppContext, runner: TaskRunner, notify: Notify,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.notify = notify
        self.session_id: int | None = None
        self.rows: list[AttendanceRow] = []
        self._reading: object | None = None  # the newest read asked for: an older one is dropped
        self._edits = 0  # marks made here: a read asked for before one of them is stale
        self._after_read: list[Callable[[], object]] = []  # to do once the sheet read next is shown
        self._asking: set[int] = set()  # people whose 「仍然改为……？」 is open (asked once each)
        self.conflict_box: QMessageBox | None = None  # the last such question (tests answer it)

        self.counts = QLabel("", self)
        self.counts.setObjectName("attendanceCounts")
        self.counts.setStyleSheet(f"font-size: 13pt; color: {style.INK}; padding: 2px 0;")
        self.detail_counts = muted_label("", self)
        self.source = QComboBox(self)
        self.source.setMinimumWidth(170)
        self.add_button = QPushButton("加入应到名单", self)
        self.add_button.setToolTip("把所选名单中的人加入本次学习会的应到人员（已登记的考勤保留）")
        self.add_button.clicked.connect(self.add_expected)
        self.all_present = primary(QPushButton("全部出席", self))
        self.all_present.setToolTip("把还没登记的人都记为出席，再单独改请假、缺席、迟到的人")
        self.all_present.clicked.connect(self.mark_all_present)
        self.import_button = QPushButton("导入考勤…", self)
        self.import_button.setToolTip("从 Excel 或 CSV 考勤表导入（姓名、状态、原因，可加单位、学时）；"
                                      "有问题的行逐行列出，整份文件无误才保存")
        self.import_button.clicked.connect(lambda: self.import_file())
        self.phone_button = QPushButton("手机签到…", self)
        self.phone_button.setToolTip("参会人员用手机扫码、点选姓名即记为出席（单位局域网内，不需要互联网）")
        self.phone_button.clicked.connect(self.phone_signin)
        self.remove_button = QPushButton("移出名单", self)
        self.remove_button.setToolTip("此人本次不应参加（如不在本支部），从应到人员中去掉")
        self.remove_button.clicked.connect(self.remove_selected)
        self.order = OrderSwitch(self)
        self.order.changed.connect(lambda _o: self.reload())

        # the rows stay self.rows; the cells on screen are worked out from them (ui/records/sheet.py)
        self.sheet = SheetModel(COLUMNS, self._cells, editable=(REASON_COL,), parent=self)
        self.sheet.edited.connect(self._typed)
        self.table = SheetView(self.sheet, self, stretch=(REASON_COL,))
        self.table.setEditTriggers(self.table.EditTrigger.DoubleClicked | self.table.EditTrigger.EditKeyPressed
                                   | self.table.EditTrigger.AnyKeyPressed)
        self.table.clicked.connect(self._clicked)
        self.table.installEventFilter(_Keys(self))
        self.hint = muted_label(
            "单击“考勤”格或按空格键切换：出席 → 请假 → 缺席 → 迟到；"
            "数字键 1 出席、2 请假、3 缺席、4 迟到（自动到下一人）。原因直接在“原因”格填写。", self)
        self.hint.setWordWrap(True)
        self.empty = muted_label("还没有应到人员。请在上方选择“全体在册人员”或某个分组，点“加入应到名单”。", self)
        self.empty.setWordWrap(True)

        # two rows, so the panel fits beside the sessions list on a 1024-wide screen: who is
        # expected (and the order of the list), then what to do with the list
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source.setMinimumContentsLength(12)
        # (the order beside the counts: on the row of who is expected it squeezed its own buttons
        # to 「册顺」「氏笔」 at 1024 px)
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(self.counts)
        head.addStretch(1)
        head.addWidget(self.order, 0, Qt.AlignmentFlag.AlignTop)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(self.source)
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.all_present)
        actions.addWidget(self.phone_button)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 10, 4, 4)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.detail_counts)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

    # data -----------------------------------------------------------------------------------------
    def _load_sources(self) -> None:
        records_ops.groups(self, self._show_sources).run()

    def _show_sources(self, groups: list[GroupView]) -> None:
        keep = self.source.currentData()
        self.source.clear()
        self.source.addItem("全体在册人员", ALL_ACTIVE)
        for g in groups:
            self.source.addItem(f"{g.name}（{g.size} 人）", g.id)
        index = self.source.findData(keep)
        self.source.setCurrentIndex(max(index, 0))

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self._load_sources()
        self.reload()

    def reload(self, then: Callable[[], object] | None = None) -> None:
        """Read the session's sheet on the worker (the newest request wins; a read asked for
        before a mark made here is dropped and asked again, so it never undoes the mark).
        `then` runs once the sheet read is shown (whichever read that is)."""
        if then is not None:
            self._after_read.append(then)
        if self.session_id is None:
            self._reading = None
            self._after_read.clear()
            self._show([])
            return
        token = self._reading = object()
        edits, sid = self._edits, self.session_id

        def arrived(rows: list[AttendanceRow]) -> None:
            if token is not self._reading or sid != self.session_id:
                return
            if edits != self._edits:
                self.reload()  # (marked meanwhile: read again, after the marks)
                return
            self._show(rows)
            waiting, self._after_read = self._after_read, []
            for step in waiting:
                step()

        records_ops.attendance_sheet(self, sid, self.order.value(), arrived).run()

    def _show(self, rows: list[AttendanceRow]) -> None:
        self.rows = rows
        self.sheet.reset(len(rows))  # (one reset: the view asks for the rows it draws)
        self.empty.setVisible(not self.rows and self.session_id is not None)
        self._update_counts()

    def _cells(self, row: int) -> tuple[Cell, ...]:
        """One row as drawn: the mark tinted, unmarked people in grey."""
        a = self.rows[row]
        return (Cell(str(row + 1), a.person_id, right=True), Cell(a.display_name or a.name), Cell(a.unit),
                Cell(a.post),
                Cell(STATUS_NAMES.get(a.status or "", "未登记"), center=True, tip=STATUS_TIP,
                     background=STATUS_COLORS.get(a.status, style.PAPER),
                     ink=style.MUTED if a.status is None else style.INK),
                Cell(a.reason))

    # counts -----------------------------------------------------------------------------------------
    @property
    def expected(self) -> int:
        return len(self.rows)

    @property
    def attended(self) -> int:
        return sum(1 for a in self.rows if a.status in ("present", "late"))

    def count_of(self, status: str | None) -> int:
        return sum(1 for a in self.rows if a.status == status)

    def _update_counts(self) -> None:
        if self.session_id is None:
            self.counts.setText("请先保存学习会，再登记考勤。")
            self.detail_counts.setText("")
        else:
            self.counts.setText(f"应到 <b>{self.expected}</b> 人　　实到 <b>{self.attended}</b> 人")
            self.detail_counts.setText(
                f"出席 {self.count_of('present')}　迟到 {self.count_of('late')}　"
                f"请假 {self.count_of('leave')}　缺席 {self.count_of('absent')}　"
                f"未登记 {self.count_of(None)}")
        for w in (self.add_button, self.all_present, self.remove_button, self.source, self.order):
            w.setEnabled(self.session_id is not None)
        if self.session_id is not None:
            self.countsChanged.emit(self.session_id)

    # marking ----------------------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == STATUS_COL:
            self.cycle(index.row())

    def cycle(self, row: int) -> None:
        self.set_status(row, next_status(self.rows[row].status))

    def set_status(self, row: int, status: str, reason: str | None = None) -> bool:
        """Show one person's mark at once and store it on the worker (marks are stored in the
        order they are made: one writer); a refused mark is reported and the sheet read again.

        The mark carries the version of the row as this sheet knows it (each mark stored here
        raises it by one, so quick marks of one person follow each other): a row another PC
        changed since is refused (RecordConflict, nothing stored), the sheet is read again so
        the other mark shows, and the user is asked 「仍然改为……？」 (`_conflicted`)."""
        if self.session_id is None or not 0 <= row < len(self.rows):
            return False
        from dataclasses import replace

        a = self.rows[row]
        reason = a.reason if reason is None else reason
        self._edits += 1
        self._put(row, replace(a, status=status, reason=reason, version=a.version + 1))
        sid = self.session_id

        def stored(view: AttendanceRow) -> None:
            if sid == self.session_id and row < len(self.rows) and self.rows[row].person_id == a.person_id \
                    and (view.status, view.reason) != (self.rows[row].status, self.rows[row].reason) \
                    and self.rows[row].status == status:
                self._put(row, replace(self.rows[row], status=view.status, reason=view.reason))

        def refused(exc: BaseException) -> None:
            if isinstance(exc, RecordConflict):
                self.reload(lambda: self._conflicted(sid, exc, status, reason))
                return
            report_failure(self, "考勤", exc)
            self.reload()

        records_ops.mark(self, sid, a.person_id, status, reason, a.hours, a.version) \
            .success(stored).failure(refused).run()
        return True

    def _conflicted(self, sid: int | None, exc: RecordConflict, status: str, reason: str) -> None:
        """The sheet, read again, shows the other PC's mark: say so and ask whether to put the
        user's mark over it (then stored at the version just read: a third change is caught too)."""
        pid = exc.person_id
        if sid != self.session_id or pid in self._asking:
            return  # (another window's session now, or already asked about this person)
        self._asking.add(pid)
        mine = STATUS_NAMES.get(status, status) + (f"（{reason}）" if reason else "")

        def reapply() -> None:
            if sid is None or sid != self.session_id:
                return
            row = next((i for i, a in enumerate(self.rows) if a.person_id == pid), None)
            if row is not None:
                self.set_status(row, status, reason)
                return
            # (taken off the list by the other PC: marking adds them again, if still not there)
            self._edits += 1

            def failed(e: BaseException) -> None:
                report_failure(self, "考勤", e)
                self.reload()

            records_ops.mark(self, sid, pid, status, reason, None, 0) \
                .success(lambda _v: self.reload()).failure(failed).run()

        box = ask_reapply(self, "考勤已被别人修改", exc.message, mine, reapply=reapply)
        box.finished.connect(lambda _r: self._asking.discard(pid))
        self.conflict_box = box

    def _put(self, row: int, a: AttendanceRow) -> None:
        self.rows[row] = a
        self.sheet.row_changed(row)
        self._update_counts()

    def _typed(self, row: int, column: int, text: str) -> None:
        if column != REASON_COL or not 0 <= row < len(self.rows):
            return
        a = self.rows[row]
        # a reason for someone not yet marked means they were not simply present: 请假
        self.set_status(row, a.status or "leave", text)

    def add_expected(self) -> None:
        """Add the chosen list (everyone active, or a group) to 应到; marks already made stay."""
        if self.session_id is None:
            return
        source = self.source.currentData()
        group = None if source in (None, ALL_ACTIVE) else int(source)

        def done(total: int) -> None:
            self.reload()
            self.notify(f"应到人员共 {total} 人")

        records_ops.set_expected(self, self.session_id, group).success(done).run()

    def import_file(self, path: Path | None = None) -> None:
        """An attendance sheet into this session: all or nothing, each bad line named; the
        expected people the sheet leaves out are named too, and stay 应到. `imported` is emitted
        with the result."""
        if self.session_id is None:
            return
        if path is None:
            path = choose_table_file(self, "导入考勤表")
            if path is None:
                return

        def done(result: FileImportResult) -> None:
            self.reload()
            extra = f"（其中 {result.added_expected} 人原不在应到名单中，已加入）" if result.added_expected else ""
            message = f"已导入考勤 {result.stored} 人{extra}。"
            if result.missing:
                message += result.missing_message() + "，仍在应到名单中。"
                QMessageBox.information(self, "导入考勤", message)
            self.notify(message)
            self.imported.emit(result)

        records_ops.import_attendance(self, self.session_id, path).success(done).run()

    def phone_signin(self) -> QDialog | None:
        """手机签到 for this session; the marks are read again when the dialog closes."""
        if self.session_id is None:
            return None
        from studyapp.ui.records.signin import PhoneSigninDialog

        dialog = PhoneSigninDialog(self.ctx, self.session_id, "学习会手机签到", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        self.signin_dialog = dialog
        return dialog

    def mark_all_present(self) -> None:
        """Everyone the sheet shows unmarked becomes 出席 (marks already made are kept); nobody
        expected yet: everyone active first. Someone another PC marked or took off the list
        since the sheet was read: nobody is marked, the sheet is read again and the user asked
        whether to put 出席 over those marks."""
        if self.session_id is None:
            return
        sid = self.session_id
        seen = {a.person_id: a.version for a in self.rows if a.status is None} if self.rows else None

        def done(count: int) -> None:
            self.reload()
            self.notify(f"已把 {count} 人记为出席" if count else "所有人都已登记考勤")

        def refused(exc: BaseException) -> None:
            if isinstance(exc, RecordConflict) and seen is not None:
                self.reload(lambda: self._all_present_conflicted(sid, exc, list(seen)))
                return
            report_failure(self, "考勤", exc)
            self.reload()

        self._edits += 1
        records_ops.mark_all_present(self, sid, not self.rows, seen).success(done).failure(refused).run()

    def _all_present_conflicted(self, sid: int, exc: RecordConflict, people: list[int]) -> None:
        """全部出席 met other PCs' changes: the sheet, read again, shows them; 「仍然全部记为出席」
        marks the people it meant at the versions now read (a third change is caught too)."""
        if sid != self.session_id:
            return

        def reapply() -> None:
            if sid != self.session_id:
                return
            now = {a.person_id: a.version for a in self.rows if a.person_id in set(people)}

            def done(count: int) -> None:
                self.reload()
                self.notify(f"已把 {count} 人记为出席")

            def failed(e: BaseException) -> None:
                report_failure(self, "考勤", e)
                self.reload()

            self._edits += 1
            records_ops.mark_all_present(self, sid, False, now, only_unmarked=False) \
                .success(done).failure(failed).run()

        self.conflict_box = ask_reapply(self, "考勤已被别人修改", exc.message, "出席", reapply=reapply,
                                        verb="把这些人记为“出席”")

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if self.session_id is None or row < 0:
            return
        a = self.rows[row]
        name = a.display_name or a.name
        answer = QMessageBox.question(
            self, "移出名单", f"把“{name}”移出本次学习会的应到人员吗？\n此人的本次考勤会一起去掉。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove_expected(a)

    def remove_expected(self, a: AttendanceRow) -> None:
        """移出名单 of the row as the sheet shows it: someone else's mark made since is not
        dropped unseen — the sheet is read again and the user asked 「仍然把“…”移出名单」."""
        if self.session_id is None:
            return
        sid, name = self.session_id, a.display_name or a.name

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, RecordConflict):
                report_failure(self, "考勤", exc)
                self.reload()
                return

            def ask() -> None:
                if sid != self.session_id:
                    return
                now = next((r for r in self.rows if r.person_id == a.person_id), None)
                if now is None:
                    return  # (gone meanwhile after all)
                self.conflict_box = ask_reapply(self, "考勤已被别人修改", exc.message, "", verb=f"把“{name}”移出名单",
                                                reapply=lambda: self.remove_expected(now))

            self.reload(ask)

        self._edits += 1
        records_ops.remove_expected(self, sid, a.person_id, a.version) \
            .success(lambda _r: self.reload()).failure(refused).run()

    def statuses(self) -> list[str]:
        """The 考勤 column as shown (tests read what a user reads)."""
        return [c.text if (c := self.sheet.cell(r, STATUS_COL)) else "" for r in range(self.sheet.rowCount())]
