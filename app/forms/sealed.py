"""Opening a sealed response: find it in what arrived (a binary age file, or armored text
pasted from a chat, possibly among other lines) and decrypt it with the office's age identity.

Every failure is one Vietnamese sentence (ImportRefused): a response for another office, one
cut short or changed on the way (age's header MAC and ChaCha20-Poly1305 refuse any changed
byte), something that is no response at all, or one larger than any form can make.
"""

from __future__ import annotations

import re

import pyrage
from pyrage import x25519

from app.errors import ImportRefused

# A personal form of 20 long items seals to ~60 KB armored; four times that is no form's.
MAX_BYTES = 256 * 1024
MAGIC = b"age-encryption.org/v1\n"
_BEGIN, _END = b"-----BEGIN AGE ENCRYPTED FILE-----", b"-----END AGE ENCRYPTED FILE-----"
_ARMOR = re.compile(re.escape(_BEGIN) + rb"(.*?)" + re.escape(_END), re.S)


def too_large(size: int) -> ImportRefused:
    return ImportRefused(f"Phiếu lớn quá ({size // 1024} KB, tối đa {MAX_BYTES // 1024} KB): "
                         "không phải phiếu do DLXH tạo, không nhập.")


def blocks(data: bytes) -> list[bytes]:
    """The sealed responses in `data`: the file itself when it is binary age, else every
    armored block in the text (a clerk may paste several messages at once)."""
    if data.startswith(MAGIC):
        return [data]
    found = [_tidy(m.group(1)) for m in _ARMOR.finditer(data)]
    if not found:
        raise ImportRefused("Không tìm thấy phiếu điện tử nào (khối “BEGIN AGE ENCRYPTED FILE”) trong nội dung này.")
    return found


def _tidy(body: bytes) -> bytes:
    """Armor as age writes it (64-column lines) from what a chat or mail client made of it:
    CRLF line ends, indentation, lines joined or re-wrapped. Base64 has no spaces, so every
    whitespace is the client's; a changed character still fails age's checks."""
    b64 = b"".join(body.split())
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return b"\n".join([_BEGIN, *lines, _END]) + b"\n"


def open_sealed(data: bytes, identity: str) -> bytes:
    """The payload bytes of one sealed response, or ImportRefused with the reason."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data))
    try:
        return pyrage.decrypt(data, [x25519.Identity.from_str(identity)])
    except pyrage.DecryptError as exc:
        said = str(exc)
        if "No matching keys" in said:
            raise ImportRefused("Phiếu này không gửi cho đơn vị này (mã hóa bằng khóa của đơn vị khác) "
                                "hoặc phần đầu phiếu đã bị sửa: không nhập.") from None
        if said == "decryption error":
            raise ImportRefused("Phiếu đã bị sửa hoặc bị cắt mất một phần (kiểm tra toàn vẹn không khớp): "
                                "không nhập.") from None
        raise ImportRefused("Tệp không phải phiếu điện tử DLXH hoặc đã hỏng: không nhập.") from None
