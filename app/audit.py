"""Append-only audit log: who did what, when, to which row (a trigger forbids edits)."""

from __future__ import annotations

import json
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
