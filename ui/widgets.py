"""Small reusable widgets: a debounced search box and catalogue combo boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView, QWidget


class SearchBox(QLineEdit):
    """Emits `search(text)` 250 ms after the user stops typing."""

    search = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(lambda: self.search.emit(self.text()))
        self.textChanged.connect(lambda _: self._timer.start())

    def flush(self) -> None:
        """Search now (tests, Enter key)."""
        self._timer.stop()
        self.search.emit(self.text())


class CodeCombo(QComboBox):
    """A combo over a code → label catalogue with an 'all' entry whose code is None."""

    def __init__(self, all_label: str, items: dict[str, str] | list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(all_label, None)
        pairs = items.items() if isinstance(items, dict) else items
        for code, label in pairs:
            self.addItem(label, code)

    def code(self) -> str | None:
        return self.currentData()


def setup_table(view: QTableView) -> None:
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt would start descending
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
