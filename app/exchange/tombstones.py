"""Deletions that travel in a package (`_deleted` rows: table and id), applied at import.

Contract: a tombstone removes a row only when the row's origin is the sender (a forged
tombstone from another office removes nothing), and only when the app's own delete would
allow it (app/deletion.py `why_kept`): what the sender's DLXH refuses to delete — a report
already sent, an item already forwarded, a collaborator with history — a package cannot
delete here either. Such a package is refused whole (ImportRefused, nothing written): a
genuine DLXH never writes one, so it is a tampered or broken sender.
"""

from __future__ import annotations

from typing import Any

from app import deletion
from app.context import Ctx
from app.errors import ImportRefused
from app.exchange import tables


def apply(ctx: Ctx, deletions: list[dict[str, Any]], local: dict[str, tables.Synced], sender: str) -> int:
    """Delete the rows the tombstones name, inside the caller's transaction; how many went."""
    removed = 0
    for item in deletions:
        table = local.get(str(item.get("table")))
        if table is None:
            continue
        _check(ctx, table, item.get("id"), sender)
        cur = ctx.db.execute(f"DELETE FROM [{table.name}] WHERE [{table.pk}] = ? AND origin = ?",
                             [item.get("id"), sender])
        removed += cur.rowcount
    return removed


def _check(ctx: Ctx, table: tables.Synced, row_id: Any, sender: str) -> None:
    cur = ctx.db.execute(f"SELECT * FROM [{table.name}] WHERE [{table.pk}] = ? AND origin = ?", [row_id, sender])
    values = cur.fetchone()
    if values is None:
        return
    row = dict(zip([d[0] for d in cur.description], values, strict=True))
    reason = deletion.why_kept(ctx, table.name, row)
    if reason:
        raise ImportRefused(f"Gói của {sender} xóa {deletion.KINDS.get(table.name, table.name)} mà chính DLXH "
                            f"không cho xóa ({reason.rstrip('.')}): không nhập gói; hãy báo đơn vị gửi kiểm tra.")
