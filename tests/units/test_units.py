"""The official 2025 list and the pre-reform converter, read from the pinned package's data."""

import pytest

from app import units
from app.errors import ValidationError
from app.office_setup import official_spec
from app.reports.signing import fit_name


def test_official_list_has_34_provinces_and_3321_communes():
    provs = units.provinces()
    assert len(provs) == 34
    assert sum(len(units.communes_of(p.code)) for p in provs) == 3321
    assert units.province("86").name == "Tỉnh Vĩnh Long"
    c = units.commune("29266")
    assert (c.name, c.province_code, c.province_name) == ("Xã Càng Long", "86", "Tỉnh Vĩnh Long")
    assert units.commune("4").code == "00004"   # leading zeros are optional


def test_accent_free_search_finds_the_commune():
    assert units.search("cang long", "86")[0].name == "Xã Càng Long"
    assert units.search("CÀNG long")[0].name == "Xã Càng Long"
    assert units.search("29266") == [units.commune("29266")]
    assert units.search("zzzz") == []


def test_nearest_codes_for_an_unknown_code():
    assert units.commune("29267") is None
    near = units.nearest("29267")
    assert len(near) == 3 and near[0].code in ("29266", "29269")


def test_convert_legacy_maps_a_pre_reform_commune():
    r = units.convert_legacy("Xã Nhị Long Phú", "Huyện Càng Long", "Trà Vinh")
    assert r.unit.name == "Xã Càng Long" and r.unit.province_name == "Tỉnh Vĩnh Long"
    assert units.convert_legacy("nhi long phu", province="86").unit.code == "29266"
    assert units.convert_legacy("Xã Càng Long", province="86").unit.code == "29266"  # already current


def test_convert_legacy_ambiguous_asks_for_the_district():
    r = units.convert_legacy("Phường 1", province="86")
    assert r.unit is None and r.ambiguous and len(r.candidates) > 1
    narrowed = units.convert_legacy("Phường 1", district="Thành phố Trà Vinh", province="86")
    assert narrowed.unit is not None and narrowed.unit.province_code == "86"
    assert units.convert_legacy("Không Có Tên Này", province="86").candidates == ()


def test_legacy_tables_of_a_province():
    districts = units.legacy_districts("86")
    assert "Huyện Càng Long" in districts and "Huyện Ba Tri" in districts   # Trà Vinh and Bến Tre merged in
    names = {lc.name for lc in units.legacy_communes("86") if lc.district == "Huyện Càng Long"}
    assert {"Xã Nhị Long Phú", "Xã Mỹ Cẩm", "Thị trấn Càng Long"} <= names


def test_unknown_code_is_refused_naming_the_nearest():
    with pytest.raises(ValidationError) as exc:
        official_spec("commune", "29267")
    assert "29266" in str(exc.value) and "\n" not in str(exc.value)
    spec = official_spec("commune", "29266")
    assert (spec.name, spec.parent_code, spec.parent_name) == ("Xã Càng Long", "86", "Tỉnh Vĩnh Long")


def test_certificate_names_fit_64_characters_for_every_real_office():
    from app.office_kinds import style_for

    longest = max((c for p in units.provinces() for c in units.communes_of(p.code)), key=lambda c: len(c.name))
    names = [style_for("commune", longest.name, longest.province_name).office_label,
             style_for("province", "Thành phố Hồ Chí Minh").office_label,
             "Ban Tuyên giáo Tỉnh ủy Trà Vinh",
             style_for("agency", "Đảng ủy các cơ quan Đảng và đoàn thể chính trị - xã hội tỉnh", "Tỉnh Vĩnh Long")
             .office_label + " và các đơn vị sự nghiệp trực thuộc Tỉnh ủy Vĩnh Long",
             "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Vĩnh Long", "ệ" * 80]
    for name in names:
        fitted = fit_name(name)
        assert len(fitted.encode("utf-8")) <= 64 and fitted  # X.509 counts bytes
    assert fit_name("Đảng ủy xã Càng Long") == "Đảng ủy xã Càng Long"
