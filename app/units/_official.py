"""The official 2025 list (provinces and communes with their GSO codes) as tables, and the
name helpers both it and the pre-reform mapping need. Private: import `app.units`, whose
docstring states the contract. It exists so that `app.units` (the public face) and
`app.units.legacy` both build on it without importing each other (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from app.text import fold
from app.units import data

TYPE_WORDS = ("thành phố", "tỉnh", "đặc khu", "phường", "thị trấn", "thị xã", "huyện", "quận", "xã")


@dataclass(frozen=True)
class Province:
    code: str
    name: str          # "Tỉnh Vĩnh Long", "Thành phố Huế"
    key: str

    @property
    def short(self) -> str:
        return strip_type(self.name)


@dataclass(frozen=True)
class Commune:
    code: str
    name: str          # "Xã Càng Long"
    type: str          # "Xã", "Phường", "Đặc khu"
    province_code: str
    province_name: str
    key: str

    @property
    def short(self) -> str:
        return strip_type(self.name)


def strip_type(name: str) -> str:
    """'Xã Càng Long' → 'Càng Long' (any unit type word at the start, any case)."""
    name = " ".join((name or "").split())
    for word in TYPE_WORDS:
        if name.lower().startswith(word + " "):
            return name[len(word) + 1:]
    return name


def name_key(name: str) -> str:
    """Accent-, case- and space-free key of a name without its type word: 'Xã Nhị Long Phú' → 'nhilongphu'."""
    return "".join(ch for ch in fold(strip_type(name)) if ch.isalnum())


@cache
def _tables() -> tuple[dict[str, Province], dict[str, Commune]]:
    provinces: dict[str, Province] = {}
    communes: dict[str, Commune] = {}
    for pcode, pname, pkey, wcode, wname, wtype, wkey in data.current_rows():
        provinces.setdefault(pcode, Province(pcode, pname, pkey))
        communes[wcode] = Commune(wcode, wname, wtype, pcode, pname, wkey)
    return provinces, communes


def provinces() -> list[Province]:
    return sorted(_tables()[0].values(), key=lambda p: fold(p.short))


def province(code: str | None) -> Province | None:
    return _tables()[0].get(_norm_code(code))


def communes_of(province_code: str) -> list[Commune]:
    code = _norm_code(province_code)
    return sorted((c for c in _tables()[1].values() if c.province_code == code), key=lambda c: fold(c.name))


def commune(code: str | None) -> Commune | None:
    return _tables()[1].get(_norm_code(code, width=5))


def lookup(code: str | None) -> Province | Commune | None:
    return province(code) or commune(code)


def find_province(name_or_code: str | None) -> Province | None:
    """A province by code ('86') or name with or without its type word, accents optional."""
    if not name_or_code:
        return None
    found = province(name_or_code)
    if found:
        return found
    key = name_key(name_or_code)
    return next((p for p in _tables()[0].values() if name_key(p.name) == key), None)


def search(text: str, province_code: str | None = None, limit: int = 20) -> list[Commune]:
    """Communes whose name matches every typed word as a prefix, accents and case ignored;
    names that start with the text come first. A code typed whole finds its commune."""
    pool = communes_of(province_code) if province_code else list(_tables()[1].values())
    words = fold(text).split()
    if not words:
        return sorted(pool, key=lambda c: fold(c.name))[:limit]
    if len(words) == 1 and words[0].isdigit():
        exact = commune(words[0])
        return [exact] if exact and exact in pool else []
    query = " ".join(words)
    hits = []
    for c in pool:
        folded = fold(c.name)
        short = fold(c.short)
        parts = folded.split()
        if all(any(p.startswith(w) for p in parts) for w in words):
            rank = 0 if short.startswith(query) else 1 if query in folded else 2
            hits.append((rank, folded, c))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [h[2] for h in hits[:limit]]


def nearest(code: str, limit: int = 3) -> list[Province | Commune]:
    """The units whose codes are closest to an unknown `code` (same length class first)."""
    digits = "".join(ch for ch in str(code) if ch.isdigit())
    if not digits:
        return provinces()[:limit]
    value = int(digits)
    pool: list[Province | Commune] = list(_tables()[0].values()) if len(digits) <= 2 else list(_tables()[1].values())
    return sorted(pool, key=lambda u: (abs(int(u.code) - value), u.code))[:limit]


def _norm_code(code: str | None, width: int = 2) -> str:
    """'86' / '086' / 86 → '86'; commune codes are 5 digits ('29266', '00004')."""
    text = str(code or "").strip()
    if not text.isdigit():
        return text
    stripped = text.lstrip("0") or "0"
    return stripped.zfill(width if len(stripped) <= width else len(stripped))
