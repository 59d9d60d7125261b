"""Register the shipped Liberation Serif family with reportlab (once per process).

Registering it as a family makes <b>/<i> in paragraphs pick the right TTF; the PDF
never falls back to Helvetica, which has no Vietnamese letters.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import DlxhError
from app.reports.layout import FONT_DIR, PDF_FONT, PDF_FONT_FILES

_lock = threading.Lock()
_done = False

NAMES = {
    "regular": PDF_FONT,
    "bold": f"{PDF_FONT}-Bold",
    "italic": f"{PDF_FONT}-Italic",
    "bold_italic": f"{PDF_FONT}-BoldItalic",
}


def font_path(style: str = "regular") -> Path:
    path = FONT_DIR / PDF_FONT_FILES[style]
    if not path.exists():
        raise DlxhError(f"Thiếu tệp phông chữ {path.name} trong thư mục resources/fonts; hãy cài đặt lại phần mềm.")
    return path


def face(bold: bool, italic: bool) -> str:
    """The registered font name for a bold/italic combination."""
    key = "bold_italic" if bold and italic else "bold" if bold else "italic" if italic else "regular"
    return NAMES[key]


def register() -> None:
    global _done
    with _lock:
        if _done:
            return
        for style, name in NAMES.items():
            pdfmetrics.registerFont(TTFont(name, str(font_path(style))))
        pdfmetrics.registerFontFamily(PDF_FONT, normal=NAMES["regular"], bold=NAMES["bold"],
                                      italic=NAMES["italic"], boldItalic=NAMES["bold_italic"])
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(PDF_FONT, bold, italic, face(bool(bold), bool(italic)))
        _done = True


def text_width(text: str, size: float, bold: bool = False) -> float:
    register()
    return pdfmetrics.stringWidth(text, face(bold, False), size)
