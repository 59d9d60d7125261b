"""Characters the PDF font cannot draw are reported before rendering, never dropped.

reportlab silently leaves out a character its font has no glyph for: an emoji typed into an
item's summary or a report section vanished from the printed report without a word, and the
head signed a text that differed from what was typed. `check_document(doc)` reads every text
of a Document against the cmap of the shipped font (all four styles share one character set)
and refuses with one Vietnamese sentence naming each missing character and where it is.
Control and formatting characters (new lines, tabs, zero-width joiners) are layout, not text.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from functools import cache

from app.errors import ValidationError

MAX_NAMED = 5
CONTEXT = 30


@cache
def _covered() -> frozenset[int]:
    """Code points every style of the shipped font can draw."""
    from reportlab.pdfbase.ttfonts import TTFontFile  # imported here: see load_coverage

    from app.reports.fonts import font_path

    sets = [set(TTFontFile(str(font_path(style))).charToGlyph) for style in ("regular", "bold", "italic",
                                                                             "bold_italic")]
    return frozenset(set.intersection(*sets))


def load_coverage() -> None:
    """Read the font's character set now: reportlab and four font files, 60-100 ms the first
    time, which a page has done on its worker before its first check rather than on the GUI
    thread while it opens."""
    _covered()


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)


def missing(text: str) -> list[str]:
    """The characters of `text` the font cannot draw, in order, each once. An empty text needs
    no font: a form's fields cleared while its page is built check nothing (reading the
    character set there froze the reports page's first opening for 60-90 ms)."""
    if not text:
        return []
    covered, seen, out = _covered(), set(), []
    for ch in text:
        if ord(ch) in covered or ch in seen or unicodedata.category(ch)[0] in ("C", "Z"):
            continue
        if unicodedata.category(ch) == "Mn" and unicodedata.combining(ch) == 0:
            continue     # variation selectors and the like: they travel with the character before
        seen.add(ch)
        out.append(ch)
    return out


def check_document(doc: object) -> None:
    """Raise ValidationError naming the characters of `doc` the PDF font lacks (none: nothing)."""
    found: list[tuple[str, str]] = []
    for text in _texts(doc):
        for ch in missing(text):
            if all(ch != c for c, _ in found):
                at = text.index(ch)
                context = " ".join(text[max(0, at - CONTEXT):at + CONTEXT].split())
                found.append((ch, context))
    if not found:
        return
    named = "; ".join(f"“{ch}” ({unicodedata.name(ch, f'U+{ord(ch):04X}').lower()}) trong “…{context}…”"
                      for ch, context in found[:MAX_NAMED])
    more = f" và {len(found) - MAX_NAMED} ký tự khác" if len(found) > MAX_NAMED else ""
    raise ValidationError(f"Văn bản có ký tự mà phông chữ in không có, sẽ bị mất khi in: {named}{more}. "
                          "Hãy xóa hoặc thay bằng chữ (ví dụ biểu tượng cảm xúc) rồi in lại.", field="text")
