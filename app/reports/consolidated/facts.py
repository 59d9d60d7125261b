"""The figures of the province's consolidated report (monthly, or a quarter, half year, year), read from what the lower
offices (communes, wards, agency committees, legacy districts) sent: who sent the month's
report and when, the items by field and tendency, the topics merged across communes, the
handling results the communes recorded, opinion by social group and the collaborator
network.

A handful of grouped queries over everything imported, so drafting stays well under two
seconds for 168 communes × a month (tests/bench/bench_consolidated.py measures it). The
wording lives in the sibling modules; nothing here decides how a figure is said.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from app import office
from app.context import Ctx
from app.exchange import province
from app.reports import by_choice
from app.reports.consolidated import months
from app.reports.consolidated.months import MonthFigures
from app.reports.consolidated.topics import CrossTopic, merged_topics, topic_key
from app.reports.facts import CellTotals
from app.reports.period import Period, due_date, period_of
from app.text import vn_sort_key


@dataclass
class UnitFacts:
    code: str
    name: str
    total: int = 0
    prev: int = 0
    negative: int = 0        # frustration + distortion
    frustration: int = 0
    high_risk: int = 0
    overdue: int = 0
    status: str = province.MISSING   # the monthly report's arrival: on_time | late | missing | pending
    received: str = ""               # ISO date the monthly report arrived, when it did
    collaborators: int = 0           # active collaborators the office has sent


@dataclass(frozen=True)
class HandlingFacts:
    """The communes' handling loop as their packages carry it (opinions' handling columns)."""

    forwarded: int            # forwarded to an agency during the month
    resolved: int             # resolved during the month
    answered: int             # feedback given during the month
    overdue: int              # stock: forwarded, past due, no result, as of `as_of`
    as_of: date
    topics: list[tuple[str, int]] = field(default_factory=list)   # overdue by topic (merged), most first
    counted: int | None = None   # the stock counts only the offices that sent this period's report
    counted_in: str = ""         # …of which period ('tháng 11 năm 2026' inside a quarter still coming in)



@dataclass(frozen=True)
class NetworkFacts:
    active: int               # active collaborators across the province
    communes_with: int        # lower offices with at least one active collaborator
    reporters: int            # collaborators who reported an item in the month
    joined: int
    left: int


@dataclass
class ProvinceFacts(CellTotals):
    period: Period
    today: date
    due: date | None          # the lower offices' deadline for this month's report
    units: list[UnitFacts]
    not_enrolled: list[str]   # the province's communes with no enrolled office
    cells: dict[tuple[str, str], int]
    prev_by_field: dict[str, int]
    topics: list[CrossTopic]
    handling: HandlingFacts
    network: NetworkFacts
    groups: dict[str, Counter]      # stratum → tendency counts (items with a known reporter)
    keywords: list[str] = field(default_factory=list)
    months: list[tuple[str, int]] = field(default_factory=list)   # ('YYYY-MM', items) of a longer period
    month_figures: list[MonthFigures] = field(default_factory=list)   # a longer period's months, with coverage
    kinds: str = "xã, phường, đặc khu"   # the kinds of commune-level units the province has (local_kinds)
    by_choice: dict[str, dict[str, int]] = field(default_factory=dict)   # items.REPORTED field → value → items

    @property
    def prev_total(self) -> int:
        return sum(self.prev_by_field.values())

    @property
    def not_yet_due(self) -> bool:
        """The month's reports are not due yet (or the month is not over): nothing may be
        concluded from what has arrived so far."""
        return _still_coming(self.period, self.today, self.due)

    def with_status(self, *statuses: str) -> list[UnitFacts]:
        return [u for u in self.units if u.status in statuses]


def _b(p: Period) -> list[str]:
    return [p.start.isoformat(), p.end.isoformat()]


def gather(ctx: Ctx, p: Period, today: date) -> ProvinceFacts:
    me = office.get_office(ctx).unit_code
    units = {code: UnitFacts(code, name) for code, name in sorted(ctx.db.execute(
        "SELECT unit_code, name FROM peers WHERE role != 'province'").fetchall(), key=lambda r: vn_sort_key(r[1]))}
    for origin, total, neg, frus, risky in ctx.db.execute(
            "SELECT origin, count(*), sum(tendency IN ('frustration', 'distortion')), sum(tendency = 'frustration'), "
            "sum(hotspot_risk = 'high') FROM opinions WHERE origin != ? AND received_on BETWEEN ? AND ? "
            "GROUP BY origin", [me, *_b(p)]):
        if origin in units:
            u = units[origin]
            u.total, u.negative, u.frustration, u.high_risk = total, int(neg or 0), int(frus or 0), int(risky or 0)
    for origin, n in ctx.db.execute("SELECT origin, count(*) FROM opinions WHERE origin != ? AND received_on "
                                    "BETWEEN ? AND ? GROUP BY origin", [me, *_b(p.previous())]):
        if origin in units:
            units[origin].prev = n
    due = due_date(ctx, p)
    _arrivals(ctx, p, units, today, due)
    as_of, scope, scope_label = min(today, p.end), None, p.label
    if _still_coming(p, today, due):
        as_of, scope, scope_label = (as_of, _senders(units), p.label) if p.kind == "monthly" else \
            _latest_month(ctx, p, today, units)
    cells = {(f, t): n for f, t, n in ctx.db.execute(
        "SELECT field, tendency, count(*) FROM opinions WHERE origin != ? AND received_on BETWEEN ? AND ? "
        "GROUP BY field, tendency", [me, *_b(p)])}
    prev_by_field = dict(ctx.db.execute("SELECT field, count(*) FROM opinions WHERE origin != ? AND received_on "
                                        "BETWEEN ? AND ? GROUP BY field", [me, *_b(p.previous())]).fetchall())
    return ProvinceFacts(
        period=p, today=today, due=due, units=list(units.values()),
        not_enrolled=sorted((u.name for u in province.not_enrolled(ctx)), key=vn_sort_key), cells=cells, prev_by_field=prev_by_field,
        topics=merged_topics(ctx, me, p, {c: u.name for c, u in units.items()}, _common(units)),
        handling=_handling(ctx, me, p, as_of, units, scope, scope_label),
        network=_network(ctx, me, p, units), groups=_groups(ctx, me, p),
        months=[] if p.kind == "monthly" else [(m, n) for m, n in ctx.db.execute(
            "SELECT substr(received_on, 1, 7), count(*) FROM opinions WHERE origin != ? AND received_on BETWEEN ? "
            "AND ? GROUP BY 1 ORDER BY 1", [me, *_b(p)])],
        month_figures=[] if p.kind == "monthly" else months.gather(ctx, me, p, today, set(units)),
        kinds=local_kinds(ctx),
        by_choice=by_choice.counts(ctx, "o.origin != ? AND o.received_on BETWEEN ? AND ?", [me, *_b(p)]),
    )


def _common(units: dict[str, UnitFacts]) -> set[str] | None:
    """The offices with items in both the period and the one before, when the two differ (a
    comparison counts only theirs); None when the same offices have data in both."""
    now, then = {c for c, u in units.items() if u.total}, {c for c, u in units.items() if u.prev}
    return None if now == then else now & then


def local_kinds(ctx: Ctx) -> str:
    """'xã, phường' — the kinds of commune-level units in the province's catalogue, as its
    report names them: Vĩnh Long has no đặc khu, so its report does not say 'đặc khu'. A
    catalogue without commune names falls back to all three kinds."""
    names = [n for (n,) in ctx.db.execute("SELECT name FROM units WHERE level = 'commune'")]
    found = [k for k in ("xã", "phường", "đặc khu") if any(n.lower().startswith(k + " ") for n in names)]
    return ", ".join(found or ["xã", "phường", "đặc khu"])


def _arrivals(ctx: Ctx, p: Period, units: dict[str, UnitFacts], today: date, default_due: date | None) -> None:
    """Each unit's report of the period's kind (monthly, quarterly …): on time, late, missing
    or not yet due — the rule of province.timeliness, in one query."""
    for u in units.values():
        u.status = province.PENDING if default_due and today <= default_due else province.MISSING
    for origin, received, due in ctx.db.execute(
            "SELECT a.origin, max(a.received_on), r.due_on FROM report_arrivals a LEFT JOIN reports r "
            "ON r.id = a.report_id WHERE a.kind = ? AND substr(a.period_start, 1, 7) = ? GROUP BY a.origin",
            [p.kind, f"{p.start:%Y-%m}"]):
        if origin in units:
            limit = date.fromisoformat(due) if due else default_due
            late = limit is not None and date.fromisoformat(received[:10]) > limit
            units[origin].status = province.LATE if late else province.ON_TIME
            units[origin].received = received[:10]


def _latest_month(ctx: Ctx, p: Period, today: date, units: dict[str, UnitFacts]) -> tuple[date, set[str], str]:
    """A quarter, half year or year still coming in: the overdue stock is the latest one the
    communes sent — at the end of the period's last month whose monthly reports have begun to
    arrive, counted over the communes that sent it (the month's own consolidated report gives
    the same figure at the same date); no month yet: nothing is counted."""
    sent: dict[str, set[str]] = {}
    for month, origin in ctx.db.execute(
            "SELECT DISTINCT substr(period_start, 1, 7), origin FROM report_arrivals WHERE kind = 'monthly' "
            "AND period_start BETWEEN ? AND ?", _b(p)):
        if origin in units:
            sent.setdefault(month, set()).add(origin)
    if not sent:
        return min(today, p.end), set(), p.label
    latest = max(sent)
    month = period_of("monthly", date.fromisoformat(f"{latest}-01"))
    return min(today, month.end), sent[latest], month.label


def _handling(ctx: Ctx, me: str, p: Period, as_of: date, units: dict[str, UnitFacts],
              scope: set[str] | None, scope_label: str = "") -> HandlingFacts:
    """`scope`: while a period's reports are still coming in, the overdue stock counts only the
    offices that sent theirs — another office's results of the period have not arrived yet,
    and its forwarded items would all look overdue."""
    def count(where: str, params: list) -> int:
        return int(ctx.db.execute(f"SELECT count(*) FROM opinions WHERE origin != ? AND {where}",
                                  [me, *params]).fetchone()[0])

    day = as_of.isoformat()
    overdue_where = _overdue_where("")
    # "+origin": group without the origin index, so the planner takes the small partial index
    # opinions_forwarded_due (migration 0012) instead of reading every item.
    for origin, n in ctx.db.execute(f"SELECT origin, count(*) FROM opinions WHERE origin != ? AND {overdue_where} "
                                    "GROUP BY +origin", [me, day, day, day]):
        if origin in units and (scope is None or origin in scope):
            units[origin].overdue = n
    # By topic, merged across communes: each commune forwards to its own agencies, so the
    # province reads what is stuck by subject, not by 80 communes' police stations.
    by_topic: Counter = Counter()
    shown: dict[str, str] = {}
    for origin, title, n in ctx.db.execute(
            "SELECT o.origin, t.title, count(*) FROM opinions o JOIN topics t ON t.id = o.topic_id "
            f"WHERE o.origin != ? AND {_overdue_where('o.')} GROUP BY 1, 2", [me, day, day, day]):
        if scope is not None and origin not in scope:
            continue
        key = topic_key(title)
        by_topic[key] += n
        shown.setdefault(key, title)
    return HandlingFacts(
        forwarded=count("forwarded_on BETWEEN ? AND ?", _b(p)), resolved=count("resolved_on BETWEEN ? AND ?", _b(p)),
        answered=count("answered_on BETWEEN ? AND ?", _b(p)), overdue=sum(u.overdue for u in units.values()),
        as_of=as_of, topics=[(shown[k], n) for k, n in sorted(by_topic.items(), key=lambda kv: (-kv[1], kv[0]))],
        counted=len(scope) if scope is not None else None, counted_in=scope_label)


def _still_coming(p: Period, today: date, due: date | None) -> bool:
    return today <= p.end or (due is not None and today <= due)


def _senders(units: dict[str, UnitFacts]) -> set[str]:
    """The offices that sent the period's report (none yet: no stock is counted at all)."""
    return {c for c, u in units.items() if u.status in (province.ON_TIME, province.LATE)}


