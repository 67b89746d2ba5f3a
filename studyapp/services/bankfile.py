"""Bank files (questions/*.yaml): a document's reviewed bank as a text file people can read.

One YAML file per document, UTF-8 with Chinese unescaped, one block per question, keys in a
fixed order and long texts on one line each: a reviewer reads it like a paper and `git diff`
shows exactly which question changed. Choice answers are written as letters (B, ABD) because
that is how a teacher checks a key; the file round-trips through import without loss.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from studyapp import paths
from studyapp.core.model import UserError
from studyapp.core.questions.model import QUESTION_TYPES, make_id
from studyapp.core.questions.model import Question as CoreQuestion
from studyapp.db.models import QUESTION_ORIGINS, QUESTION_STATUSES, Document
from studyapp.services import bank
from studyapp.services.context import AppContext, NotFoundError
from studyapp.services.dto import BankImportReport, QuestionView

log = logging.getLogger("studyapp.services")

FORMAT = "studyapp-bank 1"
KEYS = ("id", "type", "status", "origin", "section", "stem", "options", "answer",
        "explanation", "quote", "tags", "difficulty")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_TRUE = {"对", "正确", "√", "是", "true", "t", "yes"}
_FALSE = {"错", "错误", "×", "否", "false", "f", "no"}

HEADER = """\
# 题库文件（学习测评）。每道题一段，以“- id:”开头，可以直接修改后在“题库”中导入。
# type: single 单选 / multiple 多选 / judge 判断 / fill 填空 / short 简答
# status: draft 草稿 / approved 已审核 / retired 已停用
# origin: generated 生成 / edited 修改 / manual 手工 / imported 导入
# answer: 单选、多选写选项字母（B、ABD）；判断写 true（对）或 false（错）；
#         填空按顺序写每个空（____）的答案；简答写答案要点
# section: 出处章节的编号路径；quote: 出处原文（须与文件原文一字不差）
"""


def _yaml() -> Any:
    try:
        import yaml
    except ImportError as e:  # pragma: no cover - PyYAML is a dependency
        raise UserError("缺少读写题库文件所需的组件（PyYAML），请重新安装学习测评。") from e
    return yaml


class _Flow(list):
    """A short list written on one line: [一、, '1.'] / [原则, 措施]."""


def _dumper() -> Any:
    yaml = _yaml()

    class Dumper(yaml.SafeDumper):  # type: ignore[name-defined]  # (yaml is imported lazily: Any)
        pass

    def flow(dumper: Any, data: _Flow) -> Any:
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)

    Dumper.add_representer(_Flow, flow)
    return Dumper


def _letters(indexes: Any) -> str:
    return "".join(LETTERS[i] for i in indexes if isinstance(i, int) and 0 <= i < len(LETTERS))


def _entry(view: QuestionView) -> dict[str, Any]:
    answer: Any = view.answer
    if view.type in ("single", "multiple"):
        answer = _letters(view.answer or [])
    elif isinstance(answer, (list, tuple)):
        answer = list(answer)
        if view.type == "fill":
            answer = _Flow(answer)
    entry: dict[str, Any] = {
        "id": view.uid,
        "type": view.type,
        "status": view.status,
        "origin": view.origin,
        "section": _Flow(view.section_path),
        "stem": view.stem,
    }
    if view.options:
        entry["options"] = list(view.options)
    entry["answer"] = answer
    entry["explanation"] = view.explanation
    entry["quote"] = view.quote
    entry["tags"] = _Flow(view.tags)
    entry["difficulty"] = view.difficulty
    return entry


def dump_bank(title: str, views: list[QuestionView]) -> str:
    """The bank file text for a title and questions (in the order given)."""
    yaml = _yaml()
    dumper = _dumper()

    def dump(data: Any) -> str:
        return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False,
                         width=1 << 30, default_flow_style=False)

    parts = [HEADER, dump({"format": FORMAT, "document": title}), "questions:\n"]
    if not views:
        parts[-1] = "questions: []\n"
    for view in views:
        parts.append("\n")
        parts.append(dump([_entry(view)]))
    return "".join(parts)


def export_bank(ctx: AppContext, document_id: int) -> str:
    """The whole bank of a document (all statuses) as bank file text, in reading order."""
    title, views = bank.document_views(ctx, document_id)
    return dump_bank(title, views)


# ---------------------------------------------------------------------------------- reading


def _parse(text: str) -> tuple[Any, list[int]]:
    """The file's data and the line number of each question block (for messages)."""
    yaml = _yaml()
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = f"第 {mark.line + 1} 行" if mark is not None else "文件中"
        raise UserError(
            f"题库文件格式有误（{where}：{e.problem or e.context}）。请检查缩进和引号，"
            "或重新导出一份题库文件再修改。"
        ) from e
    except yaml.YAMLError as e:
        raise UserError(f"题库文件格式有误：{e}。请重新导出一份题库文件再修改。") from e
    finally:
        loader.dispose()
    lines: list[int] = []
    if node is not None and node.id == "mapping":
        for key, value in node.value:
            if getattr(key, "value", None) == "questions" and isinstance(value.value, list):
                lines = [item.start_mark.line + 1 for item in value.value]
    return data, lines


