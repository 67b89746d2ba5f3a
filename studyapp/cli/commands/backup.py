"""`studyapp backup [-o FILE] [--list]`, `studyapp restore FILE`, `studyapp check`: the data
folder's backups and integrity from the command line.

`restore` and `check` work on the database file without opening it for writing, so they also
work when the database is damaged (which is when they are needed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp import paths
from studyapp.cli.common import err, open_context, out, print_json


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "backup", parents=[parent], help="备份数据（或列出已有的备份）",
        description="把数据库完整备份到数据文件夹的 backups 文件夹（或 -o 指定的文件），写完后逐页检查。"
                    "图形界面每天自动备份一次，保留最近 7 天、4 周、12 个月的备份。")
    p.add_argument("-o", "--output", metavar="FILE", help="备份到这个文件（例如 U 盘上的文件）")
    p.add_argument("--archive", action="store_true",
                   help="导出为一个 .zip 数据包（全部数据，带校验），用于换电脑或交给上级；用 studyapp restore 导入")
    p.add_argument("--list", action="store_true", help="列出已有的备份及其内容")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（与 --list 一起用）")
    p.set_defaults(handler=run_backup)

    r = subparsers.add_parser(
        "restore", parents=[parent], help="从备份恢复数据",
        description="先检查备份文件是否完好，再把当前数据库另存为“恢复前”备份，然后换成备份中的数据。"
                    "恢复时请先关闭学习测评的窗口。")
    r.add_argument("file", metavar="FILE", help="备份文件（studyapp backup --list 列出的文件），或 backup --archive 导出的 .zip 数据包")
    r.set_defaults(handler=run_restore)

    c = subparsers.add_parser(
        "check", parents=[parent], help="检查数据库是否完好",
        description="逐页检查数据库（只读，不做任何改动）；数据文件夹连接共享数据库服务器时，检查服务器上的数据库。"
                    "完好时退出码为 0；有损坏时列出问题和可用的备份，退出码为 2。")
    c.set_defaults(handler=run_check)


def _data_dir(args: argparse.Namespace) -> Path:
    return paths.data_dir(getattr(args, "data", None))


def run_backup(args: argparse.Namespace) -> int:
    from studyapp.services import backup

    with open_context(args) as ctx:
        if args.list:
            found = backup.backups(ctx)
            if args.json:
                print_json([{"file": str(b.path), "taken": b.taken.isoformat(timespec="seconds"),
                             "kind": b.kind, "ok": b.ok, "bytes": b.size, "documents": b.documents,
                             "people": b.people, "sessions": b.sessions, "answers": b.answers}
                            for b in found])
            elif not found:
                out("还没有备份。运行 studyapp backup 立即备份一份。")
            else:
                for b in found:
                    out(f"{b.taken:%Y-%m-%d %H:%M}\t{b.kind_name}\t{b.summary()}\t{b.path}")
            return 0
        dest = Path(args.output) if args.output else None
        if args.archive:
            import datetime as dt

            dest = dest or Path(f"学习测评数据-{dt.date.today():%Y%m%d}.zip")
            info = backup.export_archive(ctx, dest)
            out(f"已导出数据包：{info.path}（{info.summary()}）")
            return 0
        if dest is not None and dest.suffix == "":
            dest = dest.with_suffix(".sqlite3")
        info = backup.make_backup(ctx, "manual", dest=dest)
    out(f"已备份并检查完好：{info.path}（{info.summary()}）")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from studyapp.services import backup

    path = Path(args.file)
    if backup.is_archive(path):  # a 数据包 from `backup --archive`
        kept = backup.import_archive(_data_dir(args), path)
    else:
        kept = backup.restore_file(_data_dir(args), path)
    out(f"已从“{args.file}”恢复数据。恢复前的数据已另存为：{kept}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from studyapp.services import backup, database

    data_dir = _data_dir(args)
    server = database.configured(data_dir)
    if server is not None:
        return _check_server(server)
    problems = backup.check_file(data_dir)
    if problems == ["ok"]:
        out(f"数据库完好：{backup.database_file(data_dir)}")
        return 0
    _say(f"数据库“{backup.database_file(data_dir)}”有损坏：", problems)
    good = next((b for b in backup.list_backups(data_dir) if b.ok), None)
    if good is not None:
        err(f"最近一份完好的备份：{good.taken:%Y-%m-%d %H:%M}（{good.summary()}）。"
            f"恢复：studyapp restore \"{good.path}\"")
    else:
        err("数据文件夹里没有可用的备份。请把整个数据文件夹复制一份保存，再交给技术人员处理。")
    return 2  # (EXIT_BAD_INPUT: the CLI's code for what the user must act on)


def _check_server(server) -> int:  # noqa: ANN001 - a SharedDatabase
    """The folder's records are on the county's shared server: checked there, read only."""
    from studyapp.services import database

    problems = database.verify_server(server)
    if problems == ["ok"]:
        out(f"共享数据库完好：{server.describe()}（每张数据表逐行读过）")
        return 0
    _say(f"共享数据库“{server.describe()}”有问题：", problems)
    err("共享数据库的备份由服务器管理员保管：请把以上内容交给服务器管理员，用服务器的备份恢复。")
    return 2  # (EXIT_BAD_INPUT: the CLI's code for what the user must act on)


def _say(head: str, problems: list[str]) -> None:
    """A check's problems on stderr, the first ten."""
    err(head)
    for p in problems[:10]:
        err(f"  {p}")

