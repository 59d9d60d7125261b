"""The visible signature stamp, drawn by reportlab in the shipped Liberation Serif.

pyHanko's own text stamp spaces Vietnamese letters oddly with this font, so the stamp
is a one-page PDF of exactly the stamp's size, imported by pyHanko as the appearance.
"""

from __future__ import annotations

import binascii
import io
import uuid

from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from app.reports import fonts

STAMP_COLOR = "#B71C1C"  # red, like an ink stamp, so the printout shows it was signed digitally


def stamp_pdf(width: float, height: float, lines: list[str]) -> bytes:
    """A bordered box with the lines centred, the font shrunk until the longest fits."""
    fonts.register()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(width, height), initialFontName=fonts.face(False, False))
    color = HexColor(STAMP_COLOR)
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    canvas.setLineWidth(1.2)
    canvas.roundRect(1, 1, width - 2, height - 2, 4, stroke=1, fill=0)
    size = 10.0
    while size > 5 and max(fonts.text_width(line, size, bold=i == 0) for i, line in enumerate(lines)) > width - 12:
        size -= 0.5
    leading = size * 1.3
    top = height / 2 + leading * len(lines) / 2 - size
    for i, line in enumerate(lines):
        canvas.setFont(fonts.face(i == 0, False), size)
        canvas.drawCentredString(width / 2, top - i * leading, line)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


class BytesPdfPage(ImportedPdfPage):
    """pyHanko's ImportedPdfPage, reading from memory instead of a file name."""

    def __init__(self, data: bytes) -> None:
        super().__init__(file_name=None)
        self._data = data

    def render(self) -> bytes:
        xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self._data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def stamp_style(width: float, height: float, lines: list[str]):
    from pyhanko.stamp import StaticStampStyle

    return StaticStampStyle(background=BytesPdfPage(stamp_pdf(width, height, lines)), border_width=0)
