"""Benchmark: how long the window freezes while each page opens on the large store (200k
items, 200k audit entries), and how long until the page shows its data (issue 23 step 1).

A 10 ms heartbeat QTimer runs on the GUI thread while a page opens with the real worker
(not the tests' synchronous runner); the longest gap between two beats, less the 10 ms
interval, is the longest stall of the event loop (target ≤ 50 ms for every page). The time
to data is from the click until the worker is idle and its results are on screen (target
≤ 300 ms). Each page is opened twice from the overview; the second, warm figure is the one a
clerk feels all day. The first openings start once the window has been idle for its first
1.6 s (its page modules imported and the topic model built on the worker, as before a
clerk's first click); a page opened sooner also pays its modules' imports.

On a shared machine the wall-clock figures grow with the load (the GUI thread waits for a
core), so each stall is also given as the GUI thread's own CPU time between the two beats
(`time.thread_time`), and the time to data as the CPU time of the whole process (GUI thread
plus worker) during the opening: what the page costs on an idle machine, about.

Run: python tests/bench/bench_stall.py [--runs N] (DLXH_BENCH_ITEMS to change the size); with
several runs, each in a fresh interpreter, each figure is the median of the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bigstore import ITEMS, open_big  # noqa: E402

PAGES = ["overview", "collaborators", "meetings", "opinions", "topics", "surveys", "reports", "exchange",
         "catalog", "settings", "audit"]
BEAT_MS = 10


class Heartbeat:
    """Records the longest gap between beats of a 10 ms timer on the GUI thread, in wall time
    and in the GUI thread's CPU time."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.longest = 0.0
        self.longest_cpu = 0.0

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.longest = max(self.longest, now - self.last)
        self.longest_cpu = max(self.longest_cpu, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu

    def stall_ms(self) -> float:
        return max(0.0, self.longest * 1000 - BEAT_MS)

    def stall_cpu_ms(self) -> float:
        """The most CPU the GUI thread spent between two beats (the beat's own work is tiny)."""
        return self.longest_cpu * 1000


def _settle(app, window) -> None:
    """Pump events (the heartbeat keeps beating) until the worker is idle and its results are
    in, detail loads started by those results included."""
    window.tasks.settle()


def _idle_after_start(app, window) -> None:
    """Let the window do what it does in the seconds after start-up, before a clerk's first
    click: its page modules imported and the topic model built on the worker, then its pages
    built one per turn of the event loop (MainWindow.warmed_up)."""
    from ui.main_window import WARM_AFTER_MS

    end = time.perf_counter() + WARM_AFTER_MS / 1000 + 0.1
    while time.perf_counter() < end or not window.warmed_up() and time.perf_counter() < end + 30:
        app.processEvents()
        time.sleep(0.005)
    _settle(app, window)


def open_page(app, window, beat: Heartbeat, key: str) -> tuple[float, float, float, float]:
    """(stall wall, stall GUI CPU, time to data wall, time to data process CPU), in ms."""
    beat.reset()
    start, start_cpu = time.perf_counter(), time.process_time()
    window.show_page(key)
    _settle(app, window)
    shown = (time.perf_counter() - start) * 1000
    shown_cpu = (time.process_time() - start_cpu) * 1000
    end = time.perf_counter() + 0.05     # a few more beats: a stall at the very end counts too
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    return beat.stall_ms(), beat.stall_cpu_ms(), shown, shown_cpu


def one_run(app, window, beat: Heartbeat, keys: list[str]) -> dict[str, tuple[tuple, tuple]]:
    """Each page opened, then the overview (or the audit log), then the page again."""
    figures = {}
    for key in PAGES:
        if key not in keys:
            continue
        first = open_page(app, window, beat, key)
        open_page(app, window, beat, "overview" if key != "overview" else "audit")
        figures[key] = (first, open_page(app, window, beat, key))
    return figures


def measure() -> dict[str, tuple[tuple, tuple]]:
    """One window on the big store, every page opened as described above."""
    ctx, built = open_big()
    if built is not None:
        print(f"store built: {ITEMS:,} items + {ITEMS:,} audit entries in {built:.0f} s (cached for next runs)",
              file=sys.stderr)
    from ui.app import make_app
    from ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    _idle_after_start(app, window)
    beat = Heartbeat()
    figures = one_run(app, window, beat, [k for k, _ in window.nav_items])
    ctx.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1,
                        help="this many runs, each in a fresh interpreter (a first opening is cold); medians")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)   # one run, for the parent
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure()))
        return
    if args.runs == 1:
        results = [measure()]
    else:
        results = [json.loads(subprocess.run([sys.executable, __file__, "--json"], capture_output=True, text=True,
                                             check=True).stdout.splitlines()[-1]) for _ in range(args.runs)]
    print(f"ms, {'median of ' + str(args.runs) + ' runs' if args.runs > 1 else 'one run'}; "
          "first opening (cold) / second opening (warm); wall (CPU)")
    print(f"{'page':<14} {'stall first':>14} {'stall again':>14} {'data first':>15} {'data again':>15}")
    worst = worst_cpu = 0.0
    for key in results[0]:
        med = [[statistics.median(run[key][n][i] for run in results) for i in range(4)] for n in (0, 1)]
        (s1, c1, d1, p1), (s2, c2, d2, p2) = med
        worst, worst_cpu = max(worst, s2), max(worst_cpu, c2)
        print(f"{key:<14} {s1:>6.0f} ({c1:>4.0f}) {s2:>6.0f} ({c2:>4.0f}) {d1:>7.0f} ({p1:>5.0f}) {d2:>7.0f} ({p2:>5.0f})")
    print(f"longest stall, warm: {worst:.0f} ms wall, {worst_cpu:.0f} ms GUI-thread CPU (target ≤ 50 ms)")

if __name__ == "__main__":
    main()
