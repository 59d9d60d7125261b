"""Figures for the topic page: items per month by tendency (the trend chart), the areas
affected, and a per-topic summary line for the topics list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app import auth, catalog
from app.context import Ctx
from app.errors import ValidationError
from app.months import month_keys
from app.opinions import topics


def monthly_by_tendency(ctx: Ctx, topic_id: str, today: date | None = None,
                        months: int = 12) -> tuple[list[str], dict[str, list[int]]]:
    """(months, {tendency: counts per month}) for the trend chart; every tendency present."""
    keys = month_keys(today or date.today(), months)
    series = {t: [0] * len(keys) for t in catalog.TENDENCIES}
    rows = ctx.db.execute("SELECT substr(received_on, 1, 7), tendency, count(*) FROM opinions WHERE topic_id = ? "
                          "AND received_on >= ? GROUP BY 1, 2", [topic_id, keys[0] + "-01"]).fetchall()
    index = {k: i for i, k in enumerate(keys)}
    for month, tendency, n in rows:
        if month in index and tendency in series:
            series[tendency][index[month]] = n
    return keys, series


@dataclass(frozen=True)
class AreaLine:
    area_code: str | None
    area_name: str
    items: int
    frustration: int
    last_on: str


def areas(ctx: Ctx, topic_id: str) -> list[AreaLine]:
    """Areas where the topic is talked about, most items first."""
    rows = ctx.db.execute(
        "SELECT o.area_code, coalesce(u.name, 'Chưa rõ địa bàn'), count(*), "
        "sum(o.tendency = 'frustration'), max(o.received_on) FROM opinions o "
        "LEFT JOIN units u ON u.code = o.area_code WHERE o.topic_id = ? GROUP BY o.area_code "
        "ORDER BY 3 DESC, 2", [topic_id]).fetchall()
    return [AreaLine(*r) for r in rows]


@dataclass(frozen=True)
class TopicLine:
    topic: topics.Topic
    items: int
    recent: int          # items in the last 14 days
    last_on: str | None


def topic_lines(ctx: Ctx, today: date | None = None, window_days: int = 14) -> list[TopicLine]:
    today = today or date.today()
    since = (today - timedelta(days=window_days - 1)).isoformat()
    counts = {r[0]: r[1:] for r in ctx.db.execute(
        "SELECT topic_id, count(*), sum(received_on >= ?), max(received_on) FROM opinions "
        "WHERE topic_id IS NOT NULL GROUP BY topic_id", [since]).fetchall()}
    return [TopicLine(t, *(counts.get(t.id) or (0, 0, None))) for t in topics.list_topics(ctx)]


def set_status(ctx: Ctx, topic_id: str, status: str, today: date | None = None) -> topics.Topic:
    """Move a topic watch → hot → closed (or back); closing stamps the date, reopening clears it."""
    auth.require(ctx, "enter")
    if status not in catalog.TOPIC_STATUSES:
        raise ValidationError(f"Trạng thái không hợp lệ: {status}.")
    t = topics.get(ctx, topic_id)
    t.status = status
    t.closed_on = (today or date.today()).isoformat() if status == "closed" else None
    return topics.update(ctx, t)
