"""The topics page's detail (heading, early warning, actions, keywords, the monthly chart with
its legend, the areas) never draws one part over another in a 1280×720 or 1366×768 window. A
long warning left the chart's panel 157 px for its 190 px chart: the legend was drawn over the
chart's month axis. Real window, real page, the demo store."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from ui.main_window import MainWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _sticking_out(root: QWidget) -> list[str]:
    """Visible widgets under `root` drawn past their parent's edge (a scrolled viewport's
    content aside: it is meant to be larger than what shows)."""
    out = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if not widget.isVisible() or widget.isWindow() or parent is None:
            continue
        if isinstance(parent.parentWidget(), QAbstractScrollArea) or isinstance(parent, QAbstractScrollArea):
            continue
        if not parent.rect().contains(widget.geometry()):
            out.append(f"{type(widget).__name__} {widget.objectName()} {widget.geometry().getRect()} "
                       f"in {type(parent).__name__} {parent.rect().getRect()}")
    return out


@pytest.mark.parametrize("size", [(1280, 660), (1366, 708)])
def test_nothing_in_the_detail_overlaps(qtbot, demo_ctx, app_style, size):
    window = MainWindow(demo_ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    page = window.show_page("topics")
    for row in range(page.view.model().rowCount()):
        page.view.selectRow(row)
        for _ in range(3):
            QApplication.processEvents()
        detail = page.chart.parentWidget()
        assert _sticking_out(detail) == [], f"topic row {row}"
    window.close()
