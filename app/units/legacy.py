"""Pre-reform (before 1/7/2025) communes and districts, and their mapping to today's units.

The mapping is the `vietnamadminunits` converter table: for each new commune, the old
(province, district, commune) keys that formed it; for an old commune split between several
new ones, the candidates and the one the package marks as default. Contract of
`convert_legacy` is in app/units/__init__.py (its signature is relied on by the collaborator
import: keep it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from app.text import fold
from app.units import _official as units
from app.units import data


@dataclass(frozen=True)
class LegacyCommune:
    code: str                 # pre-reform GSO commune code
    name: str                 # "Xã Nhị Long Phú"
    district: str             # "Huyện Càng Long"
    province: str             # "Tỉnh Trà Vinh" (old province)
    new_codes: tuple[str, ...]   # today's commune(s) it went into; default first


@dataclass(frozen=True)
class Conversion:
    query: str
    unit: units.Commune | None            # the answer when exactly one new commune fits
    candidates: tuple[units.Commune, ...] = ()   # the fitting new communes when ambiguous (or the one)
    sources: tuple[LegacyCommune, ...] = field(default=())  # the old communes the name matched
    renamed: bool = False   # matched through a name from before the 1/1/2025 rearrangement

    @property
    def ambiguous(self) -> bool:
        return self.unit is None and len(self.candidates) > 1


@cache
def _legacy_by_key() -> dict[tuple[str, str, str], LegacyCommune]:
    """The pre-reform communes by the package's (provinceKey, districtKey, wardKey)."""
    conv = data.converter()
    by_key = {(c.province_code, c.key): c.code for c in units._tables()[1].values()}
    new_province = {}
    for new_pkey, old_pkeys in conv["DICT_PROVINCE"].items():
        for old in old_pkeys:
            new_province[old] = new_pkey
    pcode_of = {p.key: p.code for p in units._tables()[0].values()}
    forward: dict[str, list[str]] = {}
    for new_pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, olds in wards.items():
            code = by_key.get((pcode_of.get(new_pkey), new_wkey))
            for old in olds:
                if code:
                    forward.setdefault(old, []).append(code)
    for new_pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in olds.items():
            codes = [by_key.get((pcode_of.get(new_pkey), o["newWardKey"])) for o in
                     sorted(options, key=lambda o: not o["isDefaultNewWard"])]
            forward.setdefault(old, []).extend(c for c in codes if c and c not in forward.get(old, []))
    result = {}
    for _pc, pname, pkey, _dc, dname, dkey, wcode, wname, wkey in data.legacy_rows():
        if not wname:
            continue
        result[(pkey, dkey, wkey)] = LegacyCommune(wcode, wname, dname, pname,
                                                   tuple(forward.get(f"{pkey}_{dkey}_{wkey}", ())))
    return result


def _legacy() -> tuple[LegacyCommune, ...]:
    return tuple(_legacy_by_key().values())


@cache
def _by_alias_key() -> dict[str, tuple[LegacyCommune, ...]]:
    """The pre-reform communes by the names they had before the 1/1/2025 rearrangement, as the
    package's own converter reads them (its parser keywords): "dienhai" → Phường Phong Hải."""
    by_key = _legacy_by_key()
    grouped: dict[str, list[LegacyCommune]] = {}
    for pkey, dkey, wkey, keywords in data.legacy_aliases():
        lc = by_key.get((pkey, dkey, wkey))
        if lc is None:
            continue
        own = units.name_key(lc.name)
        for keyword in keywords:
            if keyword != own and not any(keyword == prefix + own for prefix in _KEY_PREFIXES):
                grouped.setdefault(keyword, []).append(lc)
    return {key: tuple(dict.fromkeys(found)) for key, found in grouped.items()}


# How the package's keywords begin when they carry the unit-type word ("xadienhai").
_KEY_PREFIXES = ("xa", "phuong", "thitran")


