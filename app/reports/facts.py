"""The figures a report is drafted from, read in a few grouped queries for one period.

Kept apart from the prose (draft.py) so the numbers can be tested on their own and the
same figures feed the tables, the chart and the sentences. Besides the counts, the facts say
what the words may claim (app.reports.wording): the day the figures are counted to while the
period runs, whether the office's data cover the previous period (else no comparison), and
every area's kind (so areas are counted as "09/09 ấp, 05/05 khóm").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from app import office
from app.context import Ctx
from app.months import add_months
from app.opinions.handling import HandlingFigures
from app.reports import by_choice, wording
from app.reports import facts_topics as ft
from app.reports.facts_topics import AgencyFacts, Sample, TopicFacts
from app.reports.period import Period
from app.reports.scope import Scope, scope_for

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
    last_meeting: str | None = None  # the latest meeting held before the period (ISO date), if any
    loose: dict[str, list[Sample]] = field(default_factory=dict)   # items without a topic, by field
    agencies: list[AgencyFacts] = field(default_factory=list)
    monthly: list[tuple] = field(default_factory=list)             # (month start, items, tendency mix)
    areas_total: int = 0          # areas (communes or hamlets) of the office
    reporters: int = 0            # collaborators who reported at least one item in the period
    kind: str = "district"        # office kind: commune | agency | district | province
    place_name: str = ""          # the office's own unit, e.g. "xã Càng Long"
    upper_body: str = ""          # who the office reports to, from the office kind's style
    keywords: list[str] = field(default_factory=list)   # distinctive words of a month (app.analytics)
    by_choice: dict[str, dict[str, int]] = field(default_factory=dict)   # items.REPORTED field → value → items
    scope: Scope | None = None    # the items spoken of and the day figures are counted to
    data_since: date | None = None  # the first day of the first month with an item in the office's data
    prev_recorded: int | None = None  # items of any subject the office recorded in the previous period
    area_kind: dict[str, str] = field(default_factory=dict)   # area name -> 'ấp', 'khóm', 'xã' …
    area_totals: dict[str, int] = field(default_factory=dict)  # kind -> areas of that kind

    @property
    def as_of(self) -> date:
        """The day the figures are counted to: the period's end, or today while it runs."""
        return self.scope.as_of if self.scope else self.period.end

    @property
    def running(self) -> bool:
        return self.as_of < self.period.end

    @property
    def has_prev(self) -> bool:
        """The office's data cover the whole previous period, so a comparison means something: it
        began before it, and recorded something in it (a period with no item at all is a gap in
        the records, not a period of silence)."""
        return wording.covered(self.previous.start, self.data_since) and self.prev_recorded != 0

    @property
    def label(self) -> str:
        """The period's name, with its cut-off date while it runs."""
        return wording.period_name(self.period.label, self.period.end, self.as_of)

    @property
    def during(self) -> str:
        """How a sentence opens on the period: 'Trong tháng 12 năm 2026 (…)', 'Từ ngày … đến ngày …'."""
        label = self.label
        return label[:1].upper() + label[1:] if label.startswith("từ ngày") else f"Trong {label}"

    @property
    def subject(self) -> str:
        """An ad-hoc or thematic report's subject ('' for a periodic report)."""
        return self.scope.subject if self.scope else ""

    def reached(self, names: list[str]) -> dict[str, int]:
        """Areas among `names` by kind (for wording.area_tally / spread)."""
        out: Counter = Counter(self.area_kind.get(n, "") for n in set(names) if n)
        out.pop("", None)
        return dict(out)

    @property
    def pending(self) -> int:
        """Forwarded items without result at `as_of` (the stock every part states)."""
        return sum(a.open for a in self.agencies)

    @property
    def overdue(self) -> int:
        return sum(a.overdue for a in self.agencies)

    @property
    def complete_months(self) -> list[tuple]:
        """The months of `monthly` that are over at `as_of` (a trend is read only from these)."""
        return [m for m in self.monthly if _month_end(m[0]) <= self.as_of]

    @property
    def gap_months(self) -> list[date]:
        """Months that are over with no item at all: a gap in the office's records (a commune
        with a network says something every month), not a month in which nothing was said."""
        return [d for d, n, _ in self.complete_months if not n]

    @property
    def trend_start(self) -> int:
        """Index in `monthly` (and every topic's series) of the first month a trend is read
        from: the month after the last gap, so no series runs across missing data."""
        over = self.complete_months
        return max((i + 1 for i, (_, n, _) in enumerate(over) if not n), default=0)

    @property
    def trend_months(self) -> list[tuple]:
        """The months that are over from `trend_start` on: the series a trend is read from."""
        return self.complete_months[self.trend_start:]


