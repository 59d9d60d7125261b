"""The GUI process keeps the source text of a few files, not of every module Qt's import hook
read (ui/source_cache.py: 10 MiB of the interpreter's heap at 200,000 items), and tracebacks
still quote their source lines.

A fresh interpreter imports the window's modules as the program does, then formats a
traceback from a module imported early."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import linecache, traceback
import ui.main_window, ui.pages.opinions, ui.pages.surveys
from ui.source_cache import KEEP
from app.errors import os_reason
kept = len(linecache.cache)
try:
    os_reason(None)
except Exception:
    text = traceback.format_exc()
print(kept, KEEP)
print(text)
"""


def test_module_sources_are_not_all_kept_and_tracebacks_still_quote_lines() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    first, *rest = done.stdout.splitlines()
    kept, keep = first.split()
    assert int(kept) <= int(keep) < 50, first
    frames = "\n".join(rest)
    assert 'File "' in frames and "errors.py" in frames, frames
    # each frame quotes its line, read from the file again
    quoted = [line for line in rest if line.startswith("    ") and not line.startswith("    ^")]
    assert quoted, frames
