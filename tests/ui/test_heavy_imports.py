"""No page loads a document or workbook library on the GUI thread while it opens: openpyxl,
python-docx, reportlab, Pillow, pyHanko, pypdf, pypdfium2 and lxml cost 0.2-0.5 s of imports
(the survey page froze for a quarter of a second the first time it opened, importing openpyxl
for an export nobody had asked for; the reports page read its PDF font's character set).
They are imported where the file is written, or the font read, on the worker.

A fresh interpreter opens the demo office's window with the real worker and visits every
page; an import hook notes each of those libraries imported on the main thread."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "docx", "reportlab", "PIL", "pyhanko", "pypdf", "pypdfium2", "lxml")

CHILD = r"""
import importlib.abc, os, sys, threading, traceback
heavy, seen = tuple(sys.argv[2].split(",")), []

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name in heavy and threading.current_thread() is threading.main_thread():
            frames = [f.strip().splitlines()[0] for f in traceback.format_stack()[:-1] if "<frozen" not in f]
            seen.append(name + " <- " + " / ".join(frames[-4:]))
        return None

sys.meta_path.insert(0, Watch())
from app.office import open_ctx
from ui.app import make_app
import ui.main_window
from ui.main_window import MainWindow

ui.main_window.WARM_AFTER_MS = 10**9   # no preload: each page imports its own modules, as one opened at once
app = make_app()
ctx = open_ctx(sys.argv[1])
window = MainWindow(ctx)
window.show()
window.tasks.settle()
for key, _label in window.nav_items:
    window.show_page(key)
    window.tasks.settle()
    app.processEvents()
    for found in seen:
        print(key + ": " + found)
    seen.clear()
window.close()
ctx.close()
print("visited", len(window.nav_items))
"""


def test_no_page_imports_a_document_library_on_the_gui_thread(demo_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, str(demo_path), ",".join(HEAVY)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and lines and lines[-1].startswith("visited"), done.stderr[-2000:]
    assert lines[:-1] == [], "\n".join(lines[:-1])


STARTUP = r"""
import sys
from app.office import open_ctx
from ui.app import make_app
from ui.main_window import MainWindow

app = make_app()
ctx = open_ctx(sys.argv[1])
window = MainWindow(ctx)
window.show()
overview = window.pages["overview"]
while not overview.card_widgets:
    window.tasks.pool.waitForDone(5)
    app.processEvents()
print(" ".join(sorted(name for name in sys.argv[2].split(",") if name in sys.modules)))
window.tasks.settle()
ctx.close()
"""


def test_start_up_imports_only_what_the_window_needs(demo_path: Path) -> None:
    """Until the overview's cards show (passphrase mode): no keyring (55 ms; no key is looked up
    there), no importlib.metadata (27 ms; only the About box reads versions), no document
    library."""
    unwanted = ("keyring", "importlib.metadata", *HEAVY)
    done = subprocess.run([sys.executable, "-c", STARTUP, str(demo_path), ",".join(unwanted)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [], done.stdout


QUICK_CARDS = r"""
import sys
from app import overview
from app.office import open_ctx
import ui.main_window

ctx = open_ctx(sys.argv[1])
overview.build(ctx, slow=False)
before = "numpy" in sys.modules
slow = overview.build(ctx, slow=True)
print(before, "numpy" in sys.modules, len(slow))
ctx.close()
"""


def test_numpy_waits_for_the_topic_model_cards(demo_path: Path) -> None:
    """The window, the store and Tổng quan's quick cards need no numpy (a quarter of start-up's
    imports, 70 ms, which sqlite-utils loaded at import): the new-streams card, built after the
    others are shown, is the first to import it."""
    done = subprocess.run([sys.executable, "-c", QUICK_CARDS, str(demo_path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                                       "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "True", "1"], done.stdout
