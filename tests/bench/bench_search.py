"""Benchmark: search latency on the large store (200k items, 200k audit entries) through the
app functions the pages call: opinion full-text search (accents optional, đ folded), the
audit viewer's filters, and the accent-insensitive collaborator search.

Run: python tests/bench/bench_search.py. Median and 95th percentile of 25 runs each.
(bench_opinions_search.py has the opinion filters in more detail.)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bigstore import ITEMS, open_big  # noqa: E402

REPEAT = 25


def timed(fn) -> tuple[float, float, int]:
    samples, found = [], 0
    for _ in range(REPEAT):
        start = time.perf_counter()
        found = len(fn())
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))], found


def main() -> None:
    ctx, built = open_big()
    if built is not None:
        print(f"store built: {ITEMS:,} items + {ITEMS:,} audit entries in {built:.0f} s (cached for next runs)")
    from app import audit_view
    from app.collaborators.registry import CollaboratorFilter, list_collaborators
    from app.opinions.items import OpinionFilter, list_opinions

    cases = {
        "opinions 'boi thuong' (typed without accents)": lambda: list_opinions(
            ctx, OpinionFilter(text="boi thuong"), limit=200),
        "opinions 'tái định cư'": lambda: list_opinions(ctx, OpinionFilter(text="tái định cư"), limit=200),
        "opinions 'giá' + field economy": lambda: list_opinions(ctx, OpinionFilter(text="giá", field="economy"),
                                                                limit=200),
        "opinions, word found nowhere": lambda: list_opinions(ctx, OpinionFilter(text="khongcotu"), limit=200),
        "audit viewer, no filter (newest 2,000)": lambda: audit_view.entries(ctx),
        "audit viewer, one user": lambda: audit_view.entries(ctx, user="minh"),
        "audit viewer, user + table + action": lambda: audit_view.entries(ctx, user="hoa", table="meetings",
                                                                          action="update"),
        "collaborators 'nguyen' (no accents)": lambda: list_collaborators(ctx, CollaboratorFilter(text="nguyen")),
    }
    print(f"store: {ITEMS:,} opinion items, {ITEMS:,} audit entries")
    for name, fn in cases.items():
        med, p95, found = timed(fn)
        print(f"search {name}: median {med:.1f} ms, p95 {p95:.1f} ms ({found:,} rows returned)")
    ctx.close()


if __name__ == "__main__":
    main()
