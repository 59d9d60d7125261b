"""Early warning on topics: a small, documented rule over a topic's item series.

The province asks districts to "forecast and detect hot spots early". A topic is flagged
when, within the window (default the last 14 days, ending today):

1. Surge: its item count exceeds its own recent baseline. The baseline is the weekly mean
   of the items in the baseline period (default the 90 days before the window), scaled to
   the window length; the window count must be > factor × that figure (default 3×) and at
   least `min_items` (default 5). A topic with no history and `min_items` new items is a
   surge too (3 × 0 = 0): a brand-new stream is exactly what must be noticed.
2. Spread: "bức xúc, phản đối" (tendency 'frustration') items come from at least
   `spread_communes` different communes (default 3).
3. Hot-spot risk: a collaborator marked at least one item "high" hot-spot risk.

`evaluate()` is pure (constructed series in tests) and reduces the items to a `Stream` of
counts; `topic_warnings()` counts the same Stream of every open topic in SQL and applies
`evaluate_counts()` with the thresholds from settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from app import office, settings
from app.context import Ctx
from app.text import vn_number


@dataclass(frozen=True)
class ItemPoint:
    """What the rule needs of one item: nothing identifying, only the stream's shape."""

    received_on: date
    tendency: str
    area_code: str | None = None
    hotspot_risk: str = "none"


@dataclass(frozen=True)
class Thresholds:
    window_days: int = 14
    baseline_days: int = 90
    factor: float = 3.0
    min_items: int = 5
    spread_communes: int = 3

    @classmethod
    def from_settings(cls, ctx: Ctx) -> Thresholds:
        return cls(
            window_days=int(settings.get(ctx, "warning_window_days")),
            baseline_days=int(settings.get(ctx, "warning_baseline_days")),
            factor=float(settings.get(ctx, "warning_factor")),
            min_items=int(settings.get(ctx, "warning_min_items")),
            spread_communes=int(settings.get(ctx, "warning_spread_communes")),
        )


@dataclass(frozen=True)
class Reason:
    code: str      # surge | spread | hotspot
    text: str      # Vietnamese, shown to the user as is


@dataclass
class TopicWarning:
    topic_id: str
    title: str
    status: str
    reasons: list[Reason] = field(default_factory=list)

    @property
    def reason_text(self) -> str:
        return "; ".join(r.text for r in self.reasons)


def _days(n: int) -> str:
    return f"{n} ngày"


def evaluate(items: list[ItemPoint], today: date, th: Thresholds | None = None,
             area_names: dict[str, str] | None = None) -> list[Reason]:
    """Reasons (possibly none) for flagging one topic whose items are `items`.

    The window is the `window_days` days ending with `today` (inclusive); the baseline is
    the `baseline_days` days just before the window. Items after `today` are ignored.
    """
    th = th or Thresholds()
    window_start, baseline_start = _bounds(today, th)
    window = [i for i in items if window_start <= i.received_on <= today]
    baseline = sum(1 for i in items if baseline_start <= i.received_on < window_start)
    frustrated = {i.area_code for i in window if i.tendency == "frustration" and i.area_code}
    high = sum(1 for i in window if i.hotspot_risk == "high")
    return evaluate_counts(Stream(len(window), baseline, frozenset(frustrated), high), th, area_names)


@dataclass(frozen=True)
class Stream:
    """All the rule reads of a topic's items: counts in the window and the baseline, the areas
    of frustrated items in the window, and the window's items marked high hot-spot risk."""

    window: int
    baseline: int
    frustrated_areas: frozenset[str] = frozenset()
    high: int = 0


def _bounds(today: date, th: Thresholds) -> tuple[date, date]:
    window_start = today - timedelta(days=th.window_days - 1)
    return window_start, window_start - timedelta(days=th.baseline_days)


