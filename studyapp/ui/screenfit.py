"""Windows open on the screen they are on, whole: never larger than its available area (the
screen less the taskbar) and never partly off it.

A township PC often has a 1024×768 or 1366×768 screen; a window remembered from a larger
screen, or sized for one (the main window's 1280×720, the score grid's 1200×720), would open
with its buttons off-screen. The filter installed on the application fits every top-level
window and dialog the first time it is shown; layouts then lay out in what is there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

_FITTED = "studyapp_fitted"


def available(widget: QWidget) -> QRect:
    """The available geometry (without the taskbar) of the screen the widget is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit(widget: QWidget) -> None:
    """Shrink a top-level widget to its screen's available area and move it wholly onto it."""
    area = available(widget)
    frame, inner = widget.frameGeometry(), widget.geometry()
    margin_w, margin_h = frame.width() - inner.width(), frame.height() - inner.height()
    w = max(min(inner.width(), area.width() - margin_w), widget.minimumWidth())
    h = max(min(inner.height(), area.height() - margin_h), widget.minimumHeight())
    if (w, h) != (inner.width(), inner.height()):
        widget.resize(w, h)
    outer_w, outer_h = w + margin_w, h + margin_h
    x = min(max(frame.x(), area.left()), area.left() + max(0, area.width() - outer_w))
    y = min(max(frame.y(), area.top()), area.top() + max(0, area.height() - outer_h))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


class ScreenFitter(QObject):
    """Application event filter: fits each window and dialog when it is first shown."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        from PySide6.QtCore import Qt  # (here: the namespace costs ~15–30 ms to load, after the first paint)

        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow() \
                and obj.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog) \
                and not obj.property(_FITTED):
            obj.setProperty(_FITTED, True)
            if not obj.isFullScreen() and not obj.isMaximized():
                fit(obj)
        return False


def install(app: QObject) -> ScreenFitter:
    fitter = ScreenFitter(app)
    app.installEventFilter(fitter)
    return fitter
