"""The large store the list, search and memory benchmarks share: the demo district plus
DLXH_BENCH_ITEMS generated opinion items (default 200,000) and as many audit entries.

Built once and cached in the temp folder (keyed by size and schema), since building takes
longer than what is measured. Not a benchmark itself (no `bench_` prefix).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.ids import utc_now  # noqa: E402
from app.office import open_ctx  # noqa: E402
from db.migrate import available  # noqa: E402

PASSPHRASE = "bench-passphrase-1"
ITEMS = int(os.environ.get("DLXH_BENCH_ITEMS", "200000"))


def _key() -> str:
    schema = hashlib.sha256("".join(m.sql for m in available()).encode()).hexdigest()[:10]
    return f"{ITEMS}-{schema}"


def path() -> Path:
    return Path(tempfile.gettempdir()) / f"dlxh-bench-{_key()}" / "big.db"


def ensure() -> tuple[Path, float | None]:
    """The cached store's path, and its build time in seconds when it was built now."""
    target = path()
    if target.exists():
        return target, None
    from app.demo import build_demo

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_opinions_search import generate  # the opinions engineer's generator, shared

    start = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name("building.db")
    for stale in part.parent.glob("building.db*"):
        stale.unlink()
    ctx, _code, _summary = build_demo(part, passphrase=PASSPHRASE)
    generate(ctx, ITEMS)
    _audit(ctx, ITEMS)
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.close()
    part.rename(target)
    return target, time.perf_counter() - start


def _audit(ctx, n: int) -> None:
    """A log as a busy office accumulates it over years: creates and edits by five users."""
    rng = random.Random(3)
    people = ["system", "lan", "minh", "hoa", "truongban"]
    tables = ["opinions", "collaborators", "meetings", "topics", "reports"]
    ids = [r[0] for r in ctx.db.execute("SELECT id FROM opinions LIMIT 5000")]
    now = utc_now()
    rows = [(now, rng.choice(people), rng.choice(["create", "update", "update", "login"]), rng.choice(tables),
             rng.choice(ids), json.dumps({"handling": ["new", "verifying"]})) for _ in range(n)]
    with ctx.transaction():
        ctx.db.conn.executemany(
            "INSERT INTO audit_log (ts, user, action, table_name, row_id, detail) VALUES (?, ?, ?, ?, ?, ?)", rows)


def open_big():
    target, built = ensure()
    return open_ctx(target, passphrase=PASSPHRASE), built
