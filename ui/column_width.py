"""A table column's content width as `QTableView.sizeHintForColumn` gives it, measuring each
distinct cell once.

Contract: `content_width(view, column)` returns what `view.sizeHintForColumn(column)` returns,
the same rows considered, picked as Qt 6 picks them (the shown ones, then below and above in
turn until the horizontal header's resize-contents precision is reached). Over a `RowsModel` (through its sort
proxy) the cells are grouped by what sets their size — text, font, icon, check box, size hint,
read from the model in Python — and Qt's delegate measures one cell of each group; over any
other model Qt measures as usual.

Why: Qt's measure asks each cell for eight roles through Python, most of them answered
"nothing"; a list's dates and short labels repeat, so fitting the opinions list's six such
columns on 50 rows asked 2,400 times for a few dozen distinct cells, about 10 ms of the
frozen window when the list first fills.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

from ui.models import RowsModel

# The roles a delegate's size hint depends on (QStyledItemDelegate: text, font, icon, check
# box) and the size a model may give itself.
SIZE_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
              Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.SizeHintRole)


def content_width(view: QTableView, column: int) -> int:
    proxy = view.model()
    source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
    if not isinstance(source, RowsModel) or view.itemDelegateForColumn(column) is not None:
        return view.sizeHintForColumn(column)
    view.ensurePolished()   # as Qt's own measure does: the style sheet's cell padding counts
    # RowsModel answers none of the other size roles: its text alone sets a cell's size,
    # unless a subclass answers more (a check box).
    roles = SIZE_ROLES if type(source).data is not RowsModel.data else SIZE_ROLES[:1]
    widths: dict[tuple, int] = {}
    hint = 0
    for row in _measured_rows(view):
        index = proxy.index(row, column)
        inner = proxy.mapToSource(index)
        key = tuple(_hashable(source.data(inner, role)) for role in roles)
        width = widths.get(key)
        if width is None:
            width = widths[key] = view.sizeHintForIndex(index).width()
        hint = max(hint, width)
    return hint + 1 if view.showGrid() else hint


def _hashable(value: object) -> object:
    try:
        hash(value)
    except TypeError:
        return id(value)   # never shared: such a cell is measured on its own
    return value


def _measured_rows(view: QTableView) -> list[int]:
    """The rows QTableView.sizeHintForColumn measures, as Qt picks them: the shown rows (all
    rows when the view is hidden) up to the precision, then one below and one above in turn
    until the precision is reached (the shown rows only when it is 0)."""
    vertical = view.verticalHeader()
    precision = view.horizontalHeader().resizeContentsPrecision()
    last = view.model().rowCount() - 1
    top = max(0, vertical.visualIndexAt(0))
    bottom = vertical.visualIndexAt(view.viewport().height())
    if not view.isVisible() or bottom == -1:
        bottom = last
    rows: list[int] = []
    row = top
    while row <= bottom:
        logical = vertical.logicalIndex(row)
        if not vertical.isSectionHidden(logical):
            rows.append(logical)
            if len(rows) == precision:
                break
        row += 1
    up, down = top, row - 1
    while precision and len(rows) != precision and (up > 0 or down < last):
        logical = -1
        if (len(rows) % 2 and up > 0) or down == last:
            while up > 0:
                up -= 1
                if not vertical.isSectionHidden(vertical.logicalIndex(up)):
                    logical = vertical.logicalIndex(up)
                    break
        else:
            while down < last:
                down += 1
                if not vertical.isSectionHidden(vertical.logicalIndex(down)):
                    logical = vertical.logicalIndex(down)
                    break
        if logical >= 0:
            rows.append(logical)
    return rows
