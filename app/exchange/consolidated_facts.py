"""The figures of the province's consolidated report: per lower office (commune, ward,
agency committee or legacy district) and per topic across offices, for one month.

A handful of grouped queries over everything imported, so drafting stays well under two
seconds for 168 communes × a month (tests/bench/bench_consolidated.py measures it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from app import office
from app.context import Ctx
from app.exchange import province
from app.reports.facts import CellTotals
from app.reports.period import Period, due_date


@dataclass
class UnitFacts:
    code: str
    name: str
    total: int = 0
    prev: int = 0
    negative: int = 0        # frustration + distortion
    high_risk: int = 0
    overdue: int = 0
    max_days_over: int = 0
    status: str = province.MISSING   # the monthly report's arrival: on_time | late | missing | pending
    hot_topics: list[str] = field(default_factory=list)


@dataclass
class CrossTopic:
    title: str
    field: str
    count: int
    prev: int
    units: list[tuple[str, int]]     # (unit name, items), most first
    tendency: dict[str, int]
    high_risk: int
    proposals: list[str]

    @property
    def main_tendency(self) -> str:
        return max(self.tendency.items(), key=lambda kv: kv[1])[0] if self.tendency else ""


@dataclass
class ProvinceFacts(CellTotals):
    period: Period
    units: list[UnitFacts]
    cells: dict[tuple[str, str], int]
    prev_by_field: dict[str, int]
    topics: list[CrossTopic]

    @property
    def prev_total(self) -> int:
        return sum(self.prev_by_field.values())


def _b(p: Period) -> list[str]:
    return [p.start.isoformat(), p.end.isoformat()]


def gather(ctx: Ctx, p: Period, today: date) -> ProvinceFacts:
    me = office.get_office(ctx).unit_code
    prev = p.previous()
    units = {code: UnitFacts(code, name) for code, name in ctx.db.execute(
        "SELECT unit_code, name FROM peers WHERE role != 'province' ORDER BY name").fetchall()}
    for origin, total, neg, risky in ctx.db.execute(
            "SELECT origin, count(*), sum(tendency IN ('frustration', 'distortion')), sum(hotspot_risk = 'high') "
            "FROM opinions WHERE origin != ? AND received_on BETWEEN ? AND ? GROUP BY origin", [me, *_b(p)]):
        if origin in units:
            u = units[origin]
            u.total, u.negative, u.high_risk = total, int(neg or 0), int(risky or 0)
    for origin, n in ctx.db.execute("SELECT origin, count(*) FROM opinions WHERE origin != ? AND received_on "
                                    "BETWEEN ? AND ? GROUP BY origin", [me, *_b(prev)]):
        if origin in units:
            units[origin].prev = n
    end = p.end.isoformat()
    for origin, n, days in ctx.db.execute(
            "SELECT origin, count(*), max(julianday(?) - julianday(due_on)) FROM opinions WHERE origin != ? "
            "AND forwarded_on IS NOT NULL AND due_on < ? AND (resolved_on IS NULL OR resolved_on > ?) "
            # "+origin": group without the origin index, so the planner takes the small partial
            # index opinions_forwarded_due (migration 0012) instead of reading every item.
            "GROUP BY +origin", [end, me, end, end]):
        if origin in units:
            units[origin].overdue, units[origin].max_days_over = n, int(days or 0)
    _arrivals(ctx, p, units, today)
    cells = {(f, t): n for f, t, n in ctx.db.execute(
        "SELECT field, tendency, count(*) FROM opinions WHERE origin != ? AND received_on BETWEEN ? AND ? "
        "GROUP BY field, tendency", [me, *_b(p)])}
    prev_by_field = dict(ctx.db.execute("SELECT field, count(*) FROM opinions WHERE origin != ? AND received_on "
                                        "BETWEEN ? AND ? GROUP BY field", [me, *_b(prev)]).fetchall())
    return ProvinceFacts(p, list(units.values()), cells, prev_by_field, _topics(ctx, me, p, units))


def _arrivals(ctx: Ctx, p: Period, units: dict[str, UnitFacts], today: date) -> None:
    """Each unit's monthly report: on time, late, missing or not yet due — the rule of
    province.timeliness, in one query (that view reads every district's counts too)."""
    default_due = due_date(ctx, p)
    for u in units.values():
        u.status = province.PENDING if default_due and today <= default_due else province.MISSING
    for origin, received, due in ctx.db.execute(
            "SELECT a.origin, max(a.received_on), r.due_on FROM report_arrivals a LEFT JOIN reports r "
            "ON r.id = a.report_id WHERE a.kind = 'monthly' AND substr(a.period_start, 1, 7) = ? GROUP BY a.origin",
            [f"{p.start:%Y-%m}"]):
        if origin in units:
            limit = date.fromisoformat(due) if due else default_due
            late = limit is not None and date.fromisoformat(received[:10]) > limit
            units[origin].status = province.LATE if late else province.ON_TIME


def _topics(ctx: Ctx, me: str, p: Period, units: dict[str, UnitFacts]) -> list[CrossTopic]:
    """Topics grouped by title across offices (each office keeps its own topic rows)."""
    grouped: dict[str, dict] = defaultdict(lambda: {"field": "", "n": 0, "units": Counter(), "tend": Counter(),
                                                    "risk": 0, "asks": Counter(), "hot": set()})
    for title, fld, status, origin, tend, risk, ask, n in ctx.db.execute(
            "SELECT t.title, t.field, t.status, o.origin, o.tendency, o.hotspot_risk, coalesce(o.proposal, ''), "
            "count(*) FROM opinions o JOIN topics t ON t.id = o.topic_id WHERE o.origin != ? AND o.received_on "
            "BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5, 6, 7", [me, *_b(p)]):
        g = grouped[title]
        g["field"], g["n"] = fld, g["n"] + n
        name = units[origin].name if origin in units else origin
        g["units"][name] += n
        g["tend"][tend] += n
        if risk == "high":
            g["risk"] += n
        if ask.strip():
            g["asks"][ask.strip()] += n
        if status == "hot" or risk == "high":
            g["hot"].add(origin)
    prev = dict(ctx.db.execute(
        "SELECT t.title, count(*) FROM opinions o JOIN topics t ON t.id = o.topic_id WHERE o.origin != ? "
        "AND o.received_on BETWEEN ? AND ? GROUP BY 1", [me, *_b(p.previous())]).fetchall())
    out = []
    for title, g in grouped.items():
        for origin in g["hot"]:
            if origin in units and title not in units[origin].hot_topics:
                units[origin].hot_topics.append(title)
        out.append(CrossTopic(title, g["field"], g["n"], int(prev.get(title, 0)), g["units"].most_common(),
                              dict(g["tend"]), g["risk"], [a for a, _ in g["asks"].most_common(2)]))
    out.sort(key=lambda t: (-t.count, t.title))
    return out
