"""The window's place and the front page's picture: the place kept as the window closes (read at
the next start without the database — the same for a folder on a shared server), the picture
kept once the 首页 has been on screen and painted first at the next start while the data opens
(readable at once), replaced by the live page pixel for pixel; never shown when it would not
line up, and a broken file is only ignored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from studyapp.ui.app import start_main_window
from studyapp.ui.start import snapshot


def _open(qtbot, data: Path):  # noqa: ANN202 - a MainWindow
    window = start_main_window(data)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.opened, timeout=30000):
        pass
    return window


def test_the_next_start_paints_the_front_page_as_it_was(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = _open(qtbot, data)
    first.resize(760, 560)  # (inside the offscreen screen, above the 首页's smallest size)
    assert first.study.home_shown
    with qtbot.waitSignal(first.snapshotKept, timeout=10000):
        pass  # a moment after the 首页 is shown, on the worker
    assert snapshot.path_in(data).is_file()
    size = first.size()
    first.close()  # the 首页 still on screen: kept again, at this size
    first.ctx.close()

    again = start_main_window(data)
    qtbot.addWidget(again)
    # before the data is open: the picture covers the window, at the place it was taken at
    assert again.reader is None and again.size() == size == QSize(760, 560)
    cover = again.cover
    assert cover is not None and not cover.pixmap().isNull() and cover.geometry() == again.rect()
    assert cover.pixmap().size() / cover.pixmap().devicePixelRatio() == size
    with qtbot.waitSignal(again.opened, timeout=30000):
        pass
    assert again.cover is cover  # still there while the 首页 is read and laid out underneath
    qtbot.waitUntil(lambda: again.cover is None, timeout=5000)
    # the live 首页 in its place, looking as the picture did
    assert again.study.home_shown
    live = again.grab().toImage()
    kept = QImage(str(snapshot.path_in(data)))
    assert live.size() == kept.size()
    grid = [(x, y) for x in range(0, live.width(), 5) for y in range(0, live.height(), 5)]
    assert sum(live.pixel(x, y) == kept.pixel(x, y) for x, y in grid) / len(grid) > 0.98
    again.close()
    again.ctx.close()


def test_closed_elsewhere_on_another_page_the_window_opens_where_it_was_without_the_picture(
        qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = _open(qtbot, data)
    with qtbot.waitSignal(window.snapshotKept, timeout=10000):
        pass
    window.study.close_page()  # 返回阅读: the reader, not the 首页
    window.resize(window.width() - 50, window.height() - 40)
    size = window.size()
    window.close()
    window.ctx.close()
    assert snapshot.path_in(data).is_file()  # (taken at the old place: it no longer lines up)

    again = start_main_window(data)
    qtbot.addWidget(again)
    assert again.size() == size
    assert again.cover is None and again.opening_label is not None and "正在打开" in again.opening_label.text()
    with qtbot.waitSignal(again.opened, timeout=30000):
        pass
    again.close()
    again.ctx.close()


def test_the_place_is_kept_beside_the_data_not_only_in_the_database(qtbot, tmp_path: Path) -> None:
    """A folder whose records are on a shared server has no SQLite file to peek into: the window
    still opens where it was (and a place file that is not a geometry is ignored)."""
    data = tmp_path / "data"
    window = _open(qtbot, data)
    window.resize(740, 540)
    window.move(30, 20)
    qtbot.waitUntil(lambda: window.size() == QSize(740, 540))
    window.close()
    window.ctx.close()
    place = snapshot.saved_place(data)
    assert place
    folder = tmp_path / "shared-folder"
    snapshot.keep_place(folder, place)  # only the place: no database file to peek into
    assert not list(folder.glob("*.sqlite3"))
    shell = start_main_window(folder)
    qtbot.addWidget(shell)
    assert shell.size() == QSize(740, 540) and shell.reader is None
    with qtbot.waitSignal(shell.opened, timeout=30000):
        pass
    shell.close()
    shell.ctx.close()
    (folder / snapshot.FOLDER / snapshot.PLACE).write_text("<not a geometry>", encoding="utf-8")
    assert snapshot.saved_place(folder) == ""
    (folder / snapshot.FOLDER / snapshot.PLACE).write_bytes(b"\xff\xfe")
    assert snapshot.saved_place(folder) == ""


def test_a_picture_that_would_not_line_up_or_cannot_be_read_is_not_shown(qtbot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    small = QLabel("学习测评")
    small.resize(300, 200)
    qtbot.addWidget(small)
    snapshot.write(data, snapshot.take(small, ""))  # taken of a 300×200 window
    picture = snapshot.load(data)
    assert picture is not None and picture.fits(QSize(300, 200)) and not picture.fits(QSize(1280, 720))
    window = start_main_window(data)
    qtbot.addWidget(window)
    assert window.cover is None and window.opening_label is not None
    with qtbot.waitSignal(window.opened, timeout=30000):
        pass
    window.close()
    window.ctx.close()

    snapshot.path_in(data).write_bytes(b"\x89PNG\r\n\x1a\n not really")  # a file cut short
    assert snapshot.load(data) is None
    window = start_main_window(data)
    qtbot.addWidget(window)
    assert window.cover is None and window.opening_label is not None and "正在打开" in window.opening_label.text()
    with qtbot.waitSignal(window.opened, timeout=30000):
        pass
    window.close()
    window.ctx.close()


def test_the_picture_keeps_its_pixel_ratio_and_geometry(qtbot, tmp_path: Path) -> None:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a5caa"))
    image.setText("studyapp-dpr", "2")
    image.setText("studyapp-geometry", "AdnQywADAAA=")
    written = snapshot.write(tmp_path, image)
    assert written == snapshot.path_in(tmp_path) and not list(written.parent.glob("*.part.png"))
    picture = snapshot.load(tmp_path)
    assert picture is not None and picture.geometry == "AdnQywADAAA="
    assert picture.pixmap.devicePixelRatio() == 2 and picture.fits(QSize(20, 10))


def test_a_window_closed_the_instant_it_opens_keeps_the_picture_it_had(qtbot, tmp_path: Path) -> None:
    """Closed before the 首页 has been on screen a moment (laid out and painted), the window keeps
    no picture: it would be an empty window shown at the next start. The picture kept before
    stays, and the next start opens with it — also where the window was moved meanwhile (the
    place decides where the window stands, the size whether the picture lines up)."""
    data = tmp_path / "data"
    first = _open(qtbot, data)
    first.resize(760, 560)
    with qtbot.waitSignal(first.snapshotKept, timeout=10000):
        pass
    first.close()
    first.ctx.close()
    kept = snapshot.path_in(data).read_bytes()

    quick = _open(qtbot, data)  # opened, and closed at once: the 首页 not laid out yet
    quick.move(quick.x() + 17, quick.y() + 23)
    quick.close()
    quick.ctx.close()
    assert snapshot.path_in(data).read_bytes() == kept

    again = start_main_window(data)
    qtbot.addWidget(again)
    assert again.cover is not None and again.size() == QSize(760, 560)
    with qtbot.waitSignal(again.opened, timeout=30000):
        pass
    again.close()
    again.ctx.close()
