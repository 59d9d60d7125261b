"""The keyboard entry grid: one row per paper form, option numbers typed, Tab to the next
cell, Enter saves the row and opens the next one. Problems colour their cells."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from ui import palette

SAVED = palette.qcolor("good_bg")
PROBLEM = palette.qcolor("bad_bg")


class _EnterDelegate(QStyledItemDelegate):
    """Enter inside a cell editor commits the cell and submits the whole row at once."""

    def __init__(self, grid: EntryGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.grid.submit_current_row()
            return True
        return super().eventFilter(editor, event)


class EntryGrid(QTableWidget):
    submitted = Signal(int, dict)  # row, {column key: typed text}

    def __init__(self, parent=None) -> None:
        super().__init__(0, 0, parent)
        self.keys: list[str] = []
        self.setItemDelegate(_EnterDelegate(self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(24)

    def set_columns(self, keys: list[str], headers: list[str], tips: list[str]) -> None:
        self.clear()
        self.keys = keys
        self.setColumnCount(len(keys))
        self.setHorizontalHeaderLabels(headers)
        for c, tip in enumerate(tips):
            self.horizontalHeaderItem(c).setToolTip(tip)
            self.setColumnWidth(c, 64 if keys[c].startswith("q") else 80)
        self.setRowCount(0)

    def new_row(self, form_no: str = "") -> None:
        row = self.rowCount()
        self.insertRow(row)
        for c in range(len(self.keys)):
            self.setItem(row, c, QTableWidgetItem(form_no if self.keys[c] == "form_no" else ""))
        self.setCurrentCell(row, 1 if form_no else 0)
        self.setFocus()

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers) -> QModelIndex:  # noqa: N802 - Qt API
        """Tab past the last cell (Shift+Tab before the first) stays in the row being keyed: Qt
        would wrap to another row, a stored one, where Enter does nothing."""
        current = self.currentIndex()
        last = self.columnCount() - 1
        if action == QAbstractItemView.CursorAction.MoveNext and current.column() == last:
            return self.model().index(current.row(), 0)
        if action == QAbstractItemView.CursorAction.MovePrevious and current.column() == 0:
            return self.model().index(current.row(), last)
        return super().moveCursor(action, modifiers)

    def cells(self, row: int) -> dict[str, str]:
        return {k: (self.item(row, c).text() if self.item(row, c) else "") for c, k in enumerate(self.keys)}

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.submit_current_row()
            return
        super().keyPressEvent(event)

    def submit_current_row(self) -> None:
        row = self.currentRow()
        if row >= 0 and self.item(row, 0) is not None and self.item(row, 0).flags() & Qt.ItemFlag.ItemIsEditable:
            self.submitted.emit(row, self.cells(row))

    def set_row_editable(self, row: int, editable: bool) -> None:
        """A row being stored is read-only (Enter on it does nothing) until it is stored or refused."""
        for c in range(len(self.keys)):
            item = self.item(row, c)
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags & ~Qt.ItemFlag.ItemIsEditable)

    def copy_row(self, source: int, target: int) -> None:
        """Show in `target` (a stored row) what `source` holds: a form corrected further down."""
        for c in range(len(self.keys)):
            self.item(target, c).setText(self.item(source, c).text())

    def mark_saved(self, row: int) -> None:
        """A stored row turns green and read-only (corrections go through the form list)."""
        for c in range(len(self.keys)):
            item = self.item(row, c)
            item.setBackground(QBrush(SAVED))
            item.setToolTip("")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)

    def mark_problems(self, row: int, problems: list[tuple[str, str]]) -> None:
        for c in range(len(self.keys)):
            self.item(row, c).setBackground(QBrush())
            self.item(row, c).setToolTip("")
        first = None
        for key, message in problems:
            if key in self.keys:
                c = self.keys.index(key)
                self.item(row, c).setBackground(QBrush(PROBLEM))
                self.item(row, c).setToolTip(message)
                first = c if first is None else first
        self.setCurrentCell(row, first if first is not None else 0)
        self.setFocus()
