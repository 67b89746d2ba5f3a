"""手机答题 in a 集体测验 or a 知识竞赛: the host's side of studyapp.lan. It starts the server on the address the
host chose, mirrors the projector onto the phones (the question shown, its countdown, time up,
公布答案), shows who joined and how many answered, and puts the QR code on the projector.

Nothing here shares a widget with the server: the server runs in its own thread and is driven
through PhoneQuiz's thread-safe methods; its tally is read by a timer on this thread."""

from __future__ import annotations

import io
import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPixmap

from studyapp.lan.server import PhoneQuestion, PhoneQuiz, Snapshot, Turn
from studyapp.services.dto_room import RoomQuestion
from studyapp.ui.room import ops as room_ops

log = logging.getLogger("studyapp.room")

POLL_MS = 500
COALESCE_MS = 60
DEFAULT_PORT = 8765


def phone_question(q: RoomQuestion, count: int) -> PhoneQuestion:
    return PhoneQuestion(q.index, q.index + 1, count, q.type if q.type in room_ops.PHONE_TYPES else "paper",
                         q.type_name, q.stem, q.options if q.type != "judge" else (), q.answer, q.answer_text)


def qr_pixmap(url: str, size: int) -> QPixmap:
    """The address as a QR code (segno: PNG without any imaging library)."""
    import segno

    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=max(2, size // 45), border=2)
    pix = QPixmap()
    pix.loadFromData(buf.getvalue(), "PNG")
    return pix


class PhoneLink(QObject):
    """The phone quiz of one run, while it is on. `tallied` carries the server's snapshot."""

    tallied = Signal(object)
    poked = Signal()  # (emitted on the server's thread: a buzz or an answer stored; queued here)

    def __init__(self, ctx, run_id: int, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.run_id = ctx, run_id
        self.quiz: PhoneQuiz | None = None
        self.leaderboard = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._tally)
        # a hundred answers in two seconds are a hundred pokes: the console and the projector
        # count them at most every COALESCE_MS (a buzz shows within that too)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(COALESCE_MS)
        self._soon.timeout.connect(self._tally)
        self.poked.connect(self._poked)

    @property
    def on(self) -> bool:
        return self.quiz is not None

    def start(self, host: str, saved: dict | None) -> str:
        """Serve on `host` (the port and the code the run kept, when it had them); the address.
        Raises UserError (no session) or PhoneQuizError (the address or port is taken)."""
        setup = room_ops.phone_setup_now(self.ctx, self.run_id)
        saved = saved or {}
        secret = bytes.fromhex(saved["secret"]) if isinstance(saved.get("secret"), str) else None
        port = int(saved.get("port") or DEFAULT_PORT)
        store = room_ops.PhoneStore(self.ctx, self.run_id)
        quiz = PhoneQuiz(setup.people, store, host=host, port=port, code=saved.get("code"),
                         secret=secret, known=setup.known, joined=setup.joined, teams=setup.teams,
                         buzzes=setup.buzzes, on_change=self.poked.emit)
        quiz.start(or_any_port=True)  # (the kept port, else any free one)
        quiz.leaderboard = self.leaderboard
        self.quiz = quiz
        self._poll.start()
        return quiz.url

    def kept(self) -> dict:
        """What the run keeps to reopen the same quiz: address, port, code and secret."""
        q = self.quiz
        return {} if q is None else {"host": q.host, "port": q.port, "code": q.code, "secret": q.secret.hex()}

    def stop(self) -> None:
        self._poll.stop()
        if self.quiz is not None:
            self.quiz.stop()
            self.quiz = None

    def show(self, q: RoomQuestion | None, count: int, seconds: float | None, turn: Turn | None = None) -> None:
        if self.quiz is None:
            return
        if q is None:
            self.quiz.clear()
        else:
            self.quiz.show(phone_question(q, count), seconds, turn)

    def lock(self) -> None:
        if self.quiz is not None:
            self.quiz.lock()

    def reveal(self) -> None:
        if self.quiz is not None:
            self.quiz.reveal()

    def release(self, person_id: int) -> None:
        if self.quiz is not None:
            self.quiz.release(person_id)

    def set_leaderboard(self, on: bool) -> None:
        self.leaderboard = on
        if self.quiz is not None:
            self.quiz.leaderboard = on

    def snapshot(self) -> Snapshot | None:
        return None if self.quiz is None else self.quiz.snapshot()

    def _poked(self) -> None:
        if not self._soon.isActive():
            self._soon.start()

    def _tally(self) -> None:
        snap = self.snapshot()
        if snap is not None:
            self.tallied.emit(snap)
