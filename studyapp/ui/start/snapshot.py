"""The window's place and the front page as it last looked, for the next start's first frame.

Opening the data folder (the database layer, the migrations check, the document) takes half a
second and more; without this the window stands empty meanwhile. The 首页 is what every start
shows, so when it has been on screen a moment its picture is kept in the data folder
(<data>/cache/front-page.png, with the device pixel ratio and the window geometry it was taken
at); the next start paints that picture in its first frame — the window looks as it did,
readable at once — and the live page takes its place as soon as the data is open, pixel for
pixel.

The window's place (its geometry, as QWidget.saveGeometry gives it, in base64) is kept beside it
(<data>/cache/window-place.txt) each time the window closes, so the window opens where it was
without reading the database — the same for a data folder whose records are on a shared server.
A picture is only shown when it was taken at exactly that place and the window opens at its
size (closed elsewhere, resized, moved to another screen: 「正在打开学习材料…」 instead), and
it is only ever a picture: its buttons do nothing, and the live page replaces it within a
second. Loading it costs a few milliseconds and needs nothing of Qt's namespace of enums
(~15–30 ms), so the first paint does not wait for that either.
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
PLACE = "window-place.txt"
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


def read(data_dir: Path) -> QImage | None:
    """The kept picture as an image, decoded on any thread (a QImage may leave the GUI thread; the
    start decodes it while the window is being built)."""
    path = path_in(data_dir)
    if not path.is_file():
        return None
    image = QImage(str(path))
    if image.isNull():
        log.info("ignoring an unreadable front-page picture %s", path)
        return None
    return image


def load(data_dir: Path, image: QImage | None = None) -> Snapshot | None:
    """The kept picture, with the geometry of the window it was taken of (`image`: read already)."""
    image = image if image is not None else read(data_dir)
    if image is None:
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


def saved_place(data_dir: Path) -> str:
    """The window's geometry as it closed last ("" when never kept, or unreadable)."""
    try:
        text = (Path(data_dir) / FOLDER / PLACE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return text if len(text) < 4096 and all(c.isalnum() or c in "+/=" for c in text) else ""


def keep_place(data_dir: Path, geometry: str) -> None:
    """Keep the window's geometry for the next start (written aside, then put in place)."""
    path = Path(data_dir) / FOLDER / PLACE
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(PLACE + ".part")
    part.write_text(geometry, encoding="ascii")
    os.replace(part, path)
