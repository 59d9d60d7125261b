"""Benchmark: item list and accent-insensitive search over 200k generated items.

Run: /work/venv/bin/python tests/bench/bench_opinions_search.py [--items 200000] [--keep DIR]
Prints the time to build the store, the time to open the list (count + first page, and
the Qt table page when a display platform is available) and search latency (median, p95)
for typical filters. Figures only; no pass/fail.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.demo import build_demo, content  # noqa: E402
from app.ids import utc_now, uuid7  # noqa: E402
from app.opinions import items  # noqa: E402

PASSPHRASE = "bench-passphrase-1"
PAGE = 200


def generate(ctx, n: int, seed: int = 7) -> None:
    """Add n items shaped like the demo's (same sentences, areas, topics) over three years."""
    rng = random.Random(seed)
    communes = [r[0] for r in ctx.db.execute("SELECT code FROM units WHERE level = 'commune'")]
    topic_ids = [r[0] for r in ctx.db.execute("SELECT id FROM topics")] + [None] * 3
    people = [r[0] for r in ctx.db.execute("SELECT id FROM collaborators")]
    statements = [s for t in content.TOPICS for s in t.statements]
    fields = ["economy", "culture_society", "politics", "defense_security", "party_building", "other"]
    tendencies = ["support", "concern", "frustration", "distortion"]
    today, origin, now = date.today(), ctx.origin, utc_now()
    rows = []
    for _ in range(n):
        day = today - timedelta(days=rng.randint(0, 3 * 365))
        rows.append((uuid7(), origin, day.isoformat(), rng.choice(people), rng.choice(communes), rng.choice(fields),
                     rng.choice(topic_ids), f"{rng.choice(content.SUBJECTS)} {rng.choice(statements)}.",
                     rng.choice(tendencies), rng.choice(["low", "medium", "high"]), now))
    with ctx.transaction():
        ctx.db.conn.executemany(
            "INSERT INTO opinions (id, origin, received_on, collaborator_id, area_code, field, topic_id, summary, "
            "tendency, scale, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", rows)
    ctx.db.execute("ANALYZE")


def timed(fn, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--keep", help="directory to keep the generated store in")
    parser.add_argument("--reuse", help="an existing bench.db to measure again (skips building)")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.reuse:
        from app.office import open_ctx

        ctx = open_ctx(Path(args.reuse), passphrase=PASSPHRASE)
        path = Path(args.reuse)
    else:
        folder = Path(args.keep or tempfile.mkdtemp(prefix="dlxh-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "bench.db"
        if path.exists():
            path.unlink()
        ctx, _code, _summary = build_demo(path, passphrase=PASSPHRASE)
        generate(ctx, args.items)
    total = items.count(ctx)
    verb = "opened" if args.reuse else "built"
    print(f"store: {total} items {verb} in {time.perf_counter() - start:.1f} s ({path})")

    month = (date.today().replace(day=1) - timedelta(days=40)).strftime("%Y-%m")
    some_area = ctx.db.execute("SELECT code FROM units WHERE level = 'commune' LIMIT 1").fetchone()[0]
    cases = {
        "open list (count + first page)": items.OpinionFilter(),
        "month filter": items.OpinionFilter(month=month),
        "field + tendency": items.OpinionFilter(field="economy", tendency="frustration"),
        "area + month": items.OpinionFilter(area_code=some_area, month=month),
        "search 'phan bon' (no accents)": items.OpinionFilter(text="phan bon"),
        "search 'bồi thường đất'": items.OpinionFilter(text="bồi thường đất"),
        "search 'khói lò' + month": items.OpinionFilter(text="khói lò", month=month),
        "search 'đơn giá' + field": items.OpinionFilter(text="đơn giá", field="economy"),
        "search rare 'tái định cư'": items.OpinionFilter(text="tái định cư"),
        "search short prefix 'lo'": items.OpinionFilter(text="lo"),
    }
    print(f"{'query':34} {'matches':>8} {'median ms':>10} {'p95 ms':>8}")
    for name, flt in cases.items():
        matches = items.count(ctx, flt)
        med, p95 = timed(lambda flt=flt: (items.count(ctx, flt), items.list_opinions(ctx, flt, limit=PAGE)),
                         args.repeat)
        print(f"{name:34} {matches:8d} {med:10.1f} {p95:8.1f}")
    qt_open(ctx)
    ctx.close()


def qt_open(ctx) -> None:
    """Time to show the opinions page's table with the first page (when the UI is there)."""
    try:
        from PySide6.QtWidgets import QApplication

        from ui.pages.opinions import Page
        from ui.tasks import TaskRunner
    except ImportError as exc:
        print(f"qt list: skipped ({exc})")
        return
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    page = Page(ctx, TaskRunner(synchronous=True))
    page.resize(1280, 800)
    page.show()
    page.refresh()
    app.processEvents()
    print(f"qt list: opinions page built, filled and shown in {(time.perf_counter() - start) * 1000:.0f} ms "
          f"({page.model.rowCount()} of {page.total} rows loaded)")
    samples = []
    for text in ("phan bon", "bồi thường", "khói lò", "tái định cư", "lo"):
        start = time.perf_counter()
        page.search.setText(text)
        page.search.flush()
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    print(f"qt list: search typed in the page, refreshed in median {statistics.median(samples):.0f} ms, "
          f"max {max(samples):.0f} ms")


if __name__ == "__main__":
    main()
