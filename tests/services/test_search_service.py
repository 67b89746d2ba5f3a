"""查找: case- and width-insensitive, offsets into the original text, reading order."""

from __future__ import annotations

from studyapp.services import documents
from studyapp.services.context import AppContext
from studyapp.services.dto import SectionView


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
