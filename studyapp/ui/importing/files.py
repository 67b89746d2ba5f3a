"""Choosing a file to import (the filter names every kind the loaders understand or explain)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

FILE_FILTER = "文件 (*.txt *.docx *.pdf *.doc *.wps);;所有文件 (*)"


def choose_import_file(parent: QWidget | None, start_dir: str = "") -> Path | None:
    """Ask for one file; None when the user cancels."""
    directory = start_dir or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _ = QFileDialog.getOpenFileName(parent, "导入文件", directory, FILE_FILTER)
    return Path(name) if name else None
