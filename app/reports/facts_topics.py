"""Per-topic, per-agency and per-month figures of a period, read in a few grouped queries.

The prose layer (app.reports.prose) chooses its sentence frames from the shape of these
figures (rise or fall, concentration, majority or split), so they carry counts, not words.
Every topic with at least one item in the period is returned: nothing with items may be
silently dropped from a report. Stock figures (pending, overdue) are counted over all the
items of a topic or agency at the scope's `as_of` day, so a topic's pending items in part III,
an agency's in part IV and the proposals in part VI are the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from app import catalog
from app.context import Ctx
from app.reports import wording
from app.reports.period import Period
from app.reports.scope import Scope

SCALE_RANK = {k: i for i, k in enumerate(catalog.SCALES)}


@dataclass(frozen=True)
class Sample:
    tendency: str
    text: str
    area: str


@dataclass
class TopicFacts:
    id: str
    title: str
    field: str
    status: str
    count: int
    prev_count: int
    opened_on: str | None
    areas: list[tuple[str, int]]           # every area with items, most first
    tendency: dict[str, int]
    scale: str                             # the widest scale reported
    samples: list[Sample]                  # most recent first, distinct texts
    proposals: list[tuple[str, int]]       # citizens' own requests, most frequent first
    high_risk: int = 0
    high_risk_areas: list[str] = field(default_factory=list)
    agencies: list[tuple[str, int]] = field(default_factory=list)  # forwarded to in the period (to as_of)
    resolved: int = 0           # resolved in the period (to as_of), any agency: part IV's window
    results: list[str] = field(default_factory=list)
    monthly: list[int] = field(default_factory=list)  # items per month of the period
    earlier: int = 0            # items of the topic recorded before the period, in all the data
    pending: int = 0            # forwarded and without result at the scope's as_of day (all items)
    overdue: int = 0            # of those, past their due date
    pending_at: dict[str, int] = field(default_factory=dict)  # pending by agency

    @property
    def places(self) -> list[str]:
        """Where the topic's items concentrate: up to three areas, each with more items than
        any area left out (wording.leading_places; none when the lead is a tie). The one list
        every part of a report names for the topic."""
        return wording.leading_places(self.areas)

    @property
    def in_places(self) -> int:
        """The topic's items in its `places`."""
        named = set(self.places)
        return sum(n for a, n in self.areas if a in named)

    @property
    def main_tendency(self) -> str:
        return max(self.tendency.items(), key=lambda kv: (kv[1], kv[0] == "concern"))[0] if self.tendency else ""

    def is_new(self, has_prev: bool) -> bool:
        """Nothing of it recorded before the period, and the data reach back far enough to know."""
        return has_prev and self.earlier == 0

    @property
    def is_hot_spot(self) -> bool:
        return self.status == "hot" or self.high_risk >= 2


@dataclass(frozen=True)
class AgencyFacts:
    name: str
    forwarded: int      # forwarded during the period
    resolved: int       # resolved during the period
    overdue: int        # still without result past the due date at the period's end
    max_days_over: int
    open: int = 0       # forwarded by the period's end and still without result


def month_starts(p: Period) -> list[date]:
    out, d = [], p.start.replace(day=1)
    while d <= p.end:
        out.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def _month_index(p: Period) -> dict[str, int]:
    return {f"{d:%Y-%m}": i for i, d in enumerate(month_starts(p))}


