"""The per-month, per-field item counts the overview chart reads (kept by triggers on
opinions, migration 0011) equal counting the items, after every kind of write: insert,
bulk insert, a change of field or month, deletion, and a package imported at the province."""

from __future__ import annotations

from app import records
from app.overview_cards.trend import monthly_by_field


def _kept(ctx) -> dict[tuple[str, str], int]:
    return {(m, f): n for m, f, n in ctx.db.execute("SELECT month, field, n FROM opinion_month_counts") if n}


def _counted(ctx) -> dict[tuple[str, str], int]:
    return {(m, f): n for m, f, n in ctx.db.execute(
        "SELECT substr(received_on, 1, 7), field, count(*) FROM opinions GROUP BY 1, 2")}


def test_counts_follow_every_write(demo_ctx):
    ctx = demo_ctx
    assert _kept(ctx) == _counted(ctx) and _kept(ctx)   # the migration filled it from the demo's items
    base = {"tendency": "concern", "summary": "Nhân dân quan tâm giá phân bón"}
    one = records.insert(ctx, "opinions", {**base, "received_on": "2031-01-05", "field": "economy"})
    records.bulk_insert(ctx, "opinions", [{**base, "received_on": "2031-01-06", "field": "society"}] * 3)
    assert _kept(ctx)[("2031-01", "economy")] == 1 and _kept(ctx)[("2031-01", "society")] == 3
    records.update(ctx, "opinions", one, {"field": "society"})
    records.update(ctx, "opinions", one, {"received_on": "2031-02-01"})
    assert ("2031-01", "economy") not in _kept(ctx) and _kept(ctx)[("2031-02", "society")] == 1
    records.delete(ctx, "opinions", one)
    assert ("2031-02", "society") not in _kept(ctx)
    assert _kept(ctx) == _counted(ctx)


def test_chart_reads_the_kept_counts(demo_ctx):
    from datetime import date

    last = demo_ctx.db.execute("SELECT max(received_on) FROM opinions").fetchone()[0]
    chart = monthly_by_field(demo_ctx, date.fromisoformat(last))
    counted = _counted(demo_ctx)
    for series in chart.series:
        assert series.values == [counted.get((m, series.code), 0) for m in chart.months]
    assert sum(sum(s.values) for s in chart.series) > 0
