"""学习会: the list of study sessions and, for the chosen one, its record, 考勤 and 成绩 tabs.

One screen for the whole life of a session — fill in the record, take attendance in the room,
type the scores afterwards, print the forms — so a clerk never hunts for where a part lives.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from studyapp.core.model import UserError, section_heading
from studyapp.services.context import AppContext, EditConflict
from studyapp.services.dto import DocumentInfo, DocumentView, SessionInfo, SessionPage
from studyapp.services.dto_records import STUDY_MODES, SessionDetail, SessionDraft
from studyapp.ui import style
from studyapp.ui.cells import item_at
from studyapp.ui.conflict import ask_edit_conflict
from studyapp.ui.lazy import LazyPage
from studyapp.ui.ops import Changes, hub
from studyapp.ui.records import ops as records_ops
from studyapp.ui.records.attendance import AttendancePanel
from studyapp.ui.records.common import (
    ERROR_INK,
    ElidedLabel,
    Notify,
    make_row_table,
    muted_label,
    number,
    primary,
    select_by_data,
    selected_data,
    title_label,
)
from studyapp.ui.records.preview import PdfPreviewDialog, open_preview
from studyapp.ui.records.scores import ScoresPanel
from studyapp.ui.rowtable import Cell
from studyapp.ui.tasks import TaskRunner, report_failure

if TYPE_CHECKING:
    from studyapp.ui.records.paper import PaperDialog

log = logging.getLogger("studyapp.ui")

LIST_COLUMNS = ("日期", "学习方式", "地点", "领学人", "应到", "实到")


def _list_row(s: SessionInfo) -> tuple[Cell, ...]:
    return (Cell(s.date or "（未填日期）", s.id), Cell(s.mode), Cell(s.place, tip=s.place), Cell(s.leader),
            Cell(str(s.expected) if s.expected else "—", right=True),
            Cell(str(s.present) if s.expected else "—", right=True))
FORM_TITLES = {"signin": "签到表", "signin_archive": "签到表（存档）", "record": "学习记录", "scores": "成绩登记表"}
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2


class DateField(QWidget):
    """A date typed the way offices write it (2015.4.15, 2015年4月15日, 2015-04-15) or picked.

    Typing is kept (a clerk copies dates from paper); on leaving the field it is shown as
    2015-04-15, or a Chinese message says what is wrong.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("如 2015-04-15、2015.4.15")
        self.edit.editingFinished.connect(self.normalize)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.pick = QToolButton(self)
        self.pick.setText("日历")
        self.pick.setStyleSheet("QToolButton { padding: 3px 7px; } QToolButton::menu-indicator { image: none; width: 0; }")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.pick.setMenu(menu)
        self.menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.pick)
        # a whole date always shows (at 1024 px the form's column is narrow: 「·05」 was all one saw)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("2015-04-15") + 26)
        self.error = ""

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, value: str | None) -> None:
        self.edit.setText(value or "")
        self.error = ""

    def value(self) -> dt.date | None:
        """The date, or None when blank; UserError (Chinese) when it is not a date."""
        return records_ops.parse_session_date(self.text())

    def normalize(self) -> None:
        try:
            day = self.value()
        except UserError as exc:
            self.error = exc.message
            self.edit.setStyleSheet(f"border: 1px solid {ERROR_INK};")
            self.edit.setToolTip(exc.message)
            return
        self.error = ""
        self.edit.setStyleSheet("")
        self.edit.setToolTip("")
        if day is not None and self.text() != day.isoformat():
            self.edit.setText(day.isoformat())

    def _sync_calendar(self) -> None:
        try:
            day = self.value()
        except UserError:
            day = None
        day = day or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, date: QDate) -> None:
        self.edit.setText(dt.date(date.year(), date.month(), date.day()).isoformat())
        self.menu.close()
        self.normalize()
        self.edited.emit()


