"""Register the fonts of printed forms with reportlab, once, so every PDF shows Chinese anywhere.

Offices expect 宋体 in tables and 仿宋 in running text, and every Chinese Windows has them
(C:\\Windows\\Fonts\\simsun.ttc, simfang.ttf; per-user fonts under %LOCALAPPDATA%). Where they
are, forms use them, embedded as subsets like any font; elsewhere (domestic Linux, a stripped
image) the bundled WenQuanYi Micro Hei is used for both, so no PDF ever relies on what a PC has.
STUDYAPP_FONT_DIRS (folders, os.pathsep-separated) is looked in first: tests point it at stand-in
fonts, and a Linux office with those fonts installed can point it at them.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from studyapp import paths

log = logging.getLogger("studyapp.reports")

FONT_NAME = "CJK"  # tables and forms: 宋体 where the PC has it
BODY_FONT_NAME = "CJK-Body"  # running text: 仿宋 where the PC has it
OFFICE_FONTS = {FONT_NAME: ("simsun.ttc", "simsun.ttf"), BODY_FONT_NAME: ("simfang.ttf", "simfang.ttc")}
_lock = threading.Lock()
_registered: dict[str, Path] = {}


def font_folders() -> list[Path]:
    """Where office fonts are looked for, in order."""
    folders = [Path(p) for p in os.environ.get("STUDYAPP_FONT_DIRS", "").split(os.pathsep) if p]
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        folders.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return folders


def office_font(name: str) -> Path | None:
    """The office font for `name` (FONT_NAME or BODY_FONT_NAME) if this PC has it."""
    for folder in font_folders():
        for file in OFFICE_FONTS[name]:
            for candidate in (folder / file, folder / file.upper()):
                if candidate.is_file():
                    return candidate
    return None


def used_fonts() -> dict[str, Path]:
    """Which file each registered font name was taken from (the 关于 box, tests)."""
    return dict(_registered)


def register_fonts() -> str:
    """Register the bundled font under FONT_NAME (idempotent, thread-safe) and return that name.

    The font has no bold or italic face; the family maps them to the regular face so that
    `<b>` in a Paragraph still renders Chinese instead of failing.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return FONT_NAME
        bundled = paths.require(paths.font_path(), "中文字体文件")
        for name in (FONT_NAME, BODY_FONT_NAME):
            path = office_font(name) or bundled
            try:
                pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
            except Exception as exc:  # noqa: BLE001 - a damaged system font: the bundled one
                log.warning("font %s unusable (%s); using the bundled font", path, exc)
                path = bundled
                pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
            _registered[name] = Path(path)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(name, bold, italic, name)
        path = _registered[FONT_NAME]
        _chinese_line_breaks()
        # a canvas starts in Helvetica, which every PDF then listed without embedding it (a
        # print shop's preflight flags that); start every canvas in the bundled font instead
        from reportlab import rl_config
        from reportlab.platypus import tables

        rl_config.canvas_basefontname = FONT_NAME
        tables.CellStyle.fontname = FONT_NAME  # a table cell without a FONT command, too
        from reportlab.graphics import shapes

        shapes.STATE_DEFAULTS["fontName"] = FONT_NAME  # and a chart's unnamed labels
        log.debug("registered %s from %s", FONT_NAME, path)
        return FONT_NAME


# Chinese punctuation that may not open a line. reportlab's CJK wrap knows the Japanese set
# (、。」）…) but not 「”，；：！？》」, so a closing quote or a comma could stand alone at the
# start of a line (the answer key's 「……全过程和各方面\n”」).
_CANNOT_START = "”’，；：！？》〉』】〕"


def _chinese_line_breaks() -> None:
    """Teach reportlab's CJK line breaking the Chinese punctuation (once, before any PDF)."""
    from reportlab.platypus import paragraph

    extra = "".join(c for c in _CANNOT_START if c not in paragraph.ALL_CANNOT_START)
    paragraph.ALL_CANNOT_START = paragraph.ALL_CANNOT_START + extra

