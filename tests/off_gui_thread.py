"""Fixtures that fail a test when the store is touched on the GUI thread outside a TaskRunner
job (issue 23 step 1): `store_off_gui_thread` traces an open connection's statements,
`store_file_off_gui_thread` watches a store being opened, before any connection exists."""

import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest


@pytest.fixture
def store_off_gui_thread(request):
    """`with store_off_gui_thread():` fails the test if a statement reaches the store on the GUI
    thread outside a TaskRunner job while the block runs (the connection's trace callback). In
    the tests jobs run synchronously on the GUI thread, so "inside a job" is what is checked:
    in the app that job runs on the worker, and the window never waits on SQLite.

    The callback is set and cleared between two jobs of the real worker: while a job's statement
    runs, SQLite holds the connection's mutex and the callback waits for Python's lock, so
    setting the callback then from the GUI thread (holding Python's lock, waiting for SQLite's)
    deadlocked the test (seen in a loop of the sign-in tests)."""
    from ui.tasks import _ONE_JOB_AT_A_TIME as between_jobs  # the lock every worker job holds
    from ui.tasks import in_job

    @contextmanager
    def watch(ctx=None):
        """`ctx`: another office's store to watch (the small office, a province built by the
        test); the demo's by default (copied only when asked for)."""
        ctx = ctx or request.getfixturevalue("demo_ctx")
        stray: list[str] = []
        conn = ctx.db.conn

        def trace(sql: str) -> None:
            if threading.current_thread() is threading.main_thread() and not in_job():
                stray.append(sql)

        with between_jobs:
            conn.set_trace_callback(trace)
        try:
            yield stray
        finally:   # a restore under watch replaced (and closed) the connection: clear the current one
            with between_jobs:
                ctx.db.conn.set_trace_callback(None)
        assert stray == [], "read on the GUI thread:\n" + "\n".join(s[:160] for s in stray[:10])

    return watch


_FILE_WATCH: list[tuple[str, list[str], list[str]]] = []   # (path prefix, on the GUI thread, in a job)


def _file_opened(event: str, args: tuple) -> None:
    """The process's audit hook (it cannot be removed, so it does nothing unless a test watches):
    notes every open of a watched store's files, and whether it happened on the GUI thread."""
    if event != "open" or not _FILE_WATCH or not isinstance(args[0], str | bytes | Path):
        return
    from ui.tasks import in_job

    name = str(args[0] if not isinstance(args[0], bytes) else args[0].decode(errors="replace"))
    for prefix, stray, seen in _FILE_WATCH:
        if name.startswith(prefix):
            on_gui = threading.current_thread() is threading.main_thread() and not in_job()
            (stray if on_gui else seen).append(name)


@pytest.fixture
def store_file_off_gui_thread():
    """`with store_file_off_gui_thread(path):` fails the test if the store at `path` (or its key
    salt, its backups beside it) is opened on the GUI thread outside a TaskRunner job while the
    block runs, and if it was not opened at all (a watch that saw nothing proves nothing). For
    opening the store, where no connection exists yet to trace: Python's `open` audit event."""
    if not getattr(sys, "_dlxh_file_watch", False):
        sys.addaudithook(_file_opened)
        sys._dlxh_file_watch = True

    @contextmanager
    def watch(path: Path):
        stray: list[str] = []
        seen: list[str] = []
        entry = (str(path), stray, seen)
        _FILE_WATCH.append(entry)
        try:
            yield seen
        finally:
            _FILE_WATCH.remove(entry)
        assert stray == [], "store file opened on the GUI thread:\n" + "\n".join(stray[:10])
        assert seen, f"the store {path} was not opened at all"

    return watch
