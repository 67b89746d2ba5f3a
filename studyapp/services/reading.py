"""Reading marks, notes and progress."""

from __future__ import annotations

from studyapp.services.context import AppContext


def mark_read(ctx: AppContext, section_id: int) -> None:
    """Mark a section read (idempotent)."""
    raise NotImplementedError


def read_section_ids(ctx: AppContext, document_id: int) -> set[int]:
    raise NotImplementedError


def get_note(ctx: AppContext, section_id: int) -> str:
    raise NotImplementedError


def save_note(ctx: AppContext, section_id: int, text: str) -> None:
    """Save (or, for blank text, delete) the personal note of a section."""
    raise NotImplementedError