def _answer(qtype: str, raw: Any, options: list[str]) -> tuple[Any, str | None]:
    """The stored answer from the file's form, or an error (Chinese)."""
    if qtype in ("single", "multiple"):
        if isinstance(raw, list) and all(isinstance(i, int) and not isinstance(i, bool) for i in raw):
            return list(raw), None  # the CLI's JSON form is accepted too
        letters = str(raw or "").replace(",", "").replace("，", "").replace("、", "")
        letters = letters.replace(" ", "").upper()
        if not letters or any(c not in LETTERS for c in letters):
            return None, f"答案“{raw}”应为选项字母（如 B 或 ABD）"
        return [LETTERS.index(c) for c in letters], None
    if qtype == "judge":
        if isinstance(raw, bool):
            return raw, None
        word = str(raw).strip().lower()
        if word in _TRUE:
            return True, None
        if word in _FALSE:
            return False, None
        return None, f"判断题的答案“{raw}”应为 true（对）或 false（错）"
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return None, "答案应为一组文字"
    return [str(a) for a in raw], None


def _question(entry: Any, where: str) -> tuple[bank.Incoming | None, list[str]]:
    """One block of the file as an Incoming question, or its errors (Chinese, with `where`)."""
    if not isinstance(entry, dict):
        return None, [f"{where}：应为一道题的各项内容（id、type、stem……）。"]
    errors: list[str] = []
    unknown = [str(k) for k in entry if k not in KEYS]
    if unknown:
        errors.append(f"{where}：无法识别的项“{'、'.join(unknown)}”。")
    qtype = str(entry.get("type") or "").strip()
    if qtype not in QUESTION_TYPES:
        errors.append(f"{where}：题型“{qtype}”无效，应为 single、multiple、judge、fill 或 short。")
        return None, errors
    status = str(entry.get("status") or "draft")
    origin = str(entry.get("origin") or "imported")
    if status not in QUESTION_STATUSES:
        errors.append(f"{where}：状态“{status}”无效，应为 draft、approved 或 retired。")
    if origin not in QUESTION_ORIGINS:
        errors.append(f"{where}：来源“{origin}”无效，应为 generated、edited、manual 或 imported。")
    raw_opts = entry.get("options") or []
    options = [str(o) for o in raw_opts] if isinstance(raw_opts, list) else []
    if not isinstance(raw_opts, list):
        errors.append(f"{where}：options 应为选项列表。")
    answer, problem = _answer(qtype, entry.get("answer"), options)
    if problem:
        errors.append(f"{where}：{problem}。")
    stem = bank.normalize_blanks(str(entry.get("stem") or ""))
    if problem is None:
        errors += [f"{where}：{e}" for e in bank.check_shape(qtype, stem, options, answer)]
    section = entry.get("section") or []
    if not isinstance(section, list):
        section = [section]
    tags = entry.get("tags") or []
    if not isinstance(tags, list):
        tags = [tags]
    try:
        difficulty = int(entry.get("difficulty") or 2)
    except (TypeError, ValueError):
        difficulty = 0
    if difficulty not in (1, 2, 3):
        errors.append(f"{where}：难度“{entry.get('difficulty')}”无效，应为 1、2 或 3。")
    if errors:
        return None, errors
    quote = str(entry.get("quote") or "")
    path = [str(s) for s in section]
    uid = str(entry.get("id") or "").strip() or make_id(qtype, stem, path, quote)
    q = CoreQuestion(
        type=qtype, stem=stem, options=options, answer=answer,
        explanation=str(entry.get("explanation") or ""),
        source={"section": path, "quote": quote}, tags=[str(t) for t in tags],
        difficulty=difficulty, id=uid,
    )
    return bank.Incoming(question=q, where=where, origin=origin, status=status), []


