"""What an office's kind means on paper and on screen: ONE function, `style_for`.

Since 1/7/2025 a lower office is a commune Party committee (`commune`: Đảng ủy xã / phường /
đặc khu) or a Party committee directly under the province (`agency`); offices made before
the reform are `district` (Ban Tuyên giáo huyện ủy) and keep working. The upper office is the
provincial Ban Tuyên giáo và Dân vận (`province`). FORMAT.md "Who issues" is the source of
every default here: header lines, symbol, who signs, recipients, archive line, what the
office's areas (địa bàn) are called. Documents, pages and the wizard ask this module instead
of testing the kind themselves, so a new kind is one entry here.

The stored office row keeps the names a user may edit (Settings); `style_for` gives the
defaults for a fresh office and the kind-bound wording that is not a setting. No Qt, no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS: dict[str, str] = {
    "commune": "Đảng ủy xã, phường, đặc khu",
    "agency": "Đảng ủy trực thuộc Tỉnh ủy",
    "province": "Ban Tuyên giáo và Dân vận Tỉnh ủy, Thành ủy",
    "district": "Ban Tuyên giáo huyện ủy (trước 7/2025)",
}
LOWER_KINDS = ("commune", "agency", "district")

# Typed areas inside a commune (units.area_type for level 'hamlet').
AREA_TYPES = ("thôn", "ấp", "bản", "buôn", "làng", "sóc", "tổ dân phố", "khu phố", "khóm")


def default_area_type(office_name: str) -> str:
    """What a new area of this office most likely is: a phường's areas are tổ dân phố, a xã's
    and an đặc khu's thôn (the clerk picks ấp, bản, khu phố … where the region says so)."""
    return "tổ dân phố" if office_name.strip().lower().startswith("phường") else "thôn"


# Unit level of an office's areas, by kind (units.level).
AREA_LEVEL = {"commune": "hamlet", "agency": "member", "district": "commune", "province": "commune"}

_UNIT_PREFIXES = ("Thành phố ", "Tỉnh ", "Đặc khu ", "Phường ", "Thị trấn ", "Thị xã ", "Huyện ", "Quận ", "Xã ")


@dataclass(frozen=True)
class OfficeStyle:
    """Defaults and wording of one office kind (see FORMAT.md "Who issues")."""

    kind: str
    kind_label: str          # "Đảng ủy xã, phường, đặc khu"
    office_label: str        # how the app names this office: "Đảng ủy xã Càng Long"
    superior_name: str       # header line 1: "ĐẢNG BỘ TỈNH VĨNH LONG"
    body_name: str           # header line 2 (bold): "ĐẢNG ỦY XÃ CÀNG LONG"
    symbol: str              # "ĐU" in "Số 01-BC/ĐU"
    place_name: str          # date line: "Càng Long"
    collective: bool         # a Party committee signs "T/M …"; a Ban's head signs with the title alone
    authority: str           # "T/M ĐẢNG ỦY" or "" (head of a Ban signs directly)
    signer_title: str        # "BÍ THƯ" / "TRƯỞNG BAN"
    deputy_authority: str    # "T/M ĐẢNG ỦY" / "K/T TRƯỞNG BAN"
    deputy_title: str        # "PHÓ BÍ THƯ" / "PHÓ TRƯỞNG BAN"
    recipients: tuple[str, ...]  # default "Nơi nhận" lines before the archive line, each "- …,"
    archive_line: str        # "- Lưu Văn phòng Đảng ủy."
    upper_body: str          # who a lower office reports to ("" for the province)
    area_level: str          # units.level of this office's areas
    area_noun: str           # "thôn, ấp, tổ dân phố" — what one area is called
    area_label: str          # column / filter label: "Thôn, ấp"
    is_province: bool

    def authority_lines(self, deputy: bool = False) -> tuple[str, ...]:
        """The signature block's upper lines: ("T/M ĐẢNG ỦY", "BÍ THƯ") or ("TRƯỞNG BAN",)."""
        if deputy:
            return (self.deputy_authority, self.deputy_title)
        return (self.authority, self.signer_title) if self.authority else (self.signer_title,)


def bare_name(name: str) -> str:
    """'Xã Càng Long' → 'Càng Long', 'Tỉnh Vĩnh Long' → 'Vĩnh Long' (date line, header names)."""
    name = " ".join((name or "").split())
    for prefix in _UNIT_PREFIXES:
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix):]
    return name


def _place(unit_name: str) -> str:
    """Date-line place of a commune: its proper name, the whole name for a numbered ward ('Phường 1')."""
    bare = bare_name(unit_name)
    return " ".join(unit_name.split()) if bare.isdigit() else bare


def _is_city(province_name: str) -> bool:
    return (province_name or "").strip().lower().startswith("thành phố")


def upper_body_name(province_name: str) -> str:
    """'Ban Tuyên giáo và Dân vận Tỉnh ủy' (or '… Thành ủy' for a centrally-run city)."""
    return "Ban Tuyên giáo và Dân vận " + ("Thành ủy" if _is_city(province_name) else "Tỉnh ủy")


