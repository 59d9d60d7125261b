"""How each kind of issuing office signs, numbers and addresses its documents (FORMAT.md).

One small adapter between the office model and the documents: `profile(ctx)` gives the
office kind, whether it is a collective body, and the default recipients ending with the
archive line. The header names and the symbol are the office's own editable fields
(office.superior_name, body_name, body_code); the signing lines follow from the body
(document.sign_lines). When the office model grows per-kind defaults, only this file changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import office
from app.context import Ctx
from app.reports.document import is_collective

# Default recipients by office kind; the last line is the archive line.
RECIPIENTS: dict[str, list[str]] = {
    "commune": ["Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo cáo)", "Thường trực Đảng ủy", "Lưu Văn phòng Đảng ủy"],
    "agency": ["Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo cáo)", "Thường trực Đảng ủy", "Lưu Văn phòng Đảng ủy"],
    "province": ["Ban Tuyên giáo và Dân vận Trung ương (để báo cáo)", "Thường trực Tỉnh ủy (để báo cáo)",
                 "Lưu BTGDV"],
    "district": ["Ban Tuyên giáo Tỉnh ủy", "Thường trực Huyện ủy", "Lưu VT, BTG"],
}


@dataclass(frozen=True)
class Profile:
    kind: str  # commune | agency | district | province
    collective: bool  # a Party committee (signs T/M) rather than a Ban (head signs directly)
    recipients: tuple[str, ...]


def office_kind(o: office.Office) -> str:
    """The office model's kind when it has one (helper A's office.kind), else from the role."""
    kind = getattr(o, "kind", None)
    if kind:
        return str(kind)
    return "province" if o.role == "province" else "district"


def profile_for(o: office.Office) -> Profile:
    kind = office_kind(o)
    return Profile(kind, is_collective(o.body_name), tuple(RECIPIENTS.get(kind, RECIPIENTS["commune"])))


def profile(ctx: Ctx) -> Profile:
    return profile_for(office.get_office(ctx))
