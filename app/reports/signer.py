"""Who signs a new report by default: the name set in the report settings, else the first
active head of office. Kept apart so the survey register and the drafting do not import
each other."""

from __future__ import annotations

from app.context import Ctx
from app.reports.period import setting


def default_signer(ctx: Ctx) -> str:
    name = setting(ctx, "report_signer_name")
    if name:
        return name
    row = ctx.db.execute("SELECT coalesce(full_name, name) FROM users WHERE role = 'head' AND active = 1 "
                         "ORDER BY created_at LIMIT 1").fetchone()
    return row[0] if row else ""
