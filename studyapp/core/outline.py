"""Parse the text of a Chinese official document into its numbered structure."""

from __future__ import annotations

from studyapp.core.model import ParsedDocument


def parse_text(text: str, *, progress=None, cancel=None) -> ParsedDocument:
    """Title, adoption note, study header (meta), preamble and nested sections.

    progress(done_chars, total_chars, message) is called now and then; cancel.cancelled is polled
    and raises core.model.Cancelled. An empty/blank text raises DocumentError.
    """
    raise NotImplementedError
