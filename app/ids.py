"""UUIDv7 ids: time-ordered, so rows sort by creation and B-tree inserts stay local."""

from __future__ import annotations

import os
import struct
import time
from datetime import UTC, datetime

_last_ms = 0
_counter = 0


def uuid7() -> str:
    """Return a new UUIDv7 string (RFC 9562), monotonic within one process."""
    return uuid7_many(1)[0]


def uuid7_many(n: int) -> list[str]:
    """`n` new UUIDv7 strings, in order, continuing uuid7()'s sequence: one clock read and one
    urandom call for all (an import makes millions of ids; one call each cost 4 µs). When the
    12-bit counter runs out within a millisecond the timestamp moves on by one (RFC 9562 6.2),
    so the ids stay monotonic however many are asked for."""
    global _last_ms, _counter
    ms = time.time_ns() // 1_000_000
    if ms <= _last_ms:
        ms, counter = _last_ms, _counter + 1
    else:
        counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
    ids: list[str] = []
    t = f"{ms & ((1 << 48) - 1):012x}"
    prefix = f"{t[:8]}-{t[8:]}-7"
    for rand_b in struct.unpack(f">{n}Q", os.urandom(8 * n)):
        if counter > 0xFFF:
            ms, counter = ms + 1, 0
            t = f"{ms & ((1 << 48) - 1):012x}"
            prefix = f"{t[:8]}-{t[8:]}-7"
        tail = f"{rand_b & _RAND_B | _VARIANT:016x}"
        ids.append(f"{prefix}{counter:03x}-{tail[:4]}-{tail[4:]}")
        counter += 1
    if n:
        _last_ms, _counter = ms, counter - 1
    return ids


_RAND_B, _VARIANT = (1 << 62) - 1, 0b10 << 62


def utc_now() -> str:
    """UTC timestamp in ISO 8601 with seconds, the form every `updated_at` uses."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
