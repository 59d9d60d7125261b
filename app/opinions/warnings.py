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

`evaluate()` is pure (constructed series in tests); `topic_warnings()` loads the series of
every open topic from the store and applies it with the thresholds from settings.
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
    area_names = area_names or {}
    window_start = today - timedelta(days=th.window_days - 1)
    baseline_start = window_start - timedelta(days=th.baseline_days)
    window = [i for i in items if window_start <= i.received_on <= today]
    baseline = [i for i in items if baseline_start <= i.received_on < window_start]
    reasons: list[Reason] = []

    expected = len(baseline) / (th.baseline_days / 7.0) * (th.window_days / 7.0)
    if len(window) >= th.min_items and len(window) > th.factor * expected:
        if expected > 0:
            ratio = vn_number(len(window) / expected, 1)
            text = (f"{len(window)} thông tin trong {_days(th.window_days)} qua, gấp {ratio} lần mức bình thường "
                    f"(khoảng {vn_number(expected, 1)} theo {_days(th.baseline_days)} trước đó)")
        else:
            text = (f"{len(window)} thông tin trong {_days(th.window_days)} qua, trong khi "
                    f"{_days(th.baseline_days)} trước đó không có thông tin nào")
        reasons.append(Reason("surge", text))

    frustrated = sorted({i.area_code for i in window if i.tendency == "frustration" and i.area_code})
    if len(frustrated) >= th.spread_communes:
        names = [area_names.get(code, code) for code in frustrated]
        shown = ", ".join(names[:5]) + (f" và {len(names) - 5} địa bàn khác" if len(names) > 5 else "")
        reasons.append(Reason("spread", f"ý kiến bức xúc, phản đối lan ra {len(frustrated)} địa bàn "
                                        f"({shown}) trong {_days(th.window_days)} qua"))

    high = [i for i in window if i.hotspot_risk == "high"]
    if high:
        reasons.append(Reason("hotspot", f"cộng tác viên đánh giá nguy cơ điểm nóng cao ở {len(high)} thông tin "
                                         f"trong {_days(th.window_days)} qua"))
    return reasons


def topic_warnings(ctx: Ctx, today: date | None = None) -> list[TopicWarning]:
    """Warnings for every topic not closed, most reasons first (hot topics before watched)."""
    today = today or date.today()
    th = Thresholds.from_settings(ctx)
    since = (today - timedelta(days=th.window_days - 1 + th.baseline_days)).isoformat()
    rows = ctx.db.execute(
        "SELECT t.id, t.title, t.status, o.received_on, o.tendency, o.area_code, o.hotspot_risk "
        "FROM topics t JOIN opinions o ON o.topic_id = t.id "
        "WHERE t.status != 'closed' AND o.received_on >= ? AND o.received_on <= ?",
        [since, today.isoformat()],
    ).fetchall()
    series: dict[str, list[ItemPoint]] = {}
    meta: dict[str, tuple[str, str]] = {}
    for topic_id, title, status, received_on, tendency, area_code, risk in rows:
        meta[topic_id] = (title, status)
        series.setdefault(topic_id, []).append(
            ItemPoint(date.fromisoformat(received_on), tendency, area_code, risk))
    names = {u.code: u.name for u in office.areas(ctx)}
    out = []
    for topic_id, points in series.items():
        reasons = evaluate(points, today, th, names)
        if reasons:
            title, status = meta[topic_id]
            out.append(TopicWarning(topic_id, title, status, reasons))
    out.sort(key=lambda w: (-len(w.reasons), w.status != "hot", w.title))
    return out
