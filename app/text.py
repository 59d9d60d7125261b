"""Vietnamese text helpers: accent folding for search, Vietnamese number and date forms."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date


def fold(text: str | None) -> str:
    """Lower-case and strip diacritics, folding đ/Đ to d (Unicode does not decompose đ).

    Used on both sides of every accent-insensitive comparison: the indexed text and
    the user's query, so "Phong Dien", "phong điền" and "PHONG ĐIỀN" all meet. Table sort
    keys call it thousands of times (168 communes' names, dates): ASCII text skips the
    Unicode work and repeated texts come from a cache.
    """
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold(text)


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).casefold()


def fts_query(user_text: str) -> str | None:
    """Turn free text into a safe FTS5 MATCH expression: every word, as a prefix, ANDed.

    Returns None when nothing searchable is left (then callers skip the MATCH).
    """
    words = []
    for raw in fold(user_text).split():
        word = "".join(ch for ch in raw if ch.isalnum())
        if word:
            words.append(f'"{word}"*')
    return " ".join(words) or None


def vn_number(n: int | float, decimals: int = 0) -> str:
    """Format a number the Vietnamese way: 1.234.567 and 12,5; never "-0,0" (a difference of
    floating-point sums that rounds to zero is zero)."""
    if round(n, decimals) == 0:
        n = 0
    if decimals:
        whole, frac = f"{n:,.{decimals}f}".split(".")
        return whole.replace(",", ".") + "," + frac
    return f"{round(n):,}".replace(",", ".")


def vn_percent(part: float, whole: float, decimals: int = 1) -> str:
    """Share as a Vietnamese percentage ("12,5%"); "0%" when the whole is empty."""
    if not whole:
        return "0%"
    value = 100.0 * part / whole
    if decimals and value != int(value):
        return vn_number(value, decimals) + "%"
    return vn_number(value) + "%"


def vn_shares(parts: list[float], whole: float, decimals: int = 1, total: bool = False) -> list[str]:
    """Each part's share of `whole` for one column of a table: one precision for the column (no
    decimals only when every share is whole: "40%" beside "21,4%" read as an error), each share
    rounded as the text's figures are (app.reports.wording.pct), so a head who checks a sentence
    against the table finds the same figure. `total` adds the total row's cell in the column's
    precision ("100,0%"); rounded shares may add up to 99,9 or 100,1, as in any statistics table."""
    cells = vn_percents([(part, whole) for part in parts], decimals)
    if not whole:
        return cells + (["0%"] if total else [])
    places = 0 if all("," not in cell for cell in cells) else decimals
    return cells + ([vn_number(100, places) + "%"] if total else [])


def vn_percents(pairs: list[tuple[float, float]], decimals: int = 1) -> list[str]:
    """Each (part, whole) as a percentage for one column of a table: one precision for the
    column, no decimals only when all are whole; a share is never negative."""
    values = [100.0 * max(part, 0) / whole if whole else 0.0 for part, whole in pairs]
    places = 0 if all(round(v, decimals) == int(round(v, decimals)) for v in values) else decimals
    return [vn_number(v, places) + "%" for v in values]


def first_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word and marked with "…", so a list shows whole words."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",;:.–-") + "…"


def vn_date(d: date) -> str:
    """dd/mm/yyyy, the way dates are written in forms and lists."""
    return d.strftime("%d/%m/%Y")


def name_key(full_name: str | None) -> str:
    """Vietnamese lists sort people by the given name (the last word), then the full name."""
    words = (full_name or "").split()
    return fold((words[-1] + " " if words else "") + (full_name or ""))


def vn_iso(iso: str | None) -> str:
    """A stored ISO date (or timestamp) as dd/mm/yyyy; empty when there is none."""
    return vn_date(date.fromisoformat(iso[:10])) if iso else ""


def vn_date_line(place: str, d: date) -> str:
    """The place-and-date line of a Party document (FORMAT.md: leading zero for days
    1-9 and for months 1-2 only)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


# The Vietnamese alphabet's letter order (a ă â b c d đ e ê …): "Bình Đại" sorts before
# "Bình Phước" and "Cái Nhum" before "Châu Hưng", as in the official lists; code-point order
# puts every "Đ" after "Z" and "ă", "â" after "z".
_LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_SHAPED = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}   # huyền, hỏi, ngã, sắc, nặng
_RUN = re.compile(r"\d+|\D")


@functools.lru_cache(maxsize=65536)
def vn_sort_key(text: str) -> tuple:
    """A sort key in Vietnamese alphabetical order: letters first (đ after d, ă/â after a,
    ô/ơ after o, ư after u), a space before any letter, numbers by value ("Phường 2" before
    "Phường 10"), tones only to break ties, case last."""
    letters: list[int] = []
    tones: list[int] = []
    for run in _RUN.findall(text.lower()):
        if run.isdigit():
            letters.append(int(run) - 10**9)
            continue
        parts = unicodedata.normalize("NFD", run)
        base, marks = parts[0], parts[1:]
        letter = next((_SHAPED[base + m] for m in marks if base + m in _SHAPED), base)
        tones.append(next((_TONES[m] for m in marks if m in _TONES), 0))
        pos = _LETTERS.find(letter)
        letters.append(pos if pos >= 0 else (-1 if letter.isspace() else 100 + ord(letter)))
    return (letters, tones, text)
