"""The bundle's file rules (scripts/bundle_rules.py, used by build.spec), checked for Windows
names on Linux: no QML runtime on either, the platform plugin required."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from bundle_rules import keep, missing_platform_plugin  # noqa: E402


def test_the_qml_runtime_is_left_out_on_windows_and_linux() -> None:
    assert not keep("PySide6/pyside6qml.abi3.dll")
    assert not keep("pyside6qml.abi3.dll")
    assert not keep("PySide6/libpyside6qml.abi3.so.6.8")
    assert not keep("PySide6/Qt6Qml.dll") and not keep("PySide6/Qt/lib/libQt6Quick.so.6")
    assert keep("PySide6/Qt6Widgets.dll") and keep("PySide6/QtWidgets.pyd")
    assert keep("PySide6/plugins/platforms/qwindows.dll")
    assert keep("PySide6/translations/qtbase_zh_CN.qm") and not keep("PySide6/translations/qtbase_de.qm")


def test_a_bundle_without_its_platform_plugin_is_refused() -> None:
    windows = ["PySide6/plugins/platforms/qoffscreen.dll", "PySide6/Qt6Core.dll"]
    assert missing_platform_plugin(windows, "win32") == "qwindows"
    assert missing_platform_plugin(windows + ["PySide6\\plugins\\platforms\\qwindows.dll"], "win32") is None
    assert missing_platform_plugin(["PySide6/Qt/plugins/platforms/libqxcb.so"], "linux") is None
    assert missing_platform_plugin(["PySide6/Qt/plugins/platforms/libqoffscreen.so"], "linux") == "qxcb"


def test_only_the_image_formats_the_app_reads_and_no_software_opengl() -> None:
    assert keep("PySide6/Qt/plugins/imageformats/libqsvg.so") and keep("PySide6/plugins/imageformats/qsvg.dll")
    assert keep("PySide6/plugins/imageformats/qico.dll") and keep("PySide6/Qt/plugins/imageformats/libqjpeg.so")
    assert not keep("PySide6/Qt/plugins/imageformats/libqwebp.so") and not keep("PySide6/plugins/imageformats/qtiff.dll")
    assert not keep("PySide6/opengl32sw.dll")
