"""备份与恢复's operations: where backups go, a backup made now and listed whole with what it
holds, a data package exported, and a restore checked now and left for the next start."""

from __future__ import annotations

import pytest

from studyapp.services import backup
from studyapp.ui.backup import ops

pytestmark = pytest.mark.sqlite_only  # (backups are copies of the SQLite file; a server keeps its own)


def _run(op, settle) -> list:  # noqa: ANN001
    got: list = []
    op.success(got.append).run()
    settle()
    return got


def test_a_backup_now_is_listed_whole(window, seeded_ctx, settle) -> None:
    folder = ops.folder_now(seeded_ctx)
    [made] = _run(ops.make_backup(window), settle)
    assert made.ok and made.path.parent == folder and made.documents == 1 and made.kind == "manual"
    [listed] = _run(ops.backups(window, lambda _rows: None), settle)
    assert [b.path for b in listed] == [made.path]


def test_a_package_is_exported_and_a_restore_waits_for_the_next_start(window, seeded_ctx, tmp_path, settle) -> None:
    target = tmp_path / "数据包.zip"
    [info] = _run(ops.export_archive(window, target), settle)
    assert target.is_file() and info.ok and backup.is_archive(target)
    [made] = _run(ops.make_backup(window), settle)
    _run(ops.schedule_restore(window, made.path), settle)
    assert (seeded_ctx.data_dir / ops.PENDING).read_text(encoding="utf-8") == str(made.path.resolve())
