"""The frame every self-study page shares: a title line, a scrolling card, a button row, keys.

Pages live in the main window (not in windows of their own), so 「在原文中查看」 can show the
reader and 「返回」 brings the learner straight back — no window hunting on a shared PC.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from studyapp.ui.study.common import STUDY_STYLE, label

CARD_MAX_WIDTH = 1060  # lines of 18 pt Chinese stay readable; wide screens get margins
# an answer waits at most this long for another writer's lock on the GUI thread (≤ 100 ms stall);
# then the page keeps it and the worker stores it, trying again every RETRY_MS
SAVE_WAIT_MS = 80
RETRY_MS = 2000


class StudyPage(QWidget):
    """Base of the pages: `title_label`, `info_label`, `body` (in a card), `buttons` row."""

    #: what the 「返回…」 bar says while the reader is shown over an open page
    return_text = "返回"
    is_exam = False  # a timed quiz: leaving it pauses its clock

    def __init__(self, title: str, parent: QWidget | None = None, *, card: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("studyPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STUDY_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 14, 24, 14)
        outer.setSpacing(10)
        head = QHBoxLayout()
        self.title_label = label(title, "pageTitle", self)
        self.info_label = label("", "pageInfo", self, wrap=False)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.info_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.head = head
        outer.addLayout(head)
        self.card = QFrame(self)
        self.card.setObjectName("card" if card else "")
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(28, 20, 28, 20) if card else self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(12)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget(self.scroll_area)
        holder.setObjectName("studyPage")
        hl = QHBoxLayout(holder)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addStretch(0)
        self.card.setMaximumWidth(CARD_MAX_WIDTH)
        hl.addWidget(self.card, 1)
        hl.addStretch(0)
        self.scroll_area.setWidget(holder)
        self.scroll_area.viewport().setAutoFillBackground(False)
        holder.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.center = QHBoxLayout()
        self.center.addWidget(self.scroll_area, 1)
        outer.addLayout(self.center, 1)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(10)
        outer.addLayout(self.buttons)

    def key(self, keys: str | QKeySequence | Qt.Key, slot: Callable[[], object]) -> QShortcut:
        """A key that works while the focus is anywhere on this page (and only then)."""
        shortcut = QShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # hooks for the controller ------------------------------------------------------------------
    def in_progress(self) -> bool:
        """True while leaving the page would leave an attempt open (it can be continued later)."""
        return False

    def about_to_leave(self) -> None:
        """Save what is being typed and stop clocks before the page goes away."""

    def stop(self) -> None:
        """The page is thrown away (another page, another learner, the app closing)."""
        self.about_to_leave()

    def activate(self) -> None:
        """The page is on screen again (after the reader): take the keyboard back."""
        self.setFocus()

    def leave_text(self) -> str:
        return ""
