"""Subcommands of `studyapp`. Each module has `register(subparsers, parent)`; the parser it adds
sets `handler=run`, where `run(args) -> int`. Later issues append their modules here."""

from __future__ import annotations

from types import ModuleType

from studyapp.cli.commands import importing, outline

COMMANDS: list[ModuleType] = [outline, importing]
