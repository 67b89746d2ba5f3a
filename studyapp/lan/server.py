"""手机答题 over the office LAN: a small asynchronous web server inside studyapp, in its own
thread, serving the phone page and taking the answers of a meeting-room quiz.

No Qt here: the room controller drives it through the thread-safe methods of PhoneQuiz (show a
question, lock, reveal) and reads `snapshot()` for the console; answers and joins go to the
database through services.phones, on a writer thread of the server's own (never on its event
loop, never on the GUI thread).

Security (a server on an office network): it binds the one address the host chose (the LAN
address shown, or loopback) on a port it reports; every path carries the quiz's unguessable code
(secrets.token_urlsafe) and anything else is 404; a phone bound to a person holds a signed token
(HMAC over the quiz, the person and the binding's generation — a binding the host released is
void); an answer is taken only for the open question, before its time is up, from a known
person, once; bodies are size-limited, each device is rate-limited, only the page's own files are
served, and every response carries no-store, nosniff, a strict CSP, no framing and no referrer.

知识竞赛 (PhoneQuiz with `teams`): each person plays for their team. In a 抢答题 the phones are
buzzers — the first press to arrive wins, decided under the server's lock (one winner a
question); a press before the host opens buzzing, from someone in no team, or after a winner is
refused. The answering team's members (必答/风险: the team in turn; 抢答: the buzz winner) may
answer an objective question once for their team; the server grades it. The contest itself
(its event log, the judging) stays with the host: the server only stores the phones' presses
and answers and tells the host at once (`on_change`)."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from studyapp import paths
from studyapp.core.grading import answer_text, grade

log = logging.getLogger("studyapp.lan")

MAX_BODY = 2048          # bytes: an answer is a few dozen
RATE_WINDOW_S = 10.0     # a device may send RATE_MAX requests per window
RATE_MAX = 40
GRACE_S = 1.0            # an answer sent at zero still counts (the phone's clock and the network)
STATIC = ("app.js", "app.css")
HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                               "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class PhoneQuestion:
    """A question as a phone shows it (no key until it is revealed)."""

    index: int
    number: int       # 第 N 题 of M
    of: int
    type: str         # single / multiple / judge
    type_name: str
    stem: str
    options: tuple[str, ...]
    answer: Any = None  # kept on the server: sent only with the reveal
    answer_text: str = ""


@dataclass(frozen=True)
class ContestTeams:
    """知识竞赛: the teams' names and who plays for which (an individual contest: one a person)."""

    names: dict[str, str]  # team id → 队名
    of: dict[int, str]  # person id → team id
    individual: bool = False


@dataclass(frozen=True)
class Turn:
    """Where the contest stands on the question shown (the host's side decides, the server obeys)."""

    round: str  # compulsory / buzz / risk (core.contest)
    round_name: str
    team: str | None  # the team answering (必答/风险: in turn; 抢答: the winner as the contest has it)
    buzz_open: bool = False  # 抢答: the host has opened buzzing (its countdown runs)
    judged: bool = False  # the answer was judged: no more presses or answers


@dataclass(frozen=True)
class TeamAnswer:
    """The first answer a team gave on a phone to a question, graded on the server."""

    question: int
    team: str
    person: int
    response: Any
    correct: bool
    text: str  # as the host reads it: B, AC, √


@dataclass
class _Live:
    question: PhoneQuestion | None = None
    deadline: float | None = None  # monotonic
    locked: bool = False
    revealed: bool = False
    version: int = 0
    turn: Turn | None = None


@dataclass
class Snapshot:
    """What the console shows: who joined, how many answered the open question (not what)."""

    url: str
    joined: tuple[int, ...]
    answered: int
    expected: int
    people: dict[int, str] = field(default_factory=dict)
    revealed: bool = False
    # after 公布答案: how many chose each option (single, multiple: per option; judge: 正确, 错误)
    distribution: tuple[tuple[str, int], ...] = ()
    # 排行榜 (only when the host turned it on): (name, questions right) over the answers revealed
    leaders: tuple[tuple[str, int], ...] = ()
    # 知识竞赛: who won the buzz on the question shown (question, team, person), and the team's answer
    buzz: tuple[int, str, int] | None = None
    team_answer: TeamAnswer | None = None


class PhoneQuizError(Exception):
    """The server could not start (the address or port is taken)."""


