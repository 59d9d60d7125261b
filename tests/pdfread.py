"""Read a rendered PDF back for tests, with pypdfium2 (already a runtime dependency).

Tests check the Party layout on the PDF itself: text per page, the font, size and box of
each run of text, words with their boxes, drawn lines, signature widgets. pymupdf gave
that but pulls ~300 MB of test-only weight (onnxruntime, numpy…); pdfium exposes the same
facts per character, so this module groups characters into spans and words.

Coordinates follow the usual top-left convention of screen and pymupdf:
`bbox = (x0, y0, x1, y1)` in points with y growing downwards.
"""

from __future__ import annotations

import ctypes
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader


@dataclass(frozen=True)
class Span:
    """A run of characters on one line in one font and size."""

    text: str
    font: str
    size: float
    bbox: tuple[float, float, float, float]

    def __getitem__(self, key: str):  # span["text"], as the tests read it
        return getattr(self, key)


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    def __iter__(self) -> Iterator:
        return iter((self.x0, self.y0, self.x1, self.y1, self.text))

    def __getitem__(self, index: int):
        return tuple(self)[index]


class Page:
    def __init__(self, doc: PdfDoc, index: int) -> None:
        self._doc = doc
        self.index = index
        self._page = doc._pdf[index]
        self.width, self.height = self._page.get_size()

    @cached_property
    def _textpage(self) -> pdfium.PdfTextPage:
        return self._page.get_textpage()

    @cached_property
    def _text(self) -> str:
        """The characters alone, exactly as joining _chars gives them, without asking pdfium for the
        font, size and box of each: most tests read only the text (the long-table test of
        test_render.py, 46 PDFs: 5.0 s -> 3.5 s)."""
        textpage = self._textpage
        codes = (pdfium_c.FPDFText_GetUnicode(textpage.raw, i) for i in range(textpage.count_chars()))
        return "".join(chr(code) for code in codes if code and code != ord("\r"))

    @cached_property
    def _chars(self) -> list[tuple[str, str, float, tuple[float, float, float, float]]]:
        textpage = self._textpage
        buf = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        chars = []
        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            ch = chr(code) if code else ""
            n = pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, buf, len(buf), ctypes.byref(flags))
            font = buf.raw[: max(n - 1, 0)].decode("utf-8", "replace") if n else ""
            size = round(pdfium_c.FPDFText_GetFontSize(textpage.raw, i), 2)
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append((ch, font, size, (left, self.height - top, right, self.height - bottom)))
        return chars

    def text(self) -> str:
        return self._text

    def fonts(self) -> set[str]:
        """Names of the fonts the page's text is drawn in (subset prefixes kept)."""
        return {font for _ch, font, _size, _box in self._chars if font}

    def spans(self) -> list[Span]:
        out: list[Span] = []
        cur: list = []

        def flush() -> None:
            if cur:
                text = "".join(c[0] for c in cur)
                boxes = [c[3] for c in cur if c[0].strip()]
                if boxes:
                    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                            max(b[2] for b in boxes), max(b[3] for b in boxes))
                    font, size = next((c[1], c[2]) for c in cur if c[0].strip())
                    out.append(Span(text, font, size, bbox))
                cur.clear()

        for ch, font, size, box in self._chars:
            if ch in "\r\n":
                flush()
                continue
            if not ch.strip() or not font:  # generated spaces belong to the run they stand in
                if cur:
                    cur.append((ch, cur[-1][1], cur[-1][2], cur[-1][3]))
                continue
            if cur:
                _pch, pfont, psize, pbox = next(c for c in reversed(cur) if c[0].strip())
                same_line = abs(box[3] - pbox[3]) < psize * 0.5
                if pfont != font or abs(psize - size) > 0.05 or not same_line or box[0] < pbox[0] - 1:
                    flush()
            cur.append((ch, font, size, box))
        flush()
        return out

    def words(self) -> list[Word]:
        out: list[Word] = []
        cur: list = []

        def flush() -> None:
            if cur:
                boxes = [c[3] for c in cur]
                out.append(Word(min(b[0] for b in boxes), min(b[1] for b in boxes),
                                max(b[2] for b in boxes), max(b[3] for b in boxes), "".join(c[0] for c in cur)))
                cur.clear()

        for c in self._chars:
            if not c[0].strip():
                flush()
            else:
                cur.append(c)
        flush()
        return out

    def line_boxes(self) -> list[tuple[float, float, float, float]]:
        """Boxes of the page's drawn paths (rules, underlines, table borders), top-left coordinates."""
        boxes = []
        for obj in self._page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
            left, bottom, right, top = obj.get_bounds()
            boxes.append((left, self.height - top, right, self.height - bottom))
        return boxes

    def signature_widgets(self) -> list[tuple[float, float, float, float]]:
        """Rectangles of signature form fields on this page, top-left coordinates."""
        reader = PdfReader(io.BytesIO(self._doc.data))
        rects = []
        for ref in reader.pages[self.index].get("/Annots") or []:
            annot = ref.get_object()
            field = annot.get("/Parent", annot)
            field = field.get_object() if hasattr(field, "get_object") else field
            if annot.get("/Subtype") == "/Widget" and (annot.get("/FT") or field.get("/FT")) == "/Sig":
                x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                rects.append((min(x0, x1), self.height - max(y0, y1), max(x0, x1), self.height - min(y0, y1)))
        return rects


class PdfDoc:
    def __init__(self, data: bytes) -> None:
        self.data = bytes(data)
        self._pdf = pdfium.PdfDocument(self.data)
        self.pages = [Page(self, i) for i in range(len(self._pdf))]

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def __len__(self) -> int:
        return len(self.pages)

    def __getitem__(self, index: int) -> Page:
        return self.pages[index]

    def __iter__(self) -> Iterator[Page]:
        return iter(self.pages)

    def text(self) -> str:
        return "\n".join(page.text() for page in self.pages)

    def find_spans(self, text: str, page: int | None = None) -> list[Span]:
        """Spans whose stripped text equals `text`; asserts there is at least one."""
        pages = [self.pages[page]] if page is not None else self.pages
        found = [s for pg in pages for s in pg.spans() if s.text.strip() == text]
        assert found, f"không thấy {text!r} trong PDF"
        return found


def open_pdf(data: bytes) -> PdfDoc:
    return PdfDoc(data)
