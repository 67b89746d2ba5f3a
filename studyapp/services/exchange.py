"""Exchange a bank with other tools: the Chinese Excel 题库 template, GIFT and Moodle XML.

Offices pass banks around as Excel sheets in one common layout (题型, 题干, 选项A–F, 答案,
解析, 出处, 难度, 标签); an import checks every row and stores nothing unless all rows are
valid (all-or-nothing, like the roster import), listing every problem by row so the sheet
can be fixed in one go. GIFT and Moodle XML are export-only, for a Moodle server.
"""

from __future__ import annotations

import html
import logging
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from studyapp.core.model import UserError
from studyapp.core.questions.model import BLANK, make_id
from studyapp.core.questions.model import Question as CoreQuestion
from studyapp.services import bank, bankfile, files
from studyapp.services.context import AppContext
from studyapp.services.dto import BankImportReport, QuestionView

log = logging.getLogger("studyapp.services")

# Which questions leave the app by default: retired ones were judged unfit.
EXPORT_STATUSES = ("approved", "draft")

LETTERS = "ABCDEF"
COLUMNS = ("题型", "题干", *(f"选项{c}" for c in LETTERS), "答案", "解析", "出处", "难度", "标签")
TYPE_LABELS = {"single": "单选题", "multiple": "多选题", "judge": "判断题", "fill": "填空题",
               "short": "简答题"}
_TYPE_WORDS = {
    **{v: k for k, v in TYPE_LABELS.items()},
    **{v[:2]: k for k, v in TYPE_LABELS.items()},
    "单项选择题": "single", "单项选择": "single", "多项选择题": "multiple", "多项选择": "multiple",
    "不定项选择题": "multiple", "是非题": "judge", "判断正误": "judge", "问答题": "short",
    "single": "single", "multiple": "multiple", "judge": "judge", "fill": "fill", "short": "short",
}
# header cells seen in the wild → our column
_HEADER_ALIASES = {
    "题型": "题型", "题目类型": "题型", "试题类型": "题型", "类型": "题型",
    "题干": "题干", "题目": "题干", "试题": "题干", "题目内容": "题干", "试题内容": "题干",
    "答案": "答案", "正确答案": "答案", "参考答案": "答案", "标准答案": "答案",
    "解析": "解析", "答案解析": "解析", "试题解析": "解析",
    "出处": "出处", "来源": "出处", "出处原文": "出处",
    "难度": "难度", "难易程度": "难度", "难易度": "难度",
    "标签": "标签", "知识点": "标签", "考点": "标签",
    **{f"选项{c}": f"选项{c}" for c in LETTERS}, **{c: f"选项{c}" for c in LETTERS},
}
_TRUE = {"对", "正确", "√", "✓", "✔", "是", "t", "true", "y", "yes"}
_FALSE = {"错", "错误", "×", "✗", "✘", "x", "否", "f", "false", "n", "no"}
_DIFFICULTY = {"易": 1, "简单": 1, "容易": 1, "1": 1, "中": 2, "中等": 2, "一般": 2, "2": 2,
               "难": 3, "较难": 3, "困难": 3, "3": 3}
DIFFICULTY_NAMES = {1: "易", 2: "中", 3: "难"}
_SOURCE = re.compile(r"^\s*【([^】]*)】\s*(.*)$", re.DOTALL)
_FILL_PAREN = re.compile(r"[（(][\s\u3000]*[)）]")
_SEP_FILL = re.compile(r"[|｜；;]")
_SEP_TAGS = re.compile(r"[、,，;；\s]+")


# ---------------------------------------------------------------------------------- Excel out


def _answer_text(view: QuestionView) -> str:
    if view.type in ("single", "multiple"):
        return "".join(LETTERS[i] for i in view.answer or [] if 0 <= i < len(LETTERS))
    if view.type == "judge":
        return "正确" if view.answer else "错误"
    return "|".join(str(a) for a in view.answer or [])


def _source_text(view: QuestionView) -> str:
    # 【一、/1.】 keeps the section path for a lossless round trip; people read the quote.
    path = "/".join(view.section_path)
    return f"【{path}】{view.quote}" if path else view.quote


