"""The read-only audit viewer's data: filters and the choices offered in them.

Reading the log is itself a permission ('audit': head and administrator), checked here
so that the viewer page and any other caller get the same answer.
"""

from __future__ import annotations

from app import audit, audit_labels, auth
from app.audit import AuditEntry
from app.context import Ctx


def entries(ctx: Ctx, *, table: str | None = None, user: str | None = None, action: str | None = None,
            limit: int = 2000) -> list[AuditEntry]:
    auth.require(ctx, "audit")
    return audit.entries(ctx, table=table or None, user=user or None, action=action or None, limit=limit)


def choices(ctx: Ctx) -> dict[str, list[str]]:
    """Distinct users, tables and actions present in the log, for the filter boxes."""
    auth.require(ctx, "audit")
    out = {}
    for key, column in (("users", "user"), ("tables", "table_name"), ("actions", "action")):
        rows = ctx.db.execute(f"SELECT DISTINCT {column} FROM audit_log WHERE {column} IS NOT NULL ORDER BY 1")
        out[key] = [r[0] for r in rows]
    return out


def user_label(name: str) -> str:
    return "Hệ thống" if name == "system" else name


def table_label(table: str | None) -> str:
    return audit_labels.table_label(table)


def action_label(action: str) -> str:
    return audit_labels.action_label(action)


def record_text(ctx: Ctx, entry: AuditEntry, cache: dict) -> str:
    """The record an entry is about, by its human name (never a bare UUID)."""
    if not entry.row_id or entry.table_name not in audit_labels.NAME_SQL:
        return ""   # settings, keys…: the detail column says what changed
    return audit_labels.record_name(ctx, entry.table_name, entry.row_id, cache) or "(bản ghi đã xóa)"


def detail_text(ctx: Ctx, entry: AuditEntry, cache: dict, width: int = 300) -> str:
    return audit_labels.detail_text(ctx, entry.detail, cache, width, entry.table_name)
