"""Benchmarks of question generation (run explicitly: pytest tests/perf -m perf -s).

Targets from the issue: the seed's bank in a warm process ≤ 150 ms; a 1 MB document ≤ 5 s,
roughly linear; the segmenter's first load stays off start-up (importing the package
does not load it). Reported as numbers and ratios, not asserted tightly: machines are noisy.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studyapp.core.outline import parse_text
from studyapp.core.questions import generate_bank

pytestmark = pytest.mark.perf
DOCS = Path(__file__).resolve().parents[1] / "data" / "documents"
_TAGS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def big_text(target_chars: int) -> str:
    """Distinct sentences (each copy tagged) so the segmenter's cache does not flatter us."""
    base = [(DOCS / n).read_text(encoding="utf-8") for n in sorted(p.name for p in DOCS.glob("*.txt"))]
    out, k = [], 0
    while sum(len(x) for x in out) < target_chars:
        tag = _TAGS[k % len(_TAGS)] + _TAGS[(k // len(_TAGS)) % len(_TAGS)]
        text = base[k % len(base)]
        out.append(re.sub(r"(?<=[。；])", tag, text))
        k += 1
    return "\n".join(out)


def _best(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def test_import_is_cheap_and_segmenter_loads_later() -> None:
    code = ("import time,sys;t=time.perf_counter();import studyapp.core.questions;"
            "print(time.perf_counter()-t, 'rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, loaded = out.stdout.split()
    print(f"\nimport studyapp.core.questions: {float(seconds) * 1000:.0f} ms, rjieba loaded: {loaded}")
    assert loaded == "False"


def test_seed_bank_warm() -> None:
    doc = parse_text((DOCS / "zunyi-yifazhishi-2014.txt").read_text(encoding="utf-8"))
    generate_bank(doc)  # warm: segmenter loaded, caches filled
    best = _best(lambda: generate_bank(doc, seed=1))
    print(f"\nseed bank warm: {best * 1000:.1f} ms (target ≤ 150 ms)")
    assert best < 1.5  # generous: 10× the target


def fresh_text(target_chars: int, seed: int = 0) -> str:
    """Text that never repeats itself: articles of random words drawn from the real documents'
    vocabulary, so neither the segmenter's cache nor the generator's repeated-rule detection
    flatters the timing (issue 9 measures generation on such text)."""
    import random

    from studyapp.core.loaders import chinese_number
    from studyapp.core.questions import segment

    words: list[str] = []
    for p in sorted(DOCS.glob("*.txt")):
        words += [w for w in segment.tokens(p.read_text(encoding="utf-8"))
                  if w.strip() and w not in "，。；、：（）“”\n "]
    rng = random.Random(seed)
    out: list[str] = []
    n_chars = art = chap = 0
    while n_chars < target_chars:
        if art % 20 == 0:
            chap += 1
            line = f"第{chinese_number(chap)}章　{''.join(rng.choice(words) for _ in range(3))}"
            out.append(line)
            n_chars += len(line)
        art += 1
        sents = []
        for _ in range(rng.randint(1, 3)):
            ws = [rng.choice(words) for _ in range(rng.randint(12, 40))]
            for i in range(3, len(ws) - 2, rng.randint(4, 9)):
                ws[i] += rng.choice("，，、")
            sents.append("".join(ws) + "。")
        line = f"第{chinese_number(art)}条　" + "".join(sents)
        out.append(line)
        n_chars += len(line)
    return "\n".join(out)


def test_large_document_is_roughly_linear() -> None:
    """Targets (issue 9): 1 MB ≤ 3 s, 2 MB ≤ 2.1 × the 1 MB time, on text that does not repeat.
    Measured 2026-12-02 (second session) on the 2-core build machine: 3.2–3.8 s and ×2.0–2.2
    (was 5.3 s and ×2.45 at the start of that session; 4.1 s and ×2.35 the session before) —
    the 3 s target is not yet met. Third session (2026-12-03): 3.3 s and ×2.04 after the contrast
    finder learnt to tell most clause pairs apart before difflib and the document-wide counts of
    bodies and phrases read only the sentences holding their rarest word. Later that session the
    new level form and the pooled choices had made it 4.2 s and ×2.18 (a subject check segmenting
    every sentence, a type floor and a pooling that scanned the whole set for each question);
    fixed: 3.4–4.1 s (this machine's noise is ±15 %) and ×1.74–1.90. The assertion guards against a return to the quadratic
    behaviour (×3.4 before the first fix)."""
    generate_bank(parse_text(fresh_text(20_000, seed=9)))
    timings = {}
    for size in (1_000_000, 2_000_000):
        doc = parse_text(fresh_text(size))
        t = time.perf_counter()
        bank = generate_bank(doc)
        timings[size] = time.perf_counter() - t
        print(f"\n{size / 1e6:.2f} MB: {timings[size]:.2f} s, {len(bank.questions)} questions")
    ratio = timings[2_000_000] / timings[1_000_000]
    print(f"2 MB / 1 MB time ratio: {ratio:.2f} (target ≤ 2.1); 1 MB target ≤ 3 s")
    assert ratio < 2.8