def export_excel(
    ctx: AppContext, document_id: int, path: Path, *, statuses: Iterable[str] = EXPORT_STATUSES
) -> int:
    """Write the bank (approved and draft by default) as the 题库 template; returns rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    title, views = bank.document_views(ctx, document_id, statuses=statuses)
    wb = Workbook()
    ws = wb.active
    ws.title = "题库"
    from studyapp.reports.forms.excel import put

    for j, head in enumerate(COLUMNS, start=1):
        put(ws, 1, j, head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    skipped = 0
    for view in views:
        if len(view.options) > len(LETTERS):
            skipped += 1
            continue
        options = list(view.options) + [""] * (len(LETTERS) - len(view.options))
        values = [
            TYPE_LABELS[view.type], view.stem, *options, _answer_text(view), view.explanation,
            _source_text(view), DIFFICULTY_NAMES.get(view.difficulty, "中"), "、".join(view.tags),
        ]
        row = ws.max_row + 1
        for j, v in enumerate(values, start=1):
            put(ws, row, j, v)
    widths = {"A": 8, "B": 60, "I": 10, "J": 40, "K": 40, "L": 6, "M": 12}
    for col in "CDEFGH":
        widths[col] = 18
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("说明")
    for line in (
        f"《{title}》题库，由学习测评导出。",
        "题型：单选题、多选题、判断题、填空题、简答题。",
        "答案：选择题写选项字母（如 A 或 ABD）；判断题写“正确”或“错误”（也可写 对/错/√/×）；",
        "填空题在题干中用 ____ 表示空，答案按顺序用“|”或“；”分隔；简答题写答案要点，用“|”分隔。",
        "出处：【章节编号】原文句子；难度：易、中、难（或 1～3）；标签用“、”分隔。",
        "导入时逐行检查，有任何一行出错则全部不导入，请按提示修改后重新导入。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 100
    import io

    buffer = io.BytesIO()
    wb.save(buffer)
    files.save_bytes(Path(path), buffer.getvalue())
    log.info("exported %d questions of document %d to %s", len(views) - skipped, document_id, path)
    return len(views) - skipped


# ---------------------------------------------------------------------------------- Excel in


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "正确" if value else "错误"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _open_sheet(path: Path) -> list[tuple[Any, ...]]:
    """All rows of the first sheet; a file that is not an .xlsx gets a Chinese UserError."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"找不到文件“{path}”。请检查文件名和位置是否正确。")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise UserError(
            f"“{path.name}”是旧版 Excel 文件（.xls），无法直接导入。请在 Excel 或 WPS 中"
            "“另存为”Excel 工作簿（.xlsx）后再导入。"
        )
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as e:
        log.debug("cannot open %s as xlsx: %r", path, e)
        raise UserError(
            f"无法读取“{path.name}”：它不是有效的 Excel 工作簿（.xlsx），或文件已损坏。"
            "请用“导出题库”生成的模板填写，保存为 .xlsx 后再导入。"
        ) from e
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        return [] if ws is None else [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[str, int]]:
    """(index of the header row, column name → column index), looking at the first rows."""
    for r, row in enumerate(rows[:10]):
        cols: dict[str, int] = {}
        for c, value in enumerate(row):
            name = _HEADER_ALIASES.get(_cell(value).replace(" ", "").replace("\u3000", ""))
            if name and name not in cols:
                cols[name] = c
        if "题干" in cols and "答案" in cols:
            return r, cols
    raise UserError(
        "表格中找不到表头（至少要有“题型”“题干”“答案”三列）。请使用“导出题库”生成的模板，"
        "第一行依次为：" + "、".join(COLUMNS) + "。"
    )


def _infer_type(stem: str, options: list[str], answer: str) -> str | None:
    """A guess for a row whose 题型 cell is empty, from what the row holds (None: no guess)."""
    letters = re.sub(r"[\s,，、;；/]", "", answer).upper()
    if options:
        return "multiple" if len(letters) > 1 else "single"
    if answer.strip().lower() in _TRUE | _FALSE:
        return "judge"
    if bank.normalize_blanks(stem).count(BLANK):
        return "fill"
    return None


