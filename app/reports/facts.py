"""The figures a report is drafted from, read in a few grouped queries for one period.

Kept apart from the prose (draft.py) so the numbers can be tested on their own and the
same figures feed the tables, the chart and the sentences.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app import catalog, office
from app.context import Ctx
from app.opinions.handling import HandlingFigures, figures
from app.reports.period import Period

MAX_TOPICS = 5


@dataclass
class TopicFacts:
    title: str
    field: str
    status: str
    count: int
    areas: list[str]
    area_count: int
    tendency: dict[str, int]
    scale: str  # the widest scale reported
    samples: list[str]
    proposals: list[str]


@dataclass
class MeetingFacts:
    held_on: str
    kind: str
    present: int
    absent: int
    excused: int


@dataclass
class Facts:
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
    proposals: list[tuple[str, int]] = field(default_factory=list)

    @property
    def by_field(self) -> dict[str, int]:
        out: Counter = Counter()
        for (f, _t), n in self.cells.items():
            out[f] += n
        return dict(out)

    @property
    def by_tendency(self) -> dict[str, int]:
        out: Counter = Counter()
        for (_f, t), n in self.cells.items():
            out[t] += n
        return dict(out)

    @property
    def total(self) -> int:
        return sum(self.cells.values())


def _between(p: Period) -> list[str]:
    return [p.start.isoformat(), p.end.isoformat()]


def _by_field(ctx: Ctx, p: Period) -> dict[str, int]:
    rows = ctx.db.execute("SELECT field, count(*) FROM opinions WHERE received_on BETWEEN ? AND ? GROUP BY field",
                          _between(p)).fetchall()
    return dict(rows)


def _topics(ctx: Ctx, p: Period) -> list[TopicFacts]:
    rows = ctx.db.execute(
        "SELECT t.id, t.title, t.field, t.status, count(o.id) FROM topics t JOIN opinions o ON o.topic_id = t.id "
        "WHERE o.received_on BETWEEN ? AND ? GROUP BY t.id "
        "ORDER BY (t.status = 'hot') DESC, count(o.id) DESC, t.title LIMIT ?", [*_between(p), MAX_TOPICS]).fetchall()
    out = []
    scale_rank = {k: i for i, k in enumerate(catalog.SCALES)}
    for topic_id, title, fld, status, n in rows:
        items = ctx.db.execute(
            "SELECT coalesce(u.name, ''), o.tendency, o.scale, o.summary, coalesce(o.proposal, '') FROM opinions o "
            "LEFT JOIN units u ON u.code = o.area_code WHERE o.topic_id = ? AND o.received_on BETWEEN ? AND ? "
            "ORDER BY o.received_on DESC", [topic_id, *_between(p)]).fetchall()
        areas = Counter(a for a, *_ in items if a)
        tendency = Counter(t for _, t, *_ in items)
        scale = max((s for _, _, s, _, _ in items), key=lambda s: scale_rank.get(s, 0), default="low")
        samples = list(dict.fromkeys(s.strip() for *_, s, _ in items if s.strip()))[:2]
        proposals = [pr for pr, _ in Counter(x.strip() for *_, x in items if x.strip()).most_common(2)]
        out.append(TopicFacts(title, fld, status, n, [a for a, _ in areas.most_common(3)], len(areas),
                              dict(tendency), scale, samples, proposals))
    return out


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
    """'huyện Càng Long' for 'trên địa bàn …' (the unit's name with its kind in lower case)."""
    name = office.get_office(ctx).name
    return name[:1].lower() + name[1:] if name.split(" ")[0] in ("Huyện", "Tỉnh", "Thị", "Thành") else name


def gather(ctx: Ctx, p: Period) -> Facts:
    prev = p.previous()
    cells = {(f, t): n for f, t, n in ctx.db.execute(
        "SELECT field, tendency, count(*) FROM opinions WHERE received_on BETWEEN ? AND ? GROUP BY field, tendency",
        _between(p)).fetchall()}
    prev_by_field = _by_field(ctx, prev)
    between = _between(p)
    proposals = Counter(r[0].strip() for r in ctx.db.execute(
        "SELECT proposal FROM opinions WHERE received_on BETWEEN ? AND ? AND coalesce(proposal, '') != ''",
        between).fetchall())
    return Facts(
        period=p, previous=prev, district=_district(ctx), cells=cells,
        prev_by_field=prev_by_field, prev_total=sum(prev_by_field.values()), topics=_topics(ctx, p),
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
        proposals=proposals.most_common(3),
    )
