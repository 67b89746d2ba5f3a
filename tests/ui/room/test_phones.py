"""手机答题 in a 集体测验: the host turns it on, the projector shows the QR code, phones (here,
HTTP on loopback) join and answer what the projector shows, the console counts, and 结束 puts
the scores into the session — and a reopened quiz serves the same address again."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from studyapp.services import attendance, room, scores, sessions


def call(url: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(url + path, data=None if body is None else json.dumps(body).encode(),
                                 method="GET" if body is None else "POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, json.loads(r.read().decode())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode())


def test_phones_join_answer_and_their_scores_reach_the_session(open_room, start_run, seeded_ctx, session_id,
                                                             qtbot, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    run_id = start_run("quiz", count=6)
    c = open_room(run_id)
    assert c.console.phone_box is not None and "127.0.0.1" in [c.console.phone_address.itemText(i)
                                                                for i in range(c.console.phone_address.count())]
    c.console.phone_address.setCurrentText("127.0.0.1")
    c.console.phone_btn.click()
    assert c.phones.on and c.audience.join_card.isVisible() and c.audience.join_url.startswith("http://127.0.0.1:")
    url = c.audience.join_url
    status, listed = call(url, "api/people")
    assert status == 200 and len(listed["people"]) == 6
    pid = listed["people"][0]["id"]
    status, joined = call(url, "api/join", {"person": pid})
    token = joined["token"]
    # the first question the projector shows that a phone answers
    while c.questions[c.index].type not in ("single", "multiple", "judge"):
        c.next()
    q = c.questions[c.index]
    right = {"single": lambda: q.answer[0] if isinstance(q.answer, list) else q.answer,
             "multiple": lambda: sorted(q.answer), "judge": lambda: bool(q.answer)}[q.type]()
    status, got = call(url, "api/answer", {"token": token, "q": q.index, "answer": right})
    assert status == 200, got
    qtbot.waitUntil(lambda: "本题已答 <b>1</b>" in c.console.phone_status.text(), timeout=3000)
    assert c.audience.join_count.text().startswith("本题已答 1 / 1 人")  # (the projector: how many, not what)
    c.toggle_reveal()
    qtbot.waitUntil(lambda: "<br>" in c.audience.join_count.text(), timeout=3000)  # then what each chose
    assert "已加入 <b>1</b> / 6" in c.console.phone_status.text()
    assert c.console.phone_status.toolTip().startswith(f"已加入：{listed['people'][0]['name']}")  # who, and who not
    # the answer is stored at once (a crash of the host loses nothing)
    assert [e for e in room.get_run(seeded_ctx, run_id).events if e["kind"] == "phone_answer"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    c.finish()
    qtbot.waitUntil(lambda: "手机答题成绩已保存" in c.console.status.text(), timeout=5000)
    assert not c.phones.on
    rows = {r.person_id: r for r in scores.session_scores(seeded_ctx, session_id).rows}
    assert rows[pid].score == 1 and rows[pid].note == "手机答题"
    assert sessions.get_session_detail(seeded_ctx, session_id).full_marks >= 1
    assert {r.person_id: r.status for r in attendance.sheet(seeded_ctx, session_id)}[pid] == "present"


def test_a_reopened_quiz_serves_the_phones_again_at_the_same_address(open_room, start_run, qtbot) -> None:  # noqa: ANN001
    run_id = start_run("quiz", count=4)
    c = open_room(run_id)
    c.console.phone_address.setCurrentText("127.0.0.1")
    c.console.phone_btn.click()
    url = c.audience.join_url
    status, joined = call(url, "api/join", {"person": call(url, "api/people")[1]["people"][1]["id"]})
    assert status == 200
    c.close()  # (the host PC's window closed mid-quiz: 继续上次的… reopens it)
    again = open_room(run_id)
    assert again.phones.on and again.audience.join_url == url
    status, _ = call(url, "api/people")
    assert status == 200
