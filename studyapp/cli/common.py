"""Shared pieces of the command line: output streams, the data folder, opening the database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

from studyapp import paths

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
    """The migrated database of the data folder chosen by --data / $STUDYAPP_DATA / platformdirs."""
    from studyapp.services.context import AppContext

    return AppContext(paths.data_dir(getattr(args, "data", None)))
