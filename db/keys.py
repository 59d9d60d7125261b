"""Where the 32-byte database key comes from: the OS keyring or a passphrase.

Keyring mode: a random key stored under service "dlxh", user = the DB file's absolute
path. Passphrase mode (headless Linux has no keyring; or DLXH_PASSPHRASE is set): the
key is scrypt(passphrase, salt) where the salt is the 16 bytes SQLCipher keeps at the
start of the file, so no side file can be lost and a backup opens with the same
passphrase. The recovery key is the raw key written as groups of base32 characters.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from db.errors import KeyUnavailableError, NoKeyring, StoreError

SERVICE = "dlxh"
PASSPHRASE_ENV = "DLXH_PASSPHRASE"
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSPHRASE = 8
# scrypt cost: ~0.1 s and 32 MiB on an office PC; enough to make guessing expensive.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


@dataclass(frozen=True)
class DbKey:
    """The raw key plus the salt SQLCipher must use (given explicitly for new files)."""

    key: bytes
    salt: bytes
    source: str  # "keyring" | "passphrase" | "recovery"

    def pragma_value(self) -> str:
        return f"x'{self.key.hex()}{self.salt.hex()}'"


def derive_key(passphrase: str, salt: bytes) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyUnavailableError(f"Mật khẩu cơ sở dữ liệu phải có ít nhất {MIN_PASSPHRASE} ký tự.")
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
        maxmem=128 * 1024 * 1024, dklen=KEY_BYTES,
    )


def read_salt(path: Path) -> bytes:
    """The salt SQLCipher wrote at the start of an existing file."""
    with open(path, "rb") as fh:
        head = fh.read(SALT_BYTES)
    if len(head) < SALT_BYTES:
        raise StoreError("Tệp cơ sở dữ liệu bị hỏng hoặc bị cắt cụt (quá ngắn).")
    return head


def ring():
    """The keyring module, imported when a key is first looked up or stored there: in
    passphrase mode it is never needed, and its import cost every start-up 55 ms."""
    import keyring

    return keyring


def ring_errors() -> tuple[type[Exception], ...]:
    """What a keyring backend raises when there is none or it fails (NoKeyringError is one)."""
    from keyring.errors import KeyringError

    return (KeyringError,)


def _keyring_user(path: Path) -> str:
    return str(Path(path).resolve())


def keyring_available() -> bool:
    try:
        ring().get_password(SERVICE, "__probe__")
        return True
    except ring_errors():
        return False


def passphrase_from_env() -> str | None:
    value = os.environ.get(PASSPHRASE_ENV)
    return value if value else None


def new_key(path: Path, passphrase: str | None = None) -> DbKey:
    """Create the key for a new database file and remember it where it belongs."""
    salt = os.urandom(SALT_BYTES)
    passphrase = passphrase or passphrase_from_env()
    if passphrase:
        return DbKey(derive_key(passphrase, salt), salt, "passphrase")
    key = os.urandom(KEY_BYTES)
    try:
        ring().set_password(SERVICE, _keyring_user(path), key.hex())
    except ring_errors() as exc:
        raise NoKeyring(
            "Máy này không có kho khóa của hệ điều hành: hãy đặt mật khẩu cơ sở dữ liệu "
            f"(biến môi trường {PASSPHRASE_ENV})."
        ) from exc
    return DbKey(key, salt, "keyring")


def existing_key(path: Path, passphrase: str | None = None) -> DbKey:
    """The key of an existing file: passphrase if given (or in the environment), else keyring."""
    salt = read_salt(path)
    passphrase = passphrase or passphrase_from_env()
    if passphrase:
        return DbKey(derive_key(passphrase, salt), salt, "passphrase")
    try:
        stored = ring().get_password(SERVICE, _keyring_user(path))
    except ring_errors() as exc:
        raise NoKeyring(
            "Máy này không có kho khóa của hệ điều hành: hãy nhập mật khẩu cơ sở dữ liệu "
            f"(biến môi trường {PASSPHRASE_ENV})."
        ) from exc
    if not stored:
        raise KeyUnavailableError(
            "Không tìm thấy khóa của cơ sở dữ liệu này trong kho khóa: hãy dùng khóa khôi phục "
            "hoặc mật khẩu."
        )
    return DbKey(bytes.fromhex(stored), salt, "keyring")


def remember_key(path: Path, key: DbKey) -> None:
    """Store a key (e.g. one regained with the recovery key) in the OS keyring."""
    try:
        ring().set_password(SERVICE, _keyring_user(path), key.key.hex())
    except ring_errors() as exc:
        raise KeyUnavailableError("Không lưu được khóa vào kho khóa của hệ điều hành.") from exc


def forget_key(path: Path) -> None:
    try:
        ring().delete_password(SERVICE, _keyring_user(path))
    except ring_errors():
        pass


_ALPHABET_NOTE = "base32 without padding, groups of 4, read aloud safely"


def recovery_code(key: bytes) -> str:
    """The key as a printable recovery code: 52 base32 characters in groups of 4."""
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def key_from_recovery(code: str) -> bytes:
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError as exc:
        raise StoreError("Khóa khôi phục không đúng định dạng.") from exc
    if len(key) != KEY_BYTES:
        raise StoreError("Khóa khôi phục không đúng độ dài.")
    return key
