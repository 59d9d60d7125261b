"""The figures a report is drafted from, read in a few grouped queries for one period.

Kept apart from the prose (draft.py) so the numbers can be tested on their own and the
same figures feed the tables, the chart and the sentences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app import office
from app.context import Ctx
from app.opinions.handling import HandlingFigures, figures
from app.reports import facts_topics as ft
from app.reports.facts_topics import AgencyFacts, Sample, TopicFacts
from app.reports.period import Period

__all__ = ["AgencyFacts", "Facts", "MeetingFacts", "Sample", "TopicFacts", "gather"]

@dataclass
class MeetingFacts:
    held_on: str
    kind: str
    present: int
    absent: int
    excused: int


class CellTotals:
    """Totals of a (field, tendency) → items table, shared with the province's figures."""

    cells: dict[tuple[str, str], int]

    @property
    def by_field(self) -> dict[str, int]:
        return _sum_by(self.cells, 0)

    @property
    def by_tendency(self) -> dict[str, int]:
        return _sum_by(self.cells, 1)

    @property
    def total(self) -> int:
        return sum(self.cells.values())


def _sum_by(cells: dict[tuple[str, str], int], index: int) -> dict[str, int]:
    out: Counter = Counter()
    for key, n in cells.items():
        out[key[index]] += n
    return dict(out)


@dataclass
class Facts(CellTotals):
    period: Period
    previous: Period
    district: str
    cells: dict[tuple[str, str], int]  # (field, tendency) -> items this period
    prev_by_field: dict[str, int]
    prev_total: int
    topics: list[TopicFacts]
    handling: HandlingFigures
    meetings: list[MeetingFacts]
    active_collaborators: int
    joined: int
    left: int
    trainings: int
    high_risk: int
    areas_with_items: int
    prev_by_tendency: dict[str, int] = field(default_factory=dict)
    loose: dict[str, list[Sample]] = field(default_factory=dict)   # items without a topic, by field
    agencies: list[AgencyFacts] = field(default_factory=list)
    monthly: list[tuple] = field(default_factory=list)             # (month start, items, tendency mix)
    areas_total: int = 0          # areas (communes or hamlets) of the office
    reporters: int = 0            # collaborators who reported at least one item in the period
    kind: str = "district"        # office kind: commune | agency | district | province
    place_name: str = ""          # the office's own unit, e.g. "xã Càng Long"
    upper_body: str = ""          # who the office reports to, from the office kind's style
    keywords: list[str] = field(default_factory=list)   # distinctive words of a month (app.analytics)


def _between(p: Period) -> list[str]:
    return [p.start.isoformat(), p.end.isoformat()]


def _by_field(ctx: Ctx, p: Period) -> dict[str, int]:
    rows = ctx.db.execute("SELECT field, count(*) FROM opinions WHERE received_on BETWEEN ? AND ? GROUP BY field",
                          _between(p)).fetchall()
    return dict(rows)


def _meetings(ctx: Ctx, p: Period) -> list[MeetingFacts]:
    rows = ctx.db.execute(
        "SELECT m.held_on, m.kind, sum(a.presence = 'present'), sum(a.presence = 'absent'), "
        "sum(a.presence = 'excused') FROM meetings m JOIN meeting_attendance a ON a.meeting_id = m.id "
        "WHERE m.held_on BETWEEN ? AND ? GROUP BY m.id ORDER BY m.held_on", _between(p)).fetchall()
    return [MeetingFacts(h, k, int(pr or 0), int(ab or 0), int(ex or 0)) for h, k, pr, ab, ex in rows]


def _count(ctx: Ctx, sql: str, params: list) -> int:
    return int(ctx.db.execute(sql, params).fetchone()[0] or 0)


def _has_table(ctx: Ctx, name: str) -> bool:
    return bool(ctx.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone())


