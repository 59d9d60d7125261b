"""Office settings as JSON values with defaults in code (a missing key is the default)."""

from __future__ import annotations

import json
from typing import Any

from app import audit
from app.context import Ctx

DEFAULTS: dict[str, Any] = {
    "inactive_days": 60,                  # collaborator with no item for this long is flagged
    "absent_meetings": 2,                 # ... or absent from this many meetings in a row
    "warning_window_days": 14,
    "warning_baseline_days": 90,
    "warning_factor": 3.0,
    "warning_min_items": 5,
    "warning_spread_communes": 3,
    "monthly_report_due_day": 20,
    "min_collaborators_per_commune": 1,
    "backup_dir": "",                     # empty: a "backups" folder next to the database
    "backup_keep": 10,                    # newest N backups kept in that folder
    "backup_auto": True,                  # back up on exit and once a day
    "idle_lock_minutes": 10,              # lock the window after this long without input (0: never)
}


def get(ctx: Ctx, key: str) -> Any:
    row = ctx.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row[0])


def put(ctx: Ctx, key: str, value: Any) -> None:
    with ctx.transaction():
        old = get(ctx, key)
        ctx.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )
        audit.record(ctx, "settings", "settings", key, {"old": old, "new": value})