def lan_addresses() -> list[str]:
    """The machine's IPv4 addresses on its networks, the one with the default route first;
    loopback last (a PC with no network still runs a quiz for phones on its own hotspot)."""
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))  # no packet is sent: it picks the outgoing interface
            found.append(s.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            addr = str(info[4][0])
            if addr not in found and not addr.startswith("127."):
                found.append(addr)
    except OSError:
        pass
    return [a for a in found if not a.startswith("127.")] + ["127.0.0.1"]


class PhoneQuiz:
    """One quiz's server. `store` is services.phones bound to the context (record_join,
    record_answer, answers) — passed in, so tests can watch it and the server needs no database
    of its own."""

    def __init__(self, people: dict[int, str], store: Any, *, host: str = "127.0.0.1", port: int = 0,
                 code: str | None = None, secret: bytes | None = None,
                 known: dict[tuple[int, int], Any] | None = None, joined: tuple[int, ...] = (),
                 rate_max: int = RATE_MAX, signin: bool = False,
                 teams: ContestTeams | None = None, buzzes: dict[int, tuple[str, int]] | None = None,
                 on_change: Callable[[], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """`code` and `secret` are kept with the run: a quiz reopened after the host PC stopped
        serves the same address and honours the tokens the phones hold, so they go on (a
        contest's `buzzes` too: question → (team, person)). `on_change` is called on the
        server's thread after a buzz or an answer is stored (the host reacts at once)."""
        self.people = dict(people)
        self.store = store
        self.host = host
        self.port = port
        self.code = code or secrets.token_urlsafe(9)
        self.secret = secret or secrets.token_bytes(32)
        self.rate_max = rate_max
        self.signin = signin  # 手机签到: choosing one's name is the whole of it (no questions)
        self._clock = clock
        self._live = _Live()
        self._answers: dict[tuple[int, int], Any] = dict(known or {})
        self._questions: dict[int, PhoneQuestion] = {}
        self._revealed: set[int] = set()
        self.leaderboard = False  # (off by default: a quiz to learn, not a race — the host may turn it on)
        self._joined: set[int] = set(joined)
        self._generation: dict[int, int] = {}
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._changed: asyncio.Event | None = None
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="phones-db")
        self._page = (paths.resources_dir() / "phone").resolve()
        self.teams = teams
        self.on_change = on_change
        self._buzz: dict[int, tuple[str, int]] = dict(buzzes or {})  # question → (team, person)
        self._team_answers: dict[tuple[str, int], int] = {}  # (team, question) → the person who answered
        if teams is not None:
            for pid, index in self._answers:  # (a contest stores only team answers)
                team = teams.of.get(pid)
                if team is not None:
                    self._team_answers.setdefault((team, index), pid)

    @property
    def contest(self) -> bool:
        return self.teams is not None

    # --- lifecycle (host thread) ----------------------------------------------------------
    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/{self.code}/"

    def start(self, timeout: float = 10.0, *, or_any_port: bool = False) -> str:
        """Start serving in a thread; returns the address phones open. With `or_any_port`, a
        taken port (another program, a quiz still closing) gives way to any free one."""
        try:
            return self._start(timeout)
        except PhoneQuizError:
            if not or_any_port or self.port == 0:
                raise
            self.port = 0
            return self._start(timeout)

    def _start(self, timeout: float) -> str:
        ready = threading.Event()
        failure: list[BaseException] = []

        def main() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._serve())
            except BaseException as exc:  # noqa: BLE001 - reported to the host below
                failure.append(exc)
                loop.close()
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._shutdown())
            loop.close()

        self._thread = threading.Thread(target=main, name="phone-quiz", daemon=True)
        self._thread.start()
        if not ready.wait(timeout) or failure:
            raise PhoneQuizError(f"无法在 {self.host}:{self.port} 上启动手机答题服务"
                                 + (f"（{failure[0]}）" if failure else "") + "。请换一个端口或网络地址再试。")
        log.info("phone quiz serving on %s", self.url)
        return self.url

    def stop(self) -> None:
        """Stop serving (waits for the thread); the answers already stored stay stored."""
        loop, thread = self._loop, self._thread
        if loop is not None and loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(10)
        self._writer.shutdown(wait=True)
        self._loop = self._thread = None

    # --- what the host does (host thread; thread-safe) --------------------------------------
    def show(self, question: PhoneQuestion, seconds: float | None, turn: Turn | None = None) -> None:
        """Put a question on every phone, open for `seconds` (None: until the host locks it);
        in a contest, with where the contest stands on it."""
        with self._lock:
            self._live = _Live(question, None if seconds is None else self._clock() + seconds,
                               False, False, self._live.version + 1, turn)
            self._questions[question.index] = question
        self._notify()

    def lock(self) -> None:
        """Answers close now (the countdown reached zero on the projector, or the host said so)."""
        with self._lock:
            self._live.locked = True
            self._live.version += 1
        self._notify()

    def reveal(self) -> None:
        """公布答案: each phone shows its person's own result."""
        with self._lock:
            self._live.locked = self._live.revealed = True
            self._live.version += 1
            if self._live.question is not None:
                self._revealed.add(self._live.question.index)
        self._notify()

    def clear(self) -> None:
        """No question open (reading the source, between rounds)."""
        with self._lock:
            self._live = _Live(version=self._live.version + 1)
        self._notify()

    def release(self, person_id: int) -> None:
        """Free a person's binding (a phone lost, the wrong name tapped): that phone's token is
        void, and the person can bind again."""
        with self._lock:
            self._generation[person_id] = self._generation.get(person_id, 0) + 1
            self._joined.discard(person_id)
        self._notify()

    def snapshot(self) -> Snapshot:
        with self._lock:
            q = self._live.question
            mine = [r for (_p, i), r in self._answers.items() if q is not None and i == q.index]
            shown: tuple[tuple[str, int], ...] = ()
            if q is not None and self._live.revealed:
                if q.type == "judge":
                    shown = (("正确", sum(1 for r in mine if r is True)), ("错误", sum(1 for r in mine if r is False)))
                elif q.type in ("single", "multiple"):
                    chose = [set(r) if isinstance(r, list) else {r} for r in mine]
                    shown = tuple(("ABCDEFGH"[i], sum(1 for c in chose if i in c)) for i in range(len(q.options)))
            buzz = team_answer = None
            if q is not None and self.teams is not None:
                won = self._buzz.get(q.index)
                buzz = None if won is None else (q.index, won[0], won[1])
                team = self._answering(q.index)
                by = None if team is None else self._team_answers.get((team, q.index))
                if team is not None and by is not None:
                    r = self._answers[(by, q.index)]
                    verdict = grade({"type": q.type, "answer": q.answer}, r)
                    team_answer = TeamAnswer(q.index, team, by, r, bool(verdict.correct), _text_of(q, r))
            return Snapshot(self.url, tuple(sorted(self._joined)), len(mine), len(self.people), dict(self.people),
                            self._live.revealed, shown, self._leaders() if self.leaderboard else (),
                            buzz, team_answer)

    def _answering(self, index: int) -> str | None:
        """The team that answers question `index` now (under the lock): 抢答, the buzz winner."""
        turn = self._live.turn
        if turn is None:
            return None
        if turn.round == "buzz":
            won = self._buzz.get(index)
            return won[0] if won is not None else turn.team
        return turn.team

    def _leaders(self, n: int = 5) -> tuple[tuple[str, int], ...]:
        """The people with the most questions right among those revealed (ties: by name order)."""
        right: dict[int, int] = {}
        for (pid, index), response in self._answers.items():
            q = self._questions.get(index)
            if q is not None and index in self._revealed and grade({"type": q.type, "answer": q.answer}, response).correct:
                right[pid] = right.get(pid, 0) + 1
        order = sorted(right, key=lambda pid: (-right[pid], list(self.people).index(pid) if pid in self.people else 0))
        return tuple((self.people.get(pid, str(pid)), right[pid]) for pid in order[:n])

    def _notify(self) -> None:
        loop, changed = self._loop, self._changed
        if loop is not None and changed is not None:
            loop.call_soon_threadsafe(changed.set)

    # --- tokens ---------------------------------------------------------------------------
    def _token(self, person_id: int) -> str:
        gen = self._generation.get(person_id, 0)
        mac = hmac.new(self.secret, f"{self.code}:{person_id}:{gen}".encode(), hashlib.sha256).hexdigest()[:32]
        return f"{person_id}.{gen}.{mac}"

    def _person_of(self, token: Any) -> int | None:
        if not isinstance(token, str) or token.count(".") != 2:
            return None
        pid_s, gen_s, _mac = token.split(".")
        if not pid_s.isdigit() or not gen_s.isdigit():
            return None
        pid = int(pid_s)
        with self._lock:
            ok = pid in self.people and hmac.compare_digest(token, self._token(pid))
        return pid if ok else None

    # --- the web side (server thread) ---------------------------------------------------------
    async def _serve(self) -> None:
        self._changed = asyncio.Event()
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        base = f"/{self.code}"
        app.router.add_get(base + "/", self._index)
        for name in STATIC:
            app.router.add_get(f"{base}/{name}", self._static)
        app.router.add_get(base + "/api/people", self._list_people)
        app.router.add_post(base + "/api/join", self._join)
        app.router.add_get(base + "/api/events", self._events)
        app.router.add_post(base + "/api/answer", self._answer)
        app.router.add_post(base + "/api/buzz", self._buzz_in)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)  # (the platform's own reuse rule)
        await site.start()
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        if sockets:
            self.port = int(sockets[0].getsockname()[1])

    async def _shutdown(self) -> None:
        if self._changed is not None:
            self._changed.set()
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _guard(self, request: web.Request, handler: Callable[[web.Request], Any]) -> web.StreamResponse:
        """The code in the path, a rate limit per device, and a careful server's headers."""
        peer = request.remote or "?"
        now = self._clock()
        hits = self._hits.setdefault(peer, deque())
        while hits and hits[0] < now - RATE_WINDOW_S:
            hits.popleft()
        if len(hits) >= self.rate_max:
            response: web.StreamResponse = _json({"error": "操作太频繁，请稍候再试。"}, 429)
        else:
            hits.append(now)
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                response = _json({"error": _HTTP_TEXT.get(exc.status, "请求无效。")}, exc.status)
        if not response.prepared:
            response.headers.update(HEADERS)
        return response

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(self._page / "index.html", headers={"Content-Type": "text/html; charset=utf-8"})

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.path.rsplit("/", 1)[-1]
        if name not in STATIC:  # (routes name them one by one: nothing else is ever served)
            raise web.HTTPNotFound()
        kind = "application/javascript" if name.endswith(".js") else "text/css"
        return web.FileResponse(self._page / name, headers={"Content-Type": f"{kind}; charset=utf-8"})

    async def _list_people(self, request: web.Request) -> web.StreamResponse:
        with self._lock:
            taken = set(self._joined)
            rows = [{"id": pid, "name": name, "taken": pid in taken} for pid, name in self.people.items()]
        return _json({"people": rows})

    async def _body(self, request: web.Request) -> dict[str, Any]:
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
        try:
            data = json.loads(await request.text())
        except (ValueError, UnicodeDecodeError):
            raise web.HTTPBadRequest() from None
        if not isinstance(data, dict):
            raise web.HTTPBadRequest()
        return data

    async def _join(self, request: web.Request) -> web.StreamResponse:
        data = await self._body(request)
        pid = data.get("person")
        if not isinstance(pid, int) or pid not in self.people:
            return _json({"error": "名单中没有这个人。"}, 404)
        with self._lock:
            if pid in self._joined and not (isinstance(data.get("token"), str)
                                            and hmac.compare_digest(data["token"], self._token(pid))):
                return _json({"error": "这个名字已在另一部手机上答题。如需换手机，请主持人在电脑上解除。"}, 409)
            first = pid not in self._joined
            self._joined.add(pid)
            token = self._token(pid)
        if first:
            await self._write(self.store.record_join, pid)
        self._notify()
        return _json({"token": token, "name": self.people[pid]})

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        data = await self._body(request)
        pid = self._person_of(data.get("token"))
        if pid is None:
            return _json({"error": "登录已失效，请重新选择姓名。"}, 403)
        with self._lock:
            live = self._live
            q = live.question
            if q is None or data.get("q") != q.index:
                return _json({"error": "这道题已经结束。"}, 409)
            if live.locked or (live.deadline is not None and self._clock() > live.deadline + GRACE_S):
                return _json({"error": "作答时间已到，答案未被接受。"}, 409)
            if (pid, q.index) in self._answers:
                return _json({"error": "这道题已经作答，不能更改。"}, 409)
            team = None
            if self.teams is not None:
                team = self.teams.of.get(pid)
                refused = self._team_refusal(pid, team, q)
                if refused is not None:
                    return _json({"error": refused}, 409)
            response = _response_of(q, data.get("answer"))
            if response is None:
                return _json({"error": "答案无效，请重新选择。"}, 400)
            self._answers[(pid, q.index)] = response
            if team is not None:
                self._team_answers[(team, q.index)] = pid
            seconds = 0.0 if live.deadline is None else max(0.0, live.deadline - self._clock())
        try:
            await self._write(self.store.record_answer, pid, q.index, response, seconds)
        except Exception:  # noqa: BLE001 - the phone is told to send again; the slot is freed
            log.exception("storing a phone answer failed")
            with self._lock:
                self._answers.pop((pid, q.index), None)
                if team is not None:
                    self._team_answers.pop((team, q.index), None)
            return _json({"error": "答案没有保存成功，请再点一次“提交”。"}, 503)
        self._changed_now()
        return _json({"ok": True})

    def _team_refusal(self, pid: int, team: str | None, q: PhoneQuestion) -> str | None:
        """Why a contest answer is not taken (under the lock), or None: only a member of the
        team answering, once for the team, before the host judged it, an objective question."""
        assert self.teams is not None
        turn = self._live.turn
        if team is None:
            return "您不在参赛队中，不能作答。"
        if turn is None:
            return "这道题还没有开始作答。"
        if turn.judged:
            return "这道题已经判定。"
        answering = self._answering(q.index)
        if answering is None:
            return "请先抢答，抢到后才能作答。" if turn.round == "buzz" else "这道题还没有轮到作答的队。"
        if answering != team:
            return f"现在由{self.teams.names.get(answering, '')}作答。"
        by = self._team_answers.get((team, q.index))
        if by is not None:
            return f"本队已由{self.people.get(by, '')}提交答案，不能更改。"
        if q.type not in ("single", "multiple", "judge"):
            return "本题请口头作答。"
        return None

    async def _buzz_in(self, request: web.Request) -> web.StreamResponse:
        """抢答: the first press to arrive wins (decided under the lock: one winner a question)."""
        data = await self._body(request)
        pid = self._person_of(data.get("token"))
        if pid is None:
            return _json({"error": "登录已失效，请重新选择姓名。"}, 403)
        if self.teams is None:
            return _json({"error": "这不是知识竞赛。"}, 404)
        with self._lock:
            live = self._live
            q, turn = live.question, live.turn
            if q is None or data.get("q") != q.index:
                return _json({"error": "这道题已经结束。"}, 409)
            if turn is None or turn.round != "buzz":
                return _json({"error": "这道题不是抢答题。"}, 409)
            team = self.teams.of.get(pid)
            if team is None:
                return _json({"error": "您不在参赛队中，不能抢答。"}, 403)
            won = self._buzz.get(q.index)
            if won is not None:
                return _json({"error": f"{self._won_text(won)}。", "winner": self.teams.names.get(won[0], "")}, 409)
            if turn.judged or turn.team is not None:
                return _json({"error": "这道题已由主持人选定答题的队。"}, 409)
            if not turn.buzz_open:
                return _json({"error": "还没有开始抢答，请等主持人开始计时后再按。"}, 409)
            if live.locked or (live.deadline is not None and self._clock() > live.deadline):
                return _json({"error": "抢答时间已到。"}, 409)
            self._buzz[q.index] = (team, pid)
        try:
            await self._write(self.store.record_buzz, pid, q.index, team)
        except Exception:  # noqa: BLE001 - the press does not count; the phone may press again
            log.exception("storing a buzz failed")
            with self._lock:
                if self._buzz.get(q.index) == (team, pid):
                    del self._buzz[q.index]
            return _json({"error": "抢答没有保存成功，请再按一次。"}, 503)
        self._changed_now()
        return _json({"ok": True, "team": self.teams.names.get(team, "")})

    def _won_text(self, won: tuple[str, int]) -> str:
        """「第二组已抢到」 (an individual contest: 「张三已抢到」)."""
        assert self.teams is not None
        return f"{self.teams.names.get(won[0], '')}已抢到"

    def _changed_now(self) -> None:
        """A press or an answer stored: the phones see it, and the host is told at once."""
        self._notify()
        if self.on_change is not None:
            try:
                self.on_change()
            except Exception:  # noqa: BLE001 - the host's poll picks it up anyway
                log.exception("telling the host failed")

    async def _write(self, fn: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, fn, *args)

    def _state_for(self, pid: int) -> dict[str, Any]:
        with self._lock:
            live = self._live
            q = live.question
            out: dict[str, Any] = {"version": live.version, "name": self.people.get(pid, ""), "signin": self.signin}
            if self.teams is not None:
                team = self.teams.of.get(pid)
                out["team"] = "" if team is None else self.teams.names.get(team, "")
                out["individual"] = self.teams.individual
            if q is None:
                out["question"] = None
                return out
            mine = self._answers.get((pid, q.index))
            left = None if live.deadline is None else max(0.0, live.deadline - self._clock())
            out.update(
                question={"index": q.index, "number": q.number, "of": q.of, "type": q.type,
                          "type_name": q.type_name, "stem": q.stem, "options": list(q.options)},
                seconds_left=None if left is None else round(left, 1),
                locked=live.locked or (left is not None and left <= 0),
                answered=mine is not None, mine=mine,
            )
            if self.teams is not None:
                mine = self._contest_view(pid, q, out)
            if live.revealed:
                verdict = grade({"type": q.type, "answer": q.answer}, mine) if mine is not None else None
                out["reveal"] = {"answer_text": q.answer_text,
                                 "correct": None if verdict is None else verdict.correct}
            return out

    def _contest_view(self, pid: int, q: PhoneQuestion, out: dict[str, Any]) -> Any:
        """The contest's part of a phone's view (under the lock); returns the team's answer."""
        assert self.teams is not None
        live, turn = self._live, self._live.turn
        team = self.teams.of.get(pid)
        answering = self._answering(q.index)
        names = self.teams.names
        by = None if team is None else self._team_answers.get((team, q.index))
        mine = None if by is None else self._answers.get((by, q.index))
        view: dict[str, Any] = {
            "round": None if turn is None else turn.round,
            "round_name": "" if turn is None else turn.round_name,
            "member": team is not None,
            "answering": None if answering is None else names.get(answering, ""),
            "ours": team is not None and team == answering,
            "oral": q.type not in ("single", "multiple", "judge"),
            "judged": bool(turn and turn.judged),
            "by": None if by is None else self.people.get(by, ""),
            "buzz": None,
        }
        if turn is not None and turn.round == "buzz":
            won = self._buzz.get(q.index)
            left = None if live.deadline is None else live.deadline - self._clock()
            if won is not None:
                view["buzz"] = "won" if won[0] == team else "taken"
                view["buzzer"] = self.people.get(won[1], "")
            elif turn.team is not None or turn.judged:
                view["buzz"] = "taken"  # (the host chose the team by hand)
            elif live.locked or (left is not None and left <= 0):
                view["buzz"] = "closed"
            else:
                view["buzz"] = "open" if turn.buzz_open else "wait"
        out["contest"] = view
        out["answered"] = mine is not None
        out["mine"] = mine
        return mine

    async def _events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: the phone's own view of the quiz, again whenever it changes (and
        every few seconds, so a dropped connection is noticed and a countdown stays true)."""
        pid = self._person_of(request.query.get("token"))
        if pid is None:
            return _json({"error": "登录已失效，请重新选择姓名。"}, 403)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream; charset=utf-8",
                                               **HEADERS})
        await response.prepare(request)
        assert self._changed is not None
        try:
            while True:
                if self._person_of(request.query.get("token")) is None:
                    await response.write(b"event: released\ndata: {}\n\n")
                    break
                payload = json.dumps(self._state_for(pid), ensure_ascii=False)
                await response.write(f"data: {payload}\n\n".encode())
                self._changed.clear()
                try:
                    await asyncio.wait_for(self._changed.wait(), timeout=3.0)
                except TimeoutError:
                    pass
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        return response


_HTTP_TEXT = {404: "找不到这个页面。请扫描投影上的二维码重新打开。", 405: "请求方式无效。",
              413: "提交的内容太大。", 400: "请求无效。"}


def _json(data: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda d: json.dumps(d, ensure_ascii=False))


def _text_of(q: PhoneQuestion, response: Any) -> str:
    """A response as the host reads it (B, AC, √)."""
    try:
        return answer_text(q.type, response)
    except (TypeError, ValueError, IndexError):
        return str(response)


def _response_of(q: PhoneQuestion, answer: Any) -> Any:
    """The answer as grading takes it, or None when it is not one for this question: an option
    index (单选), a sorted list of them (多选), True/False (判断)."""
    if q.type == "single":
        return answer if isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(q.options) else None
    if q.type == "multiple":
        if not isinstance(answer, list) or not answer or len(answer) > len(q.options):
            return None
        if not all(isinstance(a, int) and not isinstance(a, bool) and 0 <= a < len(q.options) for a in answer):
            return None
        return sorted(set(answer))
    if q.type == "judge":
        return answer if isinstance(answer, bool) else None
    return None
