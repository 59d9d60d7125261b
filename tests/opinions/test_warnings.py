"""The early-warning rule on constructed series (pure: no store needed)."""

from datetime import date, timedelta

from app.opinions.warnings import ItemPoint, Thresholds, evaluate

TODAY = date(2026, 11, 20)


def series(counts_by_days_ago: dict[int, int], tendency: str = "concern", area: str = "X01") -> list[ItemPoint]:
    out = []
    for days_ago, n in counts_by_days_ago.items():
        out += [ItemPoint(TODAY - timedelta(days=days_ago), tendency, area)] * n
    return out


def codes(items, **kw):
    return [r.code for r in evaluate(items, TODAY, **kw)]


def test_steady_topic_is_not_flagged():
    # one item every 3 days for 104 days: ~4.7 in the window, baseline expects the same
    items = series({d: 1 for d in range(0, 104, 3)})
    assert codes(items) == []


def test_surge_over_three_times_baseline_is_flagged_with_words():
    # baseline: 13 items in 90 days → 2.0 per 14 days; window: 7 items (> 3 × 2.0 and ≥ 5)
    items = series({15 + 7 * k: 1 for k in range(13)}) + series({1: 4, 3: 3})
    reasons = evaluate(items, TODAY)
    assert [r.code for r in reasons] == ["surge"]
    assert "7 thông tin trong 14 ngày qua" in reasons[0].text
    assert "gấp 3,5 lần" in reasons[0].text


def test_surge_needs_more_than_factor_times_baseline():
    # window 6 = exactly 3 × 2.0: not more than the baseline's threefold
    items = series({15 + 7 * k: 1 for k in range(13)}) + series({1: 6})
    assert codes(items) == []


def test_new_topic_needs_min_items():
    assert codes(series({2: 4})) == []
    reasons = evaluate(series({2: 5}), TODAY)
    assert [r.code for r in reasons] == ["surge"]
    assert "không có thông tin nào" in reasons[0].text


def test_window_edges_inclusive_today_exclusive_future():
    # 14-day window = today and the 13 days before; day 14 belongs to the baseline
    assert codes(series({13: 5})) == ["surge"]
    assert codes(series({14: 5})) == []
    future = [ItemPoint(TODAY + timedelta(days=1), "concern", "X01")] * 9
    assert codes(future) == []


def test_thresholds_are_parameters():
    items = series({1: 3})
    assert codes(items) == []
    assert codes(items, th=Thresholds(min_items=3)) == ["surge"]
    assert codes(series({20: 3, 1: 3}), th=Thresholds(min_items=3, factor=10)) == []


def test_frustration_spreading_to_three_communes():
    items = (series({1: 1}, "frustration", "X01") + series({2: 1}, "frustration", "X02")
             + series({3: 1}, "concern", "X03"))
    assert codes(items) == []                       # only 2 communes are frustrated
    items += series({4: 1}, "frustration", "X03")
    reasons = evaluate(items, TODAY, area_names={"X01": "Xã An", "X02": "Xã Bình", "X03": "Xã Cường"})
    assert [r.code for r in reasons] == ["spread"]
    assert "lan ra 3 địa bàn (Xã An, Xã Bình, Xã Cường)" in reasons[0].text


def test_spread_ignores_old_items_and_missing_areas():
    items = (series({30: 1}, "frustration", "X01") + series({2: 1}, "frustration", "X02")
             + series({3: 1}, "frustration", "X03") + [ItemPoint(TODAY, "frustration", None)])
    assert codes(items) == []


def test_high_hotspot_risk_flags_even_one_item():
    items = [ItemPoint(TODAY - timedelta(days=5), "concern", "X01", "high")]
    reasons = evaluate(items, TODAY)
    assert [r.code for r in reasons] == ["hotspot"]
    assert "nguy cơ điểm nóng cao ở 1 thông tin" in reasons[0].text
    low = [ItemPoint(TODAY - timedelta(days=5), "concern", "X01", "low")]
    assert codes(low) == []


def test_all_three_reasons_together():
    items = [ItemPoint(TODAY - timedelta(days=d % 10), "frustration", f"X{d % 4}", "high" if d == 0 else "none")
             for d in range(8)]
    assert codes(items) == ["surge", "spread", "hotspot"]


def _from_items(ctx, today):
    """The rule applied to each open topic's items as read one by one (the reference for the
    store's SQL counts)."""
    from app import office
    from app.opinions.warnings import TopicWarning

    th = Thresholds.from_settings(ctx)
    names = {u.code: u.name for u in office.areas(ctx)}
    out = []
    for tid, title, status in ctx.db.execute("SELECT id, title, status FROM topics WHERE status != 'closed'"):
        items = [ItemPoint(date.fromisoformat(r[0]), r[1], r[2], r[3]) for r in ctx.db.execute(
            "SELECT received_on, tendency, area_code, hotspot_risk FROM opinions WHERE topic_id = ?", [tid])]
        reasons = evaluate(items, today, th, names)
        if reasons:
            out.append(TopicWarning(tid, title, status, reasons))
    return sorted(out, key=lambda w: (-len(w.reasons), w.status != "hot", w.title))


def test_store_counts_give_what_the_items_give(demo_ctx):
    from app.opinions.warnings import topic_warnings

    last = date.fromisoformat(demo_ctx.db.execute("SELECT max(received_on) FROM opinions").fetchone()[0])
    seen = 0
    for back in (0, 5, 20, 45, 90):
        today = last - timedelta(days=back)
        got = topic_warnings(demo_ctx, today)
        assert got == _from_items(demo_ctx, today)
        seen += len(got)
    assert seen > 0     # the demo has flagged topics, so the comparison compared something
