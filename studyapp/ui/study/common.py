"""What the self-study screens share: large type, colours, time formats, non-blocking questions.

Cadres read these screens from a little further away than a document, often with reading
glasses: question text is set well above the app's base size, and every state (chosen, right,
wrong, flagged, time running out) has its own plain colour and a word, never colour alone.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from studyapp.ui import style

log = logging.getLogger("studyapp.ui")

RIGHT = style.RIGHT
RIGHT_BG = style.RIGHT_BG
WRONG = style.WRONG
WRONG_BG = style.WRONG_BG
AMBER = style.AMBER
AMBER_BG = style.AMBER_BG

STEM_PT = 18  # the question itself
OPTION_PT = 16
BODY_PT = 14  # feedback, explanations

STUDY_STYLE = f"""
QWidget#studyPage {{ background: {style.FRAME}; }}
QFrame#card {{ background: {style.PAPER}; border: 1px solid {style.BORDER}; border-radius: 6px; }}
QLabel#pageTitle {{ font-size: 17pt; font-weight: bold; color: {style.INK}; }}
QLabel#pageInfo {{ font-size: {BODY_PT}pt; color: {style.MUTED}; }}
QLabel#qMeta {{ font-size: {BODY_PT}pt; color: {style.MUTED}; }}
QLabel#qStem {{ font-size: {STEM_PT}pt; color: {style.INK}; }}
QLabel#qHint {{ font-size: 12pt; color: {style.MUTED}; }}
QFrame#optionRow {{ background: {style.PAPER}; border: 1px solid {style.BORDER}; border-radius: 6px; }}
QFrame#optionRow:hover {{ border-color: {style.ACCENT}; }}
QFrame#optionRow[chosen="true"] {{ background: {style.ACCENT_LIGHT}; border: 2px solid {style.ACCENT}; }}
QFrame#optionRow[verdict="right"] {{ background: {RIGHT_BG}; border: 2px solid {RIGHT}; }}
QFrame#optionRow[verdict="wrong"] {{ background: {WRONG_BG}; border: 2px solid {WRONG}; }}
QLabel#optionBadge {{ font-size: {OPTION_PT}pt; font-weight: bold; color: {style.ACCENT};
    background: {style.ACCENT_LIGHT}; border-radius: 17px; }}
QFrame#optionRow[chosen="true"] QLabel#optionBadge {{ background: {style.ACCENT}; color: white; }}
QLabel#optionText {{ font-size: {OPTION_PT}pt; color: {style.INK}; background: transparent; }}
QLabel#optionVerdict {{ font-size: 13pt; font-weight: bold; background: transparent; }}
QLineEdit#blank, QPlainTextEdit#shortAnswer {{ font-size: {OPTION_PT}pt; padding: 6px 8px; }}
QLabel#blankLabel {{ font-size: {BODY_PT}pt; color: {style.MUTED}; }}
QLabel#verdict {{ font-size: 20pt; font-weight: bold; }}
QLabel#verdict[verdict="right"] {{ color: {RIGHT}; }}
QLabel#verdict[verdict="wrong"] {{ color: {WRONG}; }}
QLabel#verdict[verdict="partial"], QLabel#verdict[verdict="manual"] {{ color: {AMBER}; }}
QLabel#feedbackText {{ font-size: {BODY_PT}pt; color: {style.INK}; }}
QLabel#quote {{ font-size: {BODY_PT}pt; color: {style.INK}; background: {style.SOURCE_MARK};
    border-left: 4px solid {style.ACCENT}; padding: 8px 10px; }}
QLabel#countdown {{ font-size: 26pt; font-weight: bold; color: {style.INK}; }}
QLabel#countdown[level="warn"] {{ color: {AMBER}; }}
QLabel#countdown[level="danger"] {{ color: {WRONG}; }}
QPushButton#mapButton {{ font-size: 13pt; min-width: 40px; max-width: 40px; min-height: 34px;
    padding: 0px; border-radius: 4px; }}
QPushButton#mapButton[answered="true"] {{ background: {style.ACCENT}; color: white; border-color: {style.ACCENT}; }}
QPushButton#mapButton[flagged="true"] {{ border: 3px solid {AMBER_BG}; border-color: {style.WARN_BORDER}; }}
QPushButton#mapButton[current="true"] {{ border: 3px solid {style.INK}; font-weight: bold; }}
QPushButton#bigButton {{ font-size: 14pt; padding: 8px 22px; }}
QLabel#statValue {{ font-size: 22pt; font-weight: bold; color: {style.INK}; }}
QLabel#statName {{ font-size: 12pt; color: {style.MUTED}; }}
QLabel#banner {{ font-size: {BODY_PT}pt; color: {style.WARN_INK}; background: {style.WARN_BG};
    border: 1px solid {style.WARN_BORDER}; border-radius: 4px; padding: 8px 12px; }}
QLabel#rule {{ font-size: 12pt; color: {style.MUTED}; background: {style.PAPER};
    border: 1px solid {style.BORDER}; border-radius: 4px; padding: 8px 12px; }}
QLabel#scoreBig {{ font-size: 34pt; font-weight: bold; color: {style.ACCENT}; }}
"""


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed (chosen, verdict, level…)."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def set_state(widget: QWidget, name: str, value: object) -> None:
    """Set a style property and repolish only when it really changed (cheap on every tick)."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        repolish(widget)


def label(text: str, name: str, parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text, parent)
    widget.setObjectName(name)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def button(text: str, parent: QWidget | None = None, *, primary: bool = False, big: bool = True,
           tip: str = "") -> QPushButton:
    """A push button that does not take keyboard focus: the page's own keys (1–4, Enter, ←/→)
    must keep working whatever the learner clicked last."""
    b = QPushButton(text, parent)
    if big:
        b.setObjectName("bigButton")
    if primary:
        b.setProperty("primary", True)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if tip:
        b.setToolTip(tip)
    return b


def mmss(seconds: float | None) -> str:
    """29:41 — the countdown and time used; hours roll into minutes (a 90-minute test: 90:00)."""
    if seconds is None:
        return "不限时"
    total = max(0, int(seconds + 0.999))  # 0.2 s left still shows 00:01: the end is at 00:00
    return f"{total // 60:02d}:{total % 60:02d}"


def when_text(iso: str) -> str:
    """4月15日 10:32 — when an attempt started, as people say it."""
    try:
        t = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{t.month}月{t.day}日 {t.hour:02d}:{t.minute:02d}"


def points_text(value: float) -> str:
    """3 / 2.5 — points without a trailing .0."""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:g}"


def ask(parent: QWidget, title: str, text: str, yes: str, no: str,
        on_yes: Callable[[], None], on_no: Callable[[], None] | None = None) -> QMessageBox:
    """A window-modal question that does not block the event loop (the countdown keeps running).

    The box is kept on `parent.pending_box` (tests press its buttons) with `yes_button` set.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_button)
    box.yes_button = yes_button  # type: ignore[attr-defined]  # (a handle kept on the widget for callers and tests)
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 420px; font-size: 13pt; }")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def done(_result: int) -> None:
        if box.clickedButton() is yes_button:
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(done)
    parent.pending_box = box  # type: ignore[attr-defined]  # (a handle kept on the widget for callers and tests)
    box.open()
    return box


def tell(parent: QWidget, title: str, text: str, *, warning: bool = False) -> QMessageBox:
    """A non-blocking message (time up, nothing to practise…); kept on `parent.pending_box`."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 380px; font-size: 13pt; }")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    parent.pending_box = box  # type: ignore[attr-defined]  # (a handle kept on the widget for callers and tests)
    box.open()
    return box
