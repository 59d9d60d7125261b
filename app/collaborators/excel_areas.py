"""What each area name written in an imported list means today, decided once per name.

A list names areas in a row's cell ("Ấp Nhị Hòa") or in a section heading ("XÃ NHỊ LONG PHÚ").
Each distinct name becomes one AreaMapping, shown in the preview and changeable there:
- found in this office's catalogue ("catalogue"): the rows get that area;
- a pre-reform commune the official converter maps to today's unit ("legacy"): a province office
  gets the new commune from its catalogue; a commune office whose own unit absorbed the old
  commune accepts the rows, area left empty until the user assigns or adds one ("here");
- several catalogue areas or several pre-reform units fit ("ambiguous"): the user picks one;
- nothing fits ("unknown"): the user adds it to the catalogue, assigns the rows to an existing
  area, or leaves the area empty. An unknown area never rejects the rows that use it; the import
  waits (choice "ask") until every such name has a decision (CLI: --add-areas).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.collaborators import excel_values as ev
from app.collaborators.excel_headers import norm
from app.office import Unit

MAP, ADD, NONE, ASK = "map", "add", "none", "ask"
# Folded words that make a heading a place even when it is in no catalogue ("ẤP AN BÌNH").
PLACE_WORDS = ("xa ", "phuong ", "thi tran ", "dac khu ", "ap ", "thon ", "ban ", "khom ", "khu pho ", "to dan pho ",
               "huyen ", "thi xa ", "thanh pho ", "quan ", "buon ", "lang ", "so ", "khu ")
CHOICE_LABELS = {MAP: "gán cho", ADD: "thêm vào danh mục", NONE: "để trống địa bàn", ASK: "chưa chọn"}


@dataclass(frozen=True)
class LegacyHit:
    """A pre-reform unit a name may denote, and the unit of today that took it over."""

    old_name: str            # "Xã Nhị Long Phú"
    old_district: str        # "Huyện Càng Long"
    old_province: str        # "Tỉnh Trà Vinh"
    new_code: str            # official code of today's commune ("29266")
    new_name: str            # "Xã Càng Long"

    @property
    def label(self) -> str:
        if not self.old_district:
            return f"{self.new_name} (tên hiện nay)"
        word, _, rest = self.old_district.partition(" ")
        return f"{self.old_name}, {word.lower()} {rest} (cũ) → {self.new_name}"


# name as written, old-district hint (folded) -> the pre-reform units it may denote
LegacyLookup = Callable[[str, str | None], list[LegacyHit]]


@dataclass
class AreaMapping:
    raw: str                                   # the name as written in the file
    how: str                                   # catalogue | legacy | here | ambiguous | unknown
    choice: str                                # map | add | none | ask
    target: str | None = None                  # the area code rows get when choice == map
    note: str = ""                             # the mapping in words, shown in the preview
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (code, label) to pick from
    rows: int = 0                              # data rows that take their area from this name
    sections: int = 0                          # section headings with this name

    @property
    def needs_choice(self) -> bool:
        return self.choice == ASK

    def describe(self) -> str:
        """One line for the CLI and the dialog: "Xã Nhị Long Phú → … (3 dòng)"."""
        used = f"{self.rows} dòng" + (f", {self.sections} tiêu đề mục" if self.sections else "")
        return f"'{self.raw}': {self.note} ({used})"


def for_office(ctx, titles: list[str], old_district: str | None = None) -> AreaResolver:
    """The resolver for this office: its areas, its own unit, and the official converter over the
    pre-reform units that now form its province."""
    from app import office

    own = office.get_office(ctx)
    if old_district is not None:
        check_old_district(own, old_district)
    areas = office_areas(ctx)
    kind = getattr(own, "kind", None) or own.role
    return AreaResolver(areas, getattr(own, "official_code", None) or own.unit_code, own.name, kind, legacy_lookup(ctx),
                        titles if old_district is None else [f"huyện {old_district}"])


def check_old_district(own, old_district: str) -> None:
    """--old-district must name a pre-reform district whose communes now form this office's
    province ("Càng Long" or "Huyện Càng Long"); a typo would otherwise be ignored silently."""
    from app import units
    from app.errors import ValidationError

    province = _province_code(own)
    if province is None:
        return
    districts = units.legacy_districts(province)
    if units.name_key(old_district) not in {units.name_key(d) for d in districts} or not units.name_key(old_district):
        raise ValidationError(f"Không có huyện cũ «{' '.join(old_district.split())[:60]}» trong các đơn vị cũ nay thuộc "
                              f"{units.province(province).name}; chọn một trong: {', '.join(districts)}.",
                              field="old_district")


def office_areas(ctx) -> list[Unit]:
    """The units rows may be assigned to: communes and agencies, plus hamlets where the model has them."""
    from app import office

    found = office.communes(ctx) + office.agencies(ctx)
    if hasattr(office, "areas"):
        found = list({u.code: u for u in [*found, *office.areas(ctx)]}.values())
    return found


def legacy_lookup(ctx) -> LegacyLookup | None:
    """The official converter (app/units) over the pre-reform units that now form this office's
    province; None when the office's province is not in the official list (a test office)."""
    from app import office, units

    own = office.get_office(ctx)
    province = _province_code(own)
    if province is None:
        return None

    def look(raw: str, district: str | None) -> list[LegacyHit]:
        conv = units.convert_legacy(raw, district, province)
        hits = []
        for new in conv.candidates:
            olds = [lc for lc in conv.sources if new.code in lc.new_codes] or conv.sources[:1]
            for lc in olds or [None]:
                # Reached through a name from before 1/1/2025: the preview says so.
                name = f"{lc.name} (trước 1/1/2025: {' '.join(raw.split())})" if lc and conv.renamed else \
                    lc.name if lc else new.name
                hits.append(LegacyHit(name, lc.district if lc else "",
                                      lc.province if lc else new.province_name, new.code, new.name))
        return hits

    return look


