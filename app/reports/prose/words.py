"""Small wording rules shared by every report: counts, quantifiers, names in a sentence.

The quantifier rules are the ones a head of office checks before signing: "phần lớn" (or
"đa số") only above half, "nhiều nhất" for the largest share that is not a majority, "một
số" / "một bộ phận" for a smaller share, "rải rác" for a few scattered places; counts of
meetings, items and places with two digits under ten ("02 hội nghị"); "Nhân dân" with a
capital N except inside the names of State bodies ("Ủy ban nhân dân").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app import catalog
from app.text import vn_number, vn_percent

BODIES = ("Ủy ban", "Hội đồng", "Tòa án", "Viện kiểm sát", "Công an", "Quân đội", "Ủy Ban")
_NHAN_DAN = re.compile(r"(?<![\wÀ-ỹ])(nhân dân|Nhân Dân)(?![\wÀ-ỹ])")


def n2(value: int) -> str:
    """A count in administrative style: 01…09 with a leading zero, then 10, 1.234."""
    return f"{value:02d}" if 0 < value < 10 else vn_number(value)


def count(value: int, noun: str) -> str:
    """'02 hội nghị', '15 ý kiến'."""
    return f"{n2(value)} {noun}"


def pct(part: int, whole: int) -> str:
    return vn_percent(part, whole)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def tendency(code: str) -> str:
    return lower_first(catalog.label(catalog.TENDENCIES, code))


def field_name(code: str) -> str:
    return lower_first(catalog.label(catalog.FIELDS, code))


AREA_KINDS = ("Thị trấn ", "Thị xã ", "Thành phố ", "Xã ", "Phường ", "Huyện ", "Tỉnh ", "Đặc khu ", "Ấp ",
              "Thôn ", "Bản ", "Khóm ", "Khu phố ", "Tổ dân phố ", "Buôn ", "Sóc ")


def place(name: str) -> str:
    """'Xã Nhị Long' → 'xã Nhị Long', 'Ấp Chợ' → 'ấp Chợ' inside a sentence."""
    for kind in AREA_KINDS:
        if name.startswith(kind):
            return kind.lower() + name[len(kind):]
    return name


def join(parts: Iterable[str], last: str = "và") -> str:
    items = [p for p in parts if p]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def titles(names: Iterable[str], quote: bool = False) -> str:
    """Topic titles in a list: separated by ';' when a title has its own 'và' or comma, so
    'A và B' inside a title is never read as two topics."""
    items = [f"“{n}”" if quote else lower_first(n) for n in names if n]
    if not quote and any(" và " in n or "," in n for n in items) and len(items) > 1:
        return "; ".join(items)
    return join(items)


def nhan_dan(text: str) -> str:
    """Capitalise 'Nhân dân' except in the names of State bodies ('Ủy ban nhân dân')."""
    def fix(m: re.Match) -> str:
        before = text[max(0, m.start() - 16):m.start()]
        if any(before.rstrip().endswith(b) for b in BODIES) or before.rstrip().endswith(("Hội đồng", "Ủy ban")):
            return m.group(0).lower()
        return "Nhân dân"
    return _NHAN_DAN.sub(fix, text)


def share_phrase(part: int, whole: int, what: str) -> str:
    """'phần lớn ý kiến bức xúc, phản đối (62,5%)' only above half; otherwise the plurality is
    named as such. Callers pass the largest share; smaller ones go through `some`."""
    share = pct(part, whole)
    if part * 2 > whole:
        word = "đa số" if part * 3 >= whole * 2 else "phần lớn"
        return f"{word} ý kiến {what} ({share})"
    return f"ý kiến {what} chiếm tỷ lệ nhiều nhất ({share})"


def some(part: int, whole: int) -> str:
    """Quantifier for a share that is not the largest: 'một bộ phận' or 'một số ít'."""
    return "một bộ phận" if part * 5 >= whole else "một số ít"


def clause(text: str) -> str:
    """An item's summary as a clause inside a sentence (no final stop, subject kept)."""
    return nhan_dan(text.strip().rstrip(". "))


def proposal_clause(text: str) -> str:
    """A proposal as a clause after 'đề nghị' (no doubled 'đề nghị')."""
    text = text.strip().rstrip(".")
    for lead in ("Đề nghị ", "đề nghị ", "Kiến nghị ", "kiến nghị ", "Đề xuất ", "đề xuất "):
        if text.startswith(lead):
            return nhan_dan(text[len(lead):])
    return nhan_dan(lower_first(text))


def change(now: int, before: int, prev_label: str, noun: str = "ý kiến") -> str:
    """'tăng 12 ý kiến (15,4%) so với tháng trước' / 'bằng tháng trước'."""
    if before == 0:
        return f"trong khi {prev_label} không có {noun} nào" if now else f"bằng {prev_label}"
    diff = now - before
    if diff == 0:
        return f"bằng {prev_label}"
    word = "tăng" if diff > 0 else "giảm"
    return f"{word} {count(abs(diff), noun)} ({pct(abs(diff), before)}) so với {prev_label}"


def _split(line: str) -> list[str]:
    """A line's sentences: a break after . ! ? only where the next word starts a sentence
    (a capital letter or an opening quote), so '12,5%. ' and 'TP. Hồ' style stops stay."""
    out: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+", line):
        if out and not (piece[:1].isupper() or piece[:1] in "“\"-"):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def sentences(text: str) -> list[str]:
    """All sentences of a text longer than a heading (for the no-repetition rule)."""
    return [s.strip() for line in text.splitlines() for s in _split(line) if len(s.strip()) > 20]


def dedupe(text: str, used: set[str]) -> str:
    """Drop any sentence already written elsewhere in the report (word for word)."""
    lines = []
    for line in text.splitlines():
        kept = []
        for sentence in _split(line):
            key = sentence.strip()
            if len(key) > 20 and key in used:
                continue
            used.add(key)
            kept.append(sentence)
        if kept:
            lines.append(" ".join(kept))
    return "\n".join(lines)