def topics(ctx: Ctx, scope: Scope) -> list[TopicFacts]:
    """Every topic with items in the scope (hot first, then by size)."""
    p = scope.period
    where, params = scope.items()
    prev_where, prev_params = scope.items(p.previous())
    prev_counts = dict(ctx.db.execute(
        f"SELECT topic_id, count(*) FROM opinions o WHERE o.topic_id IS NOT NULL AND {prev_where} GROUP BY topic_id",
        prev_params).fetchall())
    rows = ctx.db.execute(
        "SELECT o.topic_id, t.title, t.field, t.status, t.opened_on, coalesce(u.name, ''), o.tendency, o.scale, "
        "o.summary, coalesce(o.proposal, ''), o.hotspot_risk, coalesce(a.name, ''), o.handling, "
        "coalesce(o.result, ''), substr(o.received_on, 1, 7) "
        "FROM opinions o JOIN topics t ON t.id = o.topic_id LEFT JOIN units u ON u.code = o.area_code "
        f"LEFT JOIN units a ON a.code = o.forwarded_to WHERE {where} ORDER BY o.received_on DESC",
        params).fetchall()
    earlier = dict(ctx.db.execute(
        "SELECT topic_id, count(*) FROM opinions o WHERE o.topic_id IS NOT NULL AND o.received_on < ? GROUP BY 1",
        [p.start.isoformat()]).fetchall())
    stocks = _topic_stocks(ctx, scope.as_of)
    flows = _topic_flows(ctx, scope)
    months = _month_index(p)
    grouped: dict[str, list] = defaultdict(list)
    for r in rows:
        grouped[r[0]].append(r)
    out = []
    for topic_id, items in grouped.items():
        _, title, fld, status, opened = items[0][:5]
        areas = Counter(r[5] for r in items if r[5])
        tend = Counter(r[6] for r in items)
        scale = max((r[7] for r in items), key=lambda s: SCALE_RANK.get(s, 0), default="low")
        seen: dict[str, Sample] = {}
        for r in items:
            text = (r[8] or "").strip()
            if text and text not in seen:
                seen[text] = Sample(r[6], text, r[5])
        proposals = Counter(r[9].strip() for r in items if r[9].strip()).most_common(3)
        risky = [r for r in items if r[10] == "high"]
        flow = flows.get(topic_id, {})
        agencies = sorted(((a, n) for a, (n, _) in flow.items() if n), key=lambda kv: (-kv[1], kv[0]))
        monthly = [0] * len(months)
        for r in items:
            if r[14] in months:
                monthly[months[r[14]]] += 1
        at = stocks.get(topic_id, {})
        out.append(TopicFacts(
            topic_id, title, fld, status, len(items), int(prev_counts.get(topic_id, 0)), opened,
            sorted(areas.items(), key=lambda kv: (-kv[1], kv[0])), dict(tend), scale, list(seen.values()),
            proposals, len(risky), [a for a, _ in Counter(r[5] for r in risky if r[5]).most_common(3)], agencies,
            sum(done for _, done in flow.values()),
            list(dict.fromkeys(r[13].strip() for r in items if r[13].strip()))[:2], monthly,
            int(earlier.get(topic_id, 0)), sum(n for n, _ in at.values()), sum(o for _, o in at.values()),
            {name: n for name, (n, _) in sorted(at.items(), key=lambda kv: -kv[1][0])}))
    out.sort(key=lambda t: (t.status != "hot", -t.count, t.title))
    return out


PENDING = "o.forwarded_on <= :d AND (o.resolved_on IS NULL OR o.resolved_on > :d)"


def _topic_stocks(ctx: Ctx, as_of: date) -> dict[str, dict[str, tuple[int, int]]]:
    """topic -> agency -> (pending, overdue) at `as_of`, over all the items ever forwarded."""
    out: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for topic_id, agency, n, late in ctx.db.execute(
            "SELECT o.topic_id, coalesce(a.name, o.forwarded_to), count(*), sum(o.due_on < :d) FROM opinions o "
            f"LEFT JOIN units a ON a.code = o.forwarded_to WHERE o.topic_id IS NOT NULL AND {PENDING} GROUP BY 1, 2",
            {"d": as_of.isoformat()}).fetchall():
        out[topic_id][agency] = (int(n), int(late or 0))
    return out