def _province_code(own) -> str | None:
    from app import units

    code = getattr(own, "official_code", None)
    if code:
        found = units.lookup(code)
        if isinstance(found, units.Province):
            return found.code
        if isinstance(found, units.Commune):
            return found.province_code
    found = units.find_province(getattr(own, "province_name", "") or "")
    return found.code if found else None


def add_area(ctx, raw: str) -> str:
    """Add a name from the list to the catalogue under this office (a local code) and return its
    code; "ẤP AN BÌNH" is stored as "Ấp An Bình". Runs inside the import's transaction."""
    from app import office

    name = pretty_name(raw)
    own = office.get_office(ctx)
    taken = {u.code for u in office.units(ctx)}
    number = len(taken) + 1
    while f"{own.unit_code}-DB{number:03d}" in taken:
        number += 1
    code = f"{own.unit_code}-DB{number:03d}"
    level = area_level(ctx)
    office.add_unit(ctx, code, name, level, own.unit_code, area_type=area_type(name) if level == "hamlet" else None)
    return code


def pretty_name(raw: str) -> str:
    """"ẤP AN BÌNH" -> "Ấp An Bình"; names already in mixed case stay as written."""
    name = " ".join(raw.split())
    return name.title() if name.isupper() else name


def area_level(ctx) -> str:
    """The level of an area this office adds: hamlets for a commune, communes for a province…"""
    from app import office

    return office.area_level(ctx)


def area_type(name: str) -> str | None:
    """"Ấp An Bình" -> "ấp", "Tổ dân phố 3" -> "tổ dân phố": the typed kind of a new hamlet."""
    from app import office_kinds

    folded = norm(name)
    for kind in sorted(office_kinds.AREA_TYPES, key=len, reverse=True):
        if folded == norm(kind) or folded.startswith(norm(kind) + " "):
            return kind
    return None


