"""The plain records of documents and the bank: what a section's heading shows, the Chinese
names of a question's type, status and origin, a question as the CLI's JSON contract, and the
totals the 题库 and the generator report."""

from __future__ import annotations

import dataclasses
import json

import pytest

from studyapp.services.dto import (
    BankCounts,
    BankImportReport,
    GenerateResult,
    QuestionView,
    SectionView,
)


def _question(**kw) -> QuestionView:
    fields = dict(id=7, uid="q-7", document_id=1, section_id=3, section_ordinal=2, section_heading="1.指导思想",
                  section_path=("一、", "1."), type="multiple", stem="依法治市要坚持____。",
                  options=("党的领导", "人民主体", "法律面前人人平等", "以上都不对"), answer=(0, 1, 2),
                  explanation="", quote="坚持党的领导、人民主体地位、法律面前人人平等。", tags=("依法治市",),
                  difficulty=2, origin="edited", status="approved", created_at="2026-01-01T08:00:00",
                  updated_at="2026-01-02T08:00:00", reviewed_at=None)
    fields.update(kw)
    return QuestionView(**fields)  # type: ignore[arg-type]  # (the test's keyword table)


def test_a_section_heading_is_its_label_and_title_or_the_start_of_its_text() -> None:
    titled = SectionView(1, None, 0, 0, "一、", "全面推进依法治市的总体要求", "……", "part", ("一、",))
    assert titled.heading.startswith("一、") and "全面推进依法治市的总体要求" in titled.heading
    untitled = SectionView(2, 1, 1, 1, "1.", "", "健全依法决策机制，把公众参与作为重大决策的法定程序。",
                           "item", ("一、", "1."))
    assert untitled.heading.startswith("1.") and "健全依法决策机制" in untitled.heading


def test_a_question_speaks_chinese_and_keeps_the_json_contract() -> None:
    q = _question()
    assert (q.type_name, q.status_name, q.origin_name) == ("多选题", "已审核", "修改")
    data = q.to_json()
    assert data == {
        "id": "q-7", "type": "multiple", "stem": "依法治市要坚持____。",
        "options": ["党的领导", "人民主体", "法律面前人人平等", "以上都不对"], "answer": [0, 1, 2],
        "explanation": "", "source": {"section": ["一、", "1."], "quote": "坚持党的领导、人民主体地位、法律面前人人平等。"},
        "tags": ["依法治市"], "difficulty": 2, "origin": "edited", "status": "approved",
    }
    json.dumps(data)  # plain JSON: no tuples or ORM objects left in it
    assert _question(type="judge", answer=True, options=()).to_json()["answer"] is True
    assert _question(status="retired", origin="manual").status_name == "已停用"


def test_totals_of_the_bank_and_of_a_generation() -> None:
    assert BankCounts(draft=3, approved=5, retired=1).total == 9
    assert GenerateResult(1, 10, 4, 3, 2, 1, dropped={"no_source": 2, "ambiguous": 3}).dropped_total == 5
    assert GenerateResult(1, 0, 0, 0, 0, 0).dropped_total == 0
    assert BankImportReport(added=2).ok
    assert not BankImportReport(errors=("第 5 行：答案“E”超出了选项范围",)).ok


def test_the_records_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        _question().stem = "改过的题干"  # type: ignore[misc]  # (what the test shows cannot happen)
