"""The exact Vietnamese reasons an exchange file is refused, in one place.

Each function returns an ImportRefused so callers write `raise refusals.replay(...)`.
Tests compare against these texts, so a reason cannot silently become vague.
"""

from __future__ import annotations

from app.errors import ImportRefused


def unknown_sender(unit: str) -> ImportRefused:
    return ImportRefused(
        f"Gói đến từ đơn vị chưa đăng ký ({unit}): hãy nhập thẻ định danh của đơn vị đó "
        "và đối chiếu mã xác nhận qua điện thoại trước khi nhập gói."
    )


def bad_signature(unit: str) -> ImportRefused:
    return ImportRefused(
        f"Chữ ký của gói không hợp lệ: gói không phải do {unit} ký bằng khóa đã đăng ký, hoặc bản kê đã bị sửa."
    )


def altered_member(name: str) -> ImportRefused:
    return ImportRefused(f"Thành phần «{name}» của gói đã bị thay đổi: mã băm không khớp với bản kê đã ký.")


def missing_member(name: str) -> ImportRefused:
    return ImportRefused(f"Gói thiếu thành phần «{name}» có trong bản kê đã ký.")


def extra_member(name: str) -> ImportRefused:
    return ImportRefused(f"Gói có thành phần «{name}» không nằm trong bản kê đã ký.")


def replay(unit: str, seq: int, last: int) -> ImportRefused:
    return ImportRefused(
        f"Gói số {seq} của {unit} không mới hơn gói đã nhập gần nhất (số {last}): "
        "đây là gói cũ gửi lại hoặc bị phát lại, không nhập."
    )


def wrong_recipient_crypto() -> ImportRefused:
    return ImportRefused(
        "Gói không gửi cho đơn vị này: khóa của đơn vị không giải mã được "
        "(gửi nhầm nơi nhận, hoặc phần đầu tệp đã bị hỏng)."
    )


def wrong_recipient(addressed: str, me: str) -> ImportRefused:
    return ImportRefused(f"Gói gửi cho đơn vị {addressed}, không phải đơn vị này ({me}).")


def newer_format(found: object, supported: int) -> ImportRefused:
    return ImportRefused(
        f"Gói theo định dạng phiên bản {found}, mới hơn phiên bản {supported} mà chương trình này đọc được: "
        "hãy cập nhật DLXH rồi nhập lại."
    )


def damaged(detail: str) -> ImportRefused:
    return ImportRefused(f"Tệp bị hỏng hoặc không phải tệp trao đổi DLXH: {detail}.")


def card_altered(detail: str) -> ImportRefused:
    return ImportRefused(
        f"Thẻ định danh đã bị sửa: {detail}. Không đăng ký; hãy xin lại thẻ trực tiếp từ đơn vị đó "
        "và đối chiếu mã xác nhận qua điện thoại."
    )


def unsafe_name(name: str) -> ImportRefused:
    return ImportRefused(f"Tệp chứa thành phần có tên không an toàn («{name}»): không nhập.")


def too_big(detail: str) -> ImportRefused:
    return ImportRefused(f"Tệp vượt giới hạn an toàn ({detail}); có thể là tệp độc hại kiểu «bom nén», không nhập.")


def wrong_kind(found: str, expected: str) -> ImportRefused:
    return ImportRefused(f"Tệp là loại «{found}», không phải «{expected}» như thao tác này cần.")