class AreaResolver:
    """Resolves names against this office's areas, then against the pre-reform units."""

    def __init__(self, areas: list[Unit], own_code: str, own_name: str, kind: str,
                 legacy: LegacyLookup | None = None, titles: list[str] | None = None) -> None:
        self.index = ev.AreaIndex(areas)
        self.names = {u.code: u.name for u in areas}
        self.own_code, self.own_name, self.kind = own_code, own_name, kind
        self.legacy = legacy
        self.district_hint = district_hint(titles or [])
        self.found: dict[str, AreaMapping] = {}

    def resolve(self, raw: str) -> AreaMapping:
        """One mapping per name whatever its case or accents: "ẤP MỸ HIỆP" is "Ấp Mỹ Hiệp"
        (the first spelling met is the one shown and added)."""
        key = norm(raw)
        if key not in self.found:
            self.found[key] = self._resolve(" ".join(raw.split()))
        return self.found[key]

    def forget(self, raw: str) -> None:
        self.found.pop(norm(raw), None)

    def _resolve(self, raw: str) -> AreaMapping:
        codes = self.index.lookup(raw)
        if len(codes) == 1:
            return AreaMapping(raw, "catalogue", MAP, codes[0], f"trong danh mục: {self.names[codes[0]]}")
        if len(codes) > 1:
            return AreaMapping(raw, "ambiguous", ASK, note="trùng tên nhiều địa bàn trong danh mục; hãy chọn",
                               candidates=[(c, self.names[c]) for c in codes])
        hits = self._legacy_hits(raw)
        targets = {h.new_code for h in hits}
        if len(targets) == 1:
            hit = hits[0]
            if hit.new_code in self.names:
                return AreaMapping(raw, "legacy", MAP, hit.new_code, f"tên cũ: {hit.label}")
            if hit.new_code == self.own_code:
                said = f"tên cũ: {hit.label}, tức chính đơn vị này" if hit.old_district else "chính đơn vị này"
                return AreaMapping(raw, "here", NONE, note=f"{said}; để trống địa bàn hoặc gán cho thôn, ấp")
            return AreaMapping(raw, "unknown", ASK, note=f"tên cũ: {hit.label}, ngoài địa bàn của đơn vị")
        if len(targets) > 1:
            choices = [(h.new_code, h.label) for h in hits if h.new_code in self.names]
            return AreaMapping(raw, "ambiguous", ASK, candidates=choices,
                               note="tên cũ trùng ở nhiều huyện cũ: " + "; ".join(h.label for h in hits)
                               + " — hãy chọn (CLI: --old-district TÊN)")
        return AreaMapping(raw, "unknown", ASK, note="không có trong danh mục")

    def _legacy_hits(self, raw: str) -> list[LegacyHit]:
        """Hits of the converter; "Xã Nhị Long Phú, huyện Càng Long" carries its own old district."""
        if self.legacy is None:
            return []
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        hint = district_hint(parts[1:]) or self.district_hint
        try:
            hits = self.legacy(parts[0] if parts else raw, hint)
        except Exception:  # noqa: BLE001 - a converter bug must not stop the import; the name stays unknown
            return []
        if hint and len({h.new_code for h in hits}) > 1:
            narrowed = [h for h in hits if hint in norm(h.old_district)]
            hits = narrowed or hits
        return hits


_DISTRICT = re.compile(r"\b(?:huyen(?: uy)?|thi xa(?: uy)?|thanh pho(?: uy)?|quan(?: uy)?|thi uy|thanh uy)"
                       r" ((?:[a-z0-9]+ ?){1,4})")


def district_hint(titles: list[str]) -> str | None:
    """The old district a title names ("HUYỆN ỦY CÀNG LONG" -> "cang long"), folded, or None."""
    for title in titles:
        match = _DISTRICT.search(norm(title))
        if match:
            words = match.group(1).split()
            stop = next((i for i, w in enumerate(words) if w in ("tinh", "nam", "ban", "danh", "dang")), len(words))
            if words[:stop]:
                return " ".join(words[:stop])
    return None
