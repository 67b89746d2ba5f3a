"""Colours and the application style sheet, in one place so screens look alike.

Calm office look: white work areas, a light grey frame, one blue for selection and actions.
"""

from __future__ import annotations

INK = "#1f2933"  # body text
MUTED = "#5f6b78"  # secondary text (notes, labels)
ACCENT = "#1d5fa8"  # selection, links, primary buttons
ACCENT_LIGHT = "#e3eefb"
PAPER = "#ffffff"
FRAME = "#f3f4f6"
BORDER = "#d5dae1"
READ_MARK = "#2e7d32"
HIT = "#ffe9a8"
HIT_CURRENT = "#ffb74d"
SOURCE_MARK = "#d6e8fb"  # 查看原文: the quoted sentence
WARN_BG = "#fff4e0"
WARN_BORDER = "#e0a84c"
WARN_INK = "#8a4b00"
PDF_BACKDROP = "#8a929c"  # around the pages of a print preview
RULE = BORDER  # a thin separating line

# right and wrong: verdicts, keys, the score grid
RIGHT = "#2e7d32"
RIGHT_BG = "#e8f5e9"
KEY_BG = "#e3f2e5"  # the right option(s) of a marked answer key
WRONG = "#c62828"
WRONG_BG = "#fdecea"
AMBER = "#9a5b00"  # flagged, time running out
AMBER_BG = WARN_BG
ERROR_INK = "#b3261e"  # a field or a file that cannot be taken
ERROR_BG = "#fdecee"
ERROR_BORDER = "#e8a3ad"
CELL_RIGHT_BG = "#d8f0dc"  # paper score entry: a cell marked right, wrong, or unreadable
CELL_WRONG_BG = "#fbd9d6"
CELL_ERROR_BG = "#ffe1a8"
NEW_BG = "#e6f4ea"  # a row an import adds

# the bank: a question's state and type
DRAFT = "#a05a00"
RETIRED = "#8a939e"
TYPE_COLORS = {"single": "#1d5fa8", "multiple": "#6a3fa0", "judge": "#00796b", "fill": "#8d5a00",
               "short": "#5d6b78"}

# the reader's dots: hollow grey = not yet read, then blue, amber, green
MASTERY_COLORS = {"unread": "#b8c0ca", "read": "#5b8fd0", "practised": "#e09a2c", "mastered": RIGHT}

# attendance marks: soft tints, the text stays dark (prints and reads well)
ATTENDANCE_COLORS: dict[str | None, str] = {
    "present": NEW_BG, "late": ACCENT_LIGHT, "leave": WARN_BG, "absent": "#fde8e8", None: PAPER,
}

# the projector: light on dark blue, read from the back of a meeting room
PROJECTOR_BG = "#0b2545"
PROJECTOR_INK = "#ffffff"
PROJECTOR_SOFT = "#c9d6ea"
PROJECTOR_GOLD = "#ffd166"
PROJECTOR_RIGHT = "#2e9e5b"
PROJECTOR_ALERT = "#d62828"
PROJECTOR_WARN = "#c05600"  # (white on it 4.6:1: the countdown's last 10 s read from the back)
PROJECTOR_PANEL = "#13315c"
PROJECTOR_TIME_UP = "#8e0f0f"


def application_style_sheet() -> str:
    """A light touch over Fusion: comfortable paddings and one accent colour."""
    return f"""
    QMainWindow, QDialog {{ background: {FRAME}; }}
    QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
    QToolBar {{ background: {FRAME}; border: none; border-bottom: 1px solid {BORDER};
               spacing: 4px; padding: 3px 6px; }}
    QToolBar QToolButton {{ padding: 4px 10px; border-radius: 4px; color: {INK}; }}
    QToolBar QToolButton:hover {{ background: {ACCENT_LIGHT}; }}
    QStatusBar {{ background: {FRAME}; color: {MUTED}; border-top: 1px solid {BORDER}; }}
    QTreeView, QListView, QTableView {{ background: {PAPER}; border: 1px solid {BORDER};
               selection-background-color: {ACCENT}; selection-color: white; }}
    QTreeView::item {{ padding: 4px 2px; }}
    QTableView::item {{ padding: 4px 6px; }}
    QHeaderView::section {{ background: {FRAME}; border: none; border-bottom: 1px solid {BORDER};
               border-right: 1px solid {BORDER}; padding: 5px 8px; color: {INK}; }}
    QTextBrowser#readingPane {{ background: {PAPER}; border: 1px solid {BORDER}; color: {INK}; }}
    QTextBrowser#findResults {{ background: {PAPER}; border: 1px solid {BORDER}; }}
    QPlainTextEdit {{ background: {PAPER}; border: 1px solid {BORDER}; border-radius: 3px;
               padding: 4px; }}
    QLineEdit {{ background: {PAPER}; border: 1px solid {BORDER}; border-radius: 3px;
               padding: 4px 6px; }}
    QLineEdit:focus, QPlainTextEdit:focus {{ border: 1px solid {ACCENT}; }}
    QPushButton {{ padding: 5px 16px; border: 1px solid {BORDER}; border-radius: 4px;
               background: {PAPER}; color: {INK}; min-height: 22px; }}
    QPushButton:hover {{ border-color: {ACCENT}; background: {ACCENT_LIGHT}; }}
    QPushButton:disabled {{ color: #a0a8b2; background: {FRAME}; }}
    QPushButton[primary="true"] {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
    QPushButton[primary="true"]:hover {{ background: #174d89; }}
    QPushButton[primary="true"]:disabled {{ background: {FRAME}; color: #a0a8b2; border-color: {BORDER}; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{ padding: 6px 18px; background: {FRAME}; border: 1px solid {BORDER};
               border-bottom: none; border-top-left-radius: 4px; border-top-right-radius: 4px;
               margin-right: 2px; color: {MUTED}; }}
    QTabBar::tab:selected {{ background: {PAPER}; color: {INK}; }}
    QLabel#docTitle {{ font-weight: bold; color: {INK}; padding: 2px 2px 6px 2px; }}
    QLabel#muted, QLabel#noteStatus {{ color: {MUTED}; }}
    QLabel#sectionPosition {{ color: {MUTED}; }}
    QSplitter::handle {{ background: {FRAME}; }}
    """
