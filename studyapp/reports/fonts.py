"""Register the bundled CJK font with reportlab, once, so every PDF shows Chinese anywhere.

Offices' PCs may have no Chinese font at all (domestic Linux, stripped Windows images), so PDFs
never rely on system fonts: the bundled WenQuanYi Micro Hei is embedded as a TrueType subset.
"""

from __future__ import annotations

import logging
import threading

from studyapp import paths

log = logging.getLogger("studyapp.reports")

FONT_NAME = "CJK"
_lock = threading.Lock()


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
        path = paths.require(paths.font_path(), "中文字体文件")
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
        _chinese_line_breaks()
        # a canvas starts in Helvetica, which every PDF then listed without embedding it (a
        # print shop's preflight flags that); start every canvas in the bundled font instead
        from reportlab import rl_config
        from reportlab.platypus import tables

        rl_config.canvas_basefontname = FONT_NAME
        tables.CellStyle.fontname = FONT_NAME  # a table cell without a FONT command, too
        from reportlab.graphics import shapes

        shapes.STATE_DEFAULTS["fontName"] = FONT_NAME  # and a chart's unnamed labels
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
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

