"""New opinion streams ("luồng dư luận mới"): items of a month that no topic covers, grouped by likeness.

Contract: `streams(ctx, month)` returns clusters of at least MIN_SIZE items without a topic
whose best topic score stays under UNCOVERED, largest first, each with keywords, areas,
sample items and a `warning` flag when it spreads to several areas (the office's
"warning_spread_communes" setting) or grows fast (the second half of the month has at
least twice the first half, and "warning_min_items" items at least).
`create_topic(ctx, month, key)` makes a topic of one stream and links its items.

Why average linkage cut at a mean similarity: it needs no number of clusters and keeps a
stream together when its items share words pairwise rather than with one central item
(purity on the held-out set in README, Benchmarks). Above AVERAGE_MAX rows, where its n × n
matrix would cost too much memory, leader clustering on a similarity threshold takes over:
one inverted-index product per block of rows, each cluster tight around one item the clerk
can read as its sample.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np

from app import auth, catalog, memo, settings
from app.analytics import linkage
from app.analytics import model as topic_model
from app.analytics.keywords import top_terms
from app.analytics.vectors import Rows
from app.context import Ctx
from app.errors import ValidationError
from app.months import add_months, parse_month
from app.opinions import items, topics

MIN_SIZE = 3
UNCOVERED = 0.3       # best topic score under this: no topic covers the item
LINK = 0.15          # mean cosine (syllables and pairs) within one stream
AVERAGE_MAX = 2500   # rows up to which average linkage is used (its matrix: 8 bytes × n²/2)
BLOCK = 2000


@dataclass
class Stream:
    key: str                                  # id of the leading item: stable while the period's data is
    period: tuple[str, str]                   # [first, end) as ISO dates
    item_ids: list[str]
    keywords: list[str]
    areas: list[str]
    samples: list[str]
    field: str
    first_half: int
    second_half: int
    warning: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.item_ids)


def _month_bounds(month: str) -> tuple[date, date]:
    first = parse_month(month)
    return first, add_months(first, 1)


def cluster(vectors: Rows, link: float = LINK, min_size: int = MIN_SIZE) -> list[list[int]]:
    """Groups of rows, each of at least `min_size`, largest first.

    Average linkage (cut where the mean cosine within a group falls under `link`) while the
    similarity matrix stays small; leader clustering above AVERAGE_MAX rows, where the matrix
    would cost too much memory. Features used by one row only are dropped first: they change
    no similarity between rows (the vectors are already normalised) and only cost time."""
    n = vectors.n_rows
    if n < min_size:
        return []
    shared = vectors.columns(vectors.doc_freq() >= 2)
    if n <= AVERAGE_MAX:
        dense = np.vstack([block for _start, block in shared.postings().product(shared)]).astype(np.float32)
        found = [g for g in linkage.average(dense, link) if len(g) >= min_size]
    else:
        found = _leaders(shared, max(link, 0.3), min_size)
    return sorted(found, key=lambda g: (-len(g), g[0]))


def _leaders(vectors: Rows, link: float, min_size: int) -> list[list[int]]:
    """The row with most neighbours above `link` leads, its free neighbours join; one inverted-index
    product per block of rows."""
    n = vectors.n_rows
    neighbours: list[np.ndarray] = []
    for _start, block in vectors.postings().product(vectors):
        neighbours += [np.flatnonzero(row >= link) for row in block]
    free = np.ones(n, dtype=bool)
    out = []
    for leader in sorted(range(n), key=lambda i: (-len(neighbours[i]), i)):
        if not free[leader]:
            continue
        members = [int(j) for j in neighbours[leader] if free[j]]
        if leader not in members:
            members.append(leader)
        if len(members) < min_size:
            continue
        free[members] = False
        out.append(sorted(members))
    return out


def streams(ctx: Ctx, month: str, min_size: int = MIN_SIZE) -> list[Stream]:
    """The streams of one calendar month (CLI, report)."""
    first, end = _month_bounds(month)
    return streams_between(ctx, first, end, min_size)


def recent(ctx: Ctx, today: date | None = None, days: int = 30) -> list[Stream]:
    """The streams of the last `days` days: what Tổng quan watches, so a stream is not cut at a month's end."""
    end = (today or date.today()) + timedelta(days=1)
    return streams_between(ctx, end - timedelta(days=days), end)


