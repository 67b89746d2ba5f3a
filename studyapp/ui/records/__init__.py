"""学习记录: roster, study sessions with attendance and scores, the 学时台账, printed forms.

Only the menu's entries live here, so the main window builds its menu without importing the
records screens (and reportlab, openpyxl) before they are opened.
"""

RECORD_PAGES: tuple[tuple[str, str], ...] = (
    ("roster", "人员名单…"),
    ("sessions", "学习会…"),
    ("hours", "学时台账…"),
)
