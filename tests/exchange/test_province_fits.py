"""The province pages fit a 1280×720 window: the offices list shows every column whole
("Báo cáo đã nhận" was cut to "láo cáo đã nhận", scrolled out at the left) and the timeliness
matrix shows its last column (twelve fixed-width months pushed the total out of view)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.exchange.sync_helpers import enrol_both, roundtrip
from tests.exchange.test_province import prov  # noqa: F401 - the province office fixture
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _fits(view) -> bool:
    header = view.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    return used <= view.viewport().width() + 1


def test_offices_and_timeliness_fit_1280(qtbot, demo_ctx, prov, tmp_path):  # noqa: F811
    enrol_both(demo_ctx, prov)
    roundtrip(demo_ctx, prov, tmp_path)
    window = MainWindow(prov, TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(1280, 660)
    window.show()
    page = window.show_page("province")
    QApplication.processEvents()
    assert page.offices.rowCount() == 1 and _fits(page.office_view)
    page.tabs.setCurrentWidget(page.timeliness)
    page.timeliness.refresh()
    QApplication.processEvents()
    matrix = page.timeliness.view
    assert matrix.model().columnCount() == 14 and _fits(matrix)     # name, 12 months, total
    counts = page.timeliness.counts_view.horizontalHeader()
    for col in range(1, 13):                                          # counts sit above their month
        assert counts.sectionPosition(col) == matrix.horizontalHeader().sectionPosition(col)
    assert window.width() == 1280
