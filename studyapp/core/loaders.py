"""Turn a file (txt in any common Chinese encoding, docx, pdf) or pasted text into plain text."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.model import LoadedText

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def load_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedText:
    """Read and decode a document file. Bad input raises DocumentError with a Chinese message."""
    raise NotImplementedError


def load_pasted(text: str) -> LoadedText:
    """Clean text pasted from a web page (nbsp, zero-width chars, CRLF, runs of blank lines)."""
    raise NotImplementedError
