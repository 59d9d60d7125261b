"""ui.column_width measures a column as Qt's QTableView.sizeHintForColumn does, asking each
distinct cell once: the same width for every column of every list the pages show, and for
a long list shown, hidden, scrolled to its middle or to its end, with any precision."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from ui.column_width import content_width
from ui.models import Column, RowsModel, sortable
from ui.widgets import setup_table

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.mark.parametrize("key", ["opinions", "audit", "collaborators", "meetings", "topics", "reports", "catalog"])
def test_every_list_of_a_page_is_measured_as_qt_does(app_style, main_window, key):
    main_window.resize(1366, 768)
    page = main_window.show_page(key)
    QApplication.processEvents()
    views = [v for v in page.findChildren(QTableView) if v.model() is not None and v.model().rowCount()]
    assert views
    for view in views:
        for col in range(view.model().columnCount()):
            assert content_width(view, col) == view.sizeHintForColumn(col), (key, col)


def _long_list(qtbot) -> QTableView:
    labels = ["Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Khác", "Xây dựng Đảng và hệ thống chính trị"]
    model = RowsModel([Column("Ngày", lambda r: f"{r % 28 + 1:02d}/11/2026"),
                       Column("Lĩnh vực", lambda r: labels[(r * 7) % len(labels)] if r % 97 else labels[-1]),
                       Column("Số", lambda r: r * 1000, align_right=True)])
    model.set_rows(list(range(600)))
    view = QTableView()
    view.setModel(sortable(model))
    setup_table(view)
    qtbot.addWidget(view)
    view.resize(500, 300)
    return view


def test_a_long_list_hidden_shown_and_scrolled(app_style, qtbot):
    view = _long_list(qtbot)
    header = view.horizontalHeader()
    for precision in (50, 7, 0, 1000):
        header.setResizeContentsPrecision(precision)
        for shown in (False, True):
            if shown:
                view.show()
                QApplication.processEvents()
            for scroll in (0, 290, 599):
                view.scrollTo(view.model().index(scroll, 0))
                QApplication.processEvents()
                for col in range(3):
                    assert content_width(view, col) == view.sizeHintForColumn(col), (precision, shown, scroll, col)
    # Sorted the other way, the rows measured are others: still the same widths.
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    header.setResizeContentsPrecision(50)
    assert [content_width(view, c) for c in range(3)] == [view.sizeHintForColumn(c) for c in range(3)]
