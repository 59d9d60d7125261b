"""Tổng quan: cards from app.overview, laid out in a grid."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app import overview
from app.errors import DlxhError
from ui.errors import show_error
from ui.pages.base import PageBase


class Page(PageBase):
    title = "Tổng quan"

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.layout_.addWidget(self.area, 1)
        self.card_widgets: list[QFrame] = []
        self.action_status = QLabel()
        self.action_status.setWordWrap(True)
        self.layout_.addWidget(self.action_status)

    def refresh(self) -> None:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setSpacing(12)
        self.card_widgets = []
        for i, card in enumerate(overview.build(self.ctx)):
            frame = self._card(card, self._run)
            self.card_widgets.append(frame)
            grid.addWidget(frame, i // 2, i % 2)
        grid.setRowStretch(grid.rowCount(), 1)
        self.area.setWidget(holder)

    def _run(self, action: overview.CardAction) -> None:
        """A card's button: do it, say what was done, and show the cards again."""
        try:
            self.action_status.setText(action.run(self.ctx))
        except DlxhError as exc:
            show_error(self, exc)
        self.refresh()

    @staticmethod
    def _card(card: overview.Card, run=None) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")
        border = "#c0392b" if card.level == "warning" else "#d0d0d0"
        frame.setStyleSheet(f"#card {{ border: 1px solid {border}; border-radius: 6px; background: white; }}")
        box = QVBoxLayout(frame)
        title = QLabel(card.title)
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: 600; font-size: 11pt;" + (" color: #a93226;" if card.level == "warning" else ""))
        box.addWidget(title)
        rows = QGridLayout()
        for r, (label, value) in enumerate(card.rows):
            left = QLabel(label)
            left.setWordWrap(True)
            rows.addWidget(left, r, 0)
            right = QLabel(value)
            right.setStyleSheet("color: #333;")
            rows.addWidget(right, r, 1)
        rows.setColumnStretch(0, 1)
        box.addLayout(rows)
        if card.note:
            note = QLabel(card.note)
            note.setWordWrap(True)
            note.setStyleSheet("color: #666; font-style: italic;")
            box.addWidget(note)
        for action in card.actions:
            button = QPushButton(action.label)
            button.setObjectName("card_action")
            if run is not None:
                button.clicked.connect(lambda _=False, a=action: run(a))
            box.addWidget(button)
        box.addStretch(1)
        return frame
