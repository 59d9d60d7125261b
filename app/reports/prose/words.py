"""Small wording rules shared by every report: counts, quantifiers, names in a sentence.

The claims a head checks before signing ("phần lớn", "hầu khắp", "tăng qua các tháng" …) are
chosen in app.reports.wording, the one module that turns figures into words; counts and
shares are re-exported here for the prose modules. This module keeps the small text rules:
"một bộ phận" / "một số ít" for a share that is not the largest, names and titles inside a
sentence, and "Nhân dân" with a capital N except inside the names of State bodies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app import catalog
from app.reports import wording
from app.reports.wording import count, join, n2, pct
from app.reports.wording import share as share_phrase

__all__ = ["count", "join", "n2", "pct", "share_phrase"]  # re-exported for the prose modules

BODIES = ("Ủy ban", "Hội đồng", "Tòa án", "Viện kiểm sát", "Công an", "Quân đội", "Ủy Ban")
_NHAN_DAN = re.compile(r"(?<![\wÀ-ỹ])(nhân dân|Nhân Dân)(?![\wÀ-ỹ])")


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


def change(now: int, before: int, prev_label: str, noun: str = "ý kiến", has_prev: bool = True) -> str:
    """app.reports.wording.change; callers that know the data's coverage pass `has_prev`."""
    return wording.change(now, before, prev_label, has_prev, noun)


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