def _month_end(first: date) -> date:
    return add_months(first, 1) - timedelta(days=1)


def _by(ctx: Ctx, scope: Scope, p: Period, column: str) -> dict[str, int]:
    where, params = scope.items(p)
    return dict(ctx.db.execute(f"SELECT o.{column}, count(*) FROM opinions o WHERE {where} GROUP BY 1",
                               params).fetchall())


def _meetings(ctx: Ctx, p: Period) -> list[MeetingFacts]:
    rows = ctx.db.execute(
        "SELECT m.held_on, m.kind, sum(a.presence = 'present'), sum(a.presence = 'absent'), "
        "sum(a.presence = 'excused') FROM meetings m JOIN meeting_attendance a ON a.meeting_id = m.id "
        "WHERE m.held_on BETWEEN ? AND ? GROUP BY m.id ORDER BY m.held_on", [p.start.isoformat(), p.end.isoformat()]
    ).fetchall()
    return [MeetingFacts(h, k, int(pr or 0), int(ab or 0), int(ex or 0)) for h, k, pr, ab, ex in rows]


def _count(ctx: Ctx, sql: str, params: list) -> int:
    return int(ctx.db.execute(sql, params).fetchone()[0] or 0)


def _has_table(ctx: Ctx, name: str) -> bool:
    return bool(ctx.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone())


def unit_place(ctx: Ctx) -> str:
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


def gather(ctx: Ctx, p: Period, today: date | None = None, subject: str | None = None) -> Facts:
    """The facts of period `p` counted to `today` (default: the real today) while it runs; an
    ad-hoc or thematic report's `subject` limits them to its items."""
    scope = scope_for(ctx, p, today, subject)
    prev = p.previous()
    where, params = scope.items()
    cells = {(f, t): n for f, t, n in ctx.db.execute(
        f"SELECT o.field, o.tendency, count(*) FROM opinions o WHERE {where} GROUP BY 1, 2", params).fetchall()}
    prev_by_field = _by(ctx, scope, prev, "field")
    me = office.get_office(ctx)
    kinds, totals = _areas(ctx, me)
    agencies = ft.agencies(ctx, scope)
    between = [p.start.isoformat(), p.end.isoformat()]
    since = _data_since(ctx)
    topics = ft.topics(ctx, scope)
    return Facts(
        period=p, previous=prev, cells=cells,
        prev_by_field=prev_by_field, prev_total=sum(prev_by_field.values()), topics=topics,
        handling=_handling(ctx, scope, agencies), meetings=_meetings(ctx, p),
        last_meeting=ctx.db.execute("SELECT max(held_on) FROM meetings WHERE held_on < ?",
                                    [p.start.isoformat()]).fetchone()[0],
        active_collaborators=_count(ctx, "SELECT count(*) FROM collaborators WHERE status = 'active'", []),
        joined=_count(ctx, "SELECT count(*) FROM collaborators WHERE joined_on BETWEEN ? AND ?", between),
        left=_count(ctx, "SELECT count(*) FROM collaborators WHERE left_on BETWEEN ? AND ?", between),
        trainings=_count(ctx, "SELECT count(*) FROM trainings WHERE held_on BETWEEN ? AND ?", between)
        if _has_table(ctx, "trainings") else 0,
        high_risk=_count(ctx, f"SELECT count(*) FROM opinions o WHERE {where} AND o.hotspot_risk = 'high'", params),
        areas_with_items=_count(ctx, f"SELECT count(DISTINCT o.area_code) FROM opinions o WHERE {where} "
                                     "AND o.area_code IS NOT NULL", params),
        prev_by_tendency=_by(ctx, scope, prev, "tendency"), loose=ft.loose_items(ctx, scope), agencies=agencies,
        monthly=_recorded(ft.monthly_totals(ctx, scope), topics, since),
        areas_total=sum(totals.values()),
        reporters=_count(ctx, f"SELECT count(DISTINCT o.collaborator_id) FROM opinions o WHERE {where} "
                              "AND o.collaborator_id IS NOT NULL", params),
        kind=office_kind(ctx), place_name=unit_place(ctx), upper_body=_upper_body(me),
        keywords=[] if scope.subject else _keywords(ctx, p),
        scope=scope, data_since=since, area_kind=kinds, area_totals=totals,
        prev_recorded=_count(ctx, "SELECT count(*) FROM opinions WHERE substr(received_on, 1, 10) BETWEEN ? AND ?",
                             [prev.start.isoformat(), prev.end.isoformat()]),
        by_choice=by_choice.counts(ctx, where, params),
    )