def _parse_row(
    values: dict[str, str], where: str, tree: Any
) -> tuple[bank.Incoming | None, list[str]]:
    errors: list[str] = []
    raw_type = values.get("题型", "").replace(" ", "")
    qtype = _TYPE_WORDS.get(raw_type) or _TYPE_WORDS.get(raw_type.lower())
    stem = values.get("题干", "")
    options = [values.get(f"选项{c}", "") for c in LETTERS]
    while options and not options[-1]:
        options.pop()
    if qtype is None:
        if raw_type:
            return None, [f"{where}：题型“{raw_type}”无法识别，应为单选题、多选题、判断题、填空题或简答题。"]
        qtype = _infer_type(stem, options, values.get("答案", ""))
        if qtype is None:
            return None, [f"{where}：没有填写题型，也无法从选项和答案看出题型，请填写题型。"]
    if not stem:
        errors.append(f"{where}：题干为空。")
    if qtype in ("single", "multiple"):
        gaps = [LETTERS[i] for i, o in enumerate(options) if not o]
        if gaps:
            errors.append(f"{where}：选项{gaps[0]}为空，但后面还有选项。")
    elif any(options):
        if qtype == "judge" and [o for o in options if o] in (["正确", "错误"], ["对", "错"]):
            options = []
        else:
            errors.append(f"{where}：{TYPE_LABELS[qtype]}不应填写选项。")
    raw_answer = values.get("答案", "")
    answer: Any = None
    if not raw_answer:
        errors.append(f"{where}：答案为空。")
    elif qtype in ("single", "multiple"):
        letters = re.sub(r"[\s,，、;；/]", "", raw_answer).upper()
        if not letters or any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for c in letters):
            errors.append(f"{where}：答案“{raw_answer}”应为选项字母（如 A 或 ABD）。")
        else:
            beyond = [c for c in letters if ord(c) - ord("A") >= len(options)]
            if beyond:
                errors.append(f"{where}：答案“{''.join(beyond)}”超出了选项范围。")
            elif len(set(letters)) != len(letters):
                errors.append(f"{where}：答案“{raw_answer}”中有重复的字母。")
            elif qtype == "single" and len(letters) != 1:
                errors.append(f"{where}：单选题只能有一个答案，却填了“{raw_answer}”。")
            else:
                answer = [ord(c) - ord("A") for c in letters]
    elif qtype == "judge":
        word = raw_answer.strip().lower()
        if word in _TRUE or (word == "a" and not options):
            answer = True
        elif word in _FALSE or (word == "b" and not options):
            answer = False
        else:
            errors.append(f"{where}：判断题的答案“{raw_answer}”无法识别，应为“正确”或“错误”（对/错/√/×）。")
    else:
        answer = [a.strip() for a in _SEP_FILL.split(raw_answer) if a.strip()]
    if qtype == "fill":
        stem = bank.normalize_blanks(stem)
        if BLANK not in stem and answer:
            stem = _FILL_PAREN.sub(BLANK, stem)
    raw_diff = values.get("难度", "")
    difficulty = _DIFFICULTY.get(raw_diff.strip(), 0) if raw_diff else 2
    if not difficulty:
        errors.append(f"{where}：难度“{raw_diff}”无效，应为易、中、难或 1～3。")
    if not errors:
        errors += [f"{where}：{e}" for e in bank.check_shape(qtype, stem, options, answer)]
    if errors:
        return None, errors
    source = values.get("出处", "")
    path: list[str] = []
    quote = source
    m = _SOURCE.match(source)
    if m:
        path = [p for p in m.group(1).split("/") if p]
        quote = m.group(2).strip()
    section_id = tree.path_to_id.get(tuple(path)) if path else None
    if section_id is None and quote:
        section_id = bank.section_of_quote(tree, quote)
        if section_id is not None:
            path = list(tree.id_to_path[section_id])
    tags = [t for t in _SEP_TAGS.split(values.get("标签", "")) if t]
    q = CoreQuestion(
        type=qtype, stem=stem, options=options if qtype in ("single", "multiple") else [],
        answer=answer, explanation=values.get("解析", ""),
        source={"section": path, "quote": quote}, tags=list(dict.fromkeys(tags)),
        difficulty=difficulty, id=make_id(qtype, stem, path, quote),
    )
    return bank.Incoming(question=q, where=where, section_id=section_id, resolved=True), []


