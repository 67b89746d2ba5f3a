"""`studyapp audit`: the 操作记录 — every change to records, scores and the bank."""

from __future__ import annotations

import argparse

from studyapp.cli.common import open_context, out, print_json


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "audit", parents=[parent], help="操作记录：成绩、考勤、名册、题库的每一次改动",
        description="列出对成绩、考勤、名册、学习记录和题库的改动（时间、操作人、改动前后），新的在前。")
    p.add_argument("--area", choices=("成绩", "考勤", "名册", "学习记录", "题库"), help="只看这一类")
    p.add_argument("--limit", type=int, default=200, metavar="N", help="最多列出 N 条（默认 200）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from studyapp.cli.common import err
    from studyapp.services import audit

    if args.limit < 1:
        err("错误：--limit 应为正整数。")
        return 2
    with open_context(args) as ctx:
        rows = audit.entries(ctx, limit=args.limit, area=args.area)
    if args.json:
        print_json([{"at": r.at.isoformat(timespec="seconds"), "actor": r.actor, "area": r.area,
                     "action": r.action, "target": r.target, "old": r.old, "new": r.new} for r in rows])
        return 0
    if not rows:
        out("还没有操作记录。")
        return 0
    for r in rows:
        out(f"{r.at:%Y-%m-%d %H:%M:%S}\t{r.actor}\t{r.area}\t{r.action}\t{r.target}\t{r.change()}")
    return 0