def province_committee(province_name: str) -> str:
    """'Tỉnh ủy Vĩnh Long' / 'Thành ủy Huế'."""
    return ("Thành ủy " if _is_city(province_name) else "Tỉnh ủy ") + bare_name(province_name)


def province_party(province_name: str) -> str:
    """'Đảng bộ tỉnh Vĩnh Long' / 'Đảng bộ thành phố Huế' (the commune's header line 1)."""
    return ("Đảng bộ thành phố " if _is_city(province_name) else "Đảng bộ tỉnh ") + bare_name(province_name)


def _district_committee(name: str) -> str:
    lower = name.lower()
    for prefix, committee in (("thị xã ", "Thị ủy "), ("thành phố ", "Thành ủy "), ("quận ", "Quận ủy ")):
        if lower.startswith(prefix):
            return committee + bare_name(name)
    return "Huyện ủy " + bare_name(name)


def _body_word(committee: str) -> str:
    """'Tỉnh ủy Vĩnh Long' → 'Tỉnh ủy' (as in "Thường trực Tỉnh ủy")."""
    return " ".join(committee.split()[:2])


def _committee_of(unit_name: str) -> str:
    """'Xã Càng Long' → 'Đảng ủy xã Càng Long'; an agency committee's own name is kept."""
    name = " ".join(unit_name.split())
    if name.lower().startswith("đảng ủy"):
        return name
    head, _, rest = name.partition(" ")
    if name.lower().startswith(("đặc khu ", "thị trấn ")):
        head, rest = " ".join(name.split()[:2]), " ".join(name.split()[2:])
    return f"Đảng ủy {head.lower()} {rest}".strip()


def style_for(kind: str, unit_name: str, province_name: str = "") -> OfficeStyle:
    """The defaults of an office of `kind` named `unit_name` in `province_name`.

    unit_name is the official unit ("Xã Càng Long", "Tỉnh Vĩnh Long", "Huyện Càng Long") or,
    for an agency, the committee's name ("Đảng ủy các cơ quan Đảng tỉnh").
    """
    if kind not in KINDS:
        raise ValueError(f"unknown office kind {kind!r}")
    province_name = province_name or (unit_name if kind == "province" else "")
    upper = upper_body_name(province_name)
    if kind in ("commune", "agency"):
        committee = _committee_of(unit_name)
        place = _place(unit_name) if kind == "commune" else bare_name(province_name)
        return OfficeStyle(
            kind=kind, kind_label=KINDS[kind], office_label=committee,
            superior_name=province_party(province_name).upper(), body_name=committee.upper(), symbol="ĐU",
            place_name=place, collective=True, authority="T/M ĐẢNG ỦY", signer_title="BÍ THƯ",
            deputy_authority="T/M ĐẢNG ỦY", deputy_title="PHÓ BÍ THƯ",
            recipients=(f"- {upper} (để báo cáo),", "- Thường trực Đảng ủy,"),
            archive_line="- Lưu Văn phòng Đảng ủy.", upper_body=upper,
            area_level=AREA_LEVEL[kind],
            area_noun="thôn, ấp, tổ dân phố" if kind == "commune" else "cơ quan, đơn vị trực thuộc",
            area_label="Thôn, ấp, tổ dân phố" if kind == "commune" else "Cơ quan, đơn vị",
            is_province=False,
        )
    if kind == "province":
        committee = province_committee(province_name)
        return OfficeStyle(
            kind=kind, kind_label=KINDS[kind], office_label=f"{upper} {bare_name(province_name)}",
            superior_name=committee.upper(), body_name="BAN TUYÊN GIÁO VÀ DÂN VẬN", symbol="BTGDVTU",
            place_name=bare_name(province_name), collective=False, authority="", signer_title="TRƯỞNG BAN",
            deputy_authority="K/T TRƯỞNG BAN", deputy_title="PHÓ TRƯỞNG BAN",
            recipients=("- Ban Tuyên giáo và Dân vận Trung ương (để báo cáo),",
                        f"- Thường trực {_body_word(committee)} (để báo cáo),"),
            archive_line="- Lưu BTGDV.", upper_body="Ban Tuyên giáo và Dân vận Trung ương",
            area_level=AREA_LEVEL[kind], area_noun="xã, phường, đặc khu", area_label="Xã, phường",
            is_province=True,
        )
    committee = _district_committee(unit_name)
    return OfficeStyle(
        kind=kind, kind_label=KINDS[kind], office_label=f"Ban Tuyên giáo {committee}",
        superior_name=committee.upper(), body_name="BAN TUYÊN GIÁO", symbol="BTGHU",
        place_name=bare_name(unit_name), collective=False, authority="", signer_title="TRƯỞNG BAN",
        deputy_authority="K/T TRƯỞNG BAN", deputy_title="PHÓ TRƯỞNG BAN",
        recipients=(f"- {upper} (để báo cáo),", f"- Thường trực {_body_word(committee)},"),
        archive_line="- Lưu VT.", upper_body=upper,
        area_level=AREA_LEVEL[kind], area_noun="xã, thị trấn", area_label="Xã, thị trấn", is_province=False,
    )
