"""Where Qt's file dialogs start: the folder last used for a file in this run, else the user's
Documents folder — never the program's own folder (a bare 「签到表.pdf」 would start there, and a
clerk would save into C:\\Program Files or the USB stick's program folder without noticing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last_folder: Path | None = None


def start_folder() -> Path:
    """The folder the next file dialog opens in."""
    if _last_folder is not None and _last_folder.is_dir():
        return _last_folder
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return Path.home()


def remember(path: Path | str) -> None:
    """A file was chosen: its folder is where the next dialog starts."""
    global _last_folder
    p = Path(path)
    _last_folder = p if p.is_dir() else p.parent


def _start(suggested: str) -> str:
    p = Path(suggested) if suggested else Path()
    if suggested and p.is_absolute():
        return str(p)
    return str(start_folder() / p) if suggested else str(start_folder())


def save_path(parent: QWidget | None, title: str, suggested: str, filter_: str) -> Path | None:
    """Ask where to save; `suggested` is a file name (started in start_folder) or a full path."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, _start(suggested), filter_)
    if not chosen:
        return None
    remember(chosen)
    return Path(chosen)


def open_path(parent: QWidget | None, title: str, filter_: str, directory: str = "") -> Path | None:
    """Ask for one file to read; starts in `directory` when given, else in start_folder()."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, directory or str(start_folder()), filter_)
    if not chosen:
        return None
    remember(chosen)
    return Path(chosen)
