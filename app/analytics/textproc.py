"""Vietnamese text to features: synonyms, accent folding, stop words, syllable and character n-grams.

Contract: `Processor(groups).features(text)` returns the list of string features of one text
(the same text always gives the same list), the analyzer every vectorizer in app/analytics
uses. Why no word segmenter: Vietnamese words are one to three syllables, and adjacent
syllable pairs ("bồi thường", "mặt bằng") capture the compounds a CRF segmenter would find,
while folded character n-grams absorb typing without accents and small misspellings; the
segmenters available (underthesea, pyvi) bring a model download layer or pickled models and
add nothing the held-out benchmark needs (README, Benchmarks).

Synonyms are replaced before folding on the accented lower-case text (so "giá" never meets
"gia đình"), and again on the folded text for variants of two syllables or more and for
abbreviations, which stay unambiguous without accents ("gpmb", "den bu").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from app.text import fold

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "analytics"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _lines(name: str) -> list[str]:
    text = (RESOURCES / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _lower(text: str) -> str:
    return unicodedata.normalize("NFC", text).replace("Đ", "đ").lower()


def words(text: str) -> list[str]:
    """Syllables of a text, lower-case with accents kept (NFC)."""
    return _WORD.findall(_lower(text))


def parse_groups(lines: list[str]) -> list[list[str]]:
    """'canonical = variant = variant' lines to groups of lower-case phrases (empty parts dropped)."""
    groups = []
    for line in lines:
        parts = [" ".join(words(p)) for p in line.split("=")]
        parts = [p for p in parts if p]
        if len(parts) >= 2:
            groups.append(parts)
    return groups


def builtin_groups() -> list[list[str]]:
    return parse_groups(_lines("synonyms.txt"))


def stop_words() -> frozenset[str]:
    """Folded stop words and stop phrases (phrases as space-joined syllables)."""
    return frozenset(fold(" ".join(words(w))) for w in _lines("stopwords.txt"))


Phrases = dict[tuple[str, ...], tuple[str, ...]]
Table = tuple[Phrases, dict[str, list[int]]]


def _replace(ws: list[str], table: Table) -> list[str]:
    """Greedy longest-match phrase replacement over syllables: a set look-up per syllable (phrases
    are indexed by their first one), far cheaper than a regular expression of hundreds of choices."""
    mapping, sizes = table
    if not mapping:
        return ws
    out: list[str] = []
    i, n = 0, len(ws)
    while i < n:
        lengths = sizes.get(ws[i])
        if lengths:
            for size in lengths:
                hit = mapping.get(tuple(ws[i:i + size])) if i + size <= n else None
                if hit is not None:
                    out.extend(hit)
                    i += size
                    break
            else:
                out.append(ws[i])
                i += 1
        else:
            out.append(ws[i])
            i += 1
    return out


def _table(pairs: dict[str, str]) -> Table:
    mapping = {tuple(k.split()): tuple(v.split()) for k, v in pairs.items() if k.split()}
    sizes: dict[str, set[int]] = {}
    for key in mapping:
        sizes.setdefault(key[0], set()).add(len(key))
    return mapping, {w: sorted(s, reverse=True) for w, s in sizes.items()}


@dataclass
class Processor:
    """Turns texts into features with one synonym table (built-in groups plus the user's)."""

    groups: list[list[str]] = field(default_factory=builtin_groups)

    @cached_property
    def _accented(self) -> Table:
        return _table({v: g[0] for g in self.groups for v in g[1:] if v != g[0]})

    @cached_property
    def _folded(self) -> Table:
        mapping = {}
        for g in self.groups:
            for v in g[1:]:
                if len(v.split()) >= 2 or v == fold(v):
                    mapping[fold(v)] = fold(g[0])
        return _table(mapping)

    @cached_property
    def stops(self) -> frozenset[str]:
        return stop_words()

    @cached_property
    def _stop_phrases(self) -> Table:
        return _table({p: "" for p in self.stops if " " in p})

    def canonical(self, text: str) -> str:
        """Folded, synonym-normalised text with stop phrases removed: what every feature comes from."""
        low = _replace(words(text), self._accented)
        folded = _replace(fold(" ".join(low)).split(), self._folded)
        return " ".join(_replace(folded, self._stop_phrases))

    def sequence(self, text: str) -> list[str | None]:
        """Folded syllables in order, a stop word (or number) left as None so no pair spans it."""
        stops = self.stops
        return [None if w in stops or w.isdigit() else w for w in self.canonical(text).split()]

    def written(self, text: str) -> list[str | None]:
        """Folded syllables as the clerk wrote them (no synonym replaced), stop words and stop phrases
        as None: the words the full-text index holds for this text."""
        mapping, sizes = self._stop_phrases
        gaps = {k: ("",) * len(k) for k in mapping}
        stops = self.stops
        return [None if not w or w in stops or w.isdigit() else w
                for w in _replace(fold(" ".join(words(text))).split(), (gaps, sizes))]

    def tokens(self, text: str) -> list[str]:
        """Folded content syllables, in order, stop words removed."""
        return [w for w in self.sequence(text) if w]

    @staticmethod
    def pairs(seq: list[str | None]) -> list[str]:
        return [f"{a}_{b}" for a, b in zip(seq, seq[1:], strict=False) if a and b]

    def features(self, text: str) -> list[str]:
        """Syllables, adjacent syllable pairs and character 3-grams of folded words: paraphrases that
        share a compound or most of a word's letters come out close."""
        seq = self.sequence(text)
        toks = [w for w in seq if w]
        out = toks + self.pairs(seq)
        for t in toks:
            padded = f"<{t}>"
            if len(padded) > 4:
                out += ["#" + padded[i:i + 3] for i in range(len(padded) - 2)]
        return out
