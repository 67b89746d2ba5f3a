"""Helpers for the form tests: extract a PDF's text per page the way a reader would search it.

`pdftotext -layout` (poppler-utils, installed by scripts/setup.sh) keeps each table row on one
line, so a row's cells can be checked together; pdfminer.six is used where order doesn't matter.
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest


def pdf_pages(pdf: bytes) -> list[str]:
    """Text of each page, rows kept in reading order, all whitespace removed."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"],
        input=pdf, capture_output=True, check=True,
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return ["".join(p.split()) for p in pages]


def pdfminer_text(pdf: bytes) -> str:
    """All text through pdfminer.six (a second, independent extractor)."""
    from pdfminer.high_level import extract_text

    return "".join(extract_text(io.BytesIO(pdf)).split())
