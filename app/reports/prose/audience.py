"""Who a report speaks of and to, by office kind (commune | agency | district | province).

The wording never says "huyện" unless the office is a (pre-2025) district: a commune's
areas are its hamlets ("ấp", "thôn", "khu phố" — called "địa bàn" in general), a
province's are its communes. Proposals are addressed to named bodies built here.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.reports.prose.words import upper_first


@dataclass(frozen=True)
class Audience:
    kind: str
    place: str            # 'xã Càng Long', 'huyện Càng Long', 'tỉnh Vĩnh Long'
    area_word: str        # what an area is called in a sentence: 'ấp', 'xã, thị trấn', 'xã, phường'
    actor: str            # who does the work in a sentence: 'Đảng ủy xã', 'Ban'
    government: str       # 'Ủy ban nhân dân xã Càng Long'
    committee: str        # the Party committee the office serves ('' when it issues the report itself)
    superior: str         # the body the report goes up to
    people: str = "cán bộ, đảng viên và Nhân dân"   # whose thoughts and mood the report speaks of
    within: str = ""      # where they are: 'trên địa bàn xã Càng Long', 'trong Đảng bộ các cơ quan Đảng tỉnh'

    def areas(self, n: int) -> str:
        from app.reports.prose.words import count

        return count(n, self.area_word)


def audience(kind: str, place: str, upper: str = "") -> Audience:
    """The wording for an office of `kind` at `place`; `upper` (the office style's superior
    body) overrides the default body the report goes up to."""
    place = place or ""
    found = _audience(kind, place)
    if not found.within:
        found = Audience(**{**found.__dict__, "within": f"trên địa bàn {place}".strip()})
    return found if not upper else Audience(**{**found.__dict__, "superior": upper})


def _audience(kind: str, place: str) -> Audience:
    if kind == "commune":
        word = place.split(" ")[0] if place else "xã"
        area = "khu phố" if word == "phường" else "ấp"
        return Audience(kind, place, area, f"Đảng ủy {word}", upper_first(f"Ủy ban nhân dân {place}".strip()),
                        "", "Ban Tuyên giáo và Dân vận Tỉnh ủy")
    if kind == "agency":  # no territory: its own people, in its own Party organisation (Đảng bộ)
        body = "Đảng bộ " + place[len("Đảng ủy "):] if place.startswith("Đảng ủy ") else place
        return Audience(kind, place, "cơ quan, đơn vị", "Đảng ủy", "Thủ trưởng các cơ quan, đơn vị", "",
                        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
                        "cán bộ, đảng viên, công chức, viên chức và người lao động",
                        f"trong {body}" if body else "trong Đảng bộ")
    if kind == "province":
        return Audience(kind, place, "xã, phường", "Ban", upper_first(f"Ủy ban nhân dân {place}".strip()),
                        "Thường trực Tỉnh ủy", "Ban Tuyên giáo và Dân vận Trung ương")
    return Audience(kind, place, "xã, thị trấn", "Ban", "Ủy ban nhân dân huyện", "Thường trực Huyện ủy",
                    "Ban Tuyên giáo và Dân vận Tỉnh ủy")
