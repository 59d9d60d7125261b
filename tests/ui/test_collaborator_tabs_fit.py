"""The collaborators page's side tabs fit a 1280×720 and a 1366×768 window. "Cơ cấu": its
wrapped column header never hides a row ("Khóm 1", the first area, sat under a header grown
to four lines) and no word of a column name is cut. "Hoạt động": every column in view (the
last three were off a 1280 px window) and the reason whole. Real window, real page, the demo
store."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui.columns import header_metrics
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _tab(qtbot, ctx, size: tuple[int, int], index: int = 1):
    """The main window at `size` with the collaborators page's tab `index` open; its view."""
    window = MainWindow(ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    page = window.show_page("collaborators")
    page.tabs.setCurrentIndex(index)
    return window, page.tabs.view(index)


@pytest.mark.parametrize("size", [(1280, 660), (1366, 708), (900, 600)])
def test_the_first_area_is_below_the_header(qtbot, demo_ctx, app_style, size):
    window, view = _tab(qtbot, demo_ctx, size)
    table, header = view.table, view.table.horizontalHeader()
    qtbot.waitUntil(lambda: table.rowCount() > 2)
    for width in (size[0], size[0] - 300, size[0]):   # a narrower window wraps the names more
        window.resize(width, size[1])
        for _ in range(3):
            QApplication.processEvents()
        assert header.height() > 30, "the names were meant to wrap at these widths"
        assert header.geometry().bottom() < table.viewport().geometry().top(), (
            f"at {width} px the header ({header.height()} px) covers the rows below it")
        first = table.visualRect(table.model().index(0, 0))
        assert first.top() >= 0 and table.verticalHeaderItem(0).text() == "Khóm 1"
        assert table.verticalHeader().geometry().top() == table.viewport().geometry().top()
    window.close()


@pytest.mark.parametrize("size", [(1280, 660), (1366, 708)])
def test_no_header_word_is_cut(qtbot, demo_ctx, app_style, size):
    """Every word of every column name fits its column, for strata and for sectors; at 1280 px
    "Doanh nghiệp" and "Đoàn Thanh niên" lost letters on both sides."""
    window, view = _tab(qtbot, demo_ctx, size)
    header = view.table.horizontalHeader()
    metrics = header_metrics(header)
    for index in range(view.dimension.count()):
        view.dimension.setCurrentIndex(index)
        qtbot.waitUntil(lambda: view.table.rowCount() > 2)
        for _ in range(3):
            QApplication.processEvents()
        cut = [(word, header.sectionSize(c)) for c in range(view.table.columnCount())
               for word in view.table.horizontalHeaderItem(c).text().split()
               if metrics.horizontalAdvance(word) + 5 > header.sectionSize(c)]
        assert cut == [], f"{view.dimension.currentText()}: cut words {cut}"
    window.close()


@pytest.mark.parametrize("size", [(1280, 660), (1366, 708)])
def test_every_activity_column_is_in_view(qtbot, demo_ctx, app_style, size):
    window, activity = _tab(qtbot, demo_ctx, size, 2)
    view = activity.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    for _ in range(3):
        QApplication.processEvents()
    header = view.horizontalHeader()
    for width in (size[0], size[0] - 150):   # a narrower window wraps the reason on more lines
        window.resize(width, size[1])
        for _ in range(3):
            QApplication.processEvents()
        assert header.length() <= view.viewport().width(), (
            f"at {width} px: {header.length()} px of columns in {view.viewport().width()} px")
        short = [r for r in range(view.model().rowCount()) if view.rowHeight(r) < view.sizeHintForRow(r)]
        assert short == [], f"at {width} px the reason of rows {short} is cut"
    window.close()
