"""Core overview cards: this month's items by field and tendency, hot topics (the report
register's card: overview_cards/reports.py; collaborators needing attention:
overview_cards/collaborators.py; the 12-month chart: overview_cards/trend.py). Each row
links to the opinions list filtered the same way, or to the topic."""

from __future__ import annotations

from datetime import date, timedelta

from app import catalog
from app.context import Ctx
from app.opinions.items import OpinionFilter, count_by
from app.overview import Card, Link
from app.text import vn_number


def cards(ctx: Ctx, today: date | None = None) -> list[Card]:
    today = today or date.today()
    month = f"{today.year:04d}-{today.month:02d}"
    flt = OpinionFilter(month=month)
    by_field = count_by(ctx, "field", flt)
    by_tendency = count_by(ctx, "tendency", flt)
    total = sum(by_field.values())
    when = f"tháng {today.month}/{today.year}"

    def listed(key: str, code: str, label: str) -> Link:
        return Link("opinions", filters=(("month", month), (key, code)), hint=f"Xem thông tin {label.lower()}, {when}")

    out = [
        Card(f"Thông tin dư luận {when}: {vn_number(total)} ý kiến",
             [(catalog.label(catalog.FIELDS, k), vn_number(v), listed("field", k, catalog.label(catalog.FIELDS, k)))
              for k, v in sorted(by_field.items(), key=lambda kv: -kv[1])], order=10),
        Card("Theo xu hướng",
             [(label, vn_number(by_tendency.get(k, 0)), listed("tendency", k, label))
              for k, label in catalog.TENDENCIES.items()],
             order=12),
    ]
    hot = ctx.db.execute(
        "SELECT t.id, t.title, count(o.id) FROM topics t LEFT JOIN opinions o ON o.topic_id = t.id "
        "AND o.received_on >= ? WHERE t.status = 'hot' GROUP BY t.id ORDER BY 3 DESC",
        [(today - timedelta(days=30)).isoformat()],
    ).fetchall()
    out.append(Card("Vấn đề nổi cộm đang theo dõi",
                    [(title, f"{vn_number(n)} ý kiến/30 ngày", Link("topics", topic_id, hint="Mở vấn đề này"))
                     for topic_id, title, n in hot] or [("Không có", "")],
                    level="warning" if hot else "info", order=20))
    return out
