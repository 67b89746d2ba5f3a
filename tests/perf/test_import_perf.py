"""Storing a document: the seed imported and its outline read back, warm (target ≤ 50 ms)."""

from __future__ import annotations

import pytest

from studyapp.services import AppContext, documents

from .conftest import SEED, best_of, synthetic_document

pytestmark = pytest.mark.perf


def test_seed_import_and_outline_warm(tmp_path, report):
    ctx = AppContext(tmp_path / "data")
    try:
        def once() -> None:
            result = documents.import_file(ctx, SEED)
            view = documents.get_document(ctx, result.document_id)
            assert len(view.sections) == 17

        t = best_of(once, repeat=15)
        report(f"seed import + outline (warm, SQLite): {t * 1000:.1f} ms (target ≤ 50 ms)")
        assert t < 0.05
    finally:
        ctx.close()


def test_one_megabyte_import(tmp_path, report):
    path = tmp_path / "big.txt"
    path.write_text(synthetic_document(1.0), encoding="utf-8")
    ctx = AppContext(tmp_path / "data")
    try:
        t = best_of(lambda: documents.import_file(ctx, path), repeat=3)
        report(f"1 MB import with storing: {t:.2f} s (target ≤ 2 s)")
        assert t < 2.0
    finally:
        ctx.close()
