"""Benchmark: memory (resident set) of the GUI process: after start-up on the demo office,
and on the large store with the opinion list and the audit log open.

Run: python tests/bench/bench_memory.py. Each case runs in a fresh interpreter so figures
do not mix; peak RSS comes from getrusage (Linux: KiB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

CHILD = r"""
import resource, sys
sys.path.insert(0, sys.argv[3])
from app.office import open_ctx
from ui.app import make_app
from ui.main_window import MainWindow

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
    from bigstore import ITEMS, PASSPHRASE, ensure

    from app.demo import build_demo

    demo = Path(tempfile.mkdtemp(prefix="dlxh-mem-")) / "demo.db"
    ctx, _code, summary = build_demo(demo, passphrase=PASSPHRASE)
    ctx.close()
    big, built = ensure()
    if built is not None:
        print(f"store built: {ITEMS:,} items in {built:.0f} s (cached for next runs)")
    for label, db in ((f"demo office ({summary.get('opinions', '?')} items)", demo), (f"{ITEMS:,} items", big)):
        base, started, lists, peak = measure(db, PASSPHRASE)
        print(f"memory, {label}: interpreter {base:.0f} MiB; main window shown {started:.0f} MiB; "
              f"with opinion, audit and collaborator lists open {lists:.0f} MiB; peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
