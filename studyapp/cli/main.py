"""The `studyapp` command (also `python -m studyapp`).

Without a subcommand it starts the GUI (imported lazily: `outline`/`import` never load Qt).
Bad input prints a Chinese message on stderr and exits with status 2, without a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from studyapp import APP_TITLE, __version__, paths
from studyapp.cli.common import err, use_chinese_output
from studyapp.core.model import Cancelled, UserError

log = logging.getLogger("studyapp.cli")

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_CANCELLED = 130


class _ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse speaking Chinese: help headings, -h, and the error line (usage errors exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
        kwargs["add_help"] = False  # (the Chinese -h is added below)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示帮助并退出")

    _PHRASES = (
        ("the following arguments are required:", "缺少"),
        ("unrecognized arguments:", "无法识别："),
        ("invalid choice:", "无效的选择："),
        ("expected one argument", "需要一个值"),
        ("choose from", "可选"),
        ("argument ", ""),
    )

    def error(self, message: str) -> NoReturn:
        for english, chinese in self._PHRASES:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}：参数有误（{message}）。运行 studyapp --help 查看用法。\n")


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    # On subparsers the defaults are suppressed, so `studyapp --data D import F` and
    # `studyapp import F --data D` both work and neither overwrites the other.
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--data", metavar="DIR", default=default,
                        help="数据文件夹（默认：环境变量 STUDYAPP_DATA，或系统的用户数据目录）")
    parser.add_argument("-v", "--verbose", action="count",
                        default=argparse.SUPPRESS if suppress else 0, help="输出运行日志（-vv 更详细）")


def build_parser() -> argparse.ArgumentParser:
    from studyapp.cli.commands import COMMANDS

    parser = ChineseArgumentParser(
        prog="studyapp",
        description=f"{APP_TITLE}：学习文件、题库测验与学习记录。不带子命令时启动图形界面。",
    )
    _global_options(parser, suppress=False)
    parser.add_argument("--selftest", action="store_true",
                        help="自检：在后台打开内置文件并检查主窗口，通过时退出码为 0")
    parser.add_argument("--version", action="version", help="显示版本号并退出",
                        version=f"{APP_TITLE} studyapp {__version__}")
    parent = ChineseArgumentParser(add_help=False)
    parent._optionals.title = "通用选项"
    _global_options(parent, suppress=True)
    subparsers = parser.add_subparsers(
        dest="command", metavar="命令", parser_class=ChineseArgumentParser
    )
    for command in COMMANDS:
        command.register(subparsers, parent)
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from studyapp.ui.app import run_gui  # lazily: only the GUI needs Qt

    return run_gui(paths.data_dir(args.data), selftest=args.selftest)


def _silence_stdout() -> None:
    # Python would complain again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    use_chinese_output(sys.stdout, sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, usage errors
        return e.code if isinstance(e.code, int) else EXIT_BAD_INPUT
    # The console shows users Chinese messages only; -v / -vv add the developers' log.
    # Without a subcommand the GUI sets up its own logging (unless -v asks for the console).
    if args.command is not None or args.verbose:
        levels = {0: logging.CRITICAL, 1: logging.INFO}
        logging.basicConfig(
            level=levels.get(args.verbose, logging.DEBUG),
            format="%(levelname)s %(name)s: %(message)s",
        )
    # Imported after parsing so `--help`/`--version` do not wait for SQLAlchemy.
    from studyapp.services.context import SchemaTooNewError

    try:
        if args.command is None:
            return _run_gui(args)
        return args.handler(args)
    except UserError as e:  # includes StorageError / NotFoundError
        err(f"错误：{e.message}")
    except (SchemaTooNewError, paths.MissingResource) as e:
        err(f"错误：{e.message}")
    except Cancelled:
        err("已取消。")
        return EXIT_CANCELLED
    except KeyboardInterrupt:
        err("已中断。")
        return EXIT_CANCELLED
    except BrokenPipeError:  # `studyapp outline F | head`: the reader left; stop quietly
        _silence_stdout()
        return 1
    except OSError as e:
        name = f"“{e.filename}”" if getattr(e, "filename", None) else ""
        err(f"错误：无法读写文件{name}：{e.strerror or e}。请检查路径和权限。")
    return EXIT_BAD_INPUT
