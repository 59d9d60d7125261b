"""Writes to synced tables: id, origin, version and updated_at are set here, once,
and every write is audited, so no capability can forget either."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any, TypeVar

from app import audit
from app.context import Ctx
from app.errors import NotFoundError, PermissionDenied
from app.ids import utc_now, uuid7

_SYNC_COLUMNS = {"id", "origin", "version", "updated_at"}
T = TypeVar("T")


def editable_row(record: Any) -> dict[str, Any]:
    """A dataclass record as a row to write: every field but the sync columns records.py sets."""
    return {k: v for k, v in asdict(record).items() if k not in _SYNC_COLUMNS}


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """A dataclass record from a DB row (columns the class does not know are ignored)."""
    return cls(**{f.name: row.get(f.name) for f in fields(cls)})


def insert(ctx: Ctx, table: str, values: dict[str, Any]) -> str:
    """Insert a new row owned by this office; returns its new UUIDv7 id."""
    row = {k: v for k, v in values.items() if k not in _SYNC_COLUMNS}
    row_id = values.get("id") or uuid7()
    row.update(id=row_id, origin=ctx.origin, version=1, updated_at=utc_now())
    with ctx.transaction():
        ctx.db[table].insert(row)
        audit.record(ctx, "create", table, row_id, _short(row))
    return row_id


def get(ctx: Ctx, table: str, row_id: str) -> dict[str, Any]:
    rows = list(ctx.db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
    if not rows:
        raise NotFoundError("Không tìm thấy bản ghi (có thể đã bị xóa).")
    return rows[0]


def update(ctx: Ctx, table: str, row_id: str, changes: dict[str, Any], *, action: str = "update") -> dict[str, Any]:
    """Apply changes to a row this office owns; version +1; the diff goes to the audit log."""
    changes = {k: v for k, v in changes.items() if k not in _SYNC_COLUMNS}
    with ctx.transaction():
        before = get(ctx, table, row_id)
        if before.get("origin") and ctx.origin and before["origin"] != ctx.origin:
            raise PermissionDenied("Bản ghi thuộc đơn vị khác; chỉ đơn vị tạo ra mới được sửa.")
        diff = {k: [before.get(k), v] for k, v in changes.items() if before.get(k) != v}
        if not diff:
            return before
        ctx.db[table].update(row_id, {**changes, "version": before["version"] + 1, "updated_at": utc_now()})
        audit.record(ctx, action, table, row_id, diff)
        return {**before, **changes, "version": before["version"] + 1}


def delete(ctx: Ctx, table: str, row_id: str) -> None:
    with ctx.transaction():
        before = get(ctx, table, row_id)
        ctx.db[table].delete(row_id)
        audit.record(ctx, "delete", table, row_id, _short(before))


def _short(row: dict[str, Any]) -> dict[str, Any]:
    """Keep audit details small: long texts cut, blobs left out."""
    out = {}
    for key, value in row.items():
        if isinstance(value, bytes):
            continue
        if isinstance(value, str) and len(value) > 200:
            value = value[:200] + "…"
        out[key] = value
    return out


def bulk_insert(ctx: Ctx, table: str, rows: list[dict[str, Any]], *, note: str = "bulk") -> list[str]:
    """Insert many new rows in one transaction with one audit entry (imports, demo data).

    Rows keep an `id` they bring (so callers can link rows before inserting); others get one.
    """
    now = utc_now()
    origin = ctx.origin
    prepared = []
    for values in rows:
        row = {k: v for k, v in values.items() if k not in _SYNC_COLUMNS}
        row.update(id=values.get("id") or uuid7(), origin=values.get("origin") or origin, version=1, updated_at=now)
        prepared.append(row)
    with ctx.transaction():
        # Rows may point at each other (replaced_by): check foreign keys at commit, not per row.
        ctx.db.execute("PRAGMA defer_foreign_keys = ON")
        if prepared:
            ctx.db[table].insert_all(prepared, batch_size=500)
        audit.record(ctx, note, table, None, {"rows": len(prepared)})
    return [r["id"] for r in prepared]
