"""Subcommands of `studyapp`. Each module has `register(subparsers, parent)`; the parser it adds
sets `handler=run`, where `run(args) -> int`; COMMANDS lists them in the order `--help` shows."""

from __future__ import annotations

from types import ModuleType

from studyapp.cli.commands import (
    audit,
    backup,
    bank,
    database,
    importing,
    outline,
    paper,
    questions,
    records,
    settings,
)

# in the order `studyapp --help` lists them: the document and its questions, the records and
# their papers, the data folder (settings, backups, the 操作记录)
COMMANDS: list[ModuleType] = [outline, importing, questions, bank, records, paper, settings, database, backup,
                              audit]
