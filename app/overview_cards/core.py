"""Core overview cards: this month's items by field and tendency, hot topics (the report
register's card: overview_cards/reports.py; collaborators needing attention:
overview_cards/collaborators.py)."""

from __future__ import annotations

from datetime import date, timedelta

from app import catalog
from app.context import Ctx
from app.opinions.items import OpinionFilter, count_by
from app.overview import Card
from app.text import vn_number


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
    return out