@cache
def _by_name_key() -> dict[str, tuple[LegacyCommune, ...]]:
    """The pre-reform communes by name_key of their name, each list in _legacy() order: a lookup
    reads its few namesakes instead of folding all ~10,000 names again (0.2 s per name)."""
    grouped: dict[str, list[LegacyCommune]] = {}
    for lc in _legacy():
        grouped.setdefault(units.name_key(lc.name), []).append(lc)
    return {key: tuple(found) for key, found in grouped.items()}


def legacy_communes(province_code: str) -> list[LegacyCommune]:
    """The pre-reform communes that went (wholly or partly) into today's province `province_code`."""
    prov = units.province(province_code)
    if prov is None:
        return []
    return [lc for lc in _legacy() if any(units.commune(c) and units.commune(c).province_code == prov.code
                                          for c in lc.new_codes)]


def legacy_districts(province_code: str) -> list[str]:
    """The pre-reform districts whose communes now form the province ("Huyện Càng Long", …)."""
    seen: dict[str, None] = {}
    for lc in legacy_communes(province_code):
        seen.setdefault(lc.district, None)
    return sorted(seen, key=fold)


def convert_legacy(commune_name: str, district: str | None = None, province: str | None = None) -> Conversion:
    """See app/units/__init__.py for the contract."""
    key = units.name_key(commune_name)
    typed = _type_word(commune_name)
    new_prov = units.find_province(province) if province else None
    old_prov_key = None if new_prov or not province else units.name_key(province)
    if new_prov:
        current = [c for c in units.communes_of(new_prov.code)
                   if units.name_key(c.name) == key and (not typed or _type_word(c.name) == typed)]
        if len(current) == 1 and not district:
            return Conversion(commune_name, current[0], (current[0],))
    district_key = units.name_key(district) if district else None
    sources = _sources(key, typed, district_key, old_prov_key, new_prov)
    if not sources and typed:
        # The unit-type word changed in between: a 2024 list says "Xã Phong Hòa", the pre-reform
        # list (after the 1/1/2025 changes) has "Phường Phong Hòa". Same name, same place.
        sources = _sources(key, "", district_key, old_prov_key, new_prov)
    renamed = False
    if not sources:
        # A name from before the 1/1/2025 rearrangement ("Xã Điền Hải", since then Phường Phong
        # Hải): the package's parser keywords carry it, and its converter goes through them.
        sources = _sources(key, "", district_key, old_prov_key, new_prov, _by_alias_key())
        renamed = bool(sources)
    if not sources and district and new_prov:
        return convert_legacy(commune_name, None, province)   # a wrong title must not lose the row
    firsts: dict[str, units.Commune] = {}
    for lc in sources:
        news = [units.commune(c) for c in lc.new_codes]
        news = [n for n in news if n and (not new_prov or n.province_code == new_prov.code)]
        if news:
            firsts.setdefault(news[0].code, news[0])   # the package's default new commune
    cands = tuple(firsts.values())
    return Conversion(commune_name, cands[0] if len(cands) == 1 else None, cands, tuple(sources), renamed)


def _sources(key: str, typed: str, district_key: str | None, old_prov_key: str | None,
             new_prov: units.Province | None,
             index: dict[str, tuple[LegacyCommune, ...]] | None = None) -> list[LegacyCommune]:
    """The pre-reform communes named `key` (of type `typed` when given) that fit the hints."""
    sources = []
    for lc in (index if index is not None else _by_name_key()).get(key, ()):
        if typed and _type_word(lc.name) != typed:
            continue
        if district_key and units.name_key(lc.district) != district_key:
            continue
        if old_prov_key and units.name_key(lc.province) != old_prov_key:
            continue
        news = [units.commune(c) for c in lc.new_codes]
        if new_prov and not any(n and n.province_code == new_prov.code for n in news):
            continue
        sources.append(lc)
    return sources


def _type_word(name: str) -> str:
    lowered = " ".join(fold(name).split())
    for word in units.TYPE_WORDS:
        if lowered.startswith(fold(word) + " "):
            return fold(word)
    return ""