def _overdue_where(alias: str) -> str:
    """Forwarded by the date, past its due date and without a result on that date (3 × the date)."""
    return (f"{alias}forwarded_on IS NOT NULL AND {alias}due_on < ? AND ({alias}resolved_on IS NULL "
            f"OR {alias}resolved_on > ?) AND {alias}forwarded_on <= ?")


def _network(ctx: Ctx, me: str, p: Period, units: dict[str, UnitFacts]) -> NetworkFacts:
    for origin, n in ctx.db.execute("SELECT origin, count(*) FROM collaborators WHERE origin != ? AND status = 'active' "
                                    "GROUP BY origin", [me]):
        if origin in units:
            units[origin].collaborators = n

    def one(sql: str, params: list) -> int:
        return int(ctx.db.execute(sql, params).fetchone()[0] or 0)

    return NetworkFacts(
        active=one("SELECT count(*) FROM collaborators WHERE origin != ? AND status = 'active'", [me]),
        communes_with=one("SELECT count(DISTINCT origin) FROM collaborators WHERE origin != ? AND status = 'active'",
                          [me]),
        reporters=one("SELECT count(DISTINCT collaborator_id) FROM opinions WHERE origin != ? AND received_on "
                      "BETWEEN ? AND ? AND collaborator_id IS NOT NULL", [me, *_b(p)]),
        joined=one("SELECT count(*) FROM collaborators WHERE origin != ? AND joined_on BETWEEN ? AND ?", [me, *_b(p)]),
        left=one("SELECT count(*) FROM collaborators WHERE origin != ? AND left_on BETWEEN ? AND ?", [me, *_b(p)]),
    )


def _groups(ctx: Ctx, me: str, p: Period) -> dict[str, Counter]:
    """Tendencies by the reporting collaborator's social stratum (items with a known one)."""
    out: dict[str, Counter] = {}
    for stratum, tend, n in ctx.db.execute(
            "SELECT c.stratum, o.tendency, count(*) FROM opinions o JOIN collaborators c ON c.id = o.collaborator_id "
            "WHERE o.origin != ? AND o.received_on BETWEEN ? AND ? AND coalesce(c.stratum, '') != '' "
            "GROUP BY 1, 2", [me, *_b(p)]):
        out.setdefault(stratum, Counter())[tend] += n
    return out
