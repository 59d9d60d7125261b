"""The province's view over what districts sent: who is enrolled, what arrived when, and
whether each monthly report came by its due date (the 20th of the following month)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from app.context import Ctx
from app.months import month_keys
from app.reports.period import due_date, period_of

ON_TIME, LATE, MISSING, PENDING = "on_time", "late", "missing", "pending"
STATUS_LABELS = {ON_TIME: "Đúng hạn", LATE: "Muộn", MISSING: "Chưa nhận", PENDING: "Chưa đến hạn"}


@dataclass(frozen=True)
class DistrictStatus:
    unit_code: str
    name: str
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


def districts(ctx: Ctx) -> list[DistrictStatus]:
    rows = ctx.db.execute(
        "SELECT p.unit_code, p.name, p.enrolled_on, "
        " (SELECT count(*) FROM inbox i WHERE i.sender = p.unit_code), "
        " (SELECT coalesce(max(seq), 0) FROM inbox i WHERE i.sender = p.unit_code), "
        " (SELECT max(imported_on) FROM inbox i WHERE i.sender = p.unit_code), "
        " (SELECT count(*) FROM opinions o WHERE o.origin = p.unit_code), "
        " (SELECT count(*) FROM collaborators c WHERE c.origin = p.unit_code AND c.status = 'active'), "
        " (SELECT count(*) FROM reports r WHERE r.origin = p.unit_code AND r.status != 'draft') "
        "FROM peers p WHERE p.role = 'district' ORDER BY p.name"
    ).fetchall()
    return [DistrictStatus(*r) for r in rows]


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
    """Per district and month: monthly report received by the due day, late, missing or not yet due."""
    today = today or date.today()
    arrived: dict[tuple[str, str], tuple[str, str | None]] = {}
    for origin, start, received, due in ctx.db.execute(
        "SELECT a.origin, a.period_start, a.received_on, r.due_on FROM report_arrivals a "
        "LEFT JOIN reports r ON r.id = a.report_id WHERE a.kind = 'monthly' ORDER BY a.received_on DESC"
    ).fetchall():
        arrived[(origin, start[:7])] = (received, due)
    out = []
    for d in districts(ctx):
        cells = {}
        for month in months:
            period = period_of("monthly", date.fromisoformat(f"{month}-01"))
            default_due = due_date(ctx, period)
            got = arrived.get((d.unit_code, month))
            if got:
                received = date.fromisoformat(got[0][:10])
                due = date.fromisoformat(got[1]) if got[1] else default_due
                status = ON_TIME if due is None or received <= due else LATE
                cells[month] = (status, received.strftime("%d/%m"))
            else:
                cells[month] = (PENDING if default_due and today <= default_due else MISSING, "")
        out.append(Timeliness(d.unit_code, d.name, cells))
    return out


@dataclass(frozen=True)
class DistrictItem:
    origin: str
    district: str
    received_on: str
    field: str
    tendency: str
    summary: str
    hotspot_risk: str


def items(ctx: Ctx, origin: str | None = None, month: str | None = None, limit: int = 2000) -> list[DistrictItem]:
    """Opinion items of all districts (or one), newest first, for the province's list."""
    sql = (
        "SELECT o.origin, coalesce(u.name, o.origin), o.received_on, o.field, o.tendency, o.summary, "
        "o.hotspot_risk FROM opinions o LEFT JOIN units u ON u.code = o.origin WHERE o.origin != ?"
    )
    params: list = [ctx.origin]
    if origin:
        sql += " AND o.origin = ?"
        params.append(origin)
    if month:
        sql += " AND o.received_on LIKE ?"
        params.append(f"{month}%")
    rows = ctx.db.execute(sql + " ORDER BY o.received_on DESC, o.id DESC LIMIT ?", [*params, limit]).fetchall()
    return [DistrictItem(*r) for r in rows]
