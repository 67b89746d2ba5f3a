"""文件 → 备份与恢复…, and a damaged database at start offering the newest good backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from studyapp.db.engine import DB_FILENAME
from studyapp.services import backup
from studyapp.ui.backup.dialog import BackupDialog

pytestmark = pytest.mark.sqlite_only  # (backs up and restores the SQLite file; a shared database: tests/db/test_shared.py)


def test_backup_now_lists_it_and_a_restore_is_scheduled(qtbot, make_window, monkeypatch, settle) -> None:
    window = make_window()
    assert window.act_backup.text() == "备份与恢复…"
    dialog = window.show_backups()
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(lambda: not window.runner.busy)
    start = dialog.table.rowCount()
    with qtbot.waitSignal(window.runner.idle, timeout=10000):
        dialog.backup_now()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == start + 1 and not window.runner.busy)
    assert "已备份并检查完好" in dialog.status.text()
    assert "手动" in [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Ok)
    assert dialog.restore_selected()
    settle()  # (scheduled on the worker)
    assert (Path(window.ctx.data_dir) / backup.PENDING).is_file()
    assert "重新打开" in dialog.status.text() and not dialog.restore_button.isEnabled()


def test_a_damaged_database_at_start_offers_the_newest_good_backup(qtbot, tmp_path, monkeypatch) -> None:
    from studyapp.services.context import AppContext
    from studyapp.ui import app as app_module

    data = tmp_path / "data"
    with AppContext(data) as ctx:
        good = backup.make_backup(ctx)
        with ctx.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(data / DB_FILENAME, "r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xde\xad\xbe\xef" * 1024)
    shown: list[str] = []

    def choose_restore(box) -> int:
        shown.append(box.text())
        monkeypatch.setattr(box, "clickedButton", lambda: box.buttons()[0])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    window = app_module.start_main_window(data)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.opened, timeout=30000):
        pass
    assert shown and "已损坏" in shown[0] and str(good.path) in shown[0]
    assert window.ctx is not None and backup.check_file(data) == ["ok"]
    window.close()


def test_export_and_import_a_data_package(qtbot, make_window, tmp_path, settle) -> None:
    """导出数据包… writes a checked .zip; 导入数据包… checks it, lists it among the backups and
    restores it at the next start; a broken package is refused with a message."""
    window = make_window()
    dialog = window.show_backups()
    qtbot.waitUntil(lambda: not window.runner.busy)
    target = tmp_path / "U盘" / "学习测评数据.zip"
    with qtbot.waitSignal(window.runner.idle, timeout=10000):
        dialog.export_archive(str(target))
    assert target.is_file() and "已导出数据包" in dialog.status.text()
    broken = tmp_path / "坏的.zip"
    broken.write_bytes(target.read_bytes()[:2000])
    from unittest import mock

    with mock.patch.object(QMessageBox, "warning") as warned:
        dialog.import_archive(str(broken), confirm=False)  # (checked on the worker)
        settle()
    assert "没有导入" in warned.call_args[0][2]
    assert not (Path(window.ctx.data_dir) / backup.PENDING).exists()
    assert dialog.import_archive(str(target), confirm=False)
    settle()
    assert (Path(window.ctx.data_dir) / backup.PENDING).is_file() and "重新打开" in dialog.status.text()
    qtbot.waitUntil(lambda: "导入的数据包" in [dialog.table.item(r, 1).text()
                                            for r in range(dialog.table.rowCount())])
