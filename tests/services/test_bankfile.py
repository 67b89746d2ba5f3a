"""Bank files (questions/*.yaml): readable, stable, round-trip without loss, checked on import."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp import paths
from studyapp.core.model import UserError
from studyapp.services import bank, bankfile
from studyapp.services.context import AppContext
from studyapp.services.dto import QuestionDraft


def _reviewed_bank(ctx: AppContext, doc: int) -> None:
    views = bank.list_questions(ctx, doc)
    judge = next(v for v in views if v.type == "judge")  # edited, neither approved nor retired
    rest = [v for v in views if v.id != judge.id]
    bank.approve(ctx, [v.id for v in rest[:5]])
    bank.retire(ctx, rest[5].id)
    bank.update_question(ctx, judge.id, QuestionDraft(
        type="judge", stem=judge.stem, answer=judge.answer, explanation="改写的解析：见原文。",
        quote=judge.quote, tags=[*judge.tags, "要求"], difficulty=3,
    ))
    bank.add_manual_question(ctx, doc, QuestionDraft(
        type="multiple", stem="下列说法中，哪些体现了“依法治市”的要求？",
        options=["科学立法", "严格执法", "公正司法", "以言代法"], answer=[0, 1, 2],
        explanation="见原文。", tags=["要求"], difficulty=1,
    ))


def test_export_is_readable_yaml(banked) -> None:
    ctx, doc = banked
    text = bankfile.export_bank(ctx, doc)
    assert text.startswith("# 题库文件")
    assert "document: 中共遵义市委关于全面推进依法治市的实施意见" in text  # Chinese unescaped
    assert "\\u" not in text
    blocks = text.split("\n\n- id: ")
    assert len(blocks) - 1 == len(bank.list_questions(ctx, doc))  # one block per question
    first = blocks[1].splitlines()
    keys = [line.split(":")[0].strip() for line in first[1:] if not line.startswith("  -")]
    assert keys[:5] == ["type", "status", "origin", "section", "stem"]
    assert "answer: " in blocks[1]


def test_yaml_round_trip_without_loss(law_banked, fresh_law) -> None:
    ctx, doc = law_banked
    _reviewed_bank(ctx, doc)
    text = bankfile.export_bank(ctx, doc)
    other, other_doc = fresh_law
    report = bankfile.import_bank(other, other_doc, text)
    assert report.ok and report.added == len(bank.list_questions(ctx, doc))
    assert bankfile.export_bank(other, other_doc) == text

    def content(c: AppContext, d: int) -> list[tuple]:
        return [(v.to_json(), v.section_heading) for v in bank.list_questions(c, d)]

    assert content(other, other_doc) == content(ctx, doc)
    again = bankfile.import_bank(ctx, doc, text)  # the same file again: nothing to do
    assert (again.added, again.updated, again.unchanged) == (0, 0, len(content(ctx, doc)))


def test_export_is_stable(banked) -> None:
    ctx, doc = banked
    assert bankfile.export_bank(ctx, doc) == bankfile.export_bank(ctx, doc)


def test_import_carries_review_state_matched_by_id(banked) -> None:
    ctx, doc = banked
    text = bankfile.export_bank(ctx, doc)
    first = bank.list_questions(ctx, doc)[0]
    edited = text.replace(f"- id: {first.uid}\n  type: {first.type}\n  status: draft",
                          f"- id: {first.uid}\n  type: {first.type}\n  status: approved", 1)
    assert edited != text
    report = bankfile.import_bank(ctx, doc, edited)
    assert (report.added, report.updated) == (0, 1)
    assert bank.get_question(ctx, first.id).status == "approved"


def test_import_errors_are_listed_per_question_and_nothing_is_stored(law_banked, fresh_law) -> None:
    ctx, doc = law_banked
    views = bank.list_questions(ctx, doc)
    single = next(v for v in views if v.type == "single")
    text = bankfile.export_bank(ctx, doc)
    block_start = text.index(f"- id: {single.uid}")
    answer_at = text.index("  answer: ", block_start)
    end = text.index("\n", answer_at)
    broken = text[:answer_at] + "  answer: F" + text[end:]
    broken = broken.replace("\n  status: draft", "\n  status: published", 1)
    other, other_doc = fresh_law
    report = bankfile.import_bank(other, other_doc, broken)
    assert not report.ok and report.added == 0
    assert any("超出了选项范围" in e and "第" in e and "行" in e for e in report.errors)
    assert any("状态“published”无效" in e for e in report.errors)
    assert bank.list_questions(other, other_doc) == []


@pytest.mark.parametrize("text", ["questions: [\n  - id: x", "- 1\n- 2\n", "a: b\n"])
def test_not_a_bank_file_is_refused_in_chinese(fresh_seed, text: str) -> None:
    ctx, doc = fresh_seed
    with pytest.raises(UserError) as info:
        bankfile.import_bank(ctx, doc, text)
    assert "题库文件" in info.value.message


def test_unknown_sections_come_in_unattached(fresh_seed) -> None:
    ctx, doc = fresh_seed
    text = (
        "format: studyapp-bank 1\nquestions:\n"
        "- type: judge\n  section: [九、]\n  stem: 判断正误：依法治市是一项系统工程。\n"
        "  answer: 对\n  tags: [要求]\n"
    )
    report = bankfile.import_bank(ctx, doc, text)
    assert report.added == 1 and report.warnings
    [q] = bank.list_questions(ctx, doc)
    assert q.section_id is None and q.answer is True and q.origin == "imported"
    assert q.uid  # made from the content when the file gives none


def test_load_bundled_bank_without_a_file_is_fine(
    fresh_seed, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ctx, doc = fresh_seed
    monkeypatch.setattr(paths, "questions_dir", lambda: tmp_path / "none")
    assert bankfile.load_bundled_bank(ctx, doc) is None
    assert bank.list_questions(ctx, doc) == []


def test_load_bundled_bank_reads_questions_dir(
    banked, fresh_seed, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ctx, doc = banked
    (tmp_path / "zunyi-yifazhishi-2014.yaml").write_text(bankfile.export_bank(ctx, doc), "utf-8")
    monkeypatch.setattr(paths, "questions_dir", lambda: tmp_path)
    other, other_doc = fresh_seed
    report = bankfile.load_bundled_bank(other, other_doc)
    assert report is not None and report.added == len(bank.list_questions(ctx, doc))


def test_shipped_bank_of_the_seed_matches_the_document(
    seeded_ctx: AppContext, seed_id: int
) -> None:
    """questions/zunyi-yifazhishi-2014.yaml loads cleanly and every quote is in the seed."""
    path = paths.bundled_bank_path("zunyi-yifazhishi-2014.txt")
    if not path.is_file():
        pytest.skip("no bundled bank file yet")
    _title, items, errors = bankfile.read_bank(path.read_text(encoding="utf-8"))
    assert errors == [] and len(items) >= 60
    views = bank.list_questions(seeded_ctx, seed_id)  # ensure_seed loaded it
    assert len(views) == len(items)
    assert all(v.section_id is not None for v in views)
    for v in views:
        assert bank.quote_location(seeded_ctx, v.id) is not None, v.quote


def test_an_empty_bank_file_is_not_a_success() -> None:
    from studyapp.services.bankfile import read_bank

    for text in ("", "document: 实施意见\nquestions: []\n"):
        with pytest.raises(UserError, match="空的|没有试题"):
            read_bank(text)
