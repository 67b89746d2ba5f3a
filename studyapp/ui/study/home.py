"""首页: the learner's front door — who is studying, what to do next, how far they are this year.

A cadre opens studyapp and sees their own name, big, with 换人 beside it; then one button for each
thing a learner does (继续阅读 where they left off, 练习本节, 今日复习 N 题, 练习错题, 模拟考试,
我的学习), and this year's 学时 and reading. The administrator's tools (题库, 学习记录, 导入,
会议室) sit in a quiet row at the foot, out of the learner's way. The page only shows what the
controller loaded (services.home on the task runner) and says which button was pressed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studyapp.core.stats import fmt_percent
from studyapp.services.dto_study import FrontPage
from studyapp.ui import style
from studyapp.ui.study.common import button, label
from studyapp.ui.study.pages import StudyPage

HOME_STYLE = f"""
QPushButton#homeTile {{ font-size: 16pt; text-align: left; padding: 14px 18px; min-height: 64px;
    border: 1px solid {style.BORDER}; border-radius: 8px; background: white; color: {style.INK}; }}
QPushButton#homeTile:hover {{ border-color: {style.ACCENT}; background: {style.ACCENT_LIGHT}; }}
QPushButton#homeTile[primary="true"] {{ background: {style.ACCENT}; color: white; border-color: {style.ACCENT}; }}
QPushButton#homeTile:disabled {{ color: {style.MUTED}; background: {style.FRAME}; }}
QLabel#homeName {{ font-size: 24pt; font-weight: bold; color: {style.INK}; }}
QLabel#homeFigure {{ font-size: 20pt; font-weight: bold; color: {style.ACCENT}; }}
QPushButton#homeAdmin {{ font-size: 11pt; padding: 4px 10px; }}
"""


def _tile(text: str, parent: QWidget, *, primary: bool = False, tip: str = "") -> QPushButton:
    b = QPushButton(text, parent)
    b.setObjectName("homeTile")
    b.setProperty("primary", primary)
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    if tip:
        b.setToolTip(tip)
    return b


class HomePage(StudyPage):
    """首页 of one learner (or, with no learner chosen, the button that chooses one)."""

    readRequested = Signal()
    practiseRequested = Signal()
    reviewRequested = Signal()
    wrongbookRequested = Signal()
    examRequested = Signal()
    myStudyRequested = Signal()
    chooseRequested = Signal()
    adminRequested = Signal(str)  # bank / records / import / room

    return_text = "返回首页"

    def __init__(self, data: FrontPage | None, parent: QWidget | None = None) -> None:
        super().__init__("首页", parent, card=False)
        self.setStyleSheet(self.styleSheet() + HOME_STYLE)
        self.data = data
        self.scroll_area.hide()
        outer = QVBoxLayout()
        outer.setSpacing(14)
        self.center.addLayout(outer, 1)

        # who is studying ------------------------------------------------------------------------
        who = QHBoxLayout()
        who.setSpacing(14)
        if data is None:
            self.name_label = label("还没有选择学习者", "homeName", self, wrap=False)
            self.choose_button = _tile("选择学习者…", self, primary=True, tip="从名单中选出正在学习的人")
        else:
            self.name_label = label(data.person_name, "homeName", self, wrap=False)
            self.choose_button = button("换人…", self, tip="换一位学习者（学习 → 谁在学习）")
        self.choose_button.clicked.connect(self.chooseRequested.emit)
        who.addWidget(self.name_label)
        who.addWidget(self.choose_button)
        who.addStretch(1)
        if data is not None and data.document_title:
            self.info_label.setText(f"正在学习《{data.document_title}》")
        outer.addLayout(who)

        # what to do next ------------------------------------------------------------------------
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(14)
        tiles.setVerticalSpacing(14)
        s = data.study if data is not None else None
        where = data.section_heading if data is not None and data.section_heading else ""
        self.read_button = _tile("继续阅读" + (f"\n{_short(where)}" if where else ""), self, primary=True,
                                 tip="回到阅读区，从上次读到的地方接着读")
        self.practise_button = _tile("练习本节" + (f"\n{_short(where)}" if where else ""), self,
                                     tip="就正在读的这一节出几道题，马上开始")
        due = s.due_today if s is not None else 0
        self.review_button = _tile(f"今日复习\n{due} 题待复习" if due else "今日复习\n今天没有要复习的题", self,
                                   tip="按遗忘规律，今天该再做一遍的题")
        self.review_button.setEnabled(s is None or due > 0)
        wrong = s.wrongbook_count if s is not None else 0
        self.wrong_button = _tile(f"练习错题\n错题本中 {wrong} 题" if wrong else "练习错题\n错题本是空的", self,
                                  tip="把做错过的题再做一遍，做对两次就移出错题本")
        self.wrong_button.setEnabled(s is None or wrong > 0)
        self.exam_button = _tile("模拟考试\n按试卷计时答题", self, tip="选题量和时间，交卷后给出成绩")
        self.mystudy_button = _tile("我的学习\n成绩变化、各章节掌握情况", self)
        for i, (b, signal) in enumerate(((self.read_button, self.readRequested),
                                         (self.practise_button, self.practiseRequested),
                                         (self.review_button, self.reviewRequested),
                                         (self.wrong_button, self.wrongbookRequested),
                                         (self.exam_button, self.examRequested),
                                         (self.mystudy_button, self.myStudyRequested))):
            b.clicked.connect(signal.emit)
            tiles.addWidget(b, i // 3, i % 3)
        for c in range(3):
            tiles.setColumnStretch(c, 1)
        outer.addLayout(tiles)

        # how far this year ----------------------------------------------------------------------
        if data is not None and s is not None:
            progress = QFrame(self)
            progress.setObjectName("card")
            grid = QGridLayout(progress)
            grid.setContentsMargins(20, 12, 20, 12)
            grid.setHorizontalSpacing(28)
            target = f" / {data.target:g}" if data.target else ""
            acc = fmt_percent(s.accuracy, 0) if s.accuracy is not None else "—"
            figures = ((f"{data.hours:g}{target}", f"{data.year} 年学时（参加 {data.sessions} 次学习会）"),
                       (f"{s.sections_read} / {s.section_count}", "本文件已读章节"),
                       (f"{s.answered}", "答过的题"),
                       (acc, "正确率"))
            for col, (value, name) in enumerate(figures):
                grid.addWidget(label(value, "homeFigure", progress, wrap=False), 0, col)
                grid.addWidget(label(name, "qHint", progress), 1, col)
            grid.setColumnStretch(len(figures), 1)
            outer.addWidget(progress)
        outer.addStretch(1)

        # the administrator's tools, out of the way ------------------------------------------------
        self.buttons.addWidget(label("管理：", "qHint", self, wrap=False))
        self.admin_buttons: dict[str, QPushButton] = {}
        for key, text, tip in (("import", "导入文件…", "导入新的学习材料"),
                               ("bank", "题库", "审核、编辑由文件生成的试题（需要管理员密码）"),
                               ("records", "学习记录", "学习会、考勤、成绩、学时台账和打印（需要管理员密码）"),
                               ("room", "会议室", "集中学习时的投影、测验和知识竞赛")):
            b = button(text, self, big=False, tip=tip)
            b.setObjectName("homeAdmin")
            b.clicked.connect(lambda _c=False, k=key: self.adminRequested.emit(k))
            self.admin_buttons[key] = b
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)

    def activate(self) -> None:
        (self.read_button if self.data is not None else self.choose_button).setFocus()


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
