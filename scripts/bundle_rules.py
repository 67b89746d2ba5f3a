"""Which files PyInstaller collected the studyapp bundle keeps (build.spec imports this).

The PySide6 hooks collect whole Qt modules and every plugin, translation and QML file they might
need; the bundle keeps the Qt modules the app uses, the plugins a desktop needs and the zh_CN
translations. The names are matched for Linux and Windows alike (tests/test_bundle_rules.py).
"""

from __future__ import annotations

import re
from pathlib import Path

# Qt libraries kept: what the app imports, plus what those link to (Pdf needs Network; Gui
# needs DBus on Linux; the xcb platform plugin needs XcbQpa; OpenGL backs the xcb GL plugin).
KEEP_QT = {
    "Core", "Gui", "Widgets", "PrintSupport", "Pdf", "PdfWidgets", "Svg", "SvgWidgets",
    "DBus", "Network", "XcbQpa", "OpenGL",
}
KEEP_PLUGIN_DIRS = {
    "platforms", "imageformats", "iconengines", "printsupport", "platforminputcontexts",
    "xcbglintegrations", "styles",
}
KEEP_PLATFORMS = ("offscreen", "xcb", "minimal", "windows", "cocoa")
KEEP_TRANSLATIONS = {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}
# image formats the app reads at all: its SVG and PNG icons (PNG is built into QtGui), the
# Windows icon, and JPEG (a pasted or printed picture); not WebP, TIFF, GIF, TGA, ICNS, WBMP
KEEP_IMAGE_FORMATS = ("svg", "ico", "jpeg")

_qt_lib = re.compile(r"^(?:lib)?Qt6([A-Za-z0-9]+?)(?:\.so(?:\.\d+)*|\.dll|\.dylib)$")
_qt_pymod = re.compile(r"^Qt([A-Za-z0-9]+)\.(?:abi3\.so|pyd|.*\.so)$")


def keep(dest: str) -> bool:
    """Decide for one collected file (destination path inside the bundle)."""
    parts = Path(dest.replace("\\", "/")).parts
    name = parts[-1]
    m = _qt_lib.match(name)
    if m:  # also the top-level symlinks PyInstaller makes to Qt libraries
        return m.group(1) in KEEP_QT
    if name.lower().startswith(("libpyside6qml", "pyside6qml")):
        return False  # (Linux libpyside6qml.abi3.so.6, Windows pyside6qml.abi3.dll, wherever it lands)
    if name.lower() == "opengl32sw.dll":
        return False  # Windows' software OpenGL (20 MB): a widget app draws with the raster engine
    if "PySide6" not in parts:
        return True
    if "qml" in parts or "metatypes" in parts or "designer" in parts:
        return False
    if "translations" in parts:
        return name in KEEP_TRANSLATIONS
    if "plugins" in parts:
        category = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) - 1 else ""
        if category not in KEEP_PLUGIN_DIRS:
            return False
        if category == "platforms":
            return any(p in name for p in KEEP_PLATFORMS)
        if category == "imageformats":
            return any(name.lower().startswith((f"libq{f}", f"q{f}")) for f in KEEP_IMAGE_FORMATS)
        return True
    m = _qt_pymod.match(name)
    if m and parts[-2] == "PySide6":
        return m.group(1) in KEEP_QT
    return True


PLATFORM_PLUGIN = {"win32": "qwindows", "linux": "qxcb", "darwin": "qcocoa"}


def missing_platform_plugin(dests: list[str], platform: str) -> str | None:
    """The platform plugin the bundle cannot start without, if it is not among `dests` (a
    bundle without qwindows.dll opens no window on Windows — and a quarantined one the same)."""
    want = PLATFORM_PLUGIN.get("linux" if platform.startswith("linux") else platform)
    if want is None:
        return None
    for dest in dests:
        parts = Path(dest.replace("\\", "/")).parts
        if "platforms" in parts and parts[-1].lower().startswith((want, "lib" + want)):
            return None
    return want
