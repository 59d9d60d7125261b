"""Append-only audit log: who did what, when, to which row (a trigger forbids edits)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from app.context import Ctx
from app.ids import utc_now


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    user: str
    action: str
    table_name: str | None
    row_id: str | None
    detail: dict[str, Any] | None


# Free text may quote people, name them or carry their words: the log notes that it changed,
# never what it says (issue 14). Contact and number-like values are hidden the same way.
FREE_TEXT = frozenset({
    "summary", "proposal", "result", "notes", "minutes", "agenda", "materials", "body", "text", "value_text",
    "purpose", "sections", "data", "mismatches", "subject", "detail",
})
CONTACT = frozenset({"phone", "email", "zalo", "password_hash", "sign_seed", "age_identity", "key_pem"})
_NUMBER_LIKE = re.compile(r"\d[\d .\-]{7,}\d")  # phone numbers, CCCD/CMND numbers
# Row references (uuid7) are kept: their random hex often holds a run of digits and hyphens
# ("…-1234-5678-…") that the number pattern would otherwise hide, losing who replaced whom.
_ROW_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def safe_value(key: str, value: Any) -> Any:
    """What the log may keep of one column's value."""
    if isinstance(value, bytes | bytearray | memoryview):
        return "‹tệp›"
    if isinstance(value, str):
        if key in FREE_TEXT or len(value) > 120:
            return f"‹văn bản {len(value)} ký tự›" if value else ""
        if key in CONTACT or (_NUMBER_LIKE.search(value) and not _ROW_ID.fullmatch(value)):
            return "‹đã ẩn›"
    elif key in CONTACT and value is not None:
        return "‹đã ẩn›"
    return value


def snapshot(row: dict[str, Any]) -> dict[str, Any]:
    """A created or deleted row as the log keeps it (free text and numbers hidden)."""
    return {k: safe_value(k, v) for k, v in row.items()}


def diff(before: dict[str, Any], changes: dict[str, Any]) -> dict[str, list[Any]]:
    """Changed fields as {field: [old, new]}, with the same hiding as snapshot()."""
    return {k: [safe_value(k, before.get(k)), safe_value(k, v)] for k, v in changes.items() if before.get(k) != v}


def record(ctx: Ctx, action: str, table: str | None = None, row_id: str | None = None,
           detail: dict[str, Any] | None = None) -> None:
    ctx.db.execute(
        "INSERT INTO audit_log (ts, user, action, table_name, row_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [utc_now(), ctx.user.name, action, table, row_id,
         json.dumps(detail, ensure_ascii=False, default=str) if detail is not None else None],
    )


def entries(ctx: Ctx, *, table: str | None = None, user: str | None = None, action: str | None = None,
            limit: int = 1000) -> list[AuditEntry]:
    where, params = [], []
    for column, value in (("table_name", table), ("user", user), ("action", action)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    sql = "SELECT seq, ts, user, action, table_name, row_id, detail FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(limit)
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else None)
        for r in ctx.db.execute(sql, params).fetchall()
    ]
