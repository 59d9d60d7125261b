"""`dlxh info`: what is in the store, as `name: value` lines."""

from __future__ import annotations

from app.context import Ctx
from app.office import area_level, get_office
from db.migrate import current_version, latest_version
from db.store import is_encrypted

COUNTED = [
    ("units", "units"),
    ("collaborators", "collaborators"),
    ("collaborators_active", "collaborators WHERE status = 'active'"),
    ("meetings", "meetings"),
    ("topics", "topics"),
    ("opinions", "opinions"),
    ("reports", "reports"),
    ("users", "users"),
    ("audit_entries", "audit_log"),
]


def info_lines(ctx: Ctx) -> list[tuple[str, str]]:
    office = get_office(ctx)
    lines = [
        ("office", f"{office.name} ({office.unit_code})"),
        ("role", "province" if office.role == "province" else "lower"),   # DESIGN §4: lower | province
        ("kind", office.kind),
        ("official_code", office.official_code or ""),
        ("schema_version", str(current_version(ctx.db.conn))),
        ("schema_latest", str(latest_version())),
        ("encrypted", "yes" if is_encrypted(ctx.path) else "no"),
        ("cipher", ctx.db.execute("PRAGMA cipher_version").fetchone()[0]),
    ]
    counted = COUNTED[:1] + [("areas", f"units WHERE level = '{area_level(ctx)}'")] + COUNTED[1:]
    for name, source in counted:
        lines.append((name, str(ctx.db.execute(f"SELECT count(*) FROM {source}").fetchone()[0])))
    return lines
