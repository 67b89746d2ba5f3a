"""`studyapp outline FILE [--json]`: show how a file is parsed, without touching the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp.cli.common import out, print_json
from studyapp.core.loaders import load_file
from studyapp.core.model import ParsedDocument, ParsedSection, UserError, section_heading
from studyapp.core.outline import parse_text

TRUNCATED_NOTICE = "（原文在此处中断，内容不完整）"


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "outline",
        parents=[parent],
        help="显示文件的结构（不导入）",
        description="读取并解析文件，显示标题、说明、学习信息和章节结构；不写入数据库。",
    )
    p.add_argument("file", metavar="FILE", help="要解析的文件（.txt / .docx / .pdf）")
    p.add_argument("--json", action="store_true", help="以 JSON 格式输出")
    p.set_defaults(handler=run)


def parse_file(path: Path) -> ParsedDocument:
    if not path.exists():
        raise UserError(f"找不到文件“{path}”。请检查文件名和位置是否正确。")
    if path.is_dir():
        raise UserError(f"“{path}”是一个文件夹，不是文件。请指定要解析的文件。")
    loaded = load_file(path)
    return parse_text(loaded.text)


def run(args: argparse.Namespace) -> int:
    parsed = parse_file(Path(args.file))
    if args.json:
        print_json(parsed.to_json())
    else:
        out(render_tree(parsed))
    return 0


def _section_line(section: ParsedSection) -> str:
    if section.title:
        return section_heading(section.label, section.title, "")
    excerpt = section.text.strip().replace("\n", " ")[:24]
    return f"{section.label}{excerpt}…" if excerpt else section.label


def render_tree(parsed: ParsedDocument) -> str:
    """A readable outline: the header of the document, then one indented line per section."""
    lines = [f"标题：{parsed.title}"]
    if parsed.note:
        lines.append(f"说明：{parsed.note}")
    for key, value in parsed.meta.items():
        lines.append(f"{key}：{value}")
    if parsed.truncated:
        lines.append(f"注意：{TRUNCATED_NOTICE}")
    count = sum(1 for _ in parsed.walk())
    lines.append(f"章节：{count} 个")
    lines.append("")

    def visit(section: ParsedSection, depth: int) -> None:
        lines.append("  " * depth + _section_line(section))
        for child in section.children:
            visit(child, depth + 1)

    for section in parsed.sections:
        visit(section, 0)
    return "\n".join(lines)
