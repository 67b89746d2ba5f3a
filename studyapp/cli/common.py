"""Shared pieces of the command line: output streams, the data folder, opening the database."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from studyapp import paths
from studyapp.core.model import UserError

log = logging.getLogger("studyapp.cli")

if TYPE_CHECKING:
    from studyapp.services.context import AppContext


def output_encoding(stream: TextIO, *, environ: dict[str, str] | None = None,
                    platform: str | None = None) -> str | None:
    """The encoding to write `stream` in, or None to leave it as Python chose.

    PYTHONIOENCODING, when set (and able to write Chinese), is the user's word. On Windows a console gets UTF-8 (Python
    writes it through the console's own API); a file or a pipe (`> 结果.txt`, `| findstr`, a .bat)
    gets GB18030, what Notepad, findstr and cmd read in a Chinese locale. Elsewhere an encoding
    that cannot write Chinese (ASCII, Latin-1 in a C locale) becomes UTF-8."""
    env = os.environ if environ is None else environ
    if env.get("PYTHONIOENCODING") and _writes_chinese(getattr(stream, "encoding", None)):
        return None  # (one that cannot write Chinese is not kept: never a crash on 中文)
    current = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    try:
        console = bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        console = False
    if (platform or sys.platform) == "win32":
        wanted = "utf-8" if console else "gb18030"
        return None if current == wanted.replace("-", "") else wanted
    return None if _writes_chinese(getattr(stream, "encoding", None)) else "utf-8"


def _writes_chinese(encoding: str | None) -> bool:
    try:
        "中文学习".encode(encoding or "ascii")
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def use_chinese_output(*streams: TextIO) -> None:
    """Set each stream's encoding as output_encoding says (never crash on 中文)."""
    for stream in streams:
        wanted = output_encoding(stream)
        reconfigure = getattr(stream, "reconfigure", None)
        if wanted is not None and reconfigure is not None:
            try:
                reconfigure(encoding=wanted, errors="replace")
            except (ValueError, OSError, TypeError):
                pass


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def err(text: str) -> None:
    print(text, file=sys.stderr)


def print_json(data: Any) -> None:
    out(json.dumps(data, ensure_ascii=False, indent=2))


def open_context(args: argparse.Namespace) -> AppContext:
    """The migrated database of the data folder chosen by --data / $STUDYAPP_DATA / platformdirs.

    A data folder is opened the same way by the CLI and the GUI: the first use by either imports
    the bundled document with its reviewed bank (so `studyapp paper` works on a fresh folder),
    and the other one does not import it again."""
    from studyapp.services import documents
    from studyapp.services.context import AppContext

    ctx = AppContext(paths.data_dir(getattr(args, "data", None)))
    ctx.actor = "命令行"
    try:
        documents.ensure_seed(ctx)
    except UserError as exc:  # a broken bundle must not stop the command the user asked for
        log.warning("bundled document not imported: %s", exc.message)
    except BaseException:
        ctx.close()
        raise
    return ctx
