"""Opening a page reads the store only on the worker (issue 23 step 1): the pages converted
to `tasks.query` are opened, filtered and reloaded under the trace-callback guard, and a write
announced with `tasks.op` reloads the visible page through the one `changed` signal."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.context import User
from app.opinions import items


def test_the_guard_catches_a_read_on_the_gui_thread(store_off_gui_thread, demo_ctx) -> None:
    with pytest.raises(AssertionError, match="read on the GUI thread"), store_off_gui_thread():
        demo_ctx.db.execute("SELECT count(*) FROM opinions").fetchone()


def test_audit_page_reads_on_the_worker(main_window, demo_ctx, store_off_gui_thread) -> None:
    demo_ctx.user = User("quantri", "admin", "Quản trị")
    with store_off_gui_thread():
        page = main_window.show_page("audit")
        page.action.setCurrentIndex(page.action.findData("backup") if page.action.findData("backup") > 0 else 1)
        page.action.setCurrentIndex(0)
    assert page.model.rowCount() > 300 and page.table.count() > 3


def test_an_op_reloads_the_visible_page(main_window, demo_ctx) -> None:
    demo_ctx.user = User("quantri", "admin", "Quản trị")
    page = main_window.show_page("audit")
    newest = max(page.model.row_at(r).entry.seq for r in range(page.model.rowCount()))
    first = items.get(demo_ctx, items.list_opinions(demo_ctx, limit=1)[0].id)
    first = replace(first, summary=first.summary + " (bổ sung)")
    main_window.tasks.op(lambda: items.update(demo_ctx, first), tables={"opinions"})
    latest = max((page.model.row_at(r).entry for r in range(page.model.rowCount())), key=lambda e: e.seq)
    assert latest.seq > newest and latest.row_id == first.id   # shown without anyone calling refresh()
