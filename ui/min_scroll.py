"""A scroll area that scrolls only when its content cannot shrink any further.

Contract: `MinimumScroll().setWidget(w)` keeps `w` as wide as the viewport and as tall as the
viewport, or as `w`'s minimum height at that width when that is more (then it scrolls). The
minimum counts each item of `w`'s layout: a label's or a nested layout's height for the width
(a wrapped warning's five lines, buttons that flow onto two rows), any other widget's minimum
height (a chart, a table), with the layout's margins and spacing.

Why: a pane taller than the window overlapped its parts (the topics' detail gave its 190 px
chart 127 px, and the legend was drawn over the month axis), and QScrollArea's own resizable
mode gives a content holding wrapped labels its preferred height (the same pane: 1027 px in a
548 px viewport, always scrolling, the chart stretched to 480 px).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QWidget


def minimum_height(layout: QLayout, width: int) -> int:
    """The least height `layout` can be given at `width` without squeezing a part under its
    minimum (see the module's contract)."""
    margins = layout.contentsMargins()
    inner = width - margins.left() - margins.right()
    heights = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.isEmpty():
            continue
        widget = item.widget()
        if item.hasHeightForWidth() and (isinstance(widget, QLabel) or item.layout() is not None):
            heights.append(item.heightForWidth(inner))
        else:
            heights.append(item.minimumSize().height())
    gaps = max(len(heights) - 1, 0) * max(layout.spacing(), 0)
    return sum(heights) + gaps + margins.top() + margins.bottom()


class MinimumScroll(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)   # sized here, from the minimum, not the preferred height
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt API
        super().setWidget(widget)
        widget.installEventFilter(self)   # its text changed: its minimum may have

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        widget = self.widget()
        if widget is None or widget.layout() is None:
            return
        width = self.viewport().width()
        height = max(self.viewport().height(), minimum_height(widget.layout(), width))
        if widget.size().width() != width or widget.size().height() != height:
            widget.resize(width, height)
