"""A generic read-only table model over a list of dataclass rows, plus a sort proxy, and the
one way timestamps are shown. Numbers are shown the Vietnamese way (1.234, 12,5) and
right-aligned in every table, so pages never format them by hand."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.listing import Listing
from app.text import fold, vn_number

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: int = 0
    align_right: bool = False
    sort_key: Callable[[Any], Any] | None = None  # when the shown text does not sort right (dates)
    tip: bool = False  # long text that the column elides: the tooltip shows it whole
    header_tip: str = ""  # what a short header (an icon, an abbreviation) stands for
    tooltip: Callable[[Any], Any] | None = None  # the tooltip's text when it is not the cell's (a short label's whole)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def local_time(ts: str) -> str:
    """UTC ISO stamp -> local 'dd/mm/yyyy HH:MM:SS' (the audit log, accounts)."""
    try:
        moment = datetime.fromisoformat(ts.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return ts
    return moment.strftime("%d/%m/%Y %H:%M:%S")


class RowsModel(QAbstractTableModel):
    """Rows are plain objects; columns say how to show them. Sorting uses the folded text so
    Vietnamese names sort by letters, not by accent code points."""

    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._given: list[Any] | None = None   # the rows as last given, before sorting
        self._sort_keys: dict[tuple[int, int], Any] = {}
        self._values: dict[tuple[int, int], Any] = {}   # (id of the row, column) -> the cell's value
        self._order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._given = list(rows)
        self._sort_keys = {}
        self._values = {}
        self._sort_rows()
        self.endResetModel()

    def replace_rows(self, rows: Sequence[Any]) -> bool:
        """`set_rows` unless the rows equal those shown (a page opened again, a reload after a
        write elsewhere); True when they changed. Callers refit their columns only then: fitting
        asks every cell's text through Python, 60-170 ms of frozen window for a 300-row list."""
        if list(rows) == self._given:   # as given, before the model sorted them
            return False
        self.set_rows(rows)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows themselves, in one Python sort with each row's key computed once.
        Qt's proxy sort asked data() through Python at every comparison: 44,000 calls and half
        a second of frozen window for a 2,000-row list. Selections follow their rows."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(self.rows[i.row()], i.column()) for i in before if 0 <= i.row() < len(self.rows)]
        self._sort_rows()
        where = {id(row): n for n, row in enumerate(self.rows)}
        self.changePersistentIndexList(before[:len(moved)], [self.index(where[id(r)], c) for r, c in moved])
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._order is None or not self.rows:
            return
        column, order = self._order
        col = self.columns[column]
        keys = [_comparable(self._key(row, col)) for row in self.rows]
        ranked = sorted(range(len(self.rows)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [self.rows[n] for n in ranked]
        self._sort_keys = {}

    def cells_changed(self, column: int) -> None:
        """A column's values changed outside set_rows (a tally): redraw it and resort by it."""
        self._sort_keys = {k: v for k, v in self._sort_keys.items() if k[1] != column}
        self._values = {k: v for k, v in self._values.items() if k[1] != column}
        if self.rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def cell_value(self, row: int, column: int) -> Any:
        """A cell's value, computed once until the rows are set again or the column changes
        (`cells_changed`): fitting a column, painting it and aligning it each asked for it,
        through Python, for every cell."""
        item = self.rows[row]
        cell = (id(item), column)
        try:
            return self._values[cell]
        except KeyError:
            value = self._values[cell] = self.columns[column].value(item)
            return value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():   # a view asks each cell for a dozen roles
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.cell_value(index.row(), index.column())
            if _is_number(value) and not column.header.startswith("Năm"):   # years stay 1975
                return vn_number(value, 0 if isinstance(value, int) or float(value).is_integer() else 1)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip:
            value = (column.tooltip or column.value)(self.rows[index.row()])
            return str(value) if value else None
        if role == Qt.ItemDataRole.UserRole:
            # Sorting asks for the same key at every comparison (n log n times): compute it once.
            cell = (index.row(), index.column())
            key = self._sort_keys.get(cell)
            if key is None:
                key = self._sort_keys[cell] = self._key(self.rows[index.row()], column)
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole and (
                column.align_right or _is_number(self.cell_value(index.row(), index.column()))):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _key(row: Any, column: Column) -> Any:
        value = column.sort_key(row) if column.sort_key else column.value(row)
        return value if isinstance(value, int | float) else fold(str(value or ""))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header_tip or None
        return None


_ANSWERED = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole,
                       Qt.ItemDataRole.TextAlignmentRole})


def _comparable(key: Any) -> tuple[int, Any]:
    """Numbers before text, so a column mixing both never compares an int with a str."""
    return (0, key) if _is_number(key) else (1, "" if key is None else str(key))


class _RowsProxy(QSortFilterProxyModel):
    """The view's sort goes to the RowsModel (RowsModel.sort), which reorders its rows in one
    Python sort; the proxy itself passes them through in that order."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RowsModel) and column >= 0:
            source.sort(column, order)
        else:
            super().sort(column, order)


def sortable(model: RowsModel, parent=None) -> QSortFilterProxyModel:
    proxy = _RowsProxy(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.UserRole)
    return proxy


def listed_columns(listing: Listing, values: dict[str, Callable[[Any], Any]] | None = None) -> list[Column]:
    """A table's columns as a kind's list declares them (app/listing.py): headers, cell text,
    date sorting, tooltips for long text. `values` gives a column's cells where the page's rows
    are whole records that carry a code, not the joined name (the page maps it itself)."""
    values = values or {}
    return [Column(listing.header(c),
                   values.get(c.field) or (lambda r, c=c: listing.cell(r, c)),
                   sort_key=None if c.field in values else (lambda r, c=c: listing.sort_value(r, c)),
                   tip=c.long, header_tip=listing.abbreviations(c),
                   tooltip=(lambda r, c=c: listing.text(r, c)) if c.short else None)
            for c in listing.columns]
