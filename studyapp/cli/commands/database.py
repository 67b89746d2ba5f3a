"""`studyapp database`: where the data folder's records live — its own SQLite file (the default)
or the county's shared PostgreSQL server — and moving between them (services.database)."""

from __future__ import annotations

import argparse
import sys

from studyapp import paths
from studyapp.cli.common import out
from studyapp.services.database import DEFAULT_PORT, SharedDatabase


def register(subparsers: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "database", parents=[parent], help="数据库：本机文件或共享的 PostgreSQL 服务器",
        description="不带子命令：显示数据在哪里。多台电脑共用一套记录时，用 server 连接单位的 PostgreSQL "
                    "服务器（--upload 把本机已有的数据上传到服务器上的空数据库）；local 改回本机数据库"
                    "（--download 先把服务器上的数据下载到本机）。改动在下次打开时生效。")
    sub = p.add_subparsers(dest="action", metavar="操作")
    s = sub.add_parser("server", parents=[parent], help="使用共享的 PostgreSQL 服务器",
                       description="检查服务器后，让本数据文件夹使用它。密码只保存在本机数据文件夹中"
                                   "（仅本用户可读），不写入数据库。")
    c = sub.add_parser("check", parents=[parent], help="只检查服务器能否连接、其中有什么，不做改动")
    for q in (s, c):
        q.add_argument("host", metavar="HOST", help="服务器地址（IP 或主机名）")
        q.add_argument("database", metavar="DATABASE", help="数据库名")
        q.add_argument("user", metavar="USER", help="用户名")
        q.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"端口（默认 {DEFAULT_PORT}）")
        q.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    s.add_argument("--upload", action="store_true", help="把本机已有的数据上传到服务器上的空数据库")
    loc = sub.add_parser("local", parents=[parent], help="改回本机数据库文件")
    loc.add_argument("--download", action="store_true", help="先把服务器上的数据下载到本机（原有文件另存到 backups）")
    p.set_defaults(handler=run)


def _config(args: argparse.Namespace) -> SharedDatabase:
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else ""
    return SharedDatabase(args.host, args.database, args.user, args.port, password)


def run(args: argparse.Namespace) -> int:
    from studyapp.services import database

    data_dir = paths.data_dir(getattr(args, "data", None))
    action = getattr(args, "action", None)
    if action == "check":
        out(database.check_server(_config(args)).summary())
        return 0
    if action == "server":
        after = database.use_server(data_dir, _config(args), upload=args.upload)
        out(("已上传本机数据。" if args.upload else "") + after.summary())
        out(f"数据文件夹 {data_dir} 下次打开时使用这台服务器。")
        return 0
    if action == "local":
        kept = database.use_local(data_dir, download=args.download)
        if args.download:
            out("已把服务器上的数据下载到本机。" + (f"原有的本机数据库另存为 {kept}。" if kept else ""))
        out(f"数据文件夹 {data_dir} 下次打开时使用本机数据库文件。")
        return 0
    config = database.configured(data_dir)
    if config is None:
        out(f"本机数据库文件：{data_dir / 'studyapp.sqlite3'}（默认）。多台电脑共用一套记录时，用 studyapp database server … 连接服务器。")
    else:
        out(f"使用共享数据库：{config.describe()}（设置保存在 {data_dir}）。")
    return 0

