"""How each kind of issuing office signs, numbers and addresses its documents (FORMAT.md).

One small adapter between the office model (app.office_kinds) and the documents:
`profile(ctx)` gives the office kind, whether it is a collective body, and the default
recipients ending with the archive line. The header names and the symbol are the office's
own editable fields (office.superior_name, body_name, body_code); the signing lines follow
from the body (document.sign_lines).
"""

from __future__ import annotations

from dataclasses import dataclass

from app import office
from app.context import Ctx
from app.reports.document import is_collective


@dataclass(frozen=True)
class Profile:
    kind: str  # commune | agency | district | province
    collective: bool  # a Party committee (signs T/M) rather than a Ban (head signs directly)
    recipients: tuple[str, ...]


def profile_for(o: office.Office) -> Profile:
    """The kind's defaults (app.office_kinds) with the signing read from the stored body name,
    so an office that issues as its Ban (BAN XÂY DỰNG ĐẢNG) signs TRƯỞNG BAN, not T/M."""
    style = o.style
    lines = [*style.recipients, style.archive_line]
    recipients = tuple(line.strip().lstrip("-").strip().rstrip(",.").strip() for line in lines)
    return Profile(o.kind, is_collective(o.body_name), recipients)


def profile(ctx: Ctx) -> Profile:
    return profile_for(office.get_office(ctx))
