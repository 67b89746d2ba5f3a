"""手机答题 server on loopback: join, answer, the phone's view, and the security rules."""

from __future__ import annotations

import http.client
import json
import threading
import urllib.error
import urllib.request
from typing import Any

import pytest

from studyapp.lan import server as lan
from studyapp.lan.server import PhoneQuestion, PhoneQuiz


class Store:
    def __init__(self) -> None:
        self.joins: list[int] = []
        self.answers: list[tuple[int, int, Any, float]] = []
        self.fail = False

    def record_join(self, pid: int) -> None:
        self.joins.append(pid)

    def record_answer(self, pid: int, index: int, response: Any, seconds: float) -> None:
        if self.fail:
            raise OSError("disk full")
        self.answers.append((pid, index, response, seconds))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


SINGLE = PhoneQuestion(0, 1, 2, "single", "单选题", "依法治市的领导核心是（　　）。",
                       ("市委", "市政府", "市人大", "市政协"), 0, "A．市委")
MULTI = PhoneQuestion(1, 2, 2, "multiple", "多选题", "下列属于法治保障的有（　　）。",
                      ("甲", "乙", "丙", "丁"), [0, 2], "AC")


@pytest.fixture
def quiz():
    store, clock = Store(), Clock()
    q = PhoneQuiz({1: "王德伦", 2: "李红梅", 3: "王伟（财政所）"}, store, clock=clock)
    q.start()
    q.store_, q.clock_ = store, clock  # type: ignore[attr-defined]
    yield q
    q.stop()


def call(q: PhoneQuiz, method: str, path: str, body: Any = None, raw: bytes | None = None) -> tuple[int, dict, Any]:
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(f"http://127.0.0.1:{q.port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            text = r.read().decode()
            return r.status, dict(r.headers), (json.loads(text) if "json" in r.headers.get("Content-Type", "") else text)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        return e.code, dict(e.headers), (json.loads(text) if text.startswith("{") else text)


def first_event(q: PhoneQuiz, token: str) -> dict:
    conn = http.client.HTTPConnection("127.0.0.1", q.port, timeout=5)
    conn.request("GET", f"/{q.code}/api/events?token={token}")
    r = conn.getresponse()
    assert r.status == 200 and r.getheader("Content-Type").startswith("text/event-stream")
    line = b""
    while not line.startswith(b"data: "):
        line = r.fp.readline()
    conn.close()
    return json.loads(line[6:])


def join(q: PhoneQuiz, pid: int) -> str:
    status, _h, data = call(q, "POST", f"/{q.code}/api/join", {"person": pid})
    assert status == 200, data
    return data["token"]


def test_a_phone_joins_by_name_answers_once_and_sees_its_own_result(quiz) -> None:
    status, headers, page = call(quiz, "GET", f"/{quiz.code}/")
    assert status == 200 and "手机答题" in page and "app.js" in page
    assert headers["Cache-Control"] == "no-store" and headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    _s, _h, listed = call(quiz, "GET", f"/{quiz.code}/api/people")
    assert [p["name"] for p in listed["people"]] == ["王德伦", "李红梅", "王伟（财政所）"]
    token = join(quiz, 1)
    assert quiz.store_.joins == [1] and quiz.snapshot().joined == (1,)
    assert first_event(quiz, token)["question"] is None  # waiting for the host
    quiz.show(SINGLE, 20)
    view = first_event(quiz, token)
    assert view["question"]["stem"].startswith("依法治市") and "answer" not in json.dumps(view["question"])
    assert view["seconds_left"] == 20 and not view["answered"]
    quiz.clock_.now += 5
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 0, "answer": 0})
    assert status == 200 and data == {"ok": True}
    assert quiz.store_.answers == [(1, 0, 0, 15.0)]
    assert quiz.snapshot().answered == 1
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 0, "answer": 1})
    assert status == 409 and "不能更改" in data["error"] and len(quiz.store_.answers) == 1
    assert quiz.snapshot().distribution == ()  # how many answered, never what, until 公布答案
    quiz.reveal()
    view = first_event(quiz, token)
    assert view["reveal"] == {"answer_text": "A．市委", "correct": True} and view["mine"] == 0
    assert quiz.snapshot().distribution == (("A", 1), ("B", 0), ("C", 0), ("D", 0))
    assert quiz.snapshot().leaders == ()  # the 排行榜 is off by default
    quiz.leaderboard = True
    assert quiz.snapshot().leaders == (("王德伦", 1),)


def test_answers_are_refused_when_late_locked_or_for_another_question(quiz) -> None:
    token = join(quiz, 2)
    quiz.show(MULTI, 30)
    quiz.clock_.now += 31 + lan.GRACE_S
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 1, "answer": [0, 2]})
    assert status == 409 and "时间已到" in data["error"]
    quiz.show(MULTI, None)
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 0, "answer": 0})
    assert status == 409 and "已经结束" in data["error"]
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 1, "answer": [7]})
    assert status == 400
    quiz.lock()
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 1, "answer": [0, 2]})
    assert status == 409 and quiz.store_.answers == []


