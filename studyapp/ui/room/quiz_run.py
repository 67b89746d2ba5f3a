"""集体测验 on the projector: the run's questions one by one, a countdown per question, the answer
revealed when the host says (A) — and, when the host turns it on, 手机答题: the people answer on
their phones over the office LAN (ui/room/phones.py, studyapp.lan), the projector shows the QR
code, and at the end their scores go to the session. A 知识竞赛 (contest_run.ContestRun) is a
QuizRun too: the same phones, as buzzers and for the answering team."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QInputDialog, QMessageBox

from studyapp.core.model import UserError
from studyapp.lan.server import PhoneQuizError, Snapshot, Turn
from studyapp.ui.room import ops as room_ops
from studyapp.ui.room.controller import RoomController
from studyapp.ui.room.phones import PhoneLink, qr_pixmap

log = logging.getLogger("studyapp.room")


class QuizRun(RoomController):
    phones: PhoneLink | None = None

    def _loaded(self, content: room_ops.RunContent) -> None:
        if self.kind in ("quiz", "contest"):
            self.phones = PhoneLink(self.ctx, self.run_id, self)
            self.phones.tallied.connect(self._phones_tallied)

    def _restore(self, state: dict) -> None:
        super()._restore(state)
        kept = state.get("phones") or {}
        if self.phones is not None and kept.get("on"):
            self.start_phones(str(kept.get("host") or "127.0.0.1"))  # (reopened: the phones go on)

    def _forward(self) -> None:
        if self.index >= self.count - 1:
            self.console.message("已是最后一题。")
            return
        self._go_question(self.index + 1)

    def _back(self) -> None:
        if self.index > 0:
            self._go_question(self.index - 1)

    # 手机答题 -------------------------------------------------------------------------------------
    def start_phones(self, host: str) -> bool:
        """Serve the quiz to phones on `host`; the QR code goes on the projector."""
        if self.phones is None:
            return False
        try:
            url = self.phones.start(host, self.state.get("phones"))
        except (UserError, PhoneQuizError) as e:
            text = e.message if isinstance(e, UserError) else str(e)
            QMessageBox.warning(self.console.window(), "手机答题", text)
            return False
        self._save(phones={**self.phones.kept(), "on": True})
        self.state["phones"] = {**self.phones.kept(), "on": True}
        self.audience.show_join(url, qr_pixmap(url, 480))
        self.console.message(f"手机答题已开启：{url}（手机需连接同一无线网络；Windows 防火墙询问时请选“允许”）")
        self._push()
        snap = self.phones.snapshot()
        if snap is not None:
            self._phones_tallied(snap)  # (the console says 已开启 at once, not at the first poll)
        self.refresh()
        return True

    def stop_phones(self) -> None:
        if self.phones is None or not self.phones.on:
            return
        self.phones.stop()
        self.audience.hide_join()
        kept = {**(self.state.get("phones") or {}), "on": False}
        self.state["phones"] = kept
        self._save(phones=kept)
        self.console.phones_tallied(None)
        self.refresh()

    def release_phone(self) -> None:
        """解除绑定: a phone lost or the wrong name tapped; that person can choose again."""
        snap = self.phones.snapshot() if self.phones is not None else None
        if snap is None or not snap.joined:
            self.console.message("还没有人用手机加入。")
            return
        names = [snap.people.get(pid, str(pid)) for pid in snap.joined]
        name, ok = QInputDialog.getItem(self.console.window(), "解除绑定", "解除谁的手机绑定？", names, 0, False)
        if ok and name in names and self.phones is not None:
            self.phones.release(snap.joined[names.index(name)])
            self.console.message(f"已解除{name}的手机绑定，可重新选择姓名。")

    def _push(self) -> None:
        """What the projector shows now, onto the phones."""
        if self.phones is None or not self.phones.on:
            return
        if not self.questions or not self._phone_question_open():
            self.phones.show(None, 0, None)
            return
        seconds = self.countdown.remaining_ms / 1000 if self.countdown.running else None
        self.phones.show(self.questions[self.index], self.count, seconds, self._phone_turn())
        if self.audience.timed_out:
            self.phones.lock()
        if self.revealed:
            self.phones.reveal()

    def _phone_question_open(self) -> bool:
        """Whether the phones see the question on the projector (a contest not begun: no)."""
        return True

    def _phone_turn(self) -> Turn | None:
        """A contest's turn on the question (a quiz has none)."""
        return None

    def _phones_tallied(self, snap: Snapshot) -> None:
        self.console.phones_tallied(snap)
        self.audience.set_join_count(snap.answered, len(snap.joined) or snap.expected, snap.distribution, snap.leaders)

    def set_leaderboard(self, on: bool) -> None:
        """排行榜 on the projector (off by default)."""
        if self.phones is not None:
            self.phones.set_leaderboard(on)

    def _go_question(self, index: int) -> None:
        super()._go_question(index)
        self._push()

    def toggle_reveal(self) -> None:
        super().toggle_reveal()
        self._push()

    def _timer_changed(self) -> None:
        super()._timer_changed()
        self._push()

    def _expired(self) -> None:
        super()._expired()
        if self.phones is not None:
            self.phones.lock()

    def _finished(self, final) -> None:  # noqa: ANN001
        super()._finished(final)
        self._phones_finished()

    def _phones_finished(self) -> None:
        """结束: the phones stop; a quiz's phone answers become the session's scores (and, when
        the host left it ticked, who joined is marked 出席)."""
        if self.phones is None:
            return
        had = self.phones.on or bool((self.state.get("phones") or {}).get("code"))
        self.stop_phones()
        if not had:
            return
        mark = self.console.mark_present_from_phones()
        if self.kind == "contest":  # (a contest's score is its ranking, saved already)
            if mark:
                room_ops.mark_phones_present(self, self.run_id) \
                    .success(lambda n: self.console.message(f"竞赛已结束，名次已保存到学习会；按手机加入登记出席 {n} 人。")) \
                    .failure(lambda e: self.console.message(getattr(e, "message", str(e)))).run()
            return
        room_ops.save_phone_scores(self, self.run_id, mark) \
            .success(lambda r: self.console.message(
                f"手机答题成绩已保存到学习会：{r[0]} 人" + (f"；按手机加入登记出席 {r[1]} 人" if r[1] else "") + "。")) \
            .failure(lambda e: self.console.message(getattr(e, "message", str(e)))).run()

    def close(self) -> None:
        if self.phones is not None and self.phones.on:
            self.phones.stop()  # (the run keeps on=True: 继续上次的… serves the phones again)
        super().close()
