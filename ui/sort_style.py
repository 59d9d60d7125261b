"""Sort arrows that point the way the list runs: down for newest (largest) first.

Qt draws a header's sort indicator the Windows way round: a list sorted descending (newest
first, the app's usual order) shows an arrow pointing up, which clerks read as "oldest first".
`SortArrowStyle` wraps the platform style and swaps the two arrows, nothing else.
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionHeader

_SWAP = {QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
         QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp}


class SortArrowStyle(QProxyStyle):
    def drawPrimitive(self, element, option: QStyleOption, painter, widget=None) -> None:  # noqa: N802 - Qt API
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            flipped = QStyleOptionHeader(option)
            flipped.sortIndicator = _SWAP.get(option.sortIndicator, option.sortIndicator)
            super().drawPrimitive(element, flipped, painter, widget)
            return
        super().drawPrimitive(element, option, painter, widget)
