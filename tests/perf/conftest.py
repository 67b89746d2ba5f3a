"""Benchmarks: run with `pytest tests/perf -p no:randomly -s`; they print their figures.

Targets are checked as ratios against a baseline measured in the same run where the machine is
noisy (a bare window, half the input), and as generous absolute bounds otherwise.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "tests" / "data" / "documents"
SEED = REPO / "resources" / "documents" / "zunyi-yifazhishi-2014.txt"

_CN = "一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1..999 in Chinese numerals (一, 十一, 二十, 一百零五)."""
    out = ""
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    if h:
        out += _CN[h - 1] + "百"
        if t == 0 and u:
            out += "零"
    if t:
        out += ("" if (t == 1 and not h) else _CN[t - 1]) + "十"
    if u:
        out += _CN[u - 1]
    return out


def synthetic_document(megabytes: float) -> str:
    """A line-broken document of about `megabytes` MB: parts, items and sub-items in sequence."""
    seed_text = SEED.read_text(encoding="utf-8")
    sentences = [s + "。" for s in seed_text.split("。") if 10 < len(s) < 120]
    lines = ["合成测试文件", "（2024年1月1日测试通过）", "前言。"]
    size, part, item, k = 0, 0, 0, 0
    target = int(megabytes * 1_000_000)
    while size < target:
        if part < 999:  # past 九百九十九、 the items go on under the last part
            part += 1
            lines.append(f"{cn_numeral(part)}、第{part}部分")
        for _ in range(8):
            item += 1
            body = "".join(sentences[(k + j) % len(sentences)] for j in range(3))
            k += 3
            lines.append(f"{item}.第{item}项要求。{body}")
            size += len(body.encode("utf-8")) + 40
    return "\n".join(lines)


def best_of(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of `fn` in seconds (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


@pytest.fixture
def report():
    lines: list[str] = []
    yield lines.append
    print("\n" + "\n".join(lines))
