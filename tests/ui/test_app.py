"""Start-up: bundled font, Chinese Qt dialogs, the self-test, a light palette, the icon. (关于 and
数据文件夹 are tested with the main window, in test_mainwindow.py.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

from studyapp.ui.app import run_gui


def test_application_font_is_the_bundled_cjk_font(qapp) -> None:  # noqa: ANN001
    assert QFontInfo(QApplication.font()).family() == "WenQuanYi Micro Hei"
    assert QApplication.applicationName() == "学习测评"


def test_qt_dialog_buttons_are_chinese(qapp) -> None:  # noqa: ANN001
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_selftest_on_a_fresh_data_folder(data_dir: Path, capsys) -> None:  # noqa: ANN001
    assert run_gui(data_dir, selftest=True) == 0
    out = capsys.readouterr().out
    assert "自检通过" in out and "4 个部分" in out and "13 个条目" in out


def test_a_dark_system_palette_does_not_reach_the_windows(qtbot) -> None:
    """Windows in dark mode gives Fusion a dark palette; studyapp stays light (white-on-white
    text in style rules that set only a background is what the dark palette caused)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from studyapp.ui.app import pin_light_palette

    app = QApplication.instance()
    before = app.palette()
    dark = QPalette(before)
    for role, colour in ((QPalette.ColorRole.Window, "#202020"), (QPalette.ColorRole.WindowText, "#f0f0f0"),
                         (QPalette.ColorRole.Base, "#181818"), (QPalette.ColorRole.Text, "#f0f0f0")):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)
    try:
        pin_light_palette(app)
        p = app.palette()
        assert p.color(QPalette.ColorRole.Base).lightness() > 200
        assert p.color(QPalette.ColorRole.Text).lightness() < 80
        assert p.color(QPalette.ColorRole.WindowText).lightness() < 80
    finally:
        app.setPalette(before)


def test_the_selftest_uses_the_real_platform_plugin_on_windows() -> None:
    from studyapp.ui.app import selftest_needs_offscreen

    assert not selftest_needs_offscreen({}, "win32")  # (a missing qwindows.dll must fail it)
    assert selftest_needs_offscreen({}, "linux")  # a server without a display
    assert not selftest_needs_offscreen({"DISPLAY": ":0"}, "linux")
    assert not selftest_needs_offscreen({"QT_QPA_PLATFORM": "xcb"}, "linux")


def test_windows_carry_the_programs_icon(window) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    assert not QApplication.instance().windowIcon().isNull()
    assert not window.windowIcon().isNull()
