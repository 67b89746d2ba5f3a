"""`studyapp bank generate|export|import DOCUMENT …`: a stored document's question bank.

DOCUMENT is the number shown by the 文件库 (or a unique part of the title). Export picks the
format by the file's suffix: .yaml (bank file), .xlsx (Excel 题库), .gift, .xml (Moodle).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp.cli.common import err, open_context, out
from studyapp.core.model import DocumentError

EXIT_BAD_INPUT = 2


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "bank",
        parents=[parent],
        help="题库：生成、导出、导入",
        description="管理已导入文件的题库。DOCUMENT 为文件编号（或标题中唯一的一段文字）。",
    )
    sub = p.add_subparsers(dest="bank_command", metavar="操作", required=True,
                           parser_class=type(p))
    g = sub.add_parser("generate", parents=[parent], help="生成（或重新生成）题库",
                       description="生成试题并存为草稿；已审核、修改或停用的试题保持不变。")
    g.add_argument("document", metavar="DOCUMENT", help="文件编号或标题")
    g.add_argument("--seed", type=int, default=0, metavar="N", help="随机种子（默认 0）")
    g.set_defaults(handler=run_generate)
    e = sub.add_parser("export", parents=[parent], help="导出题库",
                       description="按扩展名导出：.yaml 题库文件、.xlsx Excel 题库模板、.gift、.xml（Moodle）。")
    e.add_argument("document", metavar="DOCUMENT", help="文件编号或标题")
    e.add_argument("-o", "--output", metavar="FILE", required=True, help="导出到的文件")
    e.set_defaults(handler=run_export)
    i = sub.add_parser("import", parents=[parent], help="导入题库",
                       description="导入题库文件（.yaml）或 Excel 题库模板（.xlsx）；有错误时全部不导入。")
    i.add_argument("document", metavar="DOCUMENT", help="文件编号或标题")
    i.add_argument("file", metavar="FILE", help="要导入的文件")
    i.set_defaults(handler=run_import)


def resolve_document(ctx, spec: str) -> int:  # type: ignore[no-untyped-def]
    """A document by number or by a unique part of its title (Chinese error otherwise)."""
    from studyapp.services import documents

    docs = documents.list_documents(ctx)
    text = spec.strip()
    if text.isdigit():
        for d in docs:
            if d.id == int(text):
                return d.id
        raise DocumentError(f"找不到编号为 {text} 的文件。请先用 studyapp import 导入，或检查编号。")
    hits = [d for d in docs if d.title == text] or [d for d in docs if text and text in d.title]
    if len(hits) == 1:
        return hits[0].id
    if not hits:
        raise DocumentError(f"找不到标题含“{text}”的文件。请检查标题，或改用文件编号。")
    names = "；".join(f"{d.id}：{d.title}" for d in hits[:5])
    raise DocumentError(f"标题含“{text}”的文件不止一个（{names}），请改用文件编号。")


def run_generate(args: argparse.Namespace) -> int:
    from studyapp.services import bank

    with open_context(args) as ctx:
        result = bank.generate_for_document(ctx, resolve_document(ctx, args.document), seed=args.seed)
    out(f"生成 {result.generated} 道题：新增 {result.added} 道，更新 {result.refreshed} 道，"
        f"保留已审核 {result.kept} 道，移除过时的草稿 {result.removed} 道。")
    if result.dropped:
        out(f"校验未通过而舍弃 {result.dropped_total} 道。")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from studyapp.services import exchange

    with open_context(args) as ctx:
        count = exchange.export_file(ctx, resolve_document(ctx, args.document), Path(args.output))
    out(f"已导出 {count} 道题到“{args.output}”。")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from studyapp.services import exchange

    with open_context(args) as ctx:
        report = exchange.import_file(ctx, resolve_document(ctx, args.document), Path(args.file))
    lines = exchange.describe(report)
    if report.errors:
        for line in lines:
            err(line)
        return EXIT_BAD_INPUT
    for line in lines:
        out(line)
    return 0
