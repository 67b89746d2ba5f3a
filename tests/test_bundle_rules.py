"""The bundle's file rules (scripts/bundle_rules.py, used by build.spec), checked for Windows
names on Linux: no QML runtime on either, the platform plugin required."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

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


def test_only_the_python_modules_of_qt_that_studyapp_imports() -> None:
    assert keep("PySide6/QtNetwork.abi3.so") and keep("PySide6/QtPdfWidgets.pyd")
    assert not keep("PySide6/QtDBus.abi3.so") and not keep("PySide6/QtSvg.pyd")
    assert keep("PySide6/Qt/lib/libQt6DBus.so.6") and keep("PySide6/Qt6Svg.dll")  # the libraries stay
    assert keep("PySide6/Qt/plugins/platforms/libqminimal.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqminimalegl.so")
    assert not keep("PySide6/plugins/platforms/qdirect2d.dll")


def test_pycryptodome_keeps_what_pypdf_decrypts_with() -> None:
    for name in ("_raw_aes", "_raw_aesni", "_raw_ecb", "_raw_cbc", "_ARC4"):
        assert keep(f"Crypto/Cipher/{name}.abi3.so") and keep(f"Crypto\\Cipher\\{name}.pyd")
    assert keep("Crypto/Util/_strxor.abi3.so") and not keep("Crypto/Hash/_MD5.abi3.so")
    assert not keep("Crypto/PublicKey/_ed25519.abi3.so") and not keep("Crypto/Cipher/_raw_des3.pyd")


def test_a_system_library_a_wheel_carries_becomes_a_link_to_the_wheels_copy() -> None:
    from bundle_rules import wheel_twin

    dests = ["psycopg_binary.libs/libcrypto-3a0647ea.so.3", "pillow.libs/libzstd-40ad5e7e.so.1.5.7",
             "psycopg_binary.libs/libssl-6a9b88ec.so.3"]
    assert wheel_twin("libcrypto.so.3", dests) == "psycopg_binary.libs/libcrypto-3a0647ea.so.3"
    assert wheel_twin("libzstd.so.1", dests) == "pillow.libs/libzstd-40ad5e7e.so.1.5.7"
    assert wheel_twin("libcrypto.so.1", dests) is None  # another major version is another ABI
    assert wheel_twin("libz.so.1", ["x.libs/libz-12345678.so.1"]) is None  # only the checked ones


def test_icu_keeps_the_chinese_and_english_locales_and_the_shared_tables() -> None:
    from bundle_icu import keep_item

    for name in ("coll/zh.res", "coll/root.res", "coll/ucadata.icu", "zh_Hans_CN.res", "en_US.res",
                 "root.res", "pool.res", "curr/pool.res", "res_index.res", "supplementalData.res",
                 "likelySubtags.res", "zoneinfo64.res", "gb18030.cnv", "windows-936-2000.cnv",
                 "cnvalias.icu", "nfkc.nrm", "brkitr/root.res", "brkitr/word.brk"):
        assert keep_item(name), name
    for name in ("coll/de.res", "fr.res", "zone/ja.res", "ibm-37_P100-1995.cnv", "brkitr/cjdict.dict",
                 "translit/root.res", "sr_Latn_BA.res"):
        assert not keep_item(name), name


def test_an_icu_package_read_and_written_again_keeps_its_items() -> None:
    import struct

    from bundle_icu import read_package, write_package

    header = struct.pack("<HBB", 32, 0xDA, 0x27) + struct.pack("<HHBBBB", 20, 0, 0, 0, 2, 0) + b"CmnD"
    header += bytes([1, 0, 0, 0]) + bytes(4) + bytes(32 - 24)
    items = [("icudt73l/b.res", b"B" * 20), ("icudt73l/a.res", b"A" * 16)]
    blob = write_package(header, items)
    back_header, back = read_package(blob)
    assert back_header == header
    assert [n for n, _ in back] == ["icudt73l/a.res", "icudt73l/b.res"]  # sorted for ICU's search
    assert back[0][1] == b"A" * 16 and back[1][1][:20] == b"B" * 20
    assert all(struct.unpack_from("<II", blob, 32 + 4 + 8 * i)[1] % 16 == 0 for i in range(2))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_the_link_graph_is_read_one_step_at_a_time() -> None:
    """build.spec prunes by following DT_NEEDED link by link; `ldd` lists the whole closure, which
    kept the libraries of a library left to the system (libcups → gnutls)."""
    import PySide6
    from bundle_rules import elf_needed

    lib = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    needed = elf_needed(str(lib))
    assert "libQt6Core.so.6" in needed and "libX11.so.6" in needed
    assert "libxcb.so.1" not in needed  # libX11's own dependency, not Qt's