def _topic_flows(ctx: Ctx, scope: Scope) -> dict[str, dict[str, tuple[int, int]]]:
    """topic -> agency -> (forwarded, resolved) in the period up to `as_of`, over all the
    topic's items: the same window as `agencies`' "nhận mới" and "có kết quả", so part III's
    figure for a topic and agency is never larger than part IV's for the agency."""
    out: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for topic_id, agency, sent, done in ctx.db.execute(
            "SELECT o.topic_id, coalesce(a.name, o.forwarded_to), sum(o.forwarded_on BETWEEN :s AND :d), "
            "sum(o.resolved_on BETWEEN :s AND :d) FROM opinions o LEFT JOIN units a ON a.code = o.forwarded_to "
            "WHERE o.topic_id IS NOT NULL AND o.forwarded_to IS NOT NULL GROUP BY 1, 2",
            {"s": scope.period.start.isoformat(), "d": scope.as_of.isoformat()}).fetchall():
        if sent or done:
            out[topic_id][agency] = (int(sent or 0), int(done or 0))
    return out


def loose_items(ctx: Ctx, scope: Scope) -> dict[str, list[Sample]]:
    """Items of the scope not tied to a topic, by field (so their fields are still covered)."""
    where, params = scope.items()
    out: dict[str, list[Sample]] = defaultdict(list)
    for fld, tend, text, area in ctx.db.execute(
            "SELECT o.field, o.tendency, o.summary, coalesce(u.name, '') FROM opinions o "
            f"LEFT JOIN units u ON u.code = o.area_code WHERE o.topic_id IS NULL AND {where} "
            "ORDER BY o.received_on DESC", params).fetchall():
        out[fld].append(Sample(tend, (text or "").strip(), area))
    return dict(out)


def agencies(ctx: Ctx, scope: Scope) -> list[AgencyFacts]:
    """Handling by agency: forwarded and resolved in the period, pending and overdue at the
    scope's as_of day (with the longest delay), over every item of the scope's subject."""
    start, end = scope.period.start.isoformat(), scope.as_of.isoformat()
    subject, params = scope.everything()
    rows = ctx.db.execute(
        "SELECT coalesce(u.name, o.forwarded_to), "
        "sum(o.forwarded_on BETWEEN :s AND :d), sum(o.resolved_on BETWEEN :s AND :d), "
        f"sum({PENDING} AND o.due_on < :d), "
        f"max(CASE WHEN {PENDING} AND o.due_on < :d THEN julianday(:d) - julianday(o.due_on) END), "
        f"sum({PENDING}) "
        "FROM opinions o LEFT JOIN units u ON u.code = o.forwarded_to "
        f"WHERE o.forwarded_to IS NOT NULL AND o.forwarded_on <= :d AND {_named(subject)} GROUP BY 1",
        {"s": start, "d": end, **{f"p{i}": v for i, v in enumerate(params)}}).fetchall()
    out = [AgencyFacts(name, int(f or 0), int(r or 0), int(o or 0), int(d or 0), int(n or 0))
           for name, f, r, o, d, n in rows if (f or r or o or n)]
    out.sort(key=lambda a: (-a.overdue, -a.open, -a.forwarded, a.name))
    return out


def _named(predicate: str) -> str:
    """A scope predicate with '?' placeholders rewritten as :p0, :p1 … (for named queries)."""
    parts = predicate.split("?")
    return "".join(part + (f":p{i}" if i < len(parts) - 1 else "") for i, part in enumerate(parts))


def monthly_totals(ctx: Ctx, scope: Scope) -> list[tuple[date, int, dict[str, int]]]:
    """Items per month of the period, with the tendency mix of each month."""
    months = _month_index(scope.period)
    where, params = scope.items()
    tallies: list[Counter] = [Counter() for _ in months]
    for month, tend, n in ctx.db.execute(
            f"SELECT substr(o.received_on, 1, 7), o.tendency, count(*) FROM opinions o WHERE {where} GROUP BY 1, 2",
            params).fetchall():
        if month in months:
            tallies[months[month]][tend] += n
    return [(d, sum(c.values()), dict(c)) for d, c in zip(month_starts(scope.period), tallies, strict=True)]
