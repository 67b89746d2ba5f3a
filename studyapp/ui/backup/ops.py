"""备份与恢复's operations (ui/ops.py): the backups, a backup now, a restore or a data package
scheduled for the next start, a data package exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from studyapp.services import backup
from studyapp.ui.ops import Changes, CollectionOp, QueryOp

BackupInfo = backup.BackupInfo
PENDING = backup.PENDING


def folder_now(ctx) -> Path:  # noqa: ANN001
    """Where the backups are kept (a path: no database)."""
    return backup.folder_of(ctx)


def backups(parent: QObject, success: Callable[[list[BackupInfo]], Any]) -> QueryOp:
    """The backups kept, newest first, each with what it holds and whether it is whole."""
    return QueryOp(parent, lambda ctx: backup.backups(ctx), success).titled("备份与恢复")


def make_backup(parent: QObject) -> CollectionOp[BackupInfo]:
    """立即备份: a copy checked before it is named (nothing any window shows changes)."""
    return CollectionOp(parent, lambda ctx, _p, _c: backup.make_backup(ctx, "manual"), Changes()) \
        .with_progress("立即备份", "正在备份…")


def schedule_restore(parent: QObject, path: Path) -> CollectionOp[None]:
    """恢复备份: checked now, done when studyapp opens next."""
    return CollectionOp(parent, lambda ctx: backup.schedule_restore(ctx, path), Changes()).titled("恢复备份")


def export_archive(parent: QObject, path: Path) -> QueryOp:
    """导出数据包: everything as one checked .zip."""
    return QueryOp(parent, lambda ctx, _p, _c: backup.export_archive(ctx, path), lambda _i: None) \
        .with_progress("导出数据包", "正在导出全部数据…")


def stage_archive(parent: QObject, path: Path) -> CollectionOp[BackupInfo]:
    """导入数据包: checked now, restored when studyapp opens next."""
    return CollectionOp(parent, lambda ctx, _p, _c: backup.stage_archive(ctx, path), Changes()) \
        .with_progress("导入数据包", "正在检查数据包…")
