"""The CJK font every PDF embeds (WenQuanYi Micro Hei, shipped in resources/fonts)."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "CJK"
FONT_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts" / "wqy-microhei.ttc"
_lock = threading.Lock()  # reports are built on worker threads


def register_fonts() -> str:
    """Register the font once (embedded as a TrueType subset) and return its name.

    Noto CJK cannot be used (reportlab refuses PostScript outlines) and the built-in
    STSong-Light is not embedded, so it renders blank on machines without poppler-data."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
            for bold in (0, 1):  # one weight: <b> in a paragraph maps to the same face
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
    return FONT
