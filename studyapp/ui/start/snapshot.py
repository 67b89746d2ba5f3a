"""The front page as the window last showed it, shown at the next start while the data opens.

Opening the data folder (the database layer, the migrations check, the document) takes half a
second and more; without this the window stands empty meanwhile. The 首页 is what every start
shows, so when it has been on screen a moment its picture is kept in the data folder
(<data>/cache/front-page.png, with the device pixel ratio it was taken at); the next start
paints that picture in its first frame — the window looks as it did, readable at once — and the
live page takes its place as soon as the data is open, at the same place, pixel for pixel.

A picture is only shown when the window opens at the size it was taken at (a resized or moved-
to-another-screen window shows 「正在打开学习材料…」 instead), and it is only ever a picture:
its buttons do nothing, and the live page replaces it within a second. Loading it costs a few
milliseconds and needs nothing of Qt's namespace of enums (~15–30 ms), so the first paint does
not wait for that either. The picture also carries the window's geometry when it was taken, so
a start with a picture need not read the database file for it (the main window forgets the
picture when it closes at another geometry with another page on screen).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPixmap

log = logging.getLogger("studyapp.ui")

FOLDER = "cache"
NAME = "front-page.png"
_RATIO_KEY = "studyapp-dpr"
_GEOMETRY_KEY = "studyapp-geometry"


@dataclass(frozen=True)
class Snapshot:
    pixmap: QPixmap
    geometry: str  # the window's saveGeometry() in base64, as the settings keep it

    def fits(self, size: QSize) -> bool:
        """Whether the picture lines up with a window of `size` (logical pixels)."""
        ratio = self.pixmap.devicePixelRatio()
        return (round(self.pixmap.width() / ratio), round(self.pixmap.height() / ratio)) \
            == (size.width(), size.height())


def path_in(data_dir: Path) -> Path:
    return Path(data_dir) / FOLDER / NAME


def load(data_dir: Path) -> Snapshot | None:
    """The kept picture, with the geometry of the window it was taken of."""
    path = path_in(data_dir)
    if not path.is_file():
        return None
    image = QImage(str(path))
    if image.isNull():
        log.info("ignoring an unreadable front-page picture %s", path)
        return None
    try:
        ratio = float(image.text(_RATIO_KEY) or 1.0)
    except ValueError:
        ratio = 1.0
    if not 0.5 <= ratio <= 8:
        return None
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return Snapshot(pixmap, image.text(_GEOMETRY_KEY))


def take(window, geometry: str) -> QImage:  # noqa: ANN001 - a QWidget
    """The window's picture as an image another thread may write (QPixmap may not leave the
    GUI thread; QImage may), with `geometry` (the window's, base64) kept in it."""
    pixmap = window.grab()
    image = pixmap.toImage()
    image.setText(_RATIO_KEY, f"{pixmap.devicePixelRatio():g}")
    image.setText(_GEOMETRY_KEY, geometry)
    return image


def write(data_dir: Path, image: QImage) -> Path:
    """Keep the picture (written aside, then put in place: a half-written file is never read)."""
    path = path_in(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.stem + ".part.png")  # (the format is read from the suffix)
    if not image.save(str(part)):
        part.unlink(missing_ok=True)
        raise OSError(f"could not write {part}")
    os.replace(part, path)
    return path


def discard(data_dir: Path) -> None:
    """No picture at the next start (the window closes at a size the picture was not taken at)."""
    path_in(data_dir).unlink(missing_ok=True)
