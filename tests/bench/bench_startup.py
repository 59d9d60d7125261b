"""Benchmark: start-up, from launching the process to the main window shown (offscreen).

Run: python tests/bench/bench_startup.py. Starts a fresh interpreter five times on the demo
office and reports the median; the child also says where its time went (imports, opening
the encrypted store including the key derivation, building and showing the window).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PASSPHRASE = "bench-passphrase-1"
RUNS = 5

CHILD = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from app.office import open_ctx
from ui.app import make_app
from ui.main_window import MainWindow
t1 = time.perf_counter()
app = make_app()
ctx = open_ctx(sys.argv[1])
t2 = time.perf_counter()
window = MainWindow(ctx)
window.show()
app.processEvents()
window.tasks.settle()
app.processEvents()
t3 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f}", flush=True)
ctx.close()
"""


def main() -> None:
    from app.demo import build_demo

    folder = Path(tempfile.mkdtemp(prefix="dlxh-startup-"))
    db = folder / "demo.db"
    ctx, _code, _summary = build_demo(db, passphrase=PASSPHRASE)
    ctx.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DLXH_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    totals, parts = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        line = proc.stdout.readline()  # printed right after the window is shown
        totals.append(time.perf_counter() - start)
        proc.wait()
        parts.append([float(x) for x in line.split()])
    print(f"start-up to main window shown (median of {RUNS}): {statistics.median(totals) * 1000:.0f} ms "
          f"(min {min(totals) * 1000:.0f}, max {max(totals) * 1000:.0f})")
    med = [statistics.median(p[i] for p in parts) * 1000 for i in range(3)]
    print(f"  imports (Qt, app, ui): {med[0]:.0f} ms")
    print(f"  open encrypted store (scrypt key + migrations check): {med[1]:.0f} ms")
    print(f"  build and show main window (overview page): {med[2]:.0f} ms")


if __name__ == "__main__":
    main()
