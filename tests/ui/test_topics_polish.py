"""Vấn đề nổi cộm at the sizes clerks use: titles get the table's spare room (whole in the
tooltip), no header is cut, and the unfinished month's bar is marked as partial."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics

from app import catalog
from ui.opinion.trend_chart import TrendChart, partial_month_note


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_titles_get_the_room_and_headers_are_whole(main_window, size):
    main_window.resize(*size)
    page = main_window.show_page("topics")
    view = page.view
    header = view.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    # The title is first and the widest column; the warning column is no wider than its content.
    assert widths[0] == max(widths) and widths[0] >= 150
    assert widths[4] < 70
    assert sum(widths) <= view.viewport().width() + 1          # no sideways scrolling
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    for col in (1, 2, 3, 4):
        text = view.model().headerData(col, Qt.Orientation.Horizontal)
        assert widths[col] >= metrics.horizontalAdvance(text) + 12, text
    proxy = view.model()
    first = proxy.index(0, 0)
    title = page.model.row_at(proxy.mapToSource(first).row()).topic.title
    assert proxy.data(first, Qt.ItemDataRole.ToolTipRole) == title
    assert proxy.data(proxy.index(0, 2), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert "Cảnh báo" in proxy.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_current_month_bar_is_marked_partial(main_window, qtbot):
    page = main_window.show_page("topics")
    today = date.today()
    assert page.chart.partial_note == partial_month_note([today.strftime("%Y-%m")], today)
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_data(["2026-10", "2026-11", "2026-12"], {"support": [3, 4, 1], "concern": [2, 2, 1]},
                   today=date(2026, 12, 3))
    assert "tháng 12/2026 chưa hết" in chart.chart().title()
    sets = chart.chart().series()[0].barSets()
    assert len(sets) == 2 and all(s.selectedBars() == [2] for s in sets)
    assert all(s.selectedColor().lightness() > s.color().lightness() for s in sets)
    chart.set_data(["2026-10", "2026-11", "2026-12"], {"support": [3, 4, 1]}, today=date(2026, 12, 31))
    assert "chưa hết" not in chart.chart().title()
    assert chart.chart().series()[0].barSets()[0].selectedBars() == []


def test_partial_month_note_wording():
    months = ["2026-11", "2026-12"]
    assert partial_month_note(months, date(2026, 12, 3)) == \
        "cột nhạt: tháng 12/2026 chưa hết (số liệu đến 03/12)"
    assert partial_month_note(months, date(2026, 12, 31)) == ""       # the month is whole
    assert partial_month_note(months, date(2027, 1, 5)) == ""         # the chart ends before today
    assert partial_month_note(["2027-02"], date(2027, 2, 27)) != ""
    assert partial_month_note(["2027-02"], date(2027, 2, 28)) == ""


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_title_column_comes_first_and_is_wide(main_window, qtbot, size):
    """The topic's title, what a clerk reads, stands first or second and takes at least 40 %
    of the list, as the opinions list gives its content (it was second, 166 px of 448 at 1280)."""
    main_window.resize(*size)
    page = main_window.show_page("topics")
    qtbot.wait(50)
    view = page.view
    header = view.horizontalHeader()
    titles = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(header.count())]
    col = titles.index("Vấn đề")
    assert header.visualIndex(col) <= 1
    assert header.sectionSize(col) >= 0.4 * view.viewport().width(), \
        [header.sectionSize(c) for c in range(header.count())]
    assert sum(header.sectionSize(c) for c in range(header.count())) <= view.viewport().width() + 1
    # Still opened hot and warned first.
    assert page.model.row_at(view.model().mapToSource(view.model().index(0, 0)).row()).topic.status == "hot"


def test_twelve_months_are_labelled_by_number_with_their_span_once(qtbot):
    """Twelve 'mm/yy' labels did not fit the detail pane at 1366x768: Qt cut each to '01/…'."""
    chart = TrendChart()
    qtbot.addWidget(chart)
    months = ["2025-12", *(f"2026-{m:02d}" for m in range(1, 12))]
    chart.set_data(months, {"support": [1] * 12}, today=date(2026, 12, 3))
    axis = chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert axis.categories() == ["12", *(str(m) for m in range(1, 12))]
    assert axis.titleText() == "Tháng 12/2025 – 11/2026"


def test_the_topic_legend_names_every_tendency_whole(main_window):
    page = main_window.show_page("topics")
    texts = [label.text() for label in page.chart.legend_labels]
    assert len(texts) == 4 and all(name in " ".join(texts) for name in catalog.TENDENCIES.values())
    assert not page.chart.view.chart().legend().isVisible()      # Qt's own legend cut the names
