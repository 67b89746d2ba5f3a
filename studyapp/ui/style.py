"""Colours and the application style sheet, in one place so screens look alike.

Calm office look: white work areas, a light grey frame, one blue for selection and actions.
"""

from __future__ import annotations

INK = "#1f2933"  # body text
MUTED = "#6b7785"  # secondary text (notes, labels)
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


def application_style_sheet() -> str:
    """A light touch over Fusion: comfortable paddings and one accent colour."""
    return f"""
    QMainWindow, QDialog {{ background: {FRAME}; }}
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
