"""The segmenter wrapper (segment.py): words that put the text back together exactly, their
boundaries, and the dictionary's word — what keeps a blank on a whole word."""

from __future__ import annotations

from studyapp.core.questions import segment


def test_words_concatenate_back_to_the_text() -> None:
    text = "建立重大行政决策合法性审查机制，严格执行重大执法决定法制审核制度。"
    assert "".join(segment.tokens(text)) == text
    assert "".join(w for w, _ in segment.tagged(text)) == text
    assert segment.tokens("") == [] and segment.tagged("") == ()


def test_boundaries_fall_between_words_never_inside_one() -> None:
    text = "公务员应当遵守宪法和法律。"
    bounds = segment.boundaries(text)
    assert {0, len(text)} <= bounds
    assert 3 in bounds          # 公务员|应当
    assert 1 not in bounds      # 公|务员 would cut a word
    assert segment.bounds(text) == frozenset(bounds)


def test_one_word_has_a_part_of_speech_and_a_phrase_has_none() -> None:
    assert segment.pos_of("法律").startswith("n")
    assert segment.pos_of("遵守宪法和法律") == ""
    assert segment.has_word("法律") and not segment.has_word("律宪和")


def test_a_department_named_for_its_field_is_one_word() -> None:
    """「水行政主管部门」「市场监督管理部门」 are one body each (the dictionary alone cut 3,450 of 4,340
    such names in the test documents into 水|行政|主管部门): a question can name the body a rule binds."""
    words = segment.tokens("各级水行政主管部门应当会同市场监督管理部门、应急管理部门和气象主管机构")
    for body in ("水行政主管部门", "市场监督管理部门", "应急管理部门", "气象主管机构"):
        assert body in words, words
    assert segment.pos_of("自然资源主管部门") == "nt"


class _Clock:
    """A clock that moves 1 ms each time it is read, and records the pauses asked of it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.pauses: list[float] = []

    def perf_counter(self) -> float:
        self.now += 0.001
        return self.now

    def sleep(self, s: float) -> None:
        self.pauses.append(s)


def test_a_worker_segmenting_pauses_now_and_then_for_waiting_threads(monkeypatch) -> None:
    """rjieba lets go of the interpreter's lock for each call and takes it back before a waiting
    thread wakes; a worker segmenting without pause kept the GUI thread waiting 30–110 ms."""
    import threading

    clock = _Clock()
    monkeypatch.setattr(segment, "time", clock)
    monkeypatch.setattr(segment, "_next_yield", [0.0])
    texts = [f"第{i}条 县级以上人民政府应当加强扬尘污染防治工作" for i in range(200)]
    worker = threading.Thread(target=lambda: [segment.tagged(t) for t in texts])
    worker.start()
    worker.join()
    # 200 calls read the clock about once each (1 ms): a pause every 15 ms
    assert 10 <= len(clock.pauses) <= 16, len(clock.pauses)
    assert all(0 < p <= 0.001 for p in clock.pauses)


def test_the_main_thread_never_pauses(monkeypatch) -> None:
    clock = _Clock()
    monkeypatch.setattr(segment, "time", clock)
    monkeypatch.setattr(segment, "_next_yield", [0.0])
    for i in range(200):
        segment.tagged(f"第{i}项 市场监管部门应当依法查处违法行为")
    assert clock.pauses == []
