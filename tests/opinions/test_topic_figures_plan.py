"""A topic's trend and areas are read from the index alone: the real query plans of
topic_stats.monthly_by_tendency and areas use a covering index on opinions (each read every
item row of the topic from the table: 170 ms cold for a 15,000-item topic at 200k items)."""

from __future__ import annotations

from app.opinions import topic_stats


def _plans(ctx, run) -> dict[str, list[str]]:
    asked: list[str] = []
    ctx.db.conn.set_trace_callback(asked.append)
    try:
        run()
    finally:
        ctx.db.conn.set_trace_callback(None)
    return {sql: [row[3] for row in ctx.db.execute("EXPLAIN QUERY PLAN " + sql)]
            for sql in asked if "FROM opinions" in sql}


def test_trend_and_areas_read_the_index_only(demo_ctx) -> None:
    topic = demo_ctx.db.execute("SELECT topic_id FROM opinions WHERE topic_id IS NOT NULL GROUP BY topic_id "
                                "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    plans = _plans(demo_ctx, lambda: (topic_stats.monthly_by_tendency(demo_ctx, topic),
                                      topic_stats.areas(demo_ctx, topic)))
    assert len(plans) == 2
    for sql, plan in plans.items():
        opinions = [step for step in plan if step.split()[:2] in (["SEARCH", "opinions"], ["SEARCH", "o"],
                                                                   ["SCAN", "opinions"], ["SCAN", "o"])]
        assert opinions and all("COVERING INDEX" in step for step in opinions), (sql, plan)
