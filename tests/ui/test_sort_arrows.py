"""A list sorted newest first shows a sort arrow pointing down (Qt draws it pointing up):
the app's style draws SortUp exactly as the platform style draws SortDown, and back."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionHeader

from ui.sort_style import SortArrowStyle


def _arrow(style, indicator) -> QImage:
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    option = QStyleOptionHeader()
    option.rect = QRect(4, 4, 16, 16)
    option.sortIndicator = indicator
    painter = QPainter(image)
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter)
    painter.end()
    return image


def _ink_centre_row(image: QImage) -> float:
    """Mean row of the drawn pixels weighted by their width: an arrow pointing down has its
    wide end (most ink) at the top."""
    rows = [sum(1 for x in range(image.width()) if image.pixelColor(x, y).lightness() < 200)
            for y in range(image.height())]
    widest = max(rows)
    return sum(y for y, n in enumerate(rows) if n == widest) / rows.count(widest)


def test_descending_sort_arrow_points_down(qapp):
    base = QStyleFactory.create("Fusion")
    ours = SortArrowStyle(QStyleFactory.create("Fusion"))
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    assert _arrow(ours, up) == _arrow(base, down) and _arrow(ours, down) == _arrow(base, up)
    assert _arrow(base, up) != _arrow(base, down)
    # Qt's header passes SortUp for a descending sort; ours then has its wide end on top.
    assert _ink_centre_row(_arrow(ours, up)) < _ink_centre_row(_arrow(ours, down))


def test_a_list_sorted_newest_first_shows_a_down_arrow(app_style, qtbot):
    """The real thing: the app's style and style sheet, a table's header, sorted both ways
    (`app_style` gives the plain look back after: the sheet left on made a survey test that
    runs later in the same process fail)."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from ui.app import make_app

    make_app()
    model = QStandardItemModel(3, 1)
    model.setHorizontalHeaderLabels(["Ngày"])
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show()
    header = view.horizontalHeader()

    def arrow_image(order) -> QImage:
        view.sortByColumn(0, order)
        image = header.grab().toImage()
        width = header.sectionSize(0)
        return image.copy(QRect(width - 30, 0, 30, image.height()))   # the arrow sits at the right end

    newest_first = _ink_centre_row(arrow_image(Qt.SortOrder.DescendingOrder))
    oldest_first = _ink_centre_row(arrow_image(Qt.SortOrder.AscendingOrder))
    assert newest_first < oldest_first     # wide end on top: pointing down
