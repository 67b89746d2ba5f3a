"""Small pieces the records screens share: the name-order switch, tables, cells, messages.

Kept in one place so the roster, the attendance sheet, the scores and the 学时台账 look and
behave alike — a clerk who learned one table knows them all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from studyapp.core.names import NameOrder
from studyapp.ui import filedialogs, style
from studyapp.ui.cells import ID_ROLE
from studyapp.ui.rowtable import RowTable, plain_look

log = logging.getLogger("studyapp.ui")

ORDER_LABELS: tuple[tuple[str, str], ...] = (
    (NameOrder.ROSTER.value, "名册顺序"),
    (NameOrder.STROKES.value, "姓氏笔画"),
    (NameOrder.PINYIN.value, "拼音"),
)
TABLE_FILTER = "表格文件 (*.xlsx *.csv);;Excel 文件 (*.xlsx);;CSV 文件 (*.csv)"

#: soft tints for attendance marks and shortfalls (text stays dark, so it prints and reads well)
STATUS_COLORS = style.ATTENDANCE_COLORS
ERROR_INK = style.ERROR_INK
SHORT_BG = style.WARN_BG


class OrderSwitch(QWidget):
    """名册顺序 / 姓氏笔画 / 拼音 as three joined buttons: one click, always visible."""

    changed = Signal(str)  # NameOrder value

    def __init__(self, parent: QWidget | None = None, value: str = NameOrder.ROSTER.value) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        label = QLabel("排序：", self)
        label.setObjectName("muted")
        layout.addWidget(label)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for i, (code, text) in enumerate(ORDER_LABELS):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setObjectName("orderButton")
            left = "4px" if i == 0 else "0"
            right = "4px" if i == len(ORDER_LABELS) - 1 else "0"
            button.setStyleSheet(
                f"QPushButton {{ padding: 4px 12px; border-top-left-radius: {left};"
                f" border-bottom-left-radius: {left}; border-top-right-radius: {right};"
                f" border-bottom-right-radius: {right}; }}"
                f"QPushButton:checked {{ background: {style.ACCENT}; color: white;"
                f" border-color: {style.ACCENT}; }}"
            )
            button.setMinimumWidth(button.sizeHint().width())  # (never squeezed to part of its name)
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
            button.clicked.connect(lambda _c=False, c=code: self._clicked(c))
        self.set_value(value)

    def value(self) -> str:
        for code, button in self.buttons.items():
            if button.isChecked():
                return code
        return NameOrder.ROSTER.value

    def set_value(self, value: str, *, emit: bool = False) -> None:
        button = self.buttons.get(value) or self.buttons[NameOrder.ROSTER.value]
        button.setChecked(True)
        if emit:
            self.changed.emit(self.value())

    def _clicked(self, code: str) -> None:
        self.changed.emit(code)


def make_table(parent: QWidget, headers: Iterable[str], *, stretch: Iterable[int] = (),
               editable: bool = False, table_class: type[QTableWidget] = QTableWidget) -> QTableWidget:
    """A plain, readable table: row selection, no grid noise, alternating rows."""
    headers = list(headers)
    table = table_class(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    plain_look(table, len(headers), stretch=stretch, editable=editable)
    return table


# (combined once: a county's lists make tens of thousands of cells, and every enum | costs)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def cell(text: str, *, data: object = None, right: bool = False, center: bool = False,
         editable: bool = False, tip: str = "", background: str | None = None,
         ink: str | None = None) -> QTableWidgetItem:
    """One table cell; read-only unless `editable`, numbers right-aligned like a ledger."""
    item = QTableWidgetItem(text)
    item.setFlags(_EDITABLE if editable else _READ_ONLY)
    if data is not None:
        item.setData(ID_ROLE, data)
    if right:
        item.setTextAlignment(_RIGHT)
    elif center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if tip:
        item.setToolTip(tip)
    if background:
        item.setBackground(QColor(background))
    if ink:
        item.setForeground(QColor(ink))
    return item


def number(value: float | None) -> str:
    """15, 2.5 — no trailing .0 (how a clerk writes 学时 and 排序号)."""
    if value is None:
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def title_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("recordsTitle")
    label.setStyleSheet(f"font-size: 14pt; font-weight: bold; color: {style.INK};")
    return label


class ElidedLabel(QLabel):
    """One line that gives way to its neighbours: at any width it shows as much of its text as
    fits, ending in …, the whole text in its tooltip (a long document title beside 打印 at
    1024 px pushed the 学习会 list into a scroll bar)."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(40, self.width()))
        if shown != self.text():
            super().setText(shown)


def muted_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("muted")
    return label


def primary(button: QPushButton) -> QPushButton:
    button.setProperty("primary", True)
    return button


def choose_table_file(parent: QWidget, title: str, directory: str = "") -> Path | None:
    """Ask for a .xlsx/.csv file (Qt's dialog, in Chinese via the loaded translations)."""
    return filedialogs.open_path(parent, title, TABLE_FILTER, directory)


def choose_save_path(parent: QWidget, title: str, suggested: str, filter_: str) -> Path | None:
    """Ask where to save: a bare file name starts in the folder last used, or 文档."""
    return filedialogs.save_path(parent, title, suggested, filter_)


def selected_data(table: QTableWidget | RowTable, column: int = 0) -> int | None:
    """The ID_ROLE data of the selected row — a person's, a session's or a question's id — or
    None when nothing is selected."""
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    if not rows:
        return None
    item = table.item(rows[0].row(), column)
    data = None if item is None else item.data(ID_ROLE)
    return None if data is None else int(data)


def select_by_data(table: QTableWidget | RowTable, value: object, column: int = 0) -> bool:
    model = table.model()
    for row in range(table.rowCount()):
        index = model.index(row, column)
        if model.data(index, ID_ROLE) == value:
            table.selectRow(row)
            table.scrollTo(index)
            return True
    return False


def make_row_table(parent: QWidget, headers: Iterable[str], *, stretch: Iterable[int] = ()) -> RowTable:
    """A long read-only list (学习会, 人员名单, 学时台账): rows kept as values, only those on screen
    drawn (see ui/rowtable.py)."""
    return RowTable(list(headers), parent, stretch=stretch)


Notify = Callable[[str], None]
