"""`studyapp questions FILE [--json] [--seed N]`: the generated bank of a file, no database.

The JSON list is a contract other checks rely on (the quality sample and the CI's checks read it): id, type, stem, options,
answer, explanation, source {section, quote}, tags.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.cli.commands.outline import parse_file
from studyapp.cli.common import out, print_json
from studyapp.core.model import ParsedDocument, UserError, section_heading
from studyapp.core.questions.text import find_section

if TYPE_CHECKING:
    from studyapp.core.questions.model import BankResult, Question

CONTRACT_KEYS = ("id", "type", "stem", "options", "answer", "explanation", "source", "tags")
log = logging.getLogger("studyapp.cli")

TYPE_LABELS = {"single": "单选", "multiple": "多选", "judge": "判断", "fill": "填空", "short": "简答"}


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"随机种子“{text}”应为整数") from None


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "questions",
        parents=[parent],
        help="为文件生成试题（不导入）",
        description="读取并解析文件，生成并校验试题，按章节列出；不写入数据库。",
    )
    p.add_argument("file", metavar="FILE", help="要出题的文件（.txt / .docx / .pdf）")
    p.add_argument("--json", action="store_true", help="以 JSON 列表输出（每道题一项）")
    p.add_argument("--seed", type=_seed, default=0, metavar="N",
                   help="随机种子：同一文件、同一种子总是生成同样的题（默认 0）")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from studyapp.core.questions import (
        generate_bank,  # loads the segmenter on first use
    )

    parsed = parse_file(Path(args.file))
    if not any(True for _ in parsed.walk()) and not parsed.preamble.strip():
        raise UserError(f"“{Path(args.file).name}”中没有可出题的正文。请检查文件内容。")
    result = generate_bank(parsed, args.seed)
    if args.json:
        print_json([{k: q.to_json()[k] for k in CONTRACT_KEYS} for q in result.questions])
        return 0
    out(render(result, parsed))
    return 0


def _answer_text(q: Question) -> str:
    if q.type in ("single", "multiple"):
        return "".join(chr(ord("A") + i) for i in q.answer)
    if q.type == "judge":
        return "正确" if q.answer else "错误"
    return "；".join(q.answer)


def _heading(parsed: ParsedDocument, path: tuple[str, ...]) -> str:
    ancestors = find_section(parsed, list(path)) if path else None
    if not ancestors:
        return " ".join(path) or "未关联章节"
    return " ".join(section_heading(a.label, a.title, "") for a in ancestors)


def render(result: BankResult, parsed: ParsedDocument) -> str:
    """A readable listing: questions grouped by section, each with its key and source."""
    lines: list[str] = []
    stats = result.stats or {}
    by_type = "，".join(f"{TYPE_LABELS[t]} {n}" for t, n in (stats.get("by_type") or {}).items() if n)
    lines.append(f"共 {len(result.questions)} 道题（{by_type or '无'}）。")
    dropped = sum(result.dropped.values())
    if dropped:  # the checker's own work: a detail for the log (-v), not a headline
        log.info("checker set aside %d candidate question(s): %s", dropped, dict(result.dropped))
    current: tuple[str, ...] | None = None
    for n, q in enumerate(result.questions, 1):
        section = tuple(q.section)
        if section != current:
            current = section
            lines += ["", f"【{_heading(parsed, section)}】"]
        lines.append(f"{n}.（{TYPE_LABELS.get(q.type, q.type)}）{q.stem}")
        for i, option in enumerate(q.options):
            lines.append(f"    {chr(ord('A') + i)}. {option}")
        lines.append(f"    答案：{_answer_text(q)}    标签：{'、'.join(q.tags)}")
    return "\n".join(lines)
