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
    "forms_serve": False,                 # "Thu phiếu tại hội nghị": serving forms on the LAN, off until an admin allows
}


LABELS: dict[str, str] = {
    "inactive_days": "Số ngày không phản ánh thì cảnh báo cộng tác viên",
    "absent_meetings": "Số kỳ giao ban vắng liên tiếp thì cảnh báo",
    "warning_window_days": "Cửa sổ cảnh báo sớm (ngày)",
    "warning_baseline_days": "Thời gian tính mức nền (ngày)",
    "warning_factor": "Hệ số vượt mức nền",
    "warning_min_items": "Số ý kiến tối thiểu để cảnh báo",
    "warning_spread_communes": "Số xã có ý kiến bức xúc thì cảnh báo lan rộng",
    "monthly_report_due_day": "Hạn gửi báo cáo tháng (ngày trong tháng)",
    "min_collaborators_per_commune": "Số cộng tác viên tối thiểu mỗi xã",
}

# Allowed ranges for the numeric thresholds edited on the settings page.
RANGES: dict[str, tuple[float, float]] = {
    "inactive_days": (7, 365), "absent_meetings": (1, 12), "warning_window_days": (3, 60),
    "warning_baseline_days": (28, 365), "warning_factor": (1.0, 20.0), "warning_min_items": (1, 100),
    "warning_spread_communes": (1, 50), "monthly_report_due_day": (1, 28), "min_collaborators_per_commune": (0, 20),
}


def put_number(ctx: Ctx, key: str, text: str | float) -> float | int:
    """Validate and store a numeric threshold typed by the user."""
    from app import auth
    from app.errors import ValidationError

    auth.require(ctx, "settings")
    lo, hi = RANGES[key]
    try:
        value = float(str(text).replace(",", "."))
    except ValueError as exc:
        raise ValidationError(f"{LABELS.get(key, key)}: cần nhập một số.", field=key) from exc
    if not lo <= value <= hi:
        raise ValidationError(f"{LABELS.get(key, key)}: phải trong khoảng {lo:g}–{hi:g}.", field=key)
    stored: float | int = value if isinstance(DEFAULTS[key], float) else int(round(value))
    put(ctx, key, stored)
    return stored


def put_flag(ctx: Ctx, key: str, on: bool) -> None:
    """An on/off setting (an administrator's choice, like serving forms on the office network)."""
    from app import auth

    auth.require(ctx, "settings")
    if not isinstance(DEFAULTS.get(key), bool):
        raise KeyError(key)
    put(ctx, key, bool(on))


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
