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
# Qt's Python modules kept: the ones studyapp imports (the libraries above that only other Qt
# libraries link to, DBus, XcbQpa, OpenGL, Svg, need no Python binding)
KEEP_PYMODULES = {"Core", "Gui", "Widgets", "PrintSupport", "Pdf", "PdfWidgets", "Network"}
KEEP_PLUGIN_DIRS = {
    "platforms", "imageformats", "iconengines", "printsupport", "platforminputcontexts",
    "xcbglintegrations", "styles",
}
# (not minimalegl: the one plugin that needs Qt6OpenGL)
KEEP_PLATFORMS = ("offscreen", "xcb", "minimal", "windows", "cocoa")
KEEP_TRANSLATIONS = {"qtbase_zh_CN.qm", "qt_zh_CN.qm"}
# image formats the app reads at all: its SVG and PNG icons (PNG is built into QtGui), the
# Windows icon, and JPEG (a pasted or printed picture); not WebP, TIFF, GIF, TGA, ICNS, WBMP
KEEP_IMAGE_FORMATS = ("svg", "ico", "jpeg")

CRYPTO_UNUSED = {"_raw_des", "_raw_des3", "_raw_arc2", "_raw_blowfish", "_raw_cast", "_raw_eksblowfish",
                 "_Salsa20", "_chacha20", "_pkcs1_decode", "_raw_xts", "_scrypt"}

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
    if parts[0] == "Crypto" and len(parts) > 2:
        # pycryptodome serves pypdf's AES (ECB, CBC) and RC4 (encrypted PDFs): its public-key,
        # big-number, hash (the AEAD modes') and other ciphers' libraries are loaded only by
        # modules nothing here imports
        return parts[1] not in ("PublicKey", "Math", "Hash") and name.split(".")[0] not in CRYPTO_UNUSED
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
            stem = Path(name).stem.lower().removeprefix("lib").removeprefix("q")
            return stem in KEEP_PLATFORMS
        if category == "imageformats":
            return any(name.lower().startswith((f"libq{f}", f"q{f}")) for f in KEEP_IMAGE_FORMATS)
        return True
    m = _qt_pymod.match(name)
    if m and parts[-2] == "PySide6":
        return m.group(1) in KEEP_PYMODULES
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


# ----------------------------------------------------------------------------- Linux system libraries

# Libraries a Linux bundle takes from the system instead of carrying the build machine's copy:
# - libcups: the print plugin's link to the system's CUPS server, which every Linux desktop that
#   prints has (Debian: libcups2); Debian's copy also carried its TLS, Kerberos and Avahi stack
#   (gnutls, p11-kit, libunistring, nettle, gmp…: 7 MB). Without CUPS the print plugin is not
#   loaded and Qt lists no printers — there are none to list then either.
# - the base libraries of every desktop Linux that AppImage's excludelist (linuxdeployqt) leaves
#   to the system: X11/xcb, fontconfig and FreeType (which must read the system's own font
#   configuration), expat, GLib, zlib, uuid, SM/ICE. The Qt of the PySide6 wheels needs glibc 2.34
#   (Debian 12, Ubuntu 22.04, openEuler/UOS/Kylin of that age or newer), far newer than what
#   these need. libstdc++ and libgcc_s stay in the bundle (unlike the excludelist): Qt may need a
#   newer libstdc++ than an older office system has.
# - libdbus-1: the link to the system's and the session's message bus, part of every desktop
#   session; Debian's copy also carried libsystemd and libgcrypt (2.6 MB).
# scripts/setup.sh installs the same packages on a Debian machine (APT_PACKAGES).
LINUX_SYSTEM_LIBS = {
    "libcups.so.2", "libdbus-1.so.3",
    "libX11.so.6", "libxcb.so.1", "libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1",
    "libglib-2.0.so.0", "libgthread-2.0.so.0", "libz.so.1", "libuuid.so.1", "libSM.so.6", "libICE.so.6",
    "libgpg-error.so.0", "libcom_err.so.2", "libp11-kit.so.0",
}

# A wheel's copy of a library that is mostly padding (Pillow's libXau: 2 MB, of which 15 KB is the
# library — a segment aligned to 2 MB) is replaced by the system's copy of the same ABI, under
# the wheel's name.
PADDED_WHEEL_LIBS = ("libXau",)


def padded_wheel_lib(dest: str) -> str | None:
    """The system library (soname) to put in place of the wheel's padded copy `dest`, if it is one."""
    parts = dest.replace("\\", "/").split("/")
    if len(parts) != 2 or not parts[0].endswith(".libs"):
        return None
    m = re.match(r"^(lib[A-Za-z0-9_+-]+?)-[0-9a-f]{8}\.so\.(\d+)", parts[1])
    if not m or m.group(1) not in PADDED_WHEEL_LIBS:
        return None
    return f"{m.group(1)}.so.{m.group(2)}"

# System libraries that a wheel already carries a copy of (auditwheel names it libNAME-<hash>.so.N
# in <package>.libs/): the bundle keeps one, the wheel's, and the system name becomes a link to it.
# Checked on Linux: Python's ssl and hashlib (scrypt of the admin PIN) on psycopg's OpenSSL 3.5,
# Qt on Pillow's zstd and psycopg's GSSAPI.
WHEEL_TWINS = ("libcrypto", "libssl", "libgssapi_krb5", "libzstd", "liblzma")

_system_lib = re.compile(r"^(lib[A-Za-z0-9_+-]+?)\.so\.(\d+)$")


def wheel_twin(dest: str, dests: list[str]) -> str | None:
    """The wheel's copy (its destination) of the top-level system library `dest`, if any."""
    m = _system_lib.match(dest)
    if not m or m.group(1) not in WHEEL_TWINS:
        return None
    twin = re.compile(rf"^{re.escape(m.group(1))}-[0-9a-f]{{8}}\.so\.{m.group(2)}(?:\.[\d.]+)?$")
    for other in sorted(dests):
        parts = other.replace("\\", "/").split("/")
        if len(parts) == 2 and parts[0].endswith(".libs") and twin.match(parts[1]):
            return "/".join(parts)
    return None


def elf_needed(path: str) -> list[str]:
    """The libraries an ELF64 little-endian file names itself (DT_NEEDED) — not what those need in
    turn, as `ldd` (PyInstaller's get_imports) lists: pruning must follow the links one by one."""
    import struct

    with open(path, "rb") as fh:
        data = fh.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    out = []
    for sec in sections:
        if sec[1] != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[sec[6]][4]
        for off in range(sec[4], sec[4] + sec[5], 16):
            tag, val = struct.unpack_from("<qQ", data, off)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                out.append(data[strtab + val:data.index(b"\0", strtab + val)].decode())
    return out
