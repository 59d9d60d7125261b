"""The official 2025 list of administrative units (34 provinces, 3,321 xã / phường / đặc
khu with their GSO codes) and the pre-reform units that now form them. No Qt, no store.

Data: the `vietnamadminunits` package, read without importing it (see app/units/data.py).

Official list:
    provinces() -> list[Province]; province(code) -> Province | None
    communes_of(province_code) -> list[Commune]; commune(code) -> Commune | None
    lookup(code) -> Province | Commune | None
    search(text, province_code=None, limit=20) -> list[Commune]   accent-free: "cang long" → Xã Càng Long
    nearest(code, limit=3) -> list[Province | Commune]            for "unknown code" messages

Pre-reform (legacy) units and conversion, in app/units/legacy.py, re-exported here:
    legacy_communes(province_code) -> list[LegacyCommune]   old communes that now form the province
    legacy_districts(province_code) -> list[str]            their old districts ("Huyện Càng Long")
    convert_legacy(commune_name, district=None, province=None) -> Conversion
        Maps a pre-reform commune name ("Xã Nhị Long Phú" or "Nhị Long Phú"; accents and case
        ignored) to today's commune. `district` (old district, e.g. from a sheet title
        "HUYỆN ỦY CÀNG LONG") and `province` (today's province code or name, or an old
        province's name) narrow the search. A name that already is a current commune of the
        province maps to itself. Conversion.unit is the answer when exactly one new commune
        fits; otherwise Conversion.candidates lists the fitting new communes (ambiguous: ask
        for the old district) and is empty when nothing fits. Stable signature: the
        collaborator import relies on it.
"""

from __future__ import annotations

from app.units._official import (
    TYPE_WORDS,
    Commune,
    Province,
    commune,
    communes_of,
    find_province,
    lookup,
    name_key,
    nearest,
    province,
    provinces,
    search,
    strip_type,
)
from app.units.legacy import (
    Conversion,
    LegacyCommune,
    convert_legacy,
    legacy_communes,
    legacy_districts,
)

__all__ = [
    "Commune", "Conversion", "LegacyCommune", "Province", "TYPE_WORDS", "commune", "communes_of", "convert_legacy",
    "find_province", "legacy_communes", "legacy_districts", "lookup", "name_key", "nearest", "province",
    "provinces", "search", "strip_type",
]
