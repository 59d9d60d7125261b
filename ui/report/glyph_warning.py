"""A warning line under report fields: a character the PDF font cannot draw (an emoji) is
named while the clerk types, in the very sentence app.reports.glyphs refuses the PDF with.

Before, the clerk learned of it only when printing, after the text was saved and submitted.
`GlyphWarning(*edits)` watches line and plain-text edits (every change, including a text
loaded into them) and shows itself only while one of them holds such a character; it
refuses nothing itself: saving stays allowed, the PDF build still refuses.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from app.errors import ValidationError
from app.reports.glyphs import check_document
from ui import palette


class GlyphWarning(QLabel):
    def __init__(self, *edits: QLineEdit | QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self.setWordWrap(True)
        palette.set_tone(self, "error")
        for edit in edits:
            edit.textChanged.connect(self.check)
        self.hide()

    def _texts(self) -> list[str]:
        return [e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text() for e in self.edits]

    def check(self) -> None:
        try:
            check_document(self._texts())
        except ValidationError as exc:
            self.setText(exc.message)
            self.show()
            return
        self.hide()