def streams_between(ctx: Ctx, first: date, end: date, min_size: int = MIN_SIZE) -> list[Stream]:
    """Streams among the untopiced items received in [first, end); asked again before anything
    is written, the last answer (Tổng quan asks each time it is shown: 170 ms of vectorising
    and clustering at 200,000 items)."""
    return list(memo.until_written(ctx, ("streams", first, end, min_size),
                                   lambda: _compute(ctx, first, end, min_size)))


def _compute(ctx: Ctx, first: date, end: date, min_size: int) -> list[Stream]:
    rows = ctx.db.execute(
        "SELECT o.id, o.received_on, o.summary, o.field, coalesce(u.name, o.area_code, '') FROM opinions o "
        "LEFT JOIN units u ON u.code = o.area_code WHERE o.received_on >= ? AND o.received_on < ? "
        "AND o.topic_id IS NULL ORDER BY o.received_on, o.id", [first.isoformat(), end.isoformat()]).fetchall()
    if len(rows) < min_size:
        return []
    m = topic_model.get(ctx)
    vectors, word_vectors = m.both([r[2] for r in rows])
    if m.topics:
        scores, _close = m.rank(vectors)
        keep = np.flatnonzero(scores.max(axis=1) < UNCOVERED)
        rows, word_vectors = [rows[i] for i in keep], word_vectors.take(keep)
    middle = first.toordinal() + (end.toordinal() - first.toordinal()) // 2
    spread_needed = int(settings.get(ctx, "warning_spread_communes"))
    min_items = int(settings.get(ctx, "warning_min_items"))
    out = []
    for members in cluster(word_vectors, min_size=min_size):
        chosen = [rows[i] for i in members]
        areas = [a for a, _n in Counter(r[4] for r in chosen if r[4]).most_common()]
        early = sum(1 for r in chosen if date.fromisoformat(r[1]).toordinal() < middle)
        late = len(chosen) - early
        reasons = []
        if len(chosen) < min_items:
            pass
        elif len(areas) >= spread_needed:
            reasons.append(f"lan ra {len(areas)} địa bàn")
        if len(chosen) >= min_items and late >= max(2 * early, 1):
            reasons.append(f"tăng nhanh: {early} ý kiến nửa đầu kỳ, {late} ý kiến nửa sau")
        out.append(Stream(
            key=chosen[0][0], period=(first.isoformat(), end.isoformat()), item_ids=[r[0] for r in chosen],
            keywords=top_terms(m, [r[2] for r in chosen], 5),
            areas=areas, samples=[r[2] for r in chosen[:3]],
            field=Counter(r[3] for r in chosen).most_common(1)[0][0],
            first_half=early, second_half=late, warning=bool(reasons), reasons=reasons))
    out.sort(key=lambda s: (not s.warning, -s.size))
    return out


def title_of(stream: Stream) -> str:
    words = stream.keywords[:3] or ["chưa đặt tên"]
    return "Luồng dư luận mới: " + ", ".join(words)


def create_topic(ctx: Ctx, period: tuple[str, str], key: str, title: str | None = None) -> topics.Topic:
    """One click on the card: a topic named after the stream's keywords, its items linked to it."""
    auth.require(ctx, "enter")
    first, end = (date.fromisoformat(d) for d in period)
    found = next((s for s in streams_between(ctx, first, end) if s.key == key), None)
    if found is None:
        raise ValidationError("Luồng dư luận này không còn (dữ liệu đã thay đổi); hãy xem lại Tổng quan.")
    with ctx.transaction():
        topic = topics.create(ctx, topics.Topic(title=title or title_of(found), field=found.field,
                                                opened_on=date.today().isoformat(), status="watch",
                                                notes="Tạo từ cảnh báo luồng dư luận mới; từ khóa: "
                                                      + ", ".join(found.keywords)))
        for item_id in found.item_ids:
            items.update(ctx, replace(items.get(ctx, item_id), topic_id=topic.id))
    topic_model.invalidate()
    return topic


def field_label(stream: Stream) -> str:
    return catalog.label(catalog.FIELDS, stream.field)
