"""The meetings page at 1280×720 shows its text whole or from its start. A stored value longer
than its box shows its start: "Chủ trì" and "Thư ký" showed "…chí Nguyễn Thanh Sơn, Phó Bí
thư…" without "Đồng", since setText leaves the cursor, and the view, at the end (the same
helper, ui.widgets.show_text, fills the other pages' stored names). The meeting's items show
their labels whole. Real window, real page, the demo store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.columns import header_metrics
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _meetings_tab(qtbot, ctx, index: int):
    """The main window at 1280×720 (less a title bar and a taskbar) on the meetings page, its
    detail's tab `index` open."""
    window = MainWindow(ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(1280, 660)
    window.show()
    page = window.show_page("meetings")
    page.tabs.setCurrentIndex(index)
    for _ in range(3):
        QApplication.processEvents()
    return window, page


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


def test_a_meetings_items_show_their_labels_whole(qtbot, demo_ctx, app_style):
    """The meeting's "Thông tin dư luận" tab at 1280 px: every header whole, field and tendency
    whole (the short labels offices write, whole in the tooltip), the summary with a fair share
    of the width, every column in view; every column was elided ("Văn hóa –…", "Bức xúc, …") and "Cộng tác viên"
    cut both sides."""
    window, page = _meetings_tab(qtbot, demo_ctx, 2)
    view = page.items_view
    assert view.model().rowCount() > 0
    header = view.horizontalHeader()
    metrics = header_metrics(header)
    titles = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    cut = [(t, header.sectionSize(c)) for c, t in enumerate(titles)
           if metrics.horizontalAdvance(t) + 12 > header.sectionSize(c)
           or (c < 2 and view.sizeHintForColumn(c) > header.sectionSize(c))]
    assert cut == []
    assert header.sectionSize(4) >= 0.2 * view.viewport().width()   # 30 % asked, headers whole first
    assert header.length() <= view.viewport().width()
    window.close()


def test_the_attendance_columns_are_all_in_view(qtbot, demo_ctx, app_style):
    """Điểm danh at 1280 px: name, area, presence and the reason column all in the pane, the
    names whole; fixed widths of 200, 170 and 120 px pushed "Lý do vắng" off to the right."""
    window, page = _meetings_tab(qtbot, demo_ctx, 1)
    table = page.attendance
    assert table.rowCount() > 0
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width(), f"{header.length()} px in {table.viewport().width()}"
    assert table.sizeHintForColumn(0) <= header.sectionSize(0)
    window.close()
