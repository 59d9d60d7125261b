"""UUIDv7 ids: time-ordered, so rows sort by creation and B-tree inserts stay local."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

_last_ms = 0
_counter = 0


def uuid7() -> str:
    """Return a new UUIDv7 string (RFC 9562), monotonic within one process."""
    global _last_ms, _counter
    ms = time.time_ns() // 1_000_000
    if ms <= _last_ms:
        ms = _last_ms
        _counter += 1
    else:
        _last_ms = ms
        _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
    rand_a = _counter & 0xFFF
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    h = f"{value:032x}"  # what str(uuid.UUID(int=value)) gives, without building the object: imports make millions
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def utc_now() -> str:
    """UTC timestamp in ISO 8601 with seconds, the form every `updated_at` uses."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
