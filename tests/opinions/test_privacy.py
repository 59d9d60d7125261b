"""The privacy hint on item text: names, phone numbers, ID numbers; never a block."""

import pytest

from app.opinions.privacy import check, warning_text


def kinds(text):
    return [h.kind for h in check(text)]


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn An ở thôn 3 phản ánh việc đền bù chậm",
    "người dân nói bà Lê Thị Hoa bị thu hồi đất",
    "hộ gia đình ông Trần Minh chưa nhận tiền hỗ trợ",
    "cháu Phạm Gia Bảo bị bỏ học",
    "Theo Nguyễn Thị Mai Anh thì giá phân bón tăng",
    "hộ Lê Văn Tám bức xúc",
])
def test_person_names_are_flagged(text):
    assert "name" in kinds(text)


@pytest.mark.parametrize("text", [
    "Người dân xã Phong An lo lắng về giá phân bón tăng",
    "Nhiều ý kiến đồng tình với chủ trương sáp nhập xã",
    "Bà con tiểu thương chợ Đông Ba băn khoăn về việc di dời",
    "Cử tri tỉnh Bà Rịa - Vũng Tàu quan tâm cao tốc",
    "Ý kiến về việc nâng cấp đường Lê Lợi và đường Nguyễn Văn Linh",
    "các ông bà cao tuổi mong được tăng trợ cấp",
    "Dự án đầu tư 500.000.000 đồng và 1.200.000.000.000 đồng",
])
def test_opinion_streams_pass(text):
    assert check(text) == []


def test_name_hint_quotes_the_name():
    (hint,) = check("ông Nguyễn Văn An phản ánh")
    assert hint.found == "ông Nguyễn Văn An"
    assert "Nguyễn Văn An" in hint.message


@pytest.mark.parametrize("number", ["0912345678", "0912 345 678", "0912.345.678", "+84912345678", "0234-3822-111"])
def test_phone_numbers_are_flagged(number):
    assert kinds(f"liên hệ {number} để biết thêm") == ["phone"]


def test_id_numbers_cccd_and_cmnd():
    assert kinds("CCCD 046090001234 bị lộ") == ["id_number"]
    assert kinds("số CMND 191234567") == ["id_number"]
    assert "CCCD" in warning_text("046090001234")
    assert "CMND" in warning_text("191234567")


def test_other_numbers_pass():
    assert check("năm 2026 có 1234 hộ, diện tích 12345678 m2") == []
    assert warning_text("") == ""
    assert warning_text(None) == ""


def test_redact_replaces_what_check_finds_and_nothing_else() -> None:
    from app.opinions.privacy import check, check_sections, redact

    text = "Ông Nguyễn Văn Bình ở ấp 3 phản ánh, gọi 0912 345 678, CCCD 079123456789."
    assert redact(text) == "một người dân ở ấp 3 phản ánh, gọi [đã bỏ số điện thoại], CCCD [đã bỏ số giấy tờ]."
    assert check(redact(text)) == []
    assert redact("Người dân Bà Rịa lo lắng về giá lúa") == "Người dân Bà Rịa lo lắng về giá lúa"
    found = check_sections([{"key": "a", "title": "Tình hình", "text": "Không có gì"},
                            {"key": "b", "title": "Kiến nghị", "text": "gọi 0912345678"}])
    assert [(title, hint.kind) for title, hint in found] == [("Kiến nghị", "phone")]
