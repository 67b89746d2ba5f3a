"""Import, list, view, rename and delete documents; nothing is stored when import fails."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from studyapp.core.model import Cancelled, UserError
from studyapp.db.engine import DB_FILENAME
from studyapp.services import documents, reading, sessions, settings
from studyapp.services.context import AppContext, NotFoundError, StorageError
from studyapp.services.dto import CancelToken, SectionView

SHARED_DOCS = Path(__file__).resolve().parents[1] / "data" / "documents"


def _counts(ctx: AppContext) -> tuple[int, int, int]:
    with ctx.engine.connect() as conn:
        return tuple(
            conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
            for t in ("document", "section", "study_session")
        )  # type: ignore[return-value]


def test_seed_is_imported_with_its_structure_and_session(seeded_ctx: AppContext, seed_id: int) -> None:
    [info] = documents.list_documents(seeded_ctx)
    assert info.title == "中共遵义市委关于全面推进依法治市的实施意见"
    assert info.adopted_on == "2014-11-12"
    assert info.section_count == 17 and info.read_count == 0 and info.progress == 0.0
    assert info.source_name == "zunyi-yifazhishi-2014.txt"

    view = documents.get_document(seeded_ctx, seed_id)
    top = [s for s in view.sections if s.parent_id is None]
    items = [s for s in view.sections if s.depth == 1]
    assert [s.label for s in top] == ["一、", "二、", "三、", "四、"]
    assert [s.label for s in items] == [f"{n}." for n in range(1, 14)]
    assert items[0].title == "指导思想" and items[0].path == ("一、", "1.")
    assert items[-1].title == "优化司法职权配置" and items[-1].path == ("四、", "13.")
    assert [s.ordinal for s in view.sections] == list(range(17))
    assert view.truncated
    assert view.meta["领学人"] == "王德伦"

    [study] = sessions.list_sessions(seeded_ctx)
    assert (study.date, study.mode, study.place, study.leader) == (
        "2015-04-15", "集中学习", "乡政府二楼会议室", "王德伦",
    )
    assert study.document_id == seed_id


def test_seed_is_imported_on_first_start_only(ctx: AppContext) -> None:
    seed = documents.ensure_seed(ctx)
    assert seed is not None
    assert documents.ensure_seed(ctx) is None
    documents.delete_document(ctx, seed)
    assert documents.ensure_seed(ctx) is None  # a deleted seed stays deleted
    assert documents.list_documents(ctx) == []


@pytest.mark.parametrize(
    "name, title, top",
    [
        ("dangnei-zhengzhi-shenghuo-2016.txt", "关于新形势下党内政治生活的若干准则", 12),
        ("jiancha-fa-2018.txt", "中华人民共和国监察法", 9),
    ],
)
def test_other_documents_import(ctx: AppContext, name: str, title: str, top: int) -> None:
    path = SHARED_DOCS / name
    if not path.exists():
        pytest.skip("shared documents not available")
    result = documents.import_file(ctx, path)
    assert result.title == title and result.session_id is None
    view = documents.get_document(ctx, result.document_id)
    assert len([s for s in view.sections if s.depth == 0]) == top
    assert len(view.sections) == result.section_count
    parents = {s.id for s in view.sections}
    assert all(s.parent_id is None or s.parent_id in parents for s in view.sections)


def test_import_reports_progress_and_stores_the_original_text(ctx: AppContext, seed_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    result = documents.import_file(ctx, seed_path, progress=lambda *a: calls.append(a))
    assert calls and any("保存" in msg for _, _, msg in calls)
    assert calls[0][2].startswith("正在读取") and seed_path.name in calls[0][2]
    with ctx.engine.connect() as conn:
        raw = conn.execute(sql("SELECT raw_text FROM document WHERE id = :id"), {"id": result.document_id}).scalar()
    assert raw == seed_path.read_text(encoding="utf-8").replace("\r\n", "\n").lstrip("\ufeff")


def test_import_text_makes_a_session_from_a_full_header(ctx: AppContext) -> None:
    text = (
        "关于加强学习的通知\n学习时间：2015年4月15日上午9:00-11:30\n学习方式：集中学习\n"
        "学习地点：三楼会议室\n主持人：张三\n领学人：李四\n记录人：王五\n参加人员：张三、李四、王五\n"
        "一、总体要求\n要认真学习。\n二、具体安排\n按计划进行。"
    )
    result = documents.import_text(ctx, text)
    assert result.section_count == 2
    info = sessions.get_session(ctx, result.session_id)
    assert (info.date, info.host, info.leader, info.recorder, info.participants) == (
        "2015-04-15", "张三", "李四", "王五", "张三、李四、王五",
    )
    with ctx.engine.connect() as conn:
        row = conn.execute(sql("SELECT start_time, end_time, content FROM study_session WHERE id = :id"),
                           {"id": info.id}).one()
    assert tuple(row) == ("09:00", "11:30", "《关于加强学习的通知》")
    [doc] = documents.list_documents(ctx)
    assert doc.source_name == "粘贴导入"


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n\n  ", b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 20],
    ids=["empty", "blank", "binary"],
)
def test_bad_files_store_nothing(ctx: AppContext, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(UserError) as info:
        documents.import_file(ctx, bad)
    assert info.value.message and not info.value.message.isascii()
    assert _counts(ctx) == (0, 0, 0)


def test_missing_file_and_folder_are_refused(ctx: AppContext, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="找不到文件"):
        documents.import_file(ctx, tmp_path / "nope.txt")
    with pytest.raises(UserError, match="文件夹"):
        documents.import_file(ctx, tmp_path)


def test_too_big_file_is_refused_by_the_setting(ctx: AppContext, tmp_path: Path) -> None:
    settings.set_setting(ctx, "import.max_megabytes", 1)
    big = tmp_path / "big.txt"
    big.write_text("一、总则\n" + "依法治市。" * 250_000, encoding="utf-8")  # > 1 MB
    with pytest.raises(UserError):
        documents.import_file(ctx, big)
    assert _counts(ctx) == (0, 0, 0)


def test_cancelled_import_stores_nothing(ctx: AppContext, seed_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        documents.import_file(ctx, seed_path, cancel=token)
    assert _counts(ctx) == (0, 0, 0)


def test_rename(seeded_ctx: AppContext, seed_id: int) -> None:
    documents.rename_document(seeded_ctx, seed_id, "  遵义依法治市实施意见 ")
    assert documents.get_document(seeded_ctx, seed_id).title == "遵义依法治市实施意见"
    with pytest.raises(UserError, match="不能为空"):
        documents.rename_document(seeded_ctx, seed_id, " \u3000 ")
    with pytest.raises(NotFoundError):
        documents.rename_document(seeded_ctx, 9999, "x")


def test_delete_cascades_but_keeps_the_session_record(seeded_ctx: AppContext, seed_id: int) -> None:
    first = documents.get_document(seeded_ctx, seed_id).sections[0].id
    reading.mark_read(seeded_ctx, first)
    reading.save_note(seeded_ctx, first, "重点")
    settings.set_setting(seeded_ctx, "reader.last_document", seed_id)
    documents.delete_document(seeded_ctx, seed_id)

    assert documents.list_documents(seeded_ctx) == []
    with seeded_ctx.engine.connect() as conn:
        for table in ("section", "read_mark", "section_note"):
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 0
    [study] = sessions.list_sessions(seeded_ctx)
    assert study.document_id is None and study.leader == "王德伦"
    assert settings.get_setting(seeded_ctx, "reader.last_document") == 0
    with pytest.raises(NotFoundError):
        documents.get_document(seeded_ctx, seed_id)
    with pytest.raises(NotFoundError):
        documents.delete_document(seeded_ctx, seed_id)


def test_list_shows_newest_first_with_progress(seeded_ctx: AppContext, seed_id: int) -> None:
    other = documents.import_text(seeded_ctx, "第二个文件\n一、甲\n内容。\n二、乙\n内容。")
    sections = documents.get_document(seeded_ctx, other.document_id).sections
    reading.mark_read(seeded_ctx, sections[0].id)
    infos = documents.list_documents(seeded_ctx)
    assert [i.id for i in infos] == [other.document_id, seed_id]
    assert infos[0].read_count == 1 and infos[0].progress == pytest.approx(0.5)


@pytest.mark.sqlite_only  # (locks the SQLite file with sqlite3)
def test_locked_database_gives_a_chinese_message(
    template_db: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import studyapp.db.engine as engine_module

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    shutil.copyfile(template_db, data_dir / DB_FILENAME)
    ctx = AppContext(data_dir)
    try:
        other = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(StorageError) as info:
                documents.import_text(ctx, "标题\n一、甲\n内容。")
            assert "占用" in info.value.message
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert documents.list_documents(ctx) == []
    finally:
        ctx.close()


def test_a_file_that_is_not_a_database_is_refused(data_dir: Path) -> None:
    (data_dir / DB_FILENAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError) as info:
        AppContext(data_dir)
    assert "损坏" in info.value.message


def test_the_same_text_is_not_imported_twice(ctx, seed_path, tmp_path) -> None:  # noqa: ANN001
    """Issue 10: the seed imported four times gave four documents and four study sessions.
    The same words in another encoding, width of punctuation or line breaks are the same text."""
    import pytest

    from studyapp.core.model import AlreadyImported
    from studyapp.services import sessions

    first = documents.import_file(ctx, seed_path)
    text = seed_path.read_text(encoding="utf-8")
    copy = tmp_path / "副本.txt"
    copy.write_bytes(text.replace(",", "，").replace("。", "。\r\n").encode("gb18030"))
    with pytest.raises(AlreadyImported) as info:
        documents.import_file(ctx, copy)
    assert info.value.document_id == first.document_id
    assert "已在文件库中" in info.value.message and f"编号 {first.document_id}" in info.value.message
    assert len(documents.list_documents(ctx)) == 1 and len(sessions.list_sessions(ctx)) == 1
    documents.import_text(ctx, text + "\n补充一句新的内容。")  # other words: a new document
    assert len(documents.list_documents(ctx)) == 2


def _field_text(sections: dict[int, SectionView], preamble: str, hit) -> str:
    if hit.section_id is None:
        return preamble
    return getattr(sections[hit.section_id], hit.field)


def test_full_width_query_finds_half_width_text(seeded_ctx: AppContext, seed_id: int) -> None:
    view = documents.get_document(seeded_ctx, seed_id)
    by_id = {s.id: s for s in view.sections}
    # The title is written with a half-width comma: 加强宪法实施和监督,依法做好地方立法工作
    hits = documents.search(seeded_ctx, seed_id, "监督，依法")
    assert hits
    first = hits[0]
    assert first.field == "title" and by_id[first.section_id].label == "二、"
    assert first.heading == "二、加强宪法实施和监督,依法做好地方立法工作"
    for hit in hits:
        assert _field_text(by_id, view.preamble, hit)[hit.start : hit.end] == "监督,依法"


def test_hits_come_in_reading_order_with_snippets(seeded_ctx: AppContext, seed_id: int) -> None:
    view = documents.get_document(seeded_ctx, seed_id)
    order = {s.id: s.ordinal for s in view.sections}
    hits = documents.search(seeded_ctx, seed_id, "法治")
    assert len(hits) > 10
    keys = [(-1 if h.section_id is None else order[h.section_id], h.field != "title", h.start) for h in hits]
    assert keys == sorted(keys)
    assert hits[0].section_id is None and hits[0].heading == "导语"  # the preamble comes first
    assert all("法治" in h.snippet and len(h.snippet) <= 2 + 2 * 20 for h in hits)
    assert len(documents.search(seeded_ctx, seed_id, "法治", limit=3)) == 3


def test_offsets_stay_right_when_folding_changes_length(ctx: AppContext) -> None:
    text = "测试文件\n一、概述\nWTO规则和①㎏ABC以及abc。\n二、其他\n没有。"
    doc = documents.import_text(ctx, text).document_id
    body = documents.get_document(ctx, doc).sections[0].text
    assert body == "WTO规则和①㎏ABC以及abc。"

    hits = documents.search(ctx, doc, "ａｂｃ")  # full-width, lower case
    assert [body[h.start : h.end] for h in hits] == ["ABC", "abc"]
    [kg] = documents.search(ctx, doc, "KG")  # ㎏ folds to "kg": the hit is that one character
    assert body[kg.start : kg.end] == "㎏"
    [wto] = documents.search(ctx, doc, "wto")
    assert (wto.start, wto.end) == (0, 3)


def test_blank_query_or_no_match_finds_nothing(seeded_ctx: AppContext, seed_id: int) -> None:
    assert documents.search(seeded_ctx, seed_id, "") == []
    assert documents.search(seeded_ctx, seed_id, "  ") == []
    assert documents.search(seeded_ctx, seed_id, "量子计算机") == []


def test_find_all_maps_offsets() -> None:
    assert documents.find_all("Ａｂｃ abc", "ABC") == [(0, 3), (4, 7)]
    assert documents.find_all("ﬁle", "FI") == [(0, 1)]  # ligature folds to two letters
    assert documents.find_all("", "x") == [] and documents.find_all("x", "") == []


def test_an_article_is_found_by_its_number(ctx: AppContext) -> None:
    """A cadre looks an article up by its number: 第五十条, 第50条 and 50条 all find it first."""

    from pathlib import Path

    law = Path(__file__).resolve().parents[1] / "data" / "documents" / "jiancha-fa-2018.txt"
    doc_id = documents.import_file(ctx, law).document_id
    view = documents.get_document(ctx, doc_id)
    by_id = {s.id: s for s in view.sections}
    for query in ("第五十条", "第50条", "50条", "第５０条", "第五十"):
        hits = documents.search(ctx, doc_id, query)
        assert hits and by_id[hits[0].section_id].label == "第五十条", query
        first = hits[0]
        assert getattr(by_id[first.section_id], first.field)[first.start:first.end].endswith("。")
    assert all(by_id[h.section_id].label != "第五十条" or "五十" in h.snippet
               for h in documents.search(ctx, doc_id, "五十"))  # 「五十」 alone: a word, found where it is


def test_a_document_renamed_on_another_pc_is_not_renamed_again_unasked(seeded_ctx, seed_id) -> None:
    """The 文件库 read on two PCs: the second rename, made from the list read before the first,
    is refused naming the new title; renamed again from a fresh read (or told to) it goes through."""
    from studyapp.services.context import AppContext, EditConflict

    mine = documents.list_documents(seeded_ctx)[0]
    other = AppContext(seeded_ctx.data_dir)
    try:
        theirs = documents.list_documents(other)[0]
        assert mine.version == theirs.version == 1
        documents.rename_document(other, seed_id, "遵义市依法治市实施意见", expected_version=theirs.version)
        with pytest.raises(EditConflict) as info:
            documents.rename_document(seeded_ctx, seed_id, "依法治市意见", expected_version=mine.version)
        assert "《遵义市依法治市实施意见》" in info.value.message
        fresh = documents.list_documents(seeded_ctx)[0]
        assert (fresh.title, fresh.version) == ("遵义市依法治市实施意见", 2)
        documents.rename_document(seeded_ctx, seed_id, "依法治市意见")  # (asked, and told to)
        assert documents.list_documents(other)[0].title == "依法治市意见"
    finally:
        other.close()


def test_the_words_of_a_text_are_folded_line_by_line_as_a_whole_would_be() -> None:
    """text_key folds each line on its own (one call over 1 MB held the interpreter's lock ~50 ms, twice an
    import, while the window waited): the result is the whole text's, full-width and spaces alike."""
    import re
    import unicodedata

    from studyapp.services.documents import text_key

    text = "第一条　为了规范…，制定本条例。\r\n\n（一）ＡＢＣ １２３；\t\n\u3000e\u0301 末尾\n"
    assert text_key(text) == re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    assert text_key("") == "" and text_key("一、 总则\n") == text_key("一、总则")
