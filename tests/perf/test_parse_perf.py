"""Parser speed: the seed warm, and 1 MB of text (linear in size)."""

from __future__ import annotations

import pytest

from studyapp.core.outline import parse_text

from .conftest import SEED, best_of, synthetic_document

pytestmark = pytest.mark.perf


def test_seed_outline_warm(report):
    text = SEED.read_text(encoding="utf-8")
    t = best_of(lambda: parse_text(text), repeat=21)
    report(f"seed parse (warm): {t * 1000:.2f} ms (target ≤ 50 ms incl. storing)")
    assert t < 0.05


def test_one_megabyte_is_linear(report):
    half = synthetic_document(0.5)
    full = synthetic_document(1.0)
    t_half = best_of(lambda: parse_text(half), repeat=3)
    t_full = best_of(lambda: parse_text(full), repeat=3)
    doc = parse_text(full)
    items = sum(1 for _ in doc.walk())
    report(f"parse 0.5 MB: {t_half:.3f} s; 1 MB: {t_full:.3f} s ({items} sections); "
           f"ratio {t_full / t_half:.2f} (linear ≈ 2)")
    assert items > 1000
    assert t_full < 2.0
    assert t_full / t_half < 3.0
