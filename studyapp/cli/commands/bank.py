"""`studyapp bank generate|list|approve|retire|export|import DOCUMENT …`: a stored document's
question bank.

DOCUMENT is the number shown by the 文件库 (or a unique part of the title); QUESTION is the
number `bank list` shows (or the id of the bank file / `questions --json`). Export picks the
format by the file's suffix: .yaml (bank file), .xlsx (Excel 题库), .gift, .xml (Moodle).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.cli.common import err, open_context, out, print_json
from studyapp.core.model import UserError

if TYPE_CHECKING:
    from studyapp.services.context import AppContext

log = logging.getLogger("studyapp.cli")

EXIT_BAD_INPUT = 2
STATUS_WORDS = {
    "draft": "draft", "草稿": "draft", "待审核": "draft",
    "approved": "approved", "已审核": "approved", "已通过": "approved",
    "retired": "retired", "已停用": "retired", "停用": "retired",
}
STEM_WIDTH = 40


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "bank",
        parents=[parent],
        help="题库：生成、查看、审核、停用、导出、导入",
        description="管理已导入文件的题库。DOCUMENT 为文件编号（或标题中唯一的一段文字）。",
    )
    sub = p.add_subparsers(dest="bank_command", metavar="操作", required=True,
                           parser_class=type(p))
    g = sub.add_parser("generate", parents=[parent], help="生成（或重新生成）题库",
                       description="生成试题并存为草稿；已审核、修改或停用的试题保持不变。")
    g.add_argument("document", metavar="DOCUMENT", help="文件编号或标题")
    g.add_argument("--seed", type=int, default=0, metavar="N", help="随机种子（默认 0）")
    g.set_defaults(handler=run_generate)
    ls = sub.add_parser("list", parents=[parent], help="列出试题及其编号和状态",
                        description="按原文顺序列出试题：编号、状态、题型、题干。")
    ls.add_argument("document", metavar="DOCUMENT", help="文件编号或标题")
    ls.add_argument("--status", metavar="STATUS", type=_status,
                    help="只列出某种状态：待审核（草稿）、已审核、已停用")
    ls.add_argument("--json", action="store_true", help="以 JSON 列表输出")
    ls.set_defaults(handler=run_list)
    a = sub.add_parser("approve", parents=[parent], help="审核通过试题",
                       description="把试题审核通过，用于练习、考试和会议室。不写试题编号时，"
                                   "审核通过本文件全部待审核的试题。")
    a.add_argument("document", metavar="DOCUMENT", help="文件编号或标题")
    a.add_argument("questions", metavar="QUESTION", nargs="*",
                   help="试题编号（见 studyapp bank list）")
    a.set_defaults(handler=run_approve)
    r = sub.add_parser("retire", parents=[parent], help="停用试题",
                       description="停用的试题保留在题库中，但不再出现在练习和测试里，可在题库中恢复。"
                                   "要停用全部待审核的试题，请写 --all。")
    r.add_argument("document", metavar="DOCUMENT", help="文件编号或标题")
    r.add_argument("questions", metavar="QUESTION", nargs="*",
                   help="试题编号（见 studyapp bank list）")
    r.add_argument("--all", action="store_true",
                   help="停用本文件全部待审核的试题（已审核的不受影响）")
    r.set_defaults(handler=run_retire)
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


def _status(text: str) -> str:
    status = STATUS_WORDS.get(text.strip().lower())
    if status is None:
        raise argparse.ArgumentTypeError(f"状态“{text}”无效，应为 待审核、已审核 或 已停用")
    return status


def resolve_document(ctx: AppContext, spec: str) -> int:
    """A document by number or by a unique part of its title (Chinese error otherwise)."""
    from studyapp.services import documents

    docs = documents.list_documents(ctx)
    from studyapp.core.names import is_id

    text = spec.strip()
    if is_id(text):
        for d in docs:
            if d.id == int(text):
                return d.id
        raise UserError(f"找不到编号为 {text} 的文件。请先用 studyapp import 导入，或检查编号。")
    hits = [d for d in docs if d.title == text] or [d for d in docs if text and text in d.title]
    if len(hits) == 1:
        return hits[0].id
    if not hits:
        raise UserError(f"找不到标题含“{text}”的文件。请检查标题，或改用文件编号。")
    names = "；".join(f"{d.id}：{d.title}" for d in hits[:5])
    raise UserError(f"标题含“{text}”的文件不止一个（{names}），请改用文件编号。")


def run_generate(args: argparse.Namespace) -> int:
    from studyapp.services import bank, bankreview

    with open_context(args) as ctx:
        doc = resolve_document(ctx, args.document)
        result = bank.generate_for_document(ctx, doc, seed=args.seed)
        counts = bank.bank_counts(ctx, doc)
    out(f"{bankreview.generated_headline(result.generated, counts.draft)}。")
    out(f"（新增 {result.added} 道，更新 {result.refreshed} 道，保留已审核或修改过的 {result.kept} 道，"
        f"移除过时的草稿 {result.removed} 道。）")
    if counts.draft:
        out(f"审核通过后才能用于练习和考试：请在题库窗口中逐题审核，或用 studyapp bank approve {doc}。")
    if result.dropped:  # the checker's work, for whoever runs -v: not news for a cadre
        log.info("checker set aside %d candidate question(s): %s", result.dropped_total, result.dropped)
    return 0


def _short(text: str, width: int = STEM_WIDTH) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def run_list(args: argparse.Namespace) -> int:
    from studyapp.services import bank
    from studyapp.services.dto import QUESTION_STATUS_NAMES, QUESTION_TYPE_NAMES

    with open_context(args) as ctx:
        doc = resolve_document(ctx, args.document)
        title, views = bank.document_views(
            ctx, doc, statuses=[args.status] if args.status else None)
        counts = bank.bank_counts(ctx, doc)
    if args.json:
        print_json([{"number": v.id, **v.to_json()} for v in views])
        return 0
    out(f"《{title}》：共 {counts.total} 道，已审核 {counts.approved} 道，待审核 {counts.draft} 道，"
        f"已停用 {counts.retired} 道。")
    if not views:
        out("（没有符合条件的试题）")
    for v in views:
        status = "待审核" if v.status == "draft" else QUESTION_STATUS_NAMES.get(v.status, v.status)
        qtype = QUESTION_TYPE_NAMES.get(v.type, v.type).removesuffix("题")
        out(f"{v.id:>6}  {status}  {qtype}  {_short(v.stem)}")
    return 0


def _report(action: str, outcome: Any) -> int:  # a bankreview.ReviewOutcome
    from studyapp.services import bankreview

    out(f"{bankreview.outcome_text(action, outcome)}。")
    for line in outcome.refused:
        err(line)
    if outcome.refused:
        err(f"有 {len(outcome.refused)} 道试题格式有误，没有通过，请在题库窗口中修改后再审核。")
    return 0


def run_approve(args: argparse.Namespace) -> int:
    from studyapp.services import bankreview

    with open_context(args) as ctx:
        doc = resolve_document(ctx, args.document)
        outcome = bankreview.approve_in_document(ctx, doc, args.questions or None)
    return _report("approve", outcome)


def run_retire(args: argparse.Namespace) -> int:
    from studyapp.services import bankreview

    if args.all and args.questions:
        err("错误：写了试题编号就不要再写 --all。要停用全部待审核的试题，只写 --all。")
        return EXIT_BAD_INPUT
    if not args.all and not args.questions:
        err("错误：没有指定要停用的试题。请写出试题编号（见 studyapp bank list），"
            "或写 --all 停用全部待审核的试题。")
        return EXIT_BAD_INPUT
    with open_context(args) as ctx:
        doc = resolve_document(ctx, args.document)
        outcome = bankreview.retire_in_document(ctx, doc, None if args.all else args.questions)
    return _report("retire", outcome)


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
