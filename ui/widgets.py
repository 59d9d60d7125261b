"""Small reusable widgets: a debounced search box, catalogue combo boxes, an accent-free
type-ahead combo, a multi-line field, table column fitting, locking with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QPlainTextEdit, QTableView, QWidget

from app.text import fold
from ui.column_width import content_width
from ui.columns import header_metrics
from ui.models import sortable


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
        # Long labels must not widen the window past 1366 px; the popup still shows them whole.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.addItem(all_label, None)
        pairs = items.items() if isinstance(items, dict) else items
        for code, label in pairs:
            self.addItem(label, code)

    def code(self) -> str | None:
        return self.currentData()

    def set_choices(self, pairs: list[tuple[str, str]]) -> None:
        """Replace the choices after the 'all' entry (read later, on the worker), keeping the
        chosen code when it is still there; no currentIndexChanged is emitted."""
        current = self.code()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for code, label in pairs:
            self.addItem(label, code)
        self.setCurrentIndex(max(0, self.findData(current)) if current else 0)
        self.blockSignals(False)


def show_text(edit: QLineEdit, text: str) -> None:
    """Fill `edit` with a stored value, its start in view: setText leaves the cursor, and so
    the view, at the end, and a name longer than the box showed only its end ("…chí Nguyễn
    Thanh Sơn, Phó Bí thư…" without "Đồng")."""
    edit.setText(text)
    edit.setCursorPosition(0)


def setup_table(view: QTableView) -> None:
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # Qt would start descending
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)


def sorted_table(model, parent: QWidget, column: int = 0,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QTableView:
    """A read-only list of `model`'s rows, sortable by the user, one line per row, sorted by
    `column` at first: the shape every list of records in the app takes."""
    view = QTableView()
    view.setModel(sortable(model, parent))
    setup_table(view)
    view.setWordWrap(False)
    view.sortByColumn(column, order)
    return view


class MultiLineEdit(QPlainTextEdit):
    """A few lines of free text that still behaves like a form field: Tab leaves it, Enter
    emits `returnPressed` (the form's "save"), Shift+Enter starts a new line. Offers the
    QLineEdit calls the forms use (text, setText, insert, selectAll)."""

    returnPressed = Signal()

    def __init__(self, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setFixedHeight(height)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.setPlainText(text)

    def insert(self, text: str) -> None:
        self.insertPlainText(text)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            event.accept()
            self.returnPressed.emit()
            return
        super().keyPressEvent(event)


def fit_columns(view: QTableView, content: tuple[int, ...]) -> None:
    """Fit the table to its width (no sideways scrolling at 1366 px): the listed columns take
    their content's width, the others share the rest and elide."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for col in range(view.model().columnCount()):
        mode = QHeaderView.ResizeMode.ResizeToContents if col in content else QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(col, mode)


# Rows measured past the shown ones when a column is fitted. 50, not 200: the fitted columns
# hold dates, short labels and numbers, whose widest value shows within the first rows (the
# opinions list at 200,000 items fits to the same widths, one column 1 px narrower), and the
# first fitting of a list, with Qt's text caches still cold, took 37 ms of frozen window on
# the opinions page instead of 10.
CONTENT_SAMPLE_ROWS = 50


def compact_columns(view: QTableView, stretch: int | tuple[int, ...], fit: tuple[int, ...] | None = None) -> None:
    """Size the `fit` columns (default: every column but `stretch`) to their widest shown
    cell or their header, the `stretch` column (a title; or several sharing equally) takes
    the rest and elides; other columns keep the width the page gave them. Qt's own fit-to-contents keeps room for a
    sort arrow in every header, which at 1366 px left a title three letters wide. Call it
    again after the rows change."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    # sizeHintForColumn measures the shown rows and then up to this many more: a sample, not
    # all 2,000 rows of the audit list (0.7 s of frozen window per refresh).
    header.setResizeContentsPrecision(CONTENT_SAMPLE_ROWS)
    metrics = header_metrics(header)
    model = view.model()
    stretched = (stretch,) if isinstance(stretch, int) else stretch
    for col in range(model.columnCount()):
        if col in stretched:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        if fit is not None and col not in fit:
            continue
        text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        arrow = 18 if header.isSortIndicatorShown() and header.sortIndicatorSection() == col else 0
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))   # a header on two lines
        header.resizeSection(col, max(widest + 22 + arrow, content_width(view, col)))


def lock_widgets(widgets, locked: bool, why: str) -> None:
    """Grey these widgets with a tooltip saying why (a closed survey, a right the user lacks),
    or give them back with their own tooltips."""
    for widget in widgets:
        if widget.property("dlxh_own_tip") is None:
            widget.setProperty("dlxh_own_tip", widget.toolTip())
        widget.setEnabled(not locked)
        widget.setToolTip(why if locked else widget.property("dlxh_own_tip"))


class TypeAheadCombo(QComboBox):
    """A fixed list chosen by typing part of a name without accents ("vinh long" finds
    "Tỉnh Vĩnh Long"): Qt's own type-ahead matches only the start, accents included.
    Letters typed within a second add up; a space counts as a letter once typing began."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._reset = QTimer(self)
        self._reset.setSingleShot(True)
        self._reset.setInterval(1000)
        self._reset.timeout.connect(self._clear)

    def _clear(self) -> None:
        self._typed = ""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        text = event.text()
        if text and text.isprintable() and (text != " " or self._typed):
            self._typed += text
            self._reset.start()
            wanted = fold(self._typed)
            for row in range(self.count()):
                if wanted in fold(self.itemText(row)):
                    self.setCurrentIndex(row)
                    break
            event.accept()
            return
        super().keyPressEvent(event)
