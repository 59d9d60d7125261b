"""Which tables travel, found from the schema itself rather than a hand-kept list.

A table is synced when it has `origin`, `version` and `updated_at` and a one-column
primary key (every capability's synced table follows DESIGN §3, so new ones travel
without touching this code). A child table (no `origin`, a foreign key with ON DELETE
CASCADE to a synced table, e.g. meeting_attendance) travels with its parent row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.context import Ctx

# This PC's side of the exchange: never exported, never overwritten by an import.
LOCAL_ONLY = {"office_keys", "peers", "outbox", "inbox", "report_arrivals"}
GUIDANCE_TABLES = ("guidance", "topics", "units")
CONTACT_COLUMNS = {"collaborators": ("phone", "email", "zalo")}
DELETED = "_deleted"  # pseudo-table: rows deleted at the origin since the last package


@dataclass(frozen=True)
class Child:
    name: str
    fk: str  # column pointing at the parent's primary key
    columns: tuple[str, ...]
    blob_columns: tuple[str, ...]


@dataclass(frozen=True)
class Synced:
    name: str
    pk: str
    columns: tuple[str, ...]
    children: tuple[Child, ...] = field(default_factory=tuple)


def _columns(ctx: Ctx, table: str) -> list[tuple]:
    return ctx.db.execute(f"PRAGMA table_info([{table}])").fetchall()


_CACHE: dict[tuple[str, int, int], dict[str, Synced]] = {}


def synced_tables(ctx: Ctx) -> dict[str, Synced]:
    """The synced tables of this store's schema as it is now. Read once per schema: the
    schema cookie changes with any CREATE/ALTER/DROP, and a batch of 2,000 monthly packages
    would otherwise read ~40 PRAGMAs per package."""
    cookie = ctx.db.execute("PRAGMA schema_version").fetchone()[0]
    key = (str(ctx.path), id(ctx.db.conn), cookie)
    if key not in _CACHE:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        _CACHE[key] = _read_synced(ctx)
    return _CACHE[key]


def _read_synced(ctx: Ctx) -> dict[str, Synced]:
    names = [
        r[0]
        for r in ctx.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    ]
    synced: dict[str, tuple[str, tuple[str, ...]]] = {}
    plain: list[str] = []
    for name in names:
        if name in LOCAL_ONLY:
            continue
        cols = _columns(ctx, name)
        col_names = {c[1] for c in cols}
        pks = [c[1] for c in cols if c[5]]
        if {"origin", "version", "updated_at"} <= col_names and len(pks) == 1:
            synced[name] = (pks[0], tuple(c[1] for c in cols))
        elif "origin" not in col_names:
            plain.append(name)
    children: dict[str, list[Child]] = {name: [] for name in synced}
    for name in plain:
        for fk in ctx.db.execute(f"PRAGMA foreign_key_list([{name}])").fetchall():
            parent, from_col, to_col, on_delete = fk[2], fk[3], fk[4], fk[6]
            if parent in synced and on_delete == "CASCADE" and (to_col or synced[parent][0]) == synced[parent][0]:
                cols = _columns(ctx, name)
                blobs = tuple(c[1] for c in cols if (c[2] or "").upper() == "BLOB")
                children[parent].append(Child(name, from_col, tuple(c[1] for c in cols), blobs))
                break
    return {name: Synced(name, pk, cols, tuple(children[name])) for name, (pk, cols) in sorted(synced.items())}


def for_kind(ctx: Ctx, kind: str) -> dict[str, Synced]:
    """Tables a package of this kind carries: guidance down, everything else up."""
    tables = synced_tables(ctx)
    if kind == "guidance":
        return {n: t for n, t in tables.items() if n in GUIDANCE_TABLES}
    return {n: t for n, t in tables.items() if n != "guidance"}
