"""What the exchange page lists: packages sent (with receipt state) and received."""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.context import Ctx


@dataclass(frozen=True)
class Sent:
    recipient: str
    seq: int
    created_at: str
    file_name: str
    rows: int
    acked_on: str | None


@dataclass(frozen=True)
class Received:
    sender: str
    seq: int
    kind: str
    created_at: str
    imported_on: str
    rows: int
    receipt_file: str


def _total(rows_json: str) -> int:
    return sum(v for k, v in json.loads(rows_json or "{}").items() if not k.startswith("_"))


def sent(ctx: Ctx, limit: int = 200) -> list[Sent]:
    rows = ctx.db.execute(
        "SELECT recipient, seq, created_at, file_name, rows, acked_on FROM outbox ORDER BY created_at DESC LIMIT ?",
        [limit],
    ).fetchall()
    return [Sent(r[0], r[1], r[2], r[3], _total(r[4]), r[5]) for r in rows]


def received(ctx: Ctx, limit: int = 200) -> list[Received]:
    rows = ctx.db.execute(
        "SELECT sender, seq, kind, created_at, imported_on, rows, receipt_file FROM inbox "
        "ORDER BY imported_on DESC LIMIT ?",
        [limit],
    ).fetchall()
    return [Received(r[0], r[1], r[2], r[3], r[4], _total(r[5]), r[6] or "") for r in rows]


def receipt_bytes(ctx: Ctx, sender: str, seq: int) -> bytes | None:
    """The stored signed receipt, to write it again if the first copy was lost."""
    row = ctx.db.execute("SELECT receipt FROM inbox WHERE sender = ? AND seq = ?", [sender, seq]).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None
