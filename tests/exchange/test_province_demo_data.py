"""What the province receives reads true (issue 21, point 6 for the province demo; point 5's
handling results): the communes' handling status travels in their packages, and the demo's
packages keep topics, months and results consistent."""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.demo import content
from app.demo.commune_packages import Sender, first_tables, month_tables, places_bound
from app.demo.topic_results import AGENCY, RESULTS
from app.months import add_months
from app.office import agencies, init_office
from app.opinions import handling
from app.reports.consolidated.facts import gather
from app.reports.period import period_of
from tests.exchange.sync_helpers import enrol_both, roundtrip


def test_handling_status_reaches_the_province(demo_ctx, tmp_path, passphrase_env):
    """Forwarded, resolved and overdue as the commune recorded them, including a result
    recorded after the item itself had already been sent."""
    tinh, _ = init_office(tmp_path / "tinh.db", unit_code="86", name="Tỉnh Vĩnh Long", role="province")
    try:
        enrol_both(demo_ctx, tinh)
        usb = tmp_path / "usb"
        usb.mkdir()
        roundtrip(demo_ctx, tinh, usb)
        month = add_months(date.today(), -1)
        p = period_of("monthly", month)
        agency_code = agencies(demo_ctx)[0].code
        rows = demo_ctx.db.execute("SELECT id FROM opinions WHERE received_on BETWEEN ? AND ? ORDER BY id LIMIT 2",
                                   [p.start.isoformat(), (p.start + timedelta(days=9)).isoformat()]).fetchall()
        late, done = rows[0][0], rows[1][0]
        for item in (late, done):
            handling.forward(demo_ctx, "opinion", item, agency_code, due_on=p.start + timedelta(days=12),
                             forwarded_on=p.start + timedelta(days=10))
        roundtrip(demo_ctx, tinh, usb)
        handling.resolve(demo_ctx, "opinion", done, "Đã kiểm tra, trả lời người dân tại cuộc họp ấp.",
                         resolved_on=p.start + timedelta(days=11))
        roundtrip(demo_ctx, tinh, usb)
        got = tinh.db.execute("SELECT id, handling, forwarded_to, due_on, resolved_on FROM opinions WHERE id IN (?, ?)",
                              [late, done]).fetchall()
        assert {r[0]: r[1] for r in got} == {late: "forwarded", done: "resolved"}
        facts = gather(tinh, p, p.end + timedelta(days=25))
        mine = next(u for u in facts.units if u.code == demo_ctx.origin)
        expected = demo_ctx.db.execute(
            "SELECT count(*) FROM opinions WHERE forwarded_on IS NOT NULL AND due_on < ? "
            "AND (resolved_on IS NULL OR resolved_on > ?) AND forwarded_on <= ?", [p.end.isoformat()] * 3).fetchone()[0]
        assert mine.overdue == expected >= 1 and facts.handling.overdue == expected
        assert facts.handling.forwarded >= 2 and facts.handling.resolved >= 1
    finally:
        tinh.close()


def test_demo_packages_keep_topics_months_and_results_consistent():
    rng = random.Random(3)
    road = Sender("90001", "Xã Càng Long")
    road.local, road.hot = frozenset({0}), frozenset({0})
    inland = Sender("90002", "Xã Tân An")
    sent: dict[str, list[dict]] = {}
    for s in (road, inland):
        first_tables(s, rng)
        for n in range(12):
            month = add_months(date(2026, 1, 1), n)
            for row in month_tables(s, rng, month, 60, hot=n > 8, curve_at=n)["opinions"]:
                sent.setdefault(row["id"], []).append(dict(row, _month=n, _sender=s.code))
    titles = {t["id"]: i for s in (road, inland) for i, t in enumerate(s.topics)}
    firsts = [versions[0] for versions in sent.values()]
    # A place-bound topic only where it arises; a topic only in months its curve gives it.
    for row in firsts:
        topic = titles[row["topic_id"]]
        if row["_sender"] == inland.code:
            assert topic not in places_bound()
        assert content.TOPICS[topic].curve[row["_month"]] > 0
        if row["hotspot_risk"] == "high":
            assert row["_sender"] == road.code and topic == 0
    # Results answer their own topic, from the topic's own agency, and come in a later package.
    resent = [v for versions in sent.values() for v in versions[1:]]
    assert resent, "no result ever travelled after its item"
    for row in resent:
        topic = titles[row["topic_id"]]
        assert row["result"] in RESULTS[topic] and row["version"] == 2
        assert row["forwarded_to"].endswith(f"-CQ{AGENCY[topic] + 1:02d}")
        assert row["resolved_on"] >= row["forwarded_on"]
    assert not any(RESULTS[titles[r["topic_id"]]] == () and r.get("forwarded_on") for r in firsts)


def test_communes_agencies_stay_theirs_at_the_province(tmp_path, passphrase_env):
    """A commune's agencies travel up with its packages (names for the province's figures),
    but the province's own catalogue and forwarding choices list only its own agencies."""
    from app.demo.commune_packages import build_package
    from app.exchange import importer, keys
    from app.office import add_unit, unit_name

    tinh, _ = init_office(tmp_path / "tinh.db", unit_code="86", name="Tỉnh Vĩnh Long", role="province")
    try:
        add_unit(tinh, "86-CQ01", "Sở Nông nghiệp và Môi trường", "agency", "86")
        sender = Sender("29266", "Xã Càng Long")
        keys.enrol(tinh, sender.card())
        own = keys.ensure_keys(tinh)
        tables = first_tables(sender, random.Random(1))
        importer.import_bytes(tinh, build_package(sender, "86", own.age_recipient, tables), "p.dlxh")
        assert unit_name(tinh, "29266-CQ02") == "Công an xã Càng Long"    # held, so names resolve
        assert [a.name for a in agencies(tinh)] == ["Sở Nông nghiệp và Môi trường"]
    finally:
        tinh.close()


def test_the_province_demos_cang_long_is_the_commune_demos(demo_ctx, tmp_path, passphrase_env):
    """Xã Càng Long is the commune demo: the province demo's Càng Long sends months of the
    same size (it sent 18 items for a November in which the commune demo recorded 173)."""
    from app.demo import province as demo

    today = date.today()
    communes = [(demo.HOME_COMMUNE, "Xã Càng Long"), ("29999", "Xã Thử Nghiệm")]
    tinh, _ = init_office(tmp_path / "tinh.db", unit_code="86", name="Tỉnh Vĩnh Long", role="province",
                          populate=lambda c: demo.populate_province(c, random.Random(3), today, communes, (2, 0, 0)))
    try:
        for back in (2, 3, 4):     # months whose package has come (November is not due before 20/12)
            p = period_of("monthly", add_months(today, -back))
            span = [p.start.isoformat(), p.end.isoformat()]
            there = tinh.db.execute("SELECT count(*) FROM opinions WHERE origin = ? AND received_on BETWEEN ? AND ?",
                                    [demo.HOME_COMMUNE, *span]).fetchone()[0]
            home = demo_ctx.db.execute("SELECT count(*) FROM opinions WHERE received_on BETWEEN ? AND ?",
                                       span).fetchone()[0]
            assert home / 2 <= there <= home * 2, (p.label, there, home)
    finally:
        tinh.close()
