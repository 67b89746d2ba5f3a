"""A tab's page built when it is first shown or first asked for, not with its window.

A window of tabs (学习记录: 人员名单, 学习会, 学时台账; a session's 基本信息, 考勤, 成绩) used to
build every page before it could appear — 100–200 ms of the GUI thread at county size, most of it
for pages the user may never open. A LazyPage stands in the tab: an empty widget, cheap to make,
that builds the real page (`build()`) the first time it is shown or the code asks for it, and
from then on holds it in its layout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    """Holds the page `build(parent)` makes, once; `built` says whether it exists yet."""

    def __init__(self, build: Callable[[QWidget], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> W:
        """The real page, built now if it was not yet."""
        if self._page is None:
            page = self._build(self)
            self._page = page
            self._layout.addWidget(page)
        return self._page

    def if_built(self) -> W | None:
        """The page when it exists (what is not built has nothing to refresh)."""
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Shown before it was built: the window is painted first, the page built on the next
        turn of the event loop (two short stalls instead of one long one)."""
        super().showEvent(event)
        if self._page is None:
            QTimer.singleShot(0, self, self.page)
