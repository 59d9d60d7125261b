"""Per-collaborator tokens of personal forms: issued with each form, kept only as SHA-256,
revocable.

The token rides inside the sealed payload, so only this office sees who sent a report; the
store holds its hash, so neither the database nor a backup can mint a form. A token stops
working when revoked (a form went astray) or when its collaborator is no longer active.
"""

from __future__ import annotations

import hashlib
import secrets

from app import audit, auth
from app.context import Ctx
from app.errors import ImportRefused
from app.ids import utc_now


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def issue(ctx: Ctx, collaborator_id: str) -> str:
    """A new token for one collaborator's form (earlier forms keep working until revoked)."""
    token = secrets.token_hex(32)
    ctx.db.execute("INSERT INTO form_tokens (token_sha256, collaborator_id, issued_at) VALUES (?, ?, ?)",
                   [digest(token), collaborator_id, utc_now()])
    return token


def revoke(ctx: Ctx, collaborator_id: str) -> int:
    """Revoke every form issued to a collaborator; returns how many were still valid."""
    auth.require(ctx, "keys")
    with ctx.transaction():
        n = ctx.db.execute("UPDATE form_tokens SET revoked_at = ? WHERE collaborator_id = ? AND revoked_at IS NULL",
                           [utc_now(), collaborator_id]).rowcount
        audit.record(ctx, "revoke_forms", "collaborators", collaborator_id, {"forms": n})
    return n


def collaborator_of(ctx: Ctx, token: str) -> str:
    """The active collaborator a token was issued to, or ImportRefused saying why not."""
    row = ctx.db.execute("SELECT t.collaborator_id, t.revoked_at, c.status FROM form_tokens t "
                         "LEFT JOIN collaborators c ON c.id = t.collaborator_id WHERE t.token_sha256 = ?",
                         [digest(token)]).fetchone()
    if row is None:
        raise ImportRefused("Phiếu báo cáo không do đơn vị này phát cho cộng tác viên nào: không nhập.")
    if row[1] is not None:
        raise ImportRefused("Phiếu báo cáo này đã bị thu hồi (mã của cộng tác viên đã hủy): không nhập.")
    if row[2] != "active":
        raise ImportRefused("Cộng tác viên gửi phiếu này không còn hoạt động: phiếu không được nhập.")
    return row[0]
