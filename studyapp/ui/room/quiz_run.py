"""集体测验 on the projector: the run's questions one by one, a countdown per question, the answer
revealed when the host says (A)."""

from __future__ import annotations

from studyapp.ui.room.controller import RoomController


class QuizRun(RoomController):
    def _forward(self) -> None:
        if self.index >= self.count - 1:
            self.console.message("已是最后一题。")
            return
        self._go_question(self.index + 1)

    def _back(self) -> None:
        if self.index > 0:
            self._go_question(self.index - 1)
