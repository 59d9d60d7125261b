"""Tổng quan: cards from app.overview, laid out in a grid of two columns.

A row with a link is a `LinkRow`: hand cursor, a tint on hover, a frame when it has the
keyboard focus; a click, Enter or Space emits `navigate(Link)`, which the main window
follows (ui/main_window.py open_link). Tab walks the rows and buttons card by card. Labels
wrap within their half of the row; a long value (a collaborator's reason) wraps beside it
rather than squeezing the name into three lines. The chart card draws app data only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import overview
from ui import palette
from ui.pages.base import PageBase
from ui.pages.overview_chart import ChartPanel

LONG_VALUE = 24         # characters: a longer value shares the row half and half and wraps


class LinkRow(QFrame):
    """One card row that leads somewhere; keyboard and mouse both activate it."""

    activated = Signal(object)   # app.overview.Link

    def __init__(self, label: str, value: str, link: overview.Link | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.link = link
        self.setObjectName("linkRow" if link else "plainRow")
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        # Rows quote what people typed or sent (an item's summary, a topic's title): always plain
        # text, or "<img src=…>" in a collaborator's electronic report would be drawn as HTML.
        self.label = QLabel(label)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.value = QLabel(value)
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        palette.set_tone(self.value, "quiet")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if len(value) > LONG_VALUE:
            self.value.setWordWrap(True)
            self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(self.label, 1)
            row.addWidget(self.value, 1)
        else:
            row.addWidget(self.label, 1)
            row.addWidget(self.value, 0)
        for part in (self.label, self.value):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        if link:
            self.setAttribute(Qt.WidgetAttribute.WA_Hover)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setToolTip(link.hint)
            self.setAccessibleName(f"{label}: {value}" if value else label)
            self.setAccessibleDescription(link.hint)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.link and event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.link)
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if self.link and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.link)
            return
        super().keyPressEvent(event)


class Page(PageBase):
    title = "Tổng quan"
    navigate = Signal(object)    # app.overview.Link

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # no dead Tab stop: a focused row scrolls into view
        self.layout_.addWidget(self.area, 1)
        self.card_widgets: list[QFrame] = []
        self._shown: tuple | None = None   # what the cards on screen say (see _signature)
        self._parts: dict[bool, list[overview.Card]] = {False: [], True: []}   # quick, slow
        self.action_status = QLabel()
        self.action_status.setWordWrap(True)
        self.layout_.addWidget(self.action_status)

    def refresh(self) -> None:
        """The cards are built on the worker (each card queries the store); only the widgets
        are made here. The quick cards come first and are shown with the slow ones last shown
        (none at start-up); only then are the slow ones (the topic model's) asked for, so that
        their Python work does not slow the building of the first cards (one interpreter lock),
        and they replace those last shown."""
        self.tasks.query(lambda: overview.build(self.ctx, slow=False), self._show_quick, parent=self)

    def _show_quick(self, cards: list[overview.Card]) -> None:
        self._show_part(cards, False)
        self.tasks.query(lambda: overview.build(self.ctx, slow=True), lambda slow: self._show_part(slow, True),
                         parent=self)

    def _show_part(self, cards: list[overview.Card], slow: bool) -> None:
        self._parts[slow] = cards
        self._show(sorted(self._parts[False] + self._parts[True], key=lambda c: c.order))

    def _show(self, cards: list[overview.Card]) -> None:
        shown = _signature(cards)
        if shown == self._shown:
            return   # nothing changed: rebuilding some 30 rows froze the window 150-250 ms at 200k items
        self._shown = shown
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.card_widgets = []
        for i, card in enumerate(cards):
            frame = self._card(card, self._run, self.navigate.emit)
            self.card_widgets.append(frame)
            grid.addWidget(frame, i // 2, i % 2)
        grid.setRowStretch(grid.rowCount(), 1)
        self.area.setWidget(holder)

    def link_rows(self) -> list[LinkRow]:
        """The rows that lead somewhere, in Tab order (tests, keyboard checks)."""
        return [row for frame in self.card_widgets for row in frame.findChildren(LinkRow) if row.link]

    def _run(self, action: overview.CardAction) -> None:
        """A card's button: do it on the worker and say what was done; the write's `changed`
        signal shows the cards again (on this page and any other that lists what it wrote)."""
        self.tasks.op(lambda: action.run(self.ctx), tables=(), on_done=self.action_status.setText,
                      parent=self)

    @staticmethod
    def _card(card: overview.Card, run=None, follow=None) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")                 # style.qss: #card, #cardTitle, #linkRow
        frame.setProperty("level", card.level or "")
        box = QVBoxLayout(frame)
        box.setSpacing(2)
        title = QLabel(card.title)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        title.setObjectName("cardTitle")
        title.setProperty("level", card.level or "")
        box.addWidget(title)
        for r in card.rows:
            row = LinkRow(r[0], r[1], r.link)
            if follow is not None:
                row.activated.connect(follow)
            box.addWidget(row)
        if card.chart is not None:
            chart = ChartPanel(card.chart)
            if follow is not None:
                chart.clicked.connect(follow)
            box.addWidget(chart)
        if card.note:
            note = QLabel(card.note)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            palette.set_tone(note, "note")
            box.addWidget(note)
        for action in card.actions:
            button = QPushButton(action.label)
            button.setObjectName("card_action")
            if run is not None:
                button.clicked.connect(lambda _=False, a=action: run(a))
            box.addWidget(button)
        box.addStretch(1)
        return frame


def _signature(cards: list[overview.Card]) -> tuple:
    """Everything a card shows or leads to, comparable (an action's callable is not: its label is)."""
    return tuple((c.title, c.level, c.note, tuple((*r, r.link) for r in c.rows), tuple(a.label for a in c.actions),
                  c.chart) for c in cards)
