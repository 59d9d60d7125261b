"""Benchmark: start-up, from launching the process to the main window shown (offscreen).

Run: python tests/bench/bench_startup.py. Starts a fresh interpreter five times on the demo
office and reports the median; the child also says where its time went (imports, opening
the encrypted store including the key derivation, on the worker as ui.app does, building and showing the window until the
overview's cards are on screen) and how much later the card that waits for the topic model
(new opinion streams) joins them.
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
import resource, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from PySide6.QtWidgets import QApplication
from app.office import get_office
from ui.app import make_app, open_on_worker
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
t1, c1 = time.perf_counter(), time.process_time()
app = make_app()
tasks = TaskRunner(app)   # as ui.app.run: the store is opened on the session's worker
ctx = open_on_worker(tasks, sys.argv[1])
office = tasks.call(lambda: get_office(ctx))
t2, c2 = time.perf_counter(), time.process_time()
window = MainWindow(ctx, office=office)
window.show()
app.processEvents()
overview = window.pages["overview"]
while not overview.card_widgets:
    window.tasks.pool.waitForDone(5)
    app.processEvents()
t3, c3 = time.perf_counter(), time.process_time()
used = resource.getrusage(resource.RUSAGE_SELF)   # from the launch, interpreter start included
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {c1 - c0:.3f} {c2 - c1:.3f} {c3 - c2:.3f} "
      f"{used.ru_utime + used.ru_stime:.3f}", flush=True)
window.tasks.settle()
app.processEvents()
print(f"{time.perf_counter() - t3:.3f} {time.process_time() - c3:.3f}", flush=True)
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
        line = proc.stdout.readline()  # printed right after the window shows the overview's cards
        totals.append(time.perf_counter() - start)
        slow = proc.stdout.readline()  # then the cards that wait for the topic model
        proc.wait()
        parts.append([float(x) for x in (line + slow).split()])
    cpu = [p[6] for p in parts]
    print(f"start-up to main window shown (median of {RUNS}): {statistics.median(totals) * 1000:.0f} ms "
          f"(min {min(totals) * 1000:.0f}, max {max(totals) * 1000:.0f}); CPU of the process "
          f"{statistics.median(cpu) * 1000:.0f} ms from launch (about what an idle machine would take)")
    med = [statistics.median(p[i] for p in parts) * 1000 for i in range(9)]
    print(f"  imports (Qt, app, ui): {med[0]:.0f} ms (CPU {med[3]:.0f})")
    print(f"  open encrypted store (scrypt key + migrations check): {med[1]:.0f} ms (CPU {med[4]:.0f})")
    print(f"  build and show main window with the overview's cards: {med[2]:.0f} ms (CPU {med[5]:.0f})")
    print(f"  then the new-streams card (topic model built on the worker): +{med[7]:.0f} ms (CPU {med[8]:.0f})")

if __name__ == "__main__":
    main()
