"""A list's content column keeps a fair share of the width: the opinions list showed its
"Nội dung" last and a few characters wide at 1366 px, squeezed by nine label columns with
fixed widths. `keep_share(view, column, share)` makes `column` the stretching one and, on every
resize, narrows the other label columns in proportion (they elide, whole in their tooltips)
until `column` has at least `share` of the view, or until they reach their header's width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_LABEL_WIDTH = 60
HEADER_PADDING = 22     # as ui.widgets.compact_columns: margins of a header section


def header_metrics(header: QHeaderView) -> QFontMetrics:
    """Metrics of a table's header text as drawn: bold, as resources/style.qss sets headers."""
    font = QFont(header.font())
    font.setBold(True)
    return QFontMetrics(font)


class ShareKeeper(QObject):
    def __init__(self, view: QTableView, column: int, share: float, shrinkable: tuple[int, ...]) -> None:
        super().__init__(view)
        self.view, self.column, self.share, self.shrinkable = view, column, share, shrinkable
        self.natural: dict[int, int] = {}
        view.viewport().installEventFilter(self)

    def reset(self) -> None:
        """Take the widths the page just gave the label columns as their natural widths."""
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(self.column, QHeaderView.ResizeMode.Stretch)
        self.natural = {c: header.sectionSize(c) for c in self.shrinkable}
        self.apply()

    def _least(self, col: int) -> int:
        """A label column is never narrower than its header: "Lĩnh vực", not "ĩnh vự"."""
        text = str(self.view.model().headerData(col, Qt.Orientation.Horizontal) or "")
        return max(MIN_LABEL_WIDTH, header_metrics(self.view.horizontalHeader()).horizontalAdvance(text)
                   + HEADER_PADDING)

    def apply(self) -> None:
        header = self.view.horizontalHeader()
        if not self.natural:
            return
        available = self.view.viewport().width()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and c not in self.natural and not header.isSectionHidden(c))
        room = available - others - int(available * self.share)
        least = {c: min(self._least(c), w) for c, w in self.natural.items()}
        spare = sum(self.natural.values()) - sum(least.values())
        cut = min(max(sum(self.natural.values()) - room, 0), spare)   # what the labels give up
        for col, width in self.natural.items():
            give = cut * (width - least[col]) // spare if spare else 0
            header.resizeSection(col, width - give)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False


def keep_share(view: QTableView, column: int, share: float, shrinkable: tuple[int, ...]) -> ShareKeeper:
    return ShareKeeper(view, column, share, shrinkable)
