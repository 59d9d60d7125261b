"""A province with many lower offices, built through the real import path (the province demo's
own generator, at a small size): every timeliness state, counts, filters, the items with an
office filter, and the province page on real widgets."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.demo import province as demo
from app.exchange import province
from app.office import init_office
from ui.tasks import TaskRunner

TODAY = date(2026, 11, 12)  # before the 20th: last month's reports are partly "not yet due"
COMMUNES = [(f"{29000 + i}", f"Xã Mẫu {i:02d}") for i in range(11)] + [(demo.HOME_COMMUNE, "Xã Càng Long")]


@pytest.fixture(scope="module")
def small_province(tmp_path_factory):
    import os

    os.environ["DLXH_PASSPHRASE"] = "test-passphrase-123"
    path = tmp_path_factory.mktemp("prov") / "province.db"
    summary = {}
    ctx, _ = init_office(
        path, unit_code=demo.PROVINCE_CODE, name=demo.PROVINCE_NAME, role="province",
        populate=lambda c: summary.update(demo.populate_province(c, random.Random(7), TODAY, COMMUNES, (6, 2, 2))),
    )
    yield ctx, summary
    ctx.close()
    os.environ.pop("DLXH_PASSPHRASE", None)


def test_demo_plan_gives_every_state(small_province):
    ctx, summary = small_province
    assert summary["communes"] == 12 and summary["enrolled"] == 10 and summary["packages imported"] > 6 * 10
    months = province.recent_months(TODAY, 12)
    rows = province.timeliness(ctx, months, TODAY)
    assert len(rows) == 10
    states = {s for r in rows for s, _ in r.cells.values()}
    assert states == {province.ON_TIME, province.LATE, province.MISSING, province.PENDING}
    home = next(r for r in rows if r.unit_code == demo.HOME_COMMUNE)
    assert home.count(province.ON_TIME) + home.count(province.LATE) >= 11  # a regular sender
    silent = [r for r in rows if r.count(province.ON_TIME) + r.count(province.LATE) == 0]
    assert len(silent) == 2
    counts = province.month_counts(rows, months)
    assert all(sum(c.values()) == 10 for c in counts.values())
    assert counts[months[0]][province.PENDING] == 0 and counts[months[-1]][province.PENDING] > 0
    assert [u.code for u in province.not_enrolled(ctx)] and len(province.not_enrolled(ctx)) == 2
    late = province.filter_timeliness(rows, province.LATE)
    assert late and all(r.count(province.LATE) for r in late)
    assert [r.unit_code for r in province.filter_timeliness(rows, text="cang long")] == [demo.HOME_COMMUNE]


def test_items_filter_by_office_and_month(small_province):
    ctx, _ = small_province
    everyone = province.item_count(ctx)
    one = province.item_count(ctx, demo.HOME_COMMUNE)
    assert 0 < one < everyone
    month = province.item_months(ctx)[2]  # the newest month may not have come from every office yet
    rows = province.items(ctx, demo.HOME_COMMUNE, month)
    assert rows and {r.origin for r in rows} == {demo.HOME_COMMUNE}
    assert all(r.received_on.startswith(month) for r in rows)
    assert len(province.items(ctx, limit=25)) == 25
    by_office = {o.unit_code: o for o in province.offices(ctx)}
    assert by_office[demo.HOME_COMMUNE].opinions == one and by_office[demo.HOME_COMMUNE].packages >= 11


def test_province_page_with_many_offices(small_province, qtbot, tmp_path):
    from ui.pages.province import Page

    ctx, _ = small_province
    page = Page(ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    page.resize(1366 - 220, 768)
    page.show()
    page.refresh()
    assert page.offices.rowCount() == 10 and page.missing.rowCount() == 2
    assert "10 đơn vị đã đăng ký" in page.summary.text() and "2 xã, phường chưa đăng ký" in page.summary.text()
    page.tabs.setCurrentWidget(page.timeliness)     # loaded when first shown
    view = page.timeliness
    assert view.model.rowCount() == 10 and view.model.columnCount() == 14
    assert view.counts.rowCount() == 4
    view.status.setCurrentIndex(view.status.findData(province.MISSING))
    shown = view.model.rowCount()
    assert 0 < shown <= 10 and view.shown.text().startswith(f"Hiển thị {shown}/10")
    view.status.setCurrentIndex(0)
    view.search.setText("cang long")
    view.search.flush()
    assert view.model.rowCount() == 1
    # double-click an office: its items open with the filter set
    proxy = page.office_view.model()
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == demo.HOME_COMMUNE)
    page._show_items(proxy.index(row, 0))
    assert page.tabs.currentWidget() is page.items
    assert {r.origin for r in page.items.model.rows} == {demo.HOME_COMMUNE}
    assert "ý kiến, phản ánh" in page.items.count.text()


def test_overview_card_of_many_communes_counts_and_names_the_late(tmp_path, passphrase_env):
    """At 38-168 communes the overview card gives the counts by status and names only the
    communes whose report is missing or late (a row per commune was unreadable)."""
    from app.overview_cards import exchange as exchange_cards
    from tests.reports.province_sample import build

    ctx, expect = build(tmp_path / "p.db", 40, per_commune=2)
    try:
        card = next(c for c in exchange_cards.cards(ctx, today=date(2026, 11, 25)) if c.title.startswith("Báo cáo tháng 10"))
        counts = {label: value for label, value, *_ in card.rows if label.startswith("Số xã, phường:")}
        assert counts == {"Số xã, phường: đúng hạn": str(40 - len(expect["missing"])),
                          "Số xã, phường: chưa nhận": str(len(expect["missing"]))}
        named = [label for label, value, *_ in card.rows if value == "Chưa nhận"]
        assert set(named) <= set(expect["missing"]) and len(named) == min(8, len(expect["missing"]))
        assert len(card.rows) <= 2 + 8 + 1 and card.level == "warning"
    finally:
        ctx.close()
