"""The 文件库's operations: pasted text imported on the worker and announced with its document,
the list with its figures, a rename announced to the reader too, a deletion announced to the bank
and the reader, and the document the reader falls back to."""

from __future__ import annotations

from studyapp.core.model import UserError
from studyapp.services import documents
from studyapp.ui.library import ops
from studyapp.ui.ops import hub

TEXT = "关于读书的通知\n一、总体要求\n1. 每周读书一次。\n2. 每月交流一次。\n"


def _run(op, settle) -> list:  # noqa: ANN001
    got: list = []
    op.success(got.append).run()
    settle()
    return got


def test_pasted_text_is_imported_listed_renamed_and_deleted(window, seeded_ctx, seed_id, qtbot, settle) -> None:
    # (the window may announce its own settings meanwhile: wait for the documents' announcement)
    with qtbot.waitSignal(hub().changed, check_params_cb=lambda ch, *_: ch.touches("documents")):
        [result] = _run(ops.import_text(window, TEXT), settle)
    doc = result.document_id
    assert result.title == "关于读书的通知"
    [listed] = _run(ops.document_list(window, lambda _rows: None), settle)
    assert {d.id for d in listed} == {seed_id, doc}

    with qtbot.waitSignal(hub().changed,
                          check_params_cb=lambda ch, *_: ch.touches("documents", doc) and ch.touches("reading", doc)):
        _run(ops.rename_document(window, doc, "读书通知（修订）"), settle)
    assert documents.get_document(seeded_ctx, doc).title == "读书通知（修订）"

    failed: list[BaseException] = []
    ops.rename_document(window, doc, "  ").failure(failed.append).run()
    settle()
    assert isinstance(failed[0], UserError) and documents.get_document(seeded_ctx, doc).title == "读书通知（修订）"

    with qtbot.waitSignal(hub().changed, check_params_cb=lambda ch, *_: ch.touches("bank", doc) and ch.touches("reading", doc)):
        _run(ops.delete_document(window, doc), settle)
    assert [d.id for d in documents.list_documents(seeded_ctx)] == [seed_id]
    assert ops.first_document_now(seeded_ctx) == seed_id


def test_a_file_is_imported_with_its_name_in_the_progress(window, seeded_ctx, tmp_path, settle) -> None:
    path = tmp_path / "读书通知.txt"
    path.write_text(TEXT, encoding="utf-8")
    [result] = _run(ops.import_file(window, path), settle)
    assert result.section_count >= 3 and documents.get_document(seeded_ctx, result.document_id).title == "关于读书的通知"


def test_no_document_left_means_none_to_fall_back_to(ctx) -> None:
    assert ops.first_document_now(ctx) is None
