"""The page modules are imported on the worker once the window is up, then the pages are
built one per turn of the event loop while the window is idle, so a page's first opening only
shows it (ui/preload.py, MainWindow._build_idle): importing them cost the GUI thread 10-136 ms
at the first click (opinions 136 with numpy, surveys 100, exchange 74), building and polishing
the opinions and reports pages 40-60 ms more.

A fresh interpreter opens the demo office's window with the real worker and waits, without
opening any page, until the window has been idle past its preload; an import hook notes each
page module imported and on which thread, and which costly libraries the preload brought in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import importlib.abc, sys, threading, time
on_gui = []

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.startswith("ui.pages.") and threading.current_thread() is threading.main_thread():
            on_gui.append(name)
        return None

sys.meta_path.insert(0, Watch())
from app.office import open_ctx
from ui.app import make_app
from ui.main_window import WARM_AFTER_MS, MainWindow

app = make_app()
ctx = open_ctx(sys.argv[1])
window = MainWindow(ctx)
window.show()
end = time.monotonic() + WARM_AFTER_MS / 1000 + 0.2
while time.monotonic() < end or not window.warmed_up() and time.monotonic() < end + 60:
    app.processEvents()
    time.sleep(0.01)
window.tasks.settle()
missing = [key for key, _ in window.nav_items if window._page_module(key) not in sys.modules]
print("missing:", " ".join(missing))
print("not built:", " ".join(key for key, _ in window.nav_items if key not in window.pages))
from app.reports import glyphs
print("font's characters read:", glyphs._covered.cache_info().currsize == 1)
print("on the GUI thread:", " ".join(sorted(on_gui)))
print("loaded:", " ".join(name for name in ("cryptography", "pyrage", "ssl", "http.server", "PySide6.QtPrintSupport") if name in sys.modules))
window.close()
ctx.close()
"""


def test_page_modules_are_imported_on_the_worker_before_a_first_opening(demo_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line.strip() for line in done.stdout.splitlines()]
    assert "missing:" in lines, done.stdout          # every page's module is loaded
    assert "not built:" in lines, done.stdout        # then every page built while the window was idle
    assert "font's characters read: True" in lines, done.stdout   # the reports page's warm_up ran
    # Only the page the window opens with (and the base every page shares) is imported there.
    assert "on the GUI thread: ui.pages.base ui.pages.overview ui.pages.overview_chart" in lines, done.stdout
    # Preloading costs little memory: the exchange's and the forms' OpenSSL, age and HTTP server
    # (23 MiB together) load when a package, a card or a form is handled, Qt's print support
    # when something is printed, not with the pages.
    assert "loaded:" in lines, done.stdout
