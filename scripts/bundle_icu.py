"""A smaller ICU data library for the Linux bundle (build.spec calls `slim_icudata`).

The PySide6 wheels for Linux link Qt to ICU, whose data library (libicudata.so.NN, 31 MB) holds
the locale data of ~800 locales, ~200 legacy code pages, word-break dictionaries and
transliterators. Qt reads little of it: collation (QCollator, the file dialog's sorting), locale
case rules and code pages by name (QStringDecoder). The bundle keeps the data of the root, English
and Chinese locales, the Chinese and Western code pages and every table that is not per locale;
what is left out is looked up by ICU and found missing, and Qt falls back as it does for any
locale ICU does not know (it never crashes on it). 31 MB → about 5 MB.

Windows and macOS wheels carry no ICU data library: nothing to do there.

The library is rebuilt from the bundle's own copy (same ICU version, same data format): the
common-data package is read out of its one exported symbol (icudtNN_dat), filtered, and
assembled into a new shared library with the C compiler (cc). Without a compiler the original
is kept and the build says so.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

# locales kept in every tree (locale data, collation, currencies, languages, regions, zones…)
KEEP_LOCALES = {
    "root", "en", "en_US", "en_US_POSIX",
    "zh", "zh_CN", "zh_Hans", "zh_Hans_CN", "zh_SG", "zh_Hans_SG",
    "zh_Hant", "zh_TW", "zh_Hant_TW", "zh_HK", "zh_Hant_HK", "zh_MO", "zh_Hant_MO",
}
# code pages kept (converters by name): GB18030/GBK/GB2312/EUC-CN, Big5, Windows-125x
KEEP_CONVERTERS = (
    "gb18030", "windows-936", "ibm-1386_", "ibm-5478_", "ibm-1383_", "windows-950", "ibm-1373_",
    "ibm-5346_", "ibm-5347_", "ibm-5348_", "ibm-5349_", "ibm-5350_", "ibm-5351_", "ibm-5352_",
    "ibm-5353_", "ibm-5354_",
)
# whole trees left out: transliteration (Qt has no API for it)
DROP_TREES = {"translit"}

_locale = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]+)*\.res$")


def keep_item(name: str) -> bool:
    """Decide for one item of the ICU package, named as icupkg lists it ("coll/zh.res")."""
    parts = name.split("/")
    leaf = parts[-1]
    if len(parts) > 1 and parts[0] in DROP_TREES:
        return False
    if leaf.endswith(".cnv"):
        return leaf.startswith(KEEP_CONVERTERS)
    if leaf.endswith(".dict"):
        return False  # word-break dictionaries (CJK 2 MB, Thai, Lao, Khmer, Burmese): Qt breaks text itself
    if _locale.match(leaf) and leaf not in ("pool.res", "res_index.res"):
        return leaf[: -len(".res")] in KEEP_LOCALES
    return True


# ----------------------------------------------------------------------------- common data

_MAGIC = b"\xda\x27"


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(item name, item bytes)]) of an ICU common-data package ("CmnD", little-endian)."""
    header_size = struct.unpack_from("<H", blob, 0)[0]
    if blob[2:4] != _MAGIC or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common-data package")
    header = blob[:header_size]
    toc = header_size
    count = struct.unpack_from("<I", blob, toc)[0]
    entries = [struct.unpack_from("<II", blob, toc + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_off, data_off) in enumerate(entries):
        end = blob.index(b"\0", toc + name_off)
        name = blob[toc + name_off:end].decode("ascii")
        stop = toc + entries[i + 1][1] if i + 1 < count else len(blob)
        items.append((name, blob[toc + data_off:stop]))
    return header, items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package again, items sorted by name (ICU looks them up by binary search), each
    aligned to 16 bytes."""
    items = sorted(items, key=lambda it: it[0].encode("ascii"))
    count = len(items)
    names = b""
    name_offsets = []
    base = 4 + 8 * count
    for name, _data in items:
        name_offsets.append(base + len(names))
        names += name.encode("ascii") + b"\0"
    pos = len(header) + base + len(names)
    pad = (-pos) % 16
    body = b""
    data_offsets = []
    offset = base + len(names) + pad
    for _name, data in items:
        data_offsets.append(offset + len(body))
        body += data + b"\0" * ((-len(data)) % 16)
    toc = struct.pack("<I", count) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    return header + toc + names + b"\0" * pad + body


def package_prefix(items: list[tuple[str, bytes]]) -> str:
    """The package name items start with ("icudt73l/")."""
    return items[0][0].split("/", 1)[0] + "/"


# ----------------------------------------------------------------------------- the ELF file


def exported_symbol(path: Path, pattern: str) -> tuple[str, bytes]:
    """(name, bytes) of the one dynamic symbol of an ELF64 little-endian library matching
    `pattern`."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    dynsym = next(s for s in sections if s[1] == 11)  # SHT_DYNSYM
    strtab = sections[dynsym[6]]
    regex = re.compile(pattern)
    for i in range(dynsym[5] // 24):
        st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", data, dynsym[4] + 24 * i)
        end = data.index(b"\0", strtab[4] + st_name)
        name = data[strtab[4] + st_name:end].decode("ascii")
        if regex.fullmatch(name) and size:
            section = sections[shndx]
            start = section[4] + (value - section[3])
            return name, data[start:start + size]
    raise ValueError(f"{path}: no symbol {pattern}")


def build_library(symbol: str, package: Path, soname: str, out: Path, cc: str) -> None:
    """A shared library exporting `symbol` = the bytes of `package`, with `soname`."""
    asm = out.with_suffix(".S")
    asm.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        f'\t.incbin "{package}"\n'
        f"\t.size {symbol}, .-{symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out), str(asm)],
                   check=True, capture_output=True)


def slim_icudata(src: Path, workdir: Path) -> tuple[Path | None, str]:
    """A filtered copy of ICU's data library `src` in `workdir`, or None and why not."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None, "no C compiler (cc): ICU's full data kept (Debian: apt-get install gcc)"
    try:
        symbol, blob = exported_symbol(src, r"icudt\d+_dat")
        header, items = read_package(blob)
        prefix = package_prefix(items)
        kept = [(n, d) for n, d in items if keep_item(n[len(prefix):])]
        workdir.mkdir(parents=True, exist_ok=True)
        package = workdir / (prefix.rstrip("/") + ".dat")
        package.write_bytes(write_package(header, kept))
        out = workdir / src.name
        build_library(symbol, package, src.name, out, cc)
    except (OSError, ValueError, StopIteration, subprocess.CalledProcessError) as exc:
        return None, f"ICU's data library could not be rebuilt ({exc}): full data kept"
    return out, f"ICU data {len(blob) / 2**20:.0f} → {package.stat().st_size / 2**20:.1f} MiB ({len(kept)} of {len(items)} items)"
