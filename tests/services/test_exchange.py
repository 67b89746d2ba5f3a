"""Exchange: the Excel 题库 template (round trip, row-by-row errors), GIFT and Moodle XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from studyapp.core.model import UserError
from studyapp.core.questions.model import BLANK
from studyapp.services import bank, exchange
from studyapp.services.context import AppContext
from studyapp.services.dto import QuestionDraft


def _sheet(path: Path, rows: list[list[object]], header: list[str] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header or list(exchange.COLUMNS))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _row(qtype: str, stem: str, options: list[str], answer: str, **kw: str) -> list[object]:
    opts = options + [""] * (6 - len(options))
    return [qtype, stem, *opts, answer, kw.get("解析", ""), kw.get("出处", ""), kw.get("难度", ""),
            kw.get("标签", "")]


# ------------------------------------------------------------------------------ Excel


def test_excel_has_the_template_columns(law_banked, tmp_path: Path) -> None:
    ctx, doc = law_banked
    path = tmp_path / "题库.xlsx"
    count = exchange.export_excel(ctx, doc, path)
    ws = load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == list(exchange.COLUMNS)
    assert count == len(rows) - 1 == len(bank.list_questions(ctx, doc))
    types = {r[0] for r in rows[1:]}
    assert types <= {"单选题", "多选题", "判断题", "填空题", "简答题"}
    judge = next(r for r in rows[1:] if r[0] == "判断题")
    assert judge[8] in ("正确", "错误")


def test_excel_round_trip(banked, fresh_seed, tmp_path: Path) -> None:
    ctx, doc = banked
    views = bank.list_questions(ctx, doc)
    bank.retire(ctx, views[0].id)  # retired questions stay home
    path = tmp_path / "题库.xlsx"
    exchange.export_excel(ctx, doc, path)
    other, other_doc = fresh_seed
    report = exchange.import_excel(other, other_doc, path)
    assert report.ok and report.added == len(views) - 1 and not report.warnings

    def content(c: AppContext, d: int, **kw: str) -> list[dict]:
        out = []
        for v in bank.list_questions(c, d, **kw):
            data = v.to_json()
            data.pop("origin"), data.pop("status")
            out.append(data)
        return out

    assert content(other, other_doc) == content(ctx, doc, status="draft")
    assert {v.origin for v in bank.list_questions(other, other_doc)} == {"imported"}
    again = exchange.import_excel(ctx, doc, path)  # same questions: matched, nothing new
    assert again.ok and again.added == 0 and again.unchanged == len(views) - 1


def test_reimporting_ones_own_export_does_not_duplicate_edited_questions(law_banked, tmp_path: Path) -> None:
    ctx, doc = law_banked
    q = next(v for v in bank.list_questions(ctx, doc) if v.type == "single")
    bank.update_question(ctx, q.id, QuestionDraft(
        type=q.type, stem=q.stem + "（请选择一项）", options=list(q.options), answer=q.answer,
        explanation=q.explanation, quote=q.quote, tags=list(q.tags), difficulty=q.difficulty))
    path = tmp_path / "题库.xlsx"
    exchange.export_excel(ctx, doc, path)
    report = exchange.import_excel(ctx, doc, path)
    assert report.ok and report.added == 0
    assert bank.get_question(ctx, q.id).origin == "edited"


def test_excel_rows_in_the_usual_forms(fresh_seed, tmp_path: Path) -> None:
    ctx, doc = fresh_seed
    quote = "依法执政首先要坚持依宪执政"
    rows = [
        _row("单选", "依法治市的总目标是什么？", ["甲", "乙", "丙", "丁"], "b", 难度="易"),
        _row("多选题", "下列哪些是依法治市的内容？", ["科学立法", "严格执法", "公正司法"], "A、C",
             难度="3", 标签="原则，措施"),
        _row("判断", "依法执政首先要坚持依宪执政。", [], "√", 出处=quote),
        _row("判断题", "依法治市只靠政府。", [], "×"),
        _row("填空", "（　　）首先要坚持依宪执政。", [], "依法执政", 出处=quote),
        _row("填空题", "____、____共同推进。", [], "依法执政；依法行政"),
        _row("简答", "依法治市要坚持哪些共同推进？", [], "依法治市|依法执政|依法行政"),
    ]
    report = exchange.import_excel(ctx, doc, _sheet(tmp_path / "in.xlsx", rows))
    assert report.ok, report.errors
    assert report.added == 7
    by_stem = {v.stem: v for v in bank.list_questions(ctx, doc)}
    assert by_stem["依法治市的总目标是什么？"].answer == [1]
    assert by_stem["依法治市的总目标是什么？"].difficulty == 1
    multi = by_stem["下列哪些是依法治市的内容？"]
    assert multi.answer == [0, 2] and multi.tags == ("原则", "措施") and multi.difficulty == 3
    assert by_stem["依法执政首先要坚持依宪执政。"].answer is True
    assert by_stem["依法治市只靠政府。"].answer is False
    fill = by_stem[f"{BLANK}首先要坚持依宪执政。"]
    assert fill.answer == ["依法执政"] and fill.section_id is not None  # found by its quote
    assert fill.section_path and bank.quote_location(ctx, fill.id) is not None
    assert by_stem[f"{BLANK}、{BLANK}共同推进。"].answer == ["依法执政", "依法行政"]
    short = by_stem["依法治市要坚持哪些共同推进？"]
    assert short.type == "short" and short.answer == ["依法治市", "依法执政", "依法行政"]


def test_excel_errors_name_the_row_and_nothing_is_stored(fresh_seed, tmp_path: Path) -> None:
    ctx, doc = fresh_seed
    rows = [
        _row("单选题", "好的一题？", ["甲", "乙", "丙", "丁"], "A"),
        _row("单选题", "答案超出范围？", ["甲", "乙", "丙", "丁"], "E"),
        _row("单选题", "两个答案？", ["甲", "乙", "丙", "丁"], "AB"),
        _row("问卷题", "什么题型？", [], "A"),
        _row("判断题", "判断一下。", [], "也许"),
        _row("填空题", "____和____。", [], "一个"),
        _row("多选题", "难度不对？", ["甲", "乙", "丙"], "AB", 难度="很难"),
        _row("单选题", "好的一题？", ["甲", "乙", "丙", "丁"], "A"),
    ]
    report = exchange.import_excel(ctx, doc, _sheet(tmp_path / "bad.xlsx", rows))
    assert not report.ok and report.added == 0
    errors = report.errors
    assert "第 3 行：答案“E”超出了选项范围。" in errors
    assert any(e.startswith("第 4 行：单选题只能有一个答案") for e in errors)
    assert any(e.startswith("第 5 行：题型“问卷题”无法识别") for e in errors)
    assert any(e.startswith("第 6 行：判断题的答案“也许”无法识别") for e in errors)
    assert any(e.startswith("第 7 行：") and "2 个空" in e for e in errors)
    assert any(e.startswith("第 8 行：难度“很难”无效") for e in errors)
    assert "第 9 行：与第 2 行是同一道题。" in errors
    assert bank.list_questions(ctx, doc) == []  # all or nothing


def test_excel_rows_without_a_type_are_guessed(fresh_seed, tmp_path: Path) -> None:
    ctx, doc = fresh_seed
    rows = [
        _row("", "哪些正确？", ["甲", "乙", "丙", "丁"], "AC"),
        _row("", "依法执政首先要坚持依宪执政。", [], "对"),
        _row("", "依法执政首先要坚持____执政。", [], "依宪"),
        _row("", "说说你的看法。", [], "要点"),
    ]
    report = exchange.import_excel(ctx, doc, _sheet(tmp_path / "guess.xlsx", rows))
    assert report.errors == ("第 5 行：没有填写题型，也无法从选项和答案看出题型，请填写题型。",)
    report = exchange.import_excel(ctx, doc, _sheet(tmp_path / "guess2.xlsx", rows[:3]))
    assert report.ok
    assert [v.type for v in bank.list_questions(ctx, doc)] == ["multiple", "judge", "fill"]


def test_excel_header_aliases_and_a_title_row(fresh_seed, tmp_path: Path) -> None:
    ctx, doc = fresh_seed
    wb = Workbook()
    ws = wb.active
    ws.append(["某单位学习题库"])
    ws.append(["试题类型", "题目", "A", "B", "C", "D", "正确答案", "答案解析"])
    ws.append(["单项选择题", "哪一项正确？", "甲", "乙", "丙", "丁", "D", "丁是对的"])
    wb.save(tmp_path / "alias.xlsx")
    report = exchange.import_excel(ctx, doc, tmp_path / "alias.xlsx")
    assert report.ok, report.errors
    [q] = bank.list_questions(ctx, doc)
    assert (q.answer, q.explanation) == ([3], "丁是对的")


@pytest.mark.parametrize(
    "name,content,expected",
    [
        ("old.xls", b"\xd0\xcf\x11\xe0 not really", "另存为"),
        ("broken.xlsx", b"PK\x03\x04 broken zip", "不是有效的 Excel 工作簿"),
        ("text.xlsx", "题型,题干\n".encode(), "不是有效的 Excel 工作簿"),
    ],
)
def test_broken_excel_files_get_a_chinese_message(
    fresh_seed, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    ctx, doc = fresh_seed
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        exchange.import_file(ctx, doc, path)
    assert expected in info.value.message


def test_excel_without_header_or_rows(fresh_seed, tmp_path: Path) -> None:
    ctx, doc = fresh_seed
    with pytest.raises(UserError) as info:
        exchange.import_excel(ctx, doc, _sheet(tmp_path / "h.xlsx", [["x"]], header=["姓名", "单位"]))
    assert "表头" in info.value.message
    report = exchange.import_excel(ctx, doc, _sheet(tmp_path / "e.xlsx", []))
    assert not report.ok and "没有试题" in report.errors[0]


# ------------------------------------------------------------------------------ GIFT / XML


def test_gift_escapes_special_characters() -> None:
    assert exchange.gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert exchange.gift_escape("一\n二") == "一\\n二"


def test_gift_export(law_banked) -> None:
    ctx, doc = law_banked
    bank.add_manual_question(ctx, doc, QuestionDraft(
        type="single", stem="比例为 1:2 时{应}如何？", options=["a=b", "c~d", "e#f", "g"],
        answer=[0], tags=["要求"],
    ))
    bank.add_manual_question(ctx, doc, QuestionDraft(
        type="multiple", stem="监察委员会履行哪些职责？", options=["监督", "调查", "处置", "审判"],
        answer=[0, 1, 2], tags=["职责"],
    ))
    for truth in (True, False):
        bank.add_manual_question(ctx, doc, QuestionDraft(
            type="judge", stem=f"行政机关{'应当' if truth else '可以'}在行政决定中说明理由。",
            answer=truth, tags=["要求"],
        ))
    text = exchange.export_gift(ctx, doc)
    assert text.startswith("// 《") and "$CATEGORY: 学习测评/" in text
    assert "比例为 1\\:2 时\\{应\\}如何？{=a\\=b ~c\\~d ~e\\#f ~g}" in text
    assert "{TRUE" in text and "{FALSE" in text
    assert "~%50%" in text or "~%33.33333%" in text or "~%25%" in text
    views = bank.list_questions(ctx, doc)
    one_blank = sum(1 for v in views if v.type == "fill" and len(v.answer) == 1)
    others = sum(1 for v in views if v.type != "fill")
    assert text.count("\n::") == one_blank + others


def test_moodle_xml_is_well_formed(law_banked) -> None:
    ctx, doc = law_banked
    bank.add_manual_question(ctx, doc, QuestionDraft(
        type="fill", stem="坚持____、____共同推进 <b>&</b>。", answer=["依法执政", "依法{行政}"],
        tags=["原则"],
    ))
    bank.add_manual_question(ctx, doc, QuestionDraft(
        type="short", stem="简述依法治市的要求。", answer=["科学立法", "严格执法"], tags=["要求"],
    ))
    text = exchange.export_moodle_xml(ctx, doc)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    kinds = {q.get("type") for q in questions[1:]}
    assert {"multichoice", "truefalse", "shortanswer", "cloze", "essay"} <= kinds
    assert len(questions) - 1 == len(bank.list_questions(ctx, doc))
    for q in questions[1:]:
        if q.get("type") == "multichoice":
            fractions = [float(a.get("fraction")) for a in q.findall("answer")]
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01
            single = q.findtext("single") == "true"
            assert sum(1 for f in fractions if f > 0) == 1 if single else True
        if q.get("type") == "cloze":
            body = q.find("questiontext/text").text
            assert "{1:SHORTANSWER:=依法执政}" in body and "{1:SHORTANSWER:=依法{行政\\}}" in body
            assert "&lt;b&gt;" in body  # the text is shown as text, not as markup
    assert "中华人民共和国监察法" in text  # UTF-8, not escaped


def test_export_file_by_suffix(banked, tmp_path: Path) -> None:
    ctx, doc = banked
    total = len(bank.list_questions(ctx, doc))
    assert exchange.export_file(ctx, doc, tmp_path / "b.yaml") == total
    assert exchange.export_file(ctx, doc, tmp_path / "b.xlsx") == total
    assert exchange.export_file(ctx, doc, tmp_path / "b.xml") == total
    assert exchange.export_file(ctx, doc, tmp_path / "b.gift") > 0
    with pytest.raises(UserError) as info:
        exchange.export_file(ctx, doc, tmp_path / "b.docx")
    assert "扩展名" in info.value.message
