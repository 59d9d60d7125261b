"""A bulk edit through app/ in one transaction, for the kill -9 harness: N opinion items
created with app.records (each with its audit row), then every item of the month re-marked.

Run as `python -m tests.crash.bulk_edit DB N`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app import records
from app.office import open_ctx

MARK = "Hàng loạt"


def main(path: str, n: int) -> None:
    ctx = open_ctx(Path(path))
    area = ctx.db.execute("SELECT code FROM units WHERE level = 'commune' LIMIT 1").fetchone()[0]
    with ctx.transaction():
        for i in range(n):
            records.insert(ctx, "opinions", {
                "received_on": "2026-01-15", "channel": "direct", "area_code": area, "field": "economy",
                "summary": f"{MARK}: người dân quan tâm giá điện lần {i}", "tendency": "concern",
                "scale": "low", "hotspot_risk": "none", "handling": "new"})
        ids = [r[0] for r in ctx.db.execute("SELECT id FROM opinions WHERE summary LIKE ?", [f"{MARK}%"])]
        for row_id in ids:
            records.update(ctx, "opinions", row_id, {"handling": "verifying"})
    ctx.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
