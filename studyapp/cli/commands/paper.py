"""`studyapp paper DOCUMENT -o OUT.pdf [--key KEY.pdf] [--seed N]`: a printed test paper.

OUT.pdf holds the 试卷 in variants A and B, each followed by its 答题卡; --key writes the
参考答案 with each answer's source sentence. Only approved questions are used: a document
without any is reported in Chinese with exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp.cli.common import open_context, out


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "paper", parents=[parent], help="生成试卷（PDF）",
        description="用文件已审核通过的试题组卷：A、B 两卷（题目相同，题序和选项顺序不同）及答题卡；"
                    "--key 另存参考答案（附出处原文）。",
    )
    p.add_argument("document", metavar="DOCUMENT", help="文件编号（import --json 给出的 document）")
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="试卷输出文件")
    p.add_argument("--key", metavar="KEY.pdf", default=None, help="参考答案输出文件")
    p.add_argument("--seed", metavar="N", type=int, default=0,
                   help="随机种子：相同种子生成相同的试卷（默认 0）")
    p.add_argument("--variants", choices=("A", "AB"), default="AB",
                   help="AB：A、B 两卷（默认）；A：只出 A 卷")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from studyapp.services import papers

    with open_context(args) as ctx:
        from studyapp.cli.commands.bank import resolve_document

        doc_id = resolve_document(ctx, args.document)  # (one rule for naming a document on the command line)
        made = papers.make_papers(ctx, doc_id, seed=args.seed, variants=tuple(args.variants))
        from studyapp.reports.forms.paper import build_answer_key, build_paper_pdf
        from studyapp.services.printing import unit_name

        unit = unit_name(ctx)
    from studyapp.services import files

    files.save_bytes(Path(args.output), build_paper_pdf(made, unit))
    if args.key:
        files.save_bytes(Path(args.key), build_answer_key(made, unit))
    first = made[0]
    out(f"已生成试卷（{'、'.join(p.variant + '卷' for p in made)}，每卷 {len(first.questions)} 题，"
        f"满分 {first.total:g} 分）：{args.output}")
    if args.key:
        out(f"已生成参考答案：{args.key}")
    return 0