def _district(ctx: Ctx) -> str:
    """'huyện Càng Long' / 'xã Càng Long' for 'trên địa bàn …' (the unit's kind in lower case)."""
    name = office.get_office(ctx).name
    first = name.split(" ")[0]
    kinds = ("Huyện", "Tỉnh", "Thị", "Thành", "Xã", "Phường", "Đặc")
    return name[:1].lower() + name[1:] if first in kinds else name


def office_kind(ctx: Ctx) -> str:
    """commune | agency | district | province: the office model's kind when it has one,
    else read from the older role (district | province)."""
    o = office.get_office(ctx)
    kind = getattr(o, "kind", None)
    if kind:
        return str(kind)
    return "province" if o.role == "province" else "district"


def gather(ctx: Ctx, p: Period) -> Facts:
    prev = p.previous()
    between = _between(p)
    cells = {(f, t): n for f, t, n in ctx.db.execute(
        "SELECT field, tendency, count(*) FROM opinions WHERE received_on BETWEEN ? AND ? GROUP BY field, tendency",
        between).fetchall()}
    prev_by_field = _by_field(ctx, prev)
    prev_by_tendency = dict(ctx.db.execute(
        "SELECT tendency, count(*) FROM opinions WHERE received_on BETWEEN ? AND ? GROUP BY tendency",
        _between(prev)).fetchall())
    me = office.get_office(ctx)
    return Facts(
        period=p, previous=prev, district=_district(ctx), cells=cells,
        prev_by_field=prev_by_field, prev_total=sum(prev_by_field.values()), topics=ft.topics(ctx, p),
        handling=figures(ctx, *between), meetings=_meetings(ctx, p),
        active_collaborators=_count(ctx, "SELECT count(*) FROM collaborators WHERE status = 'active'", []),
        joined=_count(ctx, "SELECT count(*) FROM collaborators WHERE joined_on BETWEEN ? AND ?", between),
        left=_count(ctx, "SELECT count(*) FROM collaborators WHERE left_on BETWEEN ? AND ?", between),
        trainings=_count(ctx, "SELECT count(*) FROM trainings WHERE held_on BETWEEN ? AND ?", between)
        if _has_table(ctx, "trainings") else 0,
        high_risk=_count(ctx, "SELECT count(*) FROM opinions WHERE received_on BETWEEN ? AND ? "
                              "AND hotspot_risk = 'high'", between),
        areas_with_items=_count(ctx, "SELECT count(DISTINCT area_code) FROM opinions WHERE received_on "
                                     "BETWEEN ? AND ? AND area_code IS NOT NULL", between),
        prev_by_tendency=prev_by_tendency, loose=ft.loose_items(ctx, p), agencies=ft.agencies(ctx, p),
        monthly=ft.monthly_totals(ctx, p),
        areas_total=_areas_total(ctx, me.unit_code),
        reporters=_count(ctx, "SELECT count(DISTINCT collaborator_id) FROM opinions WHERE received_on "
                              "BETWEEN ? AND ? AND collaborator_id IS NOT NULL", between),
        kind=office_kind(ctx), place_name=_district(ctx), upper_body=_upper_body(me),
        keywords=_keywords(ctx, p),
    )


def _keywords(ctx: Ctx, p: Period) -> list[str]:
    """The month's distinctive words, offered to the draft; other periods get none."""
    if p.start.day != 1 or (p.end - p.start).days > 31:
        return []
    from app.analytics.keywords import month_keywords

    return month_keywords(ctx, p.start.strftime("%Y-%m"), 8)


def _areas_total(ctx: Ctx, unit_code: str) -> int:
    if hasattr(office, "areas"):
        return len(office.areas(ctx))
    return _count(ctx, "SELECT count(*) FROM units WHERE parent_code = ? AND level NOT IN ('agency', 'province')",
                  [unit_code])


def _upper_body(me: office.Office) -> str:
    style = getattr(me, "style", None)
    return str(getattr(style, "upper_body", "") or "") if style is not None else ""
