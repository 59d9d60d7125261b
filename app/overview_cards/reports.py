"""Overview card of the report register: the next report due, and reports late or overdue;
each row opens the Báo cáo page on that report (the page alone while none is drafted)."""

from __future__ import annotations

from datetime import date, timedelta

from app.context import Ctx
from app.overview import Card, Link
from app.reports import register, store
from app.reports.period import Period, due_date, period_of
from app.text import vn_date


def next_monthly(ctx: Ctx, today: date) -> tuple[Period, date]:
    """The monthly report due next: last month's until its due day has passed, then this month's."""
    last = period_of("monthly", today.replace(day=1) - timedelta(days=1))
    period = last if today <= due_date(ctx, last) else period_of("monthly", today)
    return period, due_date(ctx, period)


def cards(ctx: Ctx, today: date | None = None) -> list[Card]:
    today = today or date.today()
    reports = store.list_reports(ctx)
    period, due = next_monthly(ctx, today)
    of_period = [r for r in reports if r.kind == "monthly" and r.period_start == period.start.isoformat()]
    done = [r for r in of_period if r.status in store.FROZEN]
    left = (due - today).days
    state = store.STATUSES[done[0].status].lower() if done else f"còn {left} ngày"
    due_link = (Link("reports", (done or of_period)[0].id, hint="Mở báo cáo này") if of_period
                else Link("reports", hint="Mở trang Báo cáo để lập báo cáo"))
    rows = [(f"Báo cáo {period.label}", f"hạn {vn_date(due)} ({state})", due_link)]
    overdue = [r for r in reports if r.status != "sent" and register.deadline(r, today).code == "overdue"]
    late = [r for r in reports if register.deadline(r, today).code == "late" and r.sent_on
            and r.sent_on[:4] == str(today.year)]
    for r in overdue[:5]:
        rows.append((f"Chưa gửi: {r.title[:1].upper()}{r.title[1:]}", register.deadline(r, today).label,
                     Link("reports", r.id, hint="Mở báo cáo này")))
    if late:
        rows.append((f"Gửi trễ hạn trong năm {today.year}", f"{len(late)} báo cáo",
                     Link("reports", late[0].id, hint="Mở một báo cáo gửi trễ")))
    warn = bool(overdue) or (not done and left <= 3)
    return [Card("Báo cáo định kỳ", rows, level="warning" if warn else "info", order=40)]
