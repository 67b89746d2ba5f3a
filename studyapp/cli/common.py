"""Shared pieces of the command line: output streams, the data folder, opening the database."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import TYPE_CHECKING, Any, TextIO

from studyapp import paths
from studyapp.core.model import DocumentError

log = logging.getLogger("studyapp.cli")

if TYPE_CHECKING:
    from studyapp.services.context import AppContext


def use_utf8(*streams: TextIO) -> None:
    """Write UTF-8 even to a Windows console or a pipe in a GBK locale (never crash on 中文)."""
    for stream in streams:
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
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
    except DocumentError as exc:  # a broken bundle must not stop the command the user asked for
        log.warning("bundled document not imported: %s", exc.message)
    except BaseException:
        ctx.close()
        raise
    return ctx