class SectionPicker(QDialog):
    """Tick the parts of the document that were studied (the 学习记录 lists their headings)."""

    def __init__(self, view: DocumentView, chosen: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("选择学习章节")
        self.resize(640, 560)
        self.view = view
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        items: dict[int, QTreeWidgetItem] = {}
        for s in view.sections:
            parent_item = items.get(s.parent_id) if s.parent_id is not None else None
            item = QTreeWidgetItem(parent_item) if parent_item is not None else QTreeWidgetItem(self.tree)
            text = s.heading
            item.setText(0, text if len(text) <= 40 else text[:40] + "…")
            item.setToolTip(0, text)
            item.setData(0, SECTION_ROLE, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if s.id in chosen else Qt.CheckState.Unchecked)
            items[s.id] = item
        self.tree.expandToDepth(0)
        ok = primary(QPushButton("确定", self))
        ok.clicked.connect(self.accept)
        cancel = QPushButton("取消", self)
        cancel.clicked.connect(self.reject)
        clear = QPushButton("全部不选", self)
        clear.clicked.connect(lambda: self._set_all(Qt.CheckState.Unchecked))
        buttons = QHBoxLayout()
        buttons.addWidget(clear)
        buttons.addStretch(1)
        buttons.addWidget(ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(f"《{view.title}》：勾选本次学习的章节。", self))
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        it = QTreeWidgetItemIterator(self.tree)
        while it.value() is not None:
            out.append(it.value())
            it += 1
        return out

    def _set_all(self, state: Qt.CheckState) -> None:
        for item in self._items():
            item.setCheckState(0, state)

    def chosen(self) -> tuple[int, ...]:
        return tuple(int(i.data(0, SECTION_ROLE)) for i in self._items()
                     if i.checkState(0) == Qt.CheckState.Checked)


class SessionForm(QWidget):
    """The 学习记录 fields of one session; 保存 stores them through the sessions service."""

    saved = Signal(object)  # SessionDetail
    dirtyChanged = Signal(bool)
    conflicted = Signal(str, object)  # the message, and what was to follow the save (or None)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: SessionDetail | None = None
        self.section_ids: tuple[int, ...] = ()
        self._dirty = False
        self._loading = False

        self.date = DateField(self)
        self.start = QLineEdit(self)
        self.start.setPlaceholderText("9:00")
        self.end = QLineEdit(self)
        self.end.setPlaceholderText("11:00")
        for w in (self.start, self.end):
            w.setFixedWidth(w.fontMetrics().horizontalAdvance("11:00") + 30)  # (the form fits 1024 px)
        self.mode = QComboBox(self)
        self.mode.setEditable(True)
        self.mode.addItems(list(STUDY_MODES))
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mode.setMinimumContentsLength(6)  # (集中学习; a longer way of study shows whole in its list)
        self.hours = QLineEdit(self)
        self.hours.setFixedWidth(self.hours.fontMetrics().horizontalAdvance("自动") + 30)
        self.hours.setPlaceholderText("自动")
        self.hours_hint = muted_label("", self)
        self.hours_hint.setWordWrap(True)  # (「留空按时间计算」 wraps rather than widen the form)
        self.place = QLineEdit(self)
        self.host = QLineEdit(self)
        self.leader = QLineEdit(self)
        self.recorder = QLineEdit(self)
        self.full_marks = QLineEdit(self)
        self.full_marks.setMaximumWidth(90)
        self.document = QComboBox(self)
        # (a long title must not set the form's width: it shows elided, whole in the list)
        self.document.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.document.setMinimumContentsLength(14)
        self.document.currentIndexChanged.connect(self._document_changed)
        self.sections_label = QLabel("（未选择）", self)
        self.sections_label.setWordWrap(True)
        self.sections_button = QPushButton("选择章节…", self)
        self.sections_button.clicked.connect(self.pick_sections)
        self.content = QLineEdit(self)
        self.content.setPlaceholderText("学习文件以外的内容，如：观看专题片《……》")
        self.summary = QPlainTextEdit(self)
        self.summary.setPlaceholderText("按发言顺序记录，如：王德伦：……")
        self.summary.setFixedHeight(112)
        self.test_summary = QLineEdit(self)
        self.test_summary.setPlaceholderText("留空：按“成绩”中录入的分数自动填写")
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_INK};")

        times = QHBoxLayout()
        times.setSpacing(6)
        times.addWidget(self.start)
        times.addWidget(QLabel("至", self))
        times.addWidget(self.end)
        times.addStretch(1)
        hours_row = QHBoxLayout()
        hours_row.addWidget(self.hours)
        hours_row.addWidget(self.hours_hint, 1)
        sections_row = QHBoxLayout()
        sections_row.addWidget(self.sections_label, 1)
        sections_row.addWidget(self.sections_button, 0, Qt.AlignmentFlag.AlignTop)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(9)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        def label(text: str) -> QLabel:
            lab = QLabel(text, self)
            lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return lab

        # (the date above the times, the way of study above the hours: the two wide fields in one
        # column, so the form fits the 学习会 page at 1024 px)
        grid.addWidget(label("学习日期："), 0, 0)
        grid.addWidget(self.date, 0, 1)
        grid.addWidget(label("学习方式："), 0, 2)
        grid.addWidget(self.mode, 0, 3)
        grid.addWidget(label("时间："), 1, 0)
        grid.addLayout(times, 1, 1)
        grid.addWidget(label("学时："), 1, 2)
        grid.addLayout(hours_row, 1, 3)
        for a, b in ((self.date.edit, self.mode), (self.mode, self.start), (self.start, self.end), (self.end, self.hours)):
            QWidget.setTabOrder(a, b)  # (Tab goes as the eye reads the rows)
        grid.addWidget(label("学习地点："), 2, 0)
        grid.addWidget(self.place, 2, 1, 1, 3)
        grid.addWidget(label("主持人："), 3, 0)
        grid.addWidget(self.host, 3, 1)
        grid.addWidget(label("领学人："), 3, 2)
        grid.addWidget(self.leader, 3, 3)
        grid.addWidget(label("记录人："), 4, 0)
        grid.addWidget(self.recorder, 4, 1)
        grid.addWidget(label("测试满分："), 4, 2)
        grid.addWidget(self.full_marks, 4, 3)
        grid.addWidget(label("学习文件："), 5, 0)
        grid.addWidget(self.document, 5, 1, 1, 3)
        sec_label = label("学习章节：")
        sec_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(sec_label, 6, 0)
        grid.addLayout(sections_row, 6, 1, 1, 3)
        grid.addWidget(label("其他内容："), 7, 0)
        grid.addWidget(self.content, 7, 1, 1, 3)
        sum_label = label("讨论发言摘要：")
        sum_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(sum_label, 8, 0)
        grid.addWidget(self.summary, 8, 1, 1, 3)
        grid.addWidget(label("测试情况："), 9, 0)
        grid.addWidget(self.test_summary, 9, 1, 1, 3)

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(8, 10, 14, 6)
        inner_layout.addLayout(grid)
        inner_layout.addWidget(self.error)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)

        self.save_button = primary(QPushButton("保存", self))
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton("撤销修改", self)
        self.revert_button.clicked.connect(self.revert)
        self.state_label = muted_label("", self)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(8, 0, 14, 0)
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        for w in (self.start, self.end, self.hours, self.place, self.host, self.leader, self.recorder,
                  self.full_marks, self.content, self.test_summary):
            w.textEdited.connect(lambda _t: self._set_dirty(True))
        self.date.edited.connect(lambda: self._set_dirty(True))
        self.mode.currentTextChanged.connect(lambda _t: self._set_dirty(True))
        self.summary.textChanged.connect(lambda: self._set_dirty(True))
        self._wanted_document: int | None = None
        self._documents_read = False
        self._load_documents()
        hub().changed.connect(self._changed)
        self.load(None)

    # loading --------------------------------------------------------------------------------------
    def _load_documents(self) -> None:
        """The 文件库 read on the worker (again whenever documents change)."""
        records_ops.document_list(self, self._show_documents).run()

    def _show_documents(self, infos: list[DocumentInfo]) -> None:
        chosen = self.document.currentData() if self._documents_read else self._wanted_document
        self.document.blockSignals(True)
        self.document.clear()
        self.document.addItem("（不指定学习文件）", None)
        for info in infos:
            self.document.addItem(f"《{info.title}》", info.id)
        self.document.blockSignals(False)
        self._documents_read = True
        self._select_document(chosen)
        self.sections_button.setEnabled(self.document.currentData() is not None)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if changes.touches("documents"):
            self._load_documents()

    def _select_document(self, document_id: int | None) -> None:
        self._wanted_document = document_id  # (shown once the list is read, if it is not yet)
        index = self.document.findData(document_id) if document_id is not None else 0
        self.document.blockSignals(True)
        self.document.setCurrentIndex(max(index, 0))
        self.document.blockSignals(False)

    def load(self, detail: SessionDetail | None) -> None:
        """Show a stored session, or (None) a blank form for a new one, today and 集中学习."""
        self._loading = True
        self.detail = detail
        d = detail
        self.date.set_text(d.date if d else dt.date.today().isoformat())
        self.start.setText(d.start_time or "" if d else "")
        self.end.setText(d.end_time or "" if d else "")
        self.mode.setCurrentText(d.mode if d else STUDY_MODES[0])
        self.hours.setText(number(d.hours) if d and d.hours is not None else "")
        self.place.setText(d.place if d else "")
        self.host.setText(d.host if d else "")
        self.leader.setText(d.leader if d else "")
        self.recorder.setText(d.recorder if d else "")
        self.full_marks.setText(number(d.full_marks) if d else "100")
        self._select_document(d.document_id if d else None)
        self.section_ids = d.section_ids if d else ()
        self._show_sections(d.section_headings if d else ())
        content = d.content if d else ""
        if d and d.document_title and content.strip() == f"《{d.document_title}》":
            content = ""  # the document line says it already
        self.content.setText(content)
        self.summary.setPlainText(d.summary if d else "")
        self.test_summary.setText(d.test_summary if d else "")
        self.hours_hint.setText(f"本次计 {number(d.effective_hours)} 学时" if d else "留空按时间计算")
        self.hours_hint.setToolTip("学时留空时按开始、结束时间计算（设置：支部学习每小时计学时）")
        self.error.setText("")
        self.state_label.setText("新建的学习会，填写后请保存。" if d is None else "")
        self._loading = False
        self._set_dirty(False)

    def _show_sections(self, headings: tuple[str, ...] | list[str]) -> None:
        self.sections_label.setText("；".join(headings) if headings else "（未选择，即学习全文）")
        self.sections_button.setEnabled(self.document.currentData() is not None)

    def _document_changed(self, _index: int) -> None:
        self.section_ids = ()
        self._show_sections(())
        self._set_dirty(True)

    def pick_sections(self) -> None:
        """选择章节…: the document is read on the worker, then its sections offered."""
        doc = self.document.currentData()
        if doc is None:
            return

        def chosen(view: DocumentView) -> None:
            if self.document.currentData() != view.id:
                return  # (another document was chosen meanwhile)
            picker = SectionPicker(view, self.section_ids, self)
            if picker.exec() == QDialog.DialogCode.Accepted:
                self.set_sections(view, picker.chosen())
            picker.deleteLater()

        records_ops.document(self, int(doc), chosen).run()

    def set_sections(self, view: DocumentView, ids: tuple[int, ...]) -> None:
        by_id = {s.id: s for s in view.sections}
        self.section_ids = tuple(i for i in ids if i in by_id)
        self._show_sections([section_heading(by_id[i].label, by_id[i].title, "") for i in self.section_ids])
        self._set_dirty(True)

    # state ------------------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if self._loading:
            return
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self.revert_button.setEnabled(dirty and self.detail is not None)
        if dirty:
            self.state_label.setText("有未保存的修改")
        elif self.detail is not None:
            self.state_label.setText("")

    def revert(self) -> None:
        self.load(self.detail)

    def draft(self) -> SessionDraft:
        """The typed fields as a SessionDraft; UserError for what cannot be a number."""
        self.date.normalize()
        if self.date.error:
            raise UserError(self.date.error)

        def num(edit: QLineEdit, what: str, default: float | None) -> float | None:
            text = edit.text().strip().replace("，", ".").replace("。", ".")
            if not text:
                return default
            try:
                return float(text)
            except ValueError:
                raise UserError(f"{what}“{text}”不是数字。") from None

        base = self.detail
        return SessionDraft(
            date=self.date.text() or None,
            start_time=self.start.text().strip() or None,
            end_time=self.end.text().strip() or None,
            mode=self.mode.currentText().strip(),
            place=self.place.text(),
            leader=self.leader.text(),
            host=self.host.text(),
            recorder=self.recorder.text(),
            participants=base.participants if base else "",
            content=self.content.text(),
            document_id=self.document.currentData(),
            section_ids=self.section_ids,
            summary=self.summary.toPlainText(),
            test_summary=self.test_summary.text(),
            hours=num(self.hours, "学时", None),
            full_marks=num(self.full_marks, "测试满分", 100.0) or 100.0,
        )

    def save(self, then: Callable[[SessionDetail], object] | None = None, *, overwrite: bool = False) -> bool:
        """Check the typed fields, then create or update the session on the worker; `then` runs
        with the session as stored. False (with the message in the form) when a field is wrong;
        a refusal of the service lands in the form too. A session someone else changed since the
        form read it (another PC on the shared database) is not overwritten unless the user says
        so (`overwrite`, after being asked: conflicted)."""
        try:
            draft = self.draft()
        except UserError as exc:
            self._refused(exc)
            return False

        def stored(detail: SessionDetail) -> None:
            self.load(detail)
            self.state_label.setText("已保存")
            self.saved.emit(detail)
            if then is not None:
                then(detail)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, EditConflict):
                self.state_label.setText("未保存：记录已被别人修改")
                self.conflicted.emit(exc.message, then)
            elif isinstance(exc, UserError):
                self._refused(exc)
            else:
                report_failure(self, "学习会", exc)

        self.state_label.setText("正在保存…")
        version = None if overwrite or self.detail is None else self.detail.version
        records_ops.save_session(self, self.detail.id if self.detail else None, draft, version) \
            .success(stored).failure(refused).run()
        return True

    def _refused(self, exc: UserError) -> None:
        self.error.setText(exc.message)
        self.state_label.setText("未保存：请按红字提示修改")


