"""How hard a database password is to guess, in words a clerk reads at a glance.

The database password of a PC without an OS keyring is the only thing between a stolen disk
and the collaborators' names, so the first-run wizard shows this next to the field. A rough
rule, not a cracking model: length counts most, mixed kinds of characters help, a run of one
character or a keyboard sequence ("12345678", "abcdefgh") is weak whatever its length.
No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.keys import MIN_PASSPHRASE

_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_COMMON = ("password", "matkhau", "123456", "dlxh", "admin", "abc123", "qwerty")


@dataclass(frozen=True)
class Strength:
    """`score` 0 (refused) .. 3 (strong); `label` is what the field shows."""

    score: int
    label: str


def _is_sequence(text: str) -> bool:
    low = text.lower()
    return any(low in seq or low in seq[::-1] for seq in _SEQUENCES)


def strength(password: str) -> Strength:
    """0: too short to be accepted; 1: weak; 2: medium; 3: strong."""
    if len(password) < MIN_PASSPHRASE:
        return Strength(0, f"Quá ngắn: cần ít nhất {MIN_PASSPHRASE} ký tự")
    low = password.lower()
    if len(set(password)) <= 2 or _is_sequence(password) or any(w in low for w in _COMMON):
        return Strength(1, "Yếu: dễ đoán (lặp ký tự, dãy liền nhau hoặc mật khẩu phổ biến)")
    kinds = sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                 any(c.isdigit() for c in password), any(not c.isalnum() for c in password)))
    points = kinds + (len(password) >= 12) + (len(password) >= 16)
    if points >= 4:
        return Strength(3, "Mạnh")
    if points >= 3:
        return Strength(2, "Trung bình: nên dài hơn hoặc thêm chữ hoa, chữ số, dấu")
    return Strength(1, "Yếu: nên dài hơn và có cả chữ hoa, chữ số, dấu")
