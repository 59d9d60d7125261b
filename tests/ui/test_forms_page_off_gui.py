"""The "Phiếu điện tử" page reads the store only on the worker: opened, switched between its
tabs and reloaded under the trace-callback guard of tests/off_gui_thread.py."""

from __future__ import annotations


def test_forms_page_reads_on_the_worker(main_window, store_off_gui_thread) -> None:
    with store_off_gui_thread():
        page = main_window.show_page("forms")
        for tab in range(page.tabs.count()):
            page.tabs.setCurrentIndex(tab)
        page.refresh()
    assert page.inbox_model.rowCount() == 6 and page.survey.count() == 1
