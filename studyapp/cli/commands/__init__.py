"""Subcommands of `studyapp`. Each module has `register(subparsers, parent)`; the parser it adds
sets `handler=run`, where `run(args) -> int`. Later issues append their modules here."""

from __future__ import annotations

from types import ModuleType

from studyapp.cli.commands import bank, importing, outline, questions

COMMANDS: list[ModuleType] = [outline, importing, questions, bank]

# Study records and printing (issue 5).
from studyapp.cli.commands import paper, records  # noqa: E402

COMMANDS += [records, paper]

# The data folder's settings, e.g. the unit heading every form (issue 10).
from studyapp.cli.commands import settings  # noqa: E402

COMMANDS += [settings]

# Backups, restore and the integrity check (issue 11).
from studyapp.cli.commands import backup  # noqa: E402

COMMANDS += [backup]

# The 操作记录 (issue 11).
from studyapp.cli.commands import audit  # noqa: E402

COMMANDS += [audit]
