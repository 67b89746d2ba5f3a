"""粘贴导入: a big box to paste text copied from a web page or a chat message."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PasteDialog(QDialog):
    """Collects the text only; the window runs the import in the task runner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("粘贴导入")
        self.setObjectName("pasteDialog")
        self.resize(820, 560)
        hint = QLabel(
            "把网页、微信或其他文件中的文字复制后粘贴到下面（Ctrl+V），然后点「导入」。\n"
            "标题、通过日期和“一、”“1.”等编号会自动识别。",
            self,
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("pasteEdit")
        self.edit.setPlaceholderText("在此粘贴文件全文……")
        self.count = QLabel("", self)
        self.count.setObjectName("muted")
        self.edit.textChanged.connect(self._count)
        self.import_button = QPushButton("导入", self)
        self.import_button.setProperty("primary", True)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self._accept)
        cancel = QPushButton("取消", self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(hint)
        layout.addWidget(self.edit, 1)
        layout.addLayout(buttons)
        self._count()

    def text(self) -> str:
        return self.edit.toPlainText()

    def _count(self) -> None:
        n = len(self.edit.toPlainText().strip())
        self.count.setText(f"共 {n} 个字" if n else "")
        self.import_button.setEnabled(n > 0)

    def _accept(self) -> None:
        if not self.text().strip():
            QMessageBox.information(self, "粘贴导入", "请先粘贴要导入的文字。")
            return
        self.accept()
