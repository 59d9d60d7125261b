"""Drafts of the fast entry form, kept in the local `entry_drafts` table (not synced).

The form saves its fields here shortly after each change, so a crash or a power cut loses
at most the last keystrokes; the draft is restored when the form opens again and cleared
when the item is saved.
"""

from __future__ import annotations

import json
from typing import Any

from app.context import Ctx
from app.ids import utc_now


def save(ctx: Ctx, key: str, fields: dict[str, Any]) -> None:
    with ctx.transaction():
        ctx.db.execute("INSERT INTO entry_drafts (key, body, saved_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
                       "SET body = excluded.body, saved_at = excluded.saved_at",
                       [key, json.dumps(fields, ensure_ascii=False), utc_now()])


def load(ctx: Ctx, key: str) -> dict[str, Any] | None:
    row = ctx.db.execute("SELECT body FROM entry_drafts WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def clear(ctx: Ctx, key: str) -> None:
    with ctx.transaction():
        ctx.db.execute("DELETE FROM entry_drafts WHERE key = ?", [key])
