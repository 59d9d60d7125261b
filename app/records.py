"""Writes to synced tables: id, origin, version and updated_at are set here, once, so no
capability can forget them. Each write is audited here too, except `insert_rows`: it is the
bulk path of survey responses and answers, whose caller audits the whole batch (one entry
per file or per form) instead of one entry per row."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, fields
from typing import Any, TypeVar

from app import audit, validate
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


def insert(ctx: Ctx, table: str, values: dict[str, Any], *, pk: str = "id", action: str = "create",
           version: int = 1) -> str:
    """Insert a new row owned by this office; returns its key (a new UUIDv7 id unless given).

    `version` above 1 only for a row put back after a delete (undo): it continues its history.
    """
    row = {k: v for k, v in values.items() if k not in _SYNC_COLUMNS or k == pk}
    row_id = values.get(pk) or uuid7()
    row.update({pk: row_id, "origin": ctx.origin or values.get("origin") or "", "version": version,
                "updated_at": utc_now()})
    validate.storable(row)
    with ctx.transaction():
        ctx.db[table].insert(row)
        audit.record(ctx, action, table, row_id, audit.snapshot(row))
    return row_id


def get(ctx: Ctx, table: str, row_id: Any, *, pk: str = "id") -> dict[str, Any]:
    rows = list(ctx.db.query(f"SELECT * FROM [{table}] WHERE [{pk}] = ?", [row_id]))
    if not rows:
        raise NotFoundError("Không tìm thấy bản ghi (có thể đã bị xóa).")
    return rows[0]


def update(ctx: Ctx, table: str, row_id: Any, changes: dict[str, Any], *, action: str = "update",
           pk: str = "id", own_only: bool = True) -> dict[str, Any]:
    """Apply changes to a row this office owns; version +1; the diff goes to the audit log.

    `own_only=False` lets this office adopt a catalogue row another office wrote (a unit it
    renames becomes its own), which is how a rename reaches the province.
    """
    changes = {k: v for k, v in changes.items() if k not in _SYNC_COLUMNS and k != pk}
    validate.storable(changes)
    with ctx.transaction():
        before = get(ctx, table, row_id, pk=pk)
        if own_only and before.get("origin") and ctx.origin and before["origin"] != ctx.origin:
            raise PermissionDenied("Bản ghi thuộc đơn vị khác; chỉ đơn vị tạo ra mới được sửa.")
        if not any(before.get(k) != v for k, v in changes.items()):
            return before
        bumped = {**changes, "version": before["version"] + 1, "updated_at": utc_now()}
        if not own_only and ctx.origin:
            bumped["origin"] = ctx.origin
        ctx.db[table].update(row_id, bumped)
        audit.record(ctx, action, table, row_id, audit.diff(before, changes))
        return {**before, **bumped}


def upsert(ctx: Ctx, table: str, values: dict[str, Any], *, pk: str = "code") -> dict[str, Any]:
    """Insert or change a row keyed by a natural key (units: `code`), versioned and audited."""
    key = values[pk]
    with ctx.transaction():
        if ctx.db.execute(f"SELECT 1 FROM [{table}] WHERE [{pk}] = ?", [key]).fetchone() is None:
            insert(ctx, table, values, pk=pk)
            return get(ctx, table, key, pk=pk)
        return update(ctx, table, key, values, pk=pk, own_only=False)


def touch(ctx: Ctx, table: str, row_id: Any, action: str, detail: dict[str, Any], *, pk: str = "id") -> None:
    """A change to a row's children (attendance, answers): version +1 so they travel with it."""
    with ctx.transaction():
        cur = ctx.db.execute(f"UPDATE [{table}] SET version = version + 1, updated_at = ? WHERE [{pk}] = ?",
                             [utc_now(), row_id])
        if cur.rowcount != 1:
            raise NotFoundError("Không tìm thấy bản ghi (có thể đã bị xóa).")
        audit.record(ctx, action, table, row_id, detail)


def delete(ctx: Ctx, table: str, row_id: Any, *, pk: str = "id") -> None:
    """Remove a row; the audit entry is also the tombstone the next package carries."""
    with ctx.transaction():
        before = get(ctx, table, row_id, pk=pk)
        ctx.db.execute(f"DELETE FROM [{table}] WHERE [{pk}] = ?", [row_id])
        audit.record(ctx, "delete", table, row_id, audit.snapshot(before))


def delete_where(ctx: Ctx, table: str, column: str, value: Any) -> int:
    """Remove every row of a synced table whose column equals value, one tombstone each."""
    with ctx.transaction():
        ids = [r[0] for r in ctx.db.execute(f"SELECT id FROM [{table}] WHERE [{column}] = ?", [value]).fetchall()]
        ctx.db.execute(f"DELETE FROM [{table}] WHERE [{column}] = ?", [value])
        now = utc_now()
        ctx.db.conn.executemany(
            "INSERT INTO audit_log (ts, user, action, table_name, row_id, detail) VALUES (?, ?, 'delete', ?, ?, NULL)",
            [(now, ctx.user.name, table, i) for i in ids],
        )
    return len(ids)


def insert_rows(ctx: Ctx, table: str, rows: list[dict[str, Any]]) -> list[str]:
    """Many new rows of one shape through a plain executemany (sqlite-utils' per-call
    introspection made a 5 000-form import 3x slower); the caller audits the batch."""
    if not rows:
        return []
    ids = [r.get("id") or uuid7() for r in rows]
    cols = [c for c in rows[0] if c not in _SYNC_COLUMNS]
    insert_values(ctx, table, cols, ((i, *[r[c] for c in cols]) for i, r in zip(ids, rows, strict=True)))
    return ids


def insert_values(ctx: Ctx, table: str, columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """Many new rows given as (id, *values of `columns`) tuples, streamed to one executemany with
    origin, version 1 and updated_at set here: no dict per row and no copy of the rows, for the
    imports that write millions (the caller audits the batch)."""
    tail = (ctx.origin, 1, utc_now())
    names = ["id", *columns, "origin", "version", "updated_at"]
    sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in names)}) VALUES ({', '.join('?' * len(names))})"
    with ctx.transaction():
        ctx.db.conn.executemany(sql, (row + tail for row in rows))


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
