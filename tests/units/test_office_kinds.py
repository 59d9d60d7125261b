"""Office kinds drive the header names, symbol, signer and recipients (FORMAT.md "Who issues")."""

from app.office_kinds import style_for


def test_commune_style():
    s = style_for("commune", "Xã Càng Long", "Tỉnh Vĩnh Long")
    assert (s.superior_name, s.body_name, s.symbol, s.place_name) == (
        "ĐẢNG BỘ TỈNH VĨNH LONG", "ĐẢNG ỦY XÃ CÀNG LONG", "ĐU", "Càng Long")
    assert s.authority_lines() == ("T/M ĐẢNG ỦY", "BÍ THƯ")
    assert s.recipients[0] == "- Ban Tuyên giáo và Dân vận Tỉnh ủy (để báo cáo),"
    assert s.archive_line == "- Lưu Văn phòng Đảng ủy." and s.area_level == "hamlet"
    assert "huyện" not in " ".join([s.office_label, s.area_noun, *s.recipients]).lower()


def test_province_style_and_city():
    s = style_for("province", "Tỉnh Vĩnh Long")
    assert (s.superior_name, s.body_name, s.symbol) == ("TỈNH ỦY VĨNH LONG", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU")
    assert s.authority_lines() == ("TRƯỞNG BAN",) and s.authority_lines(deputy=True) == ("K/T TRƯỞNG BAN",
                                                                                         "PHÓ TRƯỞNG BAN")
    assert style_for("province", "Thành phố Huế").superior_name == "THÀNH ỦY HUẾ"
    assert style_for("commune", "Phường 1", "Thành phố Huế").superior_name == "ĐẢNG BỘ THÀNH PHỐ HUẾ"


def test_agency_and_legacy_district():
    a = style_for("agency", "Đảng ủy các cơ quan Đảng tỉnh", "Tỉnh Vĩnh Long")
    assert (a.body_name, a.symbol, a.place_name) == ("ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH", "ĐU", "Vĩnh Long")
    d = style_for("district", "Huyện Càng Long", "Tỉnh Trà Vinh")
    assert (d.superior_name, d.body_name, d.symbol) == ("HUYỆN ỦY CÀNG LONG", "BAN TUYÊN GIÁO", "BTGHU")
