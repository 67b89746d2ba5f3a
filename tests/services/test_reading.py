"""Read marks and personal notes per section."""

from __future__ import annotations

import pytest

from studyapp.services import documents, reading
from studyapp.services.context import AppContext, NotFoundError


def test_mark_read_is_idempotent_and_shows_in_progress(seeded_ctx: AppContext, seed_id: int) -> None:
    sections = documents.get_document(seeded_ctx, seed_id).sections
    a, b = sections[0].id, sections[1].id
    reading.mark_read(seeded_ctx, a)
    reading.mark_read(seeded_ctx, a)
    reading.mark_read(seeded_ctx, b)
    assert reading.read_section_ids(seeded_ctx, seed_id) == {a, b}
    [info] = documents.list_documents(seeded_ctx)
    assert info.read_count == 2 and info.progress == pytest.approx(2 / 17)
    view = documents.get_document(seeded_ctx, seed_id)
    assert [s.is_read for s in view.sections[:3]] == [True, True, False]

    reading.unmark_read(seeded_ctx, b)
    assert reading.read_section_ids(seeded_ctx, seed_id) == {a}


def test_marks_of_a_person_are_kept_apart(seeded_ctx: AppContext, seed_id: int) -> None:
    first = documents.get_document(seeded_ctx, seed_id).sections[0].id
    reading.mark_read(seeded_ctx, first, person_id=7)
    assert reading.read_section_ids(seeded_ctx, seed_id) == set()
    assert reading.read_section_ids(seeded_ctx, seed_id, person_id=7) == {first}


def test_notes_are_saved_updated_and_removed_when_blank(seeded_ctx: AppContext, seed_id: int) -> None:
    section = documents.get_document(seeded_ctx, seed_id).sections[2].id
    assert reading.get_note(seeded_ctx, section) == ""
    reading.save_note(seeded_ctx, section, "三个基本原则要背下来")
    reading.save_note(seeded_ctx, section, "基本原则：\n坚持党的领导")
    assert reading.get_note(seeded_ctx, section) == "基本原则：\n坚持党的领导"
    assert documents.get_document(seeded_ctx, seed_id).sections[2].has_note
    reading.save_note(seeded_ctx, section, "  \n ")
    assert reading.get_note(seeded_ctx, section) == ""
    assert not documents.get_document(seeded_ctx, seed_id).sections[2].has_note


def test_unknown_section_is_reported(ctx: AppContext) -> None:
    with pytest.raises(NotFoundError):
        reading.mark_read(ctx, 12345)
    with pytest.raises(NotFoundError):
        reading.save_note(ctx, 12345, "x")


def test_a_note_another_pc_saved_since_it_was_read_is_not_overwritten(seeded_ctx: AppContext, seed_id: int) -> None:
    """Two PCs on one set of records (two contexts on one data folder): a note saved from a copy
    read before the other PC's save is refused (nothing written), while this program's own saves
    in a row — several in flight as the reader types — all name the version it read."""
    from studyapp.services.context import EditConflict

    section = documents.get_document(seeded_ctx, seed_id).sections[2].id
    read = reading.read_note(seeded_ctx, section)
    assert (read.text, read.version) == ("", 0)
    assert reading.save_note(seeded_ctx, section, "重点", expected_version=0) == 1
    assert reading.save_note(seeded_ctx, section, "重点：三个原则", expected_version=0) == 2  # (its own: no conflict)
    other = AppContext(seeded_ctx.data_dir)
    try:
        theirs = reading.read_note(other, section)
        assert (theirs.text, theirs.version) == ("重点：三个原则", 2)
        assert reading.save_note(other, section, "重点：三个原则（王德伦补充）", expected_version=2) == 3
        with pytest.raises(EditConflict) as info:
            reading.save_note(seeded_ctx, section, "重点：三个原则和五项措施", expected_version=0)
        assert "已被别人" in info.value.message and "笔记" in info.value.message
        assert reading.get_note(seeded_ctx, section) == "重点：三个原则（王德伦补充）"
        # emptied on one PC, the other's stale copy is still caught (the row and its version stay)
        assert reading.save_note(other, section, " ", expected_version=3) == 4
        assert not documents.get_document(seeded_ctx, seed_id).sections[2].has_note
        with pytest.raises(EditConflict):
            reading.save_note(seeded_ctx, section, "重点", expected_version=3)
        # having been asked, the user may put theirs over it; the other PC's next save is then asked
        assert reading.save_note(seeded_ctx, section, "重点：三个原则和五项措施") == 5
        with pytest.raises(EditConflict):
            reading.save_note(other, section, "重点", expected_version=4)
        assert reading.read_note(other, section) == reading.read_note(seeded_ctx, section)
    finally:
        other.close()
