"""A province imports packages from communes, agencies and legacy districts alike; the
identity card and the package manifest carry the sender's kind and official code."""

from __future__ import annotations

from app import records
from app.exchange import identity, keys, package
from app.office import init_office
from app.office_setup import official_spec
from tests.exchange.sync_helpers import enrol_both, roundtrip


def _item(ctx, area: str | None) -> None:
    records.insert(ctx, "opinions", {"received_on": "2026-11-05", "field": "economy", "tendency": "concern",
                                     "area_code": area, "summary": f"Ý kiến từ {ctx.origin} về giá phân bón"})


def test_province_imports_from_commune_agency_and_legacy_district(tmp_path, passphrase_env):
    province, _ = init_office(tmp_path / "tinh.db", **official_spec("province", "86").as_kwargs())
    commune, _ = init_office(tmp_path / "xa.db", **official_spec("commune", "29266").as_kwargs())
    agency, _ = init_office(tmp_path / "cq.db", **official_spec(
        "agency", "DUCQ", "Đảng ủy các cơ quan Đảng tỉnh", "86").as_kwargs())
    district, _ = init_office(tmp_path / "huyen.db", unit_code="TVH-CL", name="Huyện Càng Long", role="district",
                              parent_code="86", parent_name="Tỉnh Vĩnh Long")
    from app.office import save_unit

    hamlet = save_unit(commune, "", "Ấp Mỹ Cẩm A", "hamlet", 1800, "ấp")
    member = save_unit(agency, "", "Văn phòng Tỉnh ủy", "member")
    legacy_commune = save_unit(district, "TVH-CL-X01", "Xã Nhị Long Phú", "commune", 8200)
    expected = {}
    for office, area in ((commune, hamlet.code), (agency, member.code), (district, legacy_commune.code)):
        card = identity.parse_card(identity.card_bytes(keys.my_card(office)))
        assert card.role == "district" and card.office_kind == {"29266": "commune", "DUCQ": "agency",
                                                                "TVH-CL": "district"}[office.origin]
        enrol_both(office, province)
        _item(office, area)
        res, imp = roundtrip(office, province, tmp_path / office.origin)
        opened = package.open_package(res.path.read_bytes(), identity=keys.ensure_keys(province).age_identity,
                                      my_unit=province.origin, lookup=keys.lookup(province))
        sender = opened.manifest["sender"]
        assert sender["kind"] == card.office_kind
        assert sender.get("official_code", "") == ("29266" if office is commune else "")
        expected[office.origin] = area
    kinds = dict(province.db.execute("SELECT unit_code, kind FROM peers").fetchall())
    assert kinds == {"29266": "commune", "DUCQ": "agency", "TVH-CL": "district"}
    for origin, area in expected.items():
        got = province.db.execute("SELECT area_code FROM opinions WHERE origin = ?", [origin]).fetchall()
        assert got == [(area,)]
    # the commune is the preloaded official unit, not a second copy
    assert province.db.execute("SELECT count(*) FROM units WHERE code = '29266'").fetchone()[0] == 1
    for ctx in (province, commune, agency, district):
        ctx.close()