def _handling(ctx: Ctx, scope: Scope, agencies: list[AgencyFacts]) -> HandlingFigures:
    """Received, forwarded, resolved and answered in the period (of the scope's items); overdue
    at `as_of`, the same figure as the agencies' sum."""
    subject, params = scope.everything()
    start, end = scope.period.start.isoformat(), scope.as_of.isoformat()

    def between(column: str) -> int:
        return _count(ctx, f"SELECT count(*) FROM opinions o WHERE o.{column} BETWEEN ? AND ? AND {subject}",
                      [start, end, *params])

    return HandlingFigures(received=between("received_on"), forwarded=between("forwarded_on"),
                           resolved=between("resolved_on"), answered=between("answered_on"),
                           overdue=sum(a.overdue for a in agencies))


def _recorded(monthly: list[tuple], topics: list[TopicFacts], since: date | None) -> list[tuple]:
    """The months of a longer period from the first month the office has data: a month before
    it is no month in which nothing was said ("0 – 0 – 98 ý kiến", "thấp nhất tháng 1 (0 ý
    kiến)"), so it is left out of the series, the months' table and each topic's series."""
    skip = min(sum(1 for m in monthly if since is not None and m[0] < since), max(len(monthly) - 1, 0))
    for t in topics:
        t.monthly = t.monthly[skip:]
    return monthly[skip:]


def _data_since(ctx: Ctx) -> date | None:
    """The first day of the first month with an item: an office that began recording on
    5 January has January's data (a report compares months, not days)."""
    row = ctx.db.execute("SELECT min(received_on) FROM opinions").fetchone()
    return date.fromisoformat(row[0][:10]).replace(day=1) if row and row[0] else None


def _areas(ctx: Ctx, me: office.Office) -> tuple[dict[str, str], dict[str, int]]:
    """Each area's kind by name ('ấp', 'khóm' from the area type; 'xã', 'phường' from a
    commune's name) and how many areas of each kind the office has."""
    kinds: dict[str, str] = {}
    for unit in office.areas(ctx):
        kind = unit.area_type or unit.name.split(" ")[0].lower()
        if unit.name.startswith("Đặc khu"):
            kind = "đặc khu"
        kinds[unit.name] = kind
    return kinds, dict(Counter(kinds.values()))


def _keywords(ctx: Ctx, p: Period) -> list[str]:
    """The month's distinctive words, offered to the draft; other periods get none."""
    if p.start.day != 1 or (p.end - p.start).days > 31:
        return []
    from app.analytics.keywords import month_keywords

    return month_keywords(ctx, p.start.strftime("%Y-%m"), 8)


def _upper_body(me: office.Office) -> str:
    style = getattr(me, "style", None)
    return str(getattr(style, "upper_body", "") or "") if style is not None else ""
