"""A line edit that picks one entry of a code → label catalogue by keyboard, with an
accent-insensitive completer ("kinh te", "kt", "ktế" all find "Kinh tế")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.errors import ValidationError
from app.opinions import lookup
from app.text import fold
from ui import palette

FOLDED = Qt.ItemDataRole.UserRole + 1
CODE = Qt.ItemDataRole.UserRole + 2


class _FoldedFilter(QSortFilterProxyModel):
    """Keeps the entries `lookup.matches` accepts, so the popup and the final pick agree."""

    def __init__(self, options: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.options = options
        self.allowed: set[str] | None = None

    def set_typed(self, typed: str) -> None:
        self.beginFilterChange()
        self.allowed = set(lookup.matches(self.options, typed)) if typed.strip() else None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        if self.allowed is None:
            return True
        code = self.sourceModel().index(row, 0, parent).data(CODE)
        return code in self.allowed


class _Completer(QCompleter):
    def __init__(self, proxy: _FoldedFilter, parent=None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.setModel(proxy)
        # Filtering is done by the proxy; the completer must show all it is given.
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(10)


class ChoiceEdit(QLineEdit):
    """Type a few letters; the popup lists matching labels; Tab or leaving the field picks the
    single match. `code()` is the chosen code (None when empty), raising when unclear."""

    chosen = Signal(object)  # code or None

    def __init__(self, options: dict[str, str], label: str, required: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label, self.required = label, required
        self.model_ = QStandardItemModel(self)
        self.proxy = _FoldedFilter(options, self)
        self.proxy.setSourceModel(self.model_)
        self.completer_ = _Completer(self.proxy, self)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._picked)
        # Installed after the completer's own filter, so it sees the popup's keys first.
        self.completer_.popup().installEventFilter(self)
        self._eat_enter = False
        self.set_options(options)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self.settle)
        self.setPlaceholderText(f"{label} – gõ vài chữ, không dấu cũng được")

    def set_options(self, options: dict[str, str]) -> None:
        self.options = dict(options)
        self.proxy.options = self.options
        self.model_.clear()
        for code, text in self.options.items():
            item = QStandardItem(text)
            item.setData(code, CODE)
            item.setData(fold(text), FOLDED)
            self.model_.appendRow(item)

    def _typed(self, text: str) -> None:
        self.proxy.set_typed(text)
        if text.strip() and self.proxy.rowCount() and self.hasFocus():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _picked(self, index: QModelIndex) -> None:
        self.setText(index.data(Qt.ItemDataRole.DisplayRole))
        self._mark(True)
        self.chosen.emit(index.data(CODE))

    def settle(self) -> None:
        """On leaving the field: replace what was typed by the one label it means."""
        text = self.text()
        if not text.strip():
            self._mark(True)
            return
        found = lookup.matches(self.options, text)
        if len(found) == 1:
            if self.text() != self.options[found[0]]:
                self.setText(self.options[found[0]])
                self.chosen.emit(found[0])
            self._mark(True)
        else:
            self._mark(False)

    def _mark(self, ok: bool) -> None:
        palette.mark_invalid(self, not ok)
        if ok:
            self.setToolTip("")
        else:
            self.setToolTip(f"{self.label}: chưa rõ lựa chọn; gõ thêm chữ hoặc chọn trong danh sách.")

    def code(self) -> str | None:
        return lookup.resolve(self.options, self.text(), self.label, required=self.required)

    def code_or_none(self) -> str | None:
        try:
            return self.code()
        except ValidationError:
            return None

    def set_code(self, code: str | None) -> None:
        self.setText(self.options.get(code, "") if code else "")
        self._mark(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter (or Tab) on the open list only picks an entry, the highlighted one or else the
        first: it must never reach the form as "save this item"."""
        popup = self.completer_.popup()
        if (event.type() == QEvent.Type.KeyPress and popup.isVisible()   # installed on the popup only
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)):
            if not popup.currentIndex().isValid() and popup.model().rowCount():
                popup.setCurrentIndex(popup.model().index(0, 0))
            self._eat_enter = event.key() != Qt.Key.Key_Tab
            QTimer.singleShot(0, self._stop_eating)   # if the completer keeps the key itself
        return False

    def _stop_eating(self) -> None:
        self._eat_enter = False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._eat_enter and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # QCompleter hands the popup's Enter to this field first and completes only if the
            # field ignores it; QLineEdit would emit returnPressed (the form's "save") here.
            self._eat_enter = False
            event.ignore()
            return
        self._eat_enter = False
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.completer_.popup().hide()
        super().focusOutEvent(event)
