"""Overview chart: items per month over the last 12 months, stacked by field; the last bar is
today's unfinished month. Every field appears (a quiet one is a thin or empty slice)."""

from __future__ import annotations

from datetime import date

from app import catalog
from app.context import Ctx
from app.months import month_keys
from app.overview import Card, Chart, ChartSeries

MONTHS = 12


def monthly_by_field(ctx: Ctx, today: date | None = None, months: int = MONTHS) -> Chart:
    keys = month_keys(today or date.today(), months)
    counts = {code: [0] * len(keys) for code in catalog.FIELDS}
    index = {k: i for i, k in enumerate(keys)}
    # opinion_month_counts is kept by triggers on opinions (migration 0011): the same figures
    # as grouping the items, without reading ~300k of them at a province.
    rows = ctx.db.execute("SELECT month, field, n FROM opinion_month_counts WHERE month >= ?", [keys[0]]).fetchall()
    for month, code, n in rows:
        if month in index and code in counts:
            counts[code][index[month]] = n
    return Chart(keys, [ChartSeries(code, label, counts[code]) for code, label in catalog.FIELDS.items()])


def cards(ctx: Ctx, today: date | None = None) -> list[Card]:
    chart = monthly_by_field(ctx, today)
    total = sum(sum(s.values) for s in chart.series)
    return [Card(f"Thông tin dư luận {MONTHS} tháng qua, theo lĩnh vực", chart=chart, order=11,
                 note="" if total else "Chưa có thông tin nào trong 12 tháng qua.")]
