"""Core overview cards: this month's items by field and tendency, hot topics,
the monthly report's due date (collaborators needing attention: overview_cards/collaborators.py)."""

from __future__ import annotations

from datetime import date, timedelta

from app import catalog, settings
from app.context import Ctx
from app.opinions.items import OpinionFilter, count_by
from app.overview import Card
from app.text import vn_date, vn_number


def monthly_due_date(today: date, due_day: int) -> tuple[str, date]:
    """The report of month M is due at the province on `due_day` of M; once that day has
    passed, the next one due is next month's. Returns (period label, due date)."""
    this_due = today.replace(day=due_day)
    if today <= this_due:
        return f"tháng {today.month}/{today.year}", this_due
    nxt = (today.replace(day=28) + timedelta(days=4)).replace(day=due_day)
    return f"tháng {nxt.month}/{nxt.year}", nxt


def cards(ctx: Ctx, today: date | None = None) -> list[Card]:
    today = today or date.today()
    month = f"{today.year:04d}-{today.month:02d}"
    flt = OpinionFilter(month=month)
    by_field = count_by(ctx, "field", flt)
    by_tendency = count_by(ctx, "tendency", flt)
    total = sum(by_field.values())
    out = [
        Card(f"Thông tin dư luận tháng {today.month}/{today.year}: {vn_number(total)} ý kiến",
             [(catalog.label(catalog.FIELDS, k), vn_number(v)) for k, v in
              sorted(by_field.items(), key=lambda kv: -kv[1])], order=10),
        Card("Theo xu hướng",
             [(catalog.label(catalog.TENDENCIES, k), vn_number(by_tendency.get(k, 0))) for k in catalog.TENDENCIES],
             order=11),
    ]
    hot = ctx.db.execute(
        "SELECT t.title, count(o.id) FROM topics t LEFT JOIN opinions o ON o.topic_id = t.id "
        "AND o.received_on >= ? WHERE t.status = 'hot' GROUP BY t.id ORDER BY 2 DESC",
        [(today - timedelta(days=30)).isoformat()],
    ).fetchall()
    out.append(Card("Vấn đề nổi cộm đang theo dõi",
                    [(title, f"{vn_number(n)} ý kiến/30 ngày") for title, n in hot] or [("Không có", "")],
                    level="warning" if hot else "info", order=20))
    period, due = monthly_due_date(today, int(settings.get(ctx, "monthly_report_due_day")))
    left = (due - today).days
    out.append(Card("Báo cáo tháng", [(f"Báo cáo {period}", f"hạn {vn_date(due)} (còn {left} ngày)")],
                    level="warning" if left <= 3 else "info", order=40))
    return out