def read_excel(ctx: AppContext, document_id: int, path: Path) -> tuple[list[bank.Incoming], list[str], list[str]]:
    """(questions, errors, warnings) of a 题库 sheet, checked row by row; stores nothing."""
    rows = _open_sheet(Path(path))
    if not rows:
        raise UserError("表格是空的，没有试题。请在模板中填写试题后再导入。")
    head, cols = _header(rows)
    with ctx.begin() as session:
        tree = bank.load_tree(session, document_id)
    items: list[bank.Incoming] = []
    errors: list[str] = []
    warnings: list[str] = []
    seen: dict[str, int] = {}
    for r in range(head + 1, len(rows)):
        row = rows[r]
        values = {name: _cell(row[c]) if c < len(row) else "" for name, c in cols.items()}
        if not any(values.values()):
            continue
        where = f"第 {r + 1} 行"
        item, problems = _parse_row(values, where, tree)
        errors += problems
        if item is None:
            continue
        uid = item.question.id
        if uid in seen:
            errors.append(f"{where}：与第 {seen[uid]} 行是同一道题。")
            continue
        seen[uid] = r + 1
        if not item.question.quote:
            warnings.append(f"{where}：没有出处原文，这道题无法与原文核对。")
        elif item.section_id is None:
            warnings.append(f"{where}：出处原文在文件中找不到，请核对。")
        items.append(item)
    if not items and not errors:
        errors.append("表格中没有试题（表头下面是空的）。")
    return items, errors, warnings


def import_excel(ctx: AppContext, document_id: int, path: Path) -> BankImportReport:
    """Import a 题库 sheet into a document's bank: all rows valid, or nothing is stored.

    New questions come in as imported drafts; a row matching a stored question (same type,
    stem, section and quote) updates it and keeps its review status. A file that is not a
    readable .xlsx raises UserError with a Chinese message.
    """
    items, errors, warnings = read_excel(ctx, document_id, path)
    if errors:
        return BankImportReport(errors=tuple(errors), warnings=tuple(warnings))
    with ctx.begin(write=True) as session:  # (reads the bank, then stores into it: the writer lock first)
        tree = bank.load_tree(session, document_id)
        added, updated, unchanged = bank.store_incoming(session, document_id, tree, items)
    log.info("excel into document %d: +%d ~%d =%d", document_id, added, updated, unchanged)
    return BankImportReport(added=added, updated=updated, unchanged=unchanged,
                            warnings=tuple(warnings))


# ---------------------------------------------------------------------------------- GIFT