def evaluate_counts(stream: Stream, th: Thresholds | None = None,
                    area_names: dict[str, str] | None = None) -> list[Reason]:
    """The rule over a topic's counts (what `evaluate` computes from items, the store from SQL)."""
    th = th or Thresholds()
    area_names = area_names or {}
    reasons: list[Reason] = []
    window = stream.window
    expected = stream.baseline / (th.baseline_days / 7.0) * (th.window_days / 7.0)
    if window >= th.min_items and window > th.factor * expected:
        if expected > 0:
            ratio = vn_number(window / expected, 1)
            text = (f"{window} thông tin trong {_days(th.window_days)} qua, gấp {ratio} lần mức bình thường "
                    f"(khoảng {vn_number(expected, 1)} theo {_days(th.baseline_days)} trước đó)")
        else:
            text = (f"{window} thông tin trong {_days(th.window_days)} qua, trong khi "
                    f"{_days(th.baseline_days)} trước đó không có thông tin nào")
        reasons.append(Reason("surge", text))

    frustrated = sorted(stream.frustrated_areas)
    if len(frustrated) >= th.spread_communes:
        names = [area_names.get(code, code) for code in frustrated]
        shown = ", ".join(names[:5]) + (f" và {len(names) - 5} địa bàn khác" if len(names) > 5 else "")
        reasons.append(Reason("spread", f"ý kiến bức xúc, phản đối lan ra {len(frustrated)} địa bàn "
                                        f"({shown}) trong {_days(th.window_days)} qua"))

    if stream.high:
        reasons.append(Reason("hotspot", f"cộng tác viên đánh giá nguy cơ điểm nóng cao ở {stream.high} thông tin "
                                         f"trong {_days(th.window_days)} qua"))
    return reasons


def topic_warnings(ctx: Ctx, today: date | None = None) -> list[TopicWarning]:
    """Warnings for every topic not closed, most reasons first (hot topics before watched).

    Counted in SQL over indexes (a province holds ~300k items): the window's items through
    opinions_filters (covering), its high-risk ones through opinions_high_risk (partial), and
    the baseline only for topics with at least `min_items` in the window (a surge needs them),
    through opinions_topic. The same figures `evaluate` computes from the items."""
    today = today or date.today()
    th = Thresholds.from_settings(ctx)
    window_start, baseline_start = _bounds(today, th)
    span = {"ws": window_start.isoformat(), "bs": baseline_start.isoformat(), "today": today.isoformat()}
    topics = {r[0]: (r[1], r[2]) for r in ctx.db.execute("SELECT id, title, status FROM topics WHERE status != 'closed'")}
    in_window = "o.received_on >= :ws AND o.received_on <= :today AND o.topic_id IS NOT NULL"
    window = dict(ctx.db.execute(f"SELECT o.topic_id, count(*) FROM opinions o WHERE {in_window} "
                                 "GROUP BY o.topic_id", span).fetchall())
    frustrated: dict[str, set[str]] = {}
    for topic_id, area in ctx.db.execute(f"SELECT DISTINCT o.topic_id, o.area_code FROM opinions o WHERE {in_window} "
                                         "AND o.tendency = 'frustration' AND o.area_code IS NOT NULL", span):
        frustrated.setdefault(topic_id, set()).add(area)
    high = dict(ctx.db.execute(f"SELECT o.topic_id, count(*) FROM opinions o WHERE {in_window} "
                               "AND o.hotspot_risk = 'high' GROUP BY o.topic_id", span).fetchall())
    candidates = [t for t, n in window.items() if n >= th.min_items and t in topics]
    baseline: dict[str, int] = {}
    for i in range(0, len(candidates), 500):
        chunk = candidates[i:i + 500]
        baseline.update(ctx.db.execute(
            f"SELECT topic_id, count(*) FROM opinions WHERE topic_id IN ({', '.join('?' * len(chunk))}) "
            "AND received_on >= ? AND received_on < ? GROUP BY topic_id",
            [*chunk, span["bs"], span["ws"]]).fetchall())
    names = {u.code: u.name for u in office.areas(ctx)}
    out = []
    for topic_id in window:
        if topic_id not in topics:
            continue
        stream = Stream(window[topic_id], baseline.get(topic_id, 0), frozenset(frustrated.get(topic_id, ())),
                        high.get(topic_id, 0))
        reasons = evaluate_counts(stream, th, names)
        if reasons:
            title, status = topics[topic_id]
            out.append(TopicWarning(topic_id, title, status, reasons))
    out.sort(key=lambda w: (-len(w.reasons), w.status != "hot", w.title))
    return out
