"""Benchmark: opening each list page of the main window on the large store (200k items,
200k audit entries): from the click in the navigation to the page filled and painted.

Run: python tests/bench/bench_list.py (DLXH_BENCH_ITEMS to change the size).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bigstore import ITEMS, open_big  # noqa: E402

PAGES = ["overview", "collaborators", "meetings", "opinions", "topics", "reports", "audit"]


def main() -> None:
    ctx, built = open_big()
    if built is not None:
        print(f"store built: {ITEMS:,} items + {ITEMS:,} audit entries in {built:.0f} s (cached for next runs)")
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    start = time.perf_counter()
    window = MainWindow(ctx)
    window.resize(1366, 820)
    window.show()
    app.processEvents()
    window.tasks.settle()
    app.processEvents()
    print(f"main window with overview on {ITEMS:,} items: {(time.perf_counter() - start) * 1000:.0f} ms")
    keys = [k for k, _ in window.nav_items]
    for key in PAGES:
        if key not in keys:
            continue
        start = time.perf_counter()
        page = window.show_page(key)
        window.tasks.settle()
        app.processEvents()
        page.repaint()
        first = (time.perf_counter() - start) * 1000
        window.show_page("overview")
        window.tasks.settle()
        app.processEvents()
        start = time.perf_counter()
        window.show_page(key)
        window.tasks.settle()
        app.processEvents()
        again = (time.perf_counter() - start) * 1000
        model = getattr(page, "model", None)
        shown = f", {model.rowCount():,} rows in the table" if model is not None else ""
        print(f"open list '{key}': {first:.0f} ms first time, {again:.0f} ms again{shown}")
    ctx.close()


if __name__ == "__main__":
    main()
