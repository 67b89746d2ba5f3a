"""知识竞赛 on the projector: rounds (必答, 抢答, 风险), teams judged right or wrong, points
adjusted and undone, a scoreboard, and at the end the ranking saved to the session.

Every contest action is an event checked against the stored log and stored before the board
changes (ops.contest_event_now); one the database could not take (busy) is not shown and the
host presses again — it is never replayed behind their back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from studyapp.core.contest import (
    BUZZ,
    COMPULSORY,
    RISK,
    ROUND_NAMES,
    ContestError,
    ContestEvent,
    ContestState,
    describe,
)
from studyapp.core.model import UserError
from studyapp.ui import filedialogs
from studyapp.ui.admin import require
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.audience import ALERT, RIGHT
from studyapp.ui.room.quiz_run import QuizRun


class ContestRun(QuizRun):
    contest: ContestState  # (set when the run is loaded, before any step of it)

    def _loaded(self, content: room_ops.RunContent) -> None:
        assert content.contest is not None  # (a contest's content always has its state)
        self.contest = content.contest
        self.setup = self.contest.setup
        state = self.state
        self.board_shown = bool(state.get("board", False))
        self.stake: float | None = state.get("stake")
        self.round: str = str(state.get("round") or self.contest.round or COMPULSORY)
        if self.contest.question is not None:
            self.index = self.contest.question

    def _restore(self, state: dict) -> None:
        self.audience.set_scores(self.contest.scoreboard(), [t.id for t in self.setup.teams])
        super()._restore(state)
        if self.board_shown:
            self.audience.show_board()

    def _mode_key(self, key: Qt.Key, control: bool) -> bool:
        if key == Qt.Key.Key_Z:
            self.undo()
        elif key == Qt.Key.Key_S and not control:
            self.toggle_board()
        else:
            return False
        return True

    # showing -----------------------------------------------------------------------------------
    def can_next(self) -> bool:
        if self.contest.finished:
            return False
        return self.index < self.count - 1 or (self.contest.question is None and self.count > 0)

    def can_previous(self) -> bool:
        return self.index > 0 and not self.contest.finished

    def _show_item(self, restoring: bool) -> None:
        if self.contest.question is None:
            q = self.questions[self.index]
            self.audience.show_question(q, self.index, self.count, banner="知识竞赛　即将开始", revealed=False)
            self.audience.set_timer(self.countdown.remaining_ms, visible=False)
            return
        super()._show_item(restoring)

    def _banner(self) -> str:
        state = self.contest
        r = state.round or self.round
        text = ROUND_NAMES.get(r, "")
        if state.team is not None and r != BUZZ:
            text += f"　{state.setup.team(state.team).name}作答"
        elif r == BUZZ and state.team is not None:
            text += f"　{state.setup.team(state.team).name}抢到"
        if r == RISK and self.stake:
            text += f"　{self.stake:g} 分"
        return text

    def _next_index(self) -> int:
        return self.index if self.contest.question is None else self.index + 1

    def _forward(self) -> None:
        self._contest_show(self._next_index())

    def _back(self) -> None:
        if self.index > 0:
            self._contest_show(self.index - 1)

    # the contest's events ----------------------------------------------------------------------
    def _contest_event(self, event: ContestEvent) -> bool:
        try:
            self.contest = room_ops.contest_event_now(self.ctx, self.run_id, event)
        except UserError as e:  # (DatabaseBusy too: nothing changed, the host presses again)
            self._error(e.message)
            return False
        self.audience.set_scores(self.contest.scoreboard(), [t.id for t in self.setup.teams])
        return True

    def _contest_show(self, index: int) -> None:
        if index >= self.count:
            self.console.message("题目已经用完。可以“结束并保存”。")
            return
        try:
            event = self.contest.show(self.round, index)
        except ContestError as e:
            self._error(e.message)
            return
        if not self._contest_event(event):
            return
        self.index = index
        self.revealed = False
        self.board_shown = False
        if self.round != RISK:
            self.stake = None
        self.countdown.reset(self.seconds)
        self._save(question=index, revealed=False, board=False, round=self.round, stake=self.stake,
                   timer_ms=self.countdown.remaining_ms)
        self.audience.clear_timeout()
        self._show_current()
        if self.autostart:
            self.countdown.start()

    def set_round(self, round_: str) -> None:
        """Takes effect with the next question shown (the current one keeps its round)."""
        self.round = round_
        self._save(round=round_)
        self.console.message(f"下一题起为{ROUND_NAMES[round_]}。")
        self.refresh()

    def set_stake(self, stake: float) -> None:
        self.stake = float(stake)
        self._save(stake=self.stake)
        self.audience.set_banner(self._banner())
        self.refresh()

    def judge(self, team: str, correct: bool) -> None:
        try:
            stake = self.stake if self.contest.round == RISK else None
            event = self.contest.judge(correct, team, stake)
        except ContestError as e:
            self._error(e.message)
            self.refresh()
            return
        if self._contest_event(event):
            self.countdown.pause()
            self.audience.clear_timeout()
            self.audience.toast(describe(event, self.setup), RIGHT if correct else ALERT)
            self.audience.set_banner(self._banner())
            self.console.message(describe(event, self.setup))
        self.refresh()

    def adjust(self, team: str, points: float) -> None:
        try:
            event = self.contest.adjust(team, points, "主持人调整")
        except ContestError as e:
            self._error(e.message)
            return
        if self._contest_event(event):
            self.console.message(describe(event, self.setup))
        self.refresh()

    def undo(self) -> None:
        last = self.contest.last_scoring
        try:
            event = self.contest.undo()
        except ContestError as e:
            self._error(e.message)
            return
        if self._contest_event(event):
            self.console.message(f"已撤销：{describe(last, self.setup)}" if last else "已撤销")
            self.audience.set_banner(self._banner())
        self.refresh()

    def toggle_board(self) -> None:
        self.board_shown = not self.board_shown
        if self.board_shown:
            self.audience.show_board()
        else:
            self._show_current()
        self._save(board=self.board_shown)
        self.refresh()

    # end ---------------------------------------------------------------------------------------
    def _finish_question(self) -> str:
        return "结束竞赛，并把最终名次保存到学习会？结束后不能再计分。"

    def _may_finish(self) -> bool:
        return require(self.console.window(), "把竞赛名次保存到学习会", self.ctx)  # the records: the administrator's

    def _finished(self, final) -> None:  # noqa: ANN001 - the final board
        if final is not None:
            self.contest = final
        self.audience.set_scores(self.contest.scoreboard(), [t.id for t in self.setup.teams])
        self.board_shown = True
        self.audience.show_board("最终名次")
        self.console.message("竞赛已结束，名次已保存到学习会。可“打印成绩…”。")

    def save_ranking_pdf(self, path: Path) -> Path:
        return room_ops.write_ranking_pdf(self.ctx, self.run_id, path)

    def print_ranking(self):  # noqa: ANN201 - the runner's Task, or None when nothing was chosen
        """打印成绩: the ranking PDF is built on the worker (about a second: the projector and the
        console keep moving meanwhile)."""
        path = filedialogs.save_path(self.console.window(), "保存知识竞赛成绩", "知识竞赛成绩.pdf",
                                     "PDF 文件 (*.pdf)")
        if path is None:
            return None
        self.console.message("正在生成成绩单…")
        return room_ops.save_ranking_pdf(self, self.run_id, Path(path)) \
            .success(lambda _p: self.console.message(f"已保存：{path}")) \
            .failure(lambda e: QMessageBox.warning(self.console.window(), "打印成绩",
                                                   getattr(e, "message", str(e)))).run()