class SessionsPanel(QWidget):
    """Sessions on the left; the chosen session's record, 考勤 and 成绩 on the right."""

    sessionSaved = Signal(int)
    previewOpened = Signal(object)  # PdfPreviewDialog
    paperDialogOpened = Signal(object)  # PaperDialog (组卷打印)

    def __init__(self, ctx: AppContext, runner: TaskRunner, notify: Notify,
                 open_question: Callable[[int], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.notify = notify
        self.infos: list[SessionInfo] = []
        self.current_id: int | None = None
        self._showing: object | None = None  # the session read asked for last, while it is read
        self._showing_id: int | None = None
        self._opened = False  # the first refresh shows the latest session
        self.preview: PdfPreviewDialog | None = None

        # left: the list ------------------------------------------------------------------------
        left = QWidget(self)
        self.new_button = primary(QPushButton("新建学习会", left))
        self.new_button.clicked.connect(self.new_session)
        self.delete_button = QPushButton("删除…", left)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = make_row_table(left, LIST_COLUMNS, stretch=(2,))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.rows.fetch = self._fetch_more
        self._total = 0  # sessions in all (those read so far: self.infos)
        head = QHBoxLayout()
        head.addWidget(title_label("学习会", left))
        head.addStretch(1)
        head.addWidget(self.new_button)
        foot = QHBoxLayout()
        self.count_label = muted_label("", left)
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.delete_button)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(16, 12, 8, 12)
        left_layout.setSpacing(10)
        left_layout.addLayout(head)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(foot)

        # right: the session -----------------------------------------------------------------------
        right = QWidget(self)
        self.heading = ElidedLabel("", right)
        self.heading.setObjectName("sessionHeading")
        self.heading.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {style.INK};")
        self.print_button = QPushButton("打印", right)
        self.print_button.setToolTip("签到表、学习记录、成绩登记表：先预览，再打印或保存")
        menu = QMenu(self.print_button)
        for form, text in FORM_TITLES.items():
            menu.addAction(f"{text}…", partial(self.print_form, form))
        menu.addSeparator()
        self.paper_action = menu.addAction("试卷、答题卡和答案…", lambda: self.print_paper())
        self.paper_action.setToolTip("从本次学习文件的已审核试题中组卷，预览后打印")
        self.print_button.setMenu(menu)
        self._form_page: LazyPage[SessionForm] = LazyPage(self._make_form, right)
        # 考勤 and 成绩 are built when first opened (or asked for): most visits read the record
        self._attendance_page: LazyPage[AttendancePanel] = LazyPage(self._make_attendance, right)
        self._scores_page: LazyPage[ScoresPanel] = LazyPage(
            lambda parent: self._make_scores(parent, open_question), right)
        self.tabs = QTabWidget(right)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._form_page, "基本信息")
        self.tabs.addTab(self._attendance_page, "考勤")
        self.tabs.addTab(self._scores_page, "成绩")
        self.tabs.currentChanged.connect(self._tab_changed)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.print_button)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 12, 10, 8)
        right_layout.setSpacing(8)
        right_layout.addLayout(top)
        right_layout.addWidget(self.tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 890])
        self.splitter.setChildrenCollapsible(False)
        self._sized = False  # the list's share set once, on the first showing (then the user's)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """On a 1024-wide screen the list takes a third (its 日期, 学习方式, 领学人, 应到, 实到) and drops its 地点 column (the session's
        own page shows it): at 470 px the 成绩 sheet beside it had no room for 单位 and 名次."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = self.splitter.width()
            narrow = width < 1200
            self.table.setColumnHidden(LIST_COLUMNS.index("地点"), narrow)
            if narrow:
                share = max(385, round(width * 0.34))
                self.splitter.setSizes([share, width - share])

    # the session's tabs, built on first use (基本信息 when a session is shown) ------------------
    @property
    def form(self) -> SessionForm:
        return self._form_page.page()

    @property
    def dirty(self) -> bool:
        """Whether 基本信息 holds typing not saved yet (a form not built holds none)."""
        form = self._form_page.if_built()
        return form is not None and form.dirty

    def _make_form(self, parent: QWidget) -> SessionForm:
        form = SessionForm(self.ctx, parent)
        form.saved.connect(self._form_saved)
        form.conflicted.connect(self._conflicted)
        return form

    def _conflicted(self, message: str, then: object) -> QMessageBox:
        """Someone else changed the session since the form read it: the user decides — keep
        theirs (重新载入, the typing is dropped) or put this form's over it (仍然保存)."""
        def reload() -> None:
            if self.current_id is not None:
                self.show_session(self.current_id)

        self.conflict_box = ask_edit_conflict(
            self, "学习会已被修改", message, reload=reload,
            overwrite=lambda: self.form.save(then if callable(then) else None, overwrite=True))
        return self.conflict_box

    @property
    def attendance(self) -> AttendancePanel:
        return self._attendance_page.page()

    @property
    def scores(self) -> ScoresPanel:
        return self._scores_page.page()

    def _make_attendance(self, parent: QWidget) -> AttendancePanel:
        panel = AttendancePanel(self.ctx, self.runner, self.notify, parent)
        panel.countsChanged.connect(self._counts_changed)
        if self.current_id is not None:
            panel.set_session(self.current_id)
        return panel

    def _make_scores(self, parent: QWidget, open_question: Callable[[int], None] | None) -> ScoresPanel:
        panel = ScoresPanel(self.ctx, self.runner, self.notify, open_question, parent)
        if self.current_id is not None:
            panel.set_session(self.current_id)
        return panel

    def _session_to_tabs(self, session_id: int | None) -> None:
        """考勤 and 成绩 follow the chosen session — those not built yet read it when built."""
        for page in (self._attendance_page.if_built(), self._scores_page.if_built()):
            if page is not None:
                page.set_session(session_id)

    # list ----------------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None):  # noqa: ANN201 - the runner's Task
        """Read the first page of 学习会 on the worker (the newest request wins), then show it;
        the rest are read as the list is scrolled down to them."""
        asked = select_id
        self._seq = getattr(self, "_seq", 0) + 1
        seq = self._seq
        through = self._showing_id if self._showing_id is not None else (
            asked if asked is not None else self.current_id)

        def show(page: SessionPage) -> None:
            if seq == self._seq:
                # (a session asked for since — 保存 then go on to another — comes first)
                keep = self._showing_id if self._showing_id is not None else (
                    asked if asked is not None else self.current_id)
                self._show_list(page, keep)

        return records_ops.session_list(self, show, through=through, opening=not self._opened).run()

    def _fetch_more(self, offset: int) -> None:
        """The list scrolled down to the end of what is read: the next page, unless the list
        was read afresh meanwhile (that read wins)."""
        seq = self._seq

        def more(page: SessionPage) -> None:
            if seq == self._seq and page.offset == len(self.infos):
                self.infos.extend(page.infos)
                self._total = page.total
                self.table.rows.append_rows([_list_row(s) for s in page.infos])
            elif seq == self._seq:
                self.table.rows.append_rows([])  # (out of step: asked again when scrolled)

        records_ops.session_list(self, more, offset=offset).run()

    def _show_list(self, page: SessionPage, keep: int | None) -> None:
        self.infos = list(page.infos)
        self._total = page.total
        self.table.blockSignals(True)
        self.table.set_rows([_list_row(s) for s in self.infos], page.total)
        self.table.blockSignals(False)
        self.count_label.setText(f"共 {page.total} 次学习会")
        # opened afresh, the latest session someone has worked on (it has expected attendees) is
        # shown: its 签到表 is 打印 → 签到表 away; with none yet (only the sample one, say), the
        # form is a new session ready to fill in, so the sample is not overwritten by mistake
        target = keep if any(s.id == keep for s in self.infos) else None
        if target is None and page.latest_worked is not None and keep is None and not self._opened:
            target = page.latest_worked
        self._opened = True
        if target is not None and target == self.current_id and self.dirty:
            self.table.blockSignals(True)  # (typed on while the list was read: the row only, the typing stays)
            select_by_data(self.table, target)
            self.table.blockSignals(False)
        elif target is not None:
            if target != self._showing_id:
                self.select_session(target)
            else:  # (being read already: its row is marked, the session shown when it comes)
                self.table.blockSignals(True)
                select_by_data(self.table, target)
                self.table.blockSignals(False)
        elif self.current_id is None and self._showing is None and not self.dirty:
            self.new_session()

    def _row_of(self, session_id: int) -> int:
        return next((r for r, s in enumerate(self.infos) if s.id == session_id), -1)

    def select_session(self, session_id: int) -> None:
        self.table.blockSignals(True)
        select_by_data(self.table, session_id)
        self.table.blockSignals(False)
        self.show_session(session_id)

    def _selection_changed(self) -> None:
        sid = selected_data(self.table)
        if sid is None or sid == self.current_id:
            return
        if self.dirty and not self._confirm_leave(lambda: self.select_session(sid)):
            self.table.blockSignals(True)
            if self.current_id is not None:
                select_by_data(self.table, self.current_id)
            else:
                self.table.clearSelection()
            self.table.blockSignals(False)
            return
        self.show_session(sid)

    def _confirm_leave(self, then: Callable[[], object]) -> bool:
        """Unsaved typing is never dropped silently: save it (then go on: `then`, once stored),
        drop it on purpose (True: go on now), or stay (False)."""
        box = QMessageBox(QMessageBox.Icon.Question, "学习会", "这次学习会的修改还没有保存，要保存吗？",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Save).setText("保存")
        box.button(QMessageBox.StandardButton.Discard).setText("不保存")
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            self.form.save(then=lambda _detail: then())
            return False
        return answer == QMessageBox.StandardButton.Discard

    def show_session(self, session_id: int) -> None:
        """Read the session on the worker, then show it (the newest request wins)."""
        token = self._showing = object()
        self._showing_id = session_id

        def arrived(detail: SessionDetail) -> None:
            if token is self._showing:
                self._showing = self._showing_id = None
                self._show_detail(detail)

        records_ops.session_detail(self, session_id, arrived).run()

    def _show_detail(self, detail: SessionDetail) -> None:
        session_id = detail.id
        self.current_id = session_id
        self.form.load(detail)
        self._show_heading(detail)
        self._session_to_tabs(session_id)
        for i in (1, 2):
            self.tabs.setTabEnabled(i, True)
        self.print_button.setEnabled(True)
        self.delete_button.setEnabled(True)

    def _show_heading(self, detail: SessionDetail) -> None:
        parts = [detail.date or "（未填日期）", detail.mode]
        if detail.document_title:
            parts.append(f"《{detail.document_title}》")
        text = "　".join(parts)
        self.heading.set_full_text(text)

    def new_session(self) -> None:
        """A blank form; 考勤 and 成绩 open once the session is saved."""
        if self.dirty and self.current_id is not None and not self._confirm_leave(self.new_session):
            return
        self._showing = self._showing_id = None
        self.current_id = None
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.form.load(None)
        self.heading.set_full_text("新建学习会")
        self.tabs.setCurrentIndex(0)
        for i in (1, 2):
            self.tabs.setTabEnabled(i, False)
        self._session_to_tabs(None)
        self.print_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.form.date.edit.setFocus()

    def _form_saved(self, detail: SessionDetail) -> None:
        created = self.current_id is None
        self.current_id = detail.id
        self.refresh(select_id=detail.id)
        self.notify("已新建学习会，可以登记考勤了" if created else "学习会已保存")
        self.sessionSaved.emit(detail.id)

    def delete_selected(self) -> bool:
        if self.current_id is None:
            return False
        info = next((s for s in self.infos if s.id == self.current_id), None)
        what = f"{info.date or ''} {info.mode}".strip() if info else "这次学习会"
        answer = QMessageBox.question(
            self, "删除学习会",
            f"确定要删除“{what}”吗？\n\n它的考勤和成绩会一起删除，不能恢复。已打印的表格不受影响。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        def deleted(_none: None) -> None:
            self.current_id = None
            self.form.load(None)
            self.refresh()
            self.notify(f"已删除：{what}")

        records_ops.delete_session(self, self.current_id).success(deleted).run()
        return True

    def _counts_changed(self, session_id: int) -> None:
        """Keep the list's 应到/实到 in step with the marks (no full reload while marking)."""
        row = self._row_of(session_id)
        if row < 0:
            return
        expected, attended = self.attendance.expected, self.attendance.attended
        item_at(self.table, row, 4).setText(str(expected) if expected else "—")
        item_at(self.table, row, 5).setText(str(attended) if expected else "—")

    def _tab_changed(self, index: int) -> None:
        scores = self._scores_page.if_built()
        if index == 2 and self.current_id is not None and scores is not None and scores.session_id == self.current_id:
            scores.reload()  # attendance may have added people (a page built just now has read it)

    # printing ----------------------------------------------------------------------------------------
    def print_form(self, form: str, session_id: int | None = None) -> PdfPreviewDialog | None:
        """Preview 签到表 / 学习记录 / 成绩登记表 of a session (built on the worker)."""
        sid = session_id if session_id is not None else self.current_id
        if sid is None:
            return None
        if self.dirty and sid == self.current_id:
            # the form holds typing not stored yet: store it first, then print what was stored
            if not self.form.save(then=lambda _detail: self.print_form(form, sid)):
                self.tabs.setCurrentIndex(0)
            return None
        ctx = self.ctx
        title = FORM_TITLES[form]
        info = next((s for s in self.infos if s.id == sid), None)
        stem = f"{title}-{info.date or ''}".rstrip("-") if info else title
        pdf, xlsx = records_ops.session_form(ctx, form, sid)
        dialog = open_preview(
            self, self.runner, title, pdf,
            file_stem=stem, xlsx=xlsx, orders=form in ("signin", "signin_archive", "scores"),
            order=records_ops.default_order_now(ctx), ctx=ctx,
        )
        self.preview = dialog
        self.previewOpened.emit(dialog)
        return dialog

    def print_paper(self, session_id: int | None = None) -> PaperDialog | None:
        """组卷打印 on the session's document (the dialog lets the clerk pick another one).

        The dialog module is imported when first used: most sessions never print a paper.
        """
        sid = session_id if session_id is not None else self.current_id
        if sid is not None and (self.form.detail is None or self.form.detail.id != sid):
            # (another session than the one shown: its document is read first)
            records_ops.session_detail(self, sid, lambda d: self._open_paper(d.document_id)).run()
            return None
        return self._open_paper(self.form.detail.document_id if sid is not None and self.form.detail else None)

    def _open_paper(self, document_id: int | None) -> PaperDialog:
        from studyapp.ui.records.paper import open_paper_dialog

        dialog = open_paper_dialog(self, self.ctx, self.runner, document_id)
        dialog.built.connect(lambda paper, _key: setattr(self, "preview", paper))
        self.paperDialogOpened.emit(dialog)
        return dialog
