"""Choosing a file to import (the filter names every kind the loaders understand or explain)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from studyapp.ui import filedialogs

FILE_FILTER = "文件 (*.txt *.docx *.pdf *.doc *.wps);;所有文件 (*)"


def choose_import_file(parent: QWidget | None, start_dir: str = "") -> Path | None:
    """Ask for one file; None when the user cancels."""
    return filedialogs.open_path(parent, "导入文件", FILE_FILTER, start_dir)
