"""The reader's operations: the document and the reader's settings read before drawing, a reading
mark and a note stored on the worker and announced to the document's windows, a note read back,
find, and where the reader is remembered."""

from __future__ import annotations

from studyapp.services import reading
from studyapp.ui.ops import hub
from studyapp.ui.reader import ops


def _section(ctx, document_id: int, label: str) -> int:
    return next(s.id for s in ops.document_now(ctx, document_id).sections if s.label == label)


def test_the_document_and_the_settings_before_anything_is_drawn(seeded_ctx, seed_id) -> None:
    view = ops.document_now(seeded_ctx, seed_id)
    assert view.title.startswith("中共遵义市委") and [s.label for s in view.sections if s.depth == 0][:2] == ["一、", "二、"]
    assert ops.setting_now(seeded_ctx, "reader.font_size") == 20


def test_a_mark_and_a_note_are_stored_and_announced(window, seeded_ctx, seed_id, qtbot, settle) -> None:
    sid = _section(seeded_ctx, seed_id, "3.")
    # (the window may announce its own settings meanwhile: wait for the reading's announcement)
    with qtbot.waitSignal(hub().changed, check_params_cb=lambda ch, *_: ch.touches("reading", seed_id)):
        ops.mark_read(window, sid, seed_id).run()
    settle()
    assert sid in reading.read_section_ids(seeded_ctx, seed_id)
    with qtbot.waitSignal(hub().changed, check_params_cb=lambda ch, *_: ch.touches("reading", seed_id)):
        ops.save_note(window, sid, "要点：重大决策的法定程序。", seed_id).run()
    settle()
    got: list = []
    ops.note(window, sid, got.append).run()
    settle()
    assert [(n.text, n.version) for n in got] == [("要点：重大决策的法定程序。", 1)]


def test_find_and_remember(window, seeded_ctx, seed_id, settle) -> None:
    hits: list = []
    ops.search(window, seed_id, "法治", 5, hits.append).run()
    settle()
    [found] = hits
    assert 0 < len(found) <= 5
    ops.remember(window, "reader.font_size", 24).run()
    settle()
    assert ops.setting_now(seeded_ctx, "reader.font_size") == 24