def read_bank(text: str) -> tuple[str, list[bank.Incoming], list[str]]:
    """(document title, questions, errors) of a bank file's text; no database involved."""
    text = text.removeprefix("\ufeff")
    data, lines = _parse(text)
    if data is None:
        raise UserError("题库文件是空的，没有可导入的试题。请选择由“导出题库”生成的 .yaml 文件。")
    if not isinstance(data, dict) or "questions" not in data:
        raise UserError("这不是学习测评的题库文件（缺少 questions 部分）。请选择由“导出题库”生成的 .yaml 文件。")
    questions = data.get("questions") or []
    if not isinstance(questions, list):
        raise UserError("题库文件格式有误：questions 应为试题列表。")
    if not questions:
        raise UserError("题库文件里没有试题（questions 部分是空的），没有导入任何内容。")
    items: list[bank.Incoming] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for n, entry in enumerate(questions):
        line = f"（第 {lines[n]} 行）" if n < len(lines) else ""
        where = f"第 {n + 1} 题{line}"
        item, problems = _question(entry, where)
        errors += problems
        if item is None:
            continue
        uid = item.question.id
        if uid in seen:
            errors.append(f"{where}：id“{uid}”与{seen[uid]}重复。")
            continue
        seen[uid] = where.split("（")[0]
        items.append(item)
    return str(data.get("document") or ""), items, errors


def import_bank(ctx: AppContext, document_id: int, text: str) -> BankImportReport:
    """Load a bank file's questions into a document's bank, matched by id (uid).

    Status and origin come from the file. All or nothing: with any error (listed per
    question, in Chinese) nothing is stored. Questions of the bank that the file lacks stay.
    A file that is not a bank file at all raises UserError.
    """
    _title, items, errors = read_bank(text)
    if errors:
        return BankImportReport(errors=tuple(errors))
    warnings: list[str] = []
    with ctx.begin(write=True) as session:  # (reads the bank, then stores into it: the writer lock first)
        tree = bank.load_tree(session, document_id)
        for item in items:
            path = tuple(item.question.section)
            if path and path not in tree.path_to_id:
                warnings.append(f"{item.where}：章节“{''.join(path)}”在文件中找不到，已作为未关联章节的试题导入。")
        added, updated, unchanged = bank.store_incoming(session, document_id, tree, items)
    log.info("bank file into document %d: +%d ~%d =%d", document_id, added, updated, unchanged)
    return BankImportReport(added=added, updated=updated, unchanged=unchanged,
                            warnings=tuple(warnings))


def load_bundled_bank(ctx: AppContext, document_id: int) -> BankImportReport | None:
    """Load the shipped, reviewed bank of a bundled document (first start); None without one.

    The file is questions/<document file name>.yaml; a missing file is normal (not every
    document ships a bank), a broken one is logged and leaves the bank as it was.
    """
    with ctx.begin() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFoundError.of("文件", document_id)
        source = doc.source_name
    path = paths.bundled_bank_path(source)
    if not path.is_file():
        log.info("no bundled bank for %s (%s)", source, path)
        return None
    try:
        report = import_bank(ctx, document_id, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, UserError) as e:
        log.error("bundled bank %s unreadable: %s", path, getattr(e, "message", e))
        return None
    if report.errors:
        log.error("bundled bank %s refused: %s", path, "; ".join(report.errors[:5]))
    else:
        log.info("bundled bank %s: %d questions", path.name, report.added + report.updated)
    return report


def write_bank_file(ctx: AppContext, document_id: int, path: Path) -> int:
    """Export the bank to a .yaml file; returns the number of questions written."""
    text = export_bank(ctx, document_id)
    from studyapp.services import files

    files.save_text(Path(path), text)
    return text.count("\n- id: ") + (1 if text.startswith("- id: ") else 0)


