"""test_keyboard_flows.py types into the opinions tests' small office; pages opened under
`store_off_gui_thread` must read the store only inside a TaskRunner job."""

import pytest

from tests.opinions.conftest import office, opinions_office_template  # noqa: F401


@pytest.fixture
def store_off_gui_thread(demo_ctx):
    """`with store_off_gui_thread():` fails the test if a statement reaches the store on the GUI
    thread outside a TaskRunner job while the block runs (the connection's trace callback). In
    the tests jobs run synchronously on the GUI thread, so "inside a job" is what is checked:
    in the app that job runs on the worker, and the window never waits on SQLite."""
    import threading
    from contextlib import contextmanager

    from ui.tasks import in_job

    @contextmanager
    def watch(ctx=None):
        """`ctx`: another office's store to watch (a province built by the test); the demo's by default."""
        stray: list[str] = []
        conn = (ctx or demo_ctx).db.conn

        def trace(sql: str) -> None:
            if threading.current_thread() is threading.main_thread() and not in_job():
                stray.append(sql)

        conn.set_trace_callback(trace)
        try:
            yield stray
        finally:   # a restore under watch replaced (and closed) the connection: clear the current one
            (ctx or demo_ctx).db.conn.set_trace_callback(None)
        assert stray == [], "read on the GUI thread:\n" + "\n".join(s[:160] for s in stray[:10])

    return watch
