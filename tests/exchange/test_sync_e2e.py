"""District → province end to end, on two real encrypted databases."""

from __future__ import annotations

import pyrage
import pytest
from pyrage import x25519

from app import records
from app.demo import places
from app.errors import ImportRefused
from app.exchange import export, importer, keys, refusals, tables
from app.office import init_office
from tests.exchange.sync_helpers import enrol_both, owned_state, roundtrip


@pytest.fixture
def province(tmp_path, passphrase_env):
    ctx, _ = init_office(
        tmp_path / "province.db", unit_code=places.PROVINCE[0], name=places.PROVINCE[1], role="province"
    )
    yield ctx
    ctx.close()


def add_month(ctx, month: int, n: int = 25) -> list[str]:
    """A month of new work at the district: items added, one edited, one deleted."""
    areas = [r[0] for r in ctx.db.execute("SELECT code FROM units WHERE level = 'commune' ORDER BY code")]
    ids = [
        records.insert(
            ctx,
            "opinions",
            {
                "received_on": f"2027-{month:02d}-{(i % 27) + 1:02d}",
                "field": "economy",
                "tendency": "worried",
                "summary": f"Nhân dân băn khoăn về giá phân bón tháng {month}, ý kiến {i}",
                "area_code": areas[i % len(areas)],
            },
        )
        for i in range(n)
    ]
    old = ctx.db.execute(
        "SELECT id FROM opinions WHERE received_on < '2027' ORDER BY id LIMIT 1 OFFSET ?", [month]
    ).fetchone()[0]
    records.update(ctx, "opinions", old, {"handling": "resolved", "result": f"Đã trả lời tháng {month}"})
    victim = ctx.db.execute("SELECT id FROM opinions WHERE received_on < '2027' ORDER BY id DESC LIMIT 1").fetchone()[0]
    records.delete(ctx, "opinions", victim)
    return ids


def test_district_to_province_converges_and_only_new_rows_travel(demo_ctx, province, tmp_path):
    enrol_both(demo_ctx, province)
    usb = tmp_path / "usb"
    first, imp = roundtrip(demo_ctx, province, usb)
    district = demo_ctx.origin
    assert first.rows["opinions"] == demo_ctx.db.execute("SELECT count(*) FROM opinions").fetchone()[0]
    assert "phone" not in str(province.db.execute("SELECT phone FROM collaborators WHERE phone IS NOT NULL").fetchall())
    assert owned_state(demo_ctx, district) == owned_state(province, district)
    for month in (1, 2, 3):  # three months of work, one package a month
        new_ids = add_month(demo_ctx, month)
        res, imp = roundtrip(demo_ctx, province, usb)
        assert res.seq == month + 1
        assert res.rows["opinions"] == len(new_ids) + 1  # the new items and the edited one
        assert res.rows[tables.DELETED] == 1
        assert imp.rows["opinions"] == len(new_ids) + 1
        assert owned_state(demo_ctx, district) == owned_state(province, district)
    # every package is acknowledged, and the next one carries nothing
    assert demo_ctx.db.execute("SELECT count(*) FROM outbox WHERE acked_on IS NULL").fetchone()[0] == 0
    empty = export.export_package(demo_ctx, usb)
    assert {k: v for k, v in empty.rows.items() if k != "_deleted"} == {}


def test_reimport_is_a_noop_and_replay_is_refused(demo_ctx, province, tmp_path):
    enrol_both(demo_ctx, province)
    first, imp = roundtrip(demo_ctx, province, tmp_path)
    again = importer.import_package(province, first.path)
    assert again.status == "already" and again.message.startswith("Gói này đã nhập ngày ")
    second = export.export_package(demo_ctx, tmp_path)
    importer.import_package(province, second.path)
    # the first package again, re-encrypted so its bytes (and sha256) differ: still a replay
    inner = pyrage.decrypt(first.path.read_bytes(), [x25519.Identity.from_str(keys.ensure_keys(province).age_identity)])
    replayed = tmp_path / "replayed.dlxh"
    replayed.write_bytes(pyrage.encrypt(inner, [x25519.Recipient.from_str(keys.ensure_keys(province).age_recipient)]))
    with pytest.raises(ImportRefused) as err:
        importer.import_package(province, replayed)
    assert err.value.message == refusals.replay(demo_ctx.origin, 1, 2).message


def test_contacts_travel_only_when_asked(demo_ctx, province, tmp_path):
    enrol_both(demo_ctx, province)
    roundtrip(demo_ctx, province, tmp_path, include_contacts=True)
    district = demo_ctx.origin
    assert owned_state(demo_ctx, district, skip_contacts=False) == owned_state(province, district, skip_contacts=False)


def test_refused_import_writes_nothing(demo_ctx, province, tmp_path):
    enrol_both(demo_ctx, province)
    res = export.export_package(demo_ctx, tmp_path)
    data = bytearray(res.path.read_bytes())
    data[len(data) // 2] ^= 0x40
    res.path.write_bytes(bytes(data))
    before = province.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ImportRefused):
        importer.import_package(province, res.path)
    assert province.db.execute("SELECT count(*) FROM opinions").fetchone()[0] == 0
    assert province.db.execute("SELECT count(*) FROM inbox").fetchone()[0] == 0
    assert province.db.execute("SELECT count(*) FROM audit_log").fetchone()[0] == before
