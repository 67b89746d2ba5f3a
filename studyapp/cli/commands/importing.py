"""`studyapp import FILE [--json]`: store a document and the study session of its header."""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp.cli.common import open_context, out, print_json


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "import",
        parents=[parent],
        help="导入文件到文件库",
        description="导入文件（.txt / .docx / .pdf）；有学习信息时同时创建学习记录。",
    )
    p.add_argument("file", metavar="FILE", help="要导入的文件")
    p.add_argument(
        "--json", action="store_true",
        help='以 JSON 输出：{"document": 编号, "session": 编号或 null}',
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from studyapp.services import documents, sessions  # only this command needs the database

    with open_context(args) as ctx:
        result = documents.import_file(ctx, Path(args.file))
        if args.json:
            print_json({"document": result.document_id, "session": result.session_id})
            return 0
        out(f"已导入文件《{result.title}》（编号 {result.document_id}），共 {result.section_count} 个章节。")
        if result.truncated:
            out("注意：原文在末尾中断，内容不完整。")
        if result.session_id is not None:
            info = sessions.get_session(ctx, result.session_id)
            details = "，".join(
                part
                for part in (
                    info.date or "日期未知",
                    info.mode,
                    info.place,
                    f"领学人 {info.leader}" if info.leader else "",
                )
                if part
            )
            out(f"已创建学习记录（编号 {info.id}）：{details}。")
    return 0
