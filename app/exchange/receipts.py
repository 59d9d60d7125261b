"""Receipts coming back: a signed receipt marks an outbox package acknowledged, so the
next export starts after it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app import audit, auth, office
from app.context import Ctx
from app.errors import ImportRefused
from app.exchange import identity, keys
from app.exchange.importer import read_file
from app.ids import utc_now
from app.text import vn_date


def import_receipt(ctx: Ctx, path: Path) -> str:
    """Verify and apply a receipt; returns the Vietnamese line to show. Re-import is a no-op."""
    auth.require(ctx, "import")
    data = read_file(Path(path), limit=1024 * 1024)
    me = office.get_office(ctx)
    receipt = identity.open_receipt(data, my_unit=me.unit_code, lookup=keys.lookup(ctx))
    with ctx.transaction():
        row = ctx.db.execute(
            "SELECT sha256, acked_on FROM outbox WHERE recipient = ? AND seq = ?", [receipt.signer, receipt.seq]
        ).fetchone()
        if row is None:
            raise ImportRefused(
                f"Biên nhận nói về gói số {receipt.seq} gửi {receipt.signer}, nhưng đơn vị này chưa gửi gói đó."
            )
        if row[0] != receipt.package_sha256:
            raise ImportRefused(
                f"Biên nhận của {receipt.signer} cho gói số {receipt.seq} không khớp gói đã gửi (mã băm khác): không ghi nhận."
            )
        if row[1]:
            return f"Biên nhận gói số {receipt.seq} đã được ghi nhận ngày {vn_date(date.fromisoformat(row[1][:10]))}; không có gì thay đổi."
        ctx.db.execute(
            "UPDATE outbox SET acked_on = ? WHERE recipient = ? AND seq = ?", [utc_now(), receipt.signer, receipt.seq]
        )
        audit.record(ctx, "receipt", "outbox", f"{receipt.signer}:{receipt.seq}", {"imported_at": receipt.imported_at})
    return f"Đã ghi nhận: {receipt.signer} nhận gói số {receipt.seq} lúc {receipt.imported_at[:16].replace('T', ' ')} (UTC)."