def test_wrong_code_forged_or_released_tokens_and_bad_bodies_get_nothing(quiz) -> None:
    for path in ("/", f"/{quiz.code}x/", f"/{quiz.code}/../server.py", f"/{quiz.code}/index.html",
                 f"/{quiz.code}/api/../../etc/passwd", "/static/app.js"):
        status, headers, _ = call(quiz, "GET", path)
        assert status == 404, path
        assert headers["Cache-Control"] == "no-store"
    token = join(quiz, 1)
    quiz.show(SINGLE, 20)
    pid, gen, mac = token.split(".")
    for forged in (f"2.{gen}.{mac}", f"{pid}.{gen}.{'0' * 32}", "1", "", None, 5):
        status, _h, _d = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": forged, "q": 0, "answer": 0})
        assert status == 403, forged
    # another phone cannot take a bound name; the host releases it and the old token is void
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/join", {"person": 1})
    assert status == 409 and "另一部手机" in data["error"]
    quiz.release(1)
    status, _h, _d = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 0, "answer": 0})
    assert status == 403
    token2 = join(quiz, 1)
    assert token2 != token
    status, _h, _d = call(quiz, "POST", f"/{quiz.code}/api/join", {"person": 99})
    assert status == 404
    status, _h, _d = call(quiz, "POST", f"/{quiz.code}/api/answer", raw=b"{" * 100)
    assert status == 400
    status, _h, _d = call(quiz, "POST", f"/{quiz.code}/api/answer", raw=b"x" * (lan.MAX_BODY + 10))
    assert status == 413
    assert quiz.store_.answers == []


def test_a_flood_from_one_device_is_slowed_down(quiz) -> None:
    codes = [call(quiz, "GET", f"/{quiz.code}/api/people")[0] for _ in range(lan.RATE_MAX + 5)]
    assert codes[:lan.RATE_MAX] == [200] * lan.RATE_MAX and set(codes[lan.RATE_MAX:]) == {429}
    quiz.clock_.now += lan.RATE_WINDOW_S + 1
    assert call(quiz, "GET", f"/{quiz.code}/api/people")[0] == 200


def test_an_answer_the_database_could_not_take_is_not_counted_and_may_be_sent_again(quiz) -> None:
    token = join(quiz, 3)
    quiz.show(SINGLE, 20)
    quiz.store_.fail = True
    status, _h, data = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 0, "answer": 2})
    assert status == 503 and "没有保存成功" in data["error"] and quiz.snapshot().answered == 0
    quiz.store_.fail = False
    status, _h, _d = call(quiz, "POST", f"/{quiz.code}/api/answer", {"token": token, "q": 0, "answer": 2})
    assert status == 200 and quiz.store_.answers == [(3, 0, 2, 20.0)]


def test_a_reopened_quiz_keeps_its_address_and_the_phones_tokens_and_counts_an_answer_once() -> None:
    """The host PC stopped mid-quiz: reopened with the run's code and secret, the phones' tokens
    still work (they go on without choosing their name again) and an answer stored before the
    stop is not taken twice."""
    store = Store()
    first = PhoneQuiz({1: "王德伦", 2: "李红梅"}, store)
    first.start()
    token = join(first, 1)
    first.stop()
    again = PhoneQuiz({1: "王德伦", 2: "李红梅"}, store, code=first.code, secret=first.secret,
                      known={(1, 0): 0}, joined=(1,))
    again.start()
    try:
        again.show(SINGLE, None)
        assert again.snapshot().answered == 1 and again.snapshot().joined == (1,)
        assert first_event(again, token)["answered"] is True
        status, _h, _d = call(again, "POST", f"/{again.code}/api/answer", {"token": token, "q": 0, "answer": 1})
        assert status == 409 and store.answers == []
        status, _h, data = call(again, "POST", f"/{again.code}/api/join", {"person": 1, "token": token})
        assert status == 200 and data["token"] == token  # (a reload of the page binds again)
    finally:
        again.stop()


def test_the_server_binds_only_the_address_it_was_given() -> None:
    q = PhoneQuiz({1: "王德伦"}, Store())
    q.start()
    try:
        assert q.url.startswith("http://127.0.0.1:") and q.port > 0
        assert q.url.endswith(f"/{q.code}/") and len(q.code) >= 12
        # taken port: a Chinese message, not a traceback
        other = PhoneQuiz({1: "王德伦"}, Store(), port=q.port)
        with pytest.raises(lan.PhoneQuizError, match="无法在 127.0.0.1"):
            other.start(timeout=5)
        # asked to, it gives way to any free port
        assert other.start(timeout=5, or_any_port=True) == other.url and other.port not in (0, q.port)
        other.stop()
    finally:
        q.stop()
    assert "127.0.0.1" in lan.lan_addresses()


def test_many_phones_answer_at_once_and_none_is_lost() -> None:
    store = Store()
    people = {i: f"干部{i}" for i in range(1, 41)}
    q = PhoneQuiz(people, store, rate_max=1000)  # (every phone is 127.0.0.1 here)
    q.start()
    try:
        tokens = {pid: q._token(pid) for pid in people}  # (as if each had joined)
        q.show(SINGLE, 30)
        errors: list[int] = []

        def phone(pid: int) -> None:
            status, _h, _d = call(q, "POST", f"/{q.code}/api/answer", {"token": tokens[pid], "q": 0, "answer": pid % 4})
            if status != 200:
                errors.append(status)

        threads = [threading.Thread(target=phone, args=(pid,)) for pid in people]
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        assert errors == [] and len(store.answers) == 40 and q.snapshot().answered == 40
    finally:
        q.stop()