def gift_escape(text: str) -> str:
    """GIFT's special characters ~ = # { } : (and the backslash) escaped; newlines as \\n."""
    out = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _percent(value: float) -> str:
    """A Moodle grade percentage: 50, 33.33333, -25."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _feedback(view: QuestionView) -> str:
    parts = [view.explanation]
    if view.quote and view.quote not in view.explanation:
        parts.append(f"出处：{view.quote}")
    return "\n".join(p for p in parts if p)


def _gift_question(view: QuestionView, n: int) -> str | None:
    name = f"::{gift_escape(f'{n:03d} {view.uid}')}::"
    stem = gift_escape(view.stem)
    feedback = _feedback(view)
    general = f"####{gift_escape(feedback)}" if feedback else ""
    if view.type == "single":
        answers = " ".join(("=" if i in view.answer else "~") + gift_escape(o)
                           for i, o in enumerate(view.options))
        return f"{name}{stem}{{{answers}{general}}}"
    if view.type == "multiple":
        right = len(view.answer)
        wrong = len(view.options) - right
        parts = []
        for i, o in enumerate(view.options):
            weight = 100 / right if i in view.answer else -100 / max(wrong, 1)
            parts.append(f"~%{_percent(weight)}%{gift_escape(o)}")
        return f"{name}{stem}{{{' '.join(parts)}{general}}}"
    if view.type == "judge":
        return f"{name}{stem}{{{'TRUE' if view.answer else 'FALSE'}{general}}}"
    if view.type == "fill":
        if len(view.answer) != 1 or view.stem.count(BLANK) != 1:
            return None  # GIFT has one answer set per question
        before, after = view.stem.split(BLANK)
        answer = gift_escape(view.answer[0])
        return f"{name}{gift_escape(before)}{{={answer}{general}}}{gift_escape(after)}"
    points = "；".join(view.answer or [])
    general = f"####{gift_escape('参考要点：' + points)}" if points else general
    return f"{name}{stem}{{{general}}}"


def export_gift(
    ctx: AppContext, document_id: int, *, statuses: Iterable[str] = EXPORT_STATUSES
) -> str:
    """The bank as GIFT text (Moodle's plain format), UTF-8; fill questions with several
    blanks cannot be written in GIFT and are listed in a comment (use Moodle XML for them)."""
    title, views = bank.document_views(ctx, document_id, statuses=statuses)
    lines = [f"// 《{title}》题库，由学习测评导出（GIFT 格式，UTF-8）", "",
             f"$CATEGORY: 学习测评/{gift_escape(title)}", ""]
    skipped: list[str] = []
    for n, view in enumerate(views, 1):
        text = _gift_question(view, n)
        if text is None:
            skipped.append(view.uid)
            continue
        lines += [f"// {view.section_heading or '未关联章节'}（{TYPE_LABELS[view.type]}）", text, ""]
    if skipped:
        lines.append(f"// 略去 {len(skipped)} 道多空填空题（GIFT 不支持），请改用 Moodle XML 导出：{'、'.join(skipped)}")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------- Moodle XML


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag)
    if fmt is not None:
        el.set("format", fmt)
    ET.SubElement(el, "text").text = value
    return el


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _cloze_escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in '}#~/"':
        out = out.replace(ch, "\\" + ch)
    return out


def _xml_question(quiz: ET.Element, view: QuestionView, n: int) -> None:
    kind = {"single": "multichoice", "multiple": "multichoice", "judge": "truefalse",
            "short": "essay"}.get(view.type)
    stem_html = _html(view.stem)
    if view.type == "fill":
        kind = "shortanswer" if len(view.answer) == 1 else "cloze"
        if kind == "cloze":
            parts = view.stem.split(BLANK)
            out = _html(parts[0])
            for ans, rest in zip(view.answer, parts[1:], strict=False):
                out += f"{{1:SHORTANSWER:={_cloze_escape(ans)}}}" + _html(rest)
            stem_html = out
    q = ET.SubElement(quiz, "question", type=kind or "essay")
    _text(q, "name", f"{n:03d} {TYPE_LABELS[view.type]} {view.uid}", fmt=None)
    _text(q, "questiontext", stem_html)
    _text(q, "generalfeedback", _html(_feedback(view)))
    ET.SubElement(q, "defaultgrade").text = "1"
    ET.SubElement(q, "penalty").text = "0"
    ET.SubElement(q, "hidden").text = "0"
    ET.SubElement(q, "idnumber").text = view.uid
    if view.type in ("single", "multiple"):
        ET.SubElement(q, "single").text = "true" if view.type == "single" else "false"
        ET.SubElement(q, "shuffleanswers").text = "true"
        ET.SubElement(q, "answernumbering").text = "ABCD"
        right = len(view.answer)
        wrong = len(view.options) - right
        for i, option in enumerate(view.options):
            if view.type == "single":
                fraction = 100.0 if i in view.answer else 0.0
            else:
                fraction = 100 / right if i in view.answer else -100 / max(wrong, 1)
            a = _text(q, "answer", _html(option))
            a.set("fraction", _percent(fraction))
            _text(a, "feedback", "")
    elif view.type == "judge":
        for word, value in (("true", True), ("false", False)):
            a = _text(q, "answer", word, fmt="moodle_auto_format")
            a.set("fraction", "100" if view.answer is value else "0")
            _text(a, "feedback", "")
    elif kind == "shortanswer":
        ET.SubElement(q, "usecase").text = "0"
        a = _text(q, "answer", view.answer[0], fmt="moodle_auto_format")
        a.set("fraction", "100")
        _text(a, "feedback", "")
    elif view.type == "short":
        ET.SubElement(q, "responseformat").text = "editor"
        ET.SubElement(q, "responserequired").text = "1"
        ET.SubElement(q, "responsefieldlines").text = "10"
        _text(q, "graderinfo", _html("参考要点：" + "；".join(view.answer or [])))
        _text(q, "responsetemplate", "")
    if view.tags:
        tags = ET.SubElement(q, "tags")
        for tag in view.tags:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag


def export_moodle_xml(
    ctx: AppContext, document_id: int, *, statuses: Iterable[str] = EXPORT_STATUSES
) -> str:
    """The bank as Moodle XML (UTF-8): multichoice with fractions, truefalse, shortanswer for
    one-blank fill, cloze for several blanks, essay (graded by hand) for 简答."""
    title, views = bank.document_views(ctx, document_id, statuses=statuses)
    quiz = ET.Element("quiz")
    cat = ET.SubElement(quiz, "question", type="category")
    _text(cat, "category", f"$course$/学习测评/{title}", fmt=None)
    for n, view in enumerate(views, 1):
        _xml_question(quiz, view, n)
    ET.indent(quiz, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


# ---------------------------------------------------------------------------------- by file name

EXPORT_SUFFIXES = (".yaml", ".yml", ".xlsx", ".gift", ".txt", ".xml")
IMPORT_SUFFIXES = (".yaml", ".yml", ".xlsx")


def export_file(ctx: AppContext, document_id: int, path: Path) -> int:
    """Export by the file's suffix (.yaml/.xlsx/.gift/.xml); returns the questions written.

    The bank file (.yaml) holds every question with its status; the exchange formats leave
    retired questions out.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise UserError(
            f"无法按“{path.name}”的扩展名导出题库。请用 .yaml（题库文件）、.xlsx（Excel 题库模板）、"
            ".gift（GIFT）或 .xml（Moodle XML）作为扩展名。"
        )
    if suffix == ".xlsx":
        return export_excel(ctx, document_id, path)
    if suffix in (".yaml", ".yml"):
        return bankfile.write_bank_file(ctx, document_id, path)
    if suffix in (".gift", ".txt"):
        text = export_gift(ctx, document_id)
        count = len(re.findall(r"^::", text, re.MULTILINE))
    else:
        text = export_moodle_xml(ctx, document_id)
        count = text.count("<question ") - 1
    files.save_text(path, text)
    return count


def import_file(ctx: AppContext, document_id: int, path: Path) -> BankImportReport:
    """Import a bank file (.yaml) or an Excel 题库 (.xlsx) by its suffix (all-or-nothing)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xls", ".xlsm"):
        return import_excel(ctx, document_id, path)
    if suffix not in (".yaml", ".yml"):
        raise UserError(
            f"无法导入“{path.name}”：只能导入题库文件（.yaml）或 Excel 题库模板（.xlsx）。"
        )
    if not path.is_file():
        raise UserError(f"找不到文件“{path}”。请检查文件名和位置是否正确。")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise UserError(f"“{path.name}”不是 UTF-8 编码的题库文件。请用“导出题库”生成的文件修改后再导入。") from e
    return bankfile.import_bank(ctx, document_id, text)


def describe(report: BankImportReport) -> list[str]:
    """The report as lines for the CLI and message boxes (Chinese)."""
    if report.errors:
        lines = [f"导入失败，共 {len(report.errors)} 处错误，没有导入任何试题。请修改后重新导入："]
        lines += [f"  {e}" for e in report.errors]
    else:
        lines = [f"导入完成：新增 {report.added} 道，更新 {report.updated} 道，未变 {report.unchanged} 道。"]
    if report.warnings:
        lines.append("提醒：")
        lines += [f"  {w}" for w in report.warnings]
    return lines


__all__: Sequence[str] = [
    "COLUMNS", "describe", "export_excel", "export_file", "export_gift", "export_moodle_xml",
    "import_excel", "import_file", "read_excel",
]
