"""Benchmark: how long the window freezes while each page opens on the large store (200k
items, 200k audit entries), and how long until the page shows its data (issue 23 step 1).

A 10 ms heartbeat QTimer runs on the GUI thread while a page opens with the real worker
(not the tests' synchronous runner); the longest gap between two beats, less the 10 ms
interval, is the longest stall of the event loop (target ≤ 50 ms for every page). The time
to data is from the click until the worker is idle and its results are on screen (target
≤ 300 ms). Each page is opened twice from the overview; the second, warm figure is the one a
clerk feels all day.

Run: python tests/bench/bench_stall.py (DLXH_BENCH_ITEMS to change the size).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bigstore import ITEMS, open_big  # noqa: E402

PAGES = ["overview", "collaborators", "meetings", "opinions", "topics", "surveys", "reports", "exchange",
         "catalog", "settings", "audit"]
BEAT_MS = 10


class Heartbeat:
    """Records the longest gap between beats of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stall_ms(self) -> float:
        return max(0.0, self.longest * 1000 - BEAT_MS)


def _settle(app, window) -> None:
    """Pump events (the heartbeat keeps beating) until the worker is idle and its results are
    in, detail loads started by those results included."""
    window.tasks.settle()


def open_page(app, window, beat: Heartbeat, key: str) -> tuple[float, float]:
    beat.reset()
    start = time.perf_counter()
    window.show_page(key)
    _settle(app, window)
    shown = (time.perf_counter() - start) * 1000
    end = time.perf_counter() + 0.05     # a few more beats: a stall at the very end counts too
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    return beat.stall_ms(), shown


def main() -> None:
    ctx, built = open_big()
    if built is not None:
        print(f"store built: {ITEMS:,} items + {ITEMS:,} audit entries in {built:.0f} s (cached for next runs)")
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    _settle(app, window)
    beat = Heartbeat()
    keys = [k for k, _ in window.nav_items]
    print(f"{'page':<14} {'stall first':>12} {'stall again':>12} {'data first':>11} {'data again':>11}")
    worst = 0.0
    for key in PAGES:
        if key not in keys:
            continue
        first = open_page(app, window, beat, key)
        open_page(app, window, beat, "overview" if key != "overview" else "audit")
        again = open_page(app, window, beat, key)
        worst = max(worst, again[0])
        print(f"{key:<14} {first[0]:>9.0f} ms {again[0]:>9.0f} ms {first[1]:>8.0f} ms {again[1]:>8.0f} ms")
    print(f"longest stall, warm: {worst:.0f} ms (target ≤ 50 ms)")
    ctx.close()


if __name__ == "__main__":
    main()
