"""Issue 11: hostile text never becomes a live formula in an exported sheet, and control
characters are refused at the door (and can never crash an export)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from studyapp.core.model import UserError
from studyapp.reports.forms.data import ScoreRow, ScoreSheetData, SigninData, SigninRow
from studyapp.reports.forms.excel import score_sheet_xlsx, signin_sheet_xlsx

HOSTILE = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","点我")', "@SUM(1)", "+1+1", "-2+3",
           "\t=1+1", "\r=1", "王\x07伟", "李\x1b红梅", "丁\x00一"]


def cells(data: bytes):
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    yield c


def test_no_exported_cell_is_a_formula_and_nothing_crashes() -> None:
    signin = SigninData(unit="=HYPERLINK(\"x\")", meeting="@SUM(1)集中学习", place="+1",
                        rows=[SigninRow(h, h, h, h) for h in HOSTILE])
    scores = ScoreSheetData(unit="=1+1", subject="-1+2", rows=[ScoreRow(h, h, 80.0, h) for h in HOSTILE])
    archived = SigninData(unit="", meeting="", archived=True, rows=[SigninRow("=A1", "", "", "=B2")])
    for data, expected in ((signin_sheet_xlsx(signin), "=cmd|' /C calc'!A0"), (signin_sheet_xlsx(archived), "=B2"),
                           (score_sheet_xlsx(scores), "=cmd|' /C calc'!A0")):
        found = list(cells(data))
        assert not [c.coordinate for c in found if c.data_type == "f"]
        texts = [str(c.value) for c in found]
        assert expected in texts  # kept, as text
        assert not any("\x07" in t or "\x1b" in t or "\x00" in t for t in texts)  # dropped, no crash
    assert "王伟" in [str(c.value) for c in cells(signin_sheet_xlsx(signin))]


def test_bank_export_keeps_formula_like_text_as_text(seeded_ctx, tmp_path) -> None:
    from studyapp.services import bank, exchange
    from studyapp.services.dto import QuestionDraft

    [doc] = __import__("studyapp.services.documents", fromlist=["x"]).list_documents(seeded_ctx)
    first = bank.list_questions(seeded_ctx, doc.id)[0]
    view = bank.get_question(seeded_ctx, first.id)
    draft = QuestionDraft(type=view.type, stem="=HYPERLINK(\"http://x\")" + view.stem, options=tuple(view.options),
                          answer=view.answer, explanation="@SUM(1)", quote=view.quote, tags=tuple(view.tags),
                          difficulty=view.difficulty, section_id=None)
    bank.update_question(seeded_ctx, first.id, draft)
    out = tmp_path / "题库.xlsx"
    exchange.export_excel(seeded_ctx, doc.id, out)
    found = list(cells(out.read_bytes()))
    assert not [c.coordinate for c in found if c.data_type == "f"]
    assert any(str(c.value).startswith("=HYPERLINK") for c in found)


@pytest.mark.parametrize("field", ["name", "unit", "post", "note"])
def test_control_characters_are_refused_at_the_roster(ctx, field: str) -> None:
    from studyapp.services import roster
    from studyapp.services.dto_records import PersonDraft

    values = {"name": "王伟", "unit": "乡党委", "post": "", "note": ""}
    values[field] += "\x07"
    with pytest.raises(UserError, match="控制字符"):
        roster.add_person(ctx, PersonDraft(**values))
    assert roster.list_people(ctx) == []


def test_control_characters_in_a_roster_file_name_the_line(ctx, tmp_path) -> None:
    from studyapp.services import roster

    path = tmp_path / "名册.csv"
    path.write_text("姓名,单位\n王德伦,乡党委\n李\x1b红梅,乡党委\n", encoding="utf-8")
    with pytest.raises(UserError, match="第 3 行"):
        roster.import_roster(ctx, path)
    assert roster.list_people(ctx) == []


def test_control_characters_are_refused_in_sessions_titles_and_questions(seeded_ctx) -> None:
    from studyapp.services import bank, documents, sessions
    from studyapp.services.dto import QuestionDraft

    [info] = sessions.list_sessions(seeded_ctx)
    draft = sessions.draft_of(sessions.get_session_detail(seeded_ctx, info.id))
    from dataclasses import replace

    with pytest.raises(UserError, match="地点"):
        sessions.update_session(seeded_ctx, info.id, replace(draft, place="会议室\x07"))
    [doc] = documents.list_documents(seeded_ctx)
    with pytest.raises(UserError, match="文件标题"):
        documents.rename_document(seeded_ctx, doc.id, "实施意见\x00")
    q = bank.list_questions(seeded_ctx, doc.id)[0]
    v = bank.get_question(seeded_ctx, q.id)
    with pytest.raises(UserError, match="题干"):
        bank.update_question(seeded_ctx, q.id, QuestionDraft(
            type=v.type, stem=v.stem + "\x1b", options=tuple(v.options), answer=v.answer,
            explanation=v.explanation, quote=v.quote, tags=tuple(v.tags), difficulty=v.difficulty))
