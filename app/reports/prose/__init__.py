"""The drafting layer: Vietnamese administrative prose written from a period's `Facts`.

`write_all(facts)` returns each section's editable text by key. One `Pen` is shared
across the sections so frames rotate and no sentence is written twice in a report.
Modules: words (quantifiers, counts, names), audience (who is addressed, by office kind),
opinions (tendency, quotes), issues (Part II), general (Part I), handling (III–V),
proposals (VI), review (a longer period's assessment and an annual report's tasks).
"""

from __future__ import annotations

from app.reports.facts import Facts
from app.reports.prose import general, handling, issues, proposals, review
from app.reports.prose.audience import audience
from app.reports.prose.pen import Pen

WRITERS = {
    "general": general.general,
    "issues": issues.issues,
    "hotspots": handling.hotspots,
    "handling": handling.handling,
    "network": handling.network,
    "proposals": proposals.outlook,
    "assessment": review.assessment,
    "directions": review.directions,
}


def pen_for(f: Facts) -> Pen:
    return Pen(audience(f.kind, f.place_name, f.upper_body))


def write_all(f: Facts, keys: list[str] | None = None) -> dict[str, str]:
    """The text of each section in `keys` (all by default), written in that order with one pen."""
    pen = pen_for(f)
    return {key: WRITERS[key](f, pen) for key in (keys or list(WRITERS))}
