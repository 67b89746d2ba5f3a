"""知识竞赛 on the projector: rounds (必答, 抢答, 风险), teams judged right or wrong, points
adjusted and undone, a scoreboard, and at the end the ranking saved to the session.

Every contest action is an event checked against the stored log and stored before the board
changes (ops.contest_event_now); one the database could not take (busy) is not shown and the
host presses again — it is never replayed behind their back.

手机答题 in a contest (QuizRun's phones, with the teams): in a 抢答题 the phones are buzzers —
the server decides the first press, and this side records it as the contest's buzz event (the
team answers; the countdown starts again for the answer); the answering team's first phone
answer to an objective question is judged here through the same `judge` as the host's 答对/答错
(so Z undoes it and the log shows it). Contest events have one writer, this thread, in order."""

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
    buzz_text,
    describe,
)
from studyapp.core.model import UserError
from studyapp.lan.server import Snapshot, Turn
from studyapp.ui import filedialogs
from studyapp.ui.admin import require
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.audience import ALERT, BG, GOLD, RIGHT
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
        # phone answers judged already (question, team): an undone one is not judged again
        self._phone_judged: set[tuple[int, str]] = {(int(q), str(t)) for q, t in state.get("phone_judged") or []}
        self._phone_waiting: tuple[int, str] | None = None  # a 风险 answer waiting for its stake
        super()._loaded(content)  # (the phones)

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
            text += "　" + buzz_text(state.setup, state.team, state.buzzer if state.team == state.buzz_team else None)
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
        self._phone_waiting = None
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
        self._push()

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
        if self._phone_waiting is not None:  # a phone's 风险 answer waited for the stake
            self._phone_waiting = None
            snap = self.phones.snapshot() if self.phones is not None else None
            if snap is not None:
                self._phone_answer(snap)
        self.refresh()

    def judge(self, team: str, correct: bool, via: str = "") -> None:
        """答对/答错 for `team` (the host's click, or `via` a phone: 「第二组（张三）在手机上答 B」)."""
        try:
            stake = self.stake if self.contest.round == RISK else None
            event = self.contest.judge(correct, team, stake)
        except ContestError as e:
            self._error(f"{via}，{e.message}" if via else e.message)
            self.refresh()
            return
        if self._contest_event(event):
            self.countdown.pause()
            self.audience.clear_timeout()
            self.audience.toast(describe(event, self.setup), RIGHT if correct else ALERT)
            self.audience.set_banner(self._banner())
            self.console.message(f"{via}：{describe(event, self.setup)}" if via else describe(event, self.setup))
            self._push()
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
            self._push()
        self.refresh()

    def toggle_board(self) -> None:
        self.board_shown = not self.board_shown
        if self.board_shown:
            self.audience.show_board()
        else:
            self._show_current()
        self._save(board=self.board_shown)
        self.refresh()

    # 手机答题 ------------------------------------------------------------------------------------
    def _phone_question_open(self) -> bool:
        return self.contest.question is not None and not self.contest.finished

    def _phone_turn(self) -> Turn | None:
        state = self.contest
        r = state.round or self.round
        buzz_open = (r == BUZZ and state.team is None and not state.judged and self.countdown.running
                     and not self.audience.timed_out)
        return Turn(r, ROUND_NAMES.get(r, ""), state.team, buzz_open, state.judged)

    def _phones_tallied(self, snap: Snapshot) -> None:
        self.console.phones_tallied(snap)
        self.audience.set_join_text(f"已加入 {len(snap.joined)} / {snap.expected} 人")
        self._phone_buzz(snap)
        self._phone_answer(snap)

    def _who(self, team: str, person: int) -> str:
        """「第二组（张三）」, or 「张三」 in an individual contest."""
        t = self.setup.team(team)
        who = t.member_name(person)
        return t.name + (f"（{who}）" if who and who != t.name else "")

    def _phone_buzz(self, snap: Snapshot) -> None:
        """A phone won the 抢答: its team answers (stored in the contest's log, then shown)."""
        if snap.buzz is None:
            return
        q, team, person = snap.buzz
        state = self.contest
        if state.finished or state.round != BUZZ or state.question != q or state.team is not None or state.judged:
            return  # (the host moved on, or chose a team by hand first)
        try:
            event = state.buzz(team, person, q)
        except ContestError as e:
            self._error(e.message)
            return
        if not self._contest_event(event):
            return  # (the database was busy: the next tally tries again)
        text = buzz_text(self.setup, team, person)
        self.console.message(f"{text}：请作答" + ("" if self.questions[self.index].type in room_ops.PHONE_TYPES
                                                 else "（口头作答，由主持人判定）"))
        self.audience.toast(text, GOLD, ink=BG, under_question=True)
        self.audience.set_banner(self._banner())
        self.audience.clear_timeout()
        self.countdown.reset(self.seconds)  # (the answer gets its own time)
        if self.autostart:
            self.countdown.start()
        self._push()
        self.refresh()

    def _phone_answer(self, snap: Snapshot) -> None:
        """The answering team's first phone answer, graded by the server, judged like a click."""
        a = snap.team_answer
        if a is None:
            return
        key = (a.question, a.team)
        state = self.contest
        if key in self._phone_judged or key == self._phone_waiting:
            return
        if state.finished or state.question != a.question or state.judged:
            return
        self.judge(a.team, a.correct, via=f"{self._who(a.team, a.person)}在手机上答 {a.text}")
        if self.contest.judged and self.contest.question == a.question:
            self._phone_judged.add(key)
            self._save(phone_judged=sorted([q, t] for q, t in self._phone_judged))
        else:
            self._phone_waiting = key  # (a 风险题 without its stake: judged once the host picks one)

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
        self._phones_finished()

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
