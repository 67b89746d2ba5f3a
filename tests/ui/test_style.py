"""The colours and the style sheet: every colour a real one; text readable on the background it
is drawn on (WCAG contrast: 4.5:1 for text on a screen, 3:1 for the projector's large type and
for text that is faded on purpose); the style sheet parses without a Qt warning and gives a
primary button the accent colour."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QWidget

from studyapp.ui import style

COLOURS = {name: value for name, value in vars(style).items() if isinstance(value, str) and value.startswith("#")}


def _luminance(colour: str) -> float:
    c = QColor(colour)

    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(ink: str, ground: str) -> float:
    high, low = sorted((_luminance(ink), _luminance(ground)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# (text, background, least contrast): what is drawn on what
READABLE = [
    ("INK", "PAPER", 4.5), ("INK", "FRAME", 4.5), ("MUTED", "PAPER", 4.5), ("ACCENT", "PAPER", 4.5),
    ("WARN_INK", "WARN_BG", 4.5), ("ERROR_INK", "ERROR_BG", 4.5), ("RIGHT", "RIGHT_BG", 4.5),
    ("WRONG", "WRONG_BG", 4.5), ("DRAFT", "PAPER", 4.5), ("RETIRED", "PAPER", 3.0),  # (faded on purpose)
    ("INK", "CELL_RIGHT_BG", 4.5), ("INK", "CELL_WRONG_BG", 4.5), ("INK", "CELL_ERROR_BG", 4.5),
    ("INK", "NEW_BG", 4.5), ("INK", "KEY_BG", 4.5), ("INK", "ACCENT_LIGHT", 4.5),
    ("PROJECTOR_INK", "PROJECTOR_BG", 3.0), ("PROJECTOR_SOFT", "PROJECTOR_BG", 3.0),
    ("PROJECTOR_GOLD", "PROJECTOR_BG", 3.0), ("PROJECTOR_INK", "PROJECTOR_PANEL", 3.0),
    ("PROJECTOR_GOLD", "PROJECTOR_PANEL", 3.0), ("PROJECTOR_INK", "PROJECTOR_RIGHT", 3.0),
    ("PROJECTOR_INK", "PROJECTOR_ALERT", 3.0), ("PROJECTOR_INK", "PROJECTOR_TIME_UP", 3.0),
    ("PROJECTOR_INK", "PROJECTOR_WARN", 3.0), ("MUTED", "FRAME", 4.5), ("AMBER", "AMBER_BG", 4.5),
]
# Pairs below their mark today; the list may only shrink (a pair that reads well now fails here
# until it is taken off).
KNOWN_LOW: dict[tuple[str, str], str] = {}  # (the countdown's orange, the status bar's grey and a
# flagged question's amber were below their marks — 2.6, 4.2 and 3.7:1 — until they were darkened)


def test_every_colour_is_a_real_one() -> None:
    assert len(COLOURS) > 30
    bad = [name for name, value in COLOURS.items() if not re.fullmatch(r"#[0-9a-f]{6}", value)]
    assert not bad and all(QColor(v).isValid() for v in COLOURS.values())
    for table in (style.TYPE_COLORS, style.MASTERY_COLORS, style.ATTENDANCE_COLORS):
        assert all(QColor(v).isValid() for v in table.values())
    assert set(style.TYPE_COLORS) == {"single", "multiple", "judge", "fill", "short"}
    assert set(style.MASTERY_COLORS) == {"unread", "read", "practised", "mastered"}


@pytest.mark.parametrize(("ink", "ground", "least"), READABLE, ids=[f"{i}-on-{g}" for i, g, _ in READABLE])
def test_text_is_readable_on_its_background(ink: str, ground: str, least: float) -> None:
    ratio = contrast(COLOURS[ink], COLOURS[ground])
    if (ink, ground) in KNOWN_LOW:
        assert ratio < least, f"{ink} on {ground} reads well now ({ratio:.2f}): take it off KNOWN_LOW"
    else:
        assert ratio >= least, f"{ink} on {ground}: {ratio:.2f}:1"


def test_the_bank_and_the_attendance_colours_read_with_dark_text_or_on_white() -> None:
    assert all(contrast(c, style.PAPER) >= 4.5 for c in style.TYPE_COLORS.values())
    assert all(contrast(style.INK, c) >= 4.5 for c in style.ATTENDANCE_COLORS.values())


def test_the_style_sheet_parses_and_marks_the_primary_button(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyleSheet(style.application_style_sheet())  # (a parse error is a Qt warning: the test fails)
    plain, primary = QPushButton("取消", host), QPushButton("确定", host)
    primary.setProperty("primary", True)
    host.show()
    qtbot.waitExposed(host)
    def fill(button: QPushButton) -> str:  # the colour inside the border, left of the text
        return button.grab().toImage().pixelColor(6, button.height() // 2).name()

    assert fill(primary) == style.ACCENT and fill(plain) == style.PAPER
