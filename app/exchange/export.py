"""Export: this office's rows changed since the last package the peer acknowledged.

Rows are read under BEGIN IMMEDIATE so no write can slip between the snapshot and the
watermark; the next export starts from the watermark of the newest *acknowledged*
package, so an unreceipted package is simply covered again by the next one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import audit, auth, office
from app.context import Ctx
from app.errors import ValidationError
from app.exchange import keys, package, safezip, tables
from app.ids import utc_now
from db import migrate

APP_VERSION = "0.1.0"
_FILE_EXT = {"pdf": "pdf", "docx": "docx", "signed_pdf": "signed.pdf"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    recipient: str
    rows: dict[str, int]
    files: int
    since: str | None


def blob_name(child: str, parent_id: str, row: dict[str, Any], index: int) -> str:
    if child == "report_files" and row.get("kind") in _FILE_EXT:
        return f"{parent_id}.{_FILE_EXT[row['kind']]}"
    return f"{child}.{parent_id}.{index}.bin"


def collect(
    ctx: Ctx, kind: str, since: str | None, include_contacts: bool
) -> tuple[dict[str, list[dict]], dict[str, bytes]]:
    """Rows owned by this office with updated_at > since, their child rows and files."""
    me = ctx.origin
    out: dict[str, list[dict]] = {}
    files: dict[str, bytes] = {}
    bound = since or ""
    for name, table in tables.for_kind(ctx, kind).items():
        rows = [
            dict(r)
            for r in ctx.db.query(
                f"SELECT * FROM [{name}] WHERE origin = ? AND updated_at > ? ORDER BY [{table.pk}]", [me, bound]
            )
        ]
        if not rows:
            continue
        if not include_contacts:
            for col in tables.CONTACT_COLUMNS.get(name, ()):
                for row in rows:
                    row.pop(col, None)
        out[name] = rows
        ids = [r[table.pk] for r in rows]
        for child in table.children:
            child_rows = _children(ctx, child, ids)
            for i, row in enumerate(child_rows):
                for col in child.blob_columns:
                    if isinstance(row.get(col), bytes):
                        fname = blob_name(child.name, row[child.fk], row, i)
                        files[fname] = row[col]
                        row[col] = {"$file": fname}
            if child_rows:
                out[child.name] = child_rows
    deleted = _deletions(ctx, set(tables.for_kind(ctx, kind)), bound)
    if deleted:
        out[tables.DELETED] = deleted
    return out, files


def _children(ctx: Ctx, child: tables.Child, ids: list[Any]) -> list[dict]:
    rows: list[dict] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows += [dict(r) for r in ctx.db.query(f"SELECT * FROM [{child.name}] WHERE [{child.fk}] IN ({marks})", chunk)]
    return rows


def _deletions(ctx: Ctx, names: set[str], bound: str) -> list[dict]:
    """Deletions come from the append-only audit log (each delete's entry is its tombstone).

    A row put back since (undo of a delete) is no longer deleted: its tombstone stays home.
    """
    rows = ctx.db.execute(
        "SELECT table_name, row_id FROM audit_log WHERE action = 'delete' AND ts > ? ORDER BY seq", [bound]
    ).fetchall()
    synced = tables.synced_tables(ctx)
    out = []
    for t, i in rows:
        if t in names and not ctx.db.execute(f"SELECT 1 FROM [{t}] WHERE [{synced[t].pk}] = ?", [i]).fetchone():
            out.append({"table": t, "id": i})
    return out


def last_acked_watermark(ctx: Ctx, recipient: str) -> str | None:
    row = ctx.db.execute(
        "SELECT watermark FROM outbox WHERE recipient = ? AND acked_on IS NOT NULL ORDER BY seq DESC LIMIT 1",
        [recipient],
    ).fetchone()
    return row[0] if row else None


def export_package(
    ctx: Ctx,
    folder: Path,
    *,
    recipient: str | None = None,
    since_date: str | None = None,
    include_contacts: bool = False,
    progress: package.Progress | None = None,
) -> ExportResult:
    """Build, sign, encrypt and atomically write the next package for `recipient`."""
    auth.require(ctx, "export")
    me = office.get_office(ctx)
    kind = "guidance" if me.role == "province" else "data"
    if recipient is None:
        if kind == "guidance":
            raise ValidationError("Cấp tỉnh cần chọn xã, phường nhận gói hướng dẫn.")
        peer = keys.superior(ctx)
    else:
        peer = keys.peer(ctx, recipient)
    own = keys.ensure_keys(ctx)
    with ctx.transaction():
        watermark = utc_now()
        since = f"{since_date}T00:00:00" if since_date else last_acked_watermark(ctx, peer.unit_code)
        row = ctx.db.execute("SELECT max(seq) FROM outbox WHERE recipient = ?", [peer.unit_code]).fetchone()
        prev = row[0] or 0
        data, files = collect(ctx, kind, since, include_contacts)
        if progress:
            progress(1, 4)
        outgoing = package.Outgoing(
            kind=kind,
            sender=me.unit_code,
            recipient=peer.unit_code,
            seq=prev + 1,
            prev_seq=prev,
            tables=data,
            files=files,
            app_version=APP_VERSION,
            schema_version=migrate.current_version(ctx.db.conn),
            since=since,
            extra={"contacts_included": include_contacts, "sender_name": me.name},
            sender_kind=me.kind,
            sender_official_code=me.official_code or "",
        )
        blob = package.build(outgoing, own.secret, peer.age_recipient)
        if progress:
            progress(3, 4)
        name = package.file_name(me.unit_code, peer.unit_code, prev + 1)
        counts = {t: len(r) for t, r in data.items()}
        ctx.db.execute(
            "INSERT INTO outbox (recipient, seq, kind, created_at, watermark, since, file_name, sha256, rows) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                peer.unit_code,
                prev + 1,
                kind,
                outgoing.created_at,
                watermark,
                since or "",
                name,
                hashlib.sha256(blob).hexdigest(),
                json.dumps(counts),
            ],
        )
        audit.record(ctx, "export", "outbox", f"{peer.unit_code}:{prev + 1}", {"rows": counts, "files": len(files)})
        path = safezip.atomic_write(Path(folder) / name, blob)
    if progress:
        progress(4, 4)
    return ExportResult(path, prev + 1, peer.unit_code, counts, len(files), since)
