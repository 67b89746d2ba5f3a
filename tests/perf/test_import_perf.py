"""Storing a document: the seed imported and its outline read back, warm (target ≤ 50 ms).

The same text is refused a second time (AlreadyImported), so each timed import is of a copy
whose previous import was deleted first, outside the timing."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import pytest

from studyapp.services import AppContext, documents

from .conftest import SEED, synthetic_document

pytestmark = pytest.mark.perf


def test_seed_import_and_outline_warm(tmp_path, report):
    ctx = AppContext(tmp_path / "data")
    try:
        def once() -> int:
            result = documents.import_file(ctx, SEED)
            view = documents.get_document(ctx, result.document_id)
            assert len(view.sections) == 17
            return result.document_id

        t = _timed_imports(ctx, once, repeat=15)
        report(f"seed import + outline (warm, SQLite): {t * 1000:.1f} ms (target ≤ 50 ms)")
        assert t < 0.05
    finally:
        ctx.close()


def test_one_megabyte_import(tmp_path, report):
    path = tmp_path / "big.txt"
    path.write_text(synthetic_document(1.0), encoding="utf-8")
    ctx = AppContext(tmp_path / "data")
    try:
        t = _timed_imports(ctx, lambda: documents.import_file(ctx, path).document_id, repeat=3)
        report(f"1 MB import with storing: {t:.2f} s (target ≤ 2 s)")
        assert t < 2.0
    finally:
        ctx.close()


def _timed_imports(ctx: AppContext, once: Callable[[], int], repeat: int) -> float:
    """Median wall time of `once` (an import returning the document's id), after a warm-up;
    each import is deleted again before the next one, untimed."""
    documents.delete_document(ctx, once())
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        document_id = once()
        times.append(time.perf_counter() - t)
        documents.delete_document(ctx, document_id)
    return statistics.median(times)

