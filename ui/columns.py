"""A list's content column keeps a fair share of the width: the opinions list showed its
"Nội dung" last and a few characters wide at 1366 px, squeezed by nine label columns with
fixed widths. `keep_share(view, column, share)` makes `column` the stretching one and, on every
resize, narrows the other label columns in proportion (they elide, whole in their tooltips)
until `column` has at least `share` of the view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

MIN_LABEL_WIDTH = 60


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

    def apply(self) -> None:
        header = self.view.horizontalHeader()
        if not self.natural:
            return
        available = self.view.viewport().width()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and c not in self.natural and not header.isSectionHidden(c))
        room = available - others - int(available * self.share)
        wanted = sum(self.natural.values())
        scale = 1.0 if wanted <= room else max(room, 0) / wanted
        for col, width in self.natural.items():
            header.resizeSection(col, max(MIN_LABEL_WIDTH, int(width * scale)) if scale < 1 else width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False


def keep_share(view: QTableView, column: int, share: float, shrinkable: tuple[int, ...]) -> ShareKeeper:
    return ShareKeeper(view, column, share, shrinkable)
