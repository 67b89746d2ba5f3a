"""文件库: the imported documents, to open, rename, remove (with confirmation) or add to."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.stats import fmt_percent
from studyapp.services import AppContext
from studyapp.services.context import EditConflict
from studyapp.services.dto import DocumentInfo
from studyapp.ui.admin import require
from studyapp.ui.cells import item_at
from studyapp.ui.conflict import ask_edit_conflict
from studyapp.ui.library import ops as library_ops

log = logging.getLogger("studyapp.ui")

COLUMNS = ("标题", "通过日期", "章节数", "阅读进度", "导入时间")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def format_imported_at(value: str) -> str:
    """ISO timestamp -> 2024-05-01 10:23 (what an office clerk reads)."""
    text = value.replace("T", " ")
    return text[:16]


def format_progress(info: DocumentInfo) -> str:
    if info.section_count == 0:
        return "—"
    return f"{info.read_count}/{info.section_count}（{fmt_percent(info.progress, 0)}）"


class LibraryDialog(QDialog):
    """Thin view over documents.list/rename/delete; opening and importing belong to the window."""

    openRequested = Signal(int)
    importRequested = Signal()
    documentRenamed = Signal(int)
    documentDeleted = Signal(int)
    listed = Signal()  # the list is shown (read on the worker)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, current_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current_id = current_id
        self.conflict_box: QMessageBox | None = None  # (a rename's open question, for tests)
        self.setWindowTitle("文件库")
        self.setObjectName("libraryDialog")
        self.resize(980, 520)
        intro = QLabel("这里是已导入的学习材料。双击一份文件即可打开阅读。", self)
        intro.setObjectName("muted")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.open_button = QPushButton("打开", self)
        self.open_button.setProperty("primary", True)
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button = QPushButton("重命名…", self)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button = QPushButton("删除…", self)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button = QPushButton("导入…", self)
        self.import_button.clicked.connect(self.importRequested)
        close_button = QPushButton("关闭", self)
        close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.infos: list[DocumentInfo] = []
        self._reading: object | None = None
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Read the 文件库 on the worker (the newest request wins), then show it."""
        keep = select_id if select_id is not None else (self.selected_id() or self.current_id)
        token = self._reading = object()

        def arrived(infos: list[DocumentInfo]) -> None:
            if token is self._reading:
                self._show(infos, keep)

        library_ops.document_list(self, arrived).run()

    def _show(self, infos: list[DocumentInfo], keep: int | None) -> None:
        self.infos = infos
        self.table.setRowCount(len(self.infos))
        for row, info in enumerate(self.infos):
            title = info.title + ("（正在阅读）" if info.id == self.current_id else "")
            values = (
                title,
                info.adopted_on or "—",
                str(info.section_count),
                format_progress(info),
                format_imported_at(info.imported_at),
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, info.id)
                if col == 0:
                    item.setToolTip(f"{info.title}\n{info.note}\n来源：{info.source_name}".strip())
                if col in (2,):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            if info.id == keep:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and self.infos:
            self.table.selectRow(0)
        self._update_buttons()
        self.listed.emit()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return int(item_at(self.table, rows[0].row(), 0).data(ID_ROLE))

    def selected_info(self) -> DocumentInfo | None:
        sid = self.selected_id()
        return next((i for i in self.infos if i.id == sid), None)

    def select_document(self, document_id: int) -> None:
        for row, info in enumerate(self.infos):
            if info.id == document_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for b in (self.open_button, self.rename_button, self.delete_button):
            b.setEnabled(has)

    def open_selected(self) -> None:
        sid = self.selected_id()
        if sid is not None:
            self.openRequested.emit(sid)
            self.accept()

    def rename_selected(self) -> None:
        info = self.selected_info()
        if info is None or not require(self, "重命名文件"):
            return
        title, ok = QInputDialog.getText(
            self, "重命名文件", "新的标题：", QLineEdit.EchoMode.Normal, info.title
        )
        if not ok or title == info.title:
            return
        self._rename(info.id, title.strip(), info.version)

    def _rename(self, document_id: int, title: str, expected_version: int | None) -> None:
        """Rename on the worker; a document another PC renamed since the list was read is
        not renamed unasked: 重新载入 shows its new name, 仍然保存 renames it all the same."""
        def renamed(_none: None) -> None:
            self.refresh(select_id=document_id)
            self.documentRenamed.emit(document_id)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, EditConflict):  # (重新载入: the other PC's title, here and over the reader)
                self.conflict_box = ask_edit_conflict(
                    self, "重命名文件", exc.message, reload=lambda: renamed(None),
                    overwrite=lambda: self._rename(document_id, title, None))
                return
            QMessageBox.warning(self, "重命名文件", getattr(exc, "message", str(exc)))

        library_ops.rename_document(self, document_id, title, expected_version).success(renamed) \
            .failure(refused).run()

    def delete_selected(self) -> None:
        info = self.selected_info()
        if info is None or not require(self, "删除文件"):
            return
        answer = QMessageBox.question(
            self,
            "删除文件",
            f"确定要从文件库删除《{info.title}》吗？\n\n"
            "它的章节、阅读记录和笔记会一起删除，不能恢复；已有的学习记录会保留。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        def deleted(_none: None) -> None:
            log.info("document %s deleted from the library", info.id)
            self.refresh()
            self.documentDeleted.emit(info.id)

        library_ops.delete_document(self, info.id).success(deleted).failure(
            lambda exc: QMessageBox.warning(self, "删除文件", getattr(exc, "message", str(exc)))).run()
