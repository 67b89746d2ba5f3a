"""The start's operations (ui/ops.py): what the program reads before and while its window opens —
the saved window size (before the database layer loads), the data folder opened with its seed and
its day's backup (on the worker), where the reader left off, and a damaged database restored.

Every import of the database layer is made inside the function that needs it: the window frame
shows before SQLAlchemy is loaded (the start's first paint does not wait for it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from studyapp.services import AppContext


def saved_settings_now(data_dir: Path, names: list[str]) -> dict[str, Any]:
    """Settings read straight from the database file, without the database layer (the window's
    size as it was, before anything else loads)."""
    from studyapp.services.startup import peek_settings

    return peek_settings(data_dir, names)


def choose_start(ctx: AppContext, seed_id: int | None) -> tuple[int | None, int | None]:
    """Where to open: the last document/section read, else the seed, else any document."""
    from studyapp.services import documents
    from studyapp.services import settings as settings_service

    docs = documents.list_documents(ctx)
    ids = {d.id for d in docs}
    last_doc = int(settings_service.get_setting(ctx, "reader.last_document") or 0)
    last_section = int(settings_service.get_setting(ctx, "reader.last_section") or 0)
    if last_doc in ids:
        return last_doc, (last_section or None)
    if seed_id in ids:
        return seed_id, None
    return (docs[0].id if docs else None), None


def open_context(data_dir: Path) -> AppContext:
    """The data folder's database, migrated if needed (SchemaTooNewError when a newer studyapp
    wrote it; DatabaseDamaged when it fails its check)."""
    from studyapp.services.context import AppContext

    return AppContext(Path(data_dir))


def seed_and_start(ctx: AppContext) -> tuple[int | None, int | None]:
    """The bundled document imported on first start; where the reader opens."""
    import logging

    from studyapp.core.model import UserError
    from studyapp.services import documents, roster

    try:  # (the people of a roster import cut off by a power cut: never shown, removed now)
        roster.recover_interrupted_import(ctx)
    except UserError as e:  # (another PC busy writing: the next import does it)
        logging.getLogger("studyapp.records").warning("interrupted roster import not undone: %s", e.message)
    return choose_start(ctx, documents.ensure_seed(ctx))


def open_data(data_dir: Path) -> tuple[AppContext, int | None, int | None]:
    """Open (migrating if needed) the data folder, import the seed on first start, make the
    day's backup, and say where to open. Runs on the worker thread at start-up."""
    ctx = open_context(data_dir)
    try:
        doc_id, section_id = seed_and_start(ctx)
        auto_backup(ctx)  # once a day, rotated; a failure is logged, never in the way
    except BaseException:
        ctx.close()
        raise
    return ctx, doc_id, section_id


def auto_backup(ctx: AppContext) -> None:
    """The day's first backup (also when the program stayed open overnight)."""
    from studyapp.services import backup

    backup.auto_backup(ctx)


def failure_kind(exc: BaseException) -> str:
    """What went wrong opening the data folder: "damaged" (a good backup may be restored),
    "refused" (a message for the user: a newer database, a folder that cannot be written), or
    "other"."""
    from studyapp.core.model import UserError
    from studyapp.services.backup import DatabaseDamaged
    from studyapp.services.context import SchemaTooNewError

    if isinstance(exc, DatabaseDamaged) and exc.newest_good is not None:
        return "damaged"
    if isinstance(exc, (SchemaTooNewError, UserError)):
        return "refused"
    return "other"


def shared_server_of(data_dir: Path) -> str | None:
    """The shared server this data folder is set to use, as the window names it (None: the
    folder's own database file; a setting that cannot be read is still a server's)."""
    from studyapp.core.model import UserError
    from studyapp.services import database

    try:
        config = database.configured(Path(data_dir))
    except UserError:
        return "一台共享数据库服务器（其设置无法读取）"
    return config.describe() if config is not None else None


def use_local_now(data_dir: Path) -> None:
    """Point the data folder back at its own database file (the server's records stay where they
    are; 文件 → 数据库… connects again)."""
    from studyapp.services import database

    database.use_local(Path(data_dir))


def is_too_new(exc: BaseException) -> bool:
    from studyapp.services.context import SchemaTooNewError

    return isinstance(exc, SchemaTooNewError)


def restore_file(data_dir: Path, backup_file: Path) -> Path:
    """Put a good backup in place of the damaged database (the damaged one is kept aside)."""
    from studyapp.services import backup

    return backup.restore_file(data_dir, backup_file)


def example_signin_pdf(ctx: AppContext) -> bytes | None:
    """The self-test's print check: the first study session's 签到表 as a PDF (None: the data
    folder holds no session to print)."""
    from studyapp.services import printing, sessions

    infos = sessions.session_page(ctx, 1).infos
    return printing.signin_pdf(ctx, infos[0].id, "roster") if infos else None
