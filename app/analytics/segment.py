"""Vietnamese word segmentation: longest match against a word list, tone placement normalised.

Contract: `segment(text, extra)` returns the words of a text in order, each as the clerk
typed it (NFC, case and accents kept), a word being the longest run of syllables, not
crossing punctuation or a number, that the word list (resources/analytics/words: pyvi's
31,157 words, MIT, plus the offices' own vocabulary and the `extra` phrases, e.g. the
synonym table) holds; a syllable the list does not start a word with is a word alone.
`key(word)` is the form two spellings of one word share: tone marks taken off each
syllable and put back in one place, so "hoá đơn" and "hóa đơn", "khoẻ" and "khỏe" meet.

Why: keywords built from adjacent syllable pairs showed pairs across word boundaries
("hóa đơn | tiền điện" gave "đơn tiền"); a segmenter that only joins syllables into words
the list knows can never show one. Longest match is what a dictionary allows without a
trained model, and it errs towards shorter words, never towards a pair that is no word.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from pathlib import Path

WORDS = Path(__file__).resolve().parents[2] / "resources" / "analytics" / "words"
_TONES = {"\u0300": "2", "\u0301": "1", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]+|_+", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def syllable_key(syllable: str) -> str:
    """A syllable without its tone mark, the tone appended as a digit: where the mark sits
    ("hoá" / "hóa", "thuỷ" / "thủy") no longer matters."""
    tone, base = "", []
    for ch in unicodedata.normalize("NFD", syllable.replace("Đ", "đ").lower()):
        mark = _TONES.get(ch)
        if mark is None:
            base.append(ch)
        elif not tone:
            tone = mark
    return unicodedata.normalize("NFC", "".join(base)) + tone


def _key(word: str) -> str:
    return " ".join(syllable_key(s) for s in word.split())


key = functools.lru_cache(maxsize=65536)(_key)


def _read(name: str) -> list[str]:
    text = (WORDS / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@functools.cache
def _base_words() -> tuple[frozenset[str], dict[str, int]]:
    """The list's words of two syllables or more, each as its key (syllable keys joined by one
    space), and the longest word starting with each syllable key. Keys as single strings,
    syllables interned, read without filling `key`'s cache: held as tuples of syllables, with
    a copy per synonym table, the lexicon took 19 MiB of the window's memory."""
    out: set[str] = set()
    longest: dict[str, int] = {}
    for line in _read("vi_words.txt") + _read("domain_words.txt"):
        syllables = [sys.intern(s) for s in _key(line).split()]
        if len(syllables) >= 2:
            out.add(" ".join(syllables))
            longest[syllables[0]] = max(longest.get(syllables[0], 0), len(syllables))
    return frozenset(out), longest


@functools.lru_cache(maxsize=4)
def _lexicon(extra: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], dict[str, int]]:
    """The list's words, the `extra` phrases' words not in it (a few), and the longest word
    starting with each syllable key: the list's shared by every `extra`, never copied."""
    words, base_longest = _base_words()
    added = frozenset(k for k in (key(p) for p in extra) if " " in k and k not in words)
    longest = dict(base_longest)
    for k in added:
        first, size = k.split(" ", 1)[0], k.count(" ") + 1
        longest[first] = max(longest.get(first, 0), size)
    return words, added, longest


def _runs(text: str) -> list[list[str]]:
    """Runs of syllables (NFC, case as typed) that punctuation and numbers do not cut."""
    runs: list[list[str]] = [[]]
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        if token.isalpha():     # letters only: a syllable (a number or "_" cuts the run)
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def segment(text: str, extra: tuple[str, ...] = ()) -> list[str]:
    """The words of a text in order, each as typed, case included (syllables joined by one space)."""
    words, added, longest = _lexicon(extra)
    out = []
    for run in _runs(text):
        keys = [syllable_key(s) for s in run]
        i = 0
        while i < len(run):
            size = 1
            for n in range(min(longest.get(keys[i], 1), len(run) - i), 1, -1):   # most syllables start none
                joined = " ".join(keys[i:i + n])
                if joined in words or joined in added:
                    size = n
                    break
            out.append(" ".join(run[i:i + size]))
            i += size
    return out
