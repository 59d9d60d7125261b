"""The province's view over what its lower offices sent: who is enrolled (and which of the
province's communes are not yet), what arrived when, and whether each monthly report came
by its due date, with the counts per month and per office.

Built for today's scale (38–168 communes, a year of items each): every figure is one SQL
aggregate over indexed columns (GROUP BY origin), never a query per office or a Python
loop over items; only the small communes × months grid is assembled in Python.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from app.context import Ctx
from app.months import month_keys
from app.reports.period import due_date, period_of

ON_TIME, LATE, MISSING, PENDING = "on_time", "late", "missing", "pending"
STATUS_LABELS = {ON_TIME: "Đúng hạn", LATE: "Muộn", MISSING: "Chưa nhận", PENDING: "Chưa đến hạn"}
# A lower office is every enrolled peer that is not a province: commune, agency, legacy district.
LOWER = "p.role != 'province'"


@dataclass(frozen=True)
class OfficeStatus:
    unit_code: str
    name: str
    role: str  # the office kind: commune | agency | district
    enrolled_on: str
    packages: int
    last_seq: int
    last_imported_on: str | None
    opinions: int
    collaborators: int
    reports: int


@dataclass(frozen=True)
class Arrival:
    sender: str
    seq: int
    created_at: str
    imported_on: str
    rows: dict[str, int]


@dataclass(frozen=True)
class Timeliness:
    unit_code: str
    name: str
    cells: dict[str, tuple[str, str]]  # "YYYY-MM" -> (status, received dd/mm or "")

    def count(self, status: str) -> int:
        return sum(1 for s, _ in self.cells.values() if s == status)


@dataclass(frozen=True)
class Unenrolled:
    code: str
    name: str


def offices(ctx: Ctx) -> list[OfficeStatus]:
    """Enrolled lower offices with what each sent: one grouped query per table, joined once."""
    rows = ctx.db.execute(
        "SELECT p.unit_code, p.name, p.kind, p.enrolled_on, coalesce(i.n, 0), coalesce(i.last, 0), i.imported, "
        " coalesce(o.n, 0), coalesce(c.n, 0), coalesce(r.n, 0) FROM peers p "
        "LEFT JOIN (SELECT sender, count(*) n, max(seq) last, max(imported_on) imported FROM inbox GROUP BY sender) i "
        " ON i.sender = p.unit_code "
        "LEFT JOIN (SELECT origin, count(*) n FROM opinions GROUP BY origin) o ON o.origin = p.unit_code "
        "LEFT JOIN (SELECT origin, count(*) n FROM collaborators WHERE status = 'active' GROUP BY origin) c "
        " ON c.origin = p.unit_code "
        "LEFT JOIN (SELECT origin, count(*) n FROM reports WHERE status != 'draft' GROUP BY origin) r "
        " ON r.origin = p.unit_code "
        f"WHERE {LOWER} ORDER BY p.name"
    ).fetchall()
    return [OfficeStatus(*r) for r in rows]


districts = offices  # the name older callers use


def not_enrolled(ctx: Ctx) -> list[Unenrolled]:
    """The province's communes (its areas, from the official list) with no enrolled office yet."""
    rows = ctx.db.execute(
        "SELECT u.code, u.name FROM units u WHERE u.level = 'commune' "
        "AND NOT EXISTS (SELECT 1 FROM peers p WHERE p.unit_code = u.code) ORDER BY u.name"
    ).fetchall()
    return [Unenrolled(*r) for r in rows]


def arrivals(ctx: Ctx, sender: str | None = None, limit: int = 200) -> list[Arrival]:
    sql = "SELECT sender, seq, created_at, imported_on, rows FROM inbox"
    params: list = []
    if sender:
        sql += " WHERE sender = ?"
        params.append(sender)
    rows = ctx.db.execute(sql + " ORDER BY imported_on DESC LIMIT ?", [*params, limit]).fetchall()
    return [Arrival(r[0], r[1], r[2], r[3], json.loads(r[4] or "{}")) for r in rows]


def recent_months(today: date, n: int = 6) -> list[str]:
    """The n months before the current one (their reports are the ones due by now or soon)."""
    return month_keys(today, n, include_current=False)


