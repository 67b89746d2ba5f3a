"""The 会议室 menu: start 集体领学 / 集体测验 / 知识竞赛 / 纸质测验成绩录入, or continue one.

A run belongs to a study session (学习会), so what the room does lands in its record. Before a
new run of a kind starts, an unfinished one of the same kind is offered first (「继续上次的…」):
after a crash, the 领学人 is one click from where the room was.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from studyapp.core.contest import (
    ContestError,
    ContestRules,
    ContestSetup,
    Team,
    default_team_name,
    draw_teams,
    individual_teams,
)
from studyapp.core.model import UserError
from studyapp.services import AppContext
from studyapp.services.dto_room import KIND_NAMES, RunInfo, RunView
from studyapp.ui.bank.hint import ReviewHint
from studyapp.ui.ops import CollectionOp
from studyapp.ui.room import ops as room_ops

if TYPE_CHECKING:
    from studyapp.ui.room.controller import RoomController

log = logging.getLogger("studyapp.room")


class StartDialog(QDialog):
    """What a run needs: the session, the document, and per kind questions, timer, teams, paper."""

    def __init__(self, ctx: AppContext, kind: str, parent: QWidget | None = None,
                 document_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.setWindowTitle(f"开始{KIND_NAMES[kind]}")
        form = QFormLayout(self)
        session_list, document_list, seconds, base = room_ops.start_form_now(ctx)
        self.session_box = QComboBox()
        if kind != "paper":
            self.session_box.addItem("（不关联学习会）", None)
        for s in session_list:
            label = " ".join(p for p in (s.date or "未定日期", s.mode, s.place) if p)
            self.session_box.addItem(f"{label}（实到 {s.present} 人）", s.id)
        if self.session_box.count() > (0 if kind == "paper" else 1):
            self.session_box.setCurrentIndex(0 if kind == "paper" else 1)
        form.addRow("学习会：", self.session_box)
        self.document_box = QComboBox()
        for d in document_list:
            self.document_box.addItem(d.title, d.id)
        if document_id is not None:
            i = self.document_box.findData(document_id)
            if i >= 0:
                self.document_box.setCurrentIndex(i)
        form.addRow("学习文件：", self.document_box)
        # a quiz, a contest and a paper draw approved questions only: say so before 「开始」
        self.hint = ReviewHint(ctx, self, what="集体测验、知识竞赛和纸质测验")
        if kind != "reading":
            form.addRow(self.hint)
        self.count = QSpinBox()
        self.count.setRange(1, 200)
        self.count.setValue(10 if kind == "quiz" else 20)
        self.seconds = QSpinBox()
        self.seconds.setRange(5, 600)
        self.seconds.setSingleStep(5)
        self.seconds.setSuffix(" 秒")
        self.seconds.setValue(seconds)
        if kind in ("quiz", "contest"):
            form.addRow("题目数量：", self.count)
            form.addRow("每题倒计时：", self.seconds)
        self.teams = QSpinBox()
        self.teams.setRange(2, 10)
        self.teams.setValue(3)
        self.individual = QCheckBox("个人赛（每人一队）")
        self.base = QSpinBox()
        self.base.setRange(0, 1000)
        self.base.setSingleStep(10)
        self.base.setValue(base)
        self.draw_seed = 0
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMaximumHeight(140)
        if kind == "contest":
            form.addRow("分组：", self.teams)
            form.addRow("", self.individual)
            form.addRow("基础分：", self.base)
            redraw = QPushButton("重新抽签")
            redraw.clicked.connect(self._redraw)
            form.addRow(redraw, self.preview)
            self.teams.valueChanged.connect(self._draw)
            self.session_box.currentIndexChanged.connect(self._draw)
            self.individual.toggled.connect(self._draw)
        self.seed = QSpinBox()
        self.seed.setRange(0, 99999)
        if kind == "paper":
            self.seed.setToolTip("组卷打印时选的编号，印在试卷、答题卡和答案每页的页脚（“试卷编号 N”）；"
                                 "填同一个编号，成绩录入才能按发下去的试卷判分")
            form.addRow("试卷编号（见试卷页脚）：", self.seed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开始")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if kind != "reading":
            self._check_bank()
            self.document_box.currentIndexChanged.connect(lambda _i: self._check_bank())
        self.run: RunView | None = None
        if kind == "contest":
            self._draw()

    def _check_bank(self) -> None:
        """Show why the chosen document cannot be quizzed yet (and 「开始」 stays off)."""
        self.ok_button.setEnabled(not self.hint.set_document(self.document_box.currentData()))

    def _people(self) -> list[tuple[int, str]]:
        sid = self.session_box.currentData()
        return room_ops.attendees_now(self.ctx, sid) if sid is not None else []

    def _redraw(self) -> None:
        self.draw_seed += 1
        self._draw()

    def teams_setup(self) -> ContestSetup:
        """Teams drawn from those present; without attendance, numbered teams without members."""
        people = self._people()
        rules = ContestRules(base_score=float(self.base.value()))
        if self.individual.isChecked():
            return ContestSetup(individual_teams(people), rules, individual=True)
        if len(people) >= self.teams.value():
            return ContestSetup(draw_teams(people, self.teams.value(), seed=self.draw_seed), rules)
        return ContestSetup(tuple(Team(f"t{i + 1}", default_team_name(i)) for i in range(self.teams.value())), rules)

    def _draw(self) -> None:
        try:
            setup = self.teams_setup()
        except ContestError as e:
            self.preview.setPlainText(e.message)
            return
        lines = [f"{t.name}：{'、'.join(t.members) or '（未分配队员）'}" for t in setup.teams]
        self.preview.setPlainText("\n".join(lines))

    def accept(self) -> None:
        """开始: the form checked as filled in, the run started on the worker; the dialog closes
        once it is stored (a refusal is said and the form stays)."""
        try:
            op = self.start()
        except (UserError, ContestError) as e:
            QMessageBox.warning(self, self.windowTitle(), e.message)
            return
        self.ok_button.setEnabled(False)

        def started(run: RunView) -> None:
            self.run = run
            super(StartDialog, self).accept()

        def refused(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            QMessageBox.warning(self, self.windowTitle(), getattr(exc, "message", str(exc)))

        op.success(started).failure(refused).run()

    def start(self) -> CollectionOp[RunView]:
        """The operation that starts the run the form describes (UserError for what is missing)."""
        doc = self.document_box.currentData()
        if doc is None:
            raise UserError("请先导入学习文件。")
        sid = self.session_box.currentData()
        title = self.document_box.currentText()
        setup: dict[str, Any] = {}
        questions = None
        if self.kind in ("quiz", "contest"):
            questions = (self.count.value(), self.draw_seed)  # (drawn on the worker)
            setup["seconds"] = self.seconds.value()
        if self.kind == "contest":
            setup["contest"] = self.teams_setup().to_json()
        if self.kind == "paper":
            if sid is None:
                raise UserError("请先在学习记录中建立学习会并登记出席，再录入纸质测验成绩。")
            setup = {"seed": self.seed.value(), "variants": ["A", "B"]}
        name = f"《{title}》{KIND_NAMES[self.kind]}"
        return room_ops.start_run(self, self.kind, sid, doc, setup, name, questions=questions)


class RoomLauncher(QObject):
    """Owns the room windows opened from the main window (one run on the projector at a time)."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.controller: RoomController | None = None
        self.paper_windows: dict[int, QWidget] = {}

    def _family(self) -> str:
        app = QApplication.instance()
        return str(app.property("studyapp_font_family") or QApplication.font().family()) if app else ""

    def start(self, kind: str) -> None:
        """Offer to continue an unfinished run of this kind; otherwise ask what to start."""
        room_ops.unfinished(self, kind, lambda runs: self._start(kind, runs)).run()

    def _start(self, kind: str, runs: list[RunInfo]) -> None:
        for info in runs:
            box = QMessageBox(QMessageBox.Icon.Question, KIND_NAMES[kind],
                              f"有一场没有结束的{KIND_NAMES[kind]}：\n{info.label}\n\n继续上次的，还是重新开始？",
                              parent=self.window)
            cont = box.addButton("继续上次的", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("重新开始", QMessageBox.ButtonRole.DestructiveRole)
            cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is cont:
                self.open(info.id)
                return
            if box.clickedButton() is cancel:
                return
            break
        reader = getattr(self.window, "reader", None)
        dialog = StartDialog(self.ctx, kind, self.window, getattr(reader, "document_id", None))
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.run is not None:
            self.open(dialog.run.info.id)

    def open(self, run_id: int) -> None:
        """Open a run (read on the worker): the grid for a paper test, the projector for the others."""
        def refused(exc: BaseException) -> None:
            QMessageBox.warning(self.window, "会议室", getattr(exc, "message", str(exc)))

        room_ops.run_view(self, run_id, self._open).failure(refused).run()

    def _open(self, run: RunView) -> QObject | QWidget | None:
        run_id = run.info.id
        try:
            if run.info.kind == "paper":
                from studyapp.ui.room.paper import PaperEntryWindow

                win = PaperEntryWindow(self.ctx, run_id, None)
                self.paper_windows[run_id] = win
                win.show()
                return win
            from studyapp.ui.room.controller import open_run

            if self.controller is not None:
                self.controller.close()
            self.controller = open_run(self.ctx, run, self._family(), self)
            self.controller.closed.connect(self._closed)
            self.controller.start()
            return self.controller
        except UserError as e:
            QMessageBox.warning(self.window, "会议室", e.message)
            return None

    def _closed(self) -> None:
        self.controller = None

    def fill_resume_menu(self, menu: QMenu) -> None:
        menu.clear()
        runs = room_ops.unfinished_now(self.ctx)
        if not runs:
            a = menu.addAction("（没有未结束的活动）")
            a.setEnabled(False)
        width = menu.fontMetrics().horizontalAdvance("中") * 30  # (a long title would fill the screen)
        for info in runs:
            a = menu.addAction(menu.fontMetrics().elidedText(info.label, Qt.TextElideMode.ElideMiddle, width))
            a.setToolTip(info.label)
            a.triggered.connect(lambda _c=False, rid=info.id: self.open(rid))

    def announce_unfinished(self) -> None:
        """At start, say (without a dialog) that something can be continued.

        Only a hint: if the database cannot answer right now, say nothing rather than fail."""
        try:
            runs = room_ops.unfinished_now(self.ctx)
        except UserError as exc:
            log.warning("could not look for unfinished meeting-room runs: %s", exc)
            return
        if runs and hasattr(self.window, "statusBar"):
            self.window.statusBar().showMessage(
                f"有未结束的{runs[0].kind_name}，可在“会议室 → 继续上次的…”中继续。", 15000)


def install_room_menu(window: QMainWindow) -> RoomLauncher:
    """A launcher for the main window's 会议室 menu; unfinished runs are announced at once."""
    ctx: AppContext = window.ctx  # type: ignore[attr-defined]  # (the main window's, found by walking up the parents)
    launcher = RoomLauncher(window, ctx)
    QTimer.singleShot(0, launcher, launcher.announce_unfinished)  # (not once the window is gone)
    return launcher
