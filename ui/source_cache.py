"""The GUI process keeps the source text of a few files only, not of every module.

Contract: `keep_few_sources()` bounds Python's line cache (`linecache`, used by tracebacks and
warnings to quote a source line) to the KEEP files read last; an older file is read again if
asked. Tracebacks quote their lines as before. Idempotent.

Why: PySide6's import hook (shiboken's check whether a module uses a PySide feature) reads the
source of every Python module imported after Qt with `inspect.getsource`, and the line cache
kept it all: about 200 files, 120,000 lines, 10 MiB of the interpreter's heap, for as long as
the window ran (bench_memory at 200,000 items: 181-188 MiB with the lists open, 172-178 without
the copies). Clearing the cache later freed nothing measurable: the freed lines stay in the
interpreter's arenas among the modules' objects, so the text must not pile up. Bounded rather
than empty: linecache reads an entry back right after storing it (a lazily loaded source, as
in the PyInstaller bundle, whose modules are not files).
"""

from __future__ import annotations

import linecache

KEEP = 16


class _Recent(dict):
    """linecache's dict, holding only the KEEP entries stored last."""

    def __setitem__(self, key: object, value: object) -> None:
        self.pop(key, None)
        super().__setitem__(key, value)
        while len(self) > KEEP:
            del self[next(iter(self))]


def keep_few_sources() -> None:
    if not isinstance(linecache.cache, _Recent):
        linecache.cache = _Recent(linecache.cache)
        while len(linecache.cache) > KEEP:
            del linecache.cache[next(iter(linecache.cache))]
