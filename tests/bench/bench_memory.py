"""Benchmark: memory (resident set) of the GUI process: after start-up on the demo office,
and on the large store with the opinion, audit and collaborator lists open.

Measured as a clerk's session is a few seconds after start: the window shown, then its
first seconds idle (the topic model built and every page's module imported on the worker,
ui/preload.py, 1.5 s after the window opens), then the three lists opened. Measuring
sooner missed the preload's share (~5 MiB).

Run: python tests/bench/bench_memory.py [--runs N] (N fresh interpreters per case, the
median given with the range). Each case runs in a fresh interpreter so figures do not mix;
peak RSS comes from getrusage (Linux: KiB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

CHILD = r"""
import resource, sys, time
sys.path.insert(0, sys.argv[3])
from app.office import open_ctx
from ui.app import make_app
from ui.main_window import WARM_AFTER_MS, MainWindow

def rss_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

base = rss_mib()
app = make_app()
ctx = open_ctx(sys.argv[1], passphrase=sys.argv[2])
window = MainWindow(ctx)
window.show()
app.processEvents()
window.tasks.settle()
end = time.perf_counter() + WARM_AFTER_MS / 1000 + 0.1   # the first seconds idle: warm-up, preload
while time.perf_counter() < end or not window.warmed_up() and time.perf_counter() < end + 30:
    app.processEvents()
    time.sleep(0.005)
window.tasks.settle()
app.processEvents()
started = rss_mib()
for key in ("opinions", "audit", "collaborators"):
    window.show_page(key)
    window.tasks.settle()
    app.processEvents()
lists = rss_mib()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{base:.0f} {started:.0f} {lists:.0f} {peak:.0f}")
ctx.close()
"""


def measure(db: Path, passphrase: str) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), passphrase, str(ROOT)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return [float(x) for x in done.stdout.split()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1, help="fresh interpreters per case; medians and ranges")
    runs = parser.parse_args().runs
    from bigstore import ITEMS, PASSPHRASE, ensure

    from app.demo import build_demo

    demo = Path(tempfile.mkdtemp(prefix="dlxh-mem-")) / "demo.db"
    ctx, _code, summary = build_demo(demo, passphrase=PASSPHRASE)
    ctx.close()
    big, built = ensure()
    if built is not None:
        print(f"store built: {ITEMS:,} items in {built:.0f} s (cached for next runs)")
    for label, db in ((f"demo office ({summary.get('opinions', '?')} items)", demo), (f"{ITEMS:,} items", big)):
        figures = list(zip(*(measure(db, PASSPHRASE) for _ in range(runs)), strict=True))
        base, started, lists, peak = (_median(f) for f in figures)
        print(f"memory, {label}: interpreter {base} MiB; main window shown, its first seconds idle {started} MiB; "
              f"with opinion, audit and collaborator lists open {lists} MiB; peak {peak} MiB")


def _median(values: tuple[float, ...]) -> str:
    """'178' for one run, '178 (173–179)' for several: the median and the range."""
    median = f"{statistics.median(values):.0f}"
    return median if len(values) == 1 else f"{median} ({min(values):.0f}–{max(values):.0f})"


if __name__ == "__main__":
    main()
