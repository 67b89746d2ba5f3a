"""The real start: the window appears at its saved place at once, then fills in; a database
from a newer studyapp is refused with its Chinese message."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from studyapp.db.engine import DB_FILENAME
from studyapp.services import settings as settings_service
from studyapp.services.context import AppContext
from studyapp.ui.app import start_main_window


def test_window_appears_first_then_opens_the_seed_where_it_was(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = start_main_window(data)  # first start: migrations and the seed import
    qtbot.addWidget(first)
    assert first.opening_label is not None and "正在打开" in first.opening_label.text()
    with qtbot.waitSignal(first.opened, timeout=30000):
        pass
    assert first.outline.topLevelItemCount() == 4
    # the front door: nobody chosen yet on a fresh PC, so the 首页 asks who is studying
    assert first.study.home_shown and first.study.page.name_label.text() == "还没有选择学习者"
    first.resize(700, 500)  # the offscreen screen is 800×800: stay inside it
    first.move(40, 30)
    first.close()  # saves the geometry through the settings service
    first.ctx.close()

    again = start_main_window(data)
    qtbot.addWidget(again)
    # the saved size is there before the data folder is open
    assert (again.width(), again.height()) == (700, 500)
    assert again.reader is None
    with qtbot.waitSignal(again.opened, timeout=30000):
        pass
    assert again.reader is not None and "中共遵义市委" in again.pane.toPlainText()
    again.close()
    again.ctx.close()


@pytest.mark.sqlite_only  # (writes the SQLite file's revision with sqlite3)
def test_newer_database_is_refused_with_its_message(qtbot, monkeypatch, template_db: Path,
                                                    tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(template_db, data / DB_FILENAME)
    con = sqlite3.connect(data / DB_FILENAME)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    window = start_main_window(data)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.openFailed, timeout=30000) as failed:
        pass
    assert failed.args == [2]  # run_gui quits with this status
    assert "较新版本" in shown[0] and "--data" in shown[0]
    assert window.reader is None and window.ctx is None
    window.close()


def test_closing_before_the_data_is_open_is_harmless(qtbot, tmp_path: Path) -> None:
    window = start_main_window(tmp_path / "data")
    qtbot.addWidget(window)
    window.close()  # nothing to save yet; the opening work is waited for
    if window.ctx is not None:
        window.ctx.close()


@pytest.mark.sqlite_only  # (peeks into the SQLite file; a shared database's window opens at the default place)
def test_saved_geometry_is_read_without_the_database_layer(seeded_ctx: AppContext) -> None:
    from studyapp.services.startup import peek_settings

    settings_service.set_setting(seeded_ctx, "window.geometry", "AQID")
    assert peek_settings(seeded_ctx.data_dir, ["window.geometry"]) == {"window.geometry": "AQID"}


def _start_on_an_unreachable_server(qtbot, monkeypatch, tmp_path: Path, *answers: str,  # noqa: ANN001, ANN202
                                    damaged: bool = False):
    """A data folder set to a server nobody listens on (or, `damaged`, with a setting that cannot
    be read), started with `answers` clicked in turn in the messages that say so: (data folder,
    window, texts shown)."""
    from studyapp.db import shared

    data = tmp_path / "data"
    shared.write(data, shared.SharedDatabase("127.0.0.1", "studyapp", "xiangzhen", 1, "口令"))
    if damaged:
        (data / shared.CONFIG).write_text("{坏了", encoding="utf-8")
    shown: list[str] = []

    def click(box) -> int:  # noqa: ANN001 - QMessageBox
        shown.append(box.text())
        button = next(b for b in box.buttons() if b.text() == answers[len(shown) - 1])
        monkeypatch.setattr(box, "clickedButton", lambda: button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    window = start_main_window(data)
    qtbot.addWidget(window)
    return data, window, shown


def test_a_shared_server_that_cannot_be_reached_at_start_offers_the_local_database(
        qtbot, monkeypatch, tmp_path: Path) -> None:
    """The data folder points at the county's server and the server is down (or refuses the
    password): the window says so and offers 重试, 改用本机数据库 or 关闭 — before, it said 「请在
    设置 → 数据库 中重新填写」 and quit, and that dialog needs an open database."""
    from studyapp.ui.start import ops as start_ops

    data, window, shown = _start_on_an_unreachable_server(qtbot, monkeypatch, tmp_path, "改用本机数据库")
    with qtbot.waitSignal(window.opened, timeout=30000):
        pass
    assert "无法连接数据库服务器" in shown[0] and "127.0.0.1:1" in shown[0] and "文件 → 数据库…" in shown[0]
    assert start_ops.shared_server_of(data) is None  # the folder uses its own file now
    assert window.ctx is not None and window.ctx.shared is None and window.outline.topLevelItemCount() == 4
    window.close()
    window.ctx.close()


def test_closing_on_an_unreachable_shared_server_quits_and_changes_nothing(qtbot, monkeypatch, tmp_path: Path) -> None:
    from studyapp.ui.start import ops as start_ops

    data, window, shown = _start_on_an_unreachable_server(qtbot, monkeypatch, tmp_path, "关闭")
    with qtbot.waitSignal(window.openFailed, timeout=30000) as failed:
        pass
    assert failed.args == [2] and len(shown) == 1
    assert start_ops.shared_server_of(data) is not None  # still set to the server
    window.close()


def test_retrying_an_unreachable_shared_server_asks_again(qtbot, monkeypatch, tmp_path: Path) -> None:
    _data, window, shown = _start_on_an_unreachable_server(qtbot, monkeypatch, tmp_path, "重试", "关闭")
    with qtbot.waitSignal(window.openFailed, timeout=30000):
        pass
    assert len(shown) == 2 and shown[0] == shown[1]  # tried again, refused again, said again
    window.close()


def test_an_unreadable_shared_setting_at_start_can_be_left_for_the_local_database(
        qtbot, monkeypatch, tmp_path: Path) -> None:
    """A damaged database.json: 改用本机数据库 clears it (the server is never needed for that) —
    before, switching read the setting first and failed on it again."""
    from studyapp.db import shared
    from studyapp.ui.start import ops as start_ops

    data, window, shown = _start_on_an_unreachable_server(qtbot, monkeypatch, tmp_path, "改用本机数据库", damaged=True)
    with qtbot.waitSignal(window.opened, timeout=30000):
        pass
    assert "无法读取" in shown[0] and "其设置无法读取" in shown[0]
    assert start_ops.shared_server_of(data) is None and not (data / shared.CONFIG).exists()
    window.close()
    window.ctx.close()
