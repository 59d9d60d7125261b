"""A stored value longer than its box shows its start: the meetings page's "Chủ trì" and "Thư
ký" showed "…chí Nguyễn Thanh Sơn, Phó Bí thư…" without "Đồng", since setText leaves the
cursor, and the view, at the end. Real window, real page, the demo store."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_a_long_chair_shows_its_start(qtbot, demo_ctx, app_style):
    window = MainWindow(demo_ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(1280, 660)
    window.show()
    page = window.show_page("meetings")
    for _ in range(3):
        QApplication.processEvents()
    editor = page.editor
    long = [e for e in (editor.chair, editor.secretary, editor.place)
            if e.fontMetrics().horizontalAdvance(e.text()) > e.width()]
    assert long, "the demo's chair and secretary were meant to be longer than their boxes"
    assert [e.text()[:20] for e in long if e.cursorPosition() != 0] == []
    window.close()
