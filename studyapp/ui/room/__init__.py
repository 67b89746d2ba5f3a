"""Meeting-room mode (会议室): projector view, presenter console, contest scoring, paper scores.

Only the menu's entries live here; the main window imports the launcher when first used.
"""

ROOM_ENTRIES: tuple[tuple[str, str], ...] = (
    ("reading", "集体领学…"),
    ("quiz", "集体测验…"),
    ("contest", "知识竞赛…"),
    ("paper", "纸质测验成绩录入…"),
)
