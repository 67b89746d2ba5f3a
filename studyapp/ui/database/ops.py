"""数据库's operations (ui/ops.py): check a server, move the data folder to it or back — on the
worker (a server a network hop away may take seconds to answer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from studyapp.services import database
from studyapp.services.database import DEFAULT_PORT, ServerCheck, SharedDatabase
from studyapp.ui.ops import Changes, CollectionOp, QueryOp

# (the dialog takes the server's setting from here: widgets reach the services only through ops)
__all__ = ["DEFAULT_PORT", "SharedDatabase", "check", "location_now", "use_local", "use_server"]


def check(parent: QObject, config: SharedDatabase, success: Any) -> QueryOp[ServerCheck]:
    """测试连接: what the server's database holds (StorageError in Chinese when it cannot)."""
    return QueryOp(parent, lambda _ctx: database.check_server(config), success).titled("测试连接")


def use_server(parent: QObject, data_dir: Path, config: SharedDatabase, upload: bool) -> CollectionOp[ServerCheck]:
    """Point the folder at the server (with 上传本机数据: the records copied there first)."""
    return CollectionOp(parent, lambda _ctx, _progress, _cancel: database.use_server(data_dir, config, upload=upload), Changes()) \
        .with_progress("数据库", "正在上传本机数据…" if upload else "正在连接服务器…")


def use_local(parent: QObject, data_dir: Path, download: bool) -> CollectionOp[Path | None]:
    """Back to the folder's own file (with 下载到本机: the server's records copied home first)."""
    return CollectionOp(parent, lambda _ctx, _progress, _cancel: database.use_local(data_dir, download=download), Changes()) \
        .with_progress("数据库", "正在下载服务器上的数据…" if download else "正在保存…")


def location_now(ctx) -> str:  # noqa: ANN001
    return database.location(ctx)
