"""The presenter console: what the 领学人 sees on the laptop while the projector shows the room.

Current and next item, the answer with its source sentence, the timer, and (in a contest) one
row per team with 答对/答错/加减分, the round, the stake of a 风险题 and 撤销. Buttons never take
keyboard focus, so a presentation clicker's keys (PageDown, space, B) always reach the room
controller instead of pressing whatever button was clicked last.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studyapp.core.contest import BUZZ, COMPULSORY, RISK, ROUND_NAMES, describe
from studyapp.ui.room.timer import clock_text

if TYPE_CHECKING:
    from studyapp.lan.server import Snapshot
    from studyapp.ui.room.contest_run import ContestRun
    from studyapp.ui.room.controller import RoomController
    from studyapp.ui.room.quiz_run import QuizRun

log = logging.getLogger("studyapp.room")


def _button(text: str, tip: str = "", primary: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if tip:
        b.setToolTip(tip)
    if primary:
        b.setProperty("primary", True)
    return b


class PresenterConsole(QWidget):
    """Controls of a room run; every button calls the controller, which stores and shows."""

    def __init__(self, controller: RoomController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.c = controller
        self.setObjectName("presenterConsole")
        self.setAutoFillBackground(True)
        kind = controller.kind
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 10, 12, 10)

        head = QHBoxLayout()
        self.title = QLabel(f"<b>{html.escape(controller.kind_name)}</b>　{html.escape(controller.title)}")
        self.screen_note = QLabel()
        self.screen_note.setObjectName("muted")
        head.addWidget(self.title, 1)
        head.addWidget(self.screen_note)
        root.addLayout(head)

        body = QHBoxLayout()
        root.addLayout(body, 1)
        left = QVBoxLayout()
        body.addLayout(left, 3)
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.current.setTextFormat(Qt.TextFormat.RichText)
        self.current.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.next_item = QLabel()
        self.next_item.setWordWrap(True)
        self.next_item.setObjectName("muted")
        self.next_item.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        for caption, widget in (("当前", self.current), ("答案与出处（仅本屏可见，公布前听众看不到）", self.answer),
                                ("下一项", self.next_item)):
            if kind == "reading" and widget is self.answer:
                continue
            box = QGroupBox(caption)
            bl = QVBoxLayout(box)
            bl.addWidget(widget)
            left.addWidget(box, 2 if widget is self.current else 1)
            if widget is self.next_item:
                self.next_box = box

        right = QVBoxLayout()
        body.addLayout(right, 2)
        nav = QHBoxLayout()
        self.prev_btn = _button("◀ 上一个", "PageUp / ←")
        self.next_btn = _button("下一个 ▶", "PageDown / → / 空格", primary=True)
        self.prev_btn.clicked.connect(controller.previous)
        self.next_btn.clicked.connect(controller.next)
        nav.addWidget(self.prev_btn)
        nav.addWidget(self.next_btn)
        right.addLayout(nav)
        tools = QHBoxLayout()
        self.blank_btn = _button("黑屏", "B 或 .（句点）")
        self.blank_btn.setCheckable(True)
        self.blank_btn.clicked.connect(controller.toggle_blank)
        tools.addWidget(self.blank_btn)
        self.reveal_btn = _button("公布答案", "A")
        self.reveal_btn.setCheckable(True)
        self.reveal_btn.clicked.connect(controller.toggle_reveal)
        self.board_btn = _button("积分榜", "S")
        self.board_btn.setCheckable(True)
        self.board_btn.clicked.connect(controller.toggle_board)
        if kind != "reading":
            tools.addWidget(self.reveal_btn)
        if kind == "contest":
            tools.addWidget(self.board_btn)
        right.addLayout(tools)

        if kind != "reading":
            timer_box = QGroupBox("倒计时")
            tl = QGridLayout(timer_box)
            self.clock = QLabel("—")
            self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = self.clock.font()
            font.setPointSize(28)
            font.setBold(True)
            self.clock.setFont(font)
            self.timer_btn = _button("开始", "T")
            self.timer_btn.clicked.connect(controller.toggle_timer)
            self.reset_btn = _button("重新计时", "R")
            self.reset_btn.clicked.connect(controller.reset_timer)
            self.seconds = QSpinBox()
            self.seconds.setRange(5, 600)
            self.seconds.setSingleStep(5)
            self.seconds.setSuffix(" 秒")
            self.seconds.setValue(controller.seconds)
            self.seconds.valueChanged.connect(controller.set_seconds)
            self.autostart = QCheckBox("出题后自动开始")
            self.autostart.setChecked(controller.autostart)
            self.autostart.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.autostart.toggled.connect(controller.set_autostart)
            tl.addWidget(self.clock, 0, 0, 1, 3)
            tl.addWidget(self.timer_btn, 1, 0)
            tl.addWidget(self.reset_btn, 1, 1)
            tl.addWidget(self.seconds, 1, 2)
            tl.addWidget(self.autostart, 2, 0, 1, 3)
            right.addWidget(timer_box)

        self.team_rows: dict[str, tuple[QLabel, QPushButton, QPushButton]] = {}
        self.phone_box: QGroupBox | None = None
        if kind == "contest":
            right.addWidget(self._contest_panel(), 1)
            left.addWidget(self._phone_panel())  # (the scoring panel needs the right's height)
        else:
            if kind == "quiz":
                right.addWidget(self._phone_panel())
            right.addStretch(1)

        foot = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("muted")
        foot.addWidget(self.status, 1)
        self.finish_btn = _button("结束并保存" if kind == "contest" else "结束")
        self.finish_btn.clicked.connect(lambda: controller.finish())  # (clicked passes checked=False)
        self.close_btn = _button("退出放映", "下次可“继续上次的…”")
        self.close_btn.clicked.connect(controller.close)
        foot.addWidget(self.finish_btn)
        foot.addWidget(self.close_btn)
        if kind == "contest":
            self.print_btn = _button("打印成绩…")
            self.print_btn.clicked.connect(cast("ContestRun", controller).print_ranking)
            foot.addWidget(self.print_btn)
        root.addLayout(foot)
        self.keys = QLabel(self._keys_text())
        self.keys.setObjectName("muted")
        self.keys.setWordWrap(True)
        root.addWidget(self.keys)

    def set_compact(self, compact: bool) -> None:
        """On a low screen (1920×1080 at 150 %, a 768-pixel laptop with a taskbar) the overlay
        drops what the host can do without: the next item's preview and the line of keys."""
        if getattr(self, "next_box", None) is not None:
            self.next_box.setVisible(not compact)
        self.keys.setVisible(not compact)

    def _keys_text(self) -> str:
        keys = "翻页：PageDown/PageUp、←/→、空格　黑屏：B　"
        if self.c.kind != "reading":
            keys += "公布答案：A　计时：T　"
        if self.c.kind == "contest":
            keys += "撤销：Z　积分榜：S　"
        return keys + "控制面板：Tab 或 F1（单屏时）"

    def _phone_panel(self) -> QWidget:
        """手机答题: the address phones reach, on/off, who joined and how many answered."""
        from studyapp.lan.server import lan_addresses

        box = QGroupBox("手机答题")
        self.phone_box = box
        layout = QGridLayout(box)
        self.phone_address = QComboBox()
        self.phone_address.addItems(lan_addresses())
        self.phone_address.setToolTip("手机连接的网络地址：选本机在单位无线网络中的地址（127.0.0.1 只供本机测试）")
        self.phone_btn = _button("开启手机答题", "在单位局域网内用手机答题，不需要互联网和账号")
        self.phone_btn.setCheckable(True)
        self.phone_btn.clicked.connect(self._phones_clicked)
        self.phone_release = _button("解除绑定…", "某人换了手机或点错了姓名")
        self.phone_release.clicked.connect(lambda: cast("QuizRun", self.c).release_phone())
        self.phone_leaders = QCheckBox("投影上显示排行榜")
        self.phone_leaders.setToolTip("按已公布的题答对的题数，前五名（默认不显示）")
        self.phone_leaders.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phone_leaders.toggled.connect(lambda on: cast("QuizRun", self.c).set_leaderboard(on))
        self.phone_present = QCheckBox("结束时按手机加入情况登记出席")
        self.phone_present.setChecked(True)
        self.phone_present.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phone_status = QLabel("未开启")
        self.phone_status.setWordWrap(True)
        if self.c.kind == "contest":  # (compact, under the answer; a contest has its 积分榜,
            # so no 排行榜 of people)
            self.phone_btn.setToolTip("手机作抢答器，答题的队可在手机上作答；不需要互联网和账号")
            layout.addWidget(self.phone_address, 0, 0)
            layout.addWidget(self.phone_btn, 0, 1)
            layout.addWidget(self.phone_release, 0, 2)
            layout.addWidget(self.phone_status, 1, 0, 1, 2)
            layout.addWidget(self.phone_present, 1, 2)
            self.phone_present.setText("结束时按手机登记出席")
            self.phone_present.setToolTip("结束时按手机加入情况登记出席")
            self.phone_leaders.hide()
            return box
        layout.addWidget(self.phone_address, 0, 0, 1, 2)
        layout.addWidget(self.phone_btn, 1, 0)
        layout.addWidget(self.phone_release, 1, 1)
        layout.addWidget(self.phone_status, 2, 0, 1, 2)
        layout.addWidget(self.phone_leaders, 3, 0, 1, 2)
        layout.addWidget(self.phone_present, 4, 0, 1, 2)
        return box

    def _phones_clicked(self) -> None:
        run = cast("QuizRun", self.c)
        if run.phones is not None and run.phones.on:
            run.stop_phones()
        else:
            run.start_phones(self.phone_address.currentText())
        self.phone_btn.setChecked(run.phones is not None and run.phones.on)

    def phones_tallied(self, snap: Snapshot | None) -> None:
        """The live tally (how many answered, never what)."""
        if self.phone_box is None:
            return
        on = snap is not None
        self.phone_btn.setChecked(on)
        self.phone_btn.setText("关闭手机答题" if on else "开启手机答题")
        self.phone_address.setEnabled(not on)
        self.phone_release.setEnabled(on)
        if snap is None:
            self.phone_status.setText("未开启")
            return
        names = [snap.people.get(pid, "") for pid in snap.joined]
        shown = "、".join(names[:12]) + ("等" if len(names) > 12 else "")
        if self.c.kind == "contest":  # (who buzzed and answered: in the log and the message line)
            self.phone_status.setText(f"{html.escape(snap.url)}<br>已加入 <b>{len(snap.joined)}</b> / {snap.expected} 人")
        else:
            self.phone_status.setText(f"{html.escape(snap.url)}<br>已加入 <b>{len(snap.joined)}</b> / {snap.expected} 人，"
                                      f"本题已答 <b>{snap.answered}</b> 人")
        joined = set(snap.joined)
        missing = [n for pid, n in snap.people.items() if pid not in joined]
        self.phone_status.setToolTip(("已加入：" + shown if names else "还没有人加入")
                                     + ("\n未加入：" + "、".join(missing) if missing else ""))

    def mark_present_from_phones(self) -> bool:
        return self.phone_box is not None and self.phone_present.isChecked()

    def _contest_panel(self) -> QWidget:
        cr = cast("ContestRun", self.c)  # (the panel is built for a contest only)
        panel = QGroupBox("计分")
        layout = QVBoxLayout(panel)
        rounds = QHBoxLayout()
        self.round_group = QButtonGroup(self)
        self.round_buttons: dict[str, QPushButton] = {}
        for r in (COMPULSORY, BUZZ, RISK):
            b = _button(ROUND_NAMES[r])
            b.setCheckable(True)
            self.round_group.addButton(b)
            b.clicked.connect(lambda _c=False, r=r: cr.set_round(r))
            self.round_buttons[r] = b
            rounds.addWidget(b)
        layout.addLayout(rounds)
        stakes = QHBoxLayout()
        stakes.addWidget(QLabel("风险题分值："))
        self.stake_group = QButtonGroup(self)
        self.stake_buttons: dict[float, QPushButton] = {}
        for v in cr.setup.rules.risk_stakes:
            b = _button(f"{v:g} 分")
            b.setCheckable(True)
            self.stake_group.addButton(b)
            b.clicked.connect(lambda _c=False, v=v: cr.set_stake(v))
            self.stake_buttons[v] = b
            stakes.addWidget(b)
        layout.addLayout(stakes)
        grid = QGridLayout()
        for row, team in enumerate(cr.setup.teams):
            name = QLabel(html.escape(team.name))
            name.setToolTip("、".join(team.members))
            score = QLabel()
            right = _button("答对", primary=True)
            wrong = _button("答错")
            right.clicked.connect(lambda _c=False, t=team.id: cr.judge(t, True))
            wrong.clicked.connect(lambda _c=False, t=team.id: cr.judge(t, False))
            adj = QDoubleSpinBox()
            adj.setRange(-100, 100)
            adj.setDecimals(0)
            adj.setSingleStep(5)
            adj.setValue(5)
            plus = _button("加分")
            minus = _button("扣分")
            plus.clicked.connect(lambda _c=False, t=team.id, a=adj: cr.adjust(t, abs(a.value())))
            minus.clicked.connect(lambda _c=False, t=team.id, a=adj: cr.adjust(t, -abs(a.value())))
            for col, w in enumerate((name, score, right, wrong, adj, plus, minus)):
                grid.addWidget(w, row, col)
            self.team_rows[team.id] = (score, right, wrong)
        layout.addLayout(grid)
        line = QHBoxLayout()
        self.undo_btn = _button("撤销上一次计分", "Z")
        self.undo_btn.clicked.connect(cr.undo)
        line.addWidget(self.undo_btn)
        line.addStretch(1)
        layout.addLayout(line)
        sep = QFrame()
        sep.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(sep)
        self.log = QListWidget()
        self.log.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.log, 1)
        return panel

    # refresh -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the controller's state (called after every action)."""
        c = self.c
        self.current.setText(c.current_html())
        self.next_item.setText(c.next_text())
        if c.kind != "reading":
            self.answer.setText(c.answer_html())
            self.reveal_btn.setChecked(c.revealed)
        self.blank_btn.setChecked(c.audience.blanked)
        self.screen_note.setText(c.screen_text())
        if c.kind == "contest" and getattr(c, "contest", None) is not None:
            cr = cast("ContestRun", c)
            state = cr.contest
            for b in self.round_buttons.values():
                b.setChecked(False)
            if cr.round in self.round_buttons:
                self.round_buttons[cr.round].setChecked(True)
            for v, b in self.stake_buttons.items():
                b.setChecked(cr.stake == v)
                b.setEnabled(cr.round == RISK)
            ranks = {line.team_id: line.rank for line in state.scoreboard()}
            for tid, (score, right, wrong) in self.team_rows.items():
                answering = state.team == tid and state.round is not None
                score.setText(f"<b>{state.scores[tid]:g}</b> 分（第{ranks[tid]}名）"
                              + ("　← 作答" if answering else ""))
                can = not state.finished and state.question is not None and not state.judged
                if state.round == COMPULSORY:
                    can = can and state.team == tid
                right.setEnabled(can)
                wrong.setEnabled(can)
            self.undo_btn.setEnabled(state.can_undo)
            last = state.last_scoring
            self.undo_btn.setToolTip(f"撤销：{describe(last, state.setup)}（Z）" if last else "Z")
            self.log.clear()
            for ev in state.events:
                self.log.addItem(describe(ev, state.setup))
            self.log.scrollToBottom()
            self.board_btn.setChecked(cr.board_shown)
            self.finish_btn.setEnabled(not state.finished)
        self.prev_btn.setEnabled(c.can_previous())
        self.next_btn.setEnabled(c.can_next())

    def set_clock(self, ms: int, running: bool) -> None:
        if self.c.kind == "reading":
            return
        self.clock.setText(clock_text(ms))
        self.timer_btn.setText("暂停" if running else "开始")

    def message(self, text: str) -> None:
        self.status.setText(text)