def timeliness(ctx: Ctx, months: list[str], today: date | None = None) -> list[Timeliness]:
    """Per lower office and month: monthly report received by the due day, late, missing or not yet due.

    The first arrival per (office, month) comes from one grouped query over report_arrivals;
    a report's own due date wins over the office-wide due day."""
    today = today or date.today()
    if not months:
        return [Timeliness(o.unit_code, o.name, {}) for o in offices(ctx)]
    default_due = {m: due_date(ctx, period_of("monthly", date.fromisoformat(f"{m}-01"))) for m in months}
    arrived: dict[tuple[str, str], tuple[str, str | None]] = {}
    for origin, month, received, due in ctx.db.execute(
        "SELECT a.origin, substr(a.period_start, 1, 7) m, min(a.received_on), max(r.due_on) FROM report_arrivals a "
        "LEFT JOIN reports r ON r.id = a.report_id WHERE a.kind = 'monthly' AND a.period_start >= ? "
        "AND a.period_start < ? GROUP BY a.origin, m",
        [f"{min(months)}-01", f"{max(months)}-32"],
    ).fetchall():
        arrived[(origin, month)] = (received, due)
    names = ctx.db.execute(f"SELECT p.unit_code, p.name FROM peers p WHERE {LOWER} ORDER BY p.name").fetchall()
    out = []
    for code, name in names:
        cells = {}
        for month in months:
            got = arrived.get((code, month))
            if got:
                received = date.fromisoformat(got[0][:10])
                due = date.fromisoformat(got[1]) if got[1] else default_due[month]
                status = ON_TIME if due is None or received <= due else LATE
                cells[month] = (status, received.strftime("%d/%m"))
            else:
                due = default_due[month]
                cells[month] = (PENDING if due and today <= due else MISSING, "")
        out.append(Timeliness(code, name, cells))
    return out


def due_day(ctx: Ctx) -> int:
    """The day of the following month a monthly report is due at the province (a setting)."""
    from app.reports.report_settings import setting

    return int(setting(ctx, "monthly_report_due_day"))


def month_counts(rows: list[Timeliness], months: list[str]) -> dict[str, dict[str, int]]:
    """For each month: how many offices were on time, late, missing or not yet due."""
    counts = {m: dict.fromkeys(STATUS_LABELS, 0) for m in months}
    for row in rows:
        for m in months:
            counts[m][row.cells[m][0]] += 1
    return counts


def filter_timeliness(rows: list[Timeliness], status: str | None = None, text: str = "") -> list[Timeliness]:
    """Offices with at least one month in `status` (all when None) whose name or code matches `text`."""
    from app.text import fold

    needle = fold(text.strip())
    return [
        r
        for r in rows
        if (status is None or r.count(status) > 0) and (not needle or needle in fold(f"{r.name} {r.unit_code}"))
    ]


@dataclass(frozen=True)
class OfficeItem:
    origin: str
    office: str
    received_on: str
    field: str
    tendency: str
    summary: str
    hotspot_risk: str


def items(ctx: Ctx, origin: str | None = None, month: str | None = None, limit: int = 2000) -> list[OfficeItem]:
    """Opinion items of all lower offices (or one), newest first, for the province's list.

    Reads at most `limit` rows through the received_on / origin indexes: the list stays
    quick with a year of 168 communes' items; the count says how many there are in all."""
    sql = (
        "SELECT o.origin, coalesce(u.name, o.origin), o.received_on, o.field, o.tendency, o.summary, "
        "o.hotspot_risk FROM opinions o LEFT JOIN units u ON u.code = o.origin WHERE "
    )
    where, params = _item_filter(ctx, origin, month)
    rows = ctx.db.execute(
        sql + where + " ORDER BY o.received_on DESC LIMIT ?", [*params, limit]
    ).fetchall()
    return [OfficeItem(*r) for r in rows]


def item_count(ctx: Ctx, origin: str | None = None, month: str | None = None) -> int:
    where, params = _item_filter(ctx, origin, month)
    return ctx.db.execute(f"SELECT count(*) FROM opinions o WHERE {where}", params).fetchone()[0]


def _item_filter(ctx: Ctx, origin: str | None, month: str | None) -> tuple[str, list]:
    if origin:
        where, params = "o.origin = ?", [origin]
    else:
        where, params = "o.origin != ?", [ctx.origin]
    if month:
        where += " AND o.received_on >= ? AND o.received_on < ?"
        params += [f"{month}-01", f"{month}-32"]
    return where, params


def latest_reported_month(ctx: Ctx) -> str | None:
    """The newest month ('YYYY-MM') whose monthly report some lower office has sent: the month
    the consolidated report is drafted for by default (not a month nobody has sent yet)."""
    row = ctx.db.execute("SELECT max(substr(period_start, 1, 7)) FROM report_arrivals WHERE kind = 'monthly'").fetchone()
    return row[0] if row and row[0] else None


def item_months(ctx: Ctx) -> list[str]:
    """Months that hold items from lower offices, newest first (for the month filter)."""
    from app.months import add_months

    # min/max read the two ends of the received_on index; a DISTINCT over every item would
    # read all of them (a quarter of a second at 300k items).
    first = ctx.db.execute("SELECT min(received_on) FROM opinions").fetchone()[0]
    last = ctx.db.execute("SELECT max(received_on) FROM opinions").fetchone()[0]
    if not first:
        return []
    months, month = [], date.fromisoformat(last[:7] + "-01")
    while month.isoformat()[:7] >= first[:7]:
        months.append(month.isoformat()[:7])
        month = add_months(month, -1)
    return months
